"""The course glossary: people, places, organisations, treaties and concepts, with their
Korean (Hangul, Revised Romanization, McCune–Reischauer) and Russian forms.

>>> term("juche")["kind"]
'concept'
>>> lookup("Ким Ир Сен")["id"]
'kim-il-sung'
"""
from __future__ import annotations

import html

import pandas as pd

from .data import load
from .errors import LessonInputError, unknown

__all__ = ["glossary", "term", "lookup", "key_terms", "FORMS"]

#: Columns a search looks in, so a student can type any form of a name.
FORMS = ["id", "term", "korean_hangul", "korean_rr", "korean_mr", "russian", "russian_translit"]


def glossary(search: str | None = None, kind: str | None = None) -> pd.DataFrame:
    """Glossary entries whose names (in any form) or definitions contain ``search``.

    >>> len(glossary("parallel")) >= 1
    True
    >>> glossary(kind="weapon")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown kind 'weapon'. Allowed: ...
    """
    table = load("glossary")
    if kind is not None:
        kinds = sorted(set(table["kind"]))
        if kind not in kinds:
            raise unknown("kind", kind, kinds)
        table = table[table["kind"] == kind]
    if search is not None:
        if not isinstance(search, str):
            raise LessonInputError(f"Search with text, not {type(search).__name__}.")
        words = search.casefold().split()
        text = table[[*FORMS, "definition"]].agg(" ".join, axis=1).str.casefold()
        for word in words:
            table = table[text.loc[table.index].str.contains(word, regex=False)]
    return table.sort_values("term", key=lambda c: c.str.casefold()).reset_index(drop=True)


def term(term_id: str) -> pd.Series:
    """One entry by id.

    >>> term("juch")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown glossary term 'juch'. Did you mean 'juche'? ...
    """
    table = load("glossary")
    hit = table[table["id"] == term_id]
    if hit.empty:
        raise unknown("glossary term", term_id, table["id"])
    return hit.iloc[0]


def lookup(name: str) -> pd.Series:
    """The entry any of whose forms equals ``name`` (any case, any script)."""
    table = load("glossary")
    wanted = str(name).strip().casefold()
    for column in FORMS:
        hit = table[table[column].str.casefold() == wanted]
        if not hit.empty:
            return hit.iloc[0]
    matches = glossary(name) if isinstance(name, str) and name.strip() else table.iloc[0:0]
    if len(matches):
        return matches.iloc[0]
    raise LessonInputError(f"No glossary entry for {name!r}. Try lessons.glossary_explorer() to search.")


def _row_html(row: pd.Series) -> str:
    korean = " · ".join(x for x in (row["korean_hangul"], row["korean_rr"], row["korean_mr"]) if x)
    russian = " · ".join(x for x in (row["russian"], row["russian_translit"]) if x)
    return (f"<tr><td><b>{html.escape(row['term'])}</b><br><small>{html.escape(row['kind'])}</small></td>"
            f"<td>{html.escape(korean)}</td><td>{html.escape(russian)}</td>"
            f"<td>{html.escape(row['definition'])}</td></tr>")


def table_html(rows: pd.DataFrame) -> str:
    """Glossary rows as an HTML table (term, Korean, Russian, definition)."""
    body = "".join(_row_html(r) for _, r in rows.iterrows())
    return ("<table style='text-align:left'><thead><tr><th>Term</th><th>Korean</th><th>Russian</th>"
            f"<th>Definition</th></tr></thead><tbody>{body}</tbody></table>")


class KeyTerms:
    """The key terms of a lesson, shown as a table with their Korean and Russian forms."""

    def __init__(self, ids):
        self.rows = pd.DataFrame([term(i) for i in ids])

    def _repr_html_(self) -> str:
        return table_html(self.rows)

    def __repr__(self) -> str:
        return "\n".join(f"{r['term']}: {r['definition']}" for _, r in self.rows.iterrows())


def key_terms(*ids: str) -> KeyTerms:
    """Show the glossary entries ``ids`` (a lesson's key terms).

    >>> "Juche" in repr(key_terms("juche")).title()
    True
    """
    return KeyTerms(ids)
