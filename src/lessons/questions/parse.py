"""Read a student's answer however it is typed: " 1948 ", "12 Oct 1948", 1948.0, "1,499".

Each parser returns the value or raises :class:`AnswerFormatError` with a message that
says which forms are accepted; :mod:`lessons.questions.check` turns that into feedback.
"""
from __future__ import annotations

import datetime as dt
import math
import numbers
import re
import unicodedata
from dataclasses import dataclass

from dateutil import parser as dateparser

__all__ = ["AnswerFormatError", "PartialDate", "parse_date", "parse_number", "parse_letter", "parse_letters",
           "parse_text", "word_count"]


class AnswerFormatError(ValueError):
    """The answer could not be read; the message says what forms work."""


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day.

    >>> PartialDate(1948, 10, None).precision
    'month'
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        if self.day:  # not "%-d": Windows' strftime has no such code
            return f"{self.day} {dt.date(self.year, self.month, self.day):%b %Y}"
        if self.month:
            return dt.date(self.year, self.month, 1).strftime("%b %Y")
        return str(self.year)


# Letters from other alphabets that look like Latin option letters (a Russian or Korean
# keyboard layout left on). Full-width forms are handled by Unicode normalisation.
_LOOKALIKES = str.maketrans({"а": "a", "А": "a", "в": "b", "В": "b", "с": "c", "С": "c", "ԁ": "d",
                             "е": "e", "Е": "e", "α": "a", "β": "b"})


def _normalised(text: str) -> str:
    """Full-width and compatibility forms as plain characters ("ｂ" -> "b", "１９４８" -> "1948").

    >>> _normalised("ｂ １９４８")
    'b 1948'
    """
    return unicodedata.normalize("NFKC", text)


def _stripped(answer: object, must_be: str, help_text: str) -> str:
    """The answer as stripped, normalised text, or an error naming what to type."""
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{must_be}, not {type(answer).__name__}. {help_text}")
    if not answer.strip():
        raise AnswerFormatError(f"The answer is empty. {help_text}")
    return _normalised(answer).strip()


def _is_number(answer: object) -> bool:
    """True for Python and NumPy numbers, False for booleans (True is not 1 here)."""
    return isinstance(answer, numbers.Real) and not isinstance(answer, (bool,)) and type(answer).__name__ != "bool_"


# Examples that answer no question (the help shows before any answer is right).
_DATE_HELP = "Type a date such as 1999, Dec 1999, 31 Dec 1999 or 1999-12-31."


def parse_date(answer: object) -> PartialDate:
    """Read a year, a month or a full date.

    >>> str(parse_date(" 1948 ")), str(parse_date(1948.0)), str(parse_date("12 Oct 1948"))
    ('1948', '1948', '12 Oct 1948')
    >>> str(parse_date("1948-10")), str(parse_date("October 1948")), str(parse_date("1948-10-12"))
    ('Oct 1948', 'Oct 1948', '12 Oct 1948')
    >>> parse_date("12 Oct 48")
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Write the year with all four digits (e.g. 1999, not 99). ...
    >>> parse_date("soon")
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Could not read 'soon' as a date. Type a date ...
    """
    if isinstance(answer, bool) or type(answer).__name__ == "bool_":
        raise AnswerFormatError(f"{answer!r} is not a date. {_DATE_HELP}")
    if _is_number(answer):
        if math.isfinite(answer) and float(answer).is_integer() and 1000 <= answer <= 2999:
            return PartialDate(int(answer))
        if math.isfinite(answer) and float(answer).is_integer() and 0 <= answer <= 99:
            raise AnswerFormatError(f"Write the year with all four digits (e.g. 1999, not 99). {_DATE_HELP}")
        raise AnswerFormatError(f"{answer!r} is not a year. {_DATE_HELP}")
    if isinstance(answer, (dt.date, dt.datetime)):
        return PartialDate(answer.year, answer.month, answer.day)
    text = _stripped(answer, "A date must be typed as text or a year", _DATE_HELP)
    if re.fullmatch(r"\d{4}(\.0)?", text):
        return PartialDate(int(float(text)))
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        return _checked(int(m[1]), int(m[2]), None, text)
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text):  # ISO: year first, never day first
        try:
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            raise AnswerFormatError(f"{text!r} is not a real date. {_DATE_HELP}") from None
        return PartialDate(day.year, day.month, day.day)
    try:
        # Two parses with different defaults reveal which parts the student typed.
        a = dateparser.parse(text, default=dt.datetime(1, 1, 1), dayfirst=True)
        b = dateparser.parse(text, default=dt.datetime(2, 2, 2), dayfirst=True)
    except (ValueError, OverflowError):
        raise AnswerFormatError(f"Could not read {answer!r} as a date. {_DATE_HELP}") from None
    if a.year != b.year:
        raise AnswerFormatError(f"{answer!r} has no year. {_DATE_HELP}")
    if not re.search(rf"(?<!\d){a.year}(?!\d)", text):  # "12 Oct 48" would be read as 2048
        raise AnswerFormatError(f"Write the year with all four digits (e.g. 1999, not 99). {_DATE_HELP}")
    return PartialDate(a.year, a.month if a.month == b.month else None, a.day if a.day == b.day else None)


