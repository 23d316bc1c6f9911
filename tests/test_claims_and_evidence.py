"""Lesson 7: the claims data, the evidence finder and the claim checker; lesson 8's data charts."""
import json
from pathlib import Path

import pytest

from lessons.charts.claims_chart import claims_chart
from lessons.charts.diplomatic_chart import diplomatic_chart
from lessons.charts.trade_chart import smoothing_chart
from lessons.chronology import event
from lessons.data import load, schema
from lessons.errors import LessonInputError
from lessons.evidence import MAX_QUERY, explain_no_match, find_evidence
from lessons.flawed_claims import VERDICTS, claim, claims, judge, swap_koreas
from lessons.trade import trade_series
from lessons.widgets.claim_checker import ClaimChecker, EvidenceFinder

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def test_claims_data_integrity():
    table = claims()
    assert list(table["id"]) == [f"c{i:02d}" for i in range(1, 13)]
    events = set(load("events")["id"])
    figures = set(load("figures")["id"])
    for row in table.itertuples():
        assert row.verdict in VERDICTS and row.swapped_verdict in VERDICTS
        assert row.evidence_ids and set(row.evidence_ids) <= events | figures, row.id
        assert row.swapped_evidence_ids and set(row.swapped_evidence_ids) <= events | figures, row.id
        assert set(row.figure_ids) <= figures, row.id
        assert row.explanation and row.swapped_explanation and row.query
    enum = next(f for f in schema("claims") if f["name"] == "verdict")["constraints"]["enum"]
    assert tuple(enum) == VERDICTS


def test_verdict_counts_match_the_fact_check():
    table = claims()
    assert (table["verdict"] == "false").sum() == 10
    assert set(table.loc[table["verdict"] != "false", "id"]) == {"c03", "c12"}
    assert table.loc[table["id"] == "c03", "swapped_verdict"].item() == "false"
    assert set(table.loc[table["surviving_error"] != "", "id"]) == {"c04", "c10"}


@pytest.mark.parametrize("claim_id", [f"c{i:02d}" for i in range(1, 13)])
def test_each_claims_evidence_is_one_plain_query_away(claim_id):
    row = claim(claim_id)
    found = find_evidence(row["query"])["id"].tolist()
    assert row["evidence_ids"][0] in found[:5], (row["query"], found[:5])
    assert len(row["query"].split()) <= 4  # what a student would type, not a sentence


@pytest.mark.parametrize(
    "query, expected",
    [
        ("recognition 1948", "1948-ussr-dprk-relations"),
        ("KAL", "1983-kal-007-shot-down"),
        ("loan", "1991-rok-3-billion-aid-pledge"),
        ("Hong Kong", "1979-indirect-rok-soviet-trade"),
        ("김일성", "1948-dprk-proclaimed"),
        ("Сталин", "1949-stalin-kim-talks-attack-discouraged"),
        ("1961", "1961-ussr-dprk-treaty"),
    ],
)
def test_evidence_finder_finds_what_students_type(query, expected):
    assert expected in find_evidence(query)["id"].tolist()[:5]


@pytest.mark.parametrize("query", ["", "   ", "zzqx", "???", "0000", "x" * 5000])
def test_evidence_finder_finds_nothing_in_odd_text(query):
    result = find_evidence(query)
    assert result.empty
    assert explain_no_match(query)


@pytest.mark.parametrize("query", [None, 42, ["KAL"]])
def test_evidence_finder_refuses_what_is_not_text(query):
    with pytest.raises(LessonInputError, match="query must be text"):
        find_evidence(query)
    assert "Type words to search for" in explain_no_match(query)  # the widget's note stays tolerant


@pytest.mark.parametrize("limit, rows", [(0, 0), (1, 1), (3, 3)])
def test_evidence_limit_is_the_number_of_rows(limit, rows):
    assert len(find_evidence("treaty", limit=limit)) == rows


def test_long_queries_are_cut_and_still_searched():
    long = "KAL " + "x" * 3 * MAX_QUERY
    assert "1983-kal-007-shot-down" in find_evidence(long)["id"].tolist()


def test_results_carry_dates_and_sources():
    hits = find_evidence("treaty 1961")
    assert {"when", "title", "id", "sources"} <= set(hits.columns)
    assert hits["sources"].str.len().gt(0).all()
    assert hits["score"].is_monotonic_decreasing


def test_swap_and_judge():
    assert swap_koreas("South Korean trade with Seoul") == "North Korean trade with Pyongyang"
    assert judge("c05", "false").correct
    assert judge("c05", "true", swapped=True).correct
    assert judge(5, "true").status == "wrong"
    assert judge("c03", "partly true").status == "partial"
    assert judge("c01", "maybe").status == "invalid"  # a student's answer, not an argument error
    with pytest.raises(LessonInputError, match="Unknown claim 'c99'"):
        judge("c99", "true")
    with pytest.raises(LessonInputError, match="verdict must be text"):
        judge("c01", None)
    with pytest.raises(LessonInputError, match="swapped must be True or False"):
        judge("c05", "true", swapped="no")
    with pytest.raises(LessonInputError):
        claim("c13")


