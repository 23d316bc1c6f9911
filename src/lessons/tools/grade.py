"""Grade handed-in notebooks: ``python -m lessons grade SUBMISSIONS... --out DIR [--lesson N]``.

Each file is read as JSON and nothing in it is executed or rendered: the grader looks for the
Hand in cell's output (the payload under :data:`lessons.answers.payload.MIME`), checks it with
:func:`~lessons.answers.payload.verify`, and judges every question of its lesson again with
:func:`lessons.questions.check.judge`, so a stored verdict ("correct") is never believed.
It writes, in ``DIR``:

* ``grades.csv``: one row per graded hand-in and question of its lesson
  (file, student, hub_user, lesson, question, answer, correct, tries);
* ``problems.csv``: one row per file that could not be graded, and why (file, reason);
* ``review.html``: the problems, each hand-in's score, and the open answers grouped by item
  with their rubric, for reading; a standalone page that runs no script.

A file with a problem is reported by name and left out; the others are still graded.
Two hand-ins that carry the same submission id for the same lesson came from one answers
folder (a copy, or one student's hand-in sent twice): both are reported as duplicates and
neither is graded, so copied work is never credited silently; the instructor keeps the right
file and grades again. (The id is made once per answers folder, so one student's hand-ins of
*different* lessons share it and are not duplicates.) A notebook whose metadata names no
lesson (a Hand in cell copied into another notebook) is graded by its payload's lesson.

>>> from lessons.answers.payload import build
>>> p = build(1, "Ana", [], submission="s-1", hub_user="", when="2026-12-04T10:00:00+00:00")
>>> out = {"output_type": "display_data", "data": {MIME: p}}
>>> nb = {"cells": [{"cell_type": "code", "outputs": [out]}], "metadata": {}, "nbformat": 4}
>>> [sub.student for sub in grade_texts({"ana.ipynb": json.dumps(nb)}).graded]
['Ana']
>>> grade_texts({"empty.ipynb": ""}).problems
[('empty.ipynb', 'the file is empty')]
"""
from __future__ import annotations

import csv
import html
import importlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..answers.payload import MIME, verify
from ..answers.store import answer_text
from ..data import data_dir, load
from ..errors import LessonInputError
from ..primary_documents import MOVES, documents
from ..questions.bank import get, questions
from ..questions.check import judge
from ..widgets.argument_box import central_question

__all__ = ["MAX_BYTES", "Submission", "Results", "read_notebook", "hand_ins", "grade_texts", "grade_files",
           "rubric", "csv_cell", "review_html", "write_results", "main", "NO_HAND_IN"]

# A notebook with its outputs is a few megabytes; anything far larger is not a hand-in, and
# reading it whole would let one file exhaust the instructor's memory.
MAX_BYTES = 20 * 1024 * 1024
NO_HAND_IN = "no Hand in output: run the Hand in cell, save, then hand in the file"
GRADE_COLUMNS = ("file", "student", "hub_user", "lesson", "question", "answer", "correct", "tries")


@dataclass
class Submission:
    """One hand-in that passed every check, with its questions judged again."""

    file: str
    payload: dict
    rows: list[dict] = field(default_factory=list)  # one per question of the lesson
    open_answers: dict[str, str] = field(default_factory=dict)  # item -> the last text written

    @property
    def student(self) -> str:
        return self.payload["student"]

    @property
    def lesson(self) -> int:
        return self.payload["lesson"]

    def who(self) -> str:
        """A name to show: the name typed, else the hub user, else the file."""
        return self.student.strip() or self.payload["hub_user"].strip() or self.file


@dataclass
class Results:
    graded: list[Submission] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)


def _parse(text: str) -> tuple[object, str | None]:
    """JSON from ``text``, or a plain reason why not."""
    if not text.strip():
        return None, "the file is empty"
    try:
        return json.loads(text), None
    except json.JSONDecodeError as error:
        # A saved notebook is one JSON object ending in "}": one that starts but never closes, or
        # breaks off at the very end, was cut short (an interrupted upload or copy), not mistyped.
        stripped = text.strip()
        if error.pos >= len(stripped) or (stripped.startswith("{") and not stripped.endswith("}")):
            return None, "the file is cut short (the notebook ends early: hand in the whole file again)"
        return None, f"it is not a notebook (not valid JSON: {error.msg}, line {error.lineno} column {error.colno})"
    except (ValueError, RecursionError):  # a number too long to read, nesting too deep to follow
        return None, "it is not a notebook (JSON that cannot be read safely)"


