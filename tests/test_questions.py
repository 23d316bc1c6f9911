"""The question checker: right, wrong and malformed answers for every kind of question."""
import pytest

from lessons.course import course_outline
from lessons.questions import check
from lessons.questions.bank import KINDS, questions
from lessons.questions.parse import PartialDate


def right_answer(q):
    if q.kind == "written":  # no right answer: any text of enough words is kept, then shown the model answer
        return " ".join(["evidence"] * q.min_words)
    if q.kind in ("choice", "order", "match"):
        return q.answer
    if q.kind == "date":
        return str(q.answer)
    return q.answer[0]


def test_bank_covers_every_kind_and_every_lesson():
    bank = questions()
    assert {q.kind for q in bank.values()} == set(KINDS)
    # every lesson in data/lessons.csv has questions, and every question belongs to one of them
    assert {q.lesson for q in bank.values()} == set(course_outline()["number"])


@pytest.mark.parametrize("qid", sorted(questions()))
def test_right_answer_is_accepted_with_explanation_and_dated_evidence(qid):
    q = questions()[qid]
    feedback = check(qid, right_answer(q))
    if q.kind == "written":
        assert feedback.status == "written" and feedback.message.endswith(q.explanation) and not feedback.hint
    else:
        assert feedback.correct, feedback
        assert feedback.message == q.explanation and not feedback.hint
    assert feedback.evidence and all("lessons.cite(" in line for line in feedback.evidence)


def wrong_answer(q):
    if q.kind == "choice":
        return next(k for k in q.options if k != q.answer)
    if q.kind == "order":
        return list(reversed(q.answer))
    if q.kind == "match":
        return q.answer[1:] + q.answer[:1]
    if q.kind == "date":
        return str(PartialDate(q.answer.year - 3))
    return q.answer[1] * 2 + 10


# A written answer is never wrong (a short one is "invalid", see test_written_questions.py).
JUDGED = sorted(qid for qid, q in questions().items() if q.kind != "written")


@pytest.mark.parametrize("qid", JUDGED)
def test_a_first_wrong_answer_gets_a_hint_but_no_evidence_that_names_the_answer(qid):
    q = questions()[qid]
    feedback = check(qid, wrong_answer(q))
    assert feedback.status == "wrong", feedback
    assert feedback.hint == q.hint and feedback.message
    assert not feedback.evidence, "evidence after one wrong try gives the answer away"
    if q.kind == "date":  # don't give the answer away
        assert str(q.answer) not in str(feedback)


@pytest.mark.parametrize("qid", JUDGED)
def test_a_second_wrong_answer_is_explained_with_the_evidence(qid):
    q = questions()[qid]
    check(qid, wrong_answer(q))
    feedback = check(qid, wrong_answer(q))
    assert feedback.status == "wrong" and not feedback.correct
    assert q.explanation in feedback.message and "After 2 tries" in feedback.message
    assert feedback.evidence and all("lessons.cite(" in line for line in feedback.evidence)


def test_an_unreadable_answer_does_not_count_as_a_try():
    check("1.1", "soon")
    check("1.1", "soon")
    assert not check("1.1", "1900").evidence


def test_choice_feedback_explains_each_wrong_option(monkeypatch, tmp_path):
    for qid, q in questions().items():
        if q.kind == "choice":
            assert set(q.feedback) == set(q.options) - {q.answer}, qid
            for letter, why in q.feedback.items():
                monkeypatch.setenv("LESSONS_ANSWERS_DIR", str(tmp_path / f"{qid}-{letter}"))  # no tries yet
                assert check(qid, letter.upper()).message == why


@pytest.mark.parametrize("answer", [" 1948 ", 1948, 1948.0, "1948", "Oct 1948", "1948-10"])
def test_date_answers_in_other_forms_are_read_and_called_nearly_right(answer):
    assert check("1.1", answer).status == "partial"


@pytest.mark.parametrize("answer", ["12 Oct 1948", "12 October 1948", "October 12, 1948", "1948-10-12", " 12/10/1948 "])
def test_full_dates_in_other_forms_are_right(answer):
    assert check("1.1", answer).correct


def test_date_feedback_says_earlier_or_later_without_the_answer():
    assert "earlier" in check("1.1", "1950").message
    assert "later" in check("1.1", "1947").message
    assert "later in the year" in check("1.1", "Feb 1948").message
    assert "Right month" in check("1.1", "13 Oct 1948").message


