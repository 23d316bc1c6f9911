"""Explore the chronology: pick years, an actor and a category; see the matching
events drawn and listed with dates and sources.

The chart is one reusable figure (:class:`~lessons.charts.lanes.LanesPlot`) rendered
to PNG into an HTML widget (``<img alt=…>``: ``widgets.Image`` cannot carry alt text),
rather than a new pyplot figure drawn into an ``Output`` widget: the redraw is one
step, and there are none of the duplicated or stale plots that ``Output`` + pyplot
produce in some front ends. The list sits in a box about half a screen tall that
scrolls, so a lesson stays a few screens long.

>>> explorer = TimelineExplorer()
>>> explorer.years.value = (1950, 1953)
>>> "<b>" in explorer.count.value
True
"""
from __future__ import annotations

import ipywidgets as widgets
import pandas as pd

from ..charts.timeline_text import SHAPE_KEY, timeline_alt_text
from ..chronology import actors, categories, events
from ..citations import as_html_list
from ..display import ShowsWidget
from ..errors import LessonInputError, unknown
from ..markup import html_text
from ..validate import check_years, course_years
from .first_picture import KeepsFirstPicture
from .layout import (
    DATE_STYLE,
    DATE_WIDTH,
    MUTED_STYLE,
    TABLE_STYLE,
    cell,
    chart_html,
    head,
    scroll_box,
    text_block,
    wide,
    wrapping_row,
)

__all__ = ["TimelineExplorer", "timeline_explorer", "event_listing_html", "ANY"]

ANY = "Any"


def actor_group(actor: object) -> str:
    """The actor filter a dropdown offers for ``actor``: 'Any', or the group of a code, group or name.

    >>> actor_group("South Korea"), actor_group("rus"), actor_group("any")
    ('ROK', 'USSR/Russia', 'Any')
    >>> actor_group("Mars")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown actor 'Mars'. Allowed: 'Any', 'USSR/Russia', ...
    """
    table = actors()
    groups = list(dict.fromkeys(table["group"]))
    if not isinstance(actor, str):
        raise LessonInputError(f"actor must be text such as 'DPRK' or {ANY!r}; got {actor!r}. "
                               "Allowed: " + ", ".join(map(repr, [ANY, *groups])) + ".")
    wanted = actor.strip().casefold()
    if wanted == ANY.casefold():
        return ANY
    for column in ("group", "code", "name"):
        hits = table[table[column].str.casefold() == wanted]
        if not hits.empty:
            return hits["group"].iloc[0]
    raise unknown("actor", actor, [ANY, *groups])


def category_choice(category: object) -> str:
    """'Any' or one of the event categories, in any letter case.

    >>> category_choice("Economic")
    'economic'
    """
    allowed = [ANY, *categories()]
    if isinstance(category, str):
        for choice in allowed:
            if choice.casefold() == category.strip().casefold():
                return choice
        raise unknown("category", category, allowed)
    raise LessonInputError(f"category must be text such as 'economic' or {ANY!r}; got {category!r}. "
                           "Allowed: " + ", ".join(map(repr, allowed)) + ".")


class TimelineExplorer(KeepsFirstPicture, ShowsWidget):
    """A year-range slider, actor and category filters, a chart and a list of events.

    Every change of a control redraws the chart and the list (:meth:`update`).
    """

    def __init__(self, years: tuple[int, int] | None = None, actor: str = ANY, category: str = ANY):
        first, last = course_years()  # read when an explorer is made, never when the module is imported
        years = check_years((first, last) if years is None else years, "years", first=first, last=last)
        actor, category = actor_group(actor), category_choice(category)
        groups = list(dict.fromkeys(actors()["group"]))
        self.years = widgets.IntRangeSlider(
            value=years, min=first, max=last, step=1, description="Years",
            continuous_update=False, layout=wide(),
        )
        self.actor = widgets.Dropdown(options=[ANY, *groups], value=actor, description="Actor")
        self.category = widgets.Dropdown(options=[ANY, *categories()], value=category,
                                         description="Category")
        self.count = widgets.HTML()
        self.chart = widgets.HTML()
        self.listing = widgets.HTML()
        self.matches = pd.DataFrame()
        for control in (self.years, self.actor, self.category):
            control.observe(self.update, names="value")
        self.widget = widgets.VBox([
            wrapping_row([self.years]), wrapping_row([self.actor, self.category]),
            self.count, self.chart, widgets.HTML(text_block(SHAPE_KEY)), self.listing,
        ], layout=widgets.Layout(width="100%"))
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
            self.count.value = text_block(f"<b>Check the filters:</b> {html_text(error)}")
            return
        first, last = self.years.value
        n = len(self.matches)
        self.count.value = text_block(
            f"<b>{n} event{'s' if n != 1 else ''}</b> from {first} to {last}"
            + ("" if n else ": try wider years or 'Any'."))
        self.chart.value = chart_html(self.picture(), timeline_alt_text(self.matches, first, last, layout="lanes"),
            label=f"Chart of the events from {first} to {last}")
        self.listing.value = event_listing_html(self.matches)

    def _new_plot(self):
        from ..charts.lanes import LanesPlot  # matplotlib loads here, not when the first picture was kept

        return LanesPlot(legend=False)

    def _draw(self, plot) -> None:
        if "relation" in self.matches:  # else the filters were refused before any event was chosen
            plot.draw(self.matches, self.years.value)

    def _state(self) -> dict:
        return {"years": self.years.value, "actor": self.actor.value, "category": self.category.value}


def event_listing_html(table: pd.DataFrame) -> str:
    """The events as a wrapping HTML table (date, event, relation, sources) in a scroll box
    about half a screen tall, so that a hundred events do not make the lesson dozens of screens long."""
    if table.empty:
        return ""
    rows = [
        "<tr>" + cell(html_text(ev.when), DATE_STYLE)
        + cell(f"<b>{html_text(ev.title)}</b><br>{html_text(ev.summary)}"
               f'<br><span style="{MUTED_STYLE}"><code>{html_text(ev.id)}</code></span>')
        + cell(html_text(ev.relation)) + cell(as_html_list(ev.source_ids)) + "</tr>"
        for ev in table.itertuples()
    ]
    header = head(("When", DATE_WIDTH), ("Event (id)", ""), ("Relation", "8em"), ("Sources", "24%"))
    n = len(table)
    return text_block(scroll_box(f'<table style="{TABLE_STYLE}">{header}<tbody>{"".join(rows)}</tbody></table>',
                                 f"List of {n} event{'s' if n != 1 else ''}, scrollable"))


def timeline_explorer(years: tuple[int, int] | None = None, actor: str = ANY,
                      category: str = ANY) -> TimelineExplorer:
    """Build a :class:`TimelineExplorer`; show it by making it a cell's last line.

    ``years`` is a pair (first, last) within the course's years (all of them if not given);
    ``actor`` a code, group or name ('ROK', 'USSR/Russia', 'South Korea') or 'Any';
    ``category`` one of ``lessons.categories()`` or 'Any'.
    """
    return TimelineExplorer(years, actor, category)
