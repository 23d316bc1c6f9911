"""Check the arguments of public functions where they come in, with messages a student can act on.

Every checker returns the value in the form the caller needs (a pair of ``int`` years, a
``bool``, an ``int``, a ``str``...) or raises :class:`~lessons.errors.LessonInputError`
whose message names the argument, shows what was given and says what is allowed. Nothing
is guessed: ``'no'`` is not a flag, ``1950.5`` is not a year, ``''`` is not a name.

>>> check_years((1950, 1953))
(1950, 1953)
>>> check_flag("no", "swapped")
Traceback (most recent call last):
...
lessons.errors.LessonInputError: swapped must be True or False; got 'no' (text). ...
"""
from __future__ import annotations

import datetime as _dt
import functools
import math
import numbers
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .errors import LessonInputError, unknown

__all__ = [
    "course_years", "check_years", "check_year", "check_flag", "check_limit", "check_text",
    "check_id", "check_ids", "check_choice", "check_table", "check_date", "check_number_in", "shown",
]


def shown(value: object, width: int = 60) -> str:
    """``value`` as a message shows it: its repr (cut short) and, when unclear, its type.

    >>> shown("no"), shown(None), shown(True), shown(float("inf"))
    ("'no' (text)", 'None', 'True', 'inf')
    >>> shown(["a", "b"])
    "['a', 'b'] (a list)"
    """
    text = repr(value)
    if len(text) > width:
        text = text[: width - 1] + "…"
    if value is None or isinstance(value, (bool, np.bool_)):
        return text
    if isinstance(value, str):
        return f"{text} (text)"
    if isinstance(value, (numbers.Number, np.number)):
        return text
    kind = type(value).__name__
    article = "an" if kind[:1].lower() in "aeiou" else "a"
    return f"{text} ({article} {kind})"


def course_years() -> tuple[int, int]:
    """The first and last year the course covers, read from ``data/periods.csv``.

    >>> course_years()
    (1945, 2025)
    """
    # Imported here, not at the top: dates (below data in the layers) use this module's other checkers.
    from .data import data_dir

    return _course_years(data_dir())


@functools.cache
def _course_years(folder) -> tuple[int, int]:
    from .data import load  # here for the same reason as above: data imports this module

    table = load("periods")
    return int(table["start"].min().year), int(table["end"].max().year)


def _whole_year(value: object, name: str, allowed: str) -> int:
    """One year: an int, a NumPy int or a whole finite float; never a bool, text or None."""
    if isinstance(value, (bool, np.bool_)):
        raise LessonInputError(f"{name} must be a year such as 1950, not {shown(value)}. Allowed: {allowed}.")
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            raise LessonInputError(f"{name} must be a finite year; got {shown(value)}. Allowed: {allowed}.")
        if value != int(value):
            raise LessonInputError(f"{name} must be whole years; got {shown(value)}. Allowed: {allowed}.")
        return int(value)
    raise LessonInputError(f"{name} must be a year such as 1950, not {shown(value)}. Allowed: {allowed}.")


def check_year(value: object, name: str = "year", *, first: int | None = None, last: int | None = None) -> int:
    """One whole year inside ``first``..``last`` (by default the course's years).

    >>> check_year(1950), check_year(np.int64(1991))
    (1950, 1991)
    >>> check_year(1944)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: year 1944 is outside the years allowed: whole years from 1945 to 2025.
    """
    first = course_years()[0] if first is None else first
    last = course_years()[1] if last is None else last
    allowed = f"whole years from {first} to {last}"
    year = _whole_year(value, name, allowed)
    if not first <= year <= last:
        raise LessonInputError(f"{name} {year} is outside the years allowed: {allowed}.")
    return year


