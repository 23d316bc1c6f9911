"""Lesson 7's widgets: search the evidence, judge each claim, then swap North and South.

>>> finder = EvidenceFinder()
>>> finder.search.value = "KAL"
>>> "1983-kal-007-shot-down" in finder.results.value
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..flawed_claims import VERDICTS, claims, judge, swap_koreas
from ..evidence import MAX_QUERY, explain_no_match, find_evidence

__all__ = ["EvidenceFinder", "ClaimChecker", "evidence_finder", "claim_checker"]


class EvidenceFinder:
    """A search box and the ranked events it finds, with dates and sources."""

    def __init__(self, query: str = ""):
        self.search = widgets.Text(value=query, placeholder="e.g. recognition 1948, KAL, loan, Hong Kong",
                                   description="Search", continuous_update=False,
                                   layout=widgets.Layout(width="480px"))
        self.results = widgets.HTML()
        self.search.observe(self.update, names="value")
        self.widget = widgets.VBox([self.search, self.results])
        self.update()

    def update(self, change=None) -> None:
        """Search for what the box holds and list the best matches."""
        query = self.search.value
        if not query.strip():
            self.results.value = "<i>Type a name, a year, a place or a topic, then press Enter.</i>"
            return
        hits = find_evidence(query)
        note = (f"<p><i>Only the first {MAX_QUERY} characters were searched.</i></p>"
                if len(query) > MAX_QUERY else "")
        if hits.empty:
            self.results.value = note + f"<b>{html.escape(explain_no_match(query))}</b>"
            return
        rows = "".join(
            f"<tr><td style='white-space:nowrap'>{html.escape(h.when)}</td><td><b>{html.escape(h.title)}</b>"
            f"<br><small><code>{html.escape(h.id)}</code> · {html.escape(h.sources)}</small></td></tr>"
            for h in hits.itertuples())
        self.results.value = note + f"<table style='text-align:left'>{rows}</table>"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class ClaimChecker:
    """Pick a claim, record a verdict, check it against the evidence; optionally with North and South swapped."""

    def __init__(self, swapped: bool = False):
        self.swapped = swapped
        self.table = claims().set_index("id")
        options = [(f"{cid[1:]}. {self._text(row['claim'])[:70]}…", cid) for cid, row in self.table.iterrows()]
        self.which = widgets.Dropdown(options=options, description="Claim", layout=widgets.Layout(width="640px"))
        self.text = widgets.HTML()
        self.verdict = widgets.RadioButtons(options=VERDICTS, value=None, description="Verdict")
        self.button = widgets.Button(description="Check", button_style="primary", icon="check")
        self.feedback = widgets.HTML()
        self.progress = widgets.HTML()
        self.results: dict[str, str] = {}  # claim id -> status of the student's last check
        self.which.observe(self.show, names="value")
        self.button.on_click(self.on_check)
        self.widget = widgets.VBox([self.which, self.text, self.verdict, self.button, self.feedback, self.progress])
        self.show()

    def _text(self, text: str) -> str:
        return swap_koreas(text) if self.swapped else text

    def show(self, change=None) -> None:
        """Show the chosen claim and clear the previous feedback."""
        row = self.table.loc[self.which.value]
        label = "Claim, with North and South swapped" if self.swapped else "Claim"
        self.text.value = f"<b>{label}:</b> <i>“{html.escape(self._text(row['claim']))}”</i>"
        self.verdict.value = None
        self.feedback.value = ""

    def on_check(self, _button=None) -> None:
        """Judge the chosen verdict and update the running score."""
        if self.verdict.value is None:
            self.feedback.value = "<b>Choose a verdict first.</b>"
            return
        result = judge(self.which.value, self.verdict.value, swapped=self.swapped)
        self.results[self.which.value] = result.status
        self.feedback.value = result.html()
        right = sum(status == "correct" for status in self.results.values())
        self.progress.value = (f"<small>Checked {len(self.results)} of {len(self.table)} claims; "
                               f"{right} verdicts match the evidence.</small>")

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def evidence_finder(query: str = "") -> EvidenceFinder:
    """Build an :class:`EvidenceFinder`; show it by making it a cell's last line."""
    return EvidenceFinder(query)


def claim_checker(swapped: bool = False) -> ClaimChecker:
    """Build a :class:`ClaimChecker`; ``swapped=True`` swaps North and South in every claim."""
    return ClaimChecker(swapped)
