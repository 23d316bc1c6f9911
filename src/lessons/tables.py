"""Tables students see: still pandas objects, shown as readable HTML.

Pandas' own notebook display right-aligns text, cuts long cells with "…", prints a
blank index corner (an empty header cell, which screen readers and axe flag) and
shows raw column names. :class:`Table` (a DataFrame) and :class:`Record` (a Series)
behave exactly like pandas objects in code (``lessons.events()["title"]`` works, and
slicing keeps the class), but show in Jupyter as left-aligned, wrapped HTML with the
full text of every cell, headers in words, and every cell escaped with
:func:`lessons.markup.html_text` (so ``<script>`` and ``$x$`` show as typed).

>>> table = Table({"id": ["a"], "year_start": [1950], "summary": ["<b>US$3</b> " + "word " * 30]})
>>> import re
>>> html = table._repr_html_()
>>> "<th" in html and not re.search(r"<th[^>]*>\\s*</th>", html), "…" in html, "&lt;b&gt;" in html, "From" in html
(True, False, True, True)
>>> type(table[["id"]]).__name__, type(table["id"]).__name__, type(table.iloc[0]).__name__
('Table', 'Record', 'Record')
"""
from __future__ import annotations

import math
import numbers

import numpy as np
import pandas as pd

from .markup import html_text

__all__ = ["Table", "Record", "as_table", "as_record", "table_html", "record_html", "label",
           "TABLE_STYLE", "CELL_STYLE", "HEAD_STYLE"]

#: Column names shown as words; any other name becomes "Like this" from like_this.
LABELS = {
    "id": "ID", "when": "When", "title": "Title", "summary": "Summary", "disagreement": "Where sources disagree",
    "confidence": "Confidence", "confidence_note": "Why this confidence", "source_ids": "Sources",
    "event_ids": "Events", "actors": "Actors", "relation": "Relation", "category": "Category",
    "period": "Period", "start": "Start", "end": "End", "precision": "Precision of start",
    "end_precision": "Precision of end", "year_start": "From", "year_end": "To", "as_stated": "As the source states it",
    "unit": "Unit", "value": "Value", "value_high": "Upper value", "reference": "Source", "source_id": "Source ID",
    "number": "Lesson", "years": "Years", "notebook": "Notebook", "korean_hangul": "Korean (Hangul)",
    "korean_rr": "Korean (Revised Romanization)", "korean_mr": "Korean (McCune–Reischauer)",
    "russian": "Russian", "russian_translit": "Russian (transliterated)", "term": "Term", "kind": "Kind",
    "definition": "Definition", "missing_report": "No report (COW shows 0)", "pair": "Pair", "year": "Year",
    "score": "Match score", "sources": "Sources", "citation": "Citation", "label": "Label", "lesson": "Lesson",
    "verdict": "Verdict", "claim": "Claim", "measure": "Measure", "topic": "Topic", "subject": "What is counted",
    "note": "Note",
}

# Inline styles, because JupyterLab's and nbconvert's table CSS right-align cells and class-based
# rules can be dropped from untrusted output; inline styles travel with the cell.
# Kept short: a table of every event has some 1,600 cells.
TABLE_STYLE = "max-width:100%;"
CELL_STYLE = "text-align:left;vertical-align:top;white-space:normal;overflow-wrap:break-word;"
HEAD_STYLE = CELL_STYLE + "font-weight:bold;"
# Long text wraps within a readable measure instead of shrinking to a sliver.
_LONG = 60
_LONG_STYLE = "min-width:14em;max-width:40em;"


def label(name: object) -> str:
    """A column name as words for a table header (never empty).

    >>> label("year_start"), label("confidence_note"), label("sources_cited"), label(None), label("")
    ('From', 'Why this confidence', 'Sources cited', 'Value', 'Value')
    """
    if name is None or (isinstance(name, str) and not name.strip()):
        return "Value"
    if name in LABELS:
        return LABELS[name]
    text = str(name).replace("_", " ").strip()
    return text[:1].upper() + text[1:]


def cell_text(value: object) -> str:
    """A cell's value as plain text, in full: dates without midnight, lists joined, blanks for missing.

    >>> cell_text(pd.Timestamp("1950-06-25")), cell_text(("a", "b")), cell_text(1500.0), cell_text(0.25)
    ('1950-06-25', 'a, b', '1500', '0.25')
    >>> cell_text(None), cell_text(float("nan")), cell_text(pd.NA), cell_text(True)
    ('', '', '', 'yes')
    """
    if isinstance(value, (list, tuple, set, frozenset, np.ndarray)):
        return ", ".join(cell_text(v) for v in value)
    if value is None or value is pd.NaT or value is pd.NA:
        return ""
    if isinstance(value, (bool, np.bool_)):
        return "yes" if value else "no"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else str(value)
    if isinstance(value, (numbers.Real, np.floating)) and not isinstance(value, (int, np.integer)):
        if math.isnan(value):
            return ""
        return str(int(value)) if float(value).is_integer() else f"{value:g}"
    return str(value)


def _cell(value: object, tag: str = "td", scope: str = "") -> str:
    text = cell_text(value)
    style = CELL_STYLE + (_LONG_STYLE if len(text) > _LONG else "")
    scope_attr = f' scope="{scope}"' if scope else ""
    return f'<{tag}{scope_attr} style="{style}">{html_text(text)}</{tag}>'


