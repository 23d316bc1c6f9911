"""Lesson 7's practice: find the three planted errors in a news item the course invented.

The item is shown as a labelled page (:func:`lessons.practice_news.news_item`); under it, one
menu per sentence: *looks right*, *wrong unit*, *wrong person or source*, *wrong date*. **Check**
keeps the marks (item ``news:7``) and explains each error found (see
:func:`lessons.practice_news.judge_news`).

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> checker = news_checker()
>>> checker.marks["n4"].value = "unit"
>>> checker.button.click()
>>> "Found 1 of 3 errors" in checker.feedback.value and "roubles" in checker.feedback.value
True
"""
from __future__ import annotations

import ipywidgets as widgets
import traitlets

from ..answers import store
from ..display import ShowsWidget
from ..markup import html_text
from ..practice_news import ERROR_KINDS, NEWS_ITEM_ID, judge_news, news_item, news_sentences
from ..questions.check import ICONS, Feedback
from .layout import text_block

__all__ = ["NewsChecker", "news_checker", "feedback_html"]

LESSON = 7


def feedback_html(result: Feedback) -> str:
    """The feedback as HTML, one line per sentence judged; every piece of text escaped.

    >>> feedback_html(Feedback("wrong", "Found 0.\\nSentence 1 <b>", hint="Look"))
    '<b>✗ Not yet.</b> Found 0.<br>Sentence 1 &lt;b&gt;<br><i>Hint:</i> Look'
    """
    lines = result.message.split("\n")
    parts = [f"<b>{ICONS[result.status]}</b> {html_text(lines[0])}", *map(html_text, lines[1:])]
    if result.hint:
        parts.append(f"<i>Hint:</i> {html_text(result.hint)}")
    parts += [html_text(line) for line in result.evidence]
    return "<br>".join(parts)


class NewsChecker(ShowsWidget):
    """The news item, a menu per sentence, **Check** and the feedback."""

    def __init__(self):
        self.ids = list(news_sentences()["id"])
        page = widgets.HTML(news_item().html, layout=widgets.Layout(width="100%"))
        task = widgets.HTML(text_block("<b>Mark each sentence</b>, then press <b>Check</b>. Test names and dates "
                                       "with the evidence finder above, and numbers with "
                                       "<code>lessons.figures()</code>."))
        options = [(label, key) for key, label in ERROR_KINDS.items()]
        self.marks = {sid: widgets.Dropdown(options=options, value="none", description=f"Sentence {sid[1:]}",
                                            style={"description_width": "initial"},
                                            layout=widgets.Layout(width="20em", margin="2px 1.5em 2px 0"))
                      for sid in self.ids}
        menus = widgets.Box(list(self.marks.values()),
                            layout=widgets.Layout(display="flex", flex_flow="row wrap", width="100%"))
        self.button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.button.on_click(self.on_check)
        self.feedback = widgets.HTML()
        self.result: Feedback | None = None
        self.widget = widgets.VBox([page, task, menus, self.button, self.feedback],
                                   layout=widgets.Layout(width="100%"))
        self.restore()

    def current(self) -> dict[str, str]:
        """The marks as :func:`judge_news` reads them."""
        return {sid: menu.value for sid, menu in self.marks.items()}

    def restore(self) -> None:
        """Put back the last marks kept (after a restart or reload), without judging them again."""
        kept = store.latest(LESSON).get(NEWS_ITEM_ID, {}).get("answer")
        if not isinstance(kept, list) or len(kept) != len(self.ids):
            return
        try:
            for sid, kind in zip(self.ids, kept, strict=True):
                self.marks[sid].value = kind
        except traitlets.TraitError:  # the kinds changed since: start blank
            for menu in self.marks.values():
                menu.value = "none"
            return
        self.feedback.value = text_block(html_text("Kept from before: your marks are back. Press Check to see "
                                                   "the feedback again."))

    def on_check(self, _button=None) -> None:
        """Judge and keep the marks, and show what each mistake is."""
        marks = self.current()
        self.result = judge_news(marks)
        store.record(LESSON, NEWS_ITEM_ID, "choice", [marks[sid] for sid in self.ids], self.result.status)
        self.feedback.value = text_block(feedback_html(self.result))


def news_checker() -> NewsChecker:
    """Build the practice news item with its checker; show it by making it a cell's last line."""
    return NewsChecker()
