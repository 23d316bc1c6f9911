"""Trade data integrity, queries and charts: missing reports are gaps, never zeros."""
import math

import pytest

from lessons.charts.trade_chart import missing_runs, trade_chart
from lessons.data import load, schema
from lessons.errors import LessonInputError
from lessons.trade import pair_of, trade_pairs, trade_series
from lessons.widgets.trade_explorer import TradeExplorer

# The COW zeros documented as missing reports (see data/datapackage.json, resource "trade").
DOCUMENTED = {
    "USSR/Russia–DPRK": set(range(1955, 1964)) | set(range(1981, 1992)),
    "USSR/Russia–ROK": set(range(1982, 1991)),
}


@pytest.fixture(scope="module")
def trade():
    return load("trade")


def test_one_row_per_year_pair_and_direction(trade):
    assert not trade.duplicated(["pair", "year", "exporter"]).any()
    assert set(trade["pair"]) == set(trade_pairs())
    assert trade["year"].between(1950, 2014).all()
    for row in trade.itertuples():
        power, korea = row.pair.split("–")
        assert {row.exporter, row.importer} == {power, korea}, row


def test_units_and_sources_are_fixed(trade):
    units = {f["name"]: f.get("unit") for f in schema("trade")}
    assert units["value"] == units["smoothed"] == "million US$"
    assert (trade["source_id"] == "cow-trade-4.0").all()
    assert "cow-trade-4.0" in set(load("sources")["id"])
    assert (trade["value"].dropna() >= 0).all()


def test_flagged_rows_are_exactly_the_documented_artefacts(trade):
    flagged = trade[trade["flag"] == "missing-report"]
    assert (flagged["value"] == 0).all(), "only zeros can be missing reports"
    found = {pair: set(rows["year"]) for pair, rows in flagged.groupby("pair")}
    for pair, years in found.items():
        assert years <= DOCUMENTED[pair], pair
    # every documented year that COW has is flagged, in both directions
    for pair, years in DOCUMENTED.items():
        present = trade[(trade["pair"] == pair) & trade["year"].isin(years)]
        assert (present["flag"] == "missing-report").all(), pair
        assert len(present) == 2 * present["year"].nunique()


def test_the_1990_turn_is_contradicted_by_sourced_figures(trade):
    """Why the flags exist: sources give real trade in years COW shows 0."""
    figures = load("figures")
    dprk_1990 = figures[(figures["measure"] == "total-trade") & (figures["topic"] == "soviet-dprk-trade")
                        & (figures["year_start"] == 1990)]
    rok_1988 = figures[(figures["measure"] == "total-trade") & (figures["topic"] == "rok-ussr-trade")
                       & (figures["year_start"] == 1988)]
    assert dprk_1990["value"].iloc[0] > 0 and rok_1988["value"].iloc[0] > 0
    cow = trade[(trade["pair"] == "USSR/Russia–DPRK") & (trade["year"] == 1990)]
    assert (cow["value"] == 0).all() and (cow["flag"] == "missing-report").all()


def test_series_show_missing_reports_as_missing_never_zero():
    series = trade_series("USSR/Russia–DPRK", years=(1985, 1995))
    flagged = series[series["missing_report"]]
    assert set(flagged["year"]) == set(range(1985, 1992))
    assert flagged["value"].isna().all()
    assert series.loc[series["year"] == 1992, "value"].iloc[0] == 65 + 227


def test_flows_and_smoothing(trade):
    rows = trade[(trade["pair"] == "USSR/Russia–DPRK") & (trade["year"] == 1996)].set_index("exporter")
    assert len(rows) == 2

    def value(**options):
        return trade_series("USSR/Russia–DPRK", years=(1996, 1996), **options)["value"].iloc[0]

    # Exports are Moscow's to Korea (the DPRK's imports from Russia, COW flow2 of the 365–731 dyad).
    assert value(flow="exports") == rows.loc["USSR/Russia", "value"]
    assert value(flow="imports") == rows.loc["DPRK", "value"]
    assert value() == rows["value"].sum()
    # 1996 is a spike COW smoothed: the smoothed total adds the smoothed flows, and differs from the reported one.
    assert value(smoothed=True) == rows["smoothed"].sum() != rows["value"].sum()


def test_pair_names_are_read_generously():
    assert pair_of("ussr-dprk") == "USSR/Russia–DPRK"
    assert pair_of("China ROK") == "PRC–ROK"
    assert pair_of("japan, south") == "JPN–ROK"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"pairs": ["USSR–Japan"]}, "Unknown pair"),
        ({"pairs": [3]}, "A pair is text"),
        ({"pairs": ["USSR/Russia–DPRK"], "years": (1940, 1960)}, "cover 1950–2014"),
        ({"pairs": ["USSR/Russia–DPRK"], "years": (2010, 2020)}, "figures"),
        ({"pairs": ["USSR/Russia–DPRK"], "years": (1990, 1980)}, "after the last"),
        ({"pairs": ["USSR/Russia–DPRK"], "years": "1990s"}, "pair \\(first, last\\)"),
        ({"pairs": ["USSR/Russia–DPRK"], "flow": "both"}, "Unknown flow 'both'"),
    ],
)
def test_bad_input_says_what_is_allowed(kwargs, message):
    with pytest.raises(LessonInputError, match=message):
        trade_series(**kwargs)


