"""Figures stated by sources (aid, trade, losses, votes), each with its unit, years and source.

Figures are never converted between units here: roubles stay roubles, dollars stay
dollars. Where two sources give different numbers for the same measure, both rows
are kept, and the ``disagreement`` column says who says what.

>>> rows = figures(topic="korean-war-air")
>>> bool(rows["unit"].isin(["aircraft", "pilots", "persons"]).all())
True
"""
from __future__ import annotations

import pandas as pd

from .data import load
from .errors import LessonInputError, unknown

__all__ = ["figures", "topics"]


def topics() -> list[str]:
    """The topics figures are grouped under.

    >>> "aid-to-dprk" in topics()
    True
    """
    return sorted(set(load("figures")["topic"]))


def figures(topic: str | None = None, measure: str | None = None) -> pd.DataFrame:
    """Figures for a topic and/or a measure, with a short reference to each row's source.

    >>> figures(topic="weather")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown topic 'weather'. ...Allowed: ...
    """
    from .citations import short_cite

    table = load("figures")
    if topic is not None:
        if topic not in topics():
            raise unknown("topic", topic, topics())
        table = table[table["topic"] == topic]
    if measure is not None:
        measures = sorted(set(table["measure"]))
        if measure not in measures:
            raise unknown("measure", measure, measures)
        table = table[table["measure"] == measure]
    if table.empty:
        raise LessonInputError("No figures match; see lessons.load('figures') for what exists.")
    table = table.copy()
    table["reference"] = table["source_id"].map(short_cite)
    return table.reset_index(drop=True)
