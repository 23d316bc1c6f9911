"""Explore the chronology: pick years, an actor and a category; see the matching
events drawn and listed with dates and sources.

The chart is one reusable figure (:class:`~lessons.charts.lanes.LanesPlot`) rendered
to PNG into an ``Image`` widget, rather than a new pyplot figure drawn into an
``Output`` widget: the redraw is one step, and there are none of the duplicated or
stale plots that ``Output`` + pyplot produce in some front ends.

>>> explorer = TimelineExplorer()
>>> explorer.years.value = (1950, 1953)
>>> explorer.count.value.startswith("<b>")
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..charts.lanes import SHAPE_KEY, LanesPlot
from ..chronology import FIRST_YEAR, LAST_YEAR, actors, categories, events
from ..citations import as_html_list
from ..errors import LessonInputError

__all__ = ["TimelineExplorer", "timeline_explorer", "ANY"]

ANY = "Any"


class TimelineExplorer:
    """A year-range slider, actor and category filters, a chart and a list of events.

    Every change of a control redraws the chart and the list (:meth:`update`).
    """

    def __init__(self, years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR), actor: str = ANY,
                 category: str = ANY):
        groups = list(dict.fromkeys(actors()["group"]))
        self.years = widgets.IntRangeSlider(
            value=years, min=FIRST_YEAR, max=LAST_YEAR, step=1, description="Years",
            continuous_update=False, layout=widgets.Layout(width="480px"),
        )
        self.actor = widgets.Dropdown(options=[ANY, *groups], value=actor, description="Actor")
        self.category = widgets.Dropdown(options=[ANY, *categories()], value=category,
                                         description="Category")
        self.count = widgets.HTML()
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.listing = widgets.HTML()
        self.matches = pd.DataFrame()
        self.plot = LanesPlot(legend=False)
        for control in (self.years, self.actor, self.category):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([
            widgets.HBox([self.years]), widgets.HBox([self.actor, self.category]),
            self.count, self.chart, widgets.HTML(f"<small>{SHAPE_KEY}</small>"), self.listing,
        ])
        self.update()

    def update(self, change=None) -> None:
        """Re-select the events for the current controls and redraw chart and list."""
        try:
            self.matches = events(
                years=self.years.value,
                actor=None if self.actor.value == ANY else self.actor.value,
                category=None if self.category.value == ANY else self.category.value,
            )
        except LessonInputError as error:  # shown in the widget, never as a traceback
            self.count.value = f"<b>Check the filters:</b> {html.escape(str(error))}"
            return
        first, last = self.years.value
        self.count.value = (
            f"<b>{len(self.matches)} event{'s' if len(self.matches) != 1 else ''}</b> "
            f"from {first} to {last}" + ("" if len(self.matches) else ": try wider years or 'Any'.")
        )
        self.plot.draw(self.matches, (first, last))
        self.chart.value = self.plot.png()
        self.listing.value = event_listing_html(self.matches)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def event_listing_html(table: pd.DataFrame) -> str:
    """The matching events as an HTML table: date, event, relation and sources."""
    if table.empty:
        return ""
    rows = "".join(
        f"<tr><td style='white-space:nowrap'>{html.escape(ev.when)}</td>"
        f"<td><b>{html.escape(ev.title)}</b><br><small>{html.escape(ev.summary)}</small>"
        f"<br><small><code>{html.escape(ev.id)}</code></small></td>"
        f"<td>{html.escape(ev.relation)}</td><td><small>{as_html_list(ev.source_ids)}</small></td></tr>"
        for ev in table.itertuples()
    )
    return (
        "<table style='border-collapse:collapse;text-align:left'><thead><tr><th>When</th><th>Event (id)</th>"
        f"<th>Relation</th><th>Sources</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def timeline_explorer(**kwargs) -> TimelineExplorer:
    """Build a :class:`TimelineExplorer`; show it by making it a cell's last line."""
    return TimelineExplorer(**kwargs)
