"""Course-level helpers: the lesson list, sources sections, key terms, setup."""
import pytest

import lessons
from lessons.course import cited_ids, course_outline, notebook_path, sources_section
from lessons.errors import LessonInputError, friendly_errors
from lessons.glossary_terms import key_terms, lookup


def test_outline_lists_nine_lessons_each_with_its_notebook(root):
    outline = course_outline()
    assert list(outline["number"]) == list(range(9))
    assert all((root / "notebooks" / name).is_file() for name in outline["notebook"])
    assert outline.loc[2, "years"] == "1950–1953"


@pytest.mark.parametrize("bad", [9, -1, "1", None])
def test_unknown_lesson_number(bad):
    with pytest.raises(LessonInputError, match="Lessons are numbered 0 to 8"):
        notebook_path(bad)


def test_sources_section_collects_events_figures_and_datasets():
    events, figures, sources = cited_ids(8)
    assert "1948-ussr-dprk-relations" in events and figures and "cow-trade-4.0" in sources
    text = sources_section(lesson=8).data
    assert "Correlates of War Project Trade Data Set Codebook" in text
    assert text.startswith("<details><summary>") and text.rstrip().endswith("</details>"), "folded, to open"
    items = [line for line in text.splitlines() if line and not line.startswith((" ", "<"))]
    numbered = [int(line.split(".")[0]) for line in items]
    assert numbered == list(range(1, len(events) + len(figures) + len(sources) + 1))  # note n is item n
    assert all(f"(id `{item}`)" in text for item in events + figures + sources)
    with pytest.raises(LessonInputError, match="Unknown event ids"):
        sources_section(event_ids=["1948-no-such-event"])


def test_key_terms_and_lookup():
    terms = key_terms("juche", "kim-il-sung")
    html = terms._repr_html_()
    assert "김일성" in html and "Ким Ир Сен" in html and "juche" in repr(terms)
    assert '<span lang="ko">김일성</span>' in html and '<span lang="ru">Ким Ир Сен</span>' in html
    with pytest.raises(LessonInputError, match="Did you mean 'juche'"):
        key_terms("juch")
    assert lookup("Pyeongyang")["id"] == "pyongyang"
    with pytest.raises(LessonInputError, match="No glossary entry"):
        lookup("zzqx")


def test_setup_is_safe_to_run_twice(capsys):
    lessons.setup()
    lessons.setup()
    out = capsys.readouterr().out
    assert out.count("Ready.") == 2


def test_friendly_errors_installs_a_handler_in_ipython():
    class Shell:
        def set_custom_exc(self, types, handler):
            self.types, self.handler = types, handler

    shell = Shell()
    assert friendly_errors(shell) is True
    assert shell.types == (LessonInputError,)
    shown = []
    import IPython.display

    original = IPython.display.display
    IPython.display.display = lambda obj: shown.append(obj)
    try:
        shell.handler(shell, LessonInputError, LessonInputError("Years must lie between 1945 and 2025."), None)
    finally:
        IPython.display.display = original
    assert "Check your input" in shown[0].data and "1945 and 2025" in shown[0].data
