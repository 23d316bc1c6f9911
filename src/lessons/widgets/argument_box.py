"""The "Your argument" task: a written answer to the lesson's central question, and a self-assessment.

The box shows the central question (``data/lessons.csv``), a text area with a live word count
(the task asks for 150-250 words), the rubric (``data/rubric.csv``) and, for each of its four
criteria, one tick box per level: the student ticks the level they judge their answer reaches.
**Keep my answer** keeps the text (item ``argument:N``, kind ``text``) and the ticks (item
``argument:N:self-assessment``, e.g. ``"claim: 3; evidence: 2"``) with the student's other
answers, so both come back after a restart and are handed in with the lesson.

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> box = argument(lesson=2)
>>> box.text.value = "Kim asked, Stalin decided and Mao agreed."
>>> box.count.value
'7 words (aim for 150–250)'
>>> box.ticks["claim"][3].value = True
>>> box.button.click()
>>> "Kept" in box.feedback.value
True
>>> again = argument(lesson=2)
>>> again.text.value.startswith("Kim asked"), again.assessment()
(True, {'claim': 3})
"""
from __future__ import annotations

import re

import ipywidgets as widgets

from ..answers import store
from ..data import load
from ..display import ShowsWidget
from ..markup import html_text
from ..primary_documents import check_lesson, word_count
from ..questions.accessible import LiveFeedback
from ..rubrics import CRITERIA_NAMES, criteria, levels, rubric
from .layout import CELL_STYLE, HEAD_STYLE, TABLE_STYLE, text_block

__all__ = ["ArgumentBox", "argument", "WORDS", "item_id", "assessment_text", "read_assessment"]

#: The length the task asks for, in words.
WORDS = (150, 250)
KEEP = "Keep my answer"
_PAIR = re.compile(r"([a-z]+)\s*:\s*([1-4])")


def item_id(lesson: int, self_assessment: bool = False) -> str:
    """The answer item of a lesson's argument (or of its self-assessment).

    >>> item_id(2), item_id(2, self_assessment=True)
    ('argument:2', 'argument:2:self-assessment')
    """
    return f"argument:{lesson}" + (":self-assessment" if self_assessment else "")


def assessment_text(levels_ticked: dict[str, int]) -> str:
    """The self-assessment as it is kept and handed in.

    >>> assessment_text({"claim": 3, "sourcing": 2})
    'claim: 3; sourcing: 2'
    """
    return "; ".join(f"{c}: {n}" for c, n in levels_ticked.items())


def read_assessment(text: object) -> dict[str, int]:
    """A kept self-assessment read back (criteria the rubric does not have are left out).

    >>> read_assessment("claim: 3; sourcing: 2; style: 4"), read_assessment(None)
    ({'claim': 3, 'sourcing': 2}, {})
    """
    known = set(criteria())
    return {c: int(n) for c, n in _PAIR.findall(str(text or "")) if c in known}


def central_question(lesson: int) -> str:
    """The central question of period lesson ``lesson``.

    >>> central_question(5)
    'Why did Moscow choose Seoul?'
    """
    table = load("lessons")
    return str(table.loc[table["number"] == check_lesson(lesson), "central_question"].iloc[0])


def count_text(text: str) -> str:
    """What the word count says.

    >>> count_text(""), count_text("one")
    ('0 words (aim for 150–250)', '1 word (aim for 150–250)')
    """
    n = word_count(text)
    return f"{n} word{'' if n == 1 else 's'} (aim for {WORDS[0]}–{WORDS[1]})"


def rubric_html() -> str:
    """The rubric as a table (criteria down, levels across), behind a "Read the rubric" switch."""
    table = rubric()
    names = levels()
    head = "".join(f'<th scope="col" style="{HEAD_STYLE}">{n} {html_text(label)}</th>' for n, label in names.items())
    rows = []
    for criterion in criteria():
        part = table[table["criterion"] == criterion].set_index("level")["descriptor"]
        cells = "".join(f'<td style="{CELL_STYLE}">{html_text(part.get(n, ""))}</td>' for n in names)
        rows.append(f'<tr><th scope="row" style="{CELL_STYLE};font-weight:bold">'
                    f"{html_text(CRITERIA_NAMES.get(criterion, criterion))}</th>{cells}</tr>")
    return (f'<details><summary style="cursor:pointer;font-weight:bold">Read the rubric</summary>'
            f'<table style="{TABLE_STYLE}"><thead><tr><th scope="col" style="{HEAD_STYLE}">Criterion</th>{head}'
            f"</tr></thead><tbody>{''.join(rows)}</tbody></table></details>")