def read_notebook(text: str) -> tuple[dict | None, str | None]:
    """The notebook in ``text`` as plain JSON, or a plain reason why it is not one.

    Nothing is executed and nothing is validated beyond what grading needs: the cells are
    walked defensively, so a notebook with an output type or mimetype nbformat does not know
    is still read.

    >>> read_notebook('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}')[1] is None
    True
    >>> read_notebook('{"cells": [')[1]
    'the file is cut short (the notebook ends early: hand in the whole file again)'
    >>> read_notebook('[1, 2]')[1]
    'it is JSON but not a Jupyter notebook'
    """
    notebook, problem = _parse(text)
    if problem:
        return None, problem
    if not isinstance(notebook, dict) or not isinstance(notebook.get("cells"), list):
        return None, "it is JSON but not a Jupyter notebook"
    if notebook.get("nbformat") != 4:
        return None, f"it is a notebook of format {notebook.get('nbformat')!r}, not 4 (save it from JupyterLab)"
    return notebook, None


def _read_file(path: Path) -> tuple[str | None, str | None]:
    """The text of ``path``, or a plain reason why it cannot be graded."""
    try:
        if not path.exists():
            return None, "no such file"
        if path.is_dir():
            return None, "it is a folder, not a notebook file"
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, f"it is too large ({size / 2**20:.1f} MB; a hand-in is under {MAX_BYTES / 2**20:g} MB)"
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)  # the size can change after stat(); never read more
    except OSError as error:
        return None, f"it cannot be read ({error.strerror or error})"
    if len(raw) > MAX_BYTES:
        return None, f"it is too large (over {MAX_BYTES / 2**20:g} MB)"
    try:
        return raw.decode("utf-8-sig"), None  # a byte-order mark, as some editors write, is harmless
    except UnicodeDecodeError:
        return None, "it is not a notebook (not UTF-8 text: a PDF, a zip or another kind of file?)"


def hand_ins(notebook: dict) -> list[object]:
    """Every Hand in payload among the notebook's outputs (display_data or execute_result).

    >>> hand_ins({"cells": [{"cell_type": "code", "outputs": [
    ...     {"output_type": "display_data", "data": {MIME: {"lesson": 1}}},
    ...     {"output_type": "stream", "text": "hi"}]}]})
    [{'lesson': 1}]
    """
    found = []
    for cell in notebook.get("cells", []):
        outputs = cell.get("outputs") if isinstance(cell, dict) else None
        for output in outputs if isinstance(outputs, list) else []:
            if not isinstance(output, dict) or output.get("output_type") not in ("display_data", "execute_result"):
                continue
            data = output.get("data")
            if isinstance(data, dict) and MIME in data:
                found.append(data[MIME])
    return found


def _lesson_numbers() -> list[int]:
    return sorted(int(n) for n in load("lessons")["number"])


def _notebook_lesson(notebook: dict) -> object:
    """The lesson the notebook's metadata names, or None if it names none."""
    meta = notebook.get("metadata")
    lessons = meta.get("lessons") if isinstance(meta, dict) else None
    return lessons.get("lesson") if isinstance(lessons, dict) else None


def _payload_problem(notebook: dict, lesson: int | None) -> tuple[dict | None, str | None]:
    """The notebook's one valid payload for ``lesson`` (any lesson if None), or why there is none."""
    found = hand_ins(notebook)
    if not found:
        return None, NO_HAND_IN
    if len(found) > 1:
        return None, (f"{len(found)} Hand in outputs (one expected): keep one Hand in cell, run it, save, "
                      "then hand in the file")
    payload = found[0]
    problems = verify(payload)
    if problems:
        return None, "its Hand in output cannot be used: " + "; ".join(problems)
    if payload["lesson"] not in _lesson_numbers():
        return None, f"its Hand in output names lesson {payload['lesson']}, which this course does not have"
    named = _notebook_lesson(notebook)
    if named is not None and named != payload["lesson"]:
        return None, (f"its Hand in output is for lesson {payload['lesson']} but the notebook is lesson {named!r}: "
                      "run the Hand in cell of this lesson's notebook")
    if lesson is not None and payload["lesson"] != lesson:
        return None, f"it is a hand-in for lesson {payload['lesson']}, not lesson {lesson} (--lesson {lesson})"
    return payload, None


