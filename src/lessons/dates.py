"""Show dates as precisely as the sources allow, and no more precisely.

>>> import pandas as pd
>>> format_date(pd.Timestamp("1948-10-12"), "day")
'12 Oct 1948'
>>> format_span(pd.Timestamp("1945-08-24"), pd.Timestamp("1945-08-26"), "day")
'24–26 Aug 1945'
"""
from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .errors import LessonInputError
from .validate import check_choice, check_date

__all__ = ["format_date", "format_span", "given_precision", "PRECISIONS"]

PRECISIONS = ("day", "month", "year")
# No "%-d" (day without a leading zero): Windows' strftime does not know it.
_FORMATS = {"day": "{d.day} {d:%b %Y}", "month": "{d:%b %Y}", "year": "{d:%Y}"}


def _check_precision(precision: object, name: str = "precision") -> str:
    return check_choice(precision, name, PRECISIONS)


def given_precision(value: object) -> str:
    """How precisely ``value`` gives a date: 'year' (1950, '1950'), 'month' ('1950-06') or 'day'.

    >>> given_precision(1950), given_precision("1950"), given_precision("1950-06"), given_precision("1950-06-25")
    ('year', 'year', 'month', 'day')
    """
    if isinstance(value, (int, np.integer, float, np.floating)) and not isinstance(value, (bool, np.bool_)):
        return "year"
    if isinstance(value, str):
        if re.fullmatch(r"\s*\d{4}\s*", value):
            return "year"
        if re.fullmatch(r"\s*\d{4}-\d{1,2}\s*", value):
            return "month"
    return "day"


def _as_date(value: object, name: str, precision: str) -> pd.Timestamp:
    """A date to format, given at least as precisely as it is to be shown.

    1950 (or '1950') says nothing about the month or day: showing '1 Jan 1950' would invent them.
    """
    when = check_date(value, name)
    given = given_precision(value)
    if PRECISIONS.index(given) > PRECISIONS.index(precision):
        example = {"day": "-06-25", "month": "-06"}[precision]
        raise LessonInputError(f"{name} {value!r} gives only the {given}, so it cannot be shown with "
                               f"precision={precision!r}. Allowed: precision={given!r}, or a date such as "
                               f"'{when.year}{example}'.")
    return when


def format_date(date: object, precision: str = "day") -> str:
    """Format ``date`` to ``precision`` ('day', 'month' or 'year').

    ``date`` is a Timestamp, a ``datetime.date`` or text 'YYYY-MM-DD'; a whole year (1950)
    is accepted with ``precision='year'``.

    >>> format_date(pd.Timestamp("1965-02-01"), "month")
    'Feb 1965'
    >>> format_date("1955-01-01", "year"), format_date(1955, "year")
    ('1955', '1955')
    >>> format_date(pd.Timestamp("1955-01-01"), "week")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown precision 'week'. Allowed: 'day', 'month', 'year'.
    >>> format_date("25 June 1950")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: date must be a date such as '1953-03-05'; got '25 June 1950' (text). ...
    """
    precision = _check_precision(precision)
    return _format(_as_date(date, "date", precision), precision)


def _format(date: pd.Timestamp, precision: str) -> str:
    return _FORMATS[precision].format(d=date)


def format_span(start: object, end: object = None, precision: str = "day",
                end_precision: str | None = None) -> str:
    """Format a date or a range, sharing the month and year where they repeat.

    ``end`` may be None (or missing) for a single date; ``end_precision`` defaults to
    ``precision``; give it when the end is known less (or more) exactly than the start.

    >>> format_span(pd.Timestamp("1950-01-13"), pd.Timestamp("1950-08-01"), "day")
    '13 Jan – 1 Aug 1950'
    >>> format_span("1995-09-07", "1996-09-10", "day")
    '7 Sep 1995 – 10 Sep 1996'
    >>> format_span(pd.Timestamp("1962-01-01"), pd.Timestamp("1964-01-01"), "year")
    '1962–1964'
    >>> format_span(pd.Timestamp("1950-11-01"), pd.Timestamp("1953-01-01"), "day", "year")
    '1 Nov 1950 – 1953'
    >>> format_span(pd.Timestamp("1983-09-01"), None)
    '1 Sep 1983'
    >>> format_span("1953-07-27", "1950-06-25")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: end (1950-06-25) is before start (1953-07-27). Allowed: an end on or after the
    start, or None.
    """
    precision = _check_precision(precision)
    end_precision = precision if end_precision is None else _check_precision(end_precision, "end_precision")
    start = _as_date(start, "start", precision)
    if end is None or end is pd.NaT or (isinstance(end, float) and math.isnan(end)):
        end = None
    else:
        end = _as_date(end, "end", end_precision)
        if end < start:
            raise LessonInputError(f"end ({end.date()}) is before start ({start.date()}). "
                                   "Allowed: an end on or after the start, or None.")
    return _span(start, end, precision, end_precision)


def _span(start: pd.Timestamp, end: pd.Timestamp | None, precision: str, end_precision: str) -> str:
    """:func:`format_span` for values already checked (the chronology formats every event with it)."""
    if end is None or pd.isna(end) or (end == start and end_precision == precision):
        return _format(start, precision)
    whole = _format(end, end_precision)
    if precision != end_precision or start.year != end.year:
        joiner = "–" if precision == end_precision == "year" else " – "
        return f"{_format(start, precision)}{joiner}{whole}"
    if precision == "year":
        return whole
    if precision == "month" or start.month != end.month:
        first = f"{start.day} {start:%b}" if precision == "day" else f"{start:%b}"
        return f"{first} – {whole}"
    return f"{start.day}–{whole}"

