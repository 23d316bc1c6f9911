"""The historical and course rules of the chronology and bibliography.

Types, required cells, vocabularies, lengths, bounds and keys are declared in data/datapackage.json
and enforced by tests/test_datapackage.py; the rules here are those the catalogue cannot state.
"""
import pandas as pd
import pytest

from lessons.data import load


@pytest.fixture(scope="module")
def events():
    return load("events")


@pytest.fixture(scope="module")
def sources():
    return load("sources")


def test_event_ids_start_with_their_start_year(events):
    for ev in events.itertuples():
        assert int(ev.id[:4]) == ev.start.year, ev.id


def test_chronology_covers_every_period_with_at_least_80_events(events):
    assert len(events) >= 80
    counts = events["period"].value_counts()
    for period in load("periods")["id"]:
        assert counts.get(period, 0) >= 5, f"period {period} has too few events"


def test_event_date_ranges_run_forwards(events):
    ranged = events[events["end"].notna()]
    assert not ranged.empty
    assert (ranged["end"] >= ranged["start"]).all(), ranged[ranged["end"] < ranged["start"]]["id"].tolist()


def test_stored_dates_match_their_precision(events):
    """A month-precision date is stored as the 1st; a year-precision date as 1 January."""
    for ev in events.itertuples():
        if ev.precision in ("month", "year"):
            assert ev.start.day == 1, ev.id
        if ev.precision == "year":
            assert ev.start.month == 1, ev.id
        assert bool(ev.end_precision) == pd.notna(ev.end), f"{ev.id}: end_precision goes with an end date"
        if ev.end_precision in ("month", "year"):
            assert ev.end.day == 1, ev.id
        if ev.end_precision == "year":
            assert ev.end.month == 1, ev.id


def test_each_event_starts_inside_its_period(events):
    periods = load("periods").set_index("id")
    for ev in events.itertuples():
        first, last = periods.loc[ev.period, ["start", "end"]]
        assert first <= ev.start <= last, f"{ev.id} starts {ev.start.date()}, outside {ev.period}"


def test_periods_tile_1945_to_2025_without_gaps():
    periods = load("periods")
    assert periods["start"].iloc[0] == pd.Timestamp("1945-01-01")
    assert periods["end"].iloc[-1] == pd.Timestamp("2025-12-31")
    for before, after in zip(periods.itertuples(), periods.iloc[1:].itertuples(), strict=False):
        assert after.start - before.end == pd.Timedelta(days=1), (before.id, after.id)


def test_ussr_until_25_december_1991_and_russia_from_26_december(events):
    for ev in events.itertuples():
        if "USSR" in ev.actors:
            assert ev.start <= pd.Timestamp("1991-12-25"), ev.id
        if "RUS" in ev.actors:
            assert ev.start >= pd.Timestamp("1991-12-26"), ev.id


def test_medium_confidence_is_explained(events):
    for ev in events.itertuples():
        if ev.confidence == "medium":
            assert ev.confidence_note.strip(), f"{ev.id}: say what is uncertain"


def test_undated_sources_say_so_and_full_dates_match_years(sources):
    for src in sources.itertuples():
        if pd.isna(src.year):
            assert src.note.strip(), f"{src.id}: an undated source needs a note saying so"
        if pd.notna(src.date):
            assert src.date.year == src.year, src.id


def test_known_anchor_dates(events):
    """Fixed points the course teaches (each checked against its sources with cite())."""
    anchors = [
        ("1948-10-12", {"USSR", "DPRK"}),  # Moscow agrees to relations with Pyongyang
        ("1950-06-25", {"DPRK", "ROK"}),  # the invasion
        ("1961-07-06", {"USSR", "DPRK"}),  # treaty of friendship and mutual assistance
        ("1983-09-01", {"USSR", "ROK"}),  # KAL 007
        ("1990-09-30", {"USSR", "ROK"}),  # diplomatic relations with Seoul
        ("2024-06-19", {"RUS", "DPRK"}),  # comprehensive strategic partnership treaty
    ]
    for date, pair in anchors:
        same_day = events[events["start"] == pd.Timestamp(date)]
        assert any(pair <= set(a) for a in same_day["actors"]), f"no {pair} event on {date}"
