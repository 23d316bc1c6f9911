"""The question bank: ``data/questions.json``, checked against the data it points to.

Questions name events, glossary terms and figures by id; their right answers are
derived from those rows (an order question's answer is the events' date order, a date
question's answer is its event's date), so the answer key cannot drift from the data.
A written question has no right answer: a model answer and the criteria a good answer meets.
"""
from __future__ import annotations

import functools
import json
import string
from dataclasses import dataclass, field

import pandas as pd

from ..data import data_dir, load
from ..errors import LessonInputError
from .parse import PartialDate

__all__ = ["Question", "questions", "get", "KINDS"]

KINDS = ("choice", "order", "match", "date", "number", "written")


@dataclass
class Question:
    """One self-check question with its derived right answer."""

    id: str
    lesson: int
    kind: str
    prompt: str
    hint: str
    explanation: str
    evidence: list[str]
    options: dict[str, str] = field(default_factory=dict)  # letter -> text shown
    answer: object = None  # letter, list of letters, PartialDate or (low, high)
    feedback: dict[str, str] = field(default_factory=dict)  # wrong letter -> why it is wrong
    items: list[str] = field(default_factory=list)  # event or glossary ids behind the options
    unit: str = ""
    tolerance: float = 0.0
    criteria: list[str] = field(default_factory=list)  # written: what a good answer does (self-check)
    min_words: int = 0  # written: the shortest answer that is kept

    @property
    def letters(self) -> str:
        return "".join(self.options)


def _letters(n: int) -> str:
    return string.ascii_lowercase[:n]


def _build(qid: str, raw: dict) -> Question:
    kind = raw.get("kind")
    if kind not in KINDS:
        raise LessonInputError(f"Question {qid}: kind must be one of {KINDS}, not {kind!r}.")
    q = Question(id=qid, lesson=int(qid.split(".")[0]), kind=kind, prompt=raw["prompt"], hint=raw["hint"],
                 explanation=raw["explanation"], evidence=list(raw.get("evidence", [])))
    events = load("events").set_index("id")
    if kind == "choice":
        q.options = dict(zip(_letters(len(raw["options"])), raw["options"], strict=True))
        q.answer = raw["answer"]
        q.feedback = raw["feedback"]
    elif kind == "order":
        q.items = raw["events"]
        q.options = {k: events.loc[e, "title"] for k, e in zip(_letters(len(q.items)), q.items, strict=True)}
        dates = {k: events.loc[e, "start"] for k, e in zip(q.options, q.items, strict=True)}
        q.answer = sorted(q.options, key=dates.get)
        q.evidence = q.evidence or list(q.items)
    elif kind == "match":
        glossary = load("glossary").set_index("id")
        q.items = raw["terms"]
        shown = raw["definition_order"]
        q.options = {k: glossary.loc[t, "definition"] for k, t in zip(_letters(len(shown)), shown, strict=True)}
        q.answer = [_letters(len(shown))[shown.index(t)] for t in q.items]
    elif kind == "date":
        ev = events.loc[raw["event"]]
        day = ev["start"]
        q.answer = PartialDate(day.year, day.month if ev["precision"] != "year" else None,
                               day.day if ev["precision"] == "day" else None)
        q.evidence = q.evidence or [raw["event"]]
    elif kind == "written":
        # A written answer is not judged right or wrong: it is kept, then compared by the student with
        # the model answer (``explanation``) against ``criteria``, and read by the teacher.
        q.criteria = list(raw["criteria"])
        q.min_words = int(raw.get("min_words", 30))
    elif kind == "number":
        figures = load("figures").set_index("id")
        fig = figures.loc[raw["figure"]]
        high = fig["value_high"] if pd.notna(fig["value_high"]) else fig["value"]
        q.answer = (float(fig["value"]), float(high))
        q.unit = fig["unit"]
        q.tolerance = float(raw.get("tolerance", 0))
        q.items = [raw["figure"]]
    return q


@functools.cache
def _bank(folder) -> dict[str, Question]:
    with open(folder / "questions.json", encoding="utf-8") as handle:
        raw = json.load(handle)["questions"]
    return {qid: _build(qid, spec) for qid, spec in raw.items()}


def questions(lesson: int | None = None) -> dict[str, Question]:
    """All questions, or those of one lesson, by id.

    >>> "0.1" in questions(0)
    True
    """
    bank = _bank(data_dir())
    return {k: q for k, q in bank.items() if lesson is None or q.lesson == lesson}


def get(qid: object) -> Question | None:
    """The question with id ``qid`` ("2.1"), or None if there is none."""
    return _bank(data_dir()).get(str(qid).strip()) if isinstance(qid, (str, float, int)) else None
