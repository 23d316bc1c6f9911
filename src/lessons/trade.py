"""Trade between the powers and the two Koreas, from the Correlates of War data (1950-2014).

``trade_series`` gives one value per pair and year, for the flow asked:

* ``"exports"``: the power's exports to the Korea (the Korea's imports from it);
* ``"imports"``: the power's imports from the Korea;
* ``"total"``: both together.

Values COW records as 0 although trade took place (Soviet trade with the DPRK in
1955-57, 1960-63 and 1981-91 (1958-59 are absent), with the ROK in 1982-90) come back as missing, never as zero, with
``missing_report`` set, so no chart can show a collapse that did not happen.

>>> series = trade_series(["USSR/Russia–DPRK"], years=(1989, 1993))
>>> print(series[["year", "value", "missing_report"]].to_string(index=False))
 year  value  missing_report
 1989    NaN            True
 1990    NaN            True
 1991    NaN            True
 1992  292.0           False
 1993  239.0           False
"""
from __future__ import annotations

import pandas as pd

from .data import load, schema
from .errors import LessonInputError, unknown
from .tables import Table, as_table
from .validate import check_choice, check_flag, check_text, check_years, shown

__all__ = ["FLOWS", "trade_series", "trade_pairs", "TRADE_YEARS", "pair_of"]

FLOWS = ("total", "exports", "imports")
TRADE_YEARS = (1950, 2014)


def trade_pairs() -> list[str]:
    """The pairs the trade data cover, power first.

    >>> trade_pairs()[:2]
    ['USSR/Russia–DPRK', 'USSR/Russia–ROK']
    """
    return list(next(f for f in schema("trade") if f["name"] == "pair")["constraints"]["enum"])


def pair_of(name: object) -> str:
    """Read a pair name however it is typed: 'USSR/Russia–DPRK', 'ussr-dprk', 'Russia ROK'.

    >>> pair_of("ussr-dprk"), pair_of("Russia ROK"), pair_of("China–ROK")
    ('USSR/Russia–DPRK', 'USSR/Russia–ROK', 'PRC–ROK')
    """
    pairs = trade_pairs()
    if not isinstance(name, str):
        raise LessonInputError(f"A pair is text such as 'USSR/Russia–DPRK'; got {shown(name)}. "
                               "Allowed: " + ", ".join(map(repr, pairs)) + ".")
    check_text(name, "pair", empty=False)
    aliases = {"ussr": "USSR/Russia", "russia": "USSR/Russia", "soviet": "USSR/Russia", "china": "PRC", "prc": "PRC",
               "us": "USA", "usa": "USA", "japan": "JPN", "jpn": "JPN", "ussr/russia": "USSR/Russia"}
    parts = name.replace("–", " ").replace("-", " ").replace(",", " ").split()
    if len(parts) == 2:
        power = aliases.get(parts[0].casefold(), parts[0])
        korea = {"dprk": "DPRK", "north": "DPRK", "rok": "ROK", "south": "ROK"}.get(parts[1].casefold(), parts[1])
        candidate = f"{power}–{korea}"
        if candidate in pairs:
            return candidate
    if name in pairs:
        return name
    raise unknown("pair", name, pairs)


def _years(years) -> tuple[int, int]:
    if years is None:
        return TRADE_YEARS
    first, last = TRADE_YEARS
    return check_years(years, "years", first=first, last=last,
                       note=f"The trade data cover {first}–{last}; for later years see "
                            "lessons.figures(topic='rok-ussr-trade').")


def _pairs(pairs) -> list[str]:
    """None means every pair; one name or a list of names; an empty list is refused, not read as 'all'."""
    if pairs is None:
        return trade_pairs()
    if isinstance(pairs, str):
        return [pair_of(pairs)]
    if isinstance(pairs, (list, tuple, set, frozenset, pd.Series)) and len(pairs):
        return list(dict.fromkeys(pair_of(p) for p in pairs))
    raise LessonInputError(f"pairs must be a pair name or a list of them, e.g. ['USSR/Russia–DPRK']; got "
                           f"{shown(pairs)}. Allowed: None (every pair) or names from " + ", ".join(
                               map(repr, trade_pairs())) + ".")


def trade_series(pairs=None, years=None, flow: str = "total", smoothed: bool = False) -> Table:
    """Trade values (current US$ millions) by pair and year; see the module docstring.

    ``pairs``: None (every pair), one pair name, or a non-empty list of them.
    ``years``: None (all), a year or a pair ``(first, last)`` within 1950-2014.
    ``smoothed``: True or False (COW's smoothed series instead of the reported values).

    >>> trade_series(["USSR/Russia–ROK"], flow="both")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown flow 'both'. Allowed: 'total', 'exports', 'imports'.
    >>> trade_series([])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: pairs must be a pair name or a list of them, e.g. ['USSR/Russia–DPRK']; got [] (a
    list). ...
    >>> trade_series(smoothed="no")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: smoothed must be True or False; got 'no' (text). Allowed: True, False, written
    without quotes.
    """
    check_choice(flow, "flow", FLOWS)
    smoothed = check_flag(smoothed, "smoothed")
    pairs = _pairs(pairs)
    first, last = _years(years)
    table = load("trade")
    table = table[table["pair"].isin(pairs) & table["year"].between(first, last)]
    missing = table["flag"] == "missing-report"
    rows = pd.DataFrame({"pair": table["pair"], "year": table["year"], "missing": missing,
                         "amount": table["smoothed" if smoothed else "value"].where(~missing)})
    if flow != "total":  # the power is the pair's first part: the exporter of its exports
        power = table["pair"].map({pair: pair.split("–")[0] for pair in pairs})
        rows = rows[table["exporter" if flow == "exports" else "importer"] == power]
    # Built-in aggregations, not a Python function per group: the explorer calls this on every change.
    grouped = rows.groupby(["pair", "year"], sort=True)
    out = pd.DataFrame({
        # min_count=len: a total is missing if either direction is missing
        "value": grouped["amount"].sum(min_count=1 if flow != "total" else 2),
        "missing_report": grouped["missing"].any(),
    }).reset_index()
    return as_table(out)
