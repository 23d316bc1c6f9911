"""Ask the course chronology questions: which events, when, who, what kind.

Every lesson uses :func:`events`; its filters combine (all must match)::

    events(period="war")
    events(years=(1988, 1991), actor="ROK")
    events(actor="USSR/Russia", category="economic", keyword="trade")

Bad filters raise :class:`~lessons.errors.LessonInputError` naming what is allowed.

``FIRST_YEAR`` and ``LAST_YEAR``, the first and last year the course covers, come from the
course's own periods (``data/periods.csv``, through :func:`~lessons.validate.course_years`),
read the first time they are asked for, never when the module is imported.

>>> len(events(period="division")) > 5
True
>>> events(actor="DPKR")
Traceback (most recent call last):
...
lessons.errors.LessonInputError: Unknown actor 'DPKR'. Did you mean 'DPRK'? Allowed: ...
"""
from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable

import pandas as pd

from .data import data_dir, load, schema
from .dates import _span, format_date, given_precision
from .errors import LessonInputError, unknown
from .tables import Record, Table, as_record, as_table
from .validate import check_date, check_id, check_text, check_years, course_years, shown

__all__ = [  # noqa: F822 (FIRST_YEAR and LAST_YEAR come from the module's __getattr__, read on first use)
    "events", "event", "actors", "categories", "periods", "period_of", "turning_points",
    "RELATIONS", "relation_of", "FIRST_YEAR", "LAST_YEAR",
]

MOSCOW = frozenset({"USSR", "RUS"})
#: How an event relates Moscow to the two Koreas, in the order charts show them.
RELATIONS = ("Moscow–Pyongyang", "Moscow–Seoul", "Moscow and both Koreas", "Moscow and others", "Without Moscow")


def __getattr__(name: str):
    """``FIRST_YEAR`` and ``LAST_YEAR``, read from the periods on first use (see the module's docstring).

    >>> from lessons import chronology
    >>> chronology.FIRST_YEAR, chronology.LAST_YEAR
    (1945, 2025)
    """
    if name in _COURSE_YEARS:
        return course_years()[_COURSE_YEARS[name]]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


