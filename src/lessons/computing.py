"""Compute it yourself (lesson 8): a small trade table, and a checker that recognises common mistakes.

The student writes one line of pandas on :func:`trade_table` and passes the result to
:func:`check_computation`. The right answer and the known mistakes (dividing the wrong way
round, one direction of trade only, a share instead of a ratio, a difference) are all computed
here from ``data/trade.csv``, so the key cannot drift from the data.

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()  # checked answers are kept: not in a real home
>>> table = trade_table(2014)
>>> float(table.loc["China", "total"]), float(table.loc["Russia", "total"])
(6728.0, 100.0)
>>> check_computation("8.ratio", 67.28).status
'correct'
>>> print(check_computation("8.ratio", 100 / 6728).message.split(":")[0])
You divided the wrong way round
"""
from __future__ import annotations

import math
import numbers
from dataclasses import dataclass

import numpy as np
import pandas as pd

from .answers import store
from .errors import LessonInputError
from .notes import evidence_line
from .questions.check import Feedback
from .tables import Table
from .trade import trade_series
from .validate import check_choice, check_years

__all__ = ["trade_table", "check_computation", "TASKS", "expected", "TOLERANCE"]

#: A value within 1% of the right one is right (67 and 67.3 both are).
TOLERANCE = 0.01
_KOREAS = {"DPRK": "North Korea", "ROK": "South Korea"}
_POWERS = {"PRC": "China", "USSR/Russia": None, "JPN": "Japan", "USA": "USA"}


def _power_name(group: str, year: int) -> str:
    """A partner's name as a student types it: the USSR until 1991, Russia after.

    >>> _power_name("USSR/Russia", 1990), _power_name("USSR/Russia", 1992), _power_name("PRC", 1990)
    ('USSR', 'Russia', 'China')
    """
    if group == "USSR/Russia":
        return "USSR" if year <= 1991 else "Russia"
    return _POWERS[group]


def trade_table(year: object, korea: str = "DPRK") -> Table:
    """One year's trade of ``korea`` ('DPRK' or 'ROK') with each partner, in US$ million (COW).

    Rows are the partners (China, USSR or Russia, Japan, USA); ``exports`` is what the partner
    sold to the Korea, ``imports`` what it bought from it, ``total`` both. A value COW records
    as 0 although trade took place is missing (blank), as in every lesson.

    >>> list(trade_table(2014).columns), list(trade_table(2014).index)
    (['exports', 'imports', 'total'], ['China', 'Russia', 'Japan', 'USA'])
    >>> trade_table(1820)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: year (1820, 1820) must lie between 1950 and 2014. ...
    """
    first, last = check_years(year, "year", first=1950, last=2014)
    if first != last:
        raise LessonInputError(f"year must be one year, e.g. 2014; got {year!r}.")
    korea = check_choice(korea, "korea", tuple(_KOREAS))
    rows = {}
    for group in _POWERS:
        pair = f"{group}–{korea}"
        values = {flow: trade_series(pair, years=(first, first), flow=flow)["value"] for flow in
                  ("exports", "imports", "total")}
        rows[_power_name(group, first)] = {flow: (float(v.iloc[0]) if len(v) else np.nan) for flow, v in values.items()}
    table = Table(pd.DataFrame.from_dict(rows, orient="index"))
    table.index.name = f"partner of {_KOREAS[korea]}, {first}"
    return table


@dataclass(frozen=True)
class Task:
    """A computation: its year and the two partners it compares (for the ratio task)."""

    year: int
    top: str
    bottom: str
    korea: str = "DPRK"


TASKS = {"8.ratio": Task(2014, "China", "Russia")}


