"""The flawed text's twelve claims (lesson 7): read the text, judge them, swap North and South, find what survives.

The course does not reproduce the text. :func:`flawed_text` shows a reconstruction in the
course's own words, built from the claims' ``statement`` column: it keeps the text's order and
its errors, not its wording, so it cannot drift from the claims the checker asks about.

>>> swap_koreas("Moscow helped South Korea, not North Korea, and Seoul thanked it.")
'Moscow helped North Korea, not South Korea, and Pyongyang thanked it.'
>>> judge("c04", "false").status
'correct'
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from .data import load
from .errors import LessonInputError, unknown
from .facsimile import Facsimile
from .notes import evidence_line
from .questions.check import Feedback
from .tables import Table, as_record, as_table
from .validate import check_flag, check_text, shown

__all__ = ["claims", "claim", "swap_koreas", "judge", "VERDICTS", "flawed_text", "verdict_key", "answer_item",
           "RECONSTRUCTION_LABEL"]

#: The label every showing of the reconstruction carries.
RECONSTRUCTION_LABEL = ("A reconstruction by the course of a text that circulates; its errors are deliberate material "
                        "for this lesson.")

VERDICTS = ("true", "partly true", "misleading", "false")
_SWAPS = {"South Korea": "North Korea", "North Korea": "South Korea", "South Korean": "North Korean",
          "North Korean": "South Korean", "Seoul": "Pyongyang", "Pyongyang": "Seoul", "ROK": "DPRK", "DPRK": "ROK"}
_PATTERN = re.compile("|".join(sorted(map(re.escape, _SWAPS), key=len, reverse=True)))


def swap_koreas(text: str) -> str:
    """Swap every mention of North and South Korea (and their capitals) in ``text``.

    >>> swap_koreas(None)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: text must be text, e.g. 'Moscow helped North Korea'; got None. Allowed: a str.
    """
    check_text(text, "text", example="'Moscow helped North Korea'")
    return _PATTERN.sub(lambda m: _SWAPS[m.group(0)], text)


def claims() -> Table:
    """The twelve claims with verdicts, evidence and explanations.

    >>> claims()["id"].iloc[0]
    'c01'
    """
    return as_table(load("claims"))


def claim(claim_id: object) -> pd.Series:
    """One claim by id ('c04', or just 4).

    >>> claim(4)["id"]
    'c04'
    >>> claim("c13")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown claim 'c13'. ...
    """
    table = claims()
    if isinstance(claim_id, (int, np.integer)) and not isinstance(claim_id, (bool, np.bool_)):
        claim_id = f"c{int(claim_id):02d}"
    if not isinstance(claim_id, str):
        raise LessonInputError(f"claim_id must be a claim id such as 'c04' (or its number, 4); got {shown(claim_id)}. "
                               "Allowed: " + ", ".join(map(repr, table["id"])) + ".")
    if claim_id.strip().lower() not in set(table["id"]):
        raise unknown("claim", claim_id, table["id"])
    return as_record(table[table["id"] == claim_id.strip().lower()].reset_index(drop=True).iloc[0])


def _evidence(ids) -> list[str]:
    return [evidence_line(item) for item in ids]


def judge(claim_id: object, verdict: object, swapped: bool = False) -> Feedback:
    """Compare a student's verdict on a claim (as written, or swapped) with the evidence.

    The verdict is the student's answer: a word that is not a verdict gets 'invalid'
    feedback listing the verdicts. The other arguments are checked like any function's:
    an unknown claim, a verdict that is not text, or ``swapped`` that is not True/False
    raises :class:`~lessons.errors.LessonInputError` (``'no'`` is not False).

    >>> judge("c04", "true").status
    'wrong'
    >>> judge("c04", "maybe").status
    'invalid'
    >>> judge("c04", "false", swapped="no")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: swapped must be True or False; got 'no' (text). Allowed: True, False, written
    without quotes.
    """
    row = claim(claim_id)
    check_text(verdict, "verdict", example="'false'")
    swapped = check_flag(swapped, "swapped")
    if verdict.strip().lower() not in VERDICTS:
        return Feedback("invalid", f"Choose a verdict: {', '.join(VERDICTS)}.")
    given = verdict.strip().lower()
    right = row["swapped_verdict" if swapped else "verdict"]
    explanation = row["swapped_explanation" if swapped else "explanation"]
    evidence = _evidence(row["swapped_evidence_ids" if swapped else "evidence_ids"])
    if given == right:
        return Feedback("correct", explanation, evidence=evidence)
    middle = {"partly true", "misleading"}
    if given in middle and right in middle:
        return Feedback("partial", f"Close: the evidence points to '{right}'. {explanation}", evidence=evidence)
    return Feedback("wrong", f"The evidence does not support '{given}'. Look again at these events.",
                    hint="Search the evidence finder with a name, a year or a topic from the claim.",
                    evidence=evidence)


def flawed_text() -> Facsimile:
    """The flawed text as a labelled reconstruction: each claim's statement, in the claims' order and paragraphs.

    The small numbers before the sentences are the claims' numbers in the claim checker.

    >>> page = flawed_text()
    >>> page.label == RECONSTRUCTION_LABEL, len(page.marks), page.marks[:2]
    (True, 12, ['1', '2'])
    >>> "Seoul" in page.html and "Author: none given" in page.html
    True
    """
    table = claims()
    paragraphs = [list(group["statement"]) for _, group in table.groupby("paragraph", sort=True)]
    return Facsimile(label=RECONSTRUCTION_LABEL,
                     meta="Author: none given · Date: none given · Sources: none cited",
                     paragraphs=paragraphs, marks=[str(int(cid[1:])) for cid in table["id"]])


def answer_item(claim_id: str, swapped: bool = False, reason: bool = False) -> str:
    """The answers-store item of a verdict on a claim (or of its reason), as written or swapped.

    >>> answer_item("c04"), answer_item("c04", reason=True), answer_item("c04", swapped=True, reason=True)
    ('claim:c04', 'claim:c04:reason', 'claim:c04:swapped:reason')
    """
    return f"claim:{claim_id}" + (":swapped" if swapped else "") + (":reason" if reason else "")


def verdict_key() -> str:
    """The full verdict key, as Markdown for the instructor guide: each claim, both verdicts and why.

    >>> key = verdict_key()
    >>> key.count("As written:") == 12 and "Swapped (North and South exchanged):" in key
    True
    """
    lines = []
    for row in claims().itertuples():
        lines += [f"- **Claim {int(row.id[1:])}** ({row.id}). {row.statement}  ",
                  f"  As written: **{row.verdict}**. {row.explanation}  ",
                  f"  Swapped (North and South exchanged): **{row.swapped_verdict}**. {row.swapped_explanation}  "]
        if row.surviving_error:
            lines.append(f"  Error that survives the swap: {row.surviving_error}.  ")
        lines.append(f"  Evidence: {', '.join(row.evidence_ids)}; swapped: {', '.join(row.swapped_evidence_ids)}")
    return "\n".join(lines)
