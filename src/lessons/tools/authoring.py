r"""For authors: keep the lessons' Markdown in the course's house form (``python -m lessons notes``).

* Citations are numbered notes (see :mod:`lessons.notes`): a backticked id becomes a note,
  and notes are renumbered by first appearance.
* A dollar sign is written ``\\$``, the one form JupyterLab shows as a plain "$" (see
  :mod:`lessons.markup`); dollars inside `code` are left alone.

Only Markdown cells change; code cells and outputs are untouched. A test checks that the
lessons are already in this form, so running the command on them changes nothing.

>>> print(house_dollars(r"US$3 and US\$4 but `x = $y`"))
US\\$3 and US\\$4 but `x = $y`
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..course import notebook_path
from ..data import load
from ..markup import MD_DOLLAR
from ..notes import known_ids, number_notes

__all__ = ["house_dollars", "house_form", "normalise_lessons"]

_CODE_SPAN = re.compile(r"(`[^`]*`)")


def house_dollars(text: str) -> str:
    """Every dollar outside code spans written as ``\\$``, however it was escaped before."""
    parts = _CODE_SPAN.split(text)
    return "".join(p if p.startswith("`") else re.sub(r"\\*\$", lambda _: MD_DOLLAR, p) for p in parts)


def house_form(cells: list[str]) -> list[str]:
    """A lesson's Markdown cells with numbered notes and house dollars."""
    return number_notes([house_dollars(c) for c in cells], known_ids())


def normalise_lessons() -> list[Path]:
    """Rewrite every lesson whose Markdown is not in house form; return the files changed."""
    changed = []
    for number in load("lessons")["number"]:
        path = notebook_path(int(number))
        raw = path.read_text(encoding="utf-8")
        nb = json.loads(raw)
        markdown = [c for c in nb["cells"] if c["cell_type"] == "markdown"]
        new = house_form(["".join(c["source"]) for c in markdown])
        for cell, text in zip(markdown, new, strict=True):
            cell["source"] = text.splitlines(keepends=True)
        out = json.dumps(nb, indent=1, ensure_ascii=False) + "\n"
        if out != raw:
            path.write_text(out, encoding="utf-8")
            changed.append(path)
    return changed
