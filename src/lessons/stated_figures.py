"""Figures stated by sources (aid, trade, losses, votes), each with its unit, years and source.

Figures are never converted between units here: roubles stay roubles, dollars stay
dollars. Where two sources give different numbers for the same measure, both rows
are kept, and the ``disagreement`` column says who says what.

>>> rows = figures(topic="korean-war-air")
>>> bool(rows["unit"].isin(["aircraft", "pilots", "persons"]).all())
True
"""
from __future__ import annotations

from .citations import short_cite
from .data import load
from .errors import LessonInputError
from .tables import Table, as_table
from .validate import check_id

__all__ = ["figures", "topics"]


def topics() -> list[str]:
    """The topics figures are grouped under.

    >>> "aid-to-dprk" in topics()
    True
    """
    return sorted(set(load("figures")["topic"]))


def figures(topic: str | None = None, measure: str | None = None, unit: str | None = None) -> Table:
    """Figures for a topic, a measure and/or a unit, with a short reference to each row's source.

    Rows come grouped by unit (the unit whose figures start earliest first), then in
    date order, so that roubles and dollars are never read as one series; in Jupyter
    each unit gets its own heading row. ``unit`` keeps one unit only.

    >>> rows = figures(topic="soviet-dprk-trade", measure="total-trade")
    >>> rows["unit"].tolist() == sorted(rows["unit"], key=rows["unit"].tolist().index)  # grouped
    True
    >>> figures(topic="soviet-dprk-trade", unit="million US$")["unit"].unique().tolist()
    ['million US$']
    >>> figures(topic="weather")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown topic 'weather'. ...Allowed: ...
    >>> figures(topic=["aid-to-dprk"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: topic must be one of the allowed values, as text; got ['aid-to-dprk'] (a list). ...
    """
    table = load("figures")
    if topic is not None:
        check_id(topic, "topic", topics())
        table = table[table["topic"] == topic]
    if measure is not None:
        check_id(measure, "measure", sorted(set(table["measure"])))
        table = table[table["measure"] == measure]
    if unit is not None:
        check_id(unit, "unit", sorted(set(table["unit"])))
        table = table[table["unit"] == unit]
    if table.empty:
        raise LessonInputError("No figures match. Allowed: a topic, measure and unit that occur together "
                               "in lessons.load('figures').")
    table = table.copy()
    table["reference"] = table["source_id"].map(short_cite)
    # Group by unit, earliest unit first, then by date: a US$ row never sits among rouble rows.
    table["_unit_first"] = table.groupby("unit")["year_start"].transform("min")
    # Stable: rows of the same unit and years keep the catalogue's order (charts draw bars in that order).
    table = table.sort_values(["_unit_first", "unit", "year_start", "year_end"], kind="stable").drop(
        columns="_unit_first")
    return as_table(table.reset_index(drop=True))
