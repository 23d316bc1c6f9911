"""Lesson 7's prediction: before the "A pattern" section, the student writes what they think went wrong.

The prompt must not give the pattern away, and the box shows no answer: the answer is the next
section of the lesson and the second claim checker, where the student tests the idea. The text is
kept with the student's other answers (item ``prediction:7``, kind ``text``, status ``written``), so
it comes back after a restart and is handed in with the lesson.

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> box = pattern_prediction()
>>> box.button.click()
>>> "Write your prediction first" in box.feedback.value
True
>>> box.text.value = "Most claims seem to be about another country than the one they name."
>>> box.button.click()
>>> "Kept" in box.feedback.value, pattern_prediction().text.value.startswith("Most claims")
(True, True)
"""
from __future__ import annotations

import ipywidgets as widgets

from ..answers import store
from ..display import ShowsWidget
from ..markup import html_text
from ..questions.accessible import LiveFeedback
from ..questions.parse import word_count
from .layout import text_block

__all__ = ["PatternPrediction", "pattern_prediction", "ITEM", "PROMPT", "MIN_WORDS"]

LESSON = 7
ITEM = "prediction:7"
MIN_WORDS = 8
PROMPT = ("Before you read on: most of the claims failed, yet the text reads fluently and some of it may sound "
          "familiar from lessons 1–6. What do you think went wrong in this text? Write your idea in a sentence or "
          "two, and say how you could test it.")
KEEP = "Keep my prediction"


class PatternPrediction(ShowsWidget):
    """A prompt, a text box and **Keep my prediction**; no answer is shown."""

    def __init__(self):
        header = widgets.HTML(text_block(f"<b>Predict.</b> {html_text(PROMPT)}"))
        self.text = widgets.Textarea(description="Your prediction", placeholder="I think the text …", rows=3,
                                     style={"description_width": "initial"}, layout=widgets.Layout(width="100%"))
        self.button = widgets.Button(description=KEEP, button_style="primary", icon="save",
                                     layout=widgets.Layout(width="auto", align_self="flex-start"))
        self.button.on_click(self.keep)
        self.feedback = LiveFeedback()
        self.widget = widgets.VBox([header, self.text, self.button, self.feedback],
                                   layout=widgets.Layout(border="1px solid var(--jp-border-color2, #ccc)",
                                                         padding="8px", margin="6px 0", width="100%"))
        kept = store.latest(LESSON).get(ITEM, {}).get("answer")
        if isinstance(kept, str) and kept:
            self.text.value = kept
            self.feedback.value = html_text("Kept from before. Change it and keep it again if you like.")

    def keep(self, _button=None) -> None:
        """Keep the prediction, if it says something."""
        text = self.text.value.strip()
        if word_count(text) < MIN_WORDS:
            self.feedback.value = html_text(f"Write your prediction first: a sentence or two (at least {MIN_WORDS} "
                                            "words). There is no wrong guess; you test it in the next section.")
            return
        store.record(LESSON, ITEM, "text", text, "written")
        self.feedback.value = html_text("Kept. Now read on and test your idea with the second claim checker.")


def pattern_prediction() -> PatternPrediction:
    """Build the prediction box; show it by making it a cell's last line."""
    return PatternPrediction()
