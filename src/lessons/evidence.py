"""Find the events that bear on a question, from the words a student would type.

``find_evidence("recognition 1948")`` ranks events by how well they match: words in the
title count most, then the summary; a year counts when the event happened then; an
actor's name ("Soviet", "North Korea") counts when it took part; and a name typed in
any script the glossary knows (김일성, Ким Ир Сен) brings up that entry's events.

>>> find_evidence("KAL")["id"].iloc[0]
'1983-kal-007-shot-down'
>>> find_evidence("").empty
True
"""
from __future__ import annotations

import functools
import re

import pandas as pd

from .chronology import MOSCOW, events
from .citations import short_cite
from .data import data_dir, load
from .tables import Table, as_table
from .validate import check_limit, check_text

__all__ = ["find_evidence", "explain_no_match", "MAX_QUERY"]

MAX_QUERY = 200  # characters; a student pasting a whole paragraph gets the first part searched
STOP = frozenset("""a an and are as at be by did do does for from had has have he her his how in into is it its
of on or our she that the their them then there these they this to was were what when where which who why will
with would about after before between during over under than more most also not no yes""".split())
# A word a student types, and the words the chronology uses for the same thing (stems).
SYNONYMS = {
    "recogn": ("recogn", "relati"), "relati": ("relati", "recogn"), "loan": ("loan", "credit", "pledge"),
    "aid": ("aid", "loan", "credit", "help"), "help": ("help", "aid"), "allian": ("allian", "treaty", "mutual"),
    "friend": ("friend", "treaty", "allian"), "embass": ("embass", "ambass", "relati"),
    "ambass": ("ambass", "embass", "relati"), "war": ("war", "invade", "invasi", "armist"),
}
ACTOR_WORDS = {
    "soviet": "USSR", "ussr": "USSR", "moscow": "USSR", "kremlin": "USSR", "russia": "RUS", "russian": "RUS",
    "north": "DPRK", "dprk": "DPRK", "pyongyang": "DPRK", "south": "ROK", "rok": "ROK", "seoul": "ROK",
    "china": "PRC", "chinese": "PRC", "beijing": "PRC", "prc": "PRC", "american": "USA", "usa": "USA",
    "washington": "USA", "japan": "JPN", "japanese": "JPN", "un": "UN", "nations": "UN",
}


def _tokens(text: str) -> list[str]:
    return re.findall(r"[\w']+", text.casefold())


def _stem(word: str) -> str:
    """A crude stem, so that 'recognition' finds 'recognised' and 'treaties' finds 'treaty'.

    >>> _stem("recognition"), _stem("treaties"), _stem("KAL")
    ('recogn', 'treati', 'kal')
    """
    return word.casefold()[:6]


def _index() -> tuple[pd.DataFrame, dict[str, set[str]]]:
    return _index_for(data_dir())


@functools.cache
def _index_for(folder) -> tuple[pd.DataFrame, dict[str, set[str]]]:
    """Words of every event and names of every glossary entry, built once per data folder."""
    table = events()
    table["title_words"] = [set(map(_stem, _tokens(f"{i} {t}")))
                            for i, t in zip(table["id"], table["title"], strict=True)]
    table["body_words"] = [set(map(_stem, _tokens(f"{s} {d}")))
                           for s, d in zip(table["summary"], table["disagreement"], strict=True)]
    glossary = load("glossary")
    forms: dict[str, set[str]] = {}
    for row in glossary.itertuples():
        for form in (row.term, row.korean_hangul, row.korean_rr, row.korean_mr, row.russian, row.russian_translit):
            if not form:
                continue
            forms.setdefault(form.casefold(), set()).update(row.event_ids)
            for token in _tokens(form):  # "Сталин" should find "Иосиф Сталин"
                hangul = re.fullmatch(r"[\uac00-\ud7a3]{2,}", token)
                cyrillic = re.fullmatch(r"[\u0400-\u04ff]{3,}", token)
                if hangul or cyrillic:
                    forms.setdefault(token, set()).update(row.event_ids)
    return table, forms


