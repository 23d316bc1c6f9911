"""The course timeline: one labelled row per event, dates along the bottom.

Colour shows how the event relates Moscow to the two Koreas, marker shape shows its
category, and a bar shows how long an event lasted. Shaded bands mark the course's
six periods. Because each event has its own row, every label stays readable even
where events crowd together (1950, 1988–1991).
"""
from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..chronology import RELATIONS, events, periods
from ..validate import check_table, check_text, check_years, course_years
from .chart import Chart
from .style import CATEGORY_MARKERS, RELATION_COLOURS, course_style, whole_years
from .timeline_text import decimal_year, timeline_alt_text, uncertain_tail

__all__ = ["timeline_chart", "decimal_year", "timeline_alt_text", "check_event_table", "plain_title", "EVENT_COLUMNS"]

#: The columns a chart of events needs: a table from lessons.events() has them all.
EVENT_COLUMNS = ("id", "title", "when", "start", "end", "end_precision", "category", "relation")

ROW_HEIGHT = 0.2  # inches per event: 8-pt labels need about this much
AXES_WIDTH = 10.4  # inches of x axis in the 11-inch figure
CHAR_WIDTH = 0.058  # inches per character of a 7.5-pt DejaVu Sans label, on average


def draw_period_bands(ax, first: int, last: int) -> list:
    """Shade the course periods and name their lessons above the axes.

    Returns the period labels so that a chart whose years change can move them with
    :func:`place_period_labels`.
    """
    labels = []
    for i, row in enumerate(periods().itertuples()):
        ax.axvspan(decimal_year(row.start), decimal_year(row.end), color="#EBEBEB" if i % 2 == 0 else "white",
                   zorder=0, linewidth=0)
        text = ax.text(0, 1.0, "", transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=7,
                       color="#333333", clip_on=False, linespacing=1.1)
        text.period = (row.lesson, row.label, decimal_year(row.start), decimal_year(row.end))
        labels.append(text)
    place_period_labels(labels, first, last + 1)
    return labels


def place_period_labels(labels: list, left_edge: float, right_edge: float) -> None:
    """Centre each period's label over the visible part of its band; hide it if none is visible.

    The edges are the axis limits in fractional years. Narrow bands get the lesson
    number only, so neighbouring labels never overlap.
    """
    span = right_edge - left_edge
    for text in labels:
        lesson, label, start, end = text.period
        left, right = max(start, left_edge), min(end, right_edge)
        text.set_visible(left < right)
        if left < right:
            short = label.replace("–19", "–").replace("–20", "–")  # 1945–1949 -> 1945–49
            text.set_x((left + right) / 2)
            text.set_text(f"Lesson {lesson}\n{short}" if (right - left) / span > 0.09 else f"{lesson}")


def legend_handles(table: pd.DataFrame) -> tuple[list, list]:
    """Legend entries for the relations (colours) and categories (shapes) in ``table``."""
    relations = [r for r in RELATIONS if r in set(table["relation"])]
    colours = [Line2D([], [], color=RELATION_COLOURS[r], marker="o", linestyle="", markeredgecolor="black",
                      markeredgewidth=0.4, label=r) for r in relations]
    cats = [c for c in CATEGORY_MARKERS if c in set(table["category"])]
    shapes = [Line2D([], [], color="#333333", marker=CATEGORY_MARKERS[c], linestyle="",
                     markerfacecolor="white", label=c) for c in cats]
    return colours, shapes


def _legends(ax, table: pd.DataFrame) -> None:
    # Lower left is empty: early events sit at the top, and late events' labels run leftwards.
    colours, shapes = legend_handles(table)
    first = ax.legend(handles=colours, title="Relation (colour)", loc="lower left", bbox_to_anchor=(0.0, 0.0),
                      fontsize=8, title_fontsize=8, frameon=True, framealpha=0.9, alignment="left")
    ax.add_artist(first)
    ax.legend(handles=shapes, title="Category (shape)", loc="lower left", bbox_to_anchor=(0.2, 0.0),
              fontsize=8, title_fontsize=8, frameon=True, framealpha=0.9, alignment="left")


def check_event_table(table: object, name: str = "table") -> pd.DataFrame:
    """A table of events such as :func:`lessons.events` returns (None means every event).

    >>> len(check_event_table(None)) == len(events())
    True
    >>> check_event_table("war")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: table must be a table (a pandas DataFrame) such as lessons.events() returns;
    got 'war' (text). ...
    """
    if table is None:
        return events()
    return check_table(table, name, EVENT_COLUMNS)