def _checked(year: int, month: int, day: int | None, text: str) -> PartialDate:
    if not 1 <= month <= 12:
        raise AnswerFormatError(f"{text!r} has no month {month}. {_DATE_HELP}")
    return PartialDate(year, month, day)


_NUMBER_HELP = "Type a number such as 1499, 1,499 or 4.75."
# Words that multiply a number: "1.47 billion" is not 1.47 in the question's unit.
_SCALE_WORDS = {"thousand", "thousands", "million", "millions", "billion", "billions", "bn", "m", "k",
                "trillion", "hundred", "hundreds", "percent", "%"}


def parse_number(answer: object, unit: str = "") -> float:
    """Read a number typed with or without thousands separators.

    A unit or a word after the number is fine ("269 people", "US$1,470 million"), but not a
    scale word that changes the number ("1.47 billion"): the question says its unit.

    >>> parse_number(" 1,499 "), parse_number(1499), parse_number("4.75"), parse_number("1 499")
    (1499.0, 1499.0, 4.75, 1499.0)
    >>> parse_number("269 people"), parse_number("US$1,470 million", unit="million US$")
    (269.0, 1470.0)
    >>> parse_number(float("nan"))
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: nan is not a number you can compare. Type a number ...
    >>> parse_number("many")
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Could not read 'many' as a number: it has no digits. ...
    """
    if isinstance(answer, bool) or type(answer).__name__ == "bool_":
        raise AnswerFormatError(f"{answer!r} is not a number. {_NUMBER_HELP}")
    if _is_number(answer):
        if not math.isfinite(answer):
            raise AnswerFormatError(f"{float(answer)!r} is not a number you can compare. {_NUMBER_HELP}")
        return float(answer)
    text = _stripped(answer, "A number must be typed as digits", _NUMBER_HELP)
    cleaned = re.sub(r"(?<=\d)[,\s_'](?=\d{3}\b)", "", text)
    found = re.findall(r"[-+]?\d+(?:\.\d+)?", cleaned)
    words = re.sub(r"[-+]?\d+(?:\.\d+)?", " ", cleaned).lower().split()
    if len(found) != 1:
        problem = "it has no digits" if not found else f"it has {len(found)} numbers"
        raise AnswerFormatError(f"Could not read {answer!r} as a number: {problem}. {_NUMBER_HELP}")
    allowed = set(unit.lower().split())
    scale = [w for w in words if w.strip(".,") in _SCALE_WORDS - allowed]
    if scale:
        raise AnswerFormatError(f"Type the number alone, in the question's unit, without {scale[0]!r}. {_NUMBER_HELP}")
    value = float(found[0])
    if not math.isfinite(value):
        raise AnswerFormatError(f"Could not read {answer!r} as a number. {_NUMBER_HELP}")
    return value


