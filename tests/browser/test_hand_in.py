"""A student's answers come back: answered in JupyterLab, handed in, saved, and graded from the saved file.

In a real JupyterLab and Chromium (the same server set-up as test_lab_notebooks.py), lesson 1 is
opened and run; question 1.1 is answered right and 1.2 wrong through their widgets; the student
types their name into the Hand in cell, runs it and saves. The saved file must carry both answers
in its hand-in record, and the grader, reading that file, must grade them as the bank says.
Screenshots go to build/browser/hand-in-*.png.
"""
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lessons.answers.payload import MIME, verify
from lessons.questions.bank import questions

from .student import answer_one_right_one_wrong, run_hand_in, save, wrong_choice
from .support import ARTIFACTS, require_browser
from .test_lab_notebooks import _code_cells, _idle, _open, _run_all, browser, lab  # noqa: F401 (fixtures)

require_browser()

LESSON_FILE = "01-liberation-and-division.ipynb"
NAME = "Test <b>Student</b>"


def _shot(page, step: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"hand-in-{step}.png"))


def test_answers_are_handed_in_saved_and_graded(lab, browser, tmp_path):  # noqa: F811
    choice = questions(1)["1.2"]
    wrong_letter = wrong_choice("1.2")
    context, page = _open(lab, browser, f"notebooks/{LESSON_FILE}", "1366x900")
    try:
        _run_all(page, len(_code_cells(LESSON_FILE)))
        answer_one_right_one_wrong(page)
        _shot(page, "01-answered")
        cell = run_hand_in(page, 1, NAME, _idle)
        _shot(page, "02-handed-in")
        shown = cell.locator(".jp-OutputArea-output").inner_text()
        assert "Test <b>Student</b>" in shown, "the name is shown as typed, not as markup"
        save(page)
    except Exception:
        _shot(page, "failure")
        raise
    finally:
        context.close()

    saved_path = lab["workspaces"].parent / "root" / "notebooks" / LESSON_FILE
    saved = json.loads(saved_path.read_text(encoding="utf-8"))
    payloads = [o["data"][MIME] for c in saved["cells"] for o in c.get("outputs", []) if MIME in o.get("data", {})]
    assert len(payloads) == 1, "the saved notebook carries one hand-in record"
    payload = payloads[0]
    assert verify(payload) == [] and payload["student"] == NAME and payload["lesson"] == 1
    statuses = {a["item"]: a["status"] for a in payload["answers"]}
    assert statuses["1.1"] == "correct" and statuses["1.2"] == "wrong"

    # The grader reads the saved file (and refuses an edited copy) without running it.
    tampered = tmp_path / "tampered.ipynb"
    text = saved_path.read_text(encoding="utf-8")
    tampered.write_text(text.replace(f'"answer": "{wrong_letter}"', f'"answer": "{choice.answer}"', 1),
                        encoding="utf-8")
    out = tmp_path / "grades"
    result = subprocess.run([sys.executable, "-m", "lessons", "grade", str(saved_path), str(tampered),
                             "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(out / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {Path(r["file"]).name for r in rows} == {LESSON_FILE}, "the edited copy is not graded"
    assert "tampered.ipynb" in (out / "problems.csv").read_text(encoding="utf-8")
    graded = {r["question"]: r for r in rows}
    assert graded["1.1"]["correct"] == "True" and graded["1.2"]["correct"] == "False"
    assert graded["1.2"]["answer"] == wrong_letter and graded["1.1"]["student"] == NAME
    review = (out / "review.html").read_text(encoding="utf-8")
    assert "<b>Student</b>" not in review and "&lt;b&gt;Student&lt;/b&gt;" in review


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
