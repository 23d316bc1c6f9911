"""The primary documents each period lesson gives students to read (``data/documents.csv``).

Each row is one document: its date (as precise as known), author and recipient, kind, whose
voice it is (``perspective``), where the original is (``archive``, ``url``), a summary in the
course's own words and why it was written (``context``). The module is named apart from its
function, :func:`documents`, so that importing it can never replace the function (see
tests/test_public_names.py).

>>> table = documents(lesson=2)
>>> set(table["lesson"]) <= {2}
True
>>> documents(lesson=9)
Traceback (most recent call last):
...
lessons.errors.LessonInputError: lesson must be a period lesson, one of 1, 2, 3, 4, 5, 6; got 9.
"""
from __future__ import annotations

from .data import load, schema
from .tables import Record, Table, as_record, as_table
from .validate import check_id, check_number_in

__all__ = ["documents", "document", "period_lessons", "perspectives", "check_lesson", "MOVES", "word_count"]

#: The four moves of historical thinking each document card asks for: (item suffix, title).
MOVES = (("sourcing", "Sourcing"), ("contextualization", "Contextualization"),
         ("corroboration", "Corroboration"), ("close-reading", "Close reading"))


def period_lessons() -> list[int]:
    """The lessons that teach a period (and so have documents), from ``data/lessons.csv``.

    >>> period_lessons()
    [1, 2, 3, 4, 5, 6]
    """
    table = load("lessons")
    return sorted(int(n) for n in table.loc[table["period"] != "", "number"])


def check_lesson(value: object, name: str = "lesson") -> int:
    """A period lesson's number, or a :class:`LessonInputError` that lists the allowed ones.

    >>> check_lesson(3)
    3
    >>> check_lesson("3")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: lesson must be a period lesson, one of 1, 2, 3, 4, 5, 6; got '3' (text). Write \
the number without quotes.
    """
    return check_number_in(value, period_lessons(), name, what="a period lesson")


def perspectives() -> list[str]:
    """The voices a document can have (actor codes), as the catalogue declares them.

    >>> perspectives()[:4]
    ['USSR', 'RUS', 'DPRK', 'ROK']
    """
    field = next(f for f in schema("documents") if f["name"] == "perspective")
    return list(field["constraints"]["enum"])


def word_count(text: object) -> int:
    """How many words ``text`` has (runs of characters between white space).

    >>> word_count("Stalin  agreed,\\nin April 1950."), word_count(""), word_count(None)
    (5, 0, 0)
    """
    return len(str(text).split()) if text else 0


def documents(lesson: object = None, perspective: object = None) -> Table:
    """The documents, oldest first; ``lesson`` (1-6) and ``perspective`` (e.g. 'DPRK') narrow them.

    >>> all(documents(perspective="USSR")["perspective"] == "USSR")
    True
    >>> documents(perspective="North Korea")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown perspective 'North Korea'. Allowed: 'USSR', 'RUS', 'DPRK', 'ROK', 'PRC', \
'USA', 'UN'.
    """
    table = load("documents")
    if lesson is not None:
        table = table[table["lesson"] == check_lesson(lesson)]
    if perspective is not None:
        table = table[table["perspective"] == check_id(perspective, "perspective", perspectives())]
    return as_table(table.sort_values(["date", "id"], kind="stable").reset_index(drop=True))


def document(document_id: object) -> Record:
    """One document by its id.

    >>> document("no-such-document")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown document 'no-such-document'. Allowed: ...
    """
    table = load("documents")
    ids = list(table["id"])
    found = table[table["id"] == check_id(document_id, "document", ids)]
    return as_record(found.iloc[0])
