"""The timeline chart: every event drawn and labelled, colour-blind-safe, described in words."""
import matplotlib.colors as mcolors
import pytest

from lessons.charts.style import CATEGORY_MARKERS, OKABE_ITO, RELATION_COLOURS
from lessons.charts.timeline import decimal_year, timeline_chart
from lessons.chronology import events


@pytest.fixture(scope="module")
def chart():
    return timeline_chart()


def marker_lines(ax):
    return [line for line in ax.lines if line.get_marker() not in (None, "None", "")]


def test_one_marker_and_one_label_per_event(chart):
    ax = chart.figure.axes[0]
    table = events()
    assert len(marker_lines(ax)) == len(table)
    labels = [t.get_text() for t in ax.texts]
    for ev in table.itertuples():
        assert f"{ev.title} ({ev.when})" in labels


def test_marker_colour_is_the_relation_and_shape_is_the_category(chart):
    ax = chart.figure.axes[0]
    for line, ev in zip(marker_lines(ax), events().itertuples(), strict=True):
        assert mcolors.to_hex(line.get_color()).upper() == RELATION_COLOURS[ev.relation].upper()
        assert line.get_marker() == CATEGORY_MARKERS[ev.category]
        assert line.get_xdata()[0] == pytest.approx(decimal_year(ev.start))


def test_palette_is_okabe_ito_or_grey():
    allowed = {c.upper() for c in OKABE_ITO.values()} | {"#7F7F7F"}
    assert {c.upper() for c in RELATION_COLOURS.values()} <= allowed
    assert len(set(CATEGORY_MARKERS.values())) == len(CATEGORY_MARKERS)


def test_axis_title_legends_and_period_labels(chart):
    ax = chart.figure.axes[0]
    assert ax.get_xlabel() == "Year"
    assert ax.get_xlim() == (1945, 2026)
    assert str(len(events())) in ax.get_title(loc="left")
    legend_titles = {a.get_title().get_text() for a in [ax.get_legend(), *ax.artists] if hasattr(a, "get_title")}
    assert {"Relation (colour)", "Category (shape)"} <= legend_titles
    texts = {t.get_text() for t in ax.texts}
    assert "2" in texts and "Lesson 6\n1992–today" in texts


def test_ranges_are_drawn_as_bars(chart):
    ax = chart.figure.axes[0]
    bars = [line for line in ax.lines if line.get_marker() in (None, "None", "")]
    solid = [b for b in bars if b.get_linestyle() == "-"]
    dotted = [b for b in bars if b.get_linestyle() != "-"]
    table = events()
    assert len(solid) == table["end"].notna().sum()
    assert len(dotted) == table["end_precision"].isin(["month", "year"]).sum()


def test_alt_text_and_caption_describe_the_data(chart):
    table = events()
    assert f"Timeline of {len(table)} events from 1945 to 2025" in chart.alt
    assert table["title"].iloc[0] in chart.alt and table["title"].iloc[-1] in chart.alt
    assert "Colour" in chart.caption and "shape" in chart.caption
    html = chart.html()
    assert 'alt="Timeline of' in html and "<figcaption>" in html


def test_subset_and_empty_tables_draw():
    subset = timeline_chart(events(period="war"))
    assert subset.figure.axes[0].get_xlim() == (1950, 1954)
    empty = timeline_chart(events(keyword="zzzz"), years=(1960, 1970))
    assert "no event matches" in empty.alt
    assert empty.png()[:4] == b"\x89PNG"


def test_chart_display_bundle_carries_alt_text_everywhere(chart):
    bundle, metadata = chart._repr_mimebundle_()
    assert bundle["image/png"] and metadata["image/png"]["alt"] == chart.alt
    assert f'alt="{chart.alt[:40]}' in bundle["text/html"]
    assert "<figcaption>" in bundle["text/html"] and "Text description" in bundle["text/html"]
    assert bundle["text/plain"].startswith("Chart: ")
