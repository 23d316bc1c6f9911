"""Ask the course chronology questions: which events, when, who, what kind.

Every lesson uses :func:`events`; its filters combine (all must match)::

    events(period="war")
    events(years=(1988, 1991), actor="ROK")
    events(actor="USSR/Russia", category="economic", keyword="trade")

Bad filters raise :class:`~lessons.errors.LessonInputError` naming what is allowed.

>>> len(events(period="division")) > 5
True
>>> events(actor="DPKR")
Traceback (most recent call last):
...
lessons.errors.LessonInputError: Unknown actor 'DPKR'. Did you mean 'DPRK'? Allowed: ...
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .data import load, schema
from .dates import check_years, format_span
from .errors import LessonInputError, unknown

__all__ = [
    "events", "event", "actors", "categories", "periods", "period_of",
    "RELATIONS", "relation_of", "FIRST_YEAR", "LAST_YEAR",
]

FIRST_YEAR, LAST_YEAR = 1945, 2025
MOSCOW = frozenset({"USSR", "RUS"})
#: How an event relates Moscow to the two Koreas, in the order charts show them.
RELATIONS = ("Moscow–Pyongyang", "Moscow–Seoul", "Moscow and both Koreas", "Moscow and others", "Without Moscow")


def relation_of(actors: Iterable[str]) -> str:
    """Which of :data:`RELATIONS` an event with these actors belongs to.

    >>> relation_of(["USSR", "DPRK"])
    'Moscow–Pyongyang'
    >>> relation_of(["ROK", "RUS", "USA"])
    'Moscow–Seoul'
    >>> relation_of(["USSR", "DPRK", "ROK"])
    'Moscow and both Koreas'
    >>> relation_of(["USSR", "UN"])
    'Moscow and others'
    >>> relation_of(["ROK", "USA"])
    'Without Moscow'
    """
    actors = set(actors)
    north, south = "DPRK" in actors, "ROK" in actors
    if not actors & MOSCOW:
        return RELATIONS[4]
    if north and south:
        return RELATIONS[2]
    if north:
        return RELATIONS[0]
    if south:
        return RELATIONS[1]
    return RELATIONS[3]


def actors() -> pd.DataFrame:
    """The actor codes used in events, their names and filter groups.

    >>> actors().set_index("code").loc["RUS", "group"]
    'USSR/Russia'
    """
    return load("actors")


def categories() -> list[str]:
    """The allowed event categories.

    >>> categories()
    ['diplomatic', 'military', 'economic', 'political', 'cultural']
    """
    field = next(f for f in schema("events") if f["name"] == "category")
    return list(field["constraints"]["enum"])


def periods() -> pd.DataFrame:
    """The six periods, with their lesson numbers and inclusive dates.

    >>> periods()["id"].tolist()
    ['division', 'war', 'alliance', 'indirect', 'nordpolitik', 'russia']
    """
    return load("periods")


def period_of(date: object) -> str:
    """The id of the period that contains ``date`` (anything pandas reads as a date).

    >>> period_of("1953-03-05"), period_of("1953-09-20")
    ('war', 'alliance')
    """
    when = pd.Timestamp(date)
    table = periods()
    match = table[(table["start"] <= when) & (table["end"] >= when)]
    if match.empty:
        raise LessonInputError(f"{when.date()} is outside the course ({FIRST_YEAR}–{LAST_YEAR}).")
    return match["id"].iloc[0]


def _actor_codes(actor: str) -> set[str]:
    """Codes matched by an actor filter: a code ('DPRK'), a group ('USSR/Russia') or a name."""
    table = actors()
    if not isinstance(actor, str):
        raise LessonInputError(f"The actor must be text such as 'DPRK', not {type(actor).__name__}.")
    wanted = actor.strip().casefold()
    for column in ("code", "group", "name"):
        hits = table[table[column].str.casefold() == wanted]
        if not hits.empty:
            return set(table[table["group"].isin(hits["group"])]["code"]) if column != "code" else set(hits["code"])
    allowed = list(dict.fromkeys([*table["group"], *table["code"]]))
    raise unknown("actor", actor, allowed)


def _with_display_columns(table: pd.DataFrame) -> pd.DataFrame:
    table = table.copy()
    table["relation"] = table["actors"].map(relation_of)
    table["when"] = [
        format_span(s, e, p, ep or None)
        for s, e, p, ep in zip(table["start"], table["end"], table["precision"], table["end_precision"])
    ]
    return table


def events(period: str | None = None, years=None, actor: str | None = None,
           category: str | None = None, keyword: str | None = None) -> pd.DataFrame:
    """Events matching every filter given, in date order.

    Adds two columns: ``relation`` (see :func:`relation_of`) and ``when`` (the date as
    precisely as the sources allow).

    period:   a period id (see :func:`periods`), e.g. ``"war"``
    years:    a year or a pair ``(first, last)``, inclusive; an event counts if it
              starts in those years or spans into them
    actor:    a code ('DPRK'), a group ('USSR/Russia') or a name ('South Korea')
    category: one of :func:`categories`
    keyword:  words that must all appear in the id, title, summary or disagreement note (any case)

    >>> events(years=1983, actor="USSR/Russia", keyword="KAL")["when"].tolist()
    ['1 Sep 1983', '12 Sep 1983']
    >>> events(years=(1991, 1988))
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: The first year (1991) is after the last (1988); try (1988, 1991).
    """
    table = load("events")
    keep = pd.Series(True, index=table.index)
    if period is not None:
        allowed = periods()["id"].tolist()
        if period not in allowed:
            raise unknown("period", period, allowed)
        keep &= table["period"] == period
    if years is not None:
        first, last = check_years(years, FIRST_YEAR, LAST_YEAR)
        end = table["end"].fillna(table["start"])
        keep &= (table["start"].dt.year <= last) & (end.dt.year >= first)
    if actor is not None:
        codes = _actor_codes(actor)
        keep &= table["actors"].map(lambda row: bool(codes.intersection(row)))
    if category is not None:
        if category not in categories():
            raise unknown("category", category, categories())
        keep &= table["category"] == category
    if keyword is not None:
        if not isinstance(keyword, str):
            raise LessonInputError(f"The keyword must be text, not {type(keyword).__name__}.")
        text = (table["id"] + " " + table["title"] + " " + table["summary"] + " " + table["disagreement"]).str.casefold()
        for word in keyword.casefold().split():
            keep &= text.str.contains(word, regex=False)
    return _with_display_columns(table[keep].sort_values(["start", "id"]).reset_index(drop=True))


def event(event_id: str) -> pd.Series:
    """One event by its id, with the ``relation`` and ``when`` columns.

    >>> event("no-such-event")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown event id 'no-such-event'. ...
    """
    table = load("events")
    hit = table[table["id"] == event_id]
    if hit.empty:
        raise LessonInputError(
            f"Unknown event id {event_id!r}. Event ids look like '1948-...'; "
            "find them with lessons.events(keyword=...)."
        )
    return _with_display_columns(hit).iloc[0]
