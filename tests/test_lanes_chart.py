"""The explorer's lanes chart: every event marked in its relation's lane, redrawn in place."""
import matplotlib.colors as mcolors
import numpy as np

from lessons.charts.lanes import LanesPlot, lanes_chart
from lessons.charts.style import RELATION_COLOURS
from lessons.chronology import RELATIONS, events


def marks(plot):
    """(x, lane, colour) of every visible mark, all categories together."""
    out = []
    for collection in plot.marks.values():
        colours = collection.get_facecolors()
        for (x, y), c in zip(collection.get_offsets(), colours, strict=True):
            out.append((round(float(x), 3), int(y), mcolors.to_hex(c).upper()))
    return sorted(out)


def test_every_event_is_one_mark_in_its_lane_with_its_colour():
    plot = LanesPlot()
    table = events()
    plot.draw(table, (1945, 2025))
    drawn = marks(plot)
    assert len(drawn) == len(table)
    expected = sorted(
        (round(float(np.round(x, 3)), 3), RELATIONS.index(r), RELATION_COLOURS[r].upper())
        for x, r in zip([plot_x(d) for d in table["start"]], table["relation"], strict=True)
    )
    assert drawn == expected


def plot_x(date):
    from lessons.charts.timeline import decimal_year

    return decimal_year(date)


def test_redraw_reuses_the_figure_and_moves_axis_and_labels():
    plot = LanesPlot()
    figure, n_artists = plot.figure, len(plot.ax.get_children())
    plot.draw(events(years=(1988, 1991)), (1988, 1991))
    assert plot.figure is figure and len(plot.ax.get_children()) == n_artists
    left, right = plot.ax.get_xlim()
    assert 1987.9 < left < 1988 and 1992 < right < 1992.1  # a little room: edge marks are not cut in half
    visible = [t.get_text() for t in plot.period_labels if t.get_visible()]
    assert visible == ["Lesson 5\n1988–91"]
    assert plot.title.get_text() == f"{len(events(years=(1988, 1991)))} events, 1988–1991"
    table = events(years=(1988, 1991))
    solid = [st for st in plot.bars.get_linestyles() if st == (0, None)]
    assert len(solid) == table["end"].notna().sum()
    dotted = table["end_precision"].isin(["month", "year"]).sum()
    assert len(plot.bars.get_segments()) == len(solid) + dotted


def test_empty_selection_draws_nothing_but_still_renders():
    plot = LanesPlot()
    plot.draw(events(keyword="zzzz"), (1960, 1970))
    assert marks(plot) == []
    assert plot.png()[:4] == b"\x89PNG"


def test_lanes_chart_has_lane_labels_and_alt_text():
    chart = lanes_chart(events(period="nordpolitik"), (1988, 1991))
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(RELATIONS)
    assert "one lane per relation" in chart.alt
    assert "Shape shows the category" in chart.caption