def _header(name: object, scope: str = "col") -> str:
    return f'<th scope="{scope}" style="{HEAD_STYLE}">{html_text(label(name))}</th>'


def _plain_index(index: pd.Index) -> bool:
    """Whether the index is just row numbers 0, 1, 2… (not worth a column)."""
    return isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1


def _shown_rows(total: int) -> int:
    """How many rows to show: all up to pandas' ``display.max_rows`` (60), else the first 20."""
    limit = pd.get_option("display.max_rows")
    return total if limit is None or total <= limit else min(20, limit)


def table_html(frame: pd.DataFrame, group_by: str | None = "unit") -> str:
    """A DataFrame as a left-aligned, wrapped HTML table with every cell in full and escaped.

    The row numbers are left out unless the index carries something (then it is the first
    column, headed by its name). Rows that change ``group_by`` (e.g. the unit) get a
    heading row, so dollars and roubles are never read as one series. A table longer than
    pandas' ``display.max_rows`` shows its first 20 rows and says how to see the rest
    (cells are never cut short).

    >>> print(table_html(pd.DataFrame({"unit": ["roubles", "roubles", "US$"], "value": [1, 2, 3]}))[:53])
    <table class="lessons-table" style="max-width:100%;">
    >>> table_html(pd.DataFrame({"unit": ["roubles", "US$"], "value": [1, 2]})).count('<tbody><tr><th scope="rowgroup"')
    2
    >>> import re
    >>> re.search(r"<th[^>]*>\\s*</th>", table_html(pd.DataFrame({"": [1]}).set_index(pd.Index(["a"]))))
    >>> long = table_html(pd.DataFrame({"n": range(100)}))
    >>> long.count("<tr>"), "Showing the first 20 of 100 rows" in long
    (22, True)
    """
    show_index = not _plain_index(frame.index)
    columns = list(frame.columns)
    head = ([_header(frame.index.name or "Row")] if show_index else []) + [_header(c) for c in columns]
    grouped = group_by in columns and frame[group_by].nunique(dropna=False) > 1
    width = len(head)
    rows, current = [], object()
    shown = _shown_rows(len(frame))
    for key, row in zip(frame.index[:shown], frame.iloc[:shown].itertuples(index=False, name=None), strict=True):
        if grouped:
            group = cell_text(row[columns.index(group_by)])  # text: a missing unit equals itself
            if group != current:
                current = group
                # Each unit is its own row group, headed by the unit.
                rows.append(("</tbody><tbody>" if rows else "")
                            + f'<tr><th scope="rowgroup" colspan="{width}" style="{HEAD_STYLE}">'
                            f"{html_text(label(group_by))}: {html_text(group or 'not given')}</th></tr>")
        cells = ([_cell(key, "th", "row")] if show_index else []) + [_cell(v) for v in row]
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows:
        rows.append(f'<tr><td colspan="{max(width, 1)}" style="{CELL_STYLE}">(no rows)</td></tr>')
    if shown < len(frame):
        rows.append(f'<tr><td colspan="{max(width, 1)}" style="{CELL_STYLE}">'
                    f"Showing the first {shown} of {len(frame)} rows. "
                    f"See others with .iloc, e.g. .iloc[{shown}:{2 * shown}], or narrow the question.</td></tr>")
    return (f'<table class="lessons-table" style="{TABLE_STYLE}"><thead><tr>{"".join(head)}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def record_html(series: pd.Series) -> str:
    """A Series as HTML: one event's fields (field, value), or one column's values.

    >>> html = record_html(pd.Series({"title": "A", "disagreement": "x " * 80}))
    >>> html.count("<tr>"), "…" in html, 'scope="row"' in html
    (3, False, True)
    """
    if _plain_index(series.index):
        return table_html(series.to_frame(name=label(series.name)))
    head = f"<tr>{_header('Field')}{_header('Value')}</tr>"
    rows = "".join(f"<tr>{_header(key, 'row')}{_cell(value)}</tr>" for key, value in series.items())
    return (f'<table class="lessons-table" style="{TABLE_STYLE}"><thead>{head}</thead>'
            f"<tbody>{rows}</tbody></table>")


class Record(pd.Series):
    """A pandas Series shown in Jupyter as a readable two-column table (see :func:`record_html`)."""

    @property
    def _constructor(self):
        return Record

    @property
    def _constructor_expanddim(self):
        return Table

    def _repr_html_(self) -> str:
        return record_html(self)


class Table(pd.DataFrame):
    """A pandas DataFrame shown in Jupyter as a readable HTML table (see :func:`table_html`)."""

    @property
    def _constructor(self):
        return Table

    @property
    def _constructor_sliced(self):
        return Record

    def _repr_html_(self) -> str:
        return table_html(self)


def as_table(frame: pd.DataFrame) -> Table:
    """``frame`` as a :class:`Table` (same data, same index).

    >>> type(as_table(pd.DataFrame({"a": [1]}))).__name__
    'Table'
    """
    return frame if isinstance(frame, Table) else Table(frame)


def as_record(series: pd.Series) -> Record:
    """``series`` as a :class:`Record`.

    >>> type(as_record(pd.Series({"a": 1}))).__name__
    'Record'
    """
    return series if isinstance(series, Record) else Record(series)
