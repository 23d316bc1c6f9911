"""What the trade charts say in words, and the checks of their controls: no matplotlib here, so the
trade explorer can show its first picture (kept in the render cache) without loading it.

>>> FLOW_LABELS["total"]
'total trade (both directions)'
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from ..errors import LessonInputError
from ..trade import TRADE_YEARS, pair_of, trade_pairs
from ..validate import check_years, shown

__all__ = ["SCALES", "FLOW_LABELS", "missing_runs", "check_pairs", "trade_alt_text", "check_trade_years"]

SCALES = ("linear", "log")
FLOW_LABELS = {"total": "total trade (both directions)", "exports": "the power's exports to the Korea",
               "imports": "the power's imports from the Korea"}


def missing_runs(years) -> list[tuple[int, int]]:
    """Consecutive runs in a sorted list of years.

    >>> missing_runs([1955, 1956, 1957, 1960, 1981, 1982])
    [(1955, 1957), (1960, 1960), (1981, 1982)]
    """
    runs = []
    for year in years:
        if runs and year == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], year)
        else:
            runs.append((year, year))
    return runs


def _runs_text(runs) -> str:
    return ", ".join(f"{a}–{b}" if a != b else f"{a}" for a, b in runs)


def check_pairs(pairs) -> list[str]:
    """Pairs as the data name them, checked: text or a list of texts, none repeated, at least one
    (``None`` means every pair; an empty list is an error, not a way of saying "all").

    Aliases are read as :func:`lessons.trade.pair_of` reads them, so 'ussr-dprk' and
    'USSR/Russia–DPRK' are the same pair, and naming it twice is an error rather than
    a line drawn twice.

    >>> check_pairs("russia rok")
    ['USSR/Russia–ROK']
    >>> check_pairs([])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: No pair given: name at least one, e.g. ['USSR/Russia–DPRK']. ...
    >>> check_pairs(["ussr-dprk", "USSR/Russia–DPRK"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: 'ussr-dprk' and 'USSR/Russia–DPRK' are the same pair (USSR/Russia–DPRK):
    name each pair once.
    """
    allowed = ", ".join(map(repr, trade_pairs()))
    if pairs is None:  # said outright: every pair
        return trade_pairs()
    if isinstance(pairs, str):
        pairs = [pairs]
    if not isinstance(pairs, (list, tuple)):
        raise LessonInputError(f"pairs must be a list of pair names such as ['USSR/Russia–DPRK']; got "
                               f"{shown(pairs)}. Allowed pairs: {allowed}.")
    if not pairs:
        raise LessonInputError(f"No pair given: name at least one, e.g. ['USSR/Russia–DPRK']. "
                               f"Allowed pairs: {allowed}.")
    seen: dict[str, object] = {}
    for given in pairs:
        name = pair_of(given)
        if name in seen:
            raise LessonInputError(f"{seen[name]!r} and {given!r} are the same pair ({name}): name each pair once.")
        seen[name] = given
    return list(seen)


def check_trade_years(years) -> tuple[int, int] | None:
    """None (the data's own years) or a checked (first, last) inside the trade data's years."""
    if years is None:
        return None
    return check_years(years, "years", first=TRADE_YEARS[0], last=TRADE_YEARS[1],
                       note="For later years see lessons.figures(topic='rok-ussr-trade').")


def trade_alt_text(series: pd.DataFrame, flow: str, scale: str) -> str:
    parts = []
    # NumPy rather than pandas inside the loop: the explorer asks for this on every change.
    for pair, rows in series.groupby("pair", sort=False):
        years = rows["year"].to_numpy(dtype=np.int64)
        values = rows["value"].to_numpy(dtype=float, na_value=np.nan)
        known = ~np.isnan(values)
        years_known, values_known = years[known], values[known]
        top = int(np.argmax(values_known)) if known.any() else 0  # the first year of the highest value
        text = f"{pair}: no values" if not known.any() else (
            f"{pair}: from {values_known[0]:,.0f} in {years_known[0]} to {values_known[-1]:,.0f} in "
            f"{years_known[-1]}, highest {values_known[top]:,.0f} in {years_known[top]}")
        gaps = missing_runs(years[rows["missing_report"].to_numpy(dtype=bool)].tolist())
        if gaps:
            text += "; no report (COW shows 0) in " + _runs_text(gaps)
        parts.append(text)
    return (f"Line chart of {FLOW_LABELS[flow]}, in current US$ millions ({scale} scale), Correlates of War data. "
            + ". ".join(parts) + ".")
