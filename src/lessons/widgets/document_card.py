"""A period lesson's primary documents as cards to read and answer on, one card at a time.

Each card shows a document's metadata (date, kind, author → recipient, whose voice, archive,
language), why it was written, the course's summary and a link to the original, then four
prompts in the moves of historical thinking (sourcing, contextualization, corroboration,
close reading), each with a box to answer in. **Keep my answers** keeps the card's answers
with the student's other answers (``lessons.answers.store``, item ``doc:<id>:<move>``), so
they come back when the card is made again (after a restart) and are handed in with the lesson.

The cards are shown one at a time (a chooser picks the document): all of them open at once
would make a lesson several screens longer. A card is built when it is first chosen: each has
some 45 widgets, and building every card of a lesson up front cost a quarter of a second and
some 450 widget models for the browser to hold.

Tests drive it from Python: set a card's ``boxes[move].value``, then ``button.click()``.

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> from lessons.tables import Record
>>> card = DocumentCard(Record({"id": "1950-01-30-x", "date": "1950-01-30", "date_precision": "day",
...     "lesson": 2, "title": "<Telegram>", "author": "Stalin", "recipient": "Shtykov", "kind": "telegram",
...     "perspective": "USSR", "archive": "Archive", "url": "https://example.org/doc", "language": "Russian",
...     "summary": "S", "context": "C", "event_ids": (), "source_id": "s"}))
>>> "&lt;Telegram&gt;" in card.header.value, 'rel="noopener noreferrer"' in card.header.value
(True, True)
>>> card.boxes["sourcing"].value = "Stalin, to his ambassador."
>>> card.button.click()
>>> "Kept" in card.feedback.value
True
>>> DocumentCard(card.document).boxes["sourcing"].value
'Stalin, to his ambassador.'
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..answers import store
from ..data import load
from ..dates import format_date
from ..display import ShowsWidget
from ..markup import attr_text, html_text
from ..primary_documents import MOVES, check_lesson, documents
from ..questions.accessible import LiveFeedback
from ..tables import Record
from .layout import BODY_STYLE, MUTED_STYLE, text_block

__all__ = ["DocumentCard", "DocumentCards", "document_cards", "PROMPTS", "SUMMARY_NOTE", "item_id"]

#: What each move asks of the student (the same for every document: the moves are the skill).
PROMPTS = {
    "sourcing": "Who wrote this, when, and for whom? Why was it written, and how might that shape what it says?",
    "contextualization": "What was happening when it was written (look at this lesson's chronology)? "
                         "How does that help explain what the document says?",
    "corroboration": "Check it against another document in this set or against the chronology: where do they "
                     "agree, where do they differ, and which would you trust more on that point?",
    "close-reading": "Which words or claims matter most here? What does the author want the reader to believe "
                     "or do, and what does the document leave out?",
}
SUMMARY_NOTE = "Our summary (in the course's words; read the original for its wording)"
KEEP = "Keep my answers"
LINK_STYLE = "color:var(--jp-content-link-color, #1565c0);text-decoration:underline"
# The card's frame: a light border that JupyterLab's dark theme also shows.
CARD_LAYOUT = {"border": "1px solid var(--jp-border-color2, #ccc)", "padding": "8px", "margin": "6px 0",
               "width": "100%"}


def item_id(document_id: str, move: str) -> str:
    """The answer item for one move on one document, as the hand-in and the grader read it.

    >>> item_id("1950-01-30-x", "sourcing")
    'doc:1950-01-30-x:sourcing'
    """
    return f"doc:{document_id}:{move}"


def _voice(code: str) -> str:
    """An actor code as words: 'USSR' -> 'Soviet Union (USSR)'."""
    names = dict(zip(load("actors")["code"], load("actors")["name"], strict=True))
    return f"{names[code]} ({code})" if code in names and names[code] != code else str(code)


def _when(row: Record) -> str:
    precision = row.get("date_precision") or "day"
    try:
        return format_date(pd.Timestamp(row["date"]), precision)
    except (ValueError, TypeError):  # a date the loader could not read: show it as it is
        return str(row["date"])


def metadata_line(row: Record) -> str:
    """The card's first line, escaped: date · kind · author → recipient · voice · archive · language."""
    who = " → ".join(p for p in (str(row.get("author") or "").strip(), str(row.get("recipient") or "").strip()) if p)
    parts = [_when(row), str(row["kind"]).capitalize(), who, f"Voice: {_voice(str(row['perspective']))}",
             str(row["archive"]), f"Original in {row['language']}"]
    return " · ".join(html_text(p) for p in parts if p)


