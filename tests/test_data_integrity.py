"""The chronology and bibliography obey the rules the data catalogue states."""
import json
import re
from collections import Counter

import pandas as pd
import pytest

from lessons.data import data_dir, load, schema


def enum(table, column):
    field = next(f for f in schema(table) if f["name"] == column)
    return set(field["constraints"]["enum"])


@pytest.fixture(scope="module")
def events():
    return load("events")


@pytest.fixture(scope="module")
def sources():
    return load("sources")


def test_event_ids_are_unique_and_start_with_their_year(events):
    assert not [i for i, n in Counter(events["id"]).items() if n > 1]
    for ev in events.itertuples():
        assert re.fullmatch(r"\d{4}-[a-z0-9-]+", ev.id), ev.id
        assert int(ev.id[:4]) == ev.start.year, ev.id


def test_chronology_covers_every_period_with_at_least_80_events(events):
    assert len(events) >= 80
    counts = events["period"].value_counts()
    for period in load("periods")["id"]:
        assert counts.get(period, 0) >= 5, f"period {period} has too few events"


def test_dates_are_valid_and_ranges_run_forwards(events):
    assert events["start"].notna().all()
    ranged = events[events["end"].notna()]
    assert (ranged["end"] >= ranged["start"]).all(), ranged[ranged["end"] < ranged["start"]]["id"].tolist()
    assert events["start"].min() >= pd.Timestamp("1945-01-01")
    assert events["start"].max() <= pd.Timestamp("2025-12-31")


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


def test_periods_tile_1945_to_2025_without_gaps(root):
    periods = load("periods")
    assert periods["start"].iloc[0] == pd.Timestamp("1945-01-01")
    assert periods["end"].iloc[-1] == pd.Timestamp("2025-12-31")
    for before, after in zip(periods.itertuples(), periods.iloc[1:].itertuples()):
        assert after.start - before.end == pd.Timedelta(days=1), (before.id, after.id)


def test_every_event_cites_at_least_one_existing_source(events, sources):
    known = set(sources["id"])
    for ev in events.itertuples():
        assert ev.source_ids, f"{ev.id} cites nothing"
        missing = set(ev.source_ids) - known
        assert not missing, f"{ev.id} cites unknown sources {missing}"


def test_every_source_is_cited_and_ids_are_unique(events, sources):
    assert sources["id"].is_unique
    cited = {s for row in events["source_ids"] for s in row}
    cited |= {s for row in load("glossary")["source_ids"] for s in row}
    cited |= set(load("figures")["source_id"]) | set(load("places")["source_id"]) | set(load("trade")["source_id"])
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    cited |= {s["id"] for res in package["resources"] for s in res.get("sources", []) if "id" in s}
    assert not set(sources["id"]) - cited, f"sources nobody cites: {sorted(set(sources['id']) - cited)}"
    assert not cited - set(sources["id"]), f"cited but not in sources.csv: {sorted(cited - set(sources['id']))}"


def test_controlled_vocabularies(events, sources):
    actor_codes = set(load("actors")["code"])
    assert enum("events", "actors") == actor_codes
    for ev in events.itertuples():
        assert set(ev.actors) <= actor_codes, (ev.id, ev.actors)
        assert len(set(ev.actors)) == len(ev.actors), ev.id
    assert set(events["category"]) <= enum("events", "category")
    assert set(events["period"]) <= enum("events", "period")
    assert set(events["precision"]) <= enum("events", "precision")
    assert set(events["end_precision"]) - {""} <= enum("events", "end_precision")
    assert set(events["confidence"]) <= enum("events", "confidence")
    assert set(sources["kind"]) <= enum("sources", "kind")


def test_ussr_before_and_russia_after_december_1991(events):
    for ev in events.itertuples():
        if "USSR" in ev.actors:
            assert ev.start <= pd.Timestamp("1991-12-25"), ev.id
        if "RUS" in ev.actors:
            assert ev.start >= pd.Timestamp("1991-12-26"), ev.id


def test_medium_confidence_is_explained(events):
    for ev in events.itertuples():
        if ev.confidence == "medium":
            assert ev.confidence_note.strip(), f"{ev.id}: say what is uncertain"


def test_text_fields_are_filled_and_titles_short(events):
    assert (events["title"].str.len().between(5, 70)).all()
    assert (events["summary"].str.len() > 40).all(), events[events["summary"].str.len() <= 40]["id"].tolist()


def test_sources_have_what_a_reader_needs(sources):
    for src in sources.itertuples():
        assert src.title.strip(), src.id
        if pd.notna(src.year):
            assert 1884 <= src.year <= 2026, src.id
        else:
            assert src.note.strip(), f"{src.id}: an undated source needs a note saying so"
        if src.url:
            assert re.fullmatch(r"https?://[^\s]+", src.url), src.id
            assert "wikipedia.org" not in src.url, f"{src.id}: cite originals, not Wikipedia"
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
