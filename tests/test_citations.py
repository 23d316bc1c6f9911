"""Citations are complete, traceable and fail clearly."""
import pandas as pd
import pytest

from lessons.chronology import events
from lessons.citations import cite, short_cite, sources_for
from lessons.data import load
from lessons.dates import format_date
from lessons.errors import LessonInputError


def test_event_citation_lists_date_title_and_every_source():
    ev = events().iloc[0]
    text = cite(ev["id"])
    assert text.startswith(f"{ev['when']}: {ev['title']}")
    for i, source_id in enumerate(ev["source_ids"], 1):
        assert f"[{i}] {cite(source_id)}" in text


def test_every_source_formats_with_title_and_year():
    for src in load("sources").itertuples():
        text = cite(src.id)
        assert src.title.rstrip(".") in text
        # A dated source (a press report, a document) is cited to the day, else by its year, else "n.d."
        if pd.notna(src.date):
            when = format_date(src.date, "day")
            assert str(src.date.year) in when, (src.id, when)
        else:
            when = "n.d." if pd.isna(src.year) else str(src.year)
        assert when in text, (src.id, when, text)
        assert ("n.d." in text) == (when == "n.d."), (src.id, text)
        if src.url:
            assert text.endswith(src.url)
        assert short_cite(src.id)


def test_citation_renders_links_in_markdown():
    with_url = load("sources").query("url != ''").iloc[0]
    assert f"<{with_url['url']}>" in cite(with_url["id"])._repr_markdown_()


@pytest.mark.parametrize("bad", ["nothing-here", "", None, 42])
def test_bad_ids_explain_what_an_id_looks_like(bad):
    with pytest.raises(LessonInputError):
        cite(bad)


def test_sources_for_lists_each_source_once():
    table = sources_for(events(period="division"))
    assert table["id"].is_unique
    cited = {s for row in events(period="division")["source_ids"] for s in row}
    assert set(table["id"]) == cited