def expected(task_id: str) -> dict[str, float]:
    """The right value and each known mistake's value for ``task_id``, computed from the data.

    >>> {k: round(v, 2) for k, v in expected("8.ratio").items()}["right"]
    67.28
    """
    task = TASKS[task_id]
    t = trade_table(task.year, task.korea)
    top, bottom = t.loc[task.top].astype(float), t.loc[task.bottom].astype(float)
    values = {
        "right": top["total"] / bottom["total"],
        "inverted": bottom["total"] / top["total"],
        "exports": top["exports"] / bottom["exports"],
        "imports": top["imports"] / bottom["imports"],
        "inverted exports": bottom["exports"] / top["exports"],
        "inverted imports": bottom["imports"] / top["imports"],
        "share": top["total"] / (top["total"] + bottom["total"]),
        "share percent": 100 * top["total"] / (top["total"] + bottom["total"]),
        "difference": top["total"] - bottom["total"],
    }
    return {k: float(v) for k, v in values.items()}


_MISTAKES = {
    "inverted": "You divided the wrong way round: that is Russia's trade divided by China's. Put China's total on top.",
    "exports": "You used exports only: the question is about all their trade, exports and imports together.",
    "imports": "You used imports only: the question is about all their trade, exports and imports together.",
    "inverted exports": "You used exports only, and divided the wrong way round.",
    "inverted imports": "You used imports only, and divided the wrong way round.",
    "share": "That is China's share of the two partners' trade together, not how many times Russia's it was: "
             "divide by Russia's total alone.",
    "difference": "You subtracted: that says how many million dollars more, not how many times as much. Divide.",
}
_MISTAKES["share percent"] = _MISTAKES["share"]


def _number(value: object) -> float | None:
    """A number from what the student's line gave: a number, or a Series/DataFrame holding one value."""
    if isinstance(value, (pd.Series, pd.DataFrame)):
        flat = np.asarray(value).ravel()
        if flat.size != 1:
            return None
        value = flat[0]
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        return None
    return float(value)


def _close(a: float, b: float) -> bool:
    return math.isfinite(b) and abs(a - b) <= TOLERANCE * abs(b)


def check_computation(task_id: object, value: object) -> Feedback:
    """Check the value a student computed for ``task_id`` ('8.ratio'), and say which mistake it shows.

    The answer is kept with the student's answers when it is a number. Nothing is raised at a
    student: ``...`` (the cell as given), text, several values or a missing value get feedback.

    >>> check_computation("8.ratio", ...).message
    'Replace ... with your line of pandas, then run the cell again.'
    >>> print(check_computation("8.ratio", 3883 / 90).message)
    You used exports only: the question is about all their trade, exports and imports together.
    """
    if task_id not in TASKS:
        return Feedback("invalid", f"There is no computation {task_id!r}. Try: " + ", ".join(map(repr, TASKS)) + ".")
    if value is Ellipsis or value is None:
        return Feedback("invalid", "Replace ... with your line of pandas, then run the cell again.")
    if isinstance(value, str):
        return Feedback("invalid", f"{value!r} is text. Give the number itself, without quotes, or the result of "
                                   "your line of pandas.")
    number = _number(value)
    if number is None:
        return Feedback("invalid", "Your line gave several values (or something that is not a number). Pick single "
                                   "values with .loc[row, column], e.g. trade.loc[\"Japan\", \"exports\"].")
    if math.isnan(number):
        return Feedback("invalid", "Your result is missing (NaN). Dividing two Series lines them up by their labels "
                                   "first; pick single values with .loc[row, column] instead.")
    values = expected(task_id)
    task = TASKS[task_id]
    if _close(number, values["right"]):
        status = "correct"
        message = (f"In {task.year} {task.top}'s trade with North Korea was about {values['right']:.0f} times "
                   f"{task.bottom}'s ({number:g}).")
    else:
        mistake = next((k for k in _MISTAKES if _close(number, values[k])), None)
        status = "wrong"
        message = _MISTAKES[mistake] if mistake else (
            f"{number:g} is not {task.top}'s total divided by {task.bottom}'s. Check the row and the column of each "
            "value you picked, and which one you divided by.")
    store.record(store.lesson_of(task_id), task_id, "number", number, status)
    hint = "" if status == "correct" else "Print the two values you divide first, to see what you picked."
    return Feedback(status, message, hint=hint,
                    evidence=[evidence_line("cow-trade-4.0")] if status == "correct" else [])