def check_years(years: object, name: str = "years", *, first: int | None = None, last: int | None = None,
                single: bool = True, note: str = "") -> tuple[int, int]:
    """A pair ``(first, last)`` of whole years, in order, inside the allowed years.

    ``first``/``last`` default to the course's years (:func:`course_years`); ``single=True``
    also accepts one year, read as ``(year, year)``. ``note`` is added to the out-of-range
    message (e.g. where to look for later years).

    >>> check_years(1990), check_years((np.int64(1950), 1953.0)), check_years([1960, 1965])
    ((1990, 1990), (1950, 1953), (1960, 1965))
    >>> check_years((1991, 1988))
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: years: the first year (1991) is after the last (1988); try (1988, 1991). ...
    >>> check_years((1950, float("inf")))
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: years must be a finite year; got inf. Allowed: ...
    >>> check_years(1950, single=False)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: years must be a pair (first, last) of whole years, e.g. (1950, 1953); got 1950. ...
    >>> check_years((1940, 1960), first=1950, last=2014, note="See lessons.figures().")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: years (1940, 1960) must lie between 1950 and 2014. See lessons.figures().
    Allowed: ...
    """
    first = course_years()[0] if first is None else first
    last = course_years()[1] if last is None else last
    allowed = (f"whole years from {first} to {last}, "
               + ("one year or " if single else "") + "a pair (first, last) with first <= last")
    if single and isinstance(years, (numbers.Number, np.number)) and not isinstance(years, (bool, np.bool_)):
        year = _whole_year(years, name, allowed)
        years = (year, year)
    if isinstance(years, np.ndarray):
        years = years.tolist()
    if not isinstance(years, (tuple, list)) or len(years) != 2:
        raise LessonInputError(f"{name} must be {'one year or ' if single else ''}a pair (first, last) of whole "
                               f"years, e.g. (1950, 1953); got {shown(years)}. Allowed: {allowed}.")
    a, b = (_whole_year(y, name, allowed) for y in years)
    if a > b:
        raise LessonInputError(f"{name}: the first year ({a}) is after the last ({b}); try ({b}, {a}). "
                               f"Allowed: {allowed}.")
    if a < first or b > last:
        extra = f" {note}" if note else ""
        raise LessonInputError(f"{name} ({a}, {b}) must lie between {first} and {last}.{extra} Allowed: {allowed}.")
    return a, b


def check_flag(value: object, name: str) -> bool:
    """A real yes/no: ``True``/``False`` (or a NumPy bool). Text such as ``'no'`` is refused, not read as True.

    >>> check_flag(True, "smoothed"), check_flag(np.bool_(False), "smoothed")
    (True, False)
    >>> check_flag(1, "smoothed")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: smoothed must be True or False; got 1. Allowed: True, False.
    """
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    hint = ", written without quotes" if isinstance(value, str) else ""
    raise LessonInputError(f"{name} must be True or False; got {shown(value)}. Allowed: True, False{hint}.")


def check_limit(value: object, name: str = "limit", *, minimum: int = 0) -> int:
    """A whole number of rows, at least ``minimum`` (an int or NumPy int, not a bool or float).

    >>> check_limit(5), check_limit(np.int32(0))
    (5, 0)
    >>> check_limit(-1)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: limit must be a whole number of at least 0; got -1. Allowed: 0, 1, 2, ...
    >>> check_limit(2.5)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: limit must be a whole number of at least 0; got 2.5. Allowed: 0, 1, 2, ...
    """
    allowed = ", ".join(str(minimum + i) for i in range(3)) + ", ..."
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and value >= minimum:
        return int(value)
    raise LessonInputError(f"{name} must be a whole number of at least {minimum}; got {shown(value)}. "
                           f"Allowed: {allowed}")


def check_text(value: object, name: str, *, empty: bool = True, example: str = "") -> str:
    """Text (a ``str``), not None, a number or a list. ``empty=False`` also refuses blank text.

    >>> check_text("Stalin", "name")
    'Stalin'
    >>> check_text(None, "name", example="'Stalin'")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: name must be text, e.g. 'Stalin'; got None. Allowed: a str.
    >>> check_text("  ", "name", empty=False)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: name must not be blank; got '  ' (text). Allowed: a str with at least one letter
    or digit.
    """
    e_g = f", e.g. {example}" if example else ""
    if not isinstance(value, str):
        raise LessonInputError(f"{name} must be text{e_g}; got {shown(value)}. Allowed: a str.")
    if not empty and not value.strip():
        raise LessonInputError(f"{name} must not be blank; got {shown(value)}. "
                               "Allowed: a str with at least one letter or digit.")
    return value


def check_id(value: object, name: str, allowed: Iterable[str]) -> str:
    """One id from ``allowed``, exactly (the message suggests the closest one).

    >>> check_id("war", "period", ["division", "war"])
    'war'
    >>> check_id(["war"], "period", ["division", "war"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: period must be one of the allowed values, as text; got ['war'] (a list). Allowed:
    'division', 'war'.
    >>> check_id("wra", "period", ["division", "war"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown period 'wra'. Did you mean 'war'? Allowed: 'division', 'war'.
    """
    allowed = list(allowed)
    if not isinstance(value, str):
        listed = ", ".join(map(repr, allowed)) if len(allowed) <= 20 else ", ".join(map(repr, allowed[:20])) + ", ..."
        raise LessonInputError(f"{name} must be one of the allowed values, as text; got {shown(value)}. "
                               f"Allowed: {listed}.")
    if value not in set(allowed):
        raise unknown(name, value, allowed)
    return value


#: Another name for :func:`check_id`, for arguments that are choices rather than ids ('total', 'log').
check_choice = check_id