def _judge_all(sub: Submission) -> None:
    """Judge every question of the lesson from its last readable answer; keep the last open answers."""
    records = sub.payload["answers"]
    for qid in questions(sub.lesson):
        mine = [r for r in records if r["item"] == qid]
        counted = [r for r in mine if r["status"] != "invalid"]
        chosen = (counted or mine or [None])[-1]
        status = judge(qid, chosen["answer"])[0] if chosen else ""  # never the stored status
        written = questions(sub.lesson)[qid].kind == "written"
        sub.rows.append({"file": sub.file, "student": sub.student, "hub_user": sub.payload["hub_user"],
                         "lesson": sub.lesson, "question": qid,
                         "answer": answer_text(chosen["answer"]) if chosen else "",
                         # a written answer is read by the teacher (review.html), not judged here
                         "correct": "" if written else status == "correct", "tries": len(counted),
                         "status": status})
    kinds = {qid: q.kind for qid, q in questions(sub.lesson).items()}
    for r in records:
        if r["kind"] == "text" or kinds.get(r["item"]) == "written" and r["status"] == "written":
            sub.open_answers[r["item"]] = answer_text(r["answer"])  # later records replace earlier ones


def grade_texts(texts: dict[str, str], lesson: int | None = None,
                unreadable: list[tuple[str, str]] | None = None) -> Results:
    """Grade notebooks given as ``{file name: text}``; ``unreadable`` lists files already refused."""
    results = Results(problems=list(unreadable or []))
    candidates: list[Submission] = []
    for name, text in texts.items():
        notebook, problem = read_notebook(text)
        payload = None
        if notebook is not None:
            payload, problem = _payload_problem(notebook, lesson)
        if problem:
            results.problems.append((name, problem))
        else:
            candidates.append(Submission(name, payload))
    seen: dict[tuple[str, int], list[Submission]] = {}
    for sub in candidates:
        seen.setdefault((sub.payload["submission"], sub.lesson), []).append(sub)
    for sub in candidates:
        twins = [other.file for other in seen[(sub.payload["submission"], sub.lesson)] if other is not sub]
        if twins:
            results.problems.append((sub.file, (
                f"duplicate: the same hand-in (submission {sub.payload['submission']}, lesson {sub.lesson}) as "
                f"{', '.join(twins)}: copied, or handed in twice; not graded: keep one file and grade again")))
        else:
            _judge_all(sub)
            results.graded.append(sub)
    return results


def grade_files(paths: list[str], lesson: int | None = None) -> Results:
    """Read and grade every file in ``paths`` (names kept as given, to report them as typed)."""
    texts: dict[str, str] = {}
    refused: list[tuple[str, str]] = []
    for name in paths:
        if name in texts or any(name == f for f, _ in refused):
            continue  # the same path given twice is one file, not a duplicate hand-in
        text, problem = _read_file(Path(name))
        if problem:
            refused.append((name, problem))
        else:
            texts[name] = text
    return grade_texts(texts, lesson, refused)


def rubric(item: str) -> str | None:
    """The rubric for an open answer ``item``, or None if there is none yet.

    The one place rubrics are looked up: a module ``lessons.rubrics`` with ``rubric(item)``,
    else ``data/rubrics.json`` mapping items to rubric text (under ``"rubrics"`` or at the top).

    >>> rubric("no-such-item") is None
    True
    """
    q = get(item)
    if q is not None and q.kind == "written":  # a written question: its criteria, then its model answer
        return "\n".join([*(f"- {c}" for c in q.criteria), f"Model answer: {q.explanation}"])
    try:
        module = importlib.import_module("lessons.rubrics")
    except ModuleNotFoundError as error:
        if error.name != "lessons.rubrics":
            raise
    else:
        found = module.rubric(item)
        return str(found) if found else None
    path = data_dir() / "rubrics.json"
    if not path.exists():
        return None
    with open(path, encoding="utf-8") as handle:
        table = json.load(handle)
    table = table.get("rubrics", table) if isinstance(table, dict) else {}
    found = table.get(item) if isinstance(table, dict) else None
    return str(found) if found else None


