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
from .check import Feedback, check

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
        else:
            # The example must not be an answer to any question (31 Dec 1999 is none).
            example = "a date, e.g. 31 Dec 1999" if q.kind == "date" else f"a number, in {q.unit}"
            self.answer = widgets.Text(placeholder=example, description="Your answer",
                                       style={"description_width": "initial"})
            controls = [self.answer]
        self.widget = widgets.VBox([*([header] if header else []), *controls, self.button, self.feedback],
                                   layout=widgets.Layout(border="1px solid #ccc", padding="6px", margin="6px 0"))
        self.restore()

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
