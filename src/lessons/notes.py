"""Numbered notes: how lesson text cites its evidence without ids in the sentences.

A lesson's Markdown cites an event, a figure or a source with a numbered note that links
to the lesson's Sources section and keeps the id in the link's title::

    Kim pressed Stalin again [[1]](#Sources "1950-kim-presses-stalin-shtykov-report").

It reads as "… again [1]." (a screen reader says "link, 1"), the id shows on hover, and
:func:`entry` gives the Sources section's text for each note: what the note points to,
its id, and every source in full. Notes are numbered by first appearance in the lesson;
:func:`number_notes` (re)numbers them and turns older `backticked-id` citations into notes.

>>> cells = ['Invaded (`1950-kpa-invades-south`); armistice [[9]](#Sources "1953-armistice-panmunjom").']
>>> numbered = number_notes(cells, {"1950-kpa-invades-south", "1953-armistice-panmunjom"})
>>> numbered[0]
'Invaded [[1]](#Sources "1950-kpa-invades-south"); armistice [[2]](#Sources "1953-armistice-panmunjom").'
>>> cited(numbered)
['1950-kpa-invades-south', '1953-armistice-panmunjom']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .chronology import event
from .citations import cite, short_cite
from .data import load
from .markup import md_text

__all__ = ["NOTE", "cited", "number_notes", "entry", "known_ids", "md_citation", "evidence_line"]

NOTE = re.compile(r'\[\[(\d+)\]\]\(#Sources "([^"]+)"\)')
# A citation in parentheses made only of ids and joining words: "(`a`; figures `b`, `c`)".
_CITATION = r'(?:`[a-z0-9][a-z0-9.-]+`|\[\[\d+\]\]\(#Sources "[^"]+"\))'
_GROUP = re.compile(rf"\s*\((?:(?:\s*(?:figures?|see|and|also|[;,]))*\s*{_CITATION})+\s*\)")
_TICKED = re.compile(r"`([a-z0-9][a-z0-9.-]+)`")


def known_ids() -> set[str]:
    """Every id a note can point to: events, figures and sources (datasets are cited by source id)."""
    return set(load("events")["id"]) | set(load("figures")["id"]) | set(load("sources")["id"])


def cited(cells: Iterable[str]) -> list[str]:
    """The ids the notes in ``cells`` point to, in order of first appearance."""
    return list(dict.fromkeys(m[2] for text in cells for m in NOTE.finditer(text)))


def _note(item_id: str, number: int = 0) -> str:
    return f'[[{number}]](#Sources "{item_id}")'


def number_notes(cells: list[str], ids: set[str]) -> list[str]:
    """Turn backticked ids from ``ids`` into notes and number every note by first appearance.

    >>> number_notes(["*Figures:* `x1`, `x2`.", "Again (`x2`; figures `x3`)."], {"x1", "x2", "x3"})
    ['*Figures:* [[1]](#Sources "x1"), [[2]](#Sources "x2").', 'Again [[2]](#Sources "x2")[[3]](#Sources "x3").']
    """
    def group(match: re.Match) -> str:
        found = [m[1] or m[2] for m in re.finditer(r'`([a-z0-9][a-z0-9.-]+)`|\(#Sources "([^"]+)"\)', match[0])]
        if not set(found) <= ids:
            return match[0]
        return " " + "".join(_note(i) for i in found)

    converted = []
    for text in cells:
        text = _GROUP.sub(group, text)
        text = _TICKED.sub(lambda m: _note(m[1]) if m[1] in ids else m[0], text)
        converted.append(text)
    numbers = {item: n for n, item in enumerate(cited(converted), 1)}
    return [NOTE.sub(lambda m: _note(m[2], numbers[m[2]]), text) for text in converted]


def _years(row) -> str:
    """A figure's years: one year, or first–last.

    >>> _years({"year_start": 1990, "year_end": 1990}), _years({"year_start": 1946, "year_end": 1984})
    ('1990', '1946–1984')
    """
    if row["year_start"] == row["year_end"]:
        return str(row["year_start"])
    return f"{row['year_start']}–{row['year_end']}"


def entry(item_id: str) -> str:
    """The Sources-section text of one note, as Markdown: what it points to, its id, its sources.

    >>> print(entry("1948-ussr-dprk-relations").splitlines()[0])
    **12 Oct 1948: USSR establishes diplomatic relations with the DPRK.** (id `1948-ussr-dprk-relations`)
    """
    figures = load("figures").set_index("id")
    if item_id in figures.index:
        row = figures.loc[item_id]
        years = _years(row)
        head = f"{row['subject']}, {years}: {row['as_stated']}"
        sources = [str(cite(row["source_id"]))]
    elif item_id in set(load("sources")["id"]):
        head, sources = "Dataset or publication", [str(cite(item_id))]
    else:
        ev = event(item_id)
        head = f"{ev['when']}: {ev['title']}"
        sources = [str(cite(s)) for s in ev["source_ids"]]
    head = head if head.endswith((".", "?", "!")) else head + "."
    # Ids are made of a-z, 0-9, "." and "-" only (the data package's pattern): safe in a code span.
    return "\n".join([f"**{md_text(head)}** (id `{item_id}`)", *(f"   - {md_citation(s)}" for s in sources)])


def md_citation(text: str) -> str:
    """A full citation as Markdown: its words escaped, its web address a working link.

    >>> md_citation("A. Author. *Title*. 2001. https://example.org/a_b")
    'A. Author. \\\\*Title\\\\*. 2001. <https://example.org/a_b>'
    """
    match = re.search(r"\s(https?://\S+)$", text)
    if not match:
        return md_text(text)
    return f"{md_text(text[:match.start()])} <{match[1]}>"


def evidence_line(item_id: str, dated: bool = True) -> str:
    """One line of feedback pointing to an event, a figure or a source, and how to see its sources.

    ``dated=False`` keeps back an event's date and the short references (which can carry
    a document's date), for feedback on a date question not yet answered.

    >>> evidence_line("1948-ussr-dprk-relations", dated=False)
    'Evidence: USSR establishes diplomatic relations with the DPRK (sources: lessons.cite("1948-ussr-dprk-relations"))'
    >>> evidence_line("cow-trade-4.0")
    'Evidence: Barbieri and Keshk (2016) (lessons.cite("cow-trade-4.0"))'
    """
    figures = load("figures").set_index("id")
    if item_id in figures.index:
        row = figures.loc[item_id]
        years = _years(row)
        return (f"Evidence: {row['subject']}, {years}: {row['as_stated']} [{short_cite(row['source_id'])}] "
                f'(lessons.cite("{row["source_id"]}"))')
    if item_id in set(load("sources")["id"]):
        return f'Evidence: {short_cite(item_id)} (lessons.cite("{item_id}"))'
    ev = event(item_id)
    when = f"{ev['when']}: " if dated else ""
    sources = " [" + "; ".join(short_cite(s) for s in ev["source_ids"]) + "]" if dated else ""
    return f'Evidence: {when}{ev["title"]}{sources} (sources: lessons.cite("{item_id}"))'