_COURSE_YEARS = {"FIRST_YEAR": 0, "LAST_YEAR": 1}


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
    >>> relation_of("USSR")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: actors must be a list of actor codes such as ['USSR', 'DPRK']; got 'USSR' (text).
    ...
    """
    if isinstance(actors, str) or not isinstance(actors, (list, tuple, set, frozenset)) or not all(
            isinstance(a, str) for a in actors):
        raise LessonInputError(f"actors must be a list of actor codes such as ['USSR', 'DPRK']; got {shown(actors)}. "
                               "Allowed: a list or tuple of codes from lessons.actors().")
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


def actors() -> Table:
    """The actor codes used in events, their names and filter groups.

    >>> actors().set_index("code").loc["RUS", "group"]
    'USSR/Russia'
    """
    return as_table(load("actors"))


def categories() -> list[str]:
    """The allowed event categories.

    >>> categories()
    ['diplomatic', 'military', 'economic', 'political', 'cultural']
    """
    field = next(f for f in schema("events") if f["name"] == "category")
    return list(field["constraints"]["enum"])


def periods() -> Table:
    """The six periods, with their lesson numbers and inclusive dates.

    >>> periods()["id"].tolist()
    ['division', 'war', 'alliance', 'indirect', 'nordpolitik', 'russia']
    """
    return as_table(load("periods"))


def period_of(date: object) -> str:
    """The id of the period that contains ``date``: text 'YYYY-MM-DD', a date, or a year.

    A year (1950 or '1950') is read as the whole year, never as a count of nanoseconds;
    a year or month that falls in two periods (1953: war until 27 July, alliance after)
    needs a full date.

    >>> period_of("1953-03-05"), period_of("1953-09-20"), period_of(1950), period_of("1960-05")
    ('war', 'alliance', 'war', 'alliance')
    >>> period_of(1953)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: 1953 falls in two periods: 'war' (to 27 Jul 1953) and 'alliance' (from 28 Jul
    1953). ...
    >>> period_of("the fifties")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: date must be a date such as '1953-03-05'; got 'the fifties' (text). ...
    """
    when = check_date(date, "date")
    given = given_precision(date)
    # The whole stretch of time the value names: a day, a month or a year.
    last = {"day": when, "month": when + pd.offsets.MonthEnd(0), "year": when + pd.offsets.YearEnd(0)}[given]
    table = periods()
    match = table[(table["start"] <= last) & (table["end"] >= when)]
    shown_as = str(date).strip() if given != "day" else str(when.date())
    if match.empty:
        first_year, last_year = course_years()
        raise LessonInputError(f"{shown_as} is outside the course. Allowed: dates from {first_year} to {last_year}.")
    if len(match) > 1:
        parts = [f"{row.id!r} ({'to ' + format_date(row.end) if row.end <= last else ''}"
                 f"{'from ' + format_date(row.start) if row.start >= when else ''})"
                 for row in match.itertuples()]
        raise LessonInputError(f"{shown_as} falls in two periods: {' and '.join(parts)}. Allowed: a full date "
                               f"such as '{when.year}-03-05', or a {given} inside one period.")
    return match["id"].iloc[0]


def _actor_codes(actor: str) -> set[str]:
    """Codes matched by an actor filter: a code ('DPRK'), a group ('USSR/Russia') or a name."""
    table = actors()
    check_text(actor, "actor", empty=False, example="'DPRK' or 'USSR/Russia'")
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
        _span(s, None if pd.isna(e) else e, p, ep or p)
        for s, e, p, ep in zip(table["start"], table["end"], table["precision"], table["end_precision"], strict=True)
    ]
    return table


def _all_events() -> pd.DataFrame:
    """Every event with its display columns, worked out once per data folder: lessons ask often.

    Never changed in place (pandas copies on write), so a caller can change what it gets back.
    """
    return _events_with_display_columns(data_dir())


@functools.cache
def _events_with_display_columns(folder) -> pd.DataFrame:
    return _with_display_columns(load("events"))


def events(period: str | None = None, years=None, actor: str | None = None,
           category: str | None = None, keyword: str | None = None) -> Table:
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
    lessons.errors.LessonInputError: years: the first year (1991) is after the last (1988); try (1988, 1991). ...
    >>> events(years=(1950, float("inf")))
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: years must be a finite year; got inf. Allowed: whole years from 1945 to 2025, ...
    """
    table = _all_events()
    keep = pd.Series(True, index=table.index)
    if period is not None:
        check_id(period, "period", periods()["id"])
        keep &= table["period"] == period
    if years is not None:
        first, last = check_years(years, "years")
        end = table["end"].fillna(table["start"])
        keep &= (table["start"].dt.year <= last) & (end.dt.year >= first)
    if actor is not None:
        codes = _actor_codes(actor)
        keep &= table["actors"].map(lambda row: bool(codes.intersection(row)))
    if category is not None:
        check_id(category, "category", categories())
        keep &= table["category"] == category
    if keyword is not None:
        check_text(keyword, "keyword", example="'trade' or 'KAL 007'")
        text = (table["id"] + " " + table["title"] + " " + table["summary"] + " "
                + table["disagreement"]).str.casefold()
        for word in keyword.casefold().split():
            keep &= text.str.contains(word, regex=False)
    return as_table(table[keep].sort_values(["start", "id"]).reset_index(drop=True))


def turning_points() -> Table:
    """Each period's turning point (``data/periods.csv``), as events with the period's lesson.

    Which event marks a period is a teaching choice of the course, not a claim of its sources:
    the chronology itself cites the sources of each event.

    >>> turning_points()[["lesson", "when"]].head(2).values.tolist()
    [[1, '12 Oct 1948'], [2, '25 Jun 1950']]
    """
    lesson_of = load("periods").set_index("turning_point")["lesson"]
    table = _all_events()
    table = table[table["id"].isin(lesson_of.index)].assign(lesson=lambda t: t["id"].map(lesson_of))
    return as_table(table.sort_values("start").reset_index(drop=True))


def event(event_id: str) -> Record:
    """One event by its id, with the ``relation`` and ``when`` columns.

    >>> event("1948-ussr-dprk-relations")["when"]
    '12 Oct 1948'
    >>> event("1948-ussr-dprk-relation")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown event id '1948-ussr-dprk-relation'. Did you mean
    '1948-ussr-dprk-relations'? ...
    >>> event(["1948-ussr-dprk-relations"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: event_id must be text, e.g. '1948-ussr-dprk-relations'; got [...] (a list). ...
    """
    check_text(event_id, "event_id", empty=False, example="'1948-ussr-dprk-relations'")
    table = _all_events()
    hit = table[table["id"] == event_id]
    if hit.empty:
        close = difflib.get_close_matches(event_id.strip(), table["id"], n=1, cutoff=0.6)
        guess = f" Did you mean {close[0]!r}?" if close else ""
        raise LessonInputError(
            f"Unknown event id {event_id!r}.{guess} Allowed: an id from lessons.events()['id'], such as "
            "'1948-ussr-dprk-relations'; find one with lessons.events(keyword=...)."
        )
    return as_record(hit.reset_index(drop=True).iloc[0])
