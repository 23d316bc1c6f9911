"""A question as a widget: the prompt, a control to answer with, a Check button, feedback.

Tests (and impatient students) can drive it directly: set ``widget.answer.value`` (or the
``positions`` dropdowns for order and match questions), then ``widget.button.click()``.
"""
from __future__ import annotations

import ipywidgets as widgets
import traitlets

from ..answers import store
from ..display import ShowsWidget
from ..glossary_terms import term
from ..markup import html_text, md_text
from .accessible import TEXT_STYLE, ChoiceGroup, LiveFeedback
from .bank import get
from .check import Feedback, check, evidence_lines, judge
from .parse import word_count

__all__ = ["QuestionWidget", "question"]

BLANK = "—"


class QuestionWidget(ShowsWidget):
    """One self-check question shown as a widget."""

    def __init__(self, question_id: str):
        self.question = get(question_id)
        q = self.question
        self.feedback = LiveFeedback()
        self.result: Feedback | None = None
        self.button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.button.on_click(self.on_check)
        self.answer = None
        self.positions: list[widgets.Dropdown] = []
        header = widgets.HTML(f'<div style="{TEXT_STYLE}"><b>Question {q.id}.</b> {html_text(q.prompt)}</div>')
        if q.kind == "choice":
            # One radio group whose legend is the prompt: the prompt is not repeated above it.
            self.answer = ChoiceGroup(prompt=f"Question {q.id}. {q.prompt}",
                                      options=[(k, f"{k}) {t}") for k, t in q.options.items()])
            header = None
            controls = [self.answer]
        elif q.kind in ("order", "match"):
            listing = widgets.HTML(f'<div style="{TEXT_STYLE}">'
                                   + "<br>".join(f"({k}) {html_text(t)}" for k, t in q.options.items()) + "</div>")
            labels = (_ordinals(len(q.options)) if q.kind == "order"
                      else [_term_name(t) for t in q.items])
            self.positions = [widgets.Dropdown(options=[BLANK, *q.options], value=BLANK, description=label,
                                               style={"description_width": "initial"},
                                               layout=widgets.Layout(width="auto"))
                              for label in labels]
            controls = [listing, widgets.HBox(self.positions, layout=widgets.Layout(flex_flow="row wrap"))]
        elif q.kind == "written":
            self.answer = widgets.Textarea(placeholder="Your answer, in your own words", rows=6,
                                           layout=widgets.Layout(width="100%"))
            self.words = widgets.HTML(self._count_text(""))
            self.answer.observe(lambda change: setattr(self.words, "value", self._count_text(change["new"])), "value")
            label = widgets.HTML(f'<label style="{TEXT_STYLE}"><b>Your answer</b> '
                                 f"(at least {q.min_words} words; it is kept, then you compare it with a model answer)"
                                 "</label>")
            controls = [label, self.answer, self.words]
        else:
            # The example must not be an answer to any question (31 Dec 1999 is none).
            example = "a date, e.g. 31 Dec 1999" if q.kind == "date" else f"a number, in {q.unit}"
            self.answer = widgets.Text(placeholder=example, description="Your answer",
                                       style={"description_width": "initial"})
            controls = [self.answer]
        self.checklist: list[widgets.Checkbox] = []
        self.self_check = widgets.VBox([])
        if q.kind == "written":
            self.button.description, self.button.icon = "Keep and compare", "save"
            self.checklist = [widgets.Checkbox(value=False, description=c, indent=False,
                                               layout=widgets.Layout(width="auto")) for c in q.criteria]
            self.keep_check = widgets.Button(description="Keep my self-check", icon="save")
            self.keep_check.on_click(self.on_self_check)
            self.checked = LiveFeedback()
            heading = widgets.HTML(f'<div style="{TEXT_STYLE}"><b>Self-check.</b> Tick what your answer does.</div>')
            self.self_check = widgets.VBox([heading, *self.checklist, self.keep_check, self.checked],
                                           layout=widgets.Layout(display="none"))
        self.widget = widgets.VBox([*([header] if header else []), *controls, self.button, self.feedback,
                                    self.self_check],
                                   layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="6px 0"))
        self.restore()

    def _count_text(self, text: str) -> str:
        n = word_count(text or "")
        need = self.question.min_words
        return f'<span style="{TEXT_STYLE}">{n} {"word" if n == 1 else "words"}' + (
            f" (at least {need})" if n < need else "") + "</span>"

    def on_self_check(self, _button=None) -> None:
        """Keep which criteria the student says their written answer meets."""
        ticked = [box.description for box in self.checklist if box.value]
        store.record(self.question.lesson, f"{self.question.id}:self-check", "text", ticked, "written")
        self.checked.value = html_text(f"Kept: {len(ticked)} of {len(self.checklist)} ticked. "
                                       "Improve your answer and keep it again if you like.")

    def restore(self) -> None:
        """Put back the student's last kept answer (after a restart or reload) and say how it went."""
        kept = store.latest(self.question.lesson).get(self.question.id)
        if not kept or kept.get("status") == "invalid":
            return
        answer = kept.get("answer")
        try:
            if self.positions and isinstance(answer, list) and len(answer) == len(self.positions):
                for box, letter in zip(self.positions, answer, strict=True):
                    box.value = letter
            elif self.answer is not None and isinstance(answer, (str, int, float)):
                self.answer.value = str(answer)
        except (traitlets.TraitError, ValueError):  # the bank changed since (e.g. fewer options): start blank
            return
        if kept["status"] == "written":
            status, message = judge(self.question.id, answer)
            if status != "written":  # the bank asks for more words now: start again from the text
                return
            # The model answer was earned when this was first kept; showing it again records nothing.
            self.result = Feedback(status, message, evidence=evidence_lines(self.question, reveal=True))
            self.feedback.value = self.result.html()
            self.self_check.layout.display = "flex"
            ticked = store.latest(self.question.lesson).get(f"{self.question.id}:self-check", {}).get("answer", [])
            for box in self.checklist:
                box.value = box.description in ticked
            return
        verdict = {"correct": "right", "partial": "nearly right"}.get(kept["status"], "not right yet")
        tries = kept.get("try", 0)
        self.feedback.value = html_text(f"Kept from before: your answer was {verdict} "
                                        f"({tries} {'try' if tries == 1 else 'tries'}). Press Check to check it again.")

    def current_answer(self):
        """What the controls hold now, in the form :func:`check` accepts."""
        if self.positions:
            return [p.value for p in self.positions]
        return self.answer.value if self.answer.value is not None else ""

    def on_check(self, _button=None) -> None:
        """Check the current answer and show the feedback."""
        answer = self.current_answer()
        if self.positions and BLANK in answer:
            self.result = Feedback("invalid", "Choose a letter in every box first.")
        else:
            self.result = check(self.question.id, answer)
        self.feedback.value = self.result.html()
        if self.result.status == "written":
            self.self_check.layout.display = "flex"


def _ordinals(n: int) -> list[str]:
    """Labels for the order boxes.

    >>> _ordinals(4)
    ['1st', '2nd', '3rd', '4th']
    """
    return [{1: "1st", 2: "2nd", 3: "3rd"}.get(i, f"{i}th") for i in range(1, n + 1)]


def _term_name(term_id: str) -> str:
    return term(term_id)["term"]


def question(question_id: str):
    """Show question ``question_id`` as a widget; an unknown id shows what exists instead.

    >>> question("0.1").question.kind
    'choice'
    """
    if get(question_id) is None:
        from IPython.display import Markdown

        return Markdown(f"**Check the question id:** {md_text(check(question_id, None).message)}")
    return QuestionWidget(question_id)
