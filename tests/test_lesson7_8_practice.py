"""Lessons 7 and 8 as practice: the reconstructed text, reasons kept with verdicts, the prediction,
the practice news item with its planted errors, and lesson 8's computation with its mistake messages."""
import re

import pandas as pd
import pytest

import lessons.flawed_claims as flawed_claims
import lessons.practice_news as practice_news
from lessons.answers import store
from lessons.chronology import event
from lessons.computing import TOLERANCE, check_computation, expected, trade_table
from lessons.data import load
from lessons.flawed_claims import RECONSTRUCTION_LABEL, answer_item, claims, flawed_text, verdict_key
from lessons.practice_news import ERROR_KINDS, judge_news, news_item, news_key, news_sentences
from lessons.tables import Table
from lessons.trade import trade_series
from lessons.widgets.claim_checker import ClaimChecker
from lessons.widgets.news_check import NewsChecker
from lessons.widgets.prediction_box import ITEM, PatternPrediction

NASTY = '<img src=x onerror=alert(1)> costs US$3 and "quotes" & more'
KOREA_NAMES = re.compile(r"North Korean?|South Korean?|Seoul|Pyongyang|ROK|DPRK")


# --- the reconstruction of the flawed text -----------------------------------------------------------

def test_reconstruction_is_every_statement_in_the_claims_order_under_its_label():
    page = flawed_text()
    table = claims()
    assert page.label == RECONSTRUCTION_LABEL == ("A reconstruction by the course of a text that circulates; its "
                                                  "errors are deliberate material for this lesson.")
    assert [s for p in page.paragraphs for s in p] == list(table["statement"])
    assert len(page.paragraphs) == table["paragraph"].nunique() >= 4
    assert list(table["paragraph"]) == sorted(table["paragraph"]), "paragraphs follow the claims' order"
    html = page.html
    assert html.index(RECONSTRUCTION_LABEL) < html.index(table["statement"].iloc[0]), "the label comes first"
    assert "Author: none given" in html and "Sources: none cited" in html


@pytest.mark.parametrize("row", claims().to_dict("records"), ids=lambda r: r["id"])
def test_each_statement_keeps_its_claims_names_dates_and_error(row):
    """The statement may reword the claim but not change what it asserts: same years, same Koreas."""
    def years(text):
        return sorted(re.findall(r"\b1[89]\d\d(?:–\d\d)?\b|\b20\d\d\b", text))

    assert years(row["statement"]) == years(row["claim"])
    assert sorted(KOREA_NAMES.findall(row["statement"])) == sorted(KOREA_NAMES.findall(row["claim"]))
    if row["surviving_error"]:
        wrong = row["surviving_error"].split(" should be ")[0]
        assert wrong.split()[-1] in row["statement"], "the error that survives the swap is in the text"
    assert not row["statement"].startswith("The text"), "a sentence of the text, not a report on it"


def test_facsimile_escapes_the_data_text(monkeypatch):
    table = claims()
    table.loc[0, "statement"] = NASTY
    monkeypatch.setattr(flawed_claims, "claims", lambda: table)
    html = flawed_text().html
    assert "<img src=x" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "US$3" not in html and 'class="tex2jax_ignore"' in html
    assert "&quot;quotes&quot; &amp; more" in html


def test_verdict_key_gives_every_claim_both_verdicts_and_why():
    key = verdict_key()
    for row in claims().itertuples():
        assert f"({row.id}). {row.statement}" in key
        assert f"As written: **{row.verdict}**. {row.explanation}" in key
        assert f"**{row.swapped_verdict}**. {row.swapped_explanation}" in key


# --- a reason with every verdict ---------------------------------------------------------------------

def test_claim_checker_asks_for_a_reason_before_showing_the_evidence():
    checker = ClaimChecker()
    checker.which.value = "c04"
    checker.verdict.value = "false"
    for reason in ("", "   ", "false"):
        checker.reason.value = reason
        checker.button.click()
        assert "Write your reason first" in checker.feedback.value
        assert "Evidence" not in checker.feedback.value
    assert store.latest(7) == {}, "nothing is kept without a reason"
    checker.reason.value = "Moscow vetoed the ROK's UN seat <b>in 1949</b>"
    checker.button.click()
    assert "Right" in checker.feedback.value and "Evidence" in checker.feedback.value
    assert "&lt;b&gt;in 1949&lt;/b&gt;" in checker.feedback.value, "the reason is shown escaped"
    kept = store.latest(7)
    assert kept["claim:c04:reason"]["answer"] == "Moscow vetoed the ROK's UN seat <b>in 1949</b>"
    assert kept["claim:c04:reason"]["kind"] == "text" and kept["claim:c04:reason"]["status"] == "written"
    assert kept["claim:c04"]["answer"] == "false" and kept["claim:c04"]["status"] == "correct"


