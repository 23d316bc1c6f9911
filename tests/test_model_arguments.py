"""The model answers to the period lessons' argument task (data/model_arguments.csv), as the guide shows them.

Each answer must be one a strong student could write from the lesson: the length the task asks for (the
model keeps to 180-250 words), at least two of that lesson's documents named in the text (by their date,
written as the answer writes it), a chart the lesson's notebook really calls, and ids that exist.
"""
import json
import re

import pytest

import lessons
from lessons.course import notebook_path
from lessons.data import load
from lessons.primary_documents import word_count

PERIOD_LESSONS = range(1, 7)


@pytest.fixture(scope="module")
def answers():
    return {int(row.lesson): row for row in load("model_arguments").itertuples()}


def named_date(day) -> str:
    """A document's date as an answer names it, e.g. '4 May 1988'.

    >>> import pandas as pd
    >>> named_date(pd.Timestamp("1988-05-04"))
    '4 May 1988'
    """
    return f"{day.day} {day:%B %Y}"


def notebook_calls(lesson: int) -> set[str]:
    """The lessons.* functions a lesson's notebook calls in its code cells."""
    cells = json.loads(notebook_path(lesson).read_text(encoding="utf-8"))["cells"]
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    return set(re.findall(r"lessons\.(\w+)\(", code))


def test_every_period_lesson_has_one_model_answer(answers):
    assert sorted(answers) == list(PERIOD_LESSONS)


@pytest.mark.parametrize("lesson", PERIOD_LESSONS)
def test_answer_length(answers, lesson):
    words = word_count(answers[lesson].answer)
    assert 180 <= words <= 250, f"lesson {lesson}: {words} words"


@pytest.mark.parametrize("lesson", PERIOD_LESSONS)
def test_answer_names_at_least_two_documents_of_its_lesson(answers, lesson):
    row = answers[lesson]
    documents = load("documents").set_index("id")
    assert len(row.document_ids) >= 2, f"lesson {lesson}: fewer than two documents"
    for doc_id in row.document_ids:
        assert doc_id in documents.index, f"lesson {lesson}: unknown document {doc_id}"
        doc = documents.loc[doc_id]
        assert doc.lesson == lesson, f"{doc_id} belongs to lesson {doc.lesson}, not {lesson}"
        assert doc.date_precision == "day", f"{doc_id}: the check needs a day-precise date"
        assert named_date(doc.date) in row.answer, f"lesson {lesson}: the answer does not name {doc_id} " \
                                                   f"by its date {named_date(doc.date)!r}"


@pytest.mark.parametrize("lesson", PERIOD_LESSONS)
def test_chart_is_one_the_lesson_calls_and_the_answer_names(answers, lesson):
    chart = answers[lesson].chart
    assert callable(getattr(lessons, chart, None)), f"lessons.{chart} does not exist"
    assert chart in notebook_calls(lesson), f"lesson {lesson}'s notebook never calls lessons.{chart}()"
    text = answers[lesson].answer.replace("South Korea–Russia", "rok russia").lower()  # how answers spell 'rok'
    assert chart.replace("_", " ") in text, f"lesson {lesson}: the answer never names its chart ({chart})"


@pytest.mark.parametrize("lesson", PERIOD_LESSONS)
def test_evidence_ids_exist_and_level_notes_cover_every_criterion(answers, lesson):
    row = answers[lesson]
    known = set(load("events")["id"]) | set(load("figures")["id"])
    assert row.evidence_ids, f"lesson {lesson}: no evidence ids"
    assert set(row.evidence_ids) <= known, sorted(set(row.evidence_ids) - known)
    notes = row.level_notes.lower()
    assert all(criterion in notes for criterion in ("claim", "evidence", "reasoning", "sourcing")), row.level_notes
