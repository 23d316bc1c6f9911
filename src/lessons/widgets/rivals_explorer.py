"""Moscow and Beijing side by side: which events tie Pyongyang to each, year by year.

>>> explorer = RivalsExplorer()
>>> explorer.years.value = (1961, 1961)
>>> "treaty" in explorer.moscow.value.lower() and "treaty" in explorer.beijing.value.lower()
True
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..chronology import MOSCOW, events
from ..citations import as_html_list
from ..display import ShowsWidget
from ..errors import unknown
from ..markup import html_text
from ..validate import check_years, course_years
from .layout import MUTED_STYLE, short_list, text_block, wide

__all__ = ["RivalsExplorer", "rivals_explorer"]


def _column(title: str, table: pd.DataFrame, both: set[str]) -> str:
    """One side's events as a list: about a dozen, then the rest behind "Show the other …"."""
    heading = f'<h4 style="margin:0.6em 0 0.2em">{title} ({len(table)})</h4>'
    if table.empty:
        return text_block(f"{heading}<p><i>No event in these years.</i></p>")
    items = [
        f"<li><b>{html_text(ev.when)}</b>: {html_text(ev.title)}{' <i>(both)</i>' if ev.id in both else ''}"
        f'<br><span style="{MUTED_STYLE}">{as_html_list(ev.source_ids)}</span></li>'
        for ev in table.itertuples()
    ]
    return text_block(heading + short_list(items, "events"))


KOREAS = ("DPRK", "ROK")


class RivalsExplorer(ShowsWidget):
    """A year-range slider and two lists: events with Moscow, and events with Beijing."""

    def __init__(self, years: tuple[int, int] = (1953, 1969), korea: str = "DPRK"):
        first, last = course_years()
        years = check_years(years, "years", first=first, last=last)
        if korea not in KOREAS:
            raise unknown("korea", korea, KOREAS)
        self.korea = korea
        self.years = widgets.IntRangeSlider(value=years, min=first, max=last, description="Years",
                                            continuous_update=False, layout=wide())
        self.summary = widgets.HTML()
        # Two columns side by side on a wide screen, one above the other on a narrow one.
        column = widgets.Layout(flex="1 1 20em", min_width="0", margin="0 1em 0 0")
        self.moscow = widgets.HTML(layout=column)
        self.beijing = widgets.HTML(layout=column)
        self.years.observe(self.update, names="value")
        self.widget = widgets.VBox([self.years, self.summary, widgets.Box(
            [self.moscow, self.beijing], layout=widgets.Layout(display="flex", flex_flow="row wrap", width="100%"))],
            layout=widgets.Layout(width="100%"))
        self.update()

    def update(self, change=None) -> None:
        """Re-list both sides for the chosen years."""
        table = events(years=self.years.value, actor=self.korea)
        # astype(bool): an empty object-dtype mask would be read as a list of column names
        with_moscow = table[table["actors"].map(lambda a: bool(MOSCOW & set(a))).astype(bool)]
        with_beijing = table[table["actors"].map(lambda a: "PRC" in a).astype(bool)]
        both = set(with_moscow["id"]) & set(with_beijing["id"])
        first, last = self.years.value
        self.summary.value = text_block(f"<b>{first}–{last}:</b> {len(with_moscow)} events link Pyongyang with Moscow, "
                              f"{len(with_beijing)} with Beijing; {len(both)} involve all three.")
        self.moscow.value = _column("With Moscow", with_moscow, both)
        self.beijing.value = _column("With Beijing", with_beijing, both)


def rivals_explorer(years: tuple[int, int] = (1953, 1969)) -> RivalsExplorer:
    """Build a :class:`RivalsExplorer` for ``years``, a pair (first, last) within 1945–2025."""
    return RivalsExplorer(years)
