"""Lesson text renders as written: no stray maths, and no worked example that gives an answer away."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import lessons
from lessons.course import notebook_path
from lessons.markup import attr_text
from lessons.notes import NOTE, known_ids
from lessons.tools.authoring import house_form

LESSONS = range(9)
# A "$" that JupyterLab 4 would read as maths: anything but \\$ outside `code` (see lessons.markup).
UNESCAPED_DOLLAR = re.compile(r"(?<!\\\\)\$|(?<!\\)\\\$")


def markdown_cells(lesson: int) -> list[str]:
    cells = json.loads(Path(notebook_path(lesson)).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def without_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_unescaped_dollar_in_lesson_markdown(lesson):
    bad = [line for cell in markdown_cells(lesson) for line in without_code(cell).splitlines()
           if UNESCAPED_DOLLAR.search(line)]
    assert not bad, f"write \\\\$ for a dollar sign (python -m lessons notes does it): {bad}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_code_examples_in_the_text_do_not_give_the_answer(lesson):
    for cell in markdown_cells(lesson):
        for question_id, answer in re.findall(r'lessons\.check\("([^"]+)", "([^"]*)"\)', cell):
            assert not lessons.check(question_id, answer).correct, (
                f"the example lessons.check({question_id!r}, {answer!r}) is the right answer")


def test_the_dollar_check_catches_maths():
    assert UNESCAPED_DOLLAR.search(without_code("US$3 billion … US$1.47"))
    assert UNESCAPED_DOLLAR.search(without_code(r"US\$3 billion"))  # JupyterLab 4.6 still typesets this
    assert not UNESCAPED_DOLLAR.search(without_code(r"US\\$3 billion, `x = $y`"))


@pytest.mark.parametrize("lesson", LESSONS)
def test_lessons_are_in_house_form(lesson):
    """Citations are numbered notes in order of first appearance and dollars are \\$:
    the authors' command changes nothing."""
    cells = markdown_cells(lesson)
    assert house_form(cells) == cells, "run: python -m lessons notes"


@pytest.mark.parametrize("lesson", LESSONS)
def test_prose_cites_by_notes_not_by_ids(lesson):
    ids = known_ids()
    for cell in markdown_cells(lesson):
        ticked = [t for t in re.findall(r"`([a-z0-9][a-z0-9.-]+)`", cell) if t in ids]
        assert not ticked, f"ids in the prose: {ticked}"
        for number, item in NOTE.findall(cell):
            assert item in ids, f"note [{number}] points to unknown id {item!r}"


CHART_FUNCTIONS = lessons.CHART_FUNCTIONS


def dollars_outside_no_math_spans(page: str) -> int:
    return page.replace('<span class="tex2jax_ignore">&#36;</span>', "").count("$")


@pytest.mark.parametrize("name", CHART_FUNCTIONS)
def test_chart_captions_and_alt_text_reach_html_without_maths(name):
    chart = getattr(lessons, name)()
    page = chart._caption_html()
    assert dollars_outside_no_math_spans(page) == 0, page
    assert f'alt="{attr_text(chart.alt)}"' in chart.html()  # the attribute is escaped, never typeset
    if "$" in chart.caption + chart.alt:  # e.g. the loan chart's US$ figures
        assert 'class="tex2jax_ignore"' in page


def test_the_chart_list_is_every_chart_exported():
    from lessons import _EXPORTS

    charts = {name for name, module in _EXPORTS.items() if module.startswith("charts.")}
    assert charts == set(CHART_FUNCTIONS) | {"Chart"} and "war_phases" in lessons.EXPLORER_FUNCTIONS



def test_citations_carry_no_maintenance_notes():
    """A student reads the Sources list: a bracketed description is a title, "not recorded" is a note to us."""
    titles = lessons.load("sources")["title"].fillna("")
    assert not titles.str.contains("not recorded").any()
