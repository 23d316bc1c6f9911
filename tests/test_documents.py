"""Primary documents (data/documents.csv), their cards with answer boxes, the argument box and the rubric.

The data checks read the course's own rows; the widget checks build a data folder of their own
(a copy of data/ whose documents.csv holds made-up rows, some hostile), so they do not depend
on which documents the course has, and drive the widgets from Python as a student would.
"""
from __future__ import annotations

import csv
import re
import shutil

import pytest

from lessons.answers import store
from lessons.data import DATA_DIR_ENV, data_dir, load
from lessons.errors import LessonInputError
from lessons.markup import html_text
from lessons.primary_documents import MOVES, document, documents, period_lessons, perspectives, word_count
from lessons.rubrics import criteria, descriptors, rubric
from lessons.widgets.argument_box import ArgumentBox, argument, count_text, read_assessment
from lessons.widgets.document_card import SUMMARY_NOTE, DocumentCards, document_cards

COLUMNS = ["id", "date", "date_precision", "lesson", "title", "author", "recipient", "kind", "perspective",
           "archive", "url", "language", "summary", "context", "event_ids", "source_id"]
HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> a US$3 loan'


# --- the course's documents ---------------------------------------------------------------------------------

def test_every_document_is_checked_as_the_research_brief_asks():
    """A web address (as found), a 60-150 word summary, a source and events that exist, a date as precise as stated."""
    table = load("documents")
    sources, events = set(load("sources")["id"]), set(load("events")["id"])
    problems = []
    for row in table.itertuples():
        if not re.fullmatch(r"https?://\S+", row.url):
            problems.append(f"{row.id}: address {row.url!r} is not a web address")
        if not 60 <= word_count(row.summary) <= 150:
            problems.append(f"{row.id}: summary of {word_count(row.summary)} words (allowed 60-150)")
        if row.source_id not in sources:
            problems.append(f"{row.id}: unknown source {row.source_id!r}")
        if set(row.event_ids) - events:
            problems.append(f"{row.id}: unknown events {sorted(set(row.event_ids) - events)}")
        if not row.id.startswith(str(row.date.year)):
            problems.append(f"{row.id}: the id does not start with the document's year {row.date.year}")
        stored_as = {"day": True, "month": row.date.day == 1, "year": (row.date.month, row.date.day) == (1, 1)}
        if not stored_as[row.date_precision]:
            problems.append(f"{row.id}: a {row.date_precision}-precision date must be stored as its first day")
        if not row.context.strip():
            problems.append(f"{row.id}: no context")
    assert not problems, "\n".join(problems)


def test_the_set_covers_every_period_lesson_with_several_voices():
    """Issue 12: 24+ documents, at least 4 per period lesson of more than one voice, 6+ Korean voices."""
    table = load("documents")
    for lesson in period_lessons():
        part = table[table["lesson"] == lesson]
        assert len(part) >= 4 and part["perspective"].nunique() >= 2, (lesson, list(part["perspective"]))
    assert len(table) >= 24
    assert table["perspective"].isin(["DPRK", "ROK"]).sum() >= 6, "at least 6 North or South Korean voices"


# --- a data folder of the test's own ------------------------------------------------------------------------

def _row(**changes) -> dict:
    events = load("events")
    war = events[events["period"] == "war"]["id"].tolist()
    row = {"id": "1950-01-30-test-telegram", "date": "1950-01-30", "date_precision": "day", "lesson": "2",
           "title": "Telegram for the test", "author": "Author A", "recipient": "Recipient B", "kind": "telegram",
           "perspective": "USSR", "archive": "Test Archive", "url": "https://example.org/document/1",
           "language": "Russian", "summary": "word " * 70, "context": "Written for the test.",
           "event_ids": ";".join(war[:2]), "source_id": load("sources")["id"].iloc[0]}
    return {**row, **changes}


