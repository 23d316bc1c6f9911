"""The map and figure charts of lessons 1-3: expected artists, labels, units and alt text."""
import matplotlib.colors as mcolors
import pytest
from matplotlib.patches import Polygon

from lessons.charts.division_map import LESSON_PLACES, PARALLEL, ZONES, division_map, on_peninsula
from lessons.charts.stated_figure_charts import AIR_MEASURES, aid_chart, air_war_chart
from lessons.data import load
from lessons.errors import LessonInputError
from lessons.stated_figures import figures


def test_map_draws_countries_zones_parallel_and_places():
    chart = division_map()
    ax = chart.figure.axes[0]
    polygons = [p for p in ax.patches if isinstance(p, Polygon)]
    assert len(polygons) >= 5
    clipped = [p for p in polygons if p.get_hatch()]  # the zones are the hatched patches
    zone_colours = {mcolors.to_hex(p.get_facecolor()[:3]) for p in clipped}
    assert zone_colours == {mcolors.to_hex(c) for c, _ in ZONES.values()}
    assert {p.get_hatch() for p in clipped} == {h for _, h in ZONES.values()}  # readable in grey print
    assert any(line.get_ydata()[0] == PARALLEL for line in ax.lines), "the 38th parallel"
    names = {t.get_text() for t in ax.texts}
    places = load("places").set_index("id")
    assert {places.loc[p, "name"] for p in LESSON_PLACES} <= names
    assert "38th parallel (38°N)" in names
    assert [t.get_text() for t in ax.get_legend().get_texts()] == list(ZONES)


def test_map_alt_text_puts_each_city_in_its_zone():
    alt = division_map().alt
    north, south = alt.split("south of it")
    assert "Pyongyang" in north and "Seoul" not in north
    assert "Seoul" in south and "Vladivostok" in south.split("Also marked")[1]
    assert on_peninsula(126.98, 37.57) and not on_peninsula(131.87, 43.11)


def test_map_rejects_unknown_place():
    with pytest.raises(LessonInputError, match="Unknown place"):
        division_map(places=("pyongyang", "atlantis"))


def test_air_war_chart_shows_each_source_per_measure():
    chart = air_war_chart()
    axes = chart.figure.axes
    assert len(axes) == 3
    rows = figures(topic="korean-war-air")
    for ax, measure in zip(axes, AIR_MEASURES, strict=True):
        labels = [t.get_text() for t in ax.get_yticklabels()]
        assert len(labels) == len(ax.patches) >= 2
        assert len(set(labels)) == len(labels), "one bar per source"
        expected = rows[rows["measure"] == measure]
        assert sorted(p.get_width() for p in ax.patches) == sorted(expected["value"])
        assert labels == list(expected["reference"])
    assert "claims, not confirmed losses" in chart.caption
    for value in ("319", "335", "109", "135", "1,097", "1,300"):
        assert value in chart.alt


def test_aid_chart_keeps_units_apart():
    chart = aid_chart()
    top, bottom = chart.figure.axes
    assert top.get_xlabel() == "million roubles"
    assert bottom.get_xlabel().startswith("percent")
    assert sorted(p.get_width() for p in top.patches) == [1000, 2200, 3000]
    assert sorted(p.get_width() for p in bottom.patches) == [18, 46]
    assert "not added or converted" in chart.caption
    assert "Shen and Xia (2012)" in chart.alt


def test_trade_turn_chart_keeps_roubles_and_dollars_apart():
    from lessons.charts.stated_figure_charts import trade_turn_chart

    chart = trade_turn_chart()
    top, bottom = chart.figure.axes
    assert top.get_xlabel() == "million roubles" and bottom.get_xlabel() == "million US$"
    assert 1499 in [p.get_width() for p in top.patches] and 231 in [p.get_width() for p in top.patches]
    assert {500, 600} <= {p.get_width() for p in bottom.patches}  # the two 1989 sources disagree
    assert "not converted" in chart.caption and "disagree" in chart.caption
    assert "1,499 m roubles" in chart.alt and "231 m roubles" in chart.alt


def test_loan_chart_shows_each_source():
    from lessons.charts.stated_figure_charts import loan_chart

    chart = loan_chart()
    ax = chart.figure.axes[0]
    widths = sorted(p.get_width() for p in ax.patches)
    assert widths[0] == 1470 and 1800 in widths and widths[-1] == 3000
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert any("Kommersant" in label for label in labels) and any("Hankook" in label for label in labels)


def test_rok_russia_chart_labels_every_stated_figure_with_its_source():
    from lessons.charts.stated_figure_charts import rok_russia_trade_chart

    chart = rok_russia_trade_chart()
    ax = chart.figure.axes[0]
    stated = figures(topic="rok-ussr-trade", measure="total-trade")
    assert len(ax.collections[-1].get_offsets()) == len(stated)
    key = "\n".join(t.get_text() for t in ax.texts if not t.get_text().isdigit())  # the key, not the numbers
    for reference in stated["reference"]:
        assert reference in key
    assert "no report for 1988–1990" in chart.alt


def test_diplomatic_chart_is_readable_and_speaks_to_students():
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from lessons.charts.diplomatic_chart import diplomatic_chart

    chart = diplomatic_chart()
    FigureCanvasAgg(chart.figure).draw()
    ax = chart.figure.axes[0]
    assert ax.get_position().width > 0.6, "long labels must not squeeze the grid"
    note = next(t for t in ax.texts if t.get_text().startswith("Chronology"))
    assert note.get_fontsize() >= 10 and note.get_color() == "#333333"
    assert note.get_window_extent().x1 <= chart.figure.bbox.x1, "the note fits in the image"
    assert "typed by hand" not in chart.caption and "should be confirmed" not in chart.caption
    assert "1950–1965" in chart.caption and "12 October 1948" in chart.caption
    assert "(9)" not in chart.caption and "'other'" not in chart.caption, "the codes are read from the grid"


def test_claims_chart_shows_every_claim_in_full_and_readable():
    from lessons.charts.claims_chart import claims_chart
    from lessons.flawed_claims import claims

    chart = claims_chart()
    ax = chart.figure.axes[0]
    labels = [t.get_text().replace("\n", " ") for t in ax.get_yticklabels()]
    for label, claim in zip(labels, claims()["claim"], strict=True):
        assert label.endswith(claim), "the whole claim, not cut off"
    assert {t.get_color() for t in ax.texts} == {"black"}  # >= 5.5:1 on every verdict colour
