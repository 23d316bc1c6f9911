"""Lesson 0's overview: every event in its lane, one numbered turning point per period, and a key."""
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PathCollection
from matplotlib.text import Annotation

from lessons.charts.overview import overview_chart
from lessons.charts.timeline import decimal_year
from lessons.chronology import RELATIONS, events, periods, turning_points


@pytest.fixture(scope="module")
def chart():
    return overview_chart()


def numbers(chart):
    return [t for t in chart.figure.axes[0].texts if isinstance(t, Annotation) and t.get_text().isdigit()]


def test_each_period_has_one_turning_point_inside_it():
    marks = turning_points()
    table = periods().set_index("id")
    assert sorted(marks["period"]) == sorted(table.index)
    for mark in marks.itertuples():
        assert table.loc[mark.period, "start"] <= mark.start <= table.loc[mark.period, "end"], mark.id
        assert mark.lesson == table.loc[mark.period, "lesson"]


def test_numbers_sit_on_their_turning_points_in_date_order(chart):
    marks = turning_points()
    placed = [(int(t.get_text()), t.xy) for t in numbers(chart)]
    assert [n for n, _ in placed] == list(range(1, len(marks) + 1))
    for (_, (x, lane)), mark in zip(placed, marks.itertuples(), strict=True):
        assert x == pytest.approx(decimal_year(mark.start)) and lane == RELATIONS.index(mark.relation)
    assert marks["start"].is_monotonic_increasing


def test_the_key_names_every_turning_point_and_its_lesson(chart):
    key = next(t for t in chart.figure.axes[0].texts if t.get_text().startswith("Turning points"))
    lines = key.get_text().splitlines()[1:]
    for number, (line, mark) in enumerate(zip(lines, turning_points().itertuples(), strict=True), start=1):
        assert line.startswith(f"{number}  {mark.when} · {mark.title}") and line.endswith(f"(lesson {mark.lesson})")
        assert mark.title in chart.alt


def test_the_chart_shows_every_event_and_the_key_inside_the_image(chart):
    canvas = FigureCanvasAgg(chart.figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    image = chart.figure.bbox
    marks = [c for c in chart.figure.axes[0].collections if isinstance(c, PathCollection)]
    assert sum(len(c.get_offsets()) for c in marks) == len(events())
    for text in [*numbers(chart), next(t for t in chart.figure.axes[0].texts if t.get_text().startswith("Turning"))]:
        box = text.get_window_extent(renderer)
        assert image.x0 <= box.x0 and box.x1 <= image.x1 and image.y0 <= box.y0 and box.y1 <= image.y1, text



def test_a_dollar_in_a_turning_point_title_stays_text(monkeypatch):
    """Titles such as 'US$3 billion ... US$1.47 billion' must not be typeset as maths between the dollars."""
    import lessons.charts.overview as overview

    marks = turning_points().assign(title=lambda t: t["title"].where(t.index != 0, "Loan of US$3 bn, US$1.47 bn paid"))
    monkeypatch.setattr(overview, "turning_points", lambda: marks)
    chart = overview.overview_chart()
    key = next(t for t in chart.figure.axes[0].texts if t.get_text().startswith("Turning"))
    assert "US$3 bn, US$1.47 bn" in key.get_text() and not key.get_parse_math()
    FigureCanvasAgg(chart.figure).draw()  # with maths on, this text would fail to parse or lose its dollars
