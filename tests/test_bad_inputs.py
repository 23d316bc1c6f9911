"""Odd input to the data and query functions: refused where it comes in, with a message a student can act on.

Each case calls a public function the way a student might get it wrong and checks that
the error is a :class:`LessonInputError` (not a pandas/NumPy error, and not a silently
wrong answer), that its message names the problem (the argument or the value given), and
that it says what is allowed. The last tests check that good input, including NumPy
numbers and a year for a date, still works.
"""
from __future__ import annotations

import datetime
import re

import numpy as np
import pandas as pd
import pytest

import lessons
from lessons.chronology import relation_of
from lessons.errors import LessonInputError
from lessons.validate import course_years

INF, NAN = float("inf"), float("nan")


def war_events():
    return lessons.events(period="war")


# (what is wrong, the call, a pattern the message must contain: the argument's name or the value given)
CASES = [
    # lessons.events
    ("events: infinite last year", lambda: lessons.events(years=(1950, INF)), r"finite year; got inf"),
    ("events: minus-infinite first year", lambda: lessons.events(years=(-INF, 1950)), r"got -inf"),
    ("events: NaN year", lambda: lessons.events(years=(NAN, 1950)), r"got nan"),
    ("events: reversed years", lambda: lessons.events(years=(1991, 1988)),
     r"first year \(1991\) is after the last \(1988\)"),
    ("events: years before the course", lambda: lessons.events(years=(1900, 1950)),
     r"\(1900, 1950\) must lie between 1945 and 2025"),
    ("events: years after the course", lambda: lessons.events(years=(1950, 2030)), r"between 1945 and 2025"),
    ("events: years as text", lambda: lessons.events(years="1950s"), r"years must be one year or a pair.*'1950s'"),
    ("events: fractional year", lambda: lessons.events(years=(1950.5, 1953)), r"whole years; got 1950.5"),
    ("events: a bool for a year", lambda: lessons.events(years=(True, 1950)), r"years must be a year.*True"),
    ("events: bool years", lambda: lessons.events(years=True), r"years must be .*got True"),
    ("events: three years", lambda: lessons.events(years=(1950, 1951, 1952)), r"got \(1950, 1951, 1952\)"),
    ("events: empty years", lambda: lessons.events(years=[]), r"years must be one year or a pair.*got \[\]"),
    ("events: years as text pair", lambda: lessons.events(years=("1950", "1953")), r"'1950' \(text\)"),
    ("events: actor list", lambda: lessons.events(actor=["DPRK"]), r"actor must be text.*\['DPRK'\]"),
    ("events: blank actor", lambda: lessons.events(actor=""), r"actor must not be blank"),
    ("events: number actor", lambda: lessons.events(actor=7), r"actor must be text.*got 7"),
    ("events: misspelt actor", lambda: lessons.events(actor="DPKR"), r"Unknown actor 'DPKR'. Did you mean 'DPRK'"),
    ("events: period list", lambda: lessons.events(period=["war"]),
     r"period must be one of the allowed values.*\['war'\]"),
    ("events: unknown period", lambda: lessons.events(period="korean war"), r"Unknown period 'korean war'"),
    ("events: number period", lambda: lessons.events(period=3), r"period .*got 3"),
    ("events: misspelt category", lambda: lessons.events(category="militery"), r"Did you mean 'military'"),
    ("events: category list", lambda: lessons.events(category=["military"]), r"category .*\['military'\]"),
    ("events: number keyword", lambda: lessons.events(keyword=1950), r"keyword must be text.*1950"),
    ("events: keyword list", lambda: lessons.events(keyword=["KAL"]), r"keyword must be text.*\['KAL'\]"),
    # lessons.event
    ("event: a list of ids", lambda: lessons.event(["1948-ussr-dprk-relations"]), r"event_id must be text"),
    ("event: None", lambda: lessons.event(None), r"event_id must be text.*None"),
    ("event: blank", lambda: lessons.event(""), r"event_id must not be blank"),
    ("event: misspelt id", lambda: lessons.event("1948-ussr-dprk-relation"),
     r"Did you mean '1948-ussr-dprk-relations'"),
    ("event: a year", lambda: lessons.event(1948), r"event_id must be text.*1948"),
    # lessons.period_of
    ("period_of: a year as text in two periods", lambda: lessons.period_of("1953"), r"1953 falls in two periods"),
    ("period_of: a year in two periods", lambda: lessons.period_of(1953),
     r"1953 falls in two periods.*'war'.*'alliance'"),
    ("period_of: a month in two periods", lambda: lessons.period_of("1953-07"), r"1953-07 falls in two periods"),
    ("period_of: a year before the course", lambda: lessons.period_of(1944), r"1944 is outside the course"),
    ("period_of: a date after the course", lambda: lessons.period_of("2030-01-01"),
     r"2030-01-01 is outside the course"),
    ("period_of: words", lambda: lessons.period_of("the fifties"), r"'the fifties'"),
    ("period_of: None", lambda: lessons.period_of(None), r"date must be a date.*None"),
    ("period_of: impossible date", lambda: lessons.period_of("1950-13-45"), r"'1950-13-45'"),
    ("period_of: bool", lambda: lessons.period_of(True), r"date must be a date.*True"),
    ("period_of: fractional year", lambda: lessons.period_of(1950.5), r"1950.5"),
    ("period_of: a list", lambda: lessons.period_of(["1950-06-25"]), r"\['1950-06-25'\] \(a list\)"),
    ("period_of: NaT", lambda: lessons.period_of(pd.NaT), r"date must be a date.*NaT"),
    # lessons.format_date
    ("format_date: words", lambda: lessons.format_date("25 June 1950"), r"'25 June 1950'"),
    ("format_date: None", lambda: lessons.format_date(None), r"date must be a date.*None"),
    ("format_date: unknown precision", lambda: lessons.format_date("1950-06-25", "week"), r"Unknown precision 'week'"),
    ("format_date: None precision", lambda: lessons.format_date("1950-06-25", None), r"precision .*None"),
    ("format_date: a year shown to the day", lambda: lessons.format_date(1950), r"date 1950 gives only the year"),
    ("format_date: a year as text shown to the day", lambda: lessons.format_date("1950"),
     r"date '1950' gives only the year"),
    ("format_date: a month shown to the day", lambda: lessons.format_date("1950-06", "day"),
     r"'1950-06' gives only the month"),
    ("format_date: NaN", lambda: lessons.format_date(NAN), r"date must be a date.*nan"),
    ("format_date: a list", lambda: lessons.format_date([1950]), r"\[1950\] \(a list\)"),
    # lessons.format_span
    ("format_span: end before start", lambda: lessons.format_span("1953-07-27", "1950-06-25"),
     r"end \(1950-06-25\) is before start"),
    ("format_span: unreadable start", lambda: lessons.format_span("junk", None), r"start must be a date.*'junk'"),
    ("format_span: unreadable end", lambda: lessons.format_span("1950-06-25", "soon"), r"end must be a date.*'soon'"),
    ("format_span: unknown precision", lambda: lessons.format_span("1950-06-25", "1950-07-01", "fortnight"),
     r"Unknown precision 'fortnight'"),
    ("format_span: unknown end precision", lambda: lessons.format_span("1950-06-25", "1950-07-01", "day", "decade"),
     r"Unknown end_precision 'decade'"),
    # lessons.cite and short_cite
    ("cite: None", lambda: lessons.cite(None), r"item_id must be text.*None"),
    ("cite: blank", lambda: lessons.cite(""), r"item_id must not be blank"),
    ("cite: a list", lambda: lessons.cite(["oberdorfer-carlin-2014"]), r"item_id must be text.*\(a list\)"),
    ("cite: unknown id", lambda: lessons.cite("not-an-id"), r"'not-an-id' is neither an event id nor a source id"),
    ("short_cite: None", lambda: lessons.short_cite(None), r"source_id must be text.*None"),
    ("short_cite: misspelt id", lambda: lessons.short_cite("oberdorfer-carlin-2015"),
     r"Did you mean 'oberdorfer-carlin-2014'"),
    ("short_cite: a number", lambda: lessons.short_cite(42), r"source_id must be text.*42"),
    # lessons.sources_for
    ("sources_for: text for a table", lambda: lessons.sources_for("war"), r"event_table must be a table.*'war'"),
    ("sources_for: None", lambda: lessons.sources_for(None), r"event_table must be a table.*None"),
    ("sources_for: table without sources", lambda: lessons.sources_for(war_events()[["id"]]),
     r"lacks the columns 'source_ids'"),
    ("sources_for: unknown extra source", lambda: lessons.sources_for(war_events(), extra="no-such-source"),
     r"Unknown source id 'no-such-source'"),
    ("sources_for: number as extra", lambda: lessons.sources_for(war_events(), extra=5),
     r"extra must be a source id.*5"),
    # lessons.load
    ("load: misspelt table", lambda: lessons.load("event"), r"Unknown table 'event'. Did you mean 'events'"),
    ("load: None", lambda: lessons.load(None), r"table must be one of the allowed values.*None"),
    ("load: a list", lambda: lessons.load(["events"]), r"table .*\['events'\]"),
    ("load: a number", lambda: lessons.load(3), r"table .*got 3"),
    # lessons.figures
    ("figures: unknown topic", lambda: lessons.figures(topic="weather"), r"Unknown topic 'weather'"),
    ("figures: topic list", lambda: lessons.figures(topic=["aid-to-dprk"]), r"topic .*\['aid-to-dprk'\]"),
    ("figures: number measure", lambda: lessons.figures(measure=5), r"measure .*got 5"),
    ("figures: unknown unit", lambda: lessons.figures(topic="soviet-dprk-trade", unit="dollars"),
     r"Unknown unit 'dollars'"),
    ("figures: measure from another topic", lambda: lessons.figures(topic="rok-loan", measure="total-trade"),
     r"Unknown measure 'total-trade'"),
    # lessons.glossary, term, lookup, key_terms
    ("glossary: a list", lambda: lessons.glossary(["Stalin"]), r"search must be text.*\['Stalin'\]"),
    ("glossary: a number", lambda: lessons.glossary(5), r"search must be text.*5"),
    ("glossary: unknown kind", lambda: lessons.glossary(kind="weapon"), r"Unknown kind 'weapon'"),
    ("glossary: kind list", lambda: lessons.glossary(kind=["person"]), r"kind .*\['person'\]"),
    ("term: None", lambda: lessons.term(None), r"term_id must be text.*None"),
    ("term: misspelt", lambda: lessons.term("juch"), r"Unknown glossary term 'juch'. Did you mean 'juche'"),
    ("term: a list", lambda: lessons.term(["juche"]), r"term_id must be text.*\['juche'\]"),
    ("lookup: empty", lambda: lessons.lookup(""), r"name must not be blank"),
    ("lookup: blank", lambda: lessons.lookup("   "), r"name must not be blank"),
    ("lookup: None", lambda: lessons.lookup(None), r"name must be text.*None"),
    ("lookup: a list", lambda: lessons.lookup(["Stalin"]), r"name must be text.*\['Stalin'\]"),
    ("lookup: nothing found", lambda: lessons.lookup("zzqx"), r"No glossary entry for 'zzqx'"),
    ("lookup: several entries", lambda: lessons.lookup("Kim"), r"'Kim' names several glossary entries: Kim Il Sung"),
    ("lookup: only in definitions", lambda: lessons.lookup("ambassador"),
     r"No glossary entry is named 'ambassador'; it appears in the definitions"),
    ("key_terms: no ids", lambda: lessons.key_terms(), r"key_terms needs at least one glossary id"),
    ("key_terms: misspelt id", lambda: lessons.key_terms("juch"), r"Did you mean 'juche'"),
    ("key_terms: None among ids", lambda: lessons.key_terms("juche", None), r"id number 2 must be text.*None"),
    ("key_terms: number in a list", lambda: lessons.key_terms(["juche", 5]), r"id number 2 must be text.*5"),
    # lessons.find_evidence
    ("find_evidence: None", lambda: lessons.find_evidence(None), r"query must be text.*None"),
    ("find_evidence: a list", lambda: lessons.find_evidence(["KAL"]), r"query must be text.*\['KAL'\]"),
    ("find_evidence: negative limit", lambda: lessons.find_evidence("KAL", limit=-1),
     r"limit must be a whole number of at least 0; got -1"),
    ("find_evidence: fractional limit", lambda: lessons.find_evidence("KAL", limit=2.5), r"limit .*got 2.5"),
    ("find_evidence: text limit", lambda: lessons.find_evidence("KAL", limit="5"), r"limit .*'5' \(text\)"),
    ("find_evidence: bool limit", lambda: lessons.find_evidence("KAL", limit=True), r"limit .*got True"),
    ("find_evidence: None limit", lambda: lessons.find_evidence("KAL", limit=None), r"limit .*got None"),
    # lessons.judge, claims, swap_koreas
    ("judge: swapped='no'", lambda: lessons.judge("c04", "false", swapped="no"),
     r"swapped must be True or False; got 'no'"),
    ("judge: swapped=1", lambda: lessons.judge("c04", "false", swapped=1), r"swapped must be True or False; got 1"),
    ("judge: swapped=None", lambda: lessons.judge("c04", "false", swapped=None), r"swapped .*None"),
    ("judge: unknown claim", lambda: lessons.judge("c99", "true"), r"Unknown claim 'c99'"),
    ("judge: claim list", lambda: lessons.judge(["c04"], "true"), r"claim_id must be a claim id.*\['c04'\]"),
    ("judge: bool claim", lambda: lessons.judge(True, "false"), r"claim_id .*True"),
    ("judge: None claim", lambda: lessons.judge(None, "false"), r"claim_id .*None"),
    ("judge: None verdict", lambda: lessons.judge("c04", None), r"verdict must be text.*None"),
    ("judge: verdict list", lambda: lessons.judge("c04", ["false"]), r"verdict must be text.*\['false'\]"),
    ("swap_koreas: None", lambda: lessons.swap_koreas(None), r"text must be text.*None"),
    ("swap_koreas: a list", lambda: lessons.swap_koreas(["North Korea"]), r"text must be text.*\(a list\)"),
    ("swap_koreas: a number", lambda: lessons.swap_koreas(5), r"text must be text.*5"),
    # lessons.trade_series
    ("trade_series: no pairs", lambda: lessons.trade_series([]), r"pairs must be a pair name.*\[\]"),
    ("trade_series: smoothed='no'", lambda: lessons.trade_series(smoothed="no"),
     r"smoothed must be True or False; got 'no'"),
    ("trade_series: smoothed=1", lambda: lessons.trade_series(smoothed=1), r"smoothed .*got 1"),
    ("trade_series: infinite year", lambda: lessons.trade_series(years=(1950, INF)), r"finite year; got inf"),
    ("trade_series: reversed years", lambda: lessons.trade_series(years=(1990, 1980)),
     r"first year \(1990\) is after the last \(1980\)"),
    ("trade_series: years before the data", lambda: lessons.trade_series(years=(1940, 1960)), r"cover 1950–2014"),
    ("trade_series: years after the data", lambda: lessons.trade_series(years=(2010, 2020)), r"lessons.figures"),
    ("trade_series: unknown flow", lambda: lessons.trade_series(flow="both"), r"Unknown flow 'both'"),
    ("trade_series: None flow", lambda: lessons.trade_series(flow=None), r"flow .*None"),
    ("trade_series: number for pairs", lambda: lessons.trade_series(pairs=5), r"pairs must be .*5"),
    ("trade_series: unknown pair", lambda: lessons.trade_series(pairs=["USSR–Japan"]), r"Unknown pair 'USSR–Japan'"),
    ("trade_series: number in pairs", lambda: lessons.trade_series(pairs=[3]), r"A pair is text.*3"),
    ("trade_series: blank pair", lambda: lessons.trade_series(pairs=""), r"pair must not be blank"),
    ("trade_series: dict for pairs", lambda: lessons.trade_series(pairs={"USSR": "DPRK"}), r"pairs must be .*dict"),
    # relation_of (used by charts)
    ("relation_of: text", lambda: relation_of("USSR"), r"actors must be a list.*'USSR'"),
]