# Spreadsheets run a cell that starts with = + - @ (or a tab or carriage return that hides one)
# as a formula, and a formula can fetch a URL or, in old versions, start a program: a student's
# name or answer "=HYPERLINK(...)" must stay text when the instructor opens grades.csv
# (OWASP, "CSV Injection"). A leading apostrophe makes the spreadsheet show it as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def item_label(item: str) -> str:
    """What an open-answer item is, in words, for the review page.

    >>> item_label("argument:2")
    'Your argument, lesson 2: Whose war was it?'
    >>> item_label("1.2:self-check")
    'Question 1.2, the student’s self-check (criteria ticked)'
    >>> item_label("doc:no-such-document:sourcing")
    'Document no-such-document: Sourcing'
    """
    parts = str(item).split(":")
    if parts[0] == "argument" and len(parts) >= 2 and parts[1].isdigit():
        lesson = int(parts[1])
        try:
            question = f": {central_question(lesson)}"
        except (LessonInputError, IndexError, KeyError):
            question = ""
        return f"Your argument, lesson {lesson}{question}" + (", self-assessment" if len(parts) > 2 else "")
    if parts[0] == "doc" and len(parts) == 3:
        table = documents()
        titles = dict(zip(table["id"], table["title"], strict=True))
        moves = dict(MOVES)
        return f"Document {titles.get(parts[1], parts[1])}: {moves.get(parts[2], parts[2])}"
    q = get(parts[0])
    if q is not None:
        label = f"Question {q.id}"
        return label + (", the student’s self-check (criteria ticked)" if len(parts) > 1 else f": {q.prompt}")
    return str(item)


def csv_cell(value: object) -> object:
    """``value`` safe to open in a spreadsheet: text that would start a formula gets a leading apostrophe.

    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("Ana"), csv_cell(3), csv_cell(False)
    ('\\'=HYPERLINK("http://x")', 'Ana', 3, False)
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"
_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; } th, td { border: 1px solid #999; padding: 0.25rem 0.5rem; text-align: left; }
.answer, .rubric { white-space: pre-wrap; } .rubric { background: #f3f3f3; padding: 0.5rem; }
.problems li { margin-bottom: 0.25rem; }
"""


def _e(value: object) -> str:
    """Escape anything from a submission (or the data) for HTML text and attributes."""
    return html.escape(str(value), quote=True)


def _scores(results: Results) -> list[str]:
    parts = ["<h2>Scores</h2>"]
    if not results.graded:
        return parts + ["<p>No hand-in could be graded.</p>"]
    parts.append("<table><thead><tr><th>File</th><th>Student</th><th>Hub user</th><th>Lesson</th>"
                 "<th>Right</th><th>Nearly</th><th>Unanswered</th><th>Handed in</th></tr></thead><tbody>")
    for sub in results.graded:
        judged = [r for r in sub.rows if r["correct"] != ""]  # written answers are read, not judged
        right = sum(r["correct"] is True for r in judged)
        nearly = sum(r["status"] == "partial" for r in sub.rows)
        blank = sum(not r["answer"] for r in sub.rows)
        parts.append(f"<tr><td>{_e(sub.file)}</td><td>{_e(sub.student)}</td><td>{_e(sub.payload['hub_user'])}</td>"
                     f"<td>{sub.lesson}</td><td>{right} of {len(judged)}</td><td>{nearly}</td><td>{blank}</td>"
                     f"<td>{_e(sub.payload['handed_in'])}</td></tr>")
    return parts + ["</tbody></table>"]


