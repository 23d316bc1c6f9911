"""Show dates as precisely as the sources allow, and no more precisely.

>>> import pandas as pd
>>> format_date(pd.Timestamp("1948-10-12"), "day")
'12 Oct 1948'
>>> format_span(pd.Timestamp("1945-08-24"), pd.Timestamp("1945-08-26"), "day")
'24–26 Aug 1945'
"""
from __future__ import annotations

import pandas as pd

from .errors import LessonInputError

__all__ = ["format_date", "format_span", "check_years", "PRECISIONS"]

PRECISIONS = ("day", "month", "year")
_FORMATS = {"day": "%-d %b %Y", "month": "%b %Y", "year": "%Y"}


def format_date(date: pd.Timestamp, precision: str = "day") -> str:
    """Format ``date`` to ``precision`` ('day', 'month' or 'year').

    >>> format_date(pd.Timestamp("1965-02-01"), "month")
    'Feb 1965'
    >>> format_date(pd.Timestamp("1955-01-01"), "year")
    '1955'
    >>> format_date(pd.Timestamp("1955-01-01"), "week")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown precision 'week'. Allowed: 'day', 'month', 'year'.
    """
    if precision not in _FORMATS:
        raise LessonInputError(
            f"Unknown precision {precision!r}. Allowed: " + ", ".join(map(repr, PRECISIONS)) + "."
        )
    return pd.Timestamp(date).strftime(_FORMATS[precision])


def format_span(start: pd.Timestamp, end: pd.Timestamp | None, precision: str = "day",
                end_precision: str | None = None) -> str:
    """Format a date or a range, sharing the month and year where they repeat.

    ``end_precision`` defaults to ``precision``; give it when the end is known less (or
    more) exactly than the start.

    >>> format_span(pd.Timestamp("1950-01-13"), pd.Timestamp("1950-08-01"), "day")
    '13 Jan – 1 Aug 1950'
    >>> format_span(pd.Timestamp("1995-09-07"), pd.Timestamp("1996-09-10"), "day")
    '7 Sep 1995 – 10 Sep 1996'
    >>> format_span(pd.Timestamp("1962-01-01"), pd.Timestamp("1964-01-01"), "year")
    '1962–1964'
    >>> format_span(pd.Timestamp("1950-11-01"), pd.Timestamp("1953-01-01"), "day", "year")
    '1 Nov 1950 – 1953'
    >>> format_span(pd.Timestamp("1983-09-01"), None)
    '1 Sep 1983'
    """
    end_precision = end_precision or precision
    if end is None or pd.isna(end) or (pd.Timestamp(end) == pd.Timestamp(start) and end_precision == precision):
        return format_date(start, precision)
    start, end = pd.Timestamp(start), pd.Timestamp(end)
    whole = format_date(end, end_precision)
    if precision != end_precision or start.year != end.year:
        joiner = "–" if precision == end_precision == "year" else " – "
        return f"{format_date(start, precision)}{joiner}{whole}"
    if precision == "year":
        return whole
    if precision == "month" or start.month != end.month:
        first = start.strftime("%-d %b" if precision == "day" else "%b")
        return f"{first} – {whole}"
    return f"{start.day}–{whole}"


def check_years(years, first: int, last: int, out_of_range: str = "Years must lie between {first} and {last}.") -> tuple[int, int]:
    """Read one year or a (first, last) pair of whole years inside ``first``..``last``.

    ``out_of_range`` says what the allowed years are (with ``{first}`` and ``{last}``).

    >>> check_years(1990, 1945, 2025), check_years((1950.0, 1953), 1945, 2025)
    ((1990, 1990), (1950, 1953))
    >>> check_years((1991, 1988), 1945, 2025)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: The first year (1991) is after the last (1988); try (1988, 1991).
    """
    if isinstance(years, int) and not isinstance(years, bool):
        years = (years, years)
    try:
        a, b = (int(y) for y in years)
        if any(float(y) != int(y) for y in years):
            raise ValueError
    except (TypeError, ValueError):
        raise LessonInputError(
            f"Years must be one year or a pair (first, last) of whole years, e.g. (1950, 1953); got {years!r}."
        ) from None
    if a > b:
        raise LessonInputError(f"The first year ({a}) is after the last ({b}); try ({b}, {a}).")
    if a < first or b > last:
        raise LessonInputError(out_of_range.format(first=first, last=last) + f" Got ({a}, {b}).")
    return a, b
