"""The course as a whole: its lessons, and the sources section every lesson ends with.

>>> outline = course_outline()
>>> outline.loc[0, "title"]
'Start here'
"""
from __future__ import annotations

import pandas as pd

from .chronology import events
from .citations import sources_for
from .data import data_dir, load
from .errors import LessonInputError

__all__ = ["course_outline", "sources_section"]


def course_outline() -> pd.DataFrame:
    """Every lesson with its number, title, years and whether its notebook is ready.

    >>> bool(course_outline().loc[0, "ready"])
    True
    """
    table = load("lessons")
    labels = load("periods").set_index("id")["label"]
    table["years"] = table["period"].map(labels).fillna("")
    notebooks = data_dir().parent / "notebooks"
    table["ready"] = [(notebooks / name).is_file() for name in table["notebook"]]
    return table[["number", "title", "years", "summary", "notebook", "ready"]]


def sources_section(period: str | None = None, event_ids: list[str] | None = None):
    """Markdown list of the full citations behind a period's or a list of events.

    >>> text = sources_section(period="war").data
    >>> text.startswith("1. ")
    True
    """
    from IPython.display import Markdown

    if event_ids is not None:
        table = events()
        unknown_ids = sorted(set(event_ids) - set(table["id"]))
        if unknown_ids:
            raise LessonInputError(f"Unknown event ids: {unknown_ids}.")
        table = table[table["id"].isin(event_ids)]
    else:
        table = events(period=period)
    cited = sources_for(table)
    return Markdown("\n".join(f"{i}. {c}" for i, c in enumerate(cited["citation"], 1)))
