"""Format citations for events and sources, so every statement can be traced.

``cite(id)`` accepts an event id or a source id::

    cite("1948-ussr-dprk-relations")   # the event, its date and every source it rests on
    cite("oberdorfer-carlin-2014")     # one source, in full

>>> print(cite("zagoria-1988-foreign-affairs"))
Donald S. Zagoria. Soviet Policy in East Asia: A New Beginning? Foreign Affairs 68:1, 1988.
>>> print(cite("oberdorfer-carlin-2014"))
Don Oberdorfer and Robert Carlin. The Two Koreas: A Contemporary History, 3rd ed. Basic Books, 2014.
"""
from __future__ import annotations

import difflib
import functools
import html
import re
from collections.abc import Iterable

import pandas as pd

from .chronology import event
from .data import data_dir, load
from .dates import format_date
from .errors import LessonInputError
from .tables import Table, as_table
from .validate import check_table, check_text, shown

__all__ = ["Citation", "cite", "short_cite", "sources_for"]


class Citation(str):
    """A citation: prints as plain text, shows in Jupyter with working links."""

    def _repr_markdown_(self) -> str:
        return re.sub(r"(https?://\S+?)(?=[\s)]|$)", r"<\1>", str(self))

    def __repr__(self) -> str:  # plain text output in notebooks, without quotes
        return str(self)


@functools.cache
def _sources_by_id(folder) -> dict[str, pd.Series]:
    # Widgets cite hundreds of sources per redraw: index the table once per data folder.
    return {row["id"]: row for _, row in load("sources").iterrows()}


def _checked_source(source_id: object, name: str = "source_id") -> pd.Series:
    """The row of a source id, or an error naming the closest ids."""
    check_text(source_id, name, empty=False, example="'oberdorfer-carlin-2014'")
    row = _source_row(source_id)
    if row is None:
        ids = list(_sources_by_id(data_dir()))
        close = difflib.get_close_matches(source_id.strip(), ids, n=1, cutoff=0.6)
        guess = f" Did you mean {close[0]!r}?" if close else ""
        raise LessonInputError(f"Unknown source id {source_id!r}.{guess} Allowed: an id from "
                               "lessons.load('sources')['id'], such as 'oberdorfer-carlin-2014'.")
    return row


def _source_row(source_id: str) -> pd.Series | None:
    return _sources_by_id(data_dir()).get(source_id) if isinstance(source_id, str) else None


def _when(row: pd.Series) -> str:
    """The source's date, its year, or 'n.d.' (no date) for undated pages."""
    if pd.notna(row["date"]):
        return format_date(row["date"], "day")
    return "n.d." if pd.isna(row["year"]) else str(row["year"])


def _full(row: pd.Series) -> str:
    when = _when(row)
    parts = [row["author"], row["title"], f"{row['container']}, {when}" if row["container"] else when]
    # Join with full stops, but keep a title's own "?" or "!" instead of adding "?."
    text = " ".join(p if p[-1] in ".?!" else p + "." for p in (p.strip() for p in parts) if p)
    return f"{text} {row['url']}" if row["url"] else text


def short_cite(source_id: str) -> str:
    """A short in-text reference: author's surname(s) and year, or outlet and date.

    >>> short_cite("oberdorfer-carlin-2014")
    'Oberdorfer and Carlin (2014)'
    >>> short_cite("oberdorfer-carlin-2015")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown source id 'oberdorfer-carlin-2015'. Did you mean
    'oberdorfer-carlin-2014'? ...
    """
    row = _checked_source(source_id)
    if row["kind"] == "press" or not row["author"]:
        return f"{row['container'] or row['author'] or row['title']}, {_when(row)}"
    year = _when(row) if pd.isna(row["date"]) else row["year"]
    if row["cite_as"]:
        return f"{row['cite_as']} ({year})"
    if _is_corporate(row["author"]):
        return f"{row['author'].split(';')[0].split(',')[0].strip()} ({year})"
    names = [n.strip() for n in row["author"].replace(" & ", " and ").replace(";", " and ").split(" and ") if n.strip()]
    surnames = [n.split()[-1] for n in names]
    if len(surnames) in (1, 2):
        who = " and ".join(surnames)
    else:
        who = f"{surnames[0]} et al."
    return f"{who} ({year})"


