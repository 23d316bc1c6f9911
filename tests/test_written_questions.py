"""Written questions: an answer in the student's own words is kept, then compared with a model answer.

They are not judged right or wrong; the model answer (with its evidence) appears only once an
answer of enough words is kept, and the student's self-check against the criteria is kept too.
Tested on a copy of the course data with one written question added, so these tests do not
depend on which written questions the bank holds.
"""
from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest

from lessons.answers import store
from lessons.questions.bank import questions
from lessons.questions.check import check, judge
from lessons.questions.widget import QuestionWidget

QID = "1.99"
SPEC = {"kind": "written", "prompt": "Who chose the 38th parallel, and why did Moscow accept it?",
        "min_words": 8, "criteria": ["Names who proposed the line", "Uses a dated event as evidence"],
        "hint": "Read 'A line across the peninsula'.", "explanation": "Two US officers proposed it; Moscow agreed.",
        "evidence": ["1945-38th-parallel-line"]}
LONG = "Two American colonels proposed the line in August 1945 and Moscow agreed."


@pytest.fixture
def bank_with_written(tmp_path, monkeypatch, root):
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    bank = json.loads((data / "questions.json").read_text(encoding="utf-8"))
    bank["questions"][QID] = SPEC
    (data / "questions.json").write_text(json.dumps(bank), encoding="utf-8")
    monkeypatch.setenv("LESSONS_DATA_DIR", str(data))
    return questions()[QID]


def test_a_written_question_is_read_from_the_bank(bank_with_written):
    q = bank_with_written
    assert (q.kind, q.min_words, q.criteria, q.answer) == ("written", 8, SPEC["criteria"], None)


def test_a_short_or_non_text_answer_is_refused_with_what_is_needed(bank_with_written):
    short = check(QID, "Americans did it.")
    assert short.status == "invalid" and "at least 8 words" in short.message and "has 3" in short.message
    assert "model answer" not in short.message.lower() and not short.evidence
    assert check(QID, 1945).status == "invalid"
    assert [r["status"] for r in store.history(1)] == ["invalid", "invalid"]


def test_a_kept_answer_shows_the_model_answer_with_its_evidence(bank_with_written):
    feedback = check(QID, LONG)
    assert feedback.status == "written" and not feedback.correct
    assert SPEC["explanation"] in feedback.message and feedback.evidence
    assert store.latest(1)[QID]["answer"] == LONG


def test_judging_a_written_answer_for_the_grader_keeps_nothing(bank_with_written):
    assert judge(QID, LONG)[0] == "written" and judge(QID, "short")[0] == "invalid"
    assert store.history(1) == []


def test_the_widget_counts_words_keeps_the_answer_then_the_self_check(bank_with_written):
    widget = QuestionWidget(QID)
    assert widget.self_check.layout.display == "none", "no model answer or checklist before an answer"
    widget.answer.value = "Two colonels"
    assert "2 words" in widget.words.value and "at least 8" in widget.words.value
    widget.button.click()
    assert widget.result.status == "invalid" and widget.self_check.layout.display == "none"
    widget.answer.value = LONG
    widget.button.click()
    assert widget.result.status == "written" and widget.self_check.layout.display == "flex"
    assert SPEC["explanation"] in widget.feedback.value
    widget.checklist[1].value = True
    widget.keep_check.click()
    assert store.latest(1)[f"{QID}:self-check"]["answer"] == [SPEC["criteria"][1]]
    assert "1 of 2 ticked" in widget.checked.value


def test_after_a_restart_the_widget_shows_the_answer_model_and_ticks_without_keeping_again(bank_with_written):
    first = QuestionWidget(QID)
    first.answer.value = LONG
    first.button.click()
    first.checklist[0].value = True
    first.keep_check.click()
    kept = len(store.history(1))
    again = QuestionWidget(QID)
    assert again.answer.value == LONG and SPEC["explanation"] in again.feedback.value
    assert [box.value for box in again.checklist] == [True, False]
    assert len(store.history(1)) == kept, "showing a kept answer again records nothing"


def test_the_students_text_is_escaped_in_the_feedback(bank_with_written):
    widget = QuestionWidget(QID)
    widget.answer.value = "<img src=x onerror=alert(1)> " + LONG
    widget.button.click()
    assert "<img" not in widget.feedback.value


def test_the_grader_leaves_a_written_answer_unjudged_and_shows_it_for_reading(bank_with_written):
    import nbformat

    from lessons.answers.hand_in import hand_in
    from lessons.answers.payload import MIME
    from lessons.tools.grade import grade_texts, review_html

    check(QID, "<b>bold</b> " + LONG)
    nb = nbformat.v4.new_notebook(metadata={"lessons": {"lesson": 1}})
    nb.cells.append(nbformat.v4.new_code_cell(outputs=[nbformat.v4.new_output(
        "display_data", data={MIME: hand_in(lesson=1, name="Ana")._repr_mimebundle_()[MIME]})]))
    results = grade_texts({"ana.ipynb": nbformat.writes(nb)})
    row = next(r for r in results.graded[0].rows if r["question"] == QID)
    assert row["correct"] == "" and row["answer"].startswith("<b>bold</b>")
    page = review_html(results)
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "<b>bold</b>" not in page
    judged = sum(q.kind != "written" for q in questions(1).values())
    assert f"0 of {judged}" in page, "the score counts only the questions that are judged"


def test_exports_guide_and_handouts_treat_a_written_question_as_an_essay(bank_with_written):
    from lessons.tools.guide import answer_text
    from lessons.tools.handouts import question_on_paper
    from lessons.tools.quiz_export import moodle_xml, qti_source, qti_zip, read_qti_items

    q = bank_with_written
    source = qti_source([q], "Lesson 1")
    assert source.rstrip().endswith("____") and "Model answer" in source
    items = read_qti_items(qti_zip(source))
    assert b"essay_question" in ET.tostring(items)
    assert 'type="essay"' in moodle_xml([q], "Lesson 1")
    assert answer_text(q).startswith("Model answer: " + SPEC["explanation"])
    assert "at least 8 words" in question_on_paper(QID)