def test_swapped_reasons_are_kept_apart_and_everything_comes_back_after_a_restart():
    swapped = ClaimChecker(swapped=True)
    swapped.which.value = "c05"
    swapped.verdict.value = "true"
    swapped.reason.value = "Soviet advisers planned the North's attack"
    swapped.button.click()
    assert answer_item("c05", swapped=True, reason=True) in store.latest(7)
    assert "claim:c05:reason" not in store.latest(7)
    again = ClaimChecker(swapped=True)
    again.which.value = "c05"
    assert again.reason.value == "Soviet advisers planned the North's attack"
    assert "Checked 1 of 12" in again.progress.value
    assert ClaimChecker().progress.value == "", "the checker as written has its own progress"


# --- the prediction ----------------------------------------------------------------------------------

def test_prediction_is_kept_and_gives_nothing_away():
    box = PatternPrediction()
    box.text.value = "too short"
    box.button.click()
    assert "Write your prediction first" in box.feedback.value and ITEM not in store.latest(7)
    box.text.value = "I think the text mixes up which country did what, so I would check the names."
    box.button.click()
    assert store.latest(7)[ITEM]["answer"].startswith("I think the text mixes up")
    assert store.latest(7)[ITEM]["status"] == "written"
    shown = box.feedback.value + box.widget.children[0].value
    assert not re.search(r"swap|North|South|Pyongyang", shown), "the prompt and feedback do not give the pattern"
    assert PatternPrediction().text.value.startswith("I think the text mixes up")


# --- the practice news item --------------------------------------------------------------------------

def test_news_item_has_one_error_of_each_kind_each_decided_by_a_row_of_the_data():
    table = news_sentences()
    assert sorted(table.loc[table["error"] != "none", "error"]) == ["attribution", "date", "unit"]
    events, figures = load("events").set_index("id"), load("figures").set_index("id")
    for row in table.itertuples():
        assert row.evidence_id in events.index or row.evidence_id in figures.index, row.id
        if row.error == "none":
            assert not row.wrong and not row.right
            continue
        assert row.wrong in row.sentence and row.right not in row.sentence, row.id
        if row.error == "date":
            ev = event(row.evidence_id)
            assert pd.Timestamp(row.right) == ev["start"] != pd.Timestamp(row.wrong)
        elif row.error == "unit":
            fig = figures.loc[row.evidence_id]
            number = f"{fig['value']:,.0f}"
            assert number in row.right and number in row.wrong, "same number, different unit"
            assert fig["unit"].split()[-1] in row.right and fig["unit"].split()[-1] not in row.wrong
        elif row.error == "attribution":
            ev = events.loc[row.evidence_id]
            text = f"{ev['title']} {ev['summary']}"
            assert row.right in text and row.wrong.split()[-1] not in text


def test_the_news_item_is_labelled_as_invented_and_escaped(monkeypatch):
    page = news_item()
    assert page.label.startswith("Invented by the course for practice: not a real news item")
    table = news_sentences()
    table.loc[0, "sentence"] = NASTY
    monkeypatch.setattr(practice_news, "news_sentences", lambda: table)
    html = news_item().html
    assert "<img src=x" not in html and "&lt;img" in html and "US$3" not in html


def test_news_checker_explains_each_error_found_and_never_names_a_missed_one():
    table = news_sentences().set_index("id")
    errors = table[table["error"] != "none"]
    everything = judge_news({sid: row.error for sid, row in errors.iterrows()})
    assert everything.status == "correct" and "Found 3 of 3 errors" in everything.message
    for _, row in errors.iterrows():
        assert row["wrong"] in everything.message and row["right"] in everything.message
        assert row["explanation"] in everything.message
    assert len(everything.evidence) == 3
    one = judge_news({"n4": "unit"})
    assert one.status == "partial" and "Found 1 of 3 errors" in one.message and one.hint
    for sid, row in errors.drop("n4").iterrows():
        assert row["right"] not in str(one) and f"Sentence {sid[1:]}" not in one.message
    wrong_kind = judge_news({"n4": "date"})
    assert "Sentence 4 does have an error, but not a wrong date" in wrong_kind.message
    assert table.loc["n4", "right"] not in str(wrong_kind), "the kind is not given away"
    right_flagged = judge_news({"n1": "date"})
    assert right_flagged.status == "wrong" and "Sentence 1 is right as it stands" in right_flagged.message
    too_many = judge_news({**{sid: row.error for sid, row in errors.iterrows()}, "n5": "unit"})
    assert too_many.status == "partial", "all three found, but a right sentence flagged too"
    for bad in ("n4", {"n9": "date"}, {"n4": "spelling"}, None):
        assert judge_news(bad).status == "invalid"


