"""Lesson 7's widgets: search the evidence, judge each claim (with a reason), then swap North and South.

A verdict is checked only with a one-line reason: the reason is kept first (item
``claim:<id>:reason``, or ``claim:<id>:swapped:reason``), then the verdict is judged and kept
(``claim:<id>``), and only then does the feedback show the evidence. Both come back after a restart.

>>> finder = EvidenceFinder()
>>> finder.search.value = "KAL"
>>> "1983-kal-007-shot-down" in finder.results.value
True
"""
from __future__ import annotations

import ipywidgets as widgets

from ..answers import store
from ..display import ShowsWidget
from ..evidence import MAX_QUERY, explain_no_match, find_evidence
from ..flawed_claims import VERDICTS, answer_item, claims, judge, swap_koreas
from ..markup import html_text
from ..questions.parse import word_count
from ..validate import check_flag, check_text
from .layout import DATE_STYLE, DATE_WIDTH, MUTED_STYLE, cell, head, short_table, text_block, wide

__all__ = ["EvidenceFinder", "ClaimChecker", "evidence_finder", "claim_checker", "LESSON", "MIN_REASON_WORDS"]

LESSON = 7
#: A reason shorter than this is not a reason ("yes", "false"): a few words saying what decides it.
MIN_REASON_WORDS = 3


class EvidenceFinder(ShowsWidget):
    """A search box and the ranked events it finds, with dates and sources."""

    def __init__(self, query: str = ""):
        query = check_text(query, "query", example="'KAL 1983'")
        self.search = widgets.Text(value=query, placeholder="e.g. recognition 1948, KAL, loan, Hong Kong",
                                   description="Search", continuous_update=False, layout=wide())
        self.results = widgets.HTML()
        self.search.observe(self.update, names="value")
        self.widget = widgets.VBox([self.search, self.results], layout=widgets.Layout(width="100%"))
        self.update()

    def update(self, change=None) -> None:
        """Search for what the box holds and list the best matches."""
        query = self.search.value
        if not query.strip():
            self.results.value = text_block("<i>Type a name, a year, a place or a topic, then press Enter.</i>")
            return
        hits = find_evidence(query)
        note = (f"<p><i>Only the first {MAX_QUERY} characters were searched.</i></p>"
                if len(query) > MAX_QUERY else "")
        if hits.empty:
            self.results.value = text_block(note + f"<b>{html_text(explain_no_match(query))}</b>")
            return
        rows = [
            "<tr>" + cell(html_text(h.when), DATE_STYLE) + cell(
                f"<b>{html_text(h.title)}</b><br><span style=\"{MUTED_STYLE}\"><code>{html_text(h.id)}</code>"
                f" · {html_text(h.sources)}</span>") + "</tr>"
            for h in hits.itertuples()]
        header = head(("When", DATE_WIDTH), ("Event, id and sources", ""))
        self.results.value = text_block(note + short_table(header, rows, "matches"))


class ClaimChecker(ShowsWidget):
    """Pick a claim, record a verdict, check it against the evidence; optionally with North and South swapped."""

    def __init__(self, swapped: bool = False):
        self.swapped = check_flag(swapped, "swapped")
        self.table = claims().set_index("id")
        options = [(f"{cid[1:]}. {self._text(row['claim'])[:70]}…", cid) for cid, row in self.table.iterrows()]
        self.which = widgets.Dropdown(options=options, description="Claim", layout=wide("640px"))
        self.text = widgets.HTML()
        self.verdict = widgets.RadioButtons(options=VERDICTS, value=None, description="Verdict")
        self.reason = widgets.Text(description="Your reason", placeholder="One line: what decides your verdict?",
                                   style={"description_width": "initial"}, layout=wide("640px"))
        self.button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.feedback = widgets.HTML()
        self.progress = widgets.HTML()
        # claim id -> status of the student's last check, kept across restarts
        kept = store.latest(LESSON)
        self.results: dict[str, str] = {
            cid: kept[item]["status"] for cid in self.table.index
            if (item := answer_item(cid, self.swapped)) in kept and kept[item].get("status") in ("correct", "partial",
                                                                                                  "wrong")}
        self.which.observe(self.show, names="value")
        self.button.on_click(self.on_check)
        self.widget = widgets.VBox([self.which, self.text, self.verdict, self.reason, self.button, self.feedback,
                                    self.progress], layout=widgets.Layout(width="100%"))
        self.show()
        self.show_progress()

    def _text(self, text: str) -> str:
        return swap_koreas(text) if self.swapped else text

    def show(self, change=None) -> None:
        """Show the chosen claim and clear the previous feedback."""
        row = self.table.loc[self.which.value]
        label = "Claim, with North and South swapped" if self.swapped else "Claim"
        self.text.value = text_block(f"<b>{label}:</b> <i>“{html_text(self._text(row['claim']))}”</i>")
        self.verdict.value = None
        kept = store.latest(LESSON).get(answer_item(self.which.value, self.swapped, reason=True), {})
        self.reason.value = kept.get("answer", "") if isinstance(kept.get("answer"), str) else ""
        self.feedback.value = ""

    def on_check(self, _button=None) -> None:
        """Keep the reason, judge the chosen verdict, and update the running score."""
        if self.verdict.value is None:
            self.feedback.value = text_block("<b>Choose a verdict first.</b>")
            return
        reason = " ".join(self.reason.value.split())
        if word_count(reason) < MIN_REASON_WORDS:
            self.feedback.value = text_block(
                f"<b>Write your reason first</b>, in one line of at least {MIN_REASON_WORDS} words: what in the "
                "evidence decides your verdict? The checker shows its evidence after that.")
            return
        cid = self.which.value
        store.record(LESSON, answer_item(cid, self.swapped, reason=True), "text", reason, "written")
        result = judge(cid, self.verdict.value, swapped=self.swapped)
        store.record(LESSON, answer_item(cid, self.swapped), "choice", self.verdict.value, result.status)
        self.results[cid] = result.status
        self.feedback.value = text_block(f"<i>Your reason (kept):</i> {html_text(reason)}<br>{result.html()}")
        self.show_progress()

    def show_progress(self) -> None:
        """Say how many claims have been checked and how many verdicts match the evidence."""
        if not self.results:
            self.progress.value = ""
            return
        right = sum(status == "correct" for status in self.results.values())
        self.progress.value = text_block(f"Checked {len(self.results)} of {len(self.table)} claims; "
                                         f"{right} verdicts match the evidence.")


def evidence_finder(query: str = "") -> EvidenceFinder:
    """Build an :class:`EvidenceFinder`; show it by making it a cell's last line."""
    return EvidenceFinder(query)


def claim_checker(swapped: bool = False) -> ClaimChecker:
    """Build a :class:`ClaimChecker`; ``swapped=True`` swaps North and South in every claim."""
    return ClaimChecker(swapped)