def test_chart_breaks_lines_at_missing_reports_and_marks_them():
    chart = trade_chart(pairs=["USSR/Russia–DPRK"], years=(1980, 1995))
    ax = chart.figure.axes[0]
    line = ax.lines[0]
    x, y = line.get_xdata(), line.get_ydata()
    for year in range(1981, 1992):
        assert math.isnan(y[list(x).index(year)]), year  # a gap, not a zero
    assert not any(v == 0 for v in y if not math.isnan(v))
    hatched = [p for p in ax.patches if p.get_hatch()]
    assert len(hatched) == 1 and hatched[0].get_x() == pytest.approx(1980.5)
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "COW shows 0, but trade took place" in legend
    assert "no report (COW shows 0) in 1981–1991" in chart.alt


def test_chart_log_scale_and_labels():
    chart = trade_chart(pairs=["USSR/Russia–ROK", "JPN–ROK"], scale="log")
    ax = chart.figure.axes[0]
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "current US$ millions"
    assert "log scale" in chart.alt and "cannot be drawn" in chart.caption
    assert missing_runs([1, 2, 4]) == [(1, 2), (4, 4)]


def test_trade_explorer_redraws_and_names_the_gaps():
    explorer = TradeExplorer()
    before = explorer.chart.value
    explorer.years.value = (1960, 1975)
    assert explorer.chart.value != before
    assert "USSR/Russia–DPRK: 1960–1963" in explorer.note.value
    explorer.pairs["USSR/Russia–DPRK"].value = False
    explorer.pairs["USSR/Russia–ROK"].value = False
    assert "Tick at least one pair" in explorer.note.value
    explorer.pairs["PRC–ROK"].value = True
    explorer.years.value = (1995, 2005)
    explorer.scale.value = "log"
    assert explorer.ax.get_yscale() == "log"
    assert "Source: Correlates of War" in explorer.note.value
    explorer.flow.value = "exports"
    assert list(explorer.series["pair"].unique()) == ["PRC–ROK"]


def _settle(explorer, pairs, years, flow="total", scale="linear", smoothed=False):
    """Put the explorer's controls in one state (pairs ticked first, so that one is always ticked)."""
    for pair in pairs:
        explorer.pairs[pair].value = True
    for pair, box in explorer.pairs.items():
        box.value = pair in pairs
    explorer.years.value, explorer.flow.value = years, flow
    explorer.scale.value, explorer.smoothed.value = scale, smoothed


# States that differ in what the reused figure must forget: pairs, scale, flow, a pair with nothing
# to draw (the value axis then has no data, on either scale) and the strips of missing reports.
EXPLORER_STATES = [
    (["USSR/Russia–DPRK", "PRC–DPRK"], (1980, 2014), "total", "log", False),
    (trade_pairs(), (1950, 2014), "imports", "log", False),
    (["USSR/Russia–DPRK"], (1981, 1991), "total", "log", False),
    (["USSR/Russia–DPRK"], (1981, 1991), "total", "linear", False),
    (["JPN–ROK", "USA–DPRK"], (1950, 1960), "exports", "log", True),
    (["PRC–ROK", "USSR/Russia–ROK"], (1988, 1993), "total", "linear", False),
    (["USSR/Russia–DPRK", "USSR/Russia–ROK"], (1955, 1995), "total", "linear", False),
]


def test_explorer_redrawn_in_place_shows_what_a_fresh_one_shows():
    """The explorer moves the lines of one figure instead of clearing it; after any changes its
    image is, byte for byte, the one a new explorer draws for the same controls."""
    explorer = TradeExplorer()
    for pairs, years, flow, scale, smoothed in EXPLORER_STATES:
        _settle(explorer, pairs, years, flow, scale, smoothed)
        fresh = TradeExplorer(pairs=pairs, years=years)
        _settle(fresh, pairs, years, flow, scale, smoothed)
        assert explorer.chart.value == fresh.chart.value, (pairs, years, flow, scale)
        assert explorer.note.value == fresh.note.value
    # Only the years change: the legend's pixels are reused, and the image is still a full render's.
    for years in [(1960, 1990), (1975, 2014)]:
        explorer.years.value = years
        fresh = TradeExplorer(pairs=["USSR/Russia–DPRK", "USSR/Russia–ROK"], years=years)
        assert explorer.chart.value == fresh.chart.value, years
