"""The whole course on one screen: every event in its lane, each period's turning point numbered.

Lesson 0 opens with it. It replaces a labelled timeline of every event (one row and one
title per event), which ran to 28 inches and spent over a second laying out its glyphs:
students read where events crowd together from the lanes, and the titles of six turning
points from the numbered key under the chart.
"""
from __future__ import annotations

import pandas as pd

from ..chronology import RELATIONS, events, turning_points
from ..validate import course_years
from .chart import Chart
from .lanes import LanesPlot
from .style import course_style
from .timeline import decimal_year, timeline_alt_text

__all__ = ["overview_chart", "turning_point_key"]

#: Lines of the key under the chart, in points: 8-pt text needs about this much.
KEY_LINE = 11


def turning_point_key(marks: pd.DataFrame) -> list[str]:
    """One line per numbered turning point: number, date, title and lesson.

    >>> turning_point_key(turning_points())[0]
    '1  12 Oct 1948 · USSR establishes diplomatic relations with the DPRK (lesson 1)'
    """
    return [f"{number}  {described(row)}" for number, row in enumerate(marks.itertuples(), start=1)]


def described(mark) -> str:
    """A turning point (a row of :func:`~lessons.chronology.turning_points`) in words."""
    return f"{mark.when} · {mark.title} (lesson {mark.lesson})"


def overview_chart() -> Chart:
    """Every event of the chronology in one lane per relation, with the periods' turning points numbered.

    >>> from matplotlib.text import Annotation
    >>> chart = overview_chart()
    >>> [t.get_text()[:14] for t in chart.figure.axes[0].texts if isinstance(t, Annotation)]
    ['1', '2', '3', '4', '5', '6', 'Turning points']
    >>> "Turning points" in chart.alt
    True
    """
    table, marks = events(), turning_points()
    first, last = course_years()
    plot = LanesPlot()
    plot.draw(table, (first, last))
    key = turning_point_key(marks)
    figure, ax = plot.figure, plot.ax
    # Taller than the explorer's lanes: the key sits under the axis.
    figure.set_size_inches(10, 3.4 + KEY_LINE * (len(key) + 1.5) / 72)
    with course_style():  # the course's text settings, such as no maths in titles that hold a "$"
        for number, row in enumerate(marks.itertuples(), start=1):
            ax.annotate(str(number), xy=(decimal_year(row.start), RELATIONS.index(row.relation)),
                        xytext=(0, 9), textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                        fontweight="bold", zorder=4, annotation_clip=False,
                        bbox={"boxstyle": "circle,pad=0.25", "facecolor": "white", "edgecolor": "black",
                              "linewidth": 0.6})
        # Placed in points below the axes, so it keeps its distance whatever the figure's height.
        ax.annotate("Turning points, one per period (numbered in the chart)\n" + "\n".join(key), xy=(0, 0),
                    xycoords="axes fraction", xytext=(0, -36), textcoords="offset points", ha="left", va="top",
                    fontsize=8, linespacing=1.35, annotation_clip=False)
    plot.title.set_text(f"Moscow and the two Koreas: {len(table)} events, {first}–{last}")
    caption = ("Every event in the course's chronology. Each row is one relation: Moscow with Pyongyang, "
               "with Seoul, with both, with others, or events without Moscow. Shape shows the category; "
               "bars show events that lasted (dotted where the end is known only to the month or year); "
               "shaded bands are the periods of lessons 1–6. The numbers mark one turning point per period, "
               "a choice the course makes for orientation. Sources for every event: lessons.cite(id).")
    alt = (timeline_alt_text(table, first, last, layout="lanes")
           + " Turning points: " + "; ".join(map(described, marks.itertuples())) + ".")
    return Chart(figure, caption=caption, alt=alt)