def test_there_are_enough_cases():
    assert len(CASES) >= 70


@pytest.mark.parametrize("call, names", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_is_refused_naming_the_problem_and_what_is_allowed(call, names):
    with pytest.raises(LessonInputError) as info:
        call()
    message = str(info.value)
    assert re.search(names, message), message
    assert "Allowed" in message, message
    assert "Traceback" not in message and "dtype" not in message, message  # nothing from inside pandas


# Good input still works, including NumPy numbers and the results that used to be silently wrong.

def test_period_of_reads_an_integer_as_a_year_not_nanoseconds():
    assert lessons.period_of(1950) == "war"
    assert lessons.period_of(np.int64(1960)) == "alliance"
    assert lessons.period_of(1991) == "nordpolitik"
    assert lessons.period_of(datetime.date(1990, 9, 30)) == "nordpolitik"
    assert lessons.period_of(pd.Timestamp("1953-07-28")) == "alliance"
    assert lessons.period_of("1953-07-27") == "war"
    assert lessons.period_of("1960-05") == "alliance" and lessons.period_of("1950") == "war"


def test_numpy_years_and_flags_are_accepted():
    assert lessons.events(years=(np.int64(1950), np.int32(1953))).equals(lessons.events(years=(1950, 1953)))
    assert lessons.events(years=np.int64(1990)).equals(lessons.events(years=1990))
    assert lessons.judge("c05", "true", swapped=np.bool_(True)).correct
    smoothed = lessons.trade_series("USSR/Russia–DPRK", years=(1990, 1995), smoothed=np.bool_(True))
    assert smoothed["value"].notna().any()


@pytest.mark.parametrize("limit", [0, 1, 2, 5, np.int64(3)])
def test_limit_is_exactly_the_number_of_rows(limit):
    everything = lessons.find_evidence("treaty", limit=100)
    assert len(everything) > 5
    found = lessons.find_evidence("treaty", limit=limit)
    assert len(found) == int(limit)
    assert found["id"].tolist() == everything["id"].tolist()[: int(limit)]


def test_lookup_of_a_real_name_still_works_and_blank_no_longer_finds_stalin():
    assert lessons.lookup("Stalin")["id"] == "joseph-stalin"
    with pytest.raises(LessonInputError):
        lessons.lookup("")


def test_swapped_false_and_true_give_different_answers_for_a_swapped_claim():
    assert lessons.judge("c05", "false", swapped=False).correct
    assert not lessons.judge("c05", "false", swapped=True).correct


def test_dates_and_years_format():
    assert lessons.format_date(1950, "year") == "1950"
    assert lessons.format_date(datetime.date(1950, 6, 25)) == "25 Jun 1950"
    assert lessons.format_span("1950-06-25", "1953-07-27") == "25 Jun 1950 – 27 Jul 1953"
    assert lessons.format_span("1950-06-25", None) == "25 Jun 1950"


def test_key_terms_takes_ids_or_one_list():
    assert lessons.key_terms(["juche", "veto"]).rows["id"].tolist() == ["juche", "veto"]
    assert lessons.key_terms("juche", "veto").rows["id"].tolist() == ["juche", "veto"]


def test_figures_can_be_asked_for_one_unit():
    rows = lessons.figures(topic="soviet-dprk-trade", measure="total-trade", unit="million roubles")
    assert set(rows["unit"]) == {"million roubles"} and len(rows) >= 2


def test_course_years_come_from_the_periods_table():
    periods = lessons.load("periods")
    assert course_years() == (periods["start"].min().year, periods["end"].max().year)
