"""Queries every lesson uses, and the messages bad filters get."""
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from lessons.chronology import RELATIONS, event, events, period_of, relation_of
from lessons.data import data_dir
from lessons.errors import LessonInputError


def test_no_filter_returns_every_event_in_date_order():
    table = events()
    assert len(table) >= 80
    assert table["start"].is_monotonic_increasing
    assert set(table["relation"]) <= set(RELATIONS)


def test_period_filter():
    war = events(period="war")
    assert len(war) > 0
    assert (war["period"] == "war").all()
    assert war["start"].min() >= pd.Timestamp("1950-01-01")


def test_year_range_includes_events_that_span_into_it():
    table = events(years=(1951, 1952))
    spanning = table[table["start"].dt.year < 1951]
    assert not spanning.empty, "the Soviet air war (1950–53) spans 1951–52"
    assert (table["end"].fillna(table["start"]).dt.year >= 1951).all()


def test_single_year_and_float_years_are_accepted():
    assert events(years=1990).equals(events(years=(1990, 1990)))
    assert events(years=(1990.0, 1991.0)).equals(events(years=(1990, 1991)))


def test_actor_group_code_and_name_filters():
    moscow = events(actor="USSR/Russia")
    assert moscow["actors"].map(lambda a: bool({"USSR", "RUS"} & set(a))).all()
    assert len(moscow) == len(events(actor="USSR")) + len(events(actor="RUS"))
    assert events(actor="South Korea").equals(events(actor="ROK"))
    assert events(actor="rok").equals(events(actor="ROK"))


def test_category_and_keyword_filters_combine():
    table = events(category="economic", keyword="trade")
    assert len(table) > 0
    assert (table["category"] == "economic").all()
    text = (table["title"] + table["summary"] + table["disagreement"]).str.casefold()
    assert text.str.contains("trade").all()
    assert events(keyword="KAL 007")["start"].min() == pd.Timestamp("1983-09-01")


def test_keyword_with_no_match_returns_an_empty_table():
    table = events(keyword="zzzz-nothing")
    assert table.empty and "relation" in table.columns
    assert table.dtypes.equals(events().dtypes), "the same columns, of the same types, as any other selection"


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"years": (1991, 1988)}, "first year \\(1991\\) is after the last"),
        ({"years": (1900, 1950)}, "between 1945 and 2025"),
        ({"years": (1950, 2030)}, "between 1945 and 2025"),
        ({"years": "1950s"}, "pair \\(first, last\\)"),
        ({"years": (1950.5, 1953)}, "whole years"),
        ({"actor": "Soviet"}, "Unknown actor 'Soviet'.*Allowed: 'USSR/Russia'"),
        ({"actor": 7}, "must be text"),
        ({"period": "korean war"}, "Unknown period 'korean war'.*'war'"),
        ({"category": "militery"}, "Did you mean 'military'"),
        ({"keyword": 1950}, "keyword must be text"),
    ],
)
def test_bad_filters_say_what_is_allowed(kwargs, message):
    with pytest.raises(LessonInputError, match=message):
        events(**kwargs)


def test_event_lookup_and_unknown_id():
    ev = event(events()["id"].iloc[0])
    assert ev["when"] and ev["relation"] in RELATIONS
    with pytest.raises(LessonInputError, match="Unknown event id"):
        event("1948-nothing")


def test_relations_and_periods():
    assert relation_of(("RUS", "DPRK")) == "Moscow–Pyongyang"
    assert period_of("1991-12-31") == "nordpolitik"
    with pytest.raises(LessonInputError, match="outside the course"):
        period_of("1944-05-01")


def _python(code: str, data: object) -> subprocess.CompletedProcess:
    env = {**os.environ, "LESSONS_DATA_DIR": str(data)}
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)


def test_course_years_follow_the_periods_table_and_are_read_on_first_use(tmp_path):
    # A copy of the course's data whose last period ends in 2030: the years follow the table, not a constant.
    data = tmp_path / "data"
    shutil.copytree(data_dir(), data)
    periods = (data / "periods.csv").read_text(encoding="utf-8")
    assert ",2025-12-31," in periods
    (data / "periods.csv").write_text(periods.replace(",2025-12-31,", ",2030-12-31,"), encoding="utf-8")
    result = _python("from lessons.chronology import FIRST_YEAR, LAST_YEAR; print(FIRST_YEAR, LAST_YEAR)", data)
    assert result.stdout.split() == ["1945", "2030"], result.stderr
    # Importing the module reads nothing (no data there at all); asking for a year says what is wrong.
    code = ("import lessons.chronology as c\nprint('imported')\ntry:\n    c.LAST_YEAR\n"
            "except Exception as error:\n    print(type(error).__name__, error)")
    result = _python(code, tmp_path / "nowhere")
    lines = result.stdout.splitlines()
    assert lines[0] == "imported", result.stderr
    assert lines[1].startswith("LessonInputError The course data folder was not found"), lines
    with pytest.raises(AttributeError, match="has no attribute 'MIDDLE_YEAR'"):
        import lessons.chronology as chronology

        chronology.MIDDLE_YEAR  # noqa: B018 (a name the module does not have)
