"""The course as a whole: its lessons, and the sources section every lesson ends with.

>>> outline = course_outline()
>>> outline.loc[0, "title"]
'Start here'
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

from .chronology import events
from .citations import sources_for
from .data import data_dir, load, table_names
from .errors import LessonInputError
from .notes import cited, entry, known_ids, md_citation, number_notes
from .tables import as_table

__all__ = ["course_outline", "sources_section", "cited_ids", "notebook_path", "markdown_cells"]


def course_outline() -> pd.DataFrame:
    """Every lesson with its number, title, years, summary and notebook file.

    Shown in Jupyter as a readable table (see :mod:`lessons.tables`): headers in words,
    text in full, left-aligned.

    >>> outline = course_outline()
    >>> list(outline.columns)
    ['number', 'title', 'years', 'summary', 'notebook']
    >>> "Lesson" in outline._repr_html_() and "ready" not in outline._repr_html_()
    True
    """
    # Imported here: the rest of this module is edited by others, and only this function uses it.
    table = load("lessons")
    labels = load("periods").set_index("id")["label"]
    table["years"] = table["period"].map(labels).fillna("")
    # Whether each notebook exists is the test suite's concern (tests/test_notebooks.py), not the students'.
    return as_table(table[["number", "title", "years", "summary", "notebook"]].reset_index(drop=True))


def notebook_path(lesson: int) -> Path:
    """The notebook file of lesson ``lesson`` (0-8).

    >>> notebook_path(0).name
    '00-start-here.ipynb'
    """
    table = load("lessons")
    if isinstance(lesson, bool) or not isinstance(lesson, (int, np.integer)) or lesson not in set(table["number"]):
        raise LessonInputError(f"Lessons are numbered {table['number'].min()} to {table['number'].max()}; "
                               f"got {lesson!r}.")
    return data_dir().parent / "notebooks" / table.loc[table["number"] == lesson, "notebook"].iloc[0]


def markdown_cells(lesson: int) -> list[str]:
    """The Markdown cells of lesson ``lesson``'s notebook, as text, in order.

    >>> markdown_cells(0)[0].startswith("# Moscow and the Two Koreas")
    True
    """
    cells = json.loads(notebook_path(lesson).read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def cited_ids(lesson: int) -> tuple[list[str], list[str], list[str]]:
    """Event, figure and source ids that lesson ``lesson``'s notes cite, in order.

    >>> events_cited, figures_cited, sources_cited = cited_ids(0)
    >>> "1948-ussr-dprk-relations" in events_cited
    True
    """
    ids = cited(number_notes(markdown_cells(lesson), known_ids()))
    event_ids = set(load("events")["id"])
    figure_ids = set(load("figures")["id"]) if "figures" in table_names() else set()
    source_ids = set(load("sources")["id"])
    return ([t for t in ids if t in event_ids], [t for t in ids if t in figure_ids],
            [t for t in ids if t in source_ids])


def sources_section(period: str | None = None, event_ids: list[str] | None = None, lesson: int | None = None):
    """Markdown list of the full citations behind a lesson, a period or a list of events.

    ``lesson=N`` lists the lesson's numbered notes in order: each note's event, figure or
    dataset, its id, and every source it rests on, so note [3] in the text is item 3 here.

    >>> text = sources_section(period="war").data
    >>> text.startswith("1. ")
    True
    >>> sources_section(lesson=2).data.startswith("<details><summary>")
    True
    """
    from IPython.display import Markdown

    if lesson is not None:
        ids = cited(number_notes(markdown_cells(lesson), known_ids()))
        notes = "\n".join(f"{n}. {entry(item)}" for n, item in enumerate(ids, 1))
        # Folded: the list runs to several screens, and a student opens it when a note sends them here
        # (handouts print it open). Blank lines around the list keep it Markdown inside the HTML block.
        return Markdown(f"<details><summary><b>Show the {len(ids)} notes and their sources</b></summary>\n\n"
                        f"{notes}\n\n</details>")
    if event_ids is not None:
        table = events()
        unknown_ids = sorted(set(event_ids) - set(table["id"]))
        if unknown_ids:
            raise LessonInputError(f"Unknown event ids: {unknown_ids}.")
        table = table[table["id"].isin(event_ids)]
    else:
        table = events(period=period)
    cited_sources = sources_for(table)
    return Markdown("\n".join(f"{i}. {md_citation(c)}" for i, c in enumerate(cited_sources["citation"], 1)))
