"""A compact overview: one lane per relation, events as marks along the years.

Used by the timeline explorer, where it must redraw fast: :class:`LanesPlot` builds
its figure once and then only moves its marks (``set_offsets``) and the axis limits,
instead of building a new figure on every change of a control.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.ticker import FixedFormatter, FixedLocator

from ..chronology import RELATIONS, events
from ..validate import check_years, course_years
from .chart import Chart, png_bytes
from .style import CATEGORY_MARKERS, RELATION_COLOURS, course_style, whole_years
from .timeline import check_event_table, draw_period_bands, legend_handles, place_period_labels
from .timeline_text import SHAPE_KEY, decimal_year, timeline_alt_text, uncertain_tail

__all__ = ["LanesPlot", "lanes_chart", "SHAPE_KEY"]

#: Room left beside the first and last date, as a share of the years shown.
EDGE_ROOM = 0.0125

#: Where the explorers' lanes sit in their 10 x 3.2 in figure: what the constrained layout gives for
#: the course's years, with the room the last year's label needs on the right.
FIXED_MARGINS = {"left": 0.155, "right": 0.972, "bottom": 0.15, "top": 0.852}



def month_ticks(left: float, right: float, most: int = 8) -> list[tuple[float, str]]:
    """Month starts between two fractional years, thinned to at most ``most``, with labels.

    >>> month_ticks(1950.0, 1950.45)
    [(1950.0, 'Jan 1950'), (1950.085, 'Feb 1950'), (1950.162, 'Mar 1950'), (1950.247, 'Apr 1950'),
     (1950.329, 'May 1950'), (1950.414, 'Jun 1950')]
    """
    months = pd.date_range(f"{int(left)}-01-01", f"{int(right) + 1}-01-01", freq="MS")
    ticks = [(decimal_year(m), m.strftime("%b %Y")) for m in months if left <= decimal_year(m) <= right]
    step = -(-len(ticks) // most)  # ceiling division
    return ticks[::step]


class LanesPlot:
    """A reusable lanes figure; call :meth:`draw` with a table of events and a year range.

    >>> plot = LanesPlot()
    >>> plot.draw(events(period="war"), (1950, 1953))
    >>> tuple(round(float(x), 2) for x in plot.ax.get_xlim())
    (1949.95, 1954.05)
    """

    def __init__(self, legend: bool = True):
        """``legend=False`` leaves the shape legend to the caller (widgets show it as HTML,
        which saves redrawing it on every change) and places the axes by fixed margins instead of a
        layout engine: an explorer's picture then depends on its controls only, never on the ones
        drawn before, and no drawing pays for a layout (tests/test_chart_layout.py checks that every
        text stays inside the figure over the course's years and the month view)."""
        with course_style():
            self.figure = Figure(figsize=(10, 3.2), layout="constrained" if legend else None)
            if not legend:  # the relation names on the left, the period labels and title above
                self.figure.subplots_adjust(**FIXED_MARGINS)
            self.ax = self.figure.add_subplot()
            ax = self.ax
            self.period_labels = draw_period_bands(ax, *course_years())
            self.bars = LineCollection([], linewidths=4, alpha=0.55, capstyle="butt", zorder=2)
            ax.add_collection(self.bars)
            self.marks = {
                cat: ax.scatter([], [], marker=marker, s=55, edgecolors="black", linewidths=0.4, zorder=3)
                for cat, marker in CATEGORY_MARKERS.items()
            }
            ax.set_yticks(range(len(RELATIONS)), RELATIONS, fontsize=8)
            ax.set_ylim(len(RELATIONS) - 0.5, -0.6)
            ax.set_xlabel("Year")
            whole_years(ax.xaxis)
            ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
            ax.set_axisbelow(True)
            if legend:
                _, shapes = legend_handles(events())
                ax.legend(handles=shapes, title="Category (shape)", loc="upper left", bbox_to_anchor=(1.0, 1.0),
                          fontsize=8, title_fontsize=8, frameon=False)
            self.title = ax.set_title("", loc="left", pad=22)

    def draw(self, table: pd.DataFrame, years: tuple[int, int], title: str | None = None,
             limits: tuple[float, float] | None = None) -> None:
        """Show ``table``'s events on the axis ``years`` (inclusive).

        ``limits`` (fractional years) narrows the axis inside a year, e.g. for war phases.
        """
        first, last = years
        lane = table["relation"].map(RELATIONS.index).to_numpy(dtype=float)
        start = np.array([decimal_year(d) for d in table["start"]], dtype=float)
        colours = [RELATION_COLOURS[r] for r in table["relation"]]
        for cat, collection in self.marks.items():
            pick = (table["category"] == cat).to_numpy()
            collection.set_offsets(np.column_stack([start[pick], lane[pick]]) if pick.any() else np.empty((0, 2)))
            collection.set_facecolors([c for c, p in zip(colours, pick, strict=True) if p])
        segments, bar_colours, styles = [], [], []
        for s, y, c, end, end_precision in zip(start, lane, colours, table["end"], table["end_precision"],
                                                      strict=True):
            if pd.isna(end):
                continue
            segments.append([(s, y), (decimal_year(end), y)])
            bar_colours.append(c)
            styles.append("solid")
            tail = uncertain_tail(end, end_precision)
            if tail:  # dotted: the end lies somewhere in this month or year
                segments.append([(decimal_year(end), y), (tail, y)])
                bar_colours.append(c)
                styles.append((0, (1, 1)))
        self.bars.set_segments(segments)
        self.bars.set_colors(bar_colours)
        self.bars.set_linestyles(styles)
        limits = limits or (first, last + 1)
        # A little room each side: a mark on the first or last day is drawn whole, not cut in half.
        pad = (limits[1] - limits[0]) * EDGE_ROOM
        self.ax.set_xlim(limits[0] - pad, limits[1] + pad)
        place_period_labels(self.period_labels, *limits)
        if (limits[1] - limits[0]) >= 3:
            whole_years(self.ax.xaxis)
        else:  # less than three years: label months, not fractions of a year
            ticks = month_ticks(*limits)
            self.ax.xaxis.set_major_locator(FixedLocator([x for x, _ in ticks]))
            self.ax.xaxis.set_major_formatter(FixedFormatter([label for _, label in ticks]))
        count = f"{len(table)} event{'s' if len(table) != 1 else ''}"
        self.title.set_text(f"{title}: {count}" if title else f"{count}, {first}–{last}")

    def png(self) -> bytes:
        """The current state as PNG bytes.

        A plot with a legend is laid out on its first render, then frozen: the lanes,
        legend and labels keep their sizes between redraws, so re-solving it each time
        would only cost time.
        """
        data = png_bytes(self.figure, fast=True)
        if self.figure.get_layout_engine() is not None:
            self.figure.set_layout_engine("none")
        return data


def lanes_chart(table: pd.DataFrame | None = None, years: tuple[int, int] | None = None) -> Chart:
    """The lanes overview as a :class:`~lessons.charts.chart.Chart` with caption and alt text.

    >>> chart = lanes_chart(events(years=(1988, 1991)), (1988, 1991))
    >>> chart.alt.startswith("Timeline of")
    True
    """
    table = check_event_table(table)
    years = check_years(course_years() if years is None else years, "years")
    plot = LanesPlot()
    plot.draw(table, years)
    caption = ("Each row is one relation: Moscow with Pyongyang, with Seoul, with both, with others, "
               "or events without Moscow. Shape shows the category; bars show events that lasted "
               "(dotted where the end is known only to the month or year).")
    return Chart(plot.figure, caption=caption, alt=timeline_alt_text(table, *years, layout="lanes"))