def parse_letter(answer: object, letters: str) -> str:
    """Read one option letter: "b", " B ", "(b)" or "b)".

    >>> parse_letter(" (B) ", "abcd")
    'b'
    >>> parse_letter("а", "abcd"), parse_letter("ｂ", "abcd")  # Cyrillic a, full-width b
    ('a', 'b')
    >>> parse_letter(2, "abcd")
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Answer with one letter: a, b, c or d. (in quotes, as text: not int)
    """
    help_text = f"Answer with one letter: {', '.join(letters[:-1])} or {letters[-1]}."
    if not isinstance(answer, str):
        raise AnswerFormatError(f"{help_text} (in quotes, as text: not {type(answer).__name__})")
    text = _normalised(answer).strip().strip("()").rstrip(").").strip().lower().translate(_LOOKALIKES)
    if len(text) == 1 and text.isalpha() and not text.isascii():
        alphabet = unicodedata.name(text, "unknown").title()
        raise AnswerFormatError(f"{answer!r} is a letter of another alphabet ({alphabet}): "
                                f"switch the keyboard to Latin letters. {help_text}")
    if len(text) != 1 or text not in letters:
        problem = f"{answer!r} is not one of the options. " if text else "The answer is empty. "
        raise AnswerFormatError(problem + help_text)
    return text


def parse_letters(answer: object, letters: str) -> list[str]:
    """Read a sequence of letters: "c a b", "c, a, b", "cab" or ["c", "a", "b"].

    >>> parse_letters("C, a , b", "abc"), parse_letters(["c", "a", "b"], "abc"), parse_letters("cab", "abc")
    (['c', 'a', 'b'], ['c', 'a', 'b'], ['c', 'a', 'b'])
    """
    help_text = (f"Answer with the letters {', '.join(letters)} in your order, each once, "
                 f"e.g. \"{' '.join(reversed(letters))}\".")
    if isinstance(answer, str):
        text = _normalised(answer).strip().lower().translate(_LOOKALIKES)
        parts = re.split(r"[\s,;>-]+", text) if re.search(r"[\s,;>-]", text) else list(text)
    elif isinstance(answer, (list, tuple)) and all(isinstance(a, str) for a in answer):
        parts = [_normalised(a).strip().lower().translate(_LOOKALIKES) for a in answer]
    else:
        raise AnswerFormatError(help_text)
    parts = [p for p in parts if p]
    if sorted(parts) != sorted(letters):
        problem = "The answer is empty. " if not parts else f"{answer!r} does not use each letter once. "
        raise AnswerFormatError(problem + help_text)
    return parts


def word_count(text: str) -> int:
    """Words in a written answer (runs of letters or digits, in any script).

    >>> word_count("Stalin agreed in 1950 — after Mao's victory."), word_count("Сталин 동의")
    (7, 2)
    """
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


def parse_text(answer: object, min_words: int) -> str:
    """A written answer: text of at least ``min_words`` words.

    >>> parse_text("too short", 5)
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Write at least 5 words in your own words; this answer has 2.
    >>> parse_text(1950, 5)
    Traceback (most recent call last):
    ...
    lessons.questions.parse.AnswerFormatError: Write your answer as text in quotes, e.g. "Moscow ...", not 1950.
    """
    if not isinstance(answer, str):
        raise AnswerFormatError(f'Write your answer as text in quotes, e.g. "Moscow ...", not {answer!r}.')
    text = _normalised(answer).strip()
    if word_count(text) < min_words:
        raise AnswerFormatError(f"Write at least {min_words} words in your own words; this answer has "
                                f"{word_count(text)}.")
    return text