def _glossary_hits(query: str, forms: dict[str, set[str]]) -> set[str]:
    """Event ids of glossary entries whose name (in any script) the query contains."""
    text = query.casefold()
    words = set(_tokens(query))
    hits: set[str] = set()
    for form, ids in forms.items():
        if form in words or (len(form) >= 4 and " " in form and re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text)):
            hits |= ids
    return hits


def find_evidence(query: str, limit: int = 8) -> Table:
    """Events ranked by how well they match ``query``, best first, with dates and sources.

    Columns: ``score``, ``when``, ``title``, ``id``, ``sources``; at most ``limit`` rows
    (a whole number, 0 or more). An empty table means nothing matched (blank text matches
    nothing); :func:`explain_no_match` says what to try. A query that is not text, or a bad
    ``limit``, raises :class:`~lessons.errors.LessonInputError`.

    >>> find_evidence("recognition 1948")["id"].tolist()[:2]
    ['1948-ussr-dprk-relations', '1948-unga-res-195']
    >>> len(find_evidence("treaty", limit=2))
    2
    >>> find_evidence(12345)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: query must be text, e.g. 'recognition 1948'; got 12345. Allowed: a str.
    >>> find_evidence("KAL", limit=-1)
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: limit must be a whole number of at least 0; got -1. Allowed: 0, 1, 2, ...
    """
    check_text(query, "query", example="'recognition 1948'")
    limit = check_limit(limit, "limit")
    empty = as_table(pd.DataFrame(columns=["score", "when", "title", "id", "sources"]))
    if not query.strip() or limit == 0:
        return empty
    query = query[:MAX_QUERY]
    table, forms = _index()
    words = [w for w in _tokens(query) if w not in STOP and not w.isdigit()]
    years = [int(y) for y in re.findall(r"\b(19[4-9]\d|20[0-2]\d)\b", query)]
    actors = {ACTOR_WORDS[w] for w in words if w in ACTOR_WORDS}
    if "USSR" in actors or "RUS" in actors:
        actors |= MOSCOW
    stems = [_stem(w) for w in words if w not in ACTOR_WORDS and len(w) >= 2]
    from_glossary = _glossary_hits(query, forms)
    # A name typed in Hangul or Cyrillic has only the glossary to go on; in English it is one clue among several.
    glossary_weight = 1.5 if stems else 4

    scores = []
    for ev in table.itertuples():
        score = 0.0
        for stem in stems:
            alternatives = SYNONYMS.get(stem, (stem,))
            if any(w.startswith(a) for a in alternatives for w in ev.title_words):
                score += 3
            elif any(w.startswith(a) for a in alternatives for w in ev.body_words):
                score += 1
        end_year = ev.end.year if pd.notna(ev.end) else ev.start.year
        score += sum(3 for y in years if ev.start.year <= y <= end_year)
        score += 1.5 * len(actors & set(ev.actors)) if (stems or years) else 2 * len(actors & set(ev.actors))
        score += glossary_weight if ev.id in from_glossary else 0
        scores.append(score)
    table = table.assign(score=scores)
    best = max(scores, default=0)
    if best < 1:
        return empty
    # Keep what comes near the best match, so a strong match is not drowned by weak ones.
    hits = table[table["score"] >= max(1, 0.3 * best)].sort_values(["score", "start"], ascending=[False, True])
    if hits.empty:
        return empty
    hits = hits.head(limit).copy()
    hits["sources"] = ["; ".join(short_cite(s) for s in ids) for ids in hits["source_ids"]]
    return as_table(hits[["score", "when", "title", "id", "sources"]].reset_index(drop=True))


def explain_no_match(query: object) -> str:
    """What to tell a student whose search found nothing.

    >>> explain_no_match("zzz")
    "Nothing in the chronology matches 'zzz'. Try a name (Stalin), a year (1948), a place (Hong Kong) or a topic
    (loan, treaty, trade)."
    """
    if not isinstance(query, str):
        return f"Type words to search for, not a {type(query).__name__}: for example 'recognition 1948'."
    if not query.strip():
        return "Type a word, a name or a year to search for, for example 'recognition 1948' or 'KAL'."
    shown = query if len(query) <= 40 else query[:40] + "…"
    return (f"Nothing in the chronology matches {shown!r}. Try a name (Stalin), a year (1948), a place "
            "(Hong Kong) or a topic (loan, treaty, trade).")