class ArgumentBox(ShowsWidget):
    """The central question, a text area with a word count, the self-assessment and **Keep my answer**."""

    def __init__(self, lesson: object):
        self.lesson = check_lesson(lesson)
        self.question = central_question(self.lesson)
        header = widgets.HTML(text_block(
            f"<b>Central question:</b> {html_text(self.question)}<br>Answer it in {WORDS[0]}–{WORDS[1]} words: "
            "a claim, at least two documents and one chart as evidence, and your reasoning."))
        self.text = widgets.Textarea(description="Your argument", placeholder="My claim is …", rows=8,
                                     continuous_update=True, style={"description_width": "initial"},
                                     layout=widgets.Layout(width="100%", margin="2px 0"))
        self.count = widgets.Label(count_text(""))
        self.text.observe(self.update_count, names="value")
        self.ticks: dict[str, dict[int, widgets.Checkbox]] = {}
        rows = []
        for criterion in criteria():
            name = CRITERIA_NAMES.get(criterion, criterion)
            boxes = {n: widgets.Checkbox(value=False, description=f"{name} {n}: {label}", indent=False,
                                         layout=widgets.Layout(width="auto", margin="0 1.2em 0 0"))
                     for n, label in levels().items()}
            for box in boxes.values():
                box.observe(self._only_one(criterion), names="value")
            self.ticks[criterion] = boxes
            rows.append(widgets.Box(list(boxes.values()),
                                    layout=widgets.Layout(display="flex", flex_flow="row wrap", width="100%")))
        assess = widgets.HTML(text_block(
            "<b>Judge your answer against the rubric:</b> for each criterion, tick the level it reaches."
            + rubric_html()))
        self.button = widgets.Button(description=KEEP, button_style="primary", icon="save",
                                     layout=widgets.Layout(width="auto", align_self="flex-start", margin="6px 0 0 0"))
        self.button.on_click(self.keep)
        self.feedback = LiveFeedback()
        self.widget = widgets.VBox([header, self.text, self.count, assess, *rows, self.button, self.feedback],
                                   layout=widgets.Layout(border="1px solid var(--jp-border-color2, #ccc)",
                                                         padding="8px", margin="6px 0", width="100%"))
        self.restore()

    def _only_one(self, criterion: str):
        """An observer that unticks the criterion's other levels when one is ticked (one level each)."""
        def observe(change) -> None:
            if change["new"]:
                for box in self.ticks[criterion].values():
                    if box is not change["owner"] and box.value:
                        box.value = False
        return observe

    def update_count(self, change=None) -> None:
        """Show the number of words as the student types."""
        self.count.value = count_text(self.text.value)

    def assessment(self) -> dict[str, int]:
        """The level ticked for each criterion (criteria with no tick are left out)."""
        return {c: n for c, boxes in self.ticks.items() for n, box in boxes.items() if box.value}

    def restore(self) -> None:
        """Put back the kept answer and self-assessment (after a restart or a reload)."""
        kept = store.latest(self.lesson)
        answer = kept.get(item_id(self.lesson), {}).get("answer")
        if isinstance(answer, str) and answer:
            self.text.value = answer
        ticked = read_assessment(kept.get(item_id(self.lesson, True), {}).get("answer"))
        for criterion, level in ticked.items():
            if level in self.ticks[criterion]:
                self.ticks[criterion][level].value = True
        if answer or ticked:
            self.feedback.value = html_text("Kept from before: your answer and self-assessment are back. "
                                            "Press Keep my answer after changing them.")

    def keep(self, _button=None) -> None:
        """Keep the answer and the self-assessment if they changed since they were last kept."""
        kept = store.latest(self.lesson)
        text, ticked = self.text.value, assessment_text(self.assessment())
        if not text.strip() and not ticked:
            self.feedback.value = html_text("Nothing to keep yet: write your argument in the box first.")
            return
        changed = []
        if text != kept.get(item_id(self.lesson), {}).get("answer", ""):
            store.record(self.lesson, item_id(self.lesson), "text", text, "written")
            changed.append("your answer")
        if ticked != kept.get(item_id(self.lesson, True), {}).get("answer", ""):
            store.record(self.lesson, item_id(self.lesson, True), "text", ticked, "written")
            changed.append("your self-assessment")
        n = word_count(text)
        length = ("" if WORDS[0] <= n <= WORDS[1] or not n
                  else f" It has {n} words; the task asks for {WORDS[0]}–{WORDS[1]}.")
        self.feedback.value = html_text(
            (f"Kept: {' and '.join(changed)}. It is handed in with the lesson and comes back if the kernel restarts."
             if changed else "Kept already: nothing changed since you last kept your answer.") + length)


def argument(lesson: object) -> ArgumentBox:
    """Show the "Your argument" task of period lesson ``lesson`` (1-6).

    >>> argument(lesson=7)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: lesson must be a period lesson, one of 1, 2, 3, 4, 5, 6; got 7.
    """
    return ArgumentBox(lesson)
