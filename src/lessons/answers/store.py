"""Every answer a student gives, kept on disk as it is given.

Answers go to ``$LESSONS_ANSWERS_DIR`` if it is set, else to
``~/.moscow-and-the-two-koreas/answers``: the student's home, which a Binder session or a
JupyterHub keeps across kernel restarts and page reloads, and which nbgitpuller never merges
into. Each lesson has one file, ``lesson-NN.jsonl``, written by appending one JSON record per
answer, so a crash can cost at most the answer being written (a torn last line is skipped).

>>> import os, tempfile
>>> os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp()
>>> record(1, "1.2", "choice", "b", "wrong")["try"]
1
>>> record(1, "1.2", "choice", "x", "invalid")["try"]  # an answer that cannot be read is kept, not counted
1
>>> record(1, "1.2", "choice", "c", "correct")["try"]
2
>>> latest(1)["1.2"]["answer"], wrong_tries(1, "1.2")
('c', 1)
"""
from __future__ import annotations

import json
import numbers
import os
import uuid
from datetime import UTC, datetime
from pathlib import Path

__all__ = ["answers_dir", "record", "history", "answer_text", "latest", "wrong_tries", "submission_id",
           "lesson_of"]

COUNTED = ("correct", "partial", "wrong", "written")  # an unreadable answer is not a try

# Records that could not be written (a read-only home): kept for this kernel, and said once.
_unsaved: list[dict] = []
_warned: set[str] = set()
_unsaved_id: list[str] = []


def answers_dir() -> Path:
    """The folder that holds this student's answers."""
    chosen = os.environ.get("LESSONS_ANSWERS_DIR", "").strip()
    return Path(chosen).expanduser() if chosen else Path.home() / ".moscow-and-the-two-koreas" / "answers"


def lesson_of(item: str) -> int:
    """The lesson of a question id ("2.3" -> 2).

    >>> lesson_of("2.3")
    2
    """
    return int(str(item).split(".")[0])


def _path(lesson: int) -> Path:
    return answers_dir() / f"lesson-{int(lesson):02d}.jsonl"


def plain(answer: object) -> object:
    """The answer as JSON can hold it, as typed: text, a number, or a list of letters.

    >>> import numpy as np
    >>> plain(np.int64(3)), plain(("b", "a")), plain(None), plain(2.5)
    (3, ['b', 'a'], '', 2.5)
    """
    if answer is None:
        return ""
    if isinstance(answer, bool):
        return str(answer)
    if isinstance(answer, numbers.Integral):
        return int(answer)
    if isinstance(answer, numbers.Real):
        return float(answer)
    if isinstance(answer, (list, tuple)):
        return [str(a) for a in answer]
    return str(answer)


def answer_text(answer: object) -> str:
    """A kept answer as one line of text: a list of letters joined with spaces.

    >>> answer_text(["b", "a", "c"]), answer_text(1948), answer_text("1950-06")
    ('b a c', '1948', '1950-06')
    """
    return " ".join(str(a) for a in answer) if isinstance(answer, list) else str(answer)


def history(lesson: int) -> list[dict]:
    """Every answer recorded for ``lesson``, oldest first."""
    records = []
    try:
        with open(_path(lesson), encoding="utf-8") as handle:
            for line in handle:
                try:
                    entry = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a line torn by a crash; the rest is still good
                if isinstance(entry, dict):
                    records.append(entry)
    except OSError:
        pass
    return records + [r for r in _unsaved if r["lesson"] == int(lesson) and r["dir"] == str(answers_dir())]


def _counted(records: list[dict], item: str) -> list[dict]:
    return [r for r in records if r.get("item") == item and r.get("status") in COUNTED]


def _ends_torn(handle) -> bool:
    """Whether a file open for binary reading ends in the middle of a line (a write cut short)."""
    size = handle.seek(0, os.SEEK_END)
    if size == 0:
        return False
    handle.seek(size - 1)
    return handle.read(1) != b"\n"


def record(lesson: int, item: str, kind: str, answer: object, status: str) -> dict:
    """Keep one answer and return its record (with ``try``: the how-manieth counted answer it is)."""
    counted = _counted(history(lesson), item)
    tries = len(counted) + (status in COUNTED)
    entry = {"lesson": int(lesson), "item": str(item), "kind": kind, "answer": plain(answer), "status": status,
             "try": tries, "time": datetime.now(UTC).isoformat(timespec="seconds")}
    path = _path(lesson)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a+b") as handle:
            torn = _ends_torn(handle)
            # after a torn line, start a new one: the torn line stays unreadable, this one does not
            handle.write((b"\n" if torn else b"") + (json.dumps(entry, ensure_ascii=False) + "\n").encode("utf-8"))
    except OSError as error:
        _unsaved.append({**entry, "dir": str(answers_dir())})
        if str(path) not in _warned:
            _warned.add(str(path))
            print(f"Your answers cannot be saved in {path.parent} ({error.strerror}); they are kept until the "
                  "kernel stops, and Hand in still works.")
    return entry


def latest(lesson: int) -> dict[str, dict]:
    """Each item's last answer that could be read (else its last answer), with the number of tries."""
    found: dict[str, dict] = {}
    for entry in history(lesson):
        item = entry.get("item")
        if item in found and entry.get("status") == "invalid" and found[item].get("status") != "invalid":
            continue
        found[item] = {k: v for k, v in entry.items() if k != "dir"}
    return found


def wrong_tries(lesson: int, item: str) -> int:
    """How many answers to ``item`` were not right (wrong, or right only as far as they went)."""
    return sum(r.get("status") in ("wrong", "partial") for r in history(lesson) if r.get("item") == item)


def submission_id() -> str:
    """A random id made once per answers folder: two hand-ins that share it came from one folder."""
    path = answers_dir() / "id"
    try:
        found = path.read_text(encoding="utf-8").strip()
        if found:
            return found
    except OSError:
        pass
    made = str(uuid.uuid4())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(made + "\n", encoding="utf-8")
    except OSError:
        _unsaved_id.append(made)
        return _unsaved_id[0]
    return made