def check_ids(value: object, name: str, allowed: Iterable[str], *, single: bool = True,
              empty: bool = False) -> list[str]:
    """A list (or tuple) of ids from ``allowed``; one id on its own counts as a list of one if ``single``.

    ``empty=False`` refuses an empty list (which would otherwise mean "everything" to some callers).

    >>> check_ids("war", "periods", ["division", "war"]), check_ids(("war", "division"), "periods", ["division", "war"])
    (['war'], ['war', 'division'])
    >>> check_ids([], "periods", ["division", "war"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: periods must name at least one id; got []. Allowed: 'division', 'war'.
    """
    allowed = list(allowed)
    if single and isinstance(value, str):
        value = [value]
    if isinstance(value, np.ndarray):
        value = value.tolist()
    listed = ", ".join(map(repr, allowed)) if len(allowed) <= 20 else ", ".join(map(repr, allowed[:20])) + ", ..."
    if not isinstance(value, (list, tuple)):
        what = "an id or a list of ids" if single else "a list of ids"
        raise LessonInputError(f"{name} must be {what}; got {shown(value)}. Allowed: {listed}.")
    if not value and not empty:
        raise LessonInputError(f"{name} must name at least one id; got {value!r}. Allowed: {listed}.")
    return [check_id(v, name, allowed) for v in value]


def check_table(value: object, name: str, columns: Iterable[str] = ()) -> pd.DataFrame:
    """A pandas DataFrame having ``columns`` (e.g. a table from ``lessons.events()``).

    >>> import pandas as pd
    >>> check_table(pd.DataFrame({"id": []}), "event_table", ["id"]).empty
    True
    >>> check_table("events", "event_table", ["id"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: event_table must be a table (a pandas DataFrame) such as lessons.events()
    returns; got 'events' (text). Allowed: a DataFrame with the columns 'id'.
    """
    columns = list(columns)
    wanted = ", ".join(map(repr, columns))
    allowed = f"a DataFrame with the columns {wanted}" if columns else "a DataFrame"
    if not isinstance(value, pd.DataFrame):
        raise LessonInputError(f"{name} must be a table (a pandas DataFrame) such as lessons.events() returns; "
                               f"got {shown(value)}. Allowed: {allowed}.")
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise LessonInputError(f"{name} lacks the columns {', '.join(map(repr, missing))}. Allowed: {allowed}.")
    return value


def check_date(value: object, name: str = "date", *, years: bool = True) -> pd.Timestamp:
    """A date: a Timestamp, a ``datetime.date``, text 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY'), or, if ``years``,
    a whole year (1950 means 1 Jan 1950, never 1950 nanoseconds after 1970).

    >>> check_date("1953-03-05"), check_date(1950)
    (Timestamp('1953-03-05 00:00:00'), Timestamp('1950-01-01 00:00:00'))
    >>> check_date("5th of March")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: date must be a date such as '1953-03-05'; got '5th of March' (text). ...
    """
    allowed = ("Allowed: text 'YYYY-MM-DD' (or 'YYYY-MM', 'YYYY'), a datetime.date or pandas Timestamp"
               + (", or a whole year such as 1950." if years else "."))
    bad = LessonInputError(f"{name} must be a date such as '1953-03-05'; got {shown(value)}. {allowed}")
    if isinstance(value, (bool, np.bool_)) or value is None:
        raise bad
    if isinstance(value, (numbers.Number, np.number)):
        if not years:
            raise bad
        try:
            year = _whole_year(value, name, "whole years from 1 to 9999")
        except LessonInputError:
            raise bad from None
        if not 1 <= year <= 2200:
            raise bad
        return pd.Timestamp(year=year, month=1, day=1)
    if isinstance(value, pd.Timestamp):
        if pd.isna(value):
            raise bad
        return value
    if isinstance(value, (_dt.date, np.datetime64)):
        when = pd.Timestamp(value)
        if pd.isna(when):
            raise bad
        return when
    if isinstance(value, str):
        text = value.strip()
        for form in ("%Y-%m-%d", "%Y-%m", "%Y"):
            try:
                return pd.Timestamp(_dt.datetime.strptime(text, form))
            except ValueError:
                continue
    raise bad


def check_number_in(value: object, allowed: Iterable[int], name: str = "lesson",
                    what: str = "a lesson number") -> int:
    """One whole number from ``allowed`` (an int or NumPy int, not a bool, float or text).

    >>> check_number_in(3, [1, 2, 3])
    3
    >>> check_number_in("3", [1, 2, 3], what="a period lesson")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: lesson must be a period lesson, one of 1, 2, 3; got '3' (text). Write the number \
without quotes.
    """
    allowed = sorted(int(n) for n in allowed)
    if isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_)) and int(value) in allowed:
        return int(value)
    hint = " Write the number without quotes." if isinstance(value, str) and value.strip().isdigit() else ""
    raise LessonInputError(f"{name} must be {what}, one of {', '.join(map(str, allowed))}; "
                           f"got {shown(value)}.{hint}")
