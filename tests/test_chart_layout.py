"""How charts and explorers look: whole-year ticks, colours a colour-blind reader can tell apart,
legends off the lines, lesson 4's chart drawing what the sources give, and widget HTML that
keeps a readable size, alt text and escaping on narrow screens."""
import itertools
import re

import ipywidgets as widgets
import matplotlib.colors as mcolors
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from lessons.charts.chart import SMALLEST_SCALE, Chart
from lessons.charts.lanes import LanesPlot, lanes_chart
from lessons.charts.stated_figure_charts import rok_russia_trade_chart
from lessons.charts.timeline import decimal_year, timeline_chart
from lessons.charts.trade_chart import PAIR_STYLES, smoothing_chart, trade_chart
from lessons.chronology import events
from lessons.stated_figures import figures
from lessons.trade import trade_pairs
from lessons.widgets.claim_checker import ClaimChecker, EvidenceFinder
from lessons.widgets.glossary_explorer import GlossaryExplorer
from lessons.widgets.phase_stepper import PhaseStepper
from lessons.widgets.rivals_explorer import RivalsExplorer
from lessons.widgets.timeline_explorer import TimelineExplorer, event_listing_html
from lessons.widgets.trade_explorer import TradeExplorer

LESSON_4 = dict(pairs=["USSR/Russia–ROK", "USSR/Russia–DPRK"], years=(1970, 1991))


# ---------------------------------------------------------------- whole years

def year_axes(chart_or_figure):
    figure = getattr(chart_or_figure, "figure", chart_or_figure)
    FigureCanvasAgg(figure).draw()
    return [ax for ax in figure.axes if ax.get_xlabel() == "Year" or ax.get_shared_x_axes().get_siblings(ax) != [ax]]


YEAR_CHARTS = {
    "lesson 4 trade": lambda: trade_chart(**LESSON_4),
    "lesson 8 trade": lambda: trade_chart(pairs=["USSR/Russia–DPRK", "USSR/Russia–ROK"], years=(1975, 1995)),
    "short trade": lambda: trade_chart(pairs=["PRC–DPRK"], years=(1990, 1992)),
    "log trade": lambda: trade_chart(pairs=["PRC–DPRK", "USSR/Russia–DPRK"], years=(1985, 2014), scale="log"),
    "smoothing": lambda: smoothing_chart(),
    "smoothing ROK": lambda: smoothing_chart("USSR/Russia–ROK", years=(1991, 2000)),
    "ROK-Russia": rok_russia_trade_chart,
    "timeline": lambda: timeline_chart(events(years=(1975, 1982)), years=(1975, 1982)),
    "lanes": lambda: lanes_chart(events(years=(1975, 1995)), (1975, 1995)),
}


@pytest.mark.parametrize("name", YEAR_CHARTS)
def test_year_ticks_are_whole_years(name):
    axes = year_axes(YEAR_CHARTS[name]())
    assert axes, "a chart with a year axis"
    for ax in axes:
        left, right = ax.get_xlim()
        shown = [t for t in ax.xaxis.get_major_ticks() if left <= t.get_loc() <= right]
        labels = [t.label1.get_text() for t in shown if t.label1.get_visible() and t.label1.get_text()]
        assert len(labels) >= 2, (name, labels)
        for label in labels:
            assert re.fullmatch(r"\d{4}", label), (name, label)  # never "1977.5"


def test_trade_explorer_ticks_are_whole_years():
    explorer = TradeExplorer()
    for years in [(1975, 1995), (1990, 1992), (1950, 2014)]:
        explorer.years.value = years
        FigureCanvasAgg(explorer.figure).draw()
        labels = [t.get_text() for t in explorer.ax.get_xticklabels() if t.get_text()]
        assert labels and all(re.fullmatch(r"\d{4}", x) for x in labels), (years, labels)


# ---------------------------------------------------------------- colours

# Machado, Oliveira and Fernandes (2009), severity 1, applied to linear RGB.
DEFICIENCIES = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
}


