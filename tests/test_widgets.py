"""Widget callbacks driven from tests, as a student would: set a value, press a button."""
import pytest

from lessons.chronology import event
from lessons.errors import LessonInputError
from lessons.glossary_terms import glossary, term
from lessons.markup import html_text
from lessons.questions.bank import questions
from lessons.questions.widget import BLANK, QuestionWidget, question
from lessons.widgets.glossary_explorer import ANY as ANY_KIND
from lessons.widgets.glossary_explorer import GlossaryExplorer
from lessons.widgets.phase_stepper import PhaseStepper
from lessons.widgets.rivals_explorer import RivalsExplorer


@pytest.mark.parametrize("qid", sorted(questions()))
def test_question_widget_checks_what_the_student_chose(qid):
    widget = QuestionWidget(qid)
    q = widget.question
    first = widget.widget.children[0]  # the prompt: a radio group's legend, or a heading
    assert f"Question {qid}." in (first.prompt if q.kind == "choice" else first.value)
    if q.kind == "choice":
        widget.answer.value = q.answer
    elif q.kind in ("order", "match"):
        for box, letter in zip(widget.positions, q.answer, strict=True):
            box.value = letter
    elif q.kind == "date":
        widget.answer.value = str(q.answer)
    elif q.kind == "written":  # kept, not judged: then the model answer and the self-check appear
        widget.answer.value = " ".join(["evidence"] * q.min_words)
        widget.button.click()
        assert widget.result.status == "written" and "Kept" in widget.feedback.value
        assert widget.self_check.layout.display == "flex"
        return
    else:
        widget.answer.value = f"{q.answer[0]:g}"
    widget.button.click()
    assert widget.result.correct and "Right" in widget.feedback.value


def test_question_widget_wrong_and_incomplete_answers():
    widget = QuestionWidget("1.3")
    assert [box.value for box in widget.positions] == [BLANK] * len(widget.question.answer)
    widget.button.click()
    assert widget.result.status == "invalid" and "every box" in widget.feedback.value
    for box, letter in zip(widget.positions[:-1], widget.question.answer, strict=False):
        box.value = letter
    widget.button.click()  # all boxes but the last filled in: still incomplete, not judged
    assert widget.result.status == "invalid" and "every box" in widget.feedback.value
    for box, letter in zip(widget.positions, reversed(widget.question.answer), strict=True):
        box.value = letter
    widget.button.click()
    assert widget.result.status == "wrong" and "Hint" in widget.feedback.value
    choice = QuestionWidget("2.1")
    choice.button.click()  # nothing chosen
    assert choice.result.status == "invalid"
    text = QuestionWidget("1.1")
    text.answer.value = "twelfth of never"
    text.button.click()
    assert text.result.status == "invalid" and "1999-12-31" in text.feedback.value


def test_unknown_question_shows_a_message_not_a_widget():
    shown = question("7.7")
    assert "Check the question id" in shown.data


def test_glossary_explorer_searches_every_script():
    explorer = GlossaryExplorer()
    assert f"the {len(glossary())} entries" in explorer.count.value
    assert explorer.results.value == "", "nothing listed before a search"
    # Each search, in each script, finds the entry named in it (among others for "Stalin").
    for text, entry in (("Stalin", "joseph-stalin"), ("김일성", "kim-il-sung"), ("Сталин", "joseph-stalin"),
                        ("chuch'e", "juche")):
        explorer.search.value = text
        found = len(glossary(text))
        assert found >= 1, text
        assert f"<b>{found} entr{'y' if found == 1 else 'ies'}</b>" in explorer.count.value, text
        assert "<table" in explorer.results.value and html_text(term(entry)["term"]) in explorer.results.value, text
    explorer.search.value = "zzzz"
    assert "0 entries" in explorer.count.value and "try fewer letters" in explorer.count.value
    explorer.search.value = ""
    explorer.kind.value = "treaty"
    assert len(glossary(kind="treaty")) and f"{len(glossary(kind='treaty'))} entr" in explorer.count.value
    explorer.kind.value = ANY_KIND


def test_phase_stepper_buttons_move_and_redraw():
    stepper = PhaseStepper(lesson=2)
    assert stepper.previous.disabled and not stepper.next.disabled
    first_png, first_list = stepper.chart.value, stepper.listing.value
    stepper.next.click()
    assert stepper.phase.value == "invasion"
    assert stepper.chart.value != first_png and stepper.listing.value != first_list
    assert "1950-kpa-invades-south" in stepper.listing.value
    for _ in range(10):
        stepper.next.click()
    assert stepper.phase.value == "after-stalin" and stepper.next.disabled
    assert "1953-armistice-panmunjom" in stepper.listing.value
    assert "Question to think about" in stepper.heading.value
    with pytest.raises(LessonInputError, match="Lessons with phases: 2"):
        PhaseStepper(lesson=9)


def test_rivals_explorer_splits_events_by_patron():
    explorer = RivalsExplorer()
    explorer.years.value = (1956, 1956)
    assert "Mikoyan" in explorer.moscow.value and "Mikoyan" in explorer.beijing.value
    assert "(both)" in explorer.moscow.value
    explorer.years.value = (1961, 1961)
    moscow_treaty = html_text(event("1961-ussr-dprk-treaty")["title"])
    beijing_treaty = html_text(event("1961-prc-dprk-treaty")["title"])
    assert moscow_treaty in explorer.moscow.value and moscow_treaty not in explorer.beijing.value
    assert beijing_treaty in explorer.beijing.value and beijing_treaty in explorer.moscow.value  # USSR among its actors
    assert "1961" in explorer.summary.value
    explorer.years.value = (1946, 1946)
    assert "No event" in explorer.beijing.value