def _link(row: Record) -> str:
    url = str(row.get("url") or "").strip()
    if not url.startswith(("https://", "http://")):  # only a web address is made a link (never javascript:)
        return '<p style="margin:0.3em 0">No address of the original is recorded; ask your teacher.</p>'
    # Widget HTML gets no link style from JupyterLab: coloured and underlined here (axe: link-in-text-block).
    # Archives move their pages (some addresses here are those of a copy where the page was read):
    # the title, searched in the archive, finds the document again.
    return (f'<p style="margin:0.3em 0"><a href="{attr_text(url)}" target="_blank" rel="noopener noreferrer" '
            f'style="{LINK_STYLE}">Read the original at {html_text(row["archive"])}</a> '
            f'<span style="{MUTED_STYLE}">(opens in a new tab; if the page has moved, search the archive for '
            f'the title)</span></p>')


def card_html(row: Record) -> str:
    """A document's card (everything but the answer boxes) as HTML; every piece of text escaped."""
    return text_block(
        f'<h4 style="margin:0 0 0.2em 0;font-size:1.05em">{html_text(row["title"])}</h4>'
        f'<p style="margin:0 0 0.4em 0;{MUTED_STYLE}">{metadata_line(row)}</p>'
        f'<p style="margin:0.3em 0"><b>Why it was written.</b> {html_text(row["context"])}</p>'
        f'<p style="margin:0.3em 0"><b>{html_text(SUMMARY_NOTE)}.</b> {html_text(row["summary"])}</p>'
        + _link(row))


class DocumentCard(ShowsWidget):
    """One document: its card, four prompts with answer boxes, **Keep my answers** and its feedback."""

    def __init__(self, row: Record):
        self.document = row
        self.lesson = int(row["lesson"])
        self.header = widgets.HTML(card_html(row))
        self.boxes: dict[str, widgets.Textarea] = {}
        moves = []
        for number, (move, title) in enumerate(MOVES, 1):
            prompt = widgets.HTML(f'<div style="{BODY_STYLE};margin-top:0.4em"><b>{number}. {html_text(title)}.</b> '
                                  f"{html_text(PROMPTS[move])}</div>")
            # The description is the box's label (a <label for=…>), so a screen reader names each box.
            box = widgets.Textarea(description=title, placeholder="Your answer", rows=3, continuous_update=False,
                                   style={"description_width": "10.5em"},
                                   # no side margins: ipywidgets' 2 px each side would push 100% past the edge
                                   layout=widgets.Layout(width="100%", margin="2px 0"))
            self.boxes[move] = box
            # Two moves side by side on a wide screen, one above the other on a narrow one; the boxes of
            # one row line up at the bottom whatever the length of their prompts.
            moves.append(widgets.VBox([prompt, box], layout=widgets.Layout(
                flex="1 1 440px", min_width="0", justify_content="space-between", margin="0 8px 0 0")))
        grid = widgets.Box(moves, layout=widgets.Layout(display="flex", flex_flow="row wrap", width="100%"))
        self.button = widgets.Button(description=KEEP, button_style="primary", icon="save",
                                     layout=widgets.Layout(width="auto", align_self="flex-start", margin="6px 0 0 0"))
        self.button.on_click(self.keep)
        self.feedback = LiveFeedback()
        self.widget = widgets.VBox([self.header, grid, self.button, self.feedback],
                                   layout=widgets.Layout(**CARD_LAYOUT))
        self.restore()

    def items(self) -> dict[str, str]:
        """Each move's answer item for this document."""
        return {move: item_id(self.document["id"], move) for move in self.boxes}

    def restore(self) -> None:
        """Put the kept answers back in their boxes (after a restart or a reload)."""
        kept = store.latest(self.lesson)
        found = 0
        for move, item in self.items().items():
            answer = kept.get(item, {}).get("answer")
            if isinstance(answer, str) and answer:
                self.boxes[move].value = answer
                found += 1
        if found:
            self.feedback.value = html_text(f"Kept from before: {found} of your answers on this document are back "
                                            "in their boxes.")

    def keep(self, _button=None) -> int:
        """Keep every answer that changed since it was last kept; return how many were kept."""
        kept = store.latest(self.lesson)
        changed = 0
        for move, item in self.items().items():
            text = self.boxes[move].value
            before = kept.get(item, {}).get("answer", "")
            if text.strip() != str(before).strip() and (text.strip() or before):
                store.record(self.lesson, item, "text", text, "written")
                changed += 1
        written = sum(bool(box.value.strip()) for box in self.boxes.values())
        if changed:
            self.feedback.value = html_text(f"Kept: {written} of 4 answers on this document. They are handed in "
                                            "with the lesson and come back if the kernel restarts.")
        elif written:
            self.feedback.value = html_text(f"Kept already: {written} of 4 answers, unchanged since you last kept "
                                            "them.")
        else:
            self.feedback.value = html_text("Nothing to keep yet: write an answer in a box first.")
        return changed


