"""The course glossary: people, places, organisations, treaties and concepts, with their
Korean (Hangul, Revised Romanization, McCune–Reischauer) and Russian forms.

>>> term("juche")["kind"]
'concept'
>>> lookup("Ким Ир Сен")["id"]
'kim-il-sung'
"""
from __future__ import annotations

import re

import pandas as pd

from .data import load
from .errors import LessonInputError, unknown
from .markup import html_text
from .tables import CELL_STYLE, HEAD_STYLE, TABLE_STYLE, Record, Table, as_record, as_table
from .validate import check_id, check_text, shown

__all__ = ["glossary", "term", "lookup", "key_terms", "FORMS"]

#: Columns a search looks in, so a student can type any form of a name.
FORMS = ["id", "term", "korean_hangul", "korean_rr", "korean_mr", "russian", "russian_translit"]


def glossary(search: str | None = None, kind: str | None = None) -> Table:
    """Glossary entries whose names (in any form) or definitions contain ``search``.

    ``search`` is text (every word must appear; blank text matches every entry); ``kind``
    one of the kinds in the glossary ('person', 'place', ...).

    >>> len(glossary("parallel")) >= 1
    True
    >>> glossary(kind="weapon")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown kind 'weapon'. Allowed: ...
    >>> glossary(["Stalin"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: search must be text, e.g. 'Stalin' or '김일성'; got ['Stalin'] (a list). Allowed: a
    str.
    """
    table = load("glossary")
    if kind is not None:
        check_id(kind, "kind", sorted(set(table["kind"])))
        table = table[table["kind"] == kind]
    if search is not None:
        check_text(search, "search", example="'Stalin' or '김일성'")
        words = search.casefold().split()
        text = table[[*FORMS, "definition"]].agg(" ".join, axis=1).str.casefold()
        for word in words:
            table = table[text.loc[table.index].str.contains(word, regex=False)]
    return as_table(table.sort_values("term", key=lambda c: c.str.casefold()).reset_index(drop=True))


def term(term_id: str) -> Record:
    """One entry by id.

    >>> term("juch")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown glossary term 'juch'. Did you mean 'juche'? ...
    >>> term(None)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: term_id must be text, e.g. 'juche'; got None. Allowed: a str.
    """
    check_text(term_id, "term_id", empty=False, example="'juche'")
    table = load("glossary")
    hit = table[table["id"] == term_id]
    if hit.empty:
        raise unknown("glossary term", term_id, table["id"])
    return as_record(hit.reset_index(drop=True).iloc[0])


def lookup(name: str) -> Record:
    """The entry one of whose names is ``name`` (any form, any case, any script).

    First an exact name ('Joseph Stalin', 'Сталин' in 'Иосиф Сталин' counts as a whole
    word), then a name containing the text. When several entries match, or the text
    occurs only in definitions, the error lists the candidates instead of picking one.

    >>> lookup("Сталин")["id"], lookup("Stalin")["id"]
    ('joseph-stalin', 'joseph-stalin')
    >>> lookup("")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: name must not be blank; got '' (text). Allowed: a str with at least one letter or
    digit.
    >>> lookup("Kim")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: 'Kim' names several glossary entries: ... Allowed: one of their ids, e.g.
    lessons.term('...').
    """
    check_text(name, "name", empty=False, example="'Stalin', '김일성' or 'Сталин'")
    table = load("glossary")
    wanted = name.strip().casefold()
    for column in FORMS:
        hit = table[table[column].str.casefold() == wanted]
        if not hit.empty:
            return as_record(hit.reset_index(drop=True).iloc[0])
    names = table[FORMS].agg(" | ".join, axis=1).str.casefold()
    whole = names.str.contains(rf"(?<!\w){re.escape(wanted)}(?!\w)", regex=True)
    for hits in (table[whole], table[names.str.contains(wanted, regex=False)]):
        if len(hits) == 1:
            return as_record(hits.reset_index(drop=True).iloc[0])
        if len(hits) > 1:
            listed = "; ".join(f"{t} ({i})" for t, i in zip(hits["term"], hits["id"], strict=True))
            raise LessonInputError(f"{name!r} names several glossary entries: {listed}. "
                                   f"Allowed: one of their ids, e.g. lessons.term({hits['id'].iloc[0]!r}).")
    mentioned = glossary(name)
    if len(mentioned):
        listed = "; ".join(f"{t} ({i})" for t, i in zip(mentioned["term"][:8], mentioned["id"][:8], strict=True))
        raise LessonInputError(f"No glossary entry is named {name!r}; it appears in the definitions of: {listed}. "
                               "Allowed: a name the glossary gives (English, Korean or Russian), or one of these ids.")
    raise LessonInputError(f"No glossary entry for {name!r}. Allowed: a name in any form the glossary gives "
                           "(English, Korean, Russian); try lessons.glossary_explorer() to search.")