_CORPORATE = ("Center", "Centre", "Library", "Department", "Ministry", "Agency", "Foundation", "Nations", "Assembly",
              "Council", "Government", "Kremlin", "Institute", "Office", "Committee", "Army", "Association",
              "Encyclopedia", "Bureau", "Archive", "Project", "Service", "Commission", "Parliament", "GeoNames",
              "Intelligence", "Historian", "Presidential", "Agency", "Command", "Union", "Republic", "Party")


def _is_corporate(author: str) -> bool:
    """Whether an author is an organisation (kept whole) rather than people (cited by surname).

    >>> _is_corporate("Library of Congress, Federal Research Division"), _is_corporate("Kathryn Weathersby")
    (True, False)
    """
    return any(word in author for word in _CORPORATE)


def cite(item_id: str) -> Citation:
    """Full citation of an event (with all its sources) or of a single source.

    >>> cite("not-an-id")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: 'not-an-id' is neither an event id nor a source id. ...
    >>> cite(None)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: item_id must be text, e.g. '1948-ussr-dprk-relations' or
    'oberdorfer-carlin-2014'; got None. ...
    """
    check_text(item_id, "item_id", empty=False, example="'1948-ussr-dprk-relations' or 'oberdorfer-carlin-2014'")
    row = _source_row(item_id)
    if row is not None:
        return Citation(_full(row))
    try:
        ev = event(item_id)
    except LessonInputError:
        raise LessonInputError(
            f"{item_id!r} is neither an event id nor a source id. Allowed: an event id, which starts with a year "
            "(find them with lessons.events(keyword=...)), or a source id (listed by lessons.load('sources'))."
        ) from None
    lines = [f"{ev['when']}: {ev['title']}. Sources:"]
    lines += [f"  [{i}] {_full(_source_row(s))}" for i, s in enumerate(ev["source_ids"], 1)]
    return Citation("\n".join(lines))


def sources_for(event_table: pd.DataFrame, extra: Iterable[str] = ()) -> Table:
    """The sources cited by the given events (plus ``extra`` source ids), each once, sorted.

    ``event_table`` is a table from :func:`lessons.events` (it needs its ``source_ids``
    column); ``extra`` is a source id or a list of them. Returns columns ``id``,
    ``reference`` (short) and ``citation`` (full).

    >>> from lessons.chronology import events
    >>> table = sources_for(events(period="war"))
    >>> list(table.columns)
    ['id', 'reference', 'citation']
    >>> sources_for("war")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: event_table must be a table (a pandas DataFrame) such as lessons.events()
    returns; got 'war' (text). ...
    """
    check_table(event_table, "event_table", ["source_ids"])
    extra = [extra] if isinstance(extra, str) else extra
    if not isinstance(extra, (list, tuple, set, frozenset, pd.Series)):
        raise LessonInputError(f"extra must be a source id or a list of them; got {shown(extra)}. "
                               "Allowed: ids from lessons.load('sources')['id'].")
    for source_id in extra:
        _checked_source(source_id, "extra")
    ids = list(dict.fromkeys([*(s for row in event_table["source_ids"] for s in row), *extra]))
    rows = [(s, short_cite(s), _full(_source_row(s))) for s in ids]
    out = pd.DataFrame(rows, columns=["id", "reference", "citation"])
    return as_table(out.sort_values("reference", key=lambda c: c.str.casefold()).reset_index(drop=True))


@functools.cache
def _source_html(folder, source_id: str) -> str:
    # Explorers list hundreds of sources per redraw; each one's HTML never changes.
    return f'<span title="{html.escape(_full(_source_row(source_id)))}">{html.escape(short_cite(source_id))}</span>'


def as_html_list(source_ids: Iterable[str]) -> str:
    """An HTML list of short references with the full citation as a tooltip."""
    folder = data_dir()
    return "; ".join(_source_html(folder, s) for s in source_ids)