class DocumentCards(ShowsWidget):
    """A lesson's document cards in one box, one shown at a time; ``chooser`` picks which."""

    def __init__(self, lesson: object):
        self.lesson = check_lesson(lesson)
        table = documents(lesson=self.lesson)
        self.rows = [row for _, row in table.iterrows()]
        self._built: dict[int, DocumentCard] = {}
        count = len(self.rows)
        voices = sorted(set(table["perspective"]))
        intro = widgets.HTML(text_block(
            f"<b>{count} document{'s' if count != 1 else ''}</b> from {len(voices)} "
            f"voice{'s' if len(voices) != 1 else ''} ({html_text(', '.join(voices))}). "
            "Choose a document, read it, answer its four prompts and press <b>Keep my answers</b>."))
        options = [(f"{i} of {count} · {_when(row)} · {row['title']}", i - 1) for i, row in enumerate(self.rows, 1)]
        self.chooser = widgets.Dropdown(options=options or [("no documents yet", -1)], description="Document",
                                        style={"description_width": "initial"},
                                        layout=widgets.Layout(width="100%", max_width="760px"))
        self.chooser.observe(self.show, names="value")
        self.shown = widgets.Box(layout=widgets.Layout(width="100%"))
        self.widget = widgets.VBox([intro, self.chooser, self.shown], layout=widgets.Layout(width="100%"))
        self.show()

    def card(self, index: int) -> DocumentCard:
        """The card of the ``index``-th document (from 0), built the first time it is asked for."""
        if index not in self._built:
            self._built[index] = DocumentCard(self.rows[index])
        return self._built[index]

    @property
    def cards(self) -> list[DocumentCard]:
        """Every card, building those not built yet (tests and tools; students build them by choosing)."""
        return [self.card(i) for i in range(len(self.rows))]

    @property
    def current(self) -> DocumentCard | None:
        """The card shown now."""
        return self.card(self.chooser.value) if self.rows and self.chooser.value >= 0 else None

    def show(self, change=None) -> None:
        """Show the chosen card (building it if it is new); its answers stay with it when another is chosen."""
        current = self.current
        self.shown.children = (current.widget,) if current else ()


def document_cards(lesson: object) -> DocumentCards:
    """Show the documents of period lesson ``lesson`` (1-6) as cards with answer boxes.

    >>> document_cards(lesson=0)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: lesson must be a period lesson, one of 1, 2, 3, 4, 5, 6; got 0.
    """
    return DocumentCards(lesson)
