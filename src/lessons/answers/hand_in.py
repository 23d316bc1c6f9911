"""What a student sees of their kept answers: ``my_answers`` and the Hand in cell.

``hand_in(lesson=1, name="...")`` shows the lesson's answers as a table and puts the
hand-in record (see :mod:`lessons.answers.payload`) in the cell's output, so the saved
notebook carries it. Running it again makes a fresh record with every answer so far.

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> from lessons.questions.check import check
>>> _ = check("1.1", "1950")
>>> shown = hand_in(lesson=1, name="Ana <b>")
>>> bundle = shown._repr_mimebundle_()
>>> bundle[MIME]["answers"][0]["item"], "Ana &lt;b&gt;" in bundle["text/html"]
('1.1', True)
>>> hand_in(lesson="one")
Traceback (most recent call last):
...
lessons.errors.LessonInputError: lesson must be a lesson number, one of 0, 1, 2, 3, 4, 5, 6, 7, 8; got 'one' (text).
"""
from __future__ import annotations

import os
from datetime import UTC, datetime

from ..data import load
from ..errors import LessonInputError
from ..markup import html_text
from ..questions.bank import questions
from ..tables import CELL_STYLE, HEAD_STYLE, TABLE_STYLE, Table
from ..validate import check_number_in, check_text
from . import store
from .payload import MIME, build

__all__ = ["hand_in", "my_answers", "HandIn", "MIME"]

RESULTS = {"correct": "Right", "partial": "Nearly", "wrong": "Not yet", "invalid": "Not readable",
           "written": "Written"}
NAME_LIMIT = 100


def check_lesson(value: object) -> int:
    """A lesson number of this course (0-8).

    >>> check_lesson(3)
    3
    """
    return check_number_in(value, load("lessons")["number"])


def _when(entry: dict) -> str:
    """A record's time to the minute, as people write it ("2026-12-04 10:15")."""
    return str(entry.get("time", ""))[:16].replace("T", " ")


def _rows(lesson: int) -> list[dict]:
    """One row per question of the lesson (answered or not), then each open answer."""
    kept = store.latest(lesson)
    rows = []
    for qid in questions(lesson):
        entry = kept.pop(qid, None)
        rows.append({"item": f"Question {qid}", "answer": store.answer_text(entry["answer"]) if entry else "",
                     "result": RESULTS.get(entry["status"], "") if entry else "Not answered",
                     "tries": entry["try"] if entry else 0, "when": _when(entry or {})})
    for item, entry in kept.items():
        rows.append({"item": item, "answer": store.answer_text(entry.get("answer", "")),
                     "result": RESULTS.get(entry.get("status"), ""), "tries": entry.get("try", 0),
                     "when": _when(entry)})
    return rows


def my_answers(lesson: object) -> Table:
    """Your last answer to each question of ``lesson`` (and what you wrote), with the result and tries.

    >>> import os, tempfile
    >>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
    >>> list(my_answers(0).columns)
    ['item', 'answer', 'result', 'tries', 'when']
    """
    lesson = check_lesson(lesson)
    return Table(_rows(lesson), columns=["item", "answer", "result", "tries", "when"])


class HandIn:
    """The Hand in cell's output: the answers as a table, and the hand-in record for the saved notebook."""

    def __init__(self, lesson: int, payload: dict, rows: list[dict]):
        self.lesson, self.payload, self.rows = lesson, payload, rows

    def _html(self) -> str:
        p = self.payload
        who = html_text(p["student"]) if p["student"] else "no name yet"
        head = "".join(f'<th scope="col" style="{HEAD_STYLE}">{h}</th>'
                       for h in ("Question", "Your last answer", "Result", "Tries"))
        body = "".join("<tr>" + "".join(f'<td style="{CELL_STYLE}">{html_text(r[k])}</td>'
                                        for k in ("item", "answer", "result", "tries")) + "</tr>"
                       for r in self.rows)
        answered = sum(r["result"] != "Not answered" for r in self.rows)
        name_note = ("" if p["student"] else
                     "<p><b>Add your name</b> between the quotes in this cell (name=\"...\") and run it again.</p>")
        return (f'<div class="lessons-hand-in"><p><b>Hand in, lesson {self.lesson}:</b> {answered} of '
                f"{len(self.rows)} answered, as <b>{who}</b>, at {html_text(_when({'time': p['handed_in']}))} UTC.</p>"
                f"{name_note}"
                f'<table class="lessons-table" style="{TABLE_STYLE}"><caption>Your answers to lesson {self.lesson}'
                f"</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
                "<p><b>Now save the notebook</b> (File → Save, or Ctrl+S / ⌘S): the saved file holds these answers. "
                "Then hand in the file as the section above says.</p></div>")

    def _repr_mimebundle_(self, include=None, exclude=None):
        answered = sum(r["result"] != "Not answered" for r in self.rows)
        return {"text/plain": f"Hand in, lesson {self.lesson}: {answered} of {len(self.rows)} answered. "
                              "Save the notebook now.",
                "text/html": self._html(), MIME: self.payload}


def hand_in(lesson: object, name: object = "") -> HandIn:
    """Show your answers to ``lesson`` and put them in this cell's output, ready to hand in.

    ``name`` is your name as your teacher should see it. Save the notebook afterwards.
    """
    lesson = check_lesson(lesson)
    name = check_text(name, "name", example='"Ana Kim"').strip()
    if len(name) > NAME_LIMIT:
        raise LessonInputError(f"name must be at most {NAME_LIMIT} characters; got {len(name)}.")
    when = datetime.now(UTC).isoformat(timespec="seconds")
    payload = build(lesson, name, store.history(lesson), submission=store.submission_id(),
                    hub_user=os.environ.get("JUPYTERHUB_USER", ""), when=when)
    return HandIn(lesson, payload, _rows(lesson))
