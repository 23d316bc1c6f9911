"""Step through the phases of a period (lesson 2: the Korean War) one at a time.

Each step shows the phase's events in lanes and lists them with dates and sources,
with a question to answer from them.

>>> stepper = PhaseStepper(lesson=2)
>>> stepper.phase.value = "after-stalin"
>>> "armistice" in stepper.listing.value.lower()
True
"""
from __future__ import annotations

import ipywidgets as widgets
import numpy as np
import pandas as pd

from ..charts.timeline_text import SHAPE_KEY, decimal_year, timeline_alt_text
from ..chronology import events
from ..data import load
from ..dates import format_date
from ..display import ShowsWidget
from ..errors import LessonInputError
from ..markup import html_text
from ..validate import shown
from .first_picture import KeepsFirstPicture
from .layout import chart_html, text_block, wide, wrapping_row
from .timeline_explorer import event_listing_html

__all__ = ["PhaseStepper", "war_phases", "phase_events", "check_lesson"]


def phase_events(phase: pd.Series) -> pd.DataFrame:
    """Events that start in, or last into, ``phase``."""
    table = events(years=(phase["start"].year, phase["end"].year))
    end = table["end"].fillna(table["start"])
    return table[(table["start"] <= phase["end"]) & (end >= phase["start"])].reset_index(drop=True)


def check_lesson(lesson: object) -> int:
    """A lesson number that has phases (a whole number, not text or a bool).

    >>> check_lesson(2)
    2
    >>> check_lesson("2")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: lesson must be a lesson number such as 2; got '2' (text). Lessons with phases: 2.
    """
    numbers = sorted(int(n) for n in set(load("phases")["lesson"]))
    listed = ", ".join(map(str, numbers))
    if isinstance(lesson, (bool, np.bool_)) or not isinstance(lesson, (int, np.integer)):
        raise LessonInputError(f"lesson must be a lesson number such as {numbers[0]}; got {shown(lesson)}. "
                               f"Lessons with phases: {listed}.")
    if int(lesson) not in numbers:
        raise LessonInputError(f"No phases for lesson {int(lesson)}. Lessons with phases: {listed}.")
    return int(lesson)


class PhaseStepper(KeepsFirstPicture, ShowsWidget):
    """A phase selector with Previous / Next buttons, a lanes chart and the phase's events."""

    def __init__(self, lesson: int = 2):
        lesson = check_lesson(lesson)
        phases = load("phases")
        self.phases = phases[phases["lesson"] == lesson].sort_values("number").set_index("id")
        # No readout: the slider's readout box cuts titles short ("1. Seeking Stalin's app");
        # the heading below names the phase in full.
        options = [(f"{r.number}. {r.title}", pid) for pid, r in self.phases.iterrows()]
        self.phase = widgets.SelectionSlider(options=options, description="Phase", readout=False,
                                             continuous_update=False, layout=wide("480px"))
        self.previous = widgets.Button(description="Previous", icon="arrow-left")
        self.next = widgets.Button(description="Next", icon="arrow-right")
        self.previous.on_click(lambda _: self.step(-1))
        self.next.on_click(lambda _: self.step(+1))
        self.heading = widgets.HTML()
        self.chart = widgets.HTML()
        self.listing = widgets.HTML()
        self.matches = pd.DataFrame()
        self.phase.observe(self.update, names="value")
        self.widget = widgets.VBox([wrapping_row([self.phase]), wrapping_row([self.previous, self.next]), self.heading,
                                    self.chart, widgets.HTML(text_block(SHAPE_KEY)), self.listing],
                                   layout=widgets.Layout(width="100%"))
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
        span = f"{format_date(phase['start'])} – {format_date(phase['end'])}"
        position = list(self.phases.index).index(self.phase.value) + 1
        self.heading.value = text_block(
            f"<b>Phase {position} of {len(self.phases)}: {html_text(phase['title'])}</b> ({span})<br>"
            f"<i>Question to think about:</i> {html_text(phase['question'])}")
        first, last = phase["start"].year, phase["end"].year
        alt = timeline_alt_text(self.matches, first, last, layout="lanes")
        self.chart.value = chart_html(self.picture(), f"Phase {position}, {phase['title']}, {span}. {alt}",
                                      label=f"Chart of phase {position}")
        self.listing.value = event_listing_html(self.matches)
        self.previous.disabled = self.phase.index == 0
        self.next.disabled = self.phase.index == len(self.phases) - 1

    def _new_plot(self):
        from ..charts.lanes import LanesPlot  # matplotlib loads here, not when the first picture was kept

        return LanesPlot(legend=False)

    def _draw(self, plot) -> None:
        phase = self.phases.loc[self.phase.value]
        limits = (decimal_year(phase["start"]), decimal_year(phase["end"] + pd.Timedelta(days=1)))
        plot.draw(self.matches, (phase["start"].year, phase["end"].year), title=phase["title"], limits=limits)

    def _state(self) -> dict:
        return {"lesson": int(self.phases["lesson"].iloc[0]), "phase": self.phase.value}


def war_phases() -> PhaseStepper:
    """Step through the phases of the Korean War (lesson 2)."""
    return PhaseStepper(lesson=2)