def test_claims_appear_only_in_lesson_7():
    """No claim of the flawed text may enter any other lesson."""
    phrases = [text[:40] for text in claims()["claim"]]
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        if path.name.startswith("07-"):
            continue
        text = "".join("".join(c["source"]) for c in json.loads(path.read_text(encoding="utf-8"))["cells"])
        for phrase in phrases:
            assert phrase not in text, (path.name, phrase)


def test_evidence_finder_widget():
    finder = EvidenceFinder()
    assert "Type a name" in finder.results.value
    finder.search.value = "loan"
    assert "1991-rok-3-billion-aid-pledge" in finder.results.value
    finder.search.value = "zzqx"
    assert "Nothing in the chronology matches" in finder.results.value
    finder.search.value = "KAL " + "y" * 400
    assert "Only the first" in finder.results.value


def test_claim_checker_widget_both_ways():
    checker = ClaimChecker()
    checker.which.value = "c04"
    assert "among the first states to recognise Seoul in 1948" in checker.text.value
    checker.button.click()
    assert "Choose a verdict first" in checker.feedback.value
    checker.verdict.value = "false"
    checker.reason.value = "Moscow vetoed Seoul's UN membership"
    checker.button.click()
    assert "Right" in checker.feedback.value and "Checked 1 of 12" in checker.progress.value
    swapped = ClaimChecker(swapped=True)
    swapped.which.value = "c04"
    assert "Pyongyang" in swapped.text.value and "swapped" in swapped.text.value
    swapped.verdict.value = "true"
    swapped.reason.value = "Moscow recognised Pyongyang in 1948"
    swapped.button.click()
    assert "Not yet" in swapped.feedback.value and "1948-ussr-dprk-relations" in swapped.feedback.value


def test_claims_chart_grid():
    chart = claims_chart()
    table = claims()
    texts = [t.get_text() for t in chart.figure.axes[0].texts]
    # one row per claim: its verdict as written, then with North and South swapped
    assert texts == [v for pair in zip(table["verdict"], table["swapped_verdict"], strict=True) for v in pair]
    def tally(column):  # "1 partly true, 10 false": each verdict given, in VERDICTS order
        counts = table[column].value_counts()
        return ", ".join(f"{counts[v]} {v}" for v in VERDICTS if v in counts)

    assert f"As written: {tally('verdict')}. With North and South swapped: {tally('swapped_verdict')}." in chart.alt


def test_diplomatic_data_and_chart():
    table = load("diplomatic")
    assert set(table["level"]) <= {0, 1, 2, 3, 9}
    assert not table.duplicated(["pair", "year", "sender"]).any()
    soviet_in_pyongyang = table[(table["sender"] == "USSR/Russia") & (table["receiver"] == "DPRK")]
    assert set(soviet_in_pyongyang[soviet_in_pyongyang["year"] <= 1965]["level"]) == {9}
    chart = diplomatic_chart()
    notes = [t.get_text() for t in chart.figure.axes[0].texts if t.get_text().startswith("Chronology")]
    # The chart's dates are the chronology's, for both Koreas.
    assert notes == ["Chronology for comparison: "
                     f"North Korea and Moscow, relations from {event('1948-ussr-dprk-relations')['when']}; "
                     f"South Korea and Moscow, relations from {event('1990-rok-ussr-relations')['when']}."]
    assert "Soviet/Russian mission in Pyongyang: 1950: 9" in chart.alt


def reported_and_smoothed(pair, years, year):
    """The two series the smoothing chart must draw, and one year's (reported, smoothed) values."""
    raw, smooth = trade_series(pair, years), trade_series(pair, years, smoothed=True)
    pick = raw["year"] == year
    return raw, smooth, (raw.loc[pick, "value"].iloc[0], smooth.loc[pick, "value"].iloc[0])


def test_smoothing_chart_shows_the_1996_spike():
    chart = smoothing_chart()
    reported, smoothed = chart.figure.axes[0].lines[:2]
    raw, smooth, (spike, flattened) = reported_and_smoothed("USSR/Russia–DPRK", (1992, 2005), 1996)
    assert list(reported.get_xdata()) == list(raw["year"]) and list(reported.get_ydata()) == list(raw["value"])
    assert list(smoothed.get_xdata()) == list(smooth["year"]) and list(smoothed.get_ydata()) == list(smooth["value"])
    # 1996 is the spike: the highest year reported, several times what COW smoothed it to
    assert raw["value"].idxmax() == raw.index[raw["year"] == 1996][0] and spike > 5 * flattened
    assert f"1996: {spike:,.0f} reported, {flattened:,.0f} smoothed" in chart.alt


def test_smoothing_chart_shows_the_1992_dip_for_south_korea():
    chart = smoothing_chart("USSR/Russia–ROK", years=(1991, 2000))
    _, _, (dip, smoothed) = reported_and_smoothed("USSR/Russia–ROK", (1991, 2000), 1992)
    assert dip < smoothed  # ROK's imports from Russia fall in 1992 as reported, not as smoothed
    assert f"They differ in 1 year: 1992: {dip:,.0f} reported, {smoothed:,.0f} smoothed." in chart.alt
