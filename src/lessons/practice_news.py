"""Lesson 7's second flawed source: a short news item the course invented for practice.

Three of its sentences carry a planted error, one of each kind: a unit error, a wrong attribution
and a wrong date (``data/practice_news.csv``). Each sentence names the event or figure that
decides it, so the correct value is always the sourced one. A student marks each sentence
(looks right, or the kind of error it has); :func:`judge_news` explains every mistake found,
and for a mistake missed says only how many are left, never which sentence.

>>> judge_news({"n2": "attribution", "n3": "date", "n4": "unit"}).status
'correct'
>>> judge_news({"n1": "date"}).status
'wrong'
"""
from __future__ import annotations

from .data import load
from .facsimile import Facsimile
from .notes import evidence_line
from .questions.check import Feedback
from .tables import Table, as_table

__all__ = ["ERROR_KINDS", "NEWS_LABEL", "news_sentences", "news_item", "judge_news", "news_key", "NEWS_ITEM_ID"]

#: The choices for each sentence: key -> what the student sees.
ERROR_KINDS = {"none": "looks right", "unit": "wrong unit", "attribution": "wrong person or source",
               "date": "wrong date"}
NEWS_LABEL = ("Invented by the course for practice: not a real news item. Three of its six sentences contain a "
              "planted error.")
#: The answers-store item of the student's marks.
NEWS_ITEM_ID = "news:7"
_TITLE = "1990: the year Moscow turned to Seoul"
_META = "Practice news item · written by the course · no real author, outlet or date"


def news_sentences() -> Table:
    """The news item's sentences, in reading order, with their error (or none) and evidence.

    >>> list(news_sentences()["error"].value_counts().sort_index().items())
    [('attribution', 1), ('date', 1), ('none', 3), ('unit', 1)]
    """
    return as_table(load("practice_news"))


def news_item() -> Facsimile:
    """The news item as a labelled page, one paragraph, sentences numbered for the checker.

    >>> page = news_item()
    >>> page.label == NEWS_LABEL, page.marks
    (True, ['1', '2', '3', '4', '5', '6'])
    """
    table = news_sentences()
    return Facsimile(label=NEWS_LABEL, meta=_META, title=_TITLE, paragraphs=[list(table["sentence"])],
                     marks=[sid[1:] for sid in table["id"]])


def _number(sentence_id: str) -> str:
    return sentence_id[1:]


def judge_news(marks: object) -> Feedback:
    """Judge a student's marks: ``{sentence id: kind}`` for the sentences they flag (others look right).

    Every flagged sentence gets an answer: an error found is explained with its evidence; a right
    sentence flagged is shown right, with its evidence; an error of another kind is named as an
    error without its kind. Errors not flagged are only counted.

    >>> print(judge_news({"n4": "date"}).message)
    Found 0 of 3 errors.
    Sentence 4 does have an error, but not a wrong date: read it again.
    >>> judge_news("n4").status
    'invalid'
    """
    table = news_sentences().set_index("id")
    if not isinstance(marks, dict) or not set(marks) <= set(table.index) or not set(marks.values()) <= set(
            ERROR_KINDS):
        return Feedback("invalid", "Mark sentences as a dict such as {'n1': 'date'}: sentence ids "
                                   + ", ".join(table.index) + "; kinds " + ", ".join(ERROR_KINDS) + ".")
    flagged = {sid: kind for sid, kind in marks.items() if kind != "none"}
    errors = table[table["error"] != "none"]
    found = [sid for sid in errors.index if flagged.get(sid) == errors.loc[sid, "error"]]
    lines, evidence = [], []
    for sid, kind in sorted(flagged.items(), key=lambda kv: int(kv[0][1:])):
        row = table.loc[sid]
        if row["error"] == kind:
            lines.append(f"Sentence {_number(sid)}: right, {ERROR_KINDS[kind]}. It says \"{row['wrong']}\"; the "
                         f"evidence gives \"{row['right']}\". {row['explanation']}")
            evidence.append(evidence_line(row["evidence_id"]))
        elif row["error"] == "none":
            lines.append(f"Sentence {_number(sid)} is right as it stands: {row['explanation']}")
            evidence.append(evidence_line(row["evidence_id"]))
        else:
            lines.append(f"Sentence {_number(sid)} does have an error, but not a {ERROR_KINDS[kind]}: read it again.")
    head = f"Found {len(found)} of {len(errors)} errors."
    wrongly = len(flagged) - len(found)
    if len(found) == len(errors) and not wrongly:
        return Feedback("correct", "\n".join([f"{head} Well done.", *lines]), evidence=evidence)
    left = len(errors) - len(found)
    hint = ("" if not left else
            "Check each number's unit, each name against who really acted, and each date against the chronology.")
    status = "partial" if found else "wrong"
    return Feedback(status, "\n".join([head, *lines]), hint=hint, evidence=evidence)


def news_key() -> str:
    """The news item's answer key, as Markdown for the instructor guide.

    >>> key = news_key()
    >>> key.count("Error (") == 3 and key.count("Right as it stands") == 3
    True
    """
    lines = [f"Practice news item, \"{_TITLE}\" ({NEWS_LABEL})"]
    for row in news_sentences().itertuples():
        lines.append(f"- **Sentence {_number(row.id)}.** {row.sentence}  ")
        if row.error == "none":
            lines.append(f"  Right as it stands. {row.explanation}  ")
        else:
            lines.append(f"  Error ({ERROR_KINDS[row.error]}): \"{row.wrong}\" should be \"{row.right}\". "
                         f"{row.explanation}  ")
        lines.append(f"  {evidence_line(row.evidence_id)}")
    return "\n".join(lines)