def plain_title(title: object) -> str:
    """A chart title, checked: text that is not blank. It is shown exactly as typed: the course
    style turns matplotlib's maths off, so "US$3 to US$5" stays text.

    >>> plain_title("From US$3 to US$5")
    'From US$3 to US$5'
    >>> plain_title(["a"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: title must be text, e.g. 'The war years'; got ['a'] (a list). Allowed: a str.
    """
    return check_text(title, "title", empty=False, example="'The war years'")


def timeline_chart(table: pd.DataFrame | None = None, years: tuple[int, int] | None = None,
                   title: str | None = None) -> Chart:
    """Draw ``table`` (default: every event) as a labelled timeline.

    ``years`` sets the axis (default: the events' own years, or 1945–2025 for the
    whole chronology).

    >>> chart = timeline_chart(events(period="war"))
    >>> chart.figure.axes[0].get_xlabel()
    'Year'
    >>> len(chart.figure.axes[0].texts) >= len(events(period="war"))
    True
    """
    table = check_event_table(table)
    title = None if title is None else plain_title(title)
    if years is None:
        years = course_years() if len(table) == len(events()) or table.empty else (
            int(table["start"].dt.year.min()), int(table["end"].fillna(table["start"]).dt.year.max()))
    first, last = check_years(years, "years")
    with course_style():
        fig = Figure(figsize=(11, 1.6 + ROW_HEIGHT * max(len(table), 3)), layout="constrained")
        # Room beside the axes for the half of a marker that sits on its edge (the PNG is not
        # trimmed to a tight box, which would cost a second draw of every label).
        fig.get_layout_engine().set(w_pad=10 / 72)
        ax = fig.add_subplot()
        draw_period_bands(ax, first, last)
        span = last + 1 - first
        years_per_char = span / AXES_WIDTH * CHAR_WIDTH
        for row_number, ev in enumerate(table.itertuples()):
            x = decimal_year(ev.start)
            colour = RELATION_COLOURS[ev.relation]
            if pd.notna(ev.end):
                ax.plot([x, decimal_year(ev.end)], [row_number] * 2, color=colour, linewidth=3,
                        alpha=0.6, solid_capstyle="butt")
                tail = uncertain_tail(ev.end, ev.end_precision)
                if tail:  # the end lies somewhere in this month or year
                    ax.plot([decimal_year(ev.end), tail], [row_number] * 2, color=colour, linewidth=3,
                            alpha=0.6, linestyle=(0, (1, 1)), solid_capstyle="butt")
            ax.plot([x], [row_number], marker=CATEGORY_MARKERS[ev.category], color=colour,
                    markeredgecolor="black", markeredgewidth=0.4, markersize=7, linestyle="")
            label = f"{ev.title} ({ev.when})"
            end_x = decimal_year(ev.end) if pd.notna(ev.end) else x
            # Label to the right when it fits before the axis ends, else to the left of the marker.
            right_side = end_x + len(label) * years_per_char < last + 1 or x - len(label) * years_per_char < first
            ax.text((end_x if right_side else x) + (0.006 if right_side else -0.006) * span, row_number, label,
                    fontsize=7.5, va="center", ha="left" if right_side else "right", clip_on=True)
        ax.set_ylim(max(len(table), 3) - 0.5, -0.8)
        ax.set_yticks([])
        ax.spines["left"].set_visible(False)
        ax.set_xlim(first, last + 1)
        whole_years(ax.xaxis)
        ax.set_xlabel("Year")
        ax.grid(axis="x", color="#DDDDDD", linewidth=0.6, zorder=0)
        ax.set_axisbelow(True)
        ax.set_title(title or f"Moscow and the two Koreas: {len(table)} events, {first}–{last}",
                     loc="left", pad=16)
        _legends(ax, table)
    caption = (
        f"{len(table)} events from {first} to {last}. Colour: how the event relates Moscow to the two Koreas; "
        "shape: category; a bar shows an event that lasted (dotted where its end is known only to the month "
        "or year); shaded bands are the periods of lessons 1–6. "
        "Sources for every event: lessons.cite(id)."
    )
    return Chart(fig, caption=caption, alt=timeline_alt_text(table, first, last))
