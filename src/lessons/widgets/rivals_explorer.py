"""Moscow and Beijing side by side: which events tie Pyongyang to each, year by year.

>>> explorer = RivalsExplorer()
>>> explorer.years.value = (1961, 1961)
>>> "treaty" in explorer.moscow.value.lower() and "treaty" in explorer.beijing.value.lower()
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..chronology import events
from ..citations import as_html_list

__all__ = ["RivalsExplorer", "rivals_explorer"]


def _column(title: str, table: pd.DataFrame, both: set[str]) -> str:
    if table.empty:
        return f"<h4>{title}</h4><p><i>No event in these years.</i></p>"
    items = "".join(
        f"<li><b>{html.escape(ev.when)}</b>: {html.escape(ev.title)}{' <i>(both)</i>' if ev.id in both else ''}"
        f"<br><small>{as_html_list(ev.source_ids)}</small></li>"
        for ev in table.itertuples()
    )
    return f"<h4>{title} ({len(table)})</h4><ul>{items}</ul>"


class RivalsExplorer:
    """A year-range slider and two lists: events with Moscow, and events with Beijing."""

    def __init__(self, years: tuple[int, int] = (1953, 1969), korea: str = "DPRK"):
        self.korea = korea
        self.years = widgets.IntRangeSlider(value=years, min=1945, max=2025, description="Years",
                                            continuous_update=False, layout=widgets.Layout(width="480px"))
        self.summary = widgets.HTML()
        self.moscow = widgets.HTML(layout=widgets.Layout(width="50%"))
        self.beijing = widgets.HTML(layout=widgets.Layout(width="50%"))
        self.years.observe(self.update, names="value")
        self.widget = widgets.VBox([self.years, self.summary, widgets.HBox([self.moscow, self.beijing])])
        self.update()

    def update(self, change=None) -> None:
        """Re-list both sides for the chosen years."""
        table = events(years=self.years.value, actor=self.korea)
        # astype(bool): an empty object-dtype mask would be read as a list of column names
        with_moscow = table[table["actors"].map(lambda a: bool({"USSR", "RUS"} & set(a))).astype(bool)]
        with_beijing = table[table["actors"].map(lambda a: "PRC" in a).astype(bool)]
        both = set(with_moscow["id"]) & set(with_beijing["id"])
        first, last = self.years.value
        self.summary.value = (f"<b>{first}–{last}:</b> {len(with_moscow)} events link Pyongyang with Moscow, "
                              f"{len(with_beijing)} with Beijing; {len(both)} involve all three.")
        self.moscow.value = _column("With Moscow", with_moscow, both)
        self.beijing.value = _column("With Beijing", with_beijing, both)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def rivals_explorer(years: tuple[int, int] = (1953, 1969)) -> RivalsExplorer:
    """Build a :class:`RivalsExplorer` for ``years``."""
    return RivalsExplorer(years)
