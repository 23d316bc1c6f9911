"""Every public name of ``lessons`` keeps working however often, and in whatever order, it is used.

A submodule named like a public function (``lessons/figures.py`` beside ``lessons.figures()``)
replaces the function on first import: the second call then fails with "'module' object is
not callable". These tests would catch that.
"""
from __future__ import annotations

import json
import pkgutil
import subprocess
import sys

import lessons

# One ordinary call per public name (the arguments a lesson uses); the test calls each twice.
CALLS = {
    "Chart": None, "LessonInputError": None,  # classes, not functions a student calls
    "TimelineExplorer": "()", "actors": "()", "aid_chart": "()", "air_war_chart": "()",
    "categories": "()", "check": "('0.1', 'a')", "cite": "('oberdorfer-carlin-2014')",
    "claim_checker": "()", "claims": "()", "claims_chart": "()", "course_outline": "()",
    "data_dir": "()", "diplomatic_chart": "()", "division_map": "()",
    "event": "('1948-ussr-dprk-relations')", "events": "(period='war')", "evidence_finder": "('Seoul')",
    "figures": "(topic='korean-war-air')", "find_evidence": "('Seoul')", "format_date": "('1950-06-25')",
    "format_span": "('1950-06-25', '1953-07-27')", "glossary": "('Stalin')", "glossary_explorer": "()",
    "hand_in": "(lesson=1, name='Ana')", "my_answers": "(1)",
    "judge": "('c01', 'false')", "key_terms": "('veto',)", "lanes_chart": "()", "load": "('events')",
    "overview_chart": "()",
    "loan_chart": "()", "lookup": "('Stalin')", "period_of": "('1950-06-25')", "periods": "()",
    "question": "('0.1')", "rivals_explorer": "()", "rok_russia_trade_chart": "()", "setup": "()",
    "short_cite": "('oberdorfer-carlin-2014')", "smoothing_chart": "()",
    "sources_for": "(lessons.events(period='war'))", "sources_section": "(lesson=2)",
    "swap_koreas": "('North Korea')", "table_names": "()", "term": "('veto')", "timeline_chart": "()",
    "timeline_explorer": "()", "trade_chart": "()", "trade_explorer": "()", "trade_pairs": "()",
    "trade_series": "()", "trade_turn_chart": "()", "war_phases": "()",
    "documents": "(lesson=2)", "document": "(lessons.documents()['id'].iloc[0])",
    "document_cards": "(lesson=2)", "argument": "(lesson=2)",
    "flawed_text": "()", "pattern_prediction": "()", "news_checker": "()", "trade_table": "(2014)",
    "check_computation": "('8.ratio', 67)",
}


def test_every_public_name_has_a_call_here():
    assert set(CALLS) == set(lessons.__all__), "add the new public name to CALLS"


def test_no_public_name_is_also_a_submodule():
    submodules = {m.name for m in pkgutil.iter_modules(lessons.__path__)}
    assert not submodules & set(lessons.__all__)


def test_every_public_function_works_twice_in_a_fresh_process():
    """...and nothing a student runs imports an instructor tool (lessons.tools)."""
    # A fresh process: the bug shows only on the first import of each submodule.
    script = "\n".join(["import matplotlib; matplotlib.use('Agg')", "import lessons", "failed = []"] + [
        f"for _ in range(2):\n    try:\n        lessons.{name}{args}\n"
        f"    except Exception as e:\n        failed.append(('{name}', repr(e)))"
        for name, args in CALLS.items() if args is not None] + [
        "import sys, json",
        "failed += [('imports an instructor tool', m) for m in sys.modules if m.startswith('lessons.tools')]",
        "print(json.dumps(failed))"])
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_importing_every_submodule_reads_no_data(tmp_path):
    """No import-time side effects: with no data folder at all, every submodule still imports."""
    script = ("import importlib, pkgutil, lessons\n"
              "for m in pkgutil.walk_packages(lessons.__path__, 'lessons.'):\n"
              "    importlib.import_module(m.name)\n"
              "print('imported')")
    env = {**__import__("os").environ, "LESSONS_DATA_DIR": str(tmp_path / "no-such-folder"), "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300, env=env,
                            cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "imported", result.stderr[-2000:]