def _forms_html(pairs: list[tuple[str, str]]) -> str:
    """Names in other languages, each marked with its language so screen readers and fonts get it right.

    >>> _forms_html([("김일성", "ko"), ("Kim Il-seong", "ko-Latn"), ("", "ko-Latn")])
    '<span lang="ko">김일성</span> · <span lang="ko-Latn">Kim Il-seong</span>'
    """
    return " · ".join(f'<span lang="{lang}">{html_text(text)}</span>' for text, lang in pairs if text)


def _row_html(row: pd.Series) -> str:
    korean = _forms_html([(row["korean_hangul"], "ko"), (row["korean_rr"], "ko-Latn"), (row["korean_mr"], "ko-Latn")])
    russian = _forms_html([(row["russian"], "ru"), (row["russian_translit"], "ru-Latn")])
    cell = f'<td style="{CELL_STYLE}">'
    return (f'<tr><th scope="row" style="{CELL_STYLE}"><b>{html_text(row["term"])}</b><br>'
            f'<small style="font-weight:normal">{html_text(row["kind"])}</small></th>'
            f"{cell}{korean}</td>{cell}{russian}</td>"
            f'<td style="{CELL_STYLE}min-width:16em;">{html_text(row["definition"])}</td></tr>')


def table_html(rows: pd.DataFrame) -> str:
    """Glossary rows as an HTML table (term, Korean, Russian, definition): left-aligned, wrapped, escaped.

    >>> html = table_html(pd.DataFrame([{"term": "<script>", "kind": "x", "korean_hangul": "", "korean_rr": "",
    ...     "korean_mr": "", "russian": "", "russian_translit": "", "definition": "costs $x$"}]))
    >>> import re
    >>> "<script>" in html, "&lt;script&gt;" in html, "$x$" in html, bool(re.search(r"<th[^>]*>\\s*</th>", html))
    (False, True, False, False)
    """
    body = "".join(_row_html(r) for _, r in rows.iterrows())
    head = "".join(f'<th scope="col" style="{HEAD_STYLE}">{h}</th>'
                   for h in ("Term", "Korean", "Russian", "Definition"))
    return (f'<table class="lessons-table" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


class KeyTerms:
    """The key terms of a lesson, shown as a table with their Korean and Russian forms."""

    def __init__(self, ids):
        self.rows = as_table(pd.DataFrame([term(i) for i in ids]).reset_index(drop=True))

    def _repr_html_(self) -> str:
        return table_html(self.rows)

    def __repr__(self) -> str:
        return "\n".join(f"{r['term']}: {r['definition']}" for _, r in self.rows.iterrows())


def key_terms(*ids: str) -> KeyTerms:
    """Show the glossary entries ``ids`` (a lesson's key terms); one list of ids works too.

    >>> "Juche" in repr(key_terms("juche")).title(), len(key_terms(["juche", "veto"]).rows)
    (True, 2)
    >>> key_terms()
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: key_terms needs at least one glossary id, e.g. key_terms('juche', 'veto'); got
    none. ...
    """
    if len(ids) == 1 and isinstance(ids[0], (list, tuple)):
        ids = tuple(ids[0])
    if not ids:
        raise LessonInputError("key_terms needs at least one glossary id, e.g. key_terms('juche', 'veto'); got none. "
                               "Allowed: ids from lessons.glossary()['id'].")
    for i, term_id in enumerate(ids):
        if not isinstance(term_id, str):
            raise LessonInputError(f"key_terms: id number {i + 1} must be text such as 'juche'; got {shown(term_id)}. "
                                   "Allowed: ids from lessons.glossary()['id'].")
    return KeyTerms(ids)
