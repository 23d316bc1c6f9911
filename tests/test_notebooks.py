"""Every lesson notebook is clean, short-celled and path-free, and runs from any folder.

nbval (in the same test run) executes each notebook cell by cell; the test below reads
the start-here lesson as the shared run executed it from a temporary working directory
(tests/lesson_runs.py, not executed again here) and checks what a student would see: no
errors, the chart with its alt text, the widgets.
"""
import re
from pathlib import Path

import nbformat
import pytest

from lessons.citations import cite
from lessons.course import course_outline
from lessons.glossary_terms import term
from lessons.markup import html_text

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_lesson_list_matches_the_notebooks_folder():
    names = {p.name for p in NOTEBOOKS}
    listed = set(course_outline()["notebook"])
    assert names <= listed, f"notebooks not in data/lessons.csv: {names - listed}"
    assert "00-start-here.ipynb" in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_clean_and_simple(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3", "a missing kernelspec opens a kernel dialog"
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert not cell.outputs and cell.execution_count is None, "commit notebooks without outputs"
        assert len(cell.source.splitlines()) <= 5, f"long code cell: {cell.source[:60]!r}"
        assert not re.search(r"""["'](\.{0,2}/|data/|[^"'\n]*\.(csv|json|geojson|ipynb)["'])""", cell.source), (
            f"file path in a notebook cell: {cell.source!r}; lessons finds its own data"
        )
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert "lessons.setup()" in first_code.source


def test_start_here_runs_from_another_folder_and_shows_chart_and_widget(lesson_runs):
    nb = lesson_runs[NOTEBOOKS[0]].executed
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert re.search(r"Course data found: \d+ events, \d+ sources\. Ready\.", text)
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert images and images[0].metadata["image/png"]["alt"].startswith("Timeline of")
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Text description" in html and "<figcaption>" in html and 'alt="Timeline of' in html
    widgets = [o for o in outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(widgets) == 3, "the timeline explorer, question 0.1 and the glossary search"
    markdown = "".join(o.get("data", {}).get("text/markdown", "") for o in outputs)
    # The lesson's cite() cell shows the event with every source, as the library formats it, links included.
    assert cite("1948-ussr-dprk-relations")._repr_markdown_() in markdown
    # Its key-terms table names each term the cell asks for.
    for entry in ("kim-il-sung", "syngman-rhee", "joseph-stalin", "38th-parallel", "veto"):
        assert f">{html_text(term(entry)['term'])}<" in html, entry
