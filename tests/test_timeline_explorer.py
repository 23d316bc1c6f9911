"""The explorer redraws on every change; tests drive its controls as a student would."""
import pytest

from lessons.chronology import events
from lessons.widgets.timeline_explorer import ANY, TimelineExplorer


@pytest.fixture
def explorer():
    return TimelineExplorer()


def test_starts_with_every_event_listed(explorer):
    assert len(explorer.matches) == len(events())
    assert f"{len(events())} events" in explorer.count.value
    assert 'src="data:image/png;base64,iVBOR' in explorer.chart.value  # a PNG, with alt text
    assert 'alt="Timeline of' in explorer.chart.value


def test_moving_the_slider_redraws_chart_and_list(explorer):
    before_png, before_list = explorer.chart.value, explorer.listing.value
    explorer.years.value = (1950, 1953)
    assert explorer.chart.value != before_png
    assert explorer.listing.value != before_list
    expected = events(years=(1950, 1953))
    assert len(explorer.matches) == len(expected)
    assert f"{len(expected)} events</b> from 1950 to 1953" in explorer.count.value
    for ev in expected.itertuples():
        assert ev.when in explorer.listing.value


def test_actor_and_category_filters(explorer):
    explorer.actor.value = "ROK"
    assert explorer.matches["actors"].map(lambda a: "ROK" in a).all()
    explorer.category.value = "economic"
    assert (explorer.matches["category"] == "economic").all()
    assert len(explorer.matches) == len(events(actor="ROK", category="economic"))
    explorer.actor.value = ANY
    explorer.category.value = ANY
    assert len(explorer.matches) == len(events())


def test_listing_shows_dates_ids_and_sources(explorer):
    explorer.years.value = (1983, 1983)
    kal = events(years=(1983, 1983), keyword="KAL")
    assert not kal.empty
    for ev in kal.itertuples():
        assert ev.id in explorer.listing.value
    assert "<table" in explorer.listing.value and "Sources" in explorer.listing.value


def test_no_match_says_what_to_try(explorer):
    explorer.actor.value = "UK"
    explorer.years.value = (2020, 2025)
    assert explorer.matches.empty
    assert "0 events" in explorer.count.value and "try wider years" in explorer.count.value
    assert explorer.listing.value == ""


def test_widget_bundle_is_a_widget_view(explorer):
    bundle = explorer._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
