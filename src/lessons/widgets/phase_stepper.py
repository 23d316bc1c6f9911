"""Step through the phases of a period (lesson 2: the Korean War) one at a time.

Each step shows the phase's events in lanes and lists them with dates and sources,
with a question to answer from them.

>>> stepper = PhaseStepper(lesson=2)
>>> stepper.phase.value = "after-stalin"
>>> "armistice" in stepper.listing.value.lower()
True
"""
from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd

from ..charts.lanes import SHAPE_KEY, LanesPlot
from ..charts.timeline import decimal_year
from ..chronology import events
from ..data import load
from ..errors import LessonInputError
from .timeline_explorer import event_listing_html

__all__ = ["PhaseStepper", "war_phases", "phase_events"]


def phase_events(phase: pd.Series) -> pd.DataFrame:
    """Events that start in, or last into, ``phase``."""
    table = events(years=(phase["start"].year, phase["end"].year))
    end = table["end"].fillna(table["start"])
    return table[(table["start"] <= phase["end"]) & (end >= phase["start"])].reset_index(drop=True)


class PhaseStepper:
    """A phase selector with Previous / Next buttons, a lanes chart and the phase's events."""

    def __init__(self, lesson: int = 2):
        phases = load("phases")
        self.phases = phases[phases["lesson"] == lesson].sort_values("number").set_index("id")
        if self.phases.empty:
            raise LessonInputError(f"No phases for lesson {lesson!r}; lessons with phases: "
                                   f"{sorted(set(phases['lesson']))}.")
        options = [(f"{r.number}. {r.title}", pid) for pid, r in self.phases.iterrows()]
        self.phase = widgets.SelectionSlider(options=options, description="Phase",
                                             continuous_update=False, layout=widgets.Layout(width="640px"),
                                             style={"description_width": "initial"})
        self.previous = widgets.Button(description="Previous", icon="arrow-left")
        self.next = widgets.Button(description="Next", icon="arrow-right")
        self.previous.on_click(lambda _: self.step(-1))
        self.next.on_click(lambda _: self.step(+1))
        self.heading = widgets.HTML()
        self.plot = LanesPlot(legend=False)
        self.chart = widgets.Image(format="png", layout=widgets.Layout(max_width="100%"))
        self.listing = widgets.HTML()
        self.matches = pd.DataFrame()
        self.phase.observe(self.update, names="value")
        self.widget = widgets.VBox([self.phase, widgets.HBox([self.previous, self.next]), self.heading,
                                    self.chart, widgets.HTML(f"<small>{SHAPE_KEY}</small>"), self.listing])
        self.update()

    def step(self, by: int) -> None:
        """Move ``by`` phases forward (or back), staying inside the first and last."""
        ids = list(self.phases.index)
        position = min(max(ids.index(self.phase.value) + by, 0), len(ids) - 1)
        self.phase.value = ids[position]

    def update(self, change=None) -> None:
        """Show the current phase."""
        phase = self.phases.loc[self.phase.value]
        self.matches = phase_events(phase)
        span = f"{phase['start']:%-d %b %Y} – {phase['end']:%-d %b %Y}"
        self.heading.value = (f"<b>{phase['number']}. {html.escape(phase['title'])}</b> ({span})<br>"
                              f"<i>Question to think about:</i> {html.escape(phase['question'])}")
        limits = (decimal_year(phase["start"]), decimal_year(phase["end"] + pd.Timedelta(days=1)))
        self.plot.draw(self.matches, (phase["start"].year, phase["end"].year), title=phase["title"],
                       limits=limits)
        self.chart.value = self.plot.png()
        self.listing.value = event_listing_html(self.matches)
        self.previous.disabled = self.phase.index == 0
        self.next.disabled = self.phase.index == len(self.phases) - 1

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def war_phases() -> PhaseStepper:
    """Step through the phases of the Korean War (lesson 2)."""
    return PhaseStepper(lesson=2)
