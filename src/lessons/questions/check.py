"""Check an answer and explain the result: why it is wrong, a hint, and where the evidence is.

``check`` never raises at a student: a misspelt question id, an empty answer or an
answer of the wrong type gets feedback with status ``"invalid"`` saying what to type.

>>> print(check("9.9", "a").message)
There is no question '9.9'. Questions are numbered lesson.question, e.g. '1.2'; ...
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ..answers import store
from ..glossary_terms import term
from ..markup import html_text, md_text
from ..notes import evidence_line
from .bank import Question, get, questions
from .parse import AnswerFormatError, parse_date, parse_letter, parse_letters, parse_number, parse_text

__all__ = ["Feedback", "check", "judge", "evidence_lines", "tries", "REVEAL_AFTER"]

# After this many wrong tries the feedback explains the answer with its evidence: a third
# guess teaches less than reading why (and "earlier"/"too high" alone invites halving).
# Tries are counted from the student's kept answers (lessons.answers.store), so a kernel
# restart neither forgets them nor starts the hints again.
REVEAL_AFTER = 2

# Plain symbols that common fonts carry (an emoji font is not everywhere, e.g. on school Linux machines).
ICONS = {"correct": "✓ Right.", "partial": "◐ Nearly.", "wrong": "✗ Not yet.", "invalid": "⚠ Check the format.",
         "written": "✎ Kept."}


@dataclass
class Feedback:
    """The result of checking one answer."""

    status: str  # correct | partial | wrong | invalid | written
    message: str
    hint: str = ""
    evidence: list[str] = field(default_factory=list)  # lines pointing to events and sources

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        parts = [f"{ICONS[self.status]} {self.message}"]
        if self.hint:
            parts.append(f"Hint: {self.hint}")
        parts += self.evidence
        return "\n".join(parts)

    def __repr__(self) -> str:
        return str(self)

    def html(self) -> str:
        """The feedback as HTML for a widget; every piece of text escaped.

        >>> print(Feedback("wrong", "<img src=x onerror=alert(1)>").html())
        <b>✗ Not yet.</b> &lt;img src=x onerror=alert(1)&gt;
        """
        lines = [f"<b>{ICONS[self.status]}</b> {html_text(self.message)}"]
        if self.hint:
            lines.append(f"<i>Hint:</i> {html_text(self.hint)}")
        lines += [html_text(line) for line in self.evidence]
        return "<br>".join(lines)

    def _repr_markdown_(self) -> str:
        """Markdown for ``lessons.check(...)`` in a cell; every piece of text escaped.

        >>> print(Feedback("wrong", "US$3 *x*")._repr_markdown_())
        **✗ Not yet.** US\\\\$3 \\*x\\*
        """
        lines = [f"**{ICONS[self.status]}** {md_text(self.message)}"]
        if self.hint:
            lines.append(f"*Hint:* {md_text(self.hint)}")
        lines += [md_text(line) for line in self.evidence]
        return "  \n".join(lines)


def evidence_lines(q: Question, reveal: bool) -> list[str]:
    """Point to the events, figures or sources behind a question; date them only once answered right
    (short references can carry a document's date, so they wait too)."""
    return [evidence_line(item, dated=reveal) for item in q.evidence]


def _judge(q: Question, answer: object) -> tuple[str, str]:
    """Return (status, message) for a readable answer; raise AnswerFormatError otherwise."""
    if q.kind == "written":
        parse_text(answer, q.min_words)
        return "written", f"Now compare your answer with this model answer: {q.explanation}"
    if q.kind == "choice":
        letter = parse_letter(answer, q.letters)
        return ("correct", q.explanation) if letter == q.answer else ("wrong", q.feedback[letter])
    if q.kind == "order":
        order = parse_letters(answer, q.letters)
        if order == q.answer:
            return "correct", q.explanation
        placed = sum(a == b for a, b in zip(order, q.answer, strict=True))
        rank = {k: i for i, k in enumerate(q.answer)}
        first, second = next((a, b) for a, b in pairwise(order) if rank[a] > rank[b])
        return "wrong", (f"{placed} of {len(order)} in the right place. ({first}) \"{q.options[first]}\" "
                         f"happened after ({second}) \"{q.options[second]}\", not before it.")
    if q.kind == "match":
        chosen = parse_letters(answer, q.letters)
        if chosen == q.answer:
            return "correct", q.explanation
        right = sum(a == b for a, b in zip(chosen, q.answer, strict=True))
        wrong_term = next(t for t, a, b in zip(q.items, chosen, q.answer, strict=True) if a != b)
        return "wrong", f"{right} of {len(chosen)} matched. Look again at \"{term(wrong_term)['term']}\"."
    if q.kind == "date":
        given, expected = parse_date(answer), q.answer
        if given.year != expected.year:
            direction = "earlier" if given.year > expected.year else "later"
            return "wrong", f"Not {given.year}: it happened {direction}."
        if given.month and expected.month and given.month != expected.month:
            direction = "earlier in the year" if given.month > expected.month else "later in the year"
            return "wrong", f"Right year, but not {given}: it happened {direction}."
        if given.day and expected.day and given.day != expected.day:
            return "wrong", f"Right month, but not {given}."
        if expected.precision != "year" and given.precision == "year" or (
                expected.precision == "day" and given.precision == "month"):
            return "partial", f"Right so far: the sources date it to the {expected.precision}. Can you be more precise?"
        return "correct", q.explanation
    low, high = q.answer
    value = parse_number(answer, q.unit)
    slack = q.tolerance * max(abs(low), abs(high))
    if low - slack <= value <= high + slack:
        return "correct", q.explanation
    return "wrong", f"{value:g} {q.unit} is too {'high' if value > high else 'low'}."


def tries(question_id: str) -> int:
    """How many wrong or nearly-right answers ``question_id`` has had (kept across kernel restarts).

    >>> tries("no-such-question")
    0
    """
    q = get(question_id)
    return store.wrong_tries(q.lesson, q.id) if q else 0


def judge(question_id: object, answer: object) -> tuple[str, str]:
    """Judge ``answer`` to ``question_id`` without keeping it: ``(status, message)``.

    For the grader, which re-checks handed-in answers: nothing is recorded or counted.
    An unknown question or an unreadable answer is ``("invalid", why)``.

    >>> judge("1.1", "1900")
    ('wrong', 'Not 1900: it happened later.')
    >>> judge("1.1", "soon")[0], judge("9.9", "a")[0]
    ('invalid', 'invalid')
    """
    q = get(question_id)
    if q is None:
        return "invalid", f"There is no question {question_id!r}."
    try:
        return _judge(q, answer)
    except AnswerFormatError as error:
        return "invalid", str(error)


def check(question_id: object, answer: object) -> Feedback:
    """Check ``answer`` to question ``question_id`` ("1.2") and explain the result.

    Every answer is kept (see :mod:`lessons.answers.store`). A wrong answer gets why it is
    wrong and a hint, but no evidence that would name the right option; from the second
    wrong try on, the feedback explains the answer with its evidence. An answer that cannot
    be read is kept but does not count as a try.

    >>> wrong = check("0.1", "b")  # not the answer: why, and a hint, but no evidence that would name it
    >>> wrong.status, bool(wrong.hint), wrong.evidence
    ('wrong', True, [])
    >>> check("0.1", "").status
    'invalid'
    """
    q = get(question_id)
    if q is None:
        lessons_known = sorted({k.split(".")[0] for k in questions()})
        return Feedback("invalid", f"There is no question {question_id!r}. Questions are numbered "
                                   f"lesson.question, e.g. '1.2'; this course has questions for lessons "
                                   f"{', '.join(lessons_known)}: " + ", ".join(sorted(questions())) + ".")
    try:
        status, message = _judge(q, answer)
    except AnswerFormatError as error:
        store.record(q.lesson, q.id, q.kind, answer, "invalid")
        return Feedback("invalid", str(error))
    store.record(q.lesson, q.id, q.kind, answer, status)
    if status in ("correct", "written"):
        return Feedback(status, message, evidence=evidence_lines(q, reveal=True))
    if tries(q.id) < REVEAL_AFTER:
        return Feedback(status, message, hint=q.hint)
    explained = f"{message} After {tries(q.id)} tries, here is the answer and why: {q.explanation}"
    return Feedback(status, explained, evidence=evidence_lines(q, reveal=True))
