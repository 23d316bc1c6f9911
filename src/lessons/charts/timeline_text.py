"""What the timeline charts say in words, and where a date sits on a year axis: no matplotlib here,
so the explorers can show their first picture (kept in the render cache) without loading it.

>>> SHAPE_KEY.startswith("Shape:")
True
"""
from __future__ import annotations

import pandas as pd

from ..chronology import RELATIONS

__all__ = ["decimal_year", "uncertain_tail", "timeline_alt_text", "LAYOUTS", "SHAPE_KEY"]

#: The shape legend as text, for widgets that draw the chart without a legend.
SHAPE_KEY = "Shape: ● diplomatic · ▲ military · ■ economic · ◆ political · ★ cultural. Bars: events that lasted."


def decimal_year(date: pd.Timestamp) -> float:
    """A date as a fractional year, for placing it on a year axis.

    >>> decimal_year(pd.Timestamp("1948-07-02")), decimal_year(pd.Timestamp("1950-01-01"))
    (1948.5, 1950.0)
    """
    start = pd.Timestamp(year=date.year, month=1, day=1)
    length = pd.Timestamp(year=date.year + 1, month=1, day=1) - start
    return round(date.year + (date - start) / length, 3)


def uncertain_tail(end: pd.Timestamp, end_precision: str) -> float | None:
    """Where a bar's dotted tail stops when its end is known only to the month or year.

    >>> uncertain_tail(pd.Timestamp("1953-01-01"), "year")
    1954.0
    >>> uncertain_tail(pd.Timestamp("1953-01-01"), "day") is None
    True
    """
    if end_precision == "year":
        return float(end.year + 1)
    if end_precision == "month":
        return decimal_year(end + pd.offsets.MonthBegin(1))
    return None


# How each kind of timeline lays out its events, as its description says it.
LAYOUTS = {"rows": "one row per event in date order, each labelled with its title",
           "lanes": "one lane per relation"}


def timeline_alt_text(table: pd.DataFrame, first: int, last: int, layout: str = "rows") -> str:
    """Describe a timeline in words: how many events, where they cluster, by relation.

    ``layout`` is "rows" (the labelled timeline) or "lanes" (the lanes chart and explorers).

    >>> from lessons.chronology import events
    >>> print(timeline_alt_text(events(years=(1950, 1953)), 1950, 1953)[:60])
    Timeline of ... events from 1950 to 1953, one row per event...
    >>> print(timeline_alt_text(events(years=(1950, 1953)), 1950, 1953, layout="lanes")[:60])
    Timeline of ... events from 1950 to 1953, one lane per relati...
    """
    if table.empty:
        return f"An empty timeline from {first} to {last}: no event matches the filters."
    by_relation = table["relation"].value_counts()
    relation_text = "; ".join(f"{by_relation[r]} {r}" for r in RELATIONS if r in by_relation)
    busiest = table["start"].dt.year.value_counts().sort_index()
    top = busiest.sort_values(ascending=False).head(3).index.sort_values()
    return (
        f"Timeline of {len(table)} events from {first} to {last}, {LAYOUTS[layout]}. By relation: {relation_text}. "
        f"The busiest years are {', '.join(map(str, top))}. "
        f"First event: {table['title'].iloc[0]} ({table['when'].iloc[0]}); "
        f"last event: {table['title'].iloc[-1]} ({table['when'].iloc[-1]})."
    )