@pytest.fixture
def own_data(tmp_path, monkeypatch):
    """A copy of data/ whose documents are rows the test writes: call the fixture with the rows."""
    folder = tmp_path / "data"
    shutil.copytree(data_dir(), folder)

    def write(*rows: dict):
        with open(folder / "documents.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, COLUMNS)
            writer.writeheader()
            writer.writerows(rows)
        monkeypatch.setenv(DATA_DIR_ENV, str(folder))
        return folder

    return write


@pytest.fixture
def three_documents(own_data):
    own_data(_row(), _row(id="1949-09-24-test-resolution", date="1949-09-24", kind="resolution",
                          perspective="USSR", recipient=""),
             _row(id="1950-09-29-test-letter", date="1950-09-01", date_precision="month", kind="letter",
                  perspective="DPRK", author="Kim and Pak", recipient="Stalin"),
             _row(id="1990-09-30-test-communique", date="1990-09-30", lesson="5", perspective="ROK"))


def test_loader_filters_sorts_and_names_what_is_allowed(three_documents):
    war = documents(lesson=2)
    assert list(war["id"]) == ["1949-09-24-test-resolution", "1950-01-30-test-telegram", "1950-09-29-test-letter"]
    assert list(documents(lesson=2, perspective="DPRK")["id"]) == ["1950-09-29-test-letter"]
    assert documents(lesson=4).empty and len(documents()) == 4
    one = document("1950-01-30-test-telegram")
    assert type(one).__name__ == "Record" and one["event_ids"] and one["lesson"] == 2
    with pytest.raises(LessonInputError, match=r"lesson must be a period lesson, one of 1, 2, 3, 4, 5, 6; got 7\."):
        documents(lesson=7)
    with pytest.raises(LessonInputError, match=r"got '2' \(text\)\. Write the number without quotes"):
        documents(lesson="2")
    with pytest.raises(LessonInputError, match=r"got True"):
        documents(lesson=True)
    with pytest.raises(LessonInputError, match=r"Unknown perspective 'dprk'\. Did you mean 'DPRK'\?"):
        documents(perspective="dprk")
    with pytest.raises(LessonInputError, match=r"Unknown document '1950-01-30-test'\. Did you mean "
                                               r"'1950-01-30-test-telegram'\?"):
        document("1950-01-30-test")
    assert perspectives() == ["USSR", "RUS", "DPRK", "ROK", "PRC", "USA", "UN"]


def test_cards_show_metadata_summary_and_link(three_documents):
    cards = document_cards(lesson=2)
    assert len(cards._built) == 1, "only the card shown is built; the others when chosen"
    assert [c.document["id"] for c in cards.cards] == list(documents(lesson=2)["id"])
    html = cards.cards[2].header.value
    assert "Sep 1950" in html and "29 Sep" not in html, "a month-precision date is shown to the month"
    for text in ("Letter", "Kim and Pak → Stalin", "Voice: ", "(DPRK)", "Test Archive", "Original in Russian",
                 "Why it was written.", html_text(SUMMARY_NOTE)):
        assert text in html, text
    assert '<a href="https://example.org/document/1" target="_blank" rel="noopener noreferrer" style=' in html
    assert "search the archive for the title" in html, "a way back to the document if its page moves"
    # one card shown at a time; the chooser shows another, and the one left keeps its answers
    assert cards.shown.children == (cards.cards[0].widget,)
    cards.cards[0].boxes["sourcing"].value = "draft"
    cards.chooser.value = 2
    assert cards.shown.children == (cards.cards[2].widget,) and cards.current is cards.cards[2]
    cards.chooser.value = 0
    assert cards.current.boxes["sourcing"].value == "draft"
    assert "3 documents" in cards.widget.children[0].value and "2 voices" in cards.widget.children[0].value


def test_card_escapes_every_field_and_links_only_web_addresses(own_data):
    own_data(_row(title=HOSTILE, author=HOSTILE, archive=HOSTILE, summary=HOSTILE + " word" * 60, context=HOSTILE),
             _row(id="1950-02-01-test-bad-link", date="1950-02-01", url='javascript:alert(1)" onclick="x'))
    cards = document_cards(lesson=2)
    for card in cards.cards:
        assert "<script" not in card.header.value and "<img" not in card.header.value
    hostile = next(c for c in cards.cards if c.document["id"] == "1950-01-30-test-telegram").header.value
    # title, author, archive (metadata line and link), summary, context
    assert hostile.count("&lt;script&gt;") == 6
    assert '<span class="tex2jax_ignore">&#36;</span>3 loan' in hostile
    bad = next(c for c in cards.cards if c.document["id"] == "1950-02-01-test-bad-link").header.value
    assert "<a " not in bad and "No address of the original" in bad
    # the chooser's labels are text, set as data (ipywidgets shows them as text, never as HTML)
    assert any(HOSTILE in label for label, _ in cards.chooser.options)


def test_answer_boxes_keep_and_refill_their_text(three_documents, fresh_answers):
    cards = document_cards(lesson=2)
    card = cards.cards[1]
    assert [m for m, _ in MOVES] == list(card.boxes)
    assert all(box.description and box.rows == 3 and box.layout.width == "100%" for box in card.boxes.values())
    assert [box.description for box in card.boxes.values()] == [title for _, title in MOVES]
    card.button.click()
    assert "Nothing to keep yet" in card.feedback.value and store.history(2) == []
    card.boxes["sourcing"].value = "Stalin's telegram <b>to</b> his ambassador"
    card.boxes["close-reading"].value = "“Big matter”"
    card.button.click()
    assert "Kept: 2 of 4 answers" in card.feedback.value
    kept = store.history(2)
    assert [(r["item"], r["kind"], r["status"]) for r in kept] == [
        ("doc:1950-01-30-test-telegram:sourcing", "text", "written"),
        ("doc:1950-01-30-test-telegram:close-reading", "text", "written")]
    card.button.click()  # nothing changed: nothing more is kept
    assert len(store.history(2)) == 2 and "Kept already" in card.feedback.value
    card.boxes["sourcing"].value = ""  # an answer taken back is kept as taken back
    card.button.click()
    assert store.latest(2)["doc:1950-01-30-test-telegram:sourcing"]["answer"] == ""
    # after a restart: the same card made again shows the kept text; the others stay empty
    again = DocumentCards(2)
    assert again.cards[1].boxes["close-reading"].value == "“Big matter”"
    assert again.cards[1].boxes["sourcing"].value == "" and "Kept from before: 1" in again.cards[1].feedback.value
    assert all(box.value == "" for box in again.cards[0].boxes.values()) and again.cards[0].feedback.value == ""


def test_argument_box_counts_words_keeps_and_refills(fresh_answers):
    box = argument(lesson=3)
    assert box.question == load("lessons").set_index("number").loc[3, "central_question"]
    assert box.question in box.widget.children[0].value
    assert box.text.continuous_update and box.count.value == count_text("") == "0 words (aim for 150–250)"
    box.text.value = "Moscow  could not\nsteer Kim."
    assert box.count.value == "5 words (aim for 150–250)"
    box.button.click()
    record = store.latest(3)["argument:3"]
    assert (record["kind"], record["status"], record["answer"]) == ("text", "written", "Moscow  could not\nsteer Kim.")
    assert "It has 5 words; the task asks for 150–250." in box.feedback.value
    assert "argument:3:self-assessment" not in store.latest(3), "no ticks, no self-assessment kept"
    # one level per criterion: ticking another unticks the first
    box.ticks["claim"][2].value = True
    box.ticks["claim"][3].value = True
    box.ticks["sourcing"][1].value = True
    assert box.assessment() == {"claim": 3, "sourcing": 1}
    box.button.click()
    assert store.latest(3)["argument:3:self-assessment"]["answer"] == "claim: 3; sourcing: 1"
    assert len(store.history(3)) == 2, "the unchanged answer is not kept twice"
    again = ArgumentBox(3)
    assert again.text.value == "Moscow  could not\nsteer Kim." and again.assessment() == {"claim": 3, "sourcing": 1}
    assert again.count.value == "5 words (aim for 150–250)" and "Kept from before" in again.feedback.value
    assert read_assessment("claim: 9; evidence: 2") == {"evidence": 2}


def test_argument_box_escapes_and_refuses_bad_lessons(fresh_answers):
    box = argument(lesson=1)
    box.text.value = HOSTILE
    box.button.click()
    assert "<script" not in box.feedback.value and "<script" not in box.widget.children[0].value
    assert store.latest(1)["argument:1"]["answer"] == HOSTILE, "kept exactly as typed"
    for bad, message in [(0, "got 0"), (8, "got 8"), ("five", "got 'five' (text)"), (None, "got None")]:
        with pytest.raises(LessonInputError, match=re.escape(message)):
            argument(lesson=bad)
        with pytest.raises(LessonInputError, match="one of 1, 2, 3, 4, 5, 6"):
            document_cards(lesson=bad)


def test_rubric_has_four_criteria_at_four_levels_and_text_for_the_grader():
    table = rubric()
    assert len(table) == 16 and criteria() == ["claim", "evidence", "reasoning", "sourcing"]
    assert table.groupby("criterion")["level"].apply(sorted).map(list).tolist() == [[1, 2, 3, 4]] * 4
    text = rubric("argument:4")
    assert text.splitlines()[0] == "Claim" and text.count("\n  ") == 16
    for row in table.itertuples():
        assert f"  {row.level} {row.label}: {row.descriptor}" in text
    assert rubric("argument:4:self-assessment") == text
    assert rubric("4.1") is None and rubric("doc:1950-01-30-x:sourcing") is None and descriptors("4.1").empty
    with pytest.raises(LessonInputError, match="item must be text"):
        descriptors(4)