def test_news_checker_widget_keeps_and_restores_the_marks():
    checker = NewsChecker()
    assert set(checker.marks) == set(news_sentences()["id"])
    assert all(list(dict(menu.options).values()) == list(ERROR_KINDS) for menu in checker.marks.values())
    checker.marks["n3"].value = "date"
    checker.button.click()
    assert "Found 1 of 3 errors" in checker.feedback.value and "4 June 1990" in checker.feedback.value
    kept = store.latest(7)["news:7"]
    assert kept["answer"] == ["none", "none", "date", "none", "none", "none"] and kept["status"] == "partial"
    again = NewsChecker()
    assert again.marks["n3"].value == "date" and "Kept from before" in again.feedback.value


def test_keys_for_the_guide():
    key = news_key()
    assert key.count("Error (") == 3 and "should be \"1,499 million roubles\"" in key


# --- lesson 8: compute it yourself -------------------------------------------------------------------

def test_trade_table_is_the_trade_data():
    table = trade_table(2014)
    assert isinstance(table, Table)
    for power, pair in (("China", "PRC–DPRK"), ("Russia", "USSR/Russia–DPRK")):
        for flow in ("exports", "imports", "total"):
            value = trade_series(pair, years=(2014, 2014), flow=flow)["value"].iloc[0]
            assert table.loc[power, flow] == value
    assert "USSR" in trade_table(1985).index and pd.isna(trade_table(1985).loc["USSR", "total"]), (
        "a zero COW flags as unreported is missing, not 0")


def test_the_key_is_derived_from_the_data():
    china = trade_series("PRC–DPRK", years=(2014, 2014))["value"].iloc[0]
    russia = trade_series("USSR/Russia–DPRK", years=(2014, 2014))["value"].iloc[0]
    assert expected("8.ratio")["right"] == pytest.approx(china / russia)
    assert check_computation("8.ratio", china / russia).status == "correct"
    assert check_computation("8.ratio", round(china / russia)).status == "correct"
    assert check_computation("8.ratio", china / russia * (1 + 2 * TOLERANCE)).status == "wrong"


@pytest.mark.parametrize("mistake, says", [
    ("inverted", "You divided the wrong way round"),
    ("exports", "You used exports only"),
    ("imports", "You used imports only"),
    ("inverted exports", "exports only, and divided the wrong way round"),
    ("share", "China's share of the two"),
    ("share percent", "China's share of the two"),
    ("difference", "You subtracted"),
])
def test_each_known_mistake_is_named(mistake, says):
    result = check_computation("8.ratio", expected("8.ratio")[mistake])
    assert result.status == "wrong" and says in result.message
    assert f"{expected('8.ratio')['right']:.0f}" not in str(result), "a wrong answer does not get the right one"


def test_a_line_of_pandas_is_read_as_a_student_writes_it():
    trade = trade_table(2014)
    assert check_computation("8.ratio", trade.loc["China", "total"] / trade.loc["Russia", "total"]).correct
    one_cell = trade.loc[["China"], ["total"]] / 100
    assert check_computation("8.ratio", one_cell).correct, "a one-value DataFrame is read as its value"
    aligned = trade.loc[["China"], "total"] / trade.loc[["Russia"], "total"]  # two labels: NaN, NaN
    assert "several values" in check_computation("8.ratio", aligned).message
    nan = trade.loc[["China"], "total"].rename({"China": "x"}) / trade.loc[["Russia"], "total"].rename({"Russia": "x"})
    assert nan.size == 1 and not check_computation("8.ratio", nan * float("nan")).correct
    assert "missing (NaN)" in check_computation("8.ratio", float("nan")).message
    assert "Replace ..." in check_computation("8.ratio", ...).message
    assert "is text" in check_computation("8.ratio", "67").message
    assert check_computation("8.ratio", True).status == "invalid"
    assert "There is no computation" in check_computation("8.9", 1).message


def test_computed_answers_are_kept_but_nothing_before_an_answer():
    check_computation("8.ratio", ...)
    assert store.latest(8) == {}
    check_computation("8.ratio", 43.1)
    check_computation("8.ratio", 67.3)
    kept = store.latest(8)["8.ratio"]
    assert kept["answer"] == 67.3 and kept["status"] == "correct" and kept["try"] == 2
