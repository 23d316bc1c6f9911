"""Render every static chart the lessons show, and their explorers' first pictures, once, into the render cache.

Run by the set-up (``make``, Binder's ``postBuild``) and by hand with ``python -m lessons prerender``
(``--out DIR`` for another folder; a JupyterHub image should run it after installing the course).
Each lesson's code cells are read, never run: a cell that is one call of a chart function with
literal arguments (``lessons.trade_chart(pairs=[...], years=(1975, 1995))``) is called here with the
same arguments, so the key matches the one the lesson's kernel will compute
(:mod:`lessons.charts.render_cache`).

>>> calls = chart_calls('x = 1\\nlessons.division_map()\\nlessons.smoothing_chart("PRC–DPRK", years=(1991, 2000))')
>>> [(name, args, kwargs) for name, args, kwargs in calls]
[('division_map', (), {}), ('smoothing_chart', ('PRC–DPRK',), {'years': (1991, 2000)})]
"""
from __future__ import annotations

import ast
import json
import os
import re
from pathlib import Path

import lessons

from ..charts import render_cache
from ..course import notebook_path
from ..data import load
from ..widgets.first_picture import FIRST_PICTURE_EXPLORERS

__all__ = ["chart_calls", "lesson_chart_calls", "prerender"]


def chart_calls(source: str) -> list[tuple[str, tuple, dict]]:
    """Calls of ``lessons.<chart function>(...)`` (or of an explorer that keeps its first picture) with
    literal arguments, in order, from code."""
    calls = []
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return calls
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "lessons"
                and node.func.attr in (*lessons.CHART_FUNCTIONS, *FIRST_PICTURE_EXPLORERS)):
            try:
                args = tuple(ast.literal_eval(a) for a in node.args)
                kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg}
            except ValueError:
                continue  # not literal: it cannot be known before the lesson runs
            calls.append((node.func.attr, args, kwargs))
    return calls


def lesson_chart_calls() -> list[tuple[int, str, tuple, dict]]:
    """(lesson, function, args, kwargs) for every chart call in every lesson."""
    found = []
    for lesson in load("lessons")["number"]:
        cells = json.loads(notebook_path(int(lesson)).read_text(encoding="utf-8"))["cells"]
        for cell in cells:
            if cell["cell_type"] == "code":
                found += [(int(lesson), *call) for call in chart_calls("".join(cell["source"]))]
    return found


def prerender(out: str | os.PathLike | None = None) -> list[str]:
    """Render every lesson's charts into the render cache (into ``out`` if given); one line per chart.
    Then remove from that folder the images kept for older data or code, which nothing can ask for."""
    before = os.environ.get(render_cache.CACHE_ENV)
    if out is not None:
        os.environ[render_cache.CACHE_ENV] = str(Path(out).resolve())
    try:
        lines, keys = _render_all()
        folders = render_cache.cache_dirs()
        if folders and keys:
            lines += _prune(folders[0], keys)
    finally:
        if before is None:
            os.environ.pop(render_cache.CACHE_ENV, None)
        else:
            os.environ[render_cache.CACHE_ENV] = before
    return lines


def _render_all() -> tuple[list[str], set[str]]:
    lines, keys = [], set()
    for lesson, name, args, kwargs in lesson_chart_calls():
        if name in FIRST_PICTURE_EXPLORERS:
            explorer = getattr(lessons, name)(*args, **kwargs)  # draws its first picture, or finds it kept
            keys.add(explorer.first_picture_key())
            lines.append(f"lesson {lesson}: {name}'s first picture drawn or found kept")
            continue
        key = render_cache.call_key(name, args, kwargs)
        if key is None:
            lines.append(f"lesson {lesson}: {name} cannot be kept (arguments that are not plain values)")
            continue
        keys.add(key)
        had = render_cache.read(key) is not None
        getattr(lessons, name)(*args, **kwargs)
        where = next((str(d) for d in render_cache.cache_dirs() if (d / f"{key}.json").is_file()), None)
        state = "kept already" if had else ("rendered" if where else "rendered, but no folder could be written")
        lines.append(f"lesson {lesson}: {name} {state}{f' in {where}' if where and not had else ''}")
    return lines, keys - {None}


def _prune(folder: Path, keys: set[str]) -> list[str]:
    """Remove kept images whose key is none of ``keys`` (only files named as the cache names them)."""
    removed = 0
    for path in folder.glob("*.json"):
        if re.fullmatch(r"[0-9a-f]{64}", path.stem) and path.stem not in keys:
            try:
                path.unlink()
                removed += 1
            except OSError:
                continue
    return [f"removed {removed} image(s) kept for older data or code from {folder}"] if removed else []
