"""Citations are complete, traceable and fail clearly."""
import pandas as pd
import pytest

from lessons.chronology import events
from lessons.citations import cite, short_cite, sources_for
from lessons.data import load
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
        assert (str(src.year) if src.year is not pd.NA else "n.d.") in text or src.date is not pd.NaT
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