def _open_answers(results: Results) -> list[str]:
    by_item: dict[str, list[tuple[Submission, str]]] = {}
    for sub in results.graded:
        for item, text in sub.open_answers.items():
            by_item.setdefault(item, []).append((sub, text))
    parts = ["<h2>Open answers</h2>"]
    if not by_item:
        return parts + ["<p>No open answers in these hand-ins.</p>"]
    for item in sorted(by_item):
        found = rubric(item)
        parts.append(f"<section><h3>{_e(item_label(item))}</h3>")
        parts.append(f'<div class="rubric"><b>Rubric:</b> {_e(found)}</div>' if found
                     else "<p><i>no rubric for this item yet</i></p>")
        parts.append("<dl>")
        for sub, text in by_item[item]:
            parts.append(f'<dt>{_e(sub.who())} <small>({_e(sub.file)})</small></dt>'
                         f'<dd class="answer">{_e(text)}</dd>')
        parts.append("</dl></section>")
    return parts


def review_html(results: Results) -> str:
    """The review page: problems first, then scores, then open answers by item; all text escaped.

    >>> page = review_html(Results(problems=[("<b>.ipynb", NO_HAND_IN)]))
    >>> "&lt;b&gt;.ipynb" in page, "<script" in page
    (True, False)
    """
    lessons_seen = sorted({sub.lesson for sub in results.graded})
    title = "Hand-ins to review" + (f": lesson {', '.join(map(str, lessons_seen))}" if lessons_seen else "")
    parts = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
             f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
             '<meta name="viewport" content="width=device-width, initial-scale=1">',
             f"<title>{_e(title)}</title>", f"<style>{_STYLE}</style>", "</head>", "<body>", f"<h1>{_e(title)}</h1>",
             f"<p>{len(results.graded)} graded, {len(results.problems)} with problems. Answers were judged again "
             "from the hand-in records; the verdicts stored in them were not used.</p>",
             f"<h2>Problems ({len(results.problems)})</h2>"]
    if results.problems:
        parts.append('<ul class="problems">')
        parts += [f"<li><b>{_e(name)}</b>: {_e(reason)}</li>" for name, reason in results.problems]
        parts.append("</ul>")
    else:
        parts.append("<p>None.</p>")
    parts += _scores(results) + _open_answers(results) + ["</body>", "</html>", ""]
    return "\n".join(parts)


def write_results(results: Results, out: str | os.PathLike) -> list[Path]:
    """Write grades.csv, problems.csv and review.html in ``out``; a folder that cannot be written is an error."""
    folder = Path(out)
    paths = [folder / "grades.csv", folder / "problems.csv", folder / "review.html"]
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with open(paths[0], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(GRADE_COLUMNS)
            for sub in results.graded:
                writer.writerows([csv_cell(row[c]) for c in GRADE_COLUMNS] for row in sub.rows)
        with open(paths[1], "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(("file", "reason"))
            writer.writerows((csv_cell(name), csv_cell(reason)) for name, reason in results.problems)
        paths[2].write_text(review_html(results), encoding="utf-8")
    except OSError as error:
        raise LessonInputError(f"Cannot write the grades to {folder} ({error.strerror or error}): "
                               "give --out a folder you can write to.") from None
    return paths


def _check_lesson(value: str | None) -> int | None:
    if value is None:
        return None
    numbers = _lesson_numbers()
    try:
        number = int(value)
    except ValueError:
        number = None
    if number not in numbers:
        raise LessonInputError(f"--lesson must be a lesson number, one of {', '.join(map(str, numbers))}; "
                               f"got {value!r}.")
    return number


def main(submissions: list[str], out: str, lesson: str | None = None) -> int:
    """Grade, write, print a summary: 0 if any hand-in was graded, 1 if none, 2 for bad arguments."""
    try:
        if not submissions:
            raise LessonInputError("Give the notebook files to grade, e.g. python -m lessons grade "
                                   "handed-in/*.ipynb --out grades")
        number = _check_lesson(lesson)
        results = grade_files(submissions, number)
        paths = write_results(results, out)
    except LessonInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for name, reason in results.problems:
        print(f"problem: {name}: {reason}")
    print(f"{len(results.graded)} graded, {len(results.problems)} with problems.")
    print("wrote " + ", ".join(str(p) for p in paths))
    if not results.graded:
        print("Nothing could be graded: see the problems above (and problems.csv).", file=sys.stderr)
        return 1
    return 0

