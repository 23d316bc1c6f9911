"""The hand-in record a notebook carries: build it, and check one that comes back.

The Hand in cell's output holds the payload under :data:`MIME`, so a saved or downloaded
``.ipynb`` carries the student's answers. Its ``digest`` is a SHA-256 of everything else:
it shows a payload edited by hand (a checksum anyone could recompute, not a signature;
the grader re-checks every answer anyway and never trusts a stored verdict).

>>> p = build(1, "Ana", [{"lesson": 1, "item": "1.1", "kind": "date", "answer": "1948",
...                       "status": "wrong", "try": 1, "time": "2026-12-04T10:00:00+00:00"}],
...           submission="s-1", hub_user="", when="2026-12-04T10:05:00+00:00")
>>> verify(p)
[]
>>> p["answers"][0]["answer"] = "12 Oct 1948"
>>> verify(p)
['its answers were edited after it was made (the checksum does not match)']
"""
from __future__ import annotations

import hashlib
import json

__all__ = ["MIME", "FORMAT", "VERSION", "COURSE", "build", "digest", "verify"]

MIME = "application/vnd.moscow-two-koreas.hand-in+json"
FORMAT = "moscow-two-koreas/hand-in"
VERSION = 1
COURSE = "moscow-and-the-two-koreas"
_FIELDS = {"format": str, "version": int, "course": str, "lesson": int, "student": str, "hub_user": str,
           "submission": str, "handed_in": str, "answers": list, "digest": str}
_ANSWER_FIELDS = {"lesson": int, "item": str, "kind": str, "status": str, "try": int, "time": str}


def digest(payload: dict) -> str:
    """The checksum of ``payload`` without its own ``digest`` field."""
    body = {k: v for k, v in payload.items() if k != "digest"}
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(lesson: int, student: str, records: list[dict], *, submission: str, hub_user: str, when: str) -> dict:
    """The payload for ``lesson``: every record, who handed in, and when."""
    payload = {"format": FORMAT, "version": VERSION, "course": COURSE, "lesson": int(lesson),
               "student": student, "hub_user": hub_user, "submission": submission, "handed_in": when,
               "answers": [{k: r[k] for k in (*_ANSWER_FIELDS, "answer") if k in r} for r in records]}
    payload["digest"] = digest(payload)
    return payload


def verify(payload: object) -> list[str]:
    """What is wrong with a payload that came back; an empty list if nothing.

    >>> verify("not a payload")
    ['it is not a hand-in record (a JSON object was expected)']
    >>> verify({"format": "something else"})
    ['it is not a hand-in record of this course (format is not moscow-two-koreas/hand-in)']
    """
    if not isinstance(payload, dict):
        return ["it is not a hand-in record (a JSON object was expected)"]
    if payload.get("format") != FORMAT or payload.get("course") != COURSE:
        return [f"it is not a hand-in record of this course (format is not {FORMAT})"]
    if payload.get("version") != VERSION:
        return [f"its version {payload.get('version')!r} is not {VERSION}"]
    problems = [f"its field {name!r} is missing or not {kind.__name__}"
                for name, kind in _FIELDS.items()
                if not isinstance(payload.get(name), kind) or isinstance(payload.get(name), bool)]
    for number, answer in enumerate(payload.get("answers") or [], start=1):
        if not isinstance(answer, dict) or any(not isinstance(answer.get(k), t) for k, t in _ANSWER_FIELDS.items()):
            problems.append(f"its answer {number} is not a complete answer record")
        elif not isinstance(answer.get("answer"), (str, int, float, list)):
            problems.append(f"its answer {number} holds no answer")
    if problems:
        return problems
    if payload["digest"] != digest(payload):
        return ["its answers were edited after it was made (the checksum does not match)"]
    return []
