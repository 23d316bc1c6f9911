"""Lesson 7's widgets: search the evidence, judge each claim, then swap North and South.

>>> finder = EvidenceFinder()
>>> finder.search.value = "KAL"
>>> "1983-kal-007-shot-down" in finder.results.value
True
"""
from __future__ import annotations

import ipywidgets as widgets

from ..display import ShowsWidget
from ..evidence import MAX_QUERY, explain_no_match, find_evidence
from ..flawed_claims import VERDICTS, claims, judge, swap_koreas
from ..markup import html_text
from ..validate import check_flag, check_text
from .layout import DATE_STYLE, DATE_WIDTH, MUTED_STYLE, cell, head, short_table, text_block, wide

__all__ = ["EvidenceFinder", "ClaimChecker", "evidence_finder", "claim_checker"]


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
        self.button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.feedback = widgets.HTML()
        self.progress = widgets.HTML()
        self.results: dict[str, str] = {}  # claim id -> status of the student's last check
        self.which.observe(self.show, names="value")
        self.button.on_click(self.on_check)
        self.widget = widgets.VBox([self.which, self.text, self.verdict, self.button, self.feedback, self.progress],
                                   layout=widgets.Layout(width="100%"))
        self.show()

    def _text(self, text: str) -> str:
        return swap_koreas(text) if self.swapped else text

    def show(self, change=None) -> None:
        """Show the chosen claim and clear the previous feedback."""
        row = self.table.loc[self.which.value]
        label = "Claim, with North and South swapped" if self.swapped else "Claim"
        self.text.value = text_block(f"<b>{label}:</b> <i>“{html_text(self._text(row['claim']))}”</i>")
        self.verdict.value = None
        self.feedback.value = ""

    def on_check(self, _button=None) -> None:
        """Judge the chosen verdict and update the running score."""
        if self.verdict.value is None:
            self.feedback.value = text_block("<b>Choose a verdict first.</b>")
            return
        result = judge(self.which.value, self.verdict.value, swapped=self.swapped)
        self.results[self.which.value] = result.status
        self.feedback.value = text_block(result.html())
        right = sum(status == "correct" for status in self.results.values())
        self.progress.value = text_block(f"Checked {len(self.results)} of {len(self.table)} claims; "
                                         f"{right} verdicts match the evidence.")


def evidence_finder(query: str = "") -> EvidenceFinder:
    """Build an :class:`EvidenceFinder`; show it by making it a cell's last line."""
    return EvidenceFinder(query)


def claim_checker(swapped: bool = False) -> ClaimChecker:
    """Build a :class:`ClaimChecker`; ``swapped=True`` swaps North and South in every claim."""
    return ClaimChecker(swapped)