def _lab(rgb):
    rgb = np.asarray(rgb, float)
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(rgb, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _linear(colour):
    c = np.array(mcolors.to_rgb(colour))
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def worst_difference(a, b) -> float:
    """The smallest CIELAB difference between two colours, for normal vision and two deficiencies."""
    views = [np.eye(3), *map(np.array, DEFICIENCIES.values())]
    return min(float(np.linalg.norm(_lab(m @ _linear(a)) - _lab(m @ _linear(b)))) for m in views)


def test_every_pair_has_its_own_colour_and_marker():
    assert set(PAIR_STYLES) == set(trade_pairs())
    colours = [mcolors.to_hex(c) for c, _ in PAIR_STYLES.values()]
    markers = [m for _, m in PAIR_STYLES.values()]
    assert len(set(colours)) == len(colours) and len(set(markers)) == len(markers)


@pytest.mark.parametrize("korea", ["DPRK", "ROK"])
def test_russia_and_china_are_far_apart_for_colour_blind_readers(korea):
    russia, china = PAIR_STYLES[f"USSR/Russia–{korea}"][0], PAIR_STYLES[f"PRC–{korea}"][0]
    # The old vermillion/orange pair scored 18; 30 is clearly distinct in every view.
    assert worst_difference(russia, china) >= 30
    assert worst_difference("#D55E00", "#E69F00") < 30, "the measure catches the old pair"


def test_lines_of_the_same_korea_are_distinguishable():
    for a, b in itertools.combinations(trade_pairs(), 2):
        if a.split("–")[1] == b.split("–")[1]:
            assert worst_difference(PAIR_STYLES[a][0], PAIR_STYLES[b][0]) >= 15, (a, b)


def test_the_explorer_draws_each_pair_in_its_style():
    explorer = TradeExplorer(pairs=("USSR/Russia–DPRK", "PRC–DPRK"), years=(1980, 2014))
    drawn = {line.get_label(): (mcolors.to_hex(line.get_color()), line.get_marker()) for line in explorer.ax.lines}
    for pair in ("USSR/Russia–DPRK", "PRC–DPRK"):
        assert drawn[pair] == (mcolors.to_hex(PAIR_STYLES[pair][0]), PAIR_STYLES[pair][1])


# ---------------------------------------------------------------- legends off the lines

def _overlaps(a, b) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


@pytest.mark.parametrize("scale", ["linear", "log"])
def test_trade_legend_is_outside_the_plot(scale):
    chart = trade_chart(pairs=["USSR/Russia–ROK", "JPN–ROK", "USA–ROK", "PRC–ROK"], years=(1970, 2014), scale=scale)
    FigureCanvasAgg(chart.figure).draw()
    ax = chart.figure.axes[0]
    renderer = chart.figure.canvas.get_renderer()
    assert not _overlaps(ax.get_legend().get_window_extent(renderer), ax.get_window_extent(renderer))


def test_explorer_legend_is_outside_the_plot_and_inside_the_image():
    explorer = TradeExplorer(pairs=("USSR/Russia–ROK", "JPN–ROK", "USA–ROK"), years=(1970, 1991))
    explorer.scale.value = "log"
    for pair in trade_pairs():
        explorer.pairs[pair].value = True
    FigureCanvasAgg(explorer.figure).draw()
    renderer = explorer.figure.canvas.get_renderer()
    legend = explorer.ax.get_legend().get_window_extent(renderer)
    assert not _overlaps(legend, explorer.ax.get_window_extent(renderer))
    assert legend.x1 <= explorer.figure.bbox.x1 and legend.y0 >= 0, "the legend is not cut off"


# ---------------------------------------------------------------- lesson 4's key chart

@pytest.fixture(scope="module")
def lesson4():
    return trade_chart(**LESSON_4)


def test_lesson_4_chart_draws_the_rouble_figures_in_their_own_panel(lesson4):
    top, bottom = lesson4.figure.axes
    assert top.get_ylabel() == "current US$ millions" and bottom.get_ylabel() == "million roubles"
    stated = figures(topic="soviet-dprk-trade", measure="total-trade")
    roubles = stated[(stated["unit"] == "million roubles") & (stated["year_start"] <= 1991)]
    points = {(float(line.get_xdata()[0]), float(line.get_ydata()[0])) for line in bottom.lines}
    singles = roubles[roubles["year_start"] == roubles["year_end"]]
    assert points == {(float(r.year_start), float(r.value)) for r in singles.itertuples()}
    ranges = roubles[roubles["year_start"] != roubles["year_end"]]
    assert len(bottom.collections) == len(ranges) >= 1  # the 1985-90 level, as a band
    for row in roubles.itertuples():
        assert row.as_stated in lesson4.alt


def test_lesson_4_pairs_differ_in_colour_and_marker(lesson4):
    top = lesson4.figure.axes[0]
    lines = {line.get_label(): line for line in top.lines}
    dprk, rok = lines["USSR/Russia–DPRK"], lines["USSR/Russia–ROK"]
    assert mcolors.to_hex(dprk.get_color()) != mcolors.to_hex(rok.get_color())
    assert dprk.get_marker() != rok.get_marker() and dprk.get_marker() not in ("", "None", None)
    # the sources' dollar figures for Soviet-ROK trade in the COW gap
    dollars = figures(topic="rok-ussr-trade", measure="total-trade")
    dollars = dollars[dollars["year_start"].between(1970, 1991)]
    hollow = [c for c in top.collections if len(c.get_offsets())]
    assert sorted(map(tuple, hollow[0].get_offsets().tolist())) == sorted(
        (float(r.year_start), float(r.value)) for r in dollars.itertuples())


def test_lesson_4_caption_says_what_is_missing_and_why(lesson4):
    caption = lesson4.caption
    assert "USSR/Russia–DPRK, no value at all for 1970–1980 and 0 for 1981–1991" in caption
    assert "USSR/Russia–ROK, 0 for 1982–1990" in caption
    assert "Why: for USSR/Russia–DPRK" in caption and "the course infers" in caption
    assert "for USSR/Russia–ROK, COW does not say why" in caption
    assert "never converted" in caption
    texts = " ".join(t.get_text() for t in lesson4.figure.axes[0].texts)
    assert "USSR/Russia–DPRK: no COW value to draw" in texts  # the absent line is said, not silently missing


def test_stated_figures_can_be_left_out_and_other_flows_have_none():
    assert len(trade_chart(**LESSON_4, stated=False).figure.axes) == 1
    assert len(trade_chart(**LESSON_4, flow="exports").figure.axes) == 1
    assert len(trade_chart(pairs=["JPN–ROK"], years=(1970, 1991)).figure.axes) == 1


# ---------------------------------------------------------------- charts at 800 px

def test_static_chart_html_scrolls_rather_than_shrinks(lesson4):
    html = lesson4.html()
    assert "overflow-x:auto" in html and 'tabindex="0"' in html
    width = int(re.search(r"max-width:(\d+)px", html).group(1))
    least = int(re.search(r"min-width:(\d+)px", html).group(1))
    assert least == -(-width * SMALLEST_SCALE // 1) and least >= 0.75 * width  # the browser tests: 75% at least
    assert "max-width:100%" not in html.split("<img")[1], "the image itself must not shrink to the screen"


def widget_tree(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from widget_tree(child)


@pytest.fixture(scope="module")
def explorers():
    return {"timeline": TimelineExplorer(), "trade": TradeExplorer(), "phases": PhaseStepper(),
            "rivals": RivalsExplorer(), "glossary": GlossaryExplorer(), "claims": ClaimChecker(),
            "evidence": EvidenceFinder("KAL")}


def test_no_image_widget_and_every_chart_has_alt_text(explorers):
    for name, explorer in explorers.items():
        tree = list(widget_tree(explorer.widget))
        assert not any(isinstance(w, widgets.Image) for w in tree), name
        for w in tree:
            if isinstance(w, widgets.HTML) and "<img" in w.value:
                for alt in re.findall(r'<img [^>]*alt="([^"]*)"', w.value):
                    assert len(alt) > 40, (name, alt)
                assert "min-width:" in w.value and "overflow-x:auto" in w.value, name


def test_widget_text_is_body_size_and_never_small(explorers):
    for name, explorer in explorers.items():
        for w in widget_tree(explorer.widget):
            if isinstance(w, widgets.HTML) and w.value:
                assert "<small" not in w.value, name
                assert w.value.startswith('<div class="lessons-text"') or "<figure" in w.value[:30], \
                    (name, w.value[:80])
                if "lessons-text" in w.value:
                    assert "--jp-content-font-size1" in w.value and "--jp-content-line-height" in w.value


def test_controls_and_checkboxes_wrap_at_800_px(explorers):
    trade = explorers["trade"]
    grid = trade.widget.children[0]
    assert "auto-fill" in grid.layout.grid_template_columns and grid.layout.width == "100%"
    for name, explorer in explorers.items():
        for w in widget_tree(explorer.widget):
            width = getattr(w.layout, "width", None) or ""
            assert not re.fullmatch(r"\d{3,}px", width), (name, type(w).__name__, width)  # no fixed wide controls
            wraps = isinstance(w, widgets.Box) and not isinstance(w, (widgets.VBox, widgets.GridBox))
            if wraps and len(w.children) > 1:
                assert w.layout.flex_flow == "row wrap", (name, type(w).__name__)


def test_phase_stepper_readout_is_not_cut_and_edge_markers_are_whole(explorers):
    stepper = explorers["phases"]
    assert stepper.phase.readout is False
    stepper.phase.value = "road-to-war"
    phase = stepper.phases.loc["road-to-war"]
    assert f"Phase 1 of {len(stepper.phases)}: {phase['title']}" in stepper.heading.value.replace("&#x27;", "'")
    left, right = stepper.plot.ax.get_xlim()
    start, end = decimal_year(phase["start"]), decimal_year(phase["end"] + pd.Timedelta(days=1))
    room = (end - start) * 0.01
    assert left < start - room and right > end + room, "room beside the first and last day"


def test_explorer_lists_are_short(explorers):
    timeline = explorers["timeline"]
    assert 'role="region"' in timeline.listing.value and "max-height" in timeline.listing.value
    glossary = explorers["glossary"]
    glossary.search.value, glossary.kind.value = "", "Any"
    assert glossary.results.value == ""
    glossary.search.value = "a"
    visible = glossary.results.value.split("<details>")[0]
    assert visible.count("<tr") <= 1 + 15 and "Show the other" in glossary.results.value
    rivals = explorers["rivals"]
    rivals.years.value = (1945, 2025)
    assert "Show the other" in rivals.moscow.value
    assert rivals.moscow.value.split("<details>")[0].count("<li>") == 12


# ---------------------------------------------------------------- escaping

NASTY = '<img src=x onerror=alert(1)> costs US$3 and US$5'


def test_event_text_is_escaped_in_listings():
    table = events(period="war").head(2).copy()
    table["title"] = NASTY
    table["summary"] = NASTY
    html = event_listing_html(table)
    assert "<img src=x" not in html and "&lt;img src=x" in html
    assert "US$3" not in html and "tex2jax_ignore" in html


def test_alt_text_is_escaped_in_chart_images():
    chart = timeline_chart(events(period="war"))
    nasty = Chart(chart.figure, caption=NASTY, alt='say "hi" <b>' + NASTY)
    html = nasty.html()
    assert 'alt="say &quot;hi&quot; &lt;b&gt;&lt;img src=x' in html
    assert "<img src=x" not in html


def test_claim_text_is_escaped(monkeypatch):
    checker = ClaimChecker()
    checker.table.loc[checker.which.value, "claim"] = NASTY
    checker.show()
    assert "<img src=x" not in checker.text.value and "&lt;img" in checker.text.value


def test_lanes_plot_keeps_its_figure_between_redraws():
    plot = LanesPlot(legend=False)
    plot.draw(events(years=(1950, 1953)), (1950, 1953))
    first = plot.png()
    plot.draw(events(years=(1988, 1991)), (1988, 1991))
    assert plot.png() != first and pd.notna(plot.ax.get_xlim()[0])


def test_printed_charts_fit_the_page(lesson4):
    html = lesson4.html()
    assert "@media print" in html and "min-width: 0 !important" in html  # nothing scrolls on paper


def test_text_from_data_and_titles_is_never_typeset_as_maths():
    table = events(period="war").head(3).copy()
    table["title"] = ["Aid of US$3 billion and US$1.47 each", r"a $\frac{1}{0}$ b", "plain"]
    chart = timeline_chart(table, years=(1950, 1953), title=r"Costs: US$3 to US$5 and $\badcommand$")
    FigureCanvasAgg(chart.figure).draw()  # mathtext would raise on \badcommand
    ax = chart.figure.axes[0]
    assert ax.get_title(loc="left") == r"Costs: US$3 to US$5 and $\badcommand$"
    labels = [t for t in ax.texts if t.get_text().startswith("Aid of")]
    assert labels and not labels[0]._parse_math
    assert "US$3 billion and US$1.47 each" in labels[0].get_text()


def test_explorer_axis_labels_fit_in_the_image():
    explorer = TradeExplorer(pairs=("USA–ROK", "JPN–ROK"), years=(1950, 2014))
    for scale in ("linear", "log"):
        explorer.scale.value = scale
        FigureCanvasAgg(explorer.figure).draw()
        renderer = explorer.figure.canvas.get_renderer()
        assert explorer.ax.yaxis.label.get_window_extent(renderer).x0 >= 0, scale
        for label in explorer.ax.get_yticklabels():
            assert label.get_window_extent(renderer).x0 >= 0, (scale, label.get_text())


def test_caption_gives_the_soviet_reason_only_for_soviet_pairs():
    caption = trade_chart(pairs=["PRC–DPRK", "USA–DPRK"], years=(1950, 1970)).caption
    assert "PRC–DPRK, no value at all for 1950–1960" in caption
    assert "COW gives no reason" in caption and "USSR" not in caption
    assert "What is missing" not in trade_chart(pairs=["JPN–ROK"], years=(1970, 1991)).caption


# ---------------------------------------------------------------- nothing sticks out

def chart_calls_in_the_lessons() -> list[str]:
    """Every call of a chart function in the notebooks, as written there, plus each chart's default call."""
    import json
    from pathlib import Path

    import lessons

    pattern = re.compile(rf"lessons\.({'|'.join(lessons.CHART_FUNCTIONS)})\(.*\)")
    calls = {f"lessons.{name}()" for name in lessons.CHART_FUNCTIONS}
    for path in sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] == "code":
                calls.update(m.group(0) for m in pattern.finditer("".join(cell["source"])))
    return sorted(calls)


@pytest.mark.parametrize("call", chart_calls_in_the_lessons())
def test_every_chart_draws_inside_its_figure(call):
    """Charts are rendered in one draw without a tight crop: a title, key or label outside the
    figure would be cut off in the image students see."""
    import lessons

    chart = eval(call, {"lessons": lessons})  # a call copied from a notebook, e.g. lessons.trade_chart(...)
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    drawn = chart.figure.get_tightbbox(canvas.get_renderer())  # inches
    width, height = chart.figure.get_size_inches()
    assert drawn.x0 >= -0.01 and drawn.y0 >= -0.01 and drawn.x1 <= width + 0.01 and drawn.y1 <= height + 0.01, (
        f"{call} draws outside its {width} x {height} in figure: {drawn}")


EXPLORER_LANES = [(1945, 2025), (1945, 1949), (1950, 1953), (1953, 1953), (1988, 1991), (1990, 1990), (2000, 2025)]


@pytest.mark.parametrize("years", EXPLORER_LANES)
def test_explorer_lanes_draw_inside_their_fixed_margins(years):
    """The explorers' lanes have fixed margins, not a layout engine: whatever the years (whole
    course, one year's months), the relation names, ticks, period labels and title fit the figure."""
    plot = LanesPlot(legend=False)
    plot.draw(events(years=years), years)
    canvas = FigureCanvasAgg(plot.figure)
    canvas.draw()
    drawn = plot.figure.get_tightbbox(canvas.get_renderer())
    width, height = plot.figure.get_size_inches()
    assert drawn.x0 >= 0 and drawn.y0 >= 0 and drawn.x1 <= width and drawn.y1 <= height, (years, drawn)


def test_an_explorer_picture_depends_on_its_controls_not_on_what_came_before():
    for before, now in itertools.permutations(EXPLORER_LANES[:5], 2):
        used = LanesPlot(legend=False)
        used.draw(events(years=before), before)
        used.png()
        used.draw(events(years=now), now)
        fresh = LanesPlot(legend=False)
        fresh.draw(events(years=now), now)
        assert used.png() == fresh.png(), (before, now)