@pytest.mark.parametrize("answer", ["48", " 48 ", 48, 48.0, "48.0"])
def test_number_answers_in_other_forms(answer):
    assert check("1.5", answer).correct


def test_number_tolerance_and_direction():
    assert check("3.5", "45").correct and check("3.5", 48).correct  # "about 46%", 5% slack
    assert "too low" in check("3.5", 30).message
    assert "too high" in check("1.5", "1,300").message


@pytest.mark.parametrize("answer", ["B", " b ", "(b)", "b)"])
def test_choice_letters_in_other_forms(answer):
    assert check("1.2", answer).correct


def test_order_and_match_accept_several_spellings():
    q = questions()["1.3"]
    for form in (q.answer, " ".join(q.answer), ", ".join(q.answer).upper(), "".join(q.answer)):
        assert check("1.3", form).correct, form
    wrong = check("1.3", list(reversed(q.answer)))
    assert "happened after" in wrong.message
    match = questions()["1.4"]
    assert check("1.4", "".join(match.answer)).correct
    assert "Look again at" in check("1.4", match.answer[::-1]).message


@pytest.mark.parametrize(
    "qid, answer, message",
    [
        ("1.1", "", "empty"),
        ("1.1", "soon", "Could not read"),
        ("1.1", None, "text or a year"),
        ("1.1", True, "not a date"),
        ("1.1", "1948-13", "no month"),
        ("1.1", "1948-02-30", "not a real date"),
        ("1.5", "many", "Could not read"),
        ("1.5", [48], "digits"),
        ("1.2", 2, "one letter"),
        ("1.2", "e", "not one of the options"),
        ("1.2", "", "empty"),
        ("1.3", "a b", "each letter once"),
        ("1.3", 12345, "letters"),
        ("1.4", "aaaa", "each letter once"),
    ],
)
def test_malformed_answers_get_a_friendly_message_never_an_exception(qid, answer, message):
    feedback = check(qid, answer)
    assert feedback.status == "invalid"
    assert message in feedback.message
    assert not feedback.evidence


@pytest.mark.parametrize("qid", ["9.9", "1.10", "", None, 1.1, "one"])
def test_unknown_question_ids_list_what_exists(qid):
    if qid == 1.1:  # a float id is read as "1.1"
        assert check(qid, "12 Oct 1948").correct
        return
    feedback = check(qid, "a")
    assert feedback.status == "invalid" and "Questions are numbered" in feedback.message
    assert "1.1" in feedback.message


def test_feedback_renders_as_text_markdown_and_html():
    feedback = check("1.2", "a")
    assert str(feedback).startswith("✗ Not yet.")
    assert "Hint:" in feedback._repr_markdown_()
    assert "<i>Hint:</i>" in feedback.html()


def test_format_examples_answer_no_question():
    """The help a student sees before answering must not be an answer (it once showed 12 Oct 1948)."""
    from lessons.questions.parse import _DATE_HELP
    from lessons.questions.widget import QuestionWidget

    for qid, q in questions().items():
        if q.kind == "date":
            placeholder = QuestionWidget(qid).answer.placeholder
            for shown in (_DATE_HELP, placeholder):
                assert not check(qid, shown.split("e.g. ")[-1].split(",")[0].split(" or ")[0].strip()).correct
                assert str(q.answer) not in shown and f"{q.answer.year}" not in shown, (qid, shown)


def test_choice_options_form_one_radio_group_and_feedback_is_announced():
    from lessons.questions.accessible import ChoiceGroup, LiveFeedback
    from lessons.questions.widget import QuestionWidget

    widget = QuestionWidget("2.1")
    assert isinstance(widget.answer, ChoiceGroup) and isinstance(widget.feedback, LiveFeedback)
    assert "Question 2.1." in widget.answer.prompt and [k for k, _ in widget.answer.options] == list("abcd")
    assert 'name = "lessons-q-' in ChoiceGroup._esm and 'aria-live", "polite"' in LiveFeedback._esm
    assert "textContent" in ChoiceGroup._esm and "innerHTML" not in ChoiceGroup._esm  # prompt never runs as HTML
    widget.answer.value = "d"
    widget.button.click()
    assert "Not yet" in widget.feedback.value


def test_written_questions_have_criteria_and_a_model_answer_of_80_to_150_words():
    written = [q for q in questions().values() if q.kind == "written"]
    assert written
    for q in written:
        assert 3 <= len(q.criteria) <= 4 and q.min_words > 0 and q.evidence, q.id
        assert 80 <= len(q.explanation.split()) <= 150, (q.id, len(q.explanation.split()))
