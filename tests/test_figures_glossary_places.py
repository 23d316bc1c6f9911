"""Rules of the figures, glossary and map files that the data catalogue cannot state.

Types, vocabularies, bounds (the places' latitudes and longitudes) and keys are declared in
data/datapackage.json and enforced by tests/test_datapackage.py.
"""
import json
import re
from collections import Counter

import pytest

from lessons.data import data_dir, load
from lessons.errors import LessonInputError
from lessons.stated_figures import figures, topics


def test_figures_are_not_repeated_and_their_ranges_run_forwards():
    table = load("figures")
    key = Counter(zip(table["measure"], table["source_id"], table["year_start"], table["year_end"], table["unit"],
                      table["value"], strict=True))
    assert not [k for k, n in key.items() if n > 1], "the same figure twice from the same source"
    assert (table["year_end"] >= table["year_start"]).all()
    ranged = table[table["value_high"].notna()]
    assert not ranged.empty and (ranged["value_high"] > ranged["value"]).all()


def test_roubles_and_dollars_are_never_mixed_in_one_measure_without_a_note():
    table = load("figures")
    for key, rows in table.groupby(["measure", "source_id", "year_start", "year_end"]):
        money = set(rows["unit"]) & {"million roubles", "million US$", "billion won"}
        if len(money) > 1:  # one source, one figure, two currencies: the second must be the source's own
            dollars = rows[rows["unit"] == "million US$"]
            whose = dollars["note"].str.contains("equivalent|own", regex=True)
            assert whose.all(), f"{key}: say whose conversion it is"


def test_claims_and_estimates_are_labelled():
    table = load("figures")
    claims = table[table["measure"].str.contains("claimed")]
    assert not claims.empty and claims["note"].str.contains("claim", case=False).all()
    troops = table[table["measure"].str.startswith("dprk-troops")]
    assert not troops.empty and troops["note"].str.contains("estimate", case=False).all()


def test_sources_disagree_where_the_chronology_says_they_do():
    air = figures(topic="korean-war-air")
    for measure in ("soviet-aircraft-lost", "soviet-pilots-lost", "enemy-aircraft-claimed"):
        rows = air[air["measure"] == measure]
        assert rows["source_id"].nunique() >= 2 and rows["value"].nunique() >= 2, measure


def test_figures_query_rejects_unknown_topic_and_measure():
    assert "korean-war-air" in topics()
    with pytest.raises(LessonInputError, match="Unknown topic"):
        figures(topic="trade")
    with pytest.raises(LessonInputError, match="Unknown measure"):
        figures(topic="korean-war-air", measure="tanks")


HANGUL = re.compile(r"^[IVX\uac00-\ud7a3\s()·,.0-9–-]*$")
LATIN = re.compile(r"^[A-Za-z0-9№–\u00c0-\u024f\s'’\"().,-]*$")  # " is ALA-LC's hard sign in ASCII


def test_glossary_forms_are_in_the_right_scripts():
    table = load("glossary")
    for row in table.itertuples():
        assert HANGUL.match(row.korean_hangul), (row.id, row.korean_hangul)
        # Russian usage keeps some Latin names ("рейс 007 Korean Air Lines"): require Cyrillic, allow Latin
        assert not row.russian or re.search(r"[\u0400-\u04ff]", row.russian), (row.id, row.russian)
        for latin in (row.korean_rr, row.korean_mr, row.russian_translit):
            assert LATIN.match(latin), (row.id, latin)
        if row.korean_hangul:
            assert row.korean_rr and row.korean_mr, f"{row.id}: give both romanizations"
        if row.russian:
            assert row.russian_translit, f"{row.id}: transliterate the Russian"
        assert 20 <= len(row.definition) <= 220, row.id


def test_map_file_is_valid_geojson_with_closed_rings():
    shapes = json.loads((data_dir() / "map_korea.geojson").read_text(encoding="utf-8"))
    assert shapes["type"] == "FeatureCollection"
    assert {f["properties"]["iso_a3"] for f in shapes["features"]} == {"RUS", "PRK", "KOR", "CHN", "JPN"}
    assert "Natural Earth" in shapes["metadata"]["credit"]
    for feature in shapes["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                assert ring[0] == ring[-1] and len(ring) >= 4
                assert all(120 <= x <= 145 and 30 <= y <= 48 for x, y in ring)
