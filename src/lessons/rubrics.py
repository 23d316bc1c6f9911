"""The rubric for the written arguments (``data/rubric.csv``): four criteria, four levels.

Students tick, for each criterion, the level their answer reaches (the argument box); the
grader (``lessons.tools.grade``) shows the rubric beside the answers through :func:`rubric`.

>>> table = rubric()
>>> sorted(set(table["criterion"])), sorted(int(n) for n in set(table["level"]))
(['claim', 'evidence', 'reasoning', 'sourcing'], [1, 2, 3, 4])
>>> rubric("argument:2").splitlines()[0]
'Claim'
>>> rubric("doc:1950-01-30-x:sourcing") is None
True
"""
from __future__ import annotations

import re

from .data import load
from .tables import Table, as_table
from .validate import check_text

__all__ = ["rubric", "descriptors", "criteria", "levels", "applies_to", "CRITERIA_NAMES"]

#: Criteria as students read them.
CRITERIA_NAMES = {"claim": "Claim", "evidence": "Evidence", "reasoning": "Reasoning", "sourcing": "Sourcing"}
# The items the rubric is for: a lesson's argument and its self-assessment.
_ITEM = re.compile(r"argument:\d+(:self-assessment)?")


def _table() -> Table:
    return as_table(load("rubric").sort_values(["criterion", "level"], key=lambda c: c.map(
        list(CRITERIA_NAMES).index) if c.name == "criterion" else c).reset_index(drop=True))


def criteria() -> list[str]:
    """The criteria, in the order the rubric lists them.

    >>> criteria()
    ['claim', 'evidence', 'reasoning', 'sourcing']
    """
    return list(dict.fromkeys(_table()["criterion"]))


def levels() -> dict[int, str]:
    """Each level's number and name.

    >>> levels()[1], levels()[4]
    ('Beginning', 'Excellent')
    """
    table = _table()
    return {int(n): label for n, label in zip(table["level"], table["label"], strict=True)}


def applies_to(item: object) -> bool:
    """Whether the rubric is the one for answer ``item`` (an argument or its self-assessment).

    >>> applies_to("argument:3"), applies_to("argument:3:self-assessment"), applies_to("3.1")
    (True, True, False)
    """
    return isinstance(item, str) and _ITEM.fullmatch(item) is not None


def descriptors(item: object) -> Table:
    """The rubric's rows (criterion, level, label, descriptor) for answer ``item``; no rows if none applies.

    >>> len(descriptors("argument:1")), len(descriptors("1.1"))
    (16, 0)
    """
    check_text(item, "item", empty=False, example="'argument:2'")
    table = _table()
    return table if applies_to(item) else table.iloc[0:0]


def rubric(item: object = None) -> Table | str | None:
    """The whole rubric as a table; or, given an answer ``item``, its rubric as plain text (None if none).

    The text form is what the grader shows beside the answers to ``item``: one block per
    criterion, one line per level.

    >>> print(rubric("argument:1").splitlines()[1])
      4 Excellent: Answers the central question with a clear claim that also says how far, or in what way, it holds.
    """
    if item is None:
        return _table()
    rows = descriptors(item)
    if rows.empty:
        return None
    blocks = []
    for criterion in criteria():
        part = rows[rows["criterion"] == criterion].sort_values("level", ascending=False)
        blocks.append("\n".join([CRITERIA_NAMES.get(criterion, criterion)] + [
            f"  {row.level} {row.label}: {row.descriptor}" for row in part.itertuples()]))
    return "\n".join(blocks)
