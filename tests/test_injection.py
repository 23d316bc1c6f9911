"""Text typed by a student, held in data or given on the command line never runs as HTML,
never becomes a link and never turns into maths, on every path to Markdown or HTML."""
from __future__ import annotations

import re

import pytest
from matplotlib.figure import Figure

import lessons
from lessons.__main__ import main
from lessons.charts.chart import Chart
from lessons.errors import LessonInputError, _show_friendly
from lessons.tools.links import binder_link, hub_link

ATTACKS = [
    '<img src=x onerror=alert(1)>',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    "[x](javascript:alert(1))",
    "US$3 billion … US$1.47",
    "**bold** _it_ `code`",
]
RAW_TAG = re.compile(r"<(img|script|svg)\b", re.I)


def markdown_is_inert(text: str) -> bool:
    """No raw tag, no Markdown link, and every dollar written as \\\\$ (see lessons.markup)."""
    return (not RAW_TAG.search(text) and "](" not in text.replace("\\](", "")
            and text.count("$") == text.count("\\\\$"))


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("question_id", ["1.1", "1.2", "1.3", "1.4", "1.5"])
def test_check_feedback_escapes_the_answer(question_id, attack):
    feedback = lessons.check(question_id, attack)
    assert not RAW_TAG.search(feedback.html())
    assert "$" not in feedback.html().replace('<span class="tex2jax_ignore">&#36;</span>', "")
    assert markdown_is_inert(feedback._repr_markdown_())


@pytest.mark.parametrize("attack", ATTACKS)
def test_unknown_question_ids_are_escaped(attack):
    shown = lessons.question(attack)
    assert markdown_is_inert(shown.data.replace("**Check the question id:**", ""))
    assert markdown_is_inert(lessons.check(attack, "a")._repr_markdown_())


@pytest.mark.parametrize("attack", ATTACKS)
def test_judge_feedback_is_escaped(attack):
    for args in [(attack, "false"), ("c01", attack)]:
        try:
            feedback = lessons.judge(*args)
        except LessonInputError as error:  # refusing is fine; the message is escaped where it is shown
            feedback = None
            shown = _shown_error(error)
            assert markdown_is_inert(shown.replace("**Check your input:**", ""))
        if feedback is not None:
            assert not RAW_TAG.search(feedback.html()) and markdown_is_inert(feedback._repr_markdown_())


def _shown_error(error: Exception) -> str:
    shown = []

    class Shell:  # what IPython hands the handler; display() is patched below
        pass

    import IPython.display as display_module

    original = display_module.display
    display_module.display = lambda obj: shown.append(obj.data)
    try:
        _show_friendly(Shell(), type(error), error, None)
    finally:
        display_module.display = original
    return shown[0]


@pytest.mark.parametrize("attack", ATTACKS)
def test_friendly_error_markdown_is_escaped(attack):
    shown = _shown_error(LessonInputError(f"Unknown actor {attack!r}."))
    assert markdown_is_inert(shown.replace("**Check your input:**", ""))
    assert "Unknown actor" in shown


@pytest.mark.parametrize("attack", ATTACKS)
def test_chart_captions_and_alt_text_are_escaped(attack):
    page = Chart(Figure(figsize=(1, 1)), caption=attack, alt=attack).html()
    assert len(RAW_TAG.findall(page)) == 1  # the chart's own image, nothing from the text
    alt = re.search(r'alt="([^"]*)"', page)[1]
    assert "<" not in alt and ">" not in alt


@pytest.mark.parametrize("ref", ["main)[x](javascript:alert(1)", "main branch", "../etc", "-x", "a..b", "<b>",
                                 "main.lock", "", None, 3])
def test_links_refuse_a_ref_that_is_not_a_git_ref(ref, capsys):
    with pytest.raises(LessonInputError, match="--ref must be a git branch or tag name"):
        binder_link("https://github.com/o/r", "00-start-here.ipynb", ref)
    if isinstance(ref, str) and ref:
        assert main(["links", "--repo", "https://github.com/o/r", f"--ref={ref}"]) == 2
        assert "--ref must be" in capsys.readouterr().err


@pytest.mark.parametrize("hub", ["javascript:alert(1)", "https://hub)[x](javascript:alert(1)", "ftp://hub.example",
                                 "https://", "hub.example.edu", "https://user:pw@hub.example", 'https://h"x', None])
def test_links_refuse_a_hub_that_is_not_a_web_address(hub):
    with pytest.raises(LessonInputError, match="--hub must be an http"):
        hub_link(hub, "https://github.com/o/r", "00-start-here.ipynb")


def test_good_links_still_work(capsys):
    assert main(["links", "--repo", "https://github.com/o/r", "--ref", "spring-2027/week-1",
                 "--hub", "https://hub.example.edu/"]) == 0
    printed = capsys.readouterr().out
    assert "branch=spring-2027%2Fweek-1" in printed and "https://hub.example.edu/hub/user-redirect" in printed
