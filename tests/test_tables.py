"""Tables students see: formatted HTML (left-aligned, wrapped, full text, escaped, no empty header), still pandas."""
from __future__ import annotations

import re

import pandas as pd
import pytest

import lessons
from lessons.markup import html_text
from lessons.tables import Record, Table, table_html

EMPTY_HEADER = re.compile(r"<th[^>]*>\s*</th>")
CELL = re.compile(r"<(td|th)\b([^>]*)>")

# What the lessons show, as the notebooks call it (lesson 0 cells 5, 14, 16 and 20; lesson 8 cell 7).
SHOWN = {
    "course_outline": lambda: lessons.course_outline(),
    "event": lambda: lessons.event("1988-gorbachev-krasnoyarsk-speech")[
        ["when", "confidence", "confidence_note", "disagreement"]],
    "events": lambda: lessons.events(actor="ROK", years=(1988, 1991))[["when", "title", "relation"]],
    "all events": lambda: lessons.events(period="war"),
    "figures": lambda: lessons.figures(topic="soviet-dprk-trade", measure="total-trade")[
        ["year_start", "year_end", "as_stated", "unit", "reference"]],
    "glossary": lambda: lessons.glossary("treaty"),
    "key_terms": lambda: lessons.key_terms("kim-il-sung", "syngman-rhee", "joseph-stalin", "38th-parallel", "veto"),
    "claims": lambda: lessons.claims(),
    "find_evidence": lambda: lessons.find_evidence("treaty 1961"),
}


def visible_text(html: str) -> str:
    """The text a reader sees, with the no-maths spans turned back into dollars."""
    html = html.replace('<span class="tex2jax_ignore">&#36;</span>', "$")
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.parametrize("name", SHOWN)
def test_shown_tables_are_readable_html(name):
    html = SHOWN[name]()._repr_html_()
    assert not EMPTY_HEADER.search(html), "an empty header cell (axe: empty-table-header)"
    cells = CELL.findall(html)
    assert cells and all("text-align:left" in attrs and "white-space:normal" in attrs for _, attrs in cells)
    assert "…" not in visible_text(html)  # nothing cut short (no source text uses "…")
    assert not re.search(r"<th[^>]*>[^<]*_[^<]*</th>", html), "a raw column name as a header"
    assert "$" not in re.sub(r"<[^>]+>", "", html), "an unescaped dollar (read as maths)"


def test_event_shows_the_whole_disagreement():
    ev = lessons.event("1988-gorbachev-krasnoyarsk-speech")
    html = ev[["when", "disagreement"]]._repr_html_()
    assert len(ev["disagreement"]) > 100
    assert html_text(ev["disagreement"]) in html
    assert "Where sources disagree" in html and 'scope="row"' in html


def test_every_title_is_shown_in_full():
    table = lessons.events(period="war")
    html = table._repr_html_()
    for title in table["title"]:
        assert html_text(title) in html


def test_outline_has_no_ready_column_and_word_headers():
    outline = lessons.course_outline()
    html = outline._repr_html_()
    assert "ready" not in outline.columns and "Ready" not in html
    headers = re.findall(r"<th[^>]*>([^<]*)</th>", html)
    assert headers == ["Lesson", "Title", "Years", "Summary", "Notebook"]


def test_lesson_8_figures_are_grouped_by_unit_and_sorted():
    rows = lessons.figures(topic="soviet-dprk-trade", measure="total-trade")
    units = rows["unit"].tolist()
    assert units == sorted(units, key=units.index), "one block per unit"
    for _, part in rows.groupby("unit"):
        assert part["year_start"].is_monotonic_increasing
    html = rows[["year_start", "year_end", "as_stated", "unit", "reference"]]._repr_html_()
    roubles, dollars = html.index("Unit: million roubles"), html.index("Unit: million US")
    assert roubles < dollars and html.count('scope="rowgroup"') == 2
    assert html.index("2020") > dollars  # the 2020 US$ row sits under its own unit
    assert set(lessons.figures(topic="soviet-dprk-trade", unit="million US$")["unit"]) == {"million US$"}


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "$x$ and US$3", "<img src=x onerror=alert(1)>"])
def test_every_cell_and_header_is_escaped(text):
    table = Table({"title": [text], text: ["plain"]})
    html = table._repr_html_()
    assert "<script>" not in html and "<img" not in html
    assert "$" not in re.sub(r"<[^>]+>", "", html)
    assert visible_text(html).count(html_text(text).replace('<span class="tex2jax_ignore">&#36;</span>', "$")) == 2
    series_html = Record({"disagreement": text})._repr_html_()
    assert "<script>" not in series_html and "<img" not in series_html
    assert "$" not in re.sub(r"<[^>]+>", "", series_html)


def test_key_terms_escape_and_keep_the_definition():
    terms = lessons.key_terms("juche", "veto")
    html = terms._repr_html_()
    for definition in terms.rows["definition"]:
        assert html_text(definition) in html
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html) == ["Term", "Korean", "Russian", "Definition"]


def test_tables_stay_pandas_objects_that_keep_their_display():
    table = lessons.events(period="war")
    assert isinstance(table, pd.DataFrame) and isinstance(table, Table)
    assert isinstance(table["title"], Record) and isinstance(table[["when", "title"]], Table)
    assert isinstance(table.iloc[0], Record) and isinstance(table.head(3), Table)
    assert isinstance(table[table["category"] == "military"], Table)
    assert table["title"].str.len().gt(0).all()
    ev = lessons.event("1948-ussr-dprk-relations")
    assert isinstance(ev, pd.Series) and isinstance(ev[["when", "title"]], Record)
    assert ev["when"] == "12 Oct 1948"


def test_long_tables_say_how_many_rows_they_hide():
    html = lessons.events()._repr_html_()
    total = len(lessons.events())
    assert total > 60 and f"Showing the first 20 of {total} rows" in html
    assert html.count("<tr>") == 1 + 20 + 1


def test_index_that_means_something_is_a_labelled_column():
    html = table_html(lessons.periods().set_index("id")[["label"]])
    assert '<th scope="col"' in html and re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html) == ["ID", "Label"]
    assert '<th scope="row"' in html and ">war</th>" in html
