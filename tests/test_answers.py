"""Answers are kept as they are given, survive a restart, and come back in the Hand in cell's output."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import lessons
from lessons.answers import store
from lessons.answers.payload import MIME, verify
from lessons.errors import LessonInputError
from lessons.questions.bank import questions
from lessons.questions.check import REVEAL_AFTER, check, judge
from lessons.questions.widget import QuestionWidget

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.ipynb"))


def right(qid: str):
    """The bank's own right answer, in a form check() reads."""
    q = questions()[qid]
    if q.kind == "date":
        return str(q.answer)
    if q.kind == "number":
        return sum(q.answer) / 2
    return q.answer


def in_fresh_process(code: str, folder: Path) -> str:
    """Run ``code`` in a new Python process (a restarted kernel) that keeps answers in ``folder``."""
    env = {**os.environ, "LESSONS_ANSWERS_DIR": str(folder), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_every_checked_answer_is_kept_with_its_try_and_time(fresh_answers):
    check("1.1", "1950")
    check("1.1", "soon")  # unreadable: kept, not a try
    check("1.1", right("1.1"))
    kept = store.history(1)
    assert [(r["answer"], r["status"], r["try"]) for r in kept] == [
        ("1950", "wrong", 1), ("soon", "invalid", 1), (right("1.1"), "correct", 2)]
    assert all(r["time"].endswith("+00:00") for r in kept)
    assert (fresh_answers / "lesson-01.jsonl").exists()


def test_judging_for_the_grader_keeps_nothing(fresh_answers):
    assert judge("1.1", "1950")[0] == "wrong"
    assert judge("1.1", right("1.1"))[0] == "correct"
    assert store.history(1) == []


def test_answers_and_tries_survive_a_restart(fresh_answers):
    for _ in range(REVEAL_AFTER - 1):
        check("1.1", "1950")
    # A restarted kernel: the answers are still there, and the next wrong try is counted after them.
    shown = in_fresh_process(
        "from lessons.questions.check import check, tries\n"
        "f = check('1.1', '1950')\n"
        "print(tries('1.1'), bool(f.evidence), 'After' in f.message)", fresh_answers)
    assert shown == f"{REVEAL_AFTER} True True"


def test_a_question_widget_shows_the_kept_answer_after_a_restart(fresh_answers):
    widget = QuestionWidget("1.1")
    widget.answer.value = "1950"
    widget.button.click()
    shown = in_fresh_process(
        "from lessons.questions.widget import QuestionWidget\n"
        "w = QuestionWidget('1.1')\n"
        "print(w.answer.value, '|', w.feedback.value)", fresh_answers)
    value, feedback = shown.split(" | ")
    assert value == "1950" and "Kept from before" in feedback and "not right yet" in feedback


def test_a_torn_last_line_costs_only_that_answer(fresh_answers):
    check("1.1", "1950")
    with open(fresh_answers / "lesson-01.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"lesson": 1, "item": "1.1", "ans')
    assert [r["answer"] for r in store.history(1)] == ["1950"]
    check("1.1", "1947")  # and the file can still be added to
    assert [r["answer"] for r in store.history(1)] == ["1950", "1947"]
    check("1.1", "1946")
    lines = (fresh_answers / "lesson-01.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 4 and all(lines), "one line per answer, the torn one apart, no blank lines"


def test_an_unwritable_folder_keeps_answers_for_the_kernel_and_says_so(monkeypatch, tmp_path, capsys):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("LESSONS_ANSWERS_DIR", str(blocked / "answers"))
    check("1.1", "1950")
    assert "cannot be saved" in capsys.readouterr().out
    assert [r["answer"] for r in store.history(1)] == ["1950"]
    assert verify(lessons.hand_in(lesson=1, name="Ana")._repr_mimebundle_()[MIME]) == []


def test_hand_in_carries_every_answer_in_a_payload_the_grader_accepts(fresh_answers, monkeypatch):
    monkeypatch.setenv("JUPYTERHUB_USER", "student7")
    check("1.1", "1950")
    check("1.2", right("1.2"))
    bundle = lessons.hand_in(lesson=1, name="  Ana Kim ")._repr_mimebundle_()
    payload = bundle[MIME]
    assert verify(payload) == []
    assert (payload["lesson"], payload["student"], payload["hub_user"]) == (1, "Ana Kim", "student7")
    assert [a["item"] for a in payload["answers"]] == ["1.1", "1.2"]
    assert json.loads(json.dumps(payload)) == payload, "the output must be plain JSON"
    assert "1 of" not in bundle["text/plain"] and "2 of" in bundle["text/plain"]
    again = lessons.hand_in(lesson=1, name="Ana Kim")._repr_mimebundle_()[MIME]
    assert again["submission"] == payload["submission"], "one answers folder, one submission id"


def test_hand_in_shows_every_question_and_escapes_what_the_student_typed(fresh_answers):
    check("1.1", "<img src=x onerror=alert(1)>")
    html = lessons.hand_in(lesson=1, name="<script>alert(1)</script>")._repr_mimebundle_()["text/html"]
    assert "<script" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "&lt;img" in html
    for qid in questions(1):
        assert f"Question {qid}" in html
    assert html.count("Not answered") == len(questions(1)) - 1


def test_hand_in_without_a_name_asks_for_one(fresh_answers):
    html = lessons.hand_in(lesson=1)._repr_mimebundle_()["text/html"]
    assert "Add your name" in html


@pytest.mark.parametrize(("args", "message"), [
    ({"lesson": "one"}, "lesson must be a lesson number, one of 0, 1"),
    ({"lesson": 9}, "lesson must be a lesson number"),
    ({"lesson": True}, "lesson must be a lesson number"),
    ({"lesson": 1, "name": 42}, "name must be text"),
    ({"lesson": 1, "name": "x" * 101}, "at most 100 characters"),
])
def test_hand_in_refuses_bad_input_with_what_is_allowed(args, message):
    with pytest.raises(LessonInputError, match=message):
        lessons.hand_in(**args)


def test_my_answers_lists_the_last_answer_to_each_question(fresh_answers):
    check("1.1", "1950")
    check("1.1", right("1.1"))
    table = lessons.my_answers(1)
    row = table[table["item"] == "Question 1.1"].iloc[0]
    assert (row["answer"], row["result"], row["tries"]) == (right("1.1"), "Right", 2)
    assert len(table) == len(questions(1))
    with pytest.raises(LessonInputError, match="lesson must be a lesson number"):
        lessons.my_answers("1")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_the_hand_in_cell_of_each_executed_lesson_holds_its_payload(path, lesson_runs):
    executed = lesson_runs[path].executed
    lesson = executed.metadata["lessons"]["lesson"]
    outputs = [o for c in executed.cells if "hand_in(" in c.get("source", "") for o in c.get("outputs", [])]
    payloads = [o["data"][MIME] for o in outputs if MIME in o.get("data", {})]
    assert len(payloads) == 1 and payloads[0]["lesson"] == lesson and verify(payloads[0]) == []
