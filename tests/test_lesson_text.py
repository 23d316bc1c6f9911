"""Lesson text renders as written: no stray maths, and no worked example that gives an answer away."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import lessons
from lessons.course import notebook_path

LESSONS = range(9)
# A "$" that JupyterLab would read as the start or end of maths: not escaped, not inside `code`.
UNESCAPED_DOLLAR = re.compile(r"(?<!\\)\$")


def markdown_cells(lesson: int) -> list[str]:
    cells = json.loads(Path(notebook_path(lesson)).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def without_code(text: str) -> str:
    return re.sub(r"`[^`]*`", "", text)


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_unescaped_dollar_in_lesson_markdown(lesson):
    bad = [line for cell in markdown_cells(lesson) for line in without_code(cell).splitlines()
           if UNESCAPED_DOLLAR.search(line)]
    assert not bad, f"write \\$ for a dollar sign: {bad}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_code_examples_in_the_text_do_not_give_the_answer(lesson):
    for cell in markdown_cells(lesson):
        for question_id, answer in re.findall(r'lessons\.check\("([^"]+)", "([^"]*)"\)', cell):
            assert not lessons.check(question_id, answer).correct, (
                f"the example lessons.check({question_id!r}, {answer!r}) is the right answer")


def test_the_dollar_check_catches_maths():
    assert UNESCAPED_DOLLAR.search(without_code("US$3 billion … US$1.47"))
    assert not UNESCAPED_DOLLAR.search(without_code(r"US\$3 billion, `x = $y`"))
