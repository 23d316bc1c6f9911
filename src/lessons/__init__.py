"""Helpers for the course *Moscow and the Two Koreas*.

Notebooks start with::

    import lessons
    lessons.setup()

and then call the functions below. Submodules load on first use, so
``import lessons`` itself is quick and changes nothing.

>>> import lessons
>>> sorted(lessons.__all__)[:3]
['Chart', 'LessonInputError', 'TimelineExplorer']
"""
from __future__ import annotations

import importlib

# Public name -> submodule that defines it. Looked up lazily by __getattr__.
_EXPORTS = {
    "LessonInputError": "errors",
    "load": "data", "table_names": "data", "data_dir": "data",
    "events": "chronology", "event": "chronology", "actors": "chronology",
    "categories": "chronology", "periods": "chronology", "period_of": "chronology",
    "cite": "citations", "short_cite": "citations", "sources_for": "citations",
    "format_date": "dates", "format_span": "dates",
    "Chart": "charts.chart", "timeline_chart": "charts.kept",
    "TimelineExplorer": "widgets.timeline_explorer", "timeline_explorer": "widgets.timeline_explorer",
    "course_outline": "course", "sources_section": "course",
    "lanes_chart": "charts.kept", "overview_chart": "charts.kept", "division_map": "charts.kept",
    "air_war_chart": "charts.kept", "aid_chart": "charts.kept",
    "figures": "stated_figures",
    "glossary": "glossary_terms", "term": "glossary_terms", "lookup": "glossary_terms", "key_terms": "glossary_terms",
    "glossary_explorer": "widgets.glossary_explorer",
    "question": "questions.widget", "check": "questions.check",
    "war_phases": "widgets.phase_stepper", "rivals_explorer": "widgets.rivals_explorer",
    "trade_series": "trade", "trade_pairs": "trade", "trade_chart": "charts.kept",
    "trade_explorer": "widgets.trade_explorer", "trade_turn_chart": "charts.kept",
    "loan_chart": "charts.kept", "rok_russia_trade_chart": "charts.kept",
    "find_evidence": "evidence", "evidence_finder": "widgets.claim_checker", "claim_checker": "widgets.claim_checker",
    "claims": "flawed_claims", "judge": "flawed_claims", "swap_koreas": "flawed_claims",
    "diplomatic_chart": "charts.kept", "smoothing_chart": "charts.kept",
    "claims_chart": "charts.kept",
    "hand_in": "answers.hand_in", "my_answers": "answers.hand_in",
    "documents": "primary_documents", "document": "primary_documents",
    "document_cards": "widgets.document_card", "argument": "widgets.argument_box",
    "flawed_text": "flawed_claims", "pattern_prediction": "widgets.prediction_box",
    "news_checker": "widgets.news_check", "trade_table": "computing", "check_computation": "computing",
}

__all__ = sorted([*_EXPORTS, "setup"])

# The one list to extend: a function exported from charts/ is a static chart, one from widgets/
# an explorer. The lesson-anatomy and browser tests read these, so they never need a list of their own.
CHART_FUNCTIONS = tuple(sorted(n for n, m in _EXPORTS.items() if m.startswith("charts.") and n[0].islower()))
EXPLORER_FUNCTIONS = tuple(sorted(n for n, m in _EXPORTS.items()
                                  if m.startswith("widgets.") and n[0].islower()))


def __getattr__(name: str):
    if name in _EXPORTS:
        module = importlib.import_module(f".{_EXPORTS[name]}", __name__)
        value = getattr(module, name)
        # Bind the name here, so that later lookups (and later submodule imports) cannot change it.
        globals()[name] = value
        return value
    raise AttributeError(f"module 'lessons' has no attribute {name!r}. Available: {', '.join(__all__)}")


def __dir__():
    return __all__


def setup() -> None:
    """Prepare a notebook: friendly error messages, and a check that the data is found.

    Safe to run any number of times.

    >>> setup()
    Course data found: ... events, ... sources. Ready.
    """
    from .chronology import events
    from .data import load
    from .errors import friendly_errors

    friendly_errors()
    print(f"Course data found: {len(events())} events, {len(load('sources'))} sources. Ready.")
