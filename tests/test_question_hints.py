"""Every hint must lead to its answer.

Where a question's hint names a query (``lessons.events(...)``, ``lessons.event("...")``,
``lessons.cite("...")`` or ``lessons.glossary(...)``), the test runs that query with the
hint's own literal arguments and checks that what comes back contains the question's
evidence. A hint that says "first" or "earliest" must find the evidence in the first row.
Calls are parsed with :mod:`ast` and only literal arguments are accepted: hint text is
never evaluated.
"""
import ast
import re

import pytest

import lessons
from lessons.questions.bank import questions

QUERIES = ("events", "event", "cite", "glossary")
CALL = re.compile(rf"lessons\.({'|'.join(QUERIES)})\(")
FIRST = re.compile(r"\b(first|earliest)\b", re.IGNORECASE)


def call_text(hint: str, start: int) -> str:
    """The text of the call that starts at ``start``, up to its matching parenthesis.

    >>> call_text('Run lessons.events(years=(1970, 1987)).', 4)
    'lessons.events(years=(1970, 1987))'
    """
    depth, quote = 0, ""
    for i in range(hint.index("(", start), len(hint)):
        ch = hint[i]
        if quote:
            quote = "" if ch == quote else quote
        elif ch in "\"'":
            quote = ch
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return hint[start:i + 1]
    raise ValueError(f"unbalanced call in hint: {hint[start:]!r}")


def parse_call(text: str) -> tuple[str, list, dict]:
    """Function name and literal arguments of one ``lessons.<query>(...)`` call.

    >>> parse_call('lessons.events(actor="ROK", years=(1988, 1991))')
    ('events', [], {'actor': 'ROK', 'years': (1988, 1991)})
    >>> parse_call('lessons.events(actor=__import__("os"))')
    Traceback (most recent call last):
    ...
    ValueError: malformed node or string...
    """
    node = ast.parse(text, mode="eval").body
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "lessons"
            and node.func.attr in QUERIES):
        raise ValueError(f"not a lessons query: {text!r}")
    if any(k.arg is None for k in node.keywords) or any(isinstance(a, ast.Starred) for a in node.args):
        raise ValueError(f"only plain literal arguments are run: {text!r}")
    args = [ast.literal_eval(a) for a in node.args]
    kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords}
    return node.func.attr, args, kwargs


def hint_calls(hint: str) -> list[str]:
    """Every query call a hint names, as text.

    >>> hint_calls('Read the section, or run lessons.cite("1945-38th-parallel-line").')
    ['lessons.cite("1945-38th-parallel-line")']
    >>> hint_calls("Use the explorer.")
    []
    """
    return [call_text(hint, m.start()) for m in CALL.finditer(hint)]


def ids_found(name: str, result) -> list[str]:
    """The event (or glossary) ids in what a query returned, in its order."""
    if name == "event":
        return [result["id"]]
    if name == "cite":  # a citation is text: find the events whose titles it quotes
        return [ev for ev in lessons.events()["id"] if lessons.event(ev)["title"] in str(result)]
    return list(result["id"])


def problems(hint: str, targets: list[str], every: bool) -> list[str]:
    """What is wrong with where the hint's queries lead (empty when they lead to ``targets``).

    ``targets`` are the ids the question is about, the main one first; ``every`` asks
    that all of them come back (an order question lists every event to order).
    """
    found_problems = []
    for text in hint_calls(hint):
        name, args, kwargs = parse_call(text)
        found = ids_found(name, getattr(lessons, name)(*args, **kwargs))
        wanted = targets if every else targets[:1]
        missing = [t for t in wanted if t not in found]
        if missing:
            found_problems.append(f"{text} does not return {missing}")
        elif FIRST.search(hint) and name in ("events", "glossary") and found[0] != targets[0]:
            found_problems.append(f"{text}: the hint says first, but the first row is {found[0]}, not {targets[0]}")
    return found_problems


def targets_of(q) -> list[str]:
    return list(q.items) if q.kind == "match" else list(q.evidence)


WITH_CALLS = sorted(qid for qid, q in questions().items() if hint_calls(q.hint))


def test_enough_hints_name_a_query():
    # Guards the parametrized test below against passing on nothing.
    assert len(WITH_CALLS) >= 8, WITH_CALLS
    assert {"0.1", "1.1", "4.1", "5.2"} <= set(WITH_CALLS)


@pytest.mark.parametrize("qid", WITH_CALLS)
def test_hint_query_leads_to_the_evidence(qid):
    q = questions()[qid]
    found = problems(q.hint, targets_of(q), every=q.kind == "order")
    assert not found, found


def test_the_check_catches_a_hint_that_leads_elsewhere():
    """The old hint of question 0.1: the first ROK diplomatic event is the UN resolution of 1948."""
    hint = 'Run lessons.events(actor="ROK", category="diplomatic") and take the first event.'
    found = problems(hint, ["1990-rok-ussr-relations"], every=False)
    assert found and "1948-unga-res-195" in found[0]
    assert problems('Run lessons.cite("1983-kal-007-shot-down").', ["1990-rok-ussr-relations"], every=False)
    assert problems("lessons.events(years=1948)", ["1948-rok-proclaimed", "1990-rok-ussr-relations"], every=True)


def test_the_first_row_rule_applies_only_when_the_hint_says_first():
    targets = ["1990-rok-ussr-relations"]
    assert not problems('lessons.events(actor="ROK", category="diplomatic")', targets, every=False)
    assert problems('The first row of lessons.events(actor="ROK", category="diplomatic")', targets, every=False)


@pytest.mark.parametrize("text", [
    "lessons.events(actor=open('x'))",
    "lessons.events(**{'actor': 'ROK'})",
    "os.system('true')",
    "lessons.timeline_chart()",
])
def test_only_literal_query_calls_are_run(text):
    with pytest.raises((ValueError, TypeError)):
        parse_call(text)


def words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{5,}", text.lower()))


@pytest.mark.parametrize("qid", sorted(questions()))
def test_no_hint_names_an_id_that_spells_out_the_answer(qid):
    """An id in a hint is read by the student: "1950-soviet-boycott-..." answers "why no veto?"."""
    q = questions()[qid]
    if q.kind != "choice":
        return
    others = set().union(*(words(t) for k, t in q.options.items() if k != q.answer))
    telling = words(q.options[q.answer]) - others - words(q.prompt)  # what only the right option says
    for item in re.findall(r'"(\d{4}-[a-z0-9-]+)"', q.hint):
        for word in words(item.replace("-", " ")):
            assert not any(word[:6] == t[:6] for t in telling), (qid, item, word)
