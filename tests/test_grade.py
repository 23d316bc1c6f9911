"""The grader (issue 13): handed-in notebooks re-judged from their Hand in output, problems reported by file."""
import csv
import sys
import types

import nbformat
import pytest

from lessons.__main__ import main
from lessons.answers.payload import MIME, build
from lessons.questions.bank import questions
from lessons.tools import grade

LESSON = 1
QS = questions(LESSON)
WHEN = "2026-12-04T10:00:00+00:00"


def by_kind(kind: str) -> str:
    return next(qid for qid, q in QS.items() if q.kind == kind)


def right(qid: str) -> object:
    """The bank's right answer, typed as a student would."""
    q = QS[qid]
    if q.kind in ("order", "match"):
        return list(q.answer)
    if q.kind == "date":
        return str(q.answer)
    if q.kind == "number":
        return q.answer[0]
    return q.answer


def wrong(qid: str) -> object:
    q = QS[qid]
    if q.kind == "choice":
        return next(letter for letter in q.letters if letter != q.answer)
    if q.kind in ("order", "match"):
        return list(q.answer[1:]) + [q.answer[0]]
    if q.kind == "date":
        return str(q.answer.year - 7)
    low, high = q.answer
    return high * 10 + 1


def rec(item: str, answer: object, status: str, kind: str | None = None, n: int = 1) -> dict:
    kind = kind or (QS[item].kind if item in QS else "text")
    return {"lesson": LESSON, "item": item, "kind": kind, "answer": answer, "status": status, "try": n, "time": WHEN}


def payload(records: list[dict], student: str = "Ana", submission: str = "s-ana", lesson: int = LESSON) -> dict:
    return build(lesson, student, records, submission=submission, hub_user="ana", when=WHEN)


def notebook(*payloads: dict, lesson: object = LESSON) -> str:
    """A saved notebook whose Hand in cell(s) show ``payloads``, built with nbformat."""
    nb = nbformat.v4.new_notebook()
    if lesson is not None:
        nb.metadata["lessons"] = {"lesson": lesson}
    nb.cells.append(nbformat.v4.new_markdown_cell("## Hand in"))
    for p in payloads:
        out = nbformat.v4.new_output("display_data", data={"text/plain": "Hand in", "text/html": "<p>x</p>", MIME: p})
        nb.cells.append(nbformat.v4.new_code_cell("lessons.hand_in(lesson=1)", outputs=[out]))
    return nbformat.writes(nb)


def write(folder, name: str, text: str | bytes):
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def read_csv(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def run(tmp_path, *args: str) -> tuple[int, list[dict], list[dict], str]:
    out = tmp_path / "out"
    code = main(["grade", *args, "--out", str(out)])
    return code, read_csv(out / "grades.csv"), read_csv(out / "problems.csv"), (out / "review.html").read_text("utf-8")


def test_answers_are_judged_again_and_stored_verdicts_ignored(tmp_path, capsys):
    choice, order, match, date, number = (by_kind(k) for k in ("choice", "order", "match", "date", "number"))
    records = [rec(choice, wrong(choice), "correct"),          # a lie: graded wrong
               rec(order, right(order), "wrong"),              # graded right whatever was stored
               rec(match, wrong(match), "correct"),
               rec(date, str(QS[date].answer.year), "correct"),  # year only of a day-dated event: partial
               rec(number, right(number), "wrong")]
    code, rows, problems, page = run(tmp_path, write(tmp_path, "ana.ipynb", notebook(payload(records))))
    assert code == 0 and problems == []
    got = {r["question"]: r for r in rows}
    assert list(got) == list(QS)  # one row per question of the lesson, in the bank's order
    assert {q: got[q]["correct"] for q in (choice, order, match, date, number)} == {
        choice: "False", order: "True", match: "False", date: "False", number: "True"}
    # a written question is read by the teacher, never judged here
    assert all(got[q]["correct"] == "" for q in QS if QS[q].kind == "written")
    assert got[order]["answer"] == " ".join(right(order))  # lists joined with spaces
    assert got[date]["answer"] == str(QS[date].answer.year)
    assert all(r["file"].endswith("ana.ipynb") and r["student"] == "Ana" and r["hub_user"] == "ana"
               and r["lesson"] == "1" for r in rows)
    judged = sum(q.kind != "written" for q in QS.values())
    assert f"2 of {judged}" in page and "1 graded, 0 with problems" in capsys.readouterr().out


def test_last_readable_answer_counts_and_tries_skip_invalid(tmp_path):
    choice, date, number = by_kind("choice"), by_kind("date"), by_kind("number")
    records = [rec(choice, wrong(choice), "wrong"), rec(choice, "zz", "invalid"),
               rec(choice, right(choice), "correct", n=2), rec(choice, "??", "invalid", n=2),
               rec(date, right(date), "correct"), rec(date, wrong(date), "wrong", n=2),  # changed their mind
               rec(number, "many", "invalid", n=0)]                                     # only unreadable
    _, rows, _, _ = run(tmp_path, write(tmp_path, "a.ipynb", notebook(payload(records))))
    got = {r["question"]: r for r in rows}
    assert (got[choice]["answer"], got[choice]["correct"], got[choice]["tries"]) == (right(choice), "True", "2")
    assert (got[date]["correct"], got[date]["tries"]) == ("False", "2")
    assert (got[number]["answer"], got[number]["correct"], got[number]["tries"]) == ("many", "False", "0")
    blank = [r for q, r in got.items() if q not in (choice, date, number)]
    assert blank and all((r["answer"], r["tries"]) == ("", "0") for r in blank)
    assert all(r["correct"] == ("" if QS[r["question"]].kind == "written" else "False") for r in blank)


def test_every_problem_is_reported_by_file_and_the_rest_still_graded(tmp_path, monkeypatch, capsys):
    choice = by_kind("choice")
    good = payload([rec(choice, right(choice), "correct")])
    edited = payload([rec(choice, wrong(choice), "wrong")], submission="s-ed")
    edited["answers"][0]["answer"] = right(choice)
    twin = payload([], student="Twin", submission="s-twin")
    monkeypatch.setattr(grade, "MAX_BYTES", 50_000)  # stands in for 20 MB
    (tmp_path / "folder.ipynb").mkdir()
    files = {
        "good.ipynb": notebook(good),
        "missing.ipynb": None,
        "folder.ipynb": None,
        "huge.ipynb": notebook(payload([], submission="s-huge")) + " " * 60_000,
        "latin1.ipynb": "{\"cells\": [], \"x\": \"Jos\xe9\"}".encode("latin-1"),
        "truncated.ipynb": notebook(payload([], submission="s-cut"))[:300],
        "empty.ipynb": "",
        "list.ipynb": "[1, 2, 3]",
        "notes.json": '{"name": "not a notebook"}',
        "no-hand-in.ipynb": notebook(),
        "two.ipynb": notebook(payload([], submission="s-two"), payload([], submission="s-two")),
        "edited.ipynb": notebook(edited),
        "twin-a.ipynb": notebook(twin),
        "twin-b.ipynb": notebook(twin),
        "other-lesson.ipynb": notebook(payload([], submission="s-ol", lesson=2), lesson=1),
    }
    paths = [write(tmp_path, n, t) if t is not None else str(tmp_path / n) for n, t in files.items()]
    code, rows, problems, page = run(tmp_path, *paths)
    assert code == 0
    reasons = {p["file"].rsplit("/", 1)[1]: p["reason"] for p in problems}
    expected = {"missing.ipynb": "no such file", "folder.ipynb": "a folder", "huge.ipynb": "too large",
                "latin1.ipynb": "not UTF-8", "truncated.ipynb": "cut short", "empty.ipynb": "empty",
                "list.ipynb": "not a Jupyter notebook", "notes.json": "not a Jupyter notebook",
                "no-hand-in.ipynb": grade.NO_HAND_IN, "two.ipynb": "2 Hand in outputs",
                "edited.ipynb": "checksum does not match", "twin-a.ipynb": "duplicate",
                "twin-b.ipynb": "duplicate", "other-lesson.ipynb": "lesson 2 but the notebook is lesson 1"}
    assert set(reasons) == set(expected)
    for name, fragment in expected.items():
        assert fragment in reasons[name], (name, reasons[name])
    assert "twin-b.ipynb" in reasons["twin-a.ipynb"] and "twin-a.ipynb" in reasons["twin-b.ipynb"]
    assert {r["file"].rsplit("/", 1)[1] for r in rows} == {"good.ipynb"}
    out = capsys.readouterr().out
    assert "1 graded, 14 with problems" in out and "problem: " + paths[1] + ": no such file" in out
    assert page.index("Problems (14)") < page.index("Scores") and "no-hand-in.ipynb" in page


def test_lesson_option_and_one_folder_handing_in_two_lessons(tmp_path):
    one = write(tmp_path, "one.ipynb", notebook(payload([], submission="s-same")))
    two = write(tmp_path, "two.ipynb", notebook(payload([], submission="s-same", lesson=2), lesson=2))
    code, rows, problems, _ = run(tmp_path, one, two)
    # one answers folder (one student) handing in lessons 1 and 2 is not a duplicate
    assert code == 0 and problems == [] and {r["lesson"] for r in rows} == {"1", "2"}
    code, rows, problems, _ = run(tmp_path, one, two, "--lesson", "1")
    assert {r["lesson"] for r in rows} == {"1"}
    assert problems == [{"file": two, "reason": "it is a hand-in for lesson 2, not lesson 1 (--lesson 1)"}]


def test_hostile_names_and_answers_are_escaped_and_never_formulas(tmp_path):
    choice = by_kind("choice")
    name = '=HYPERLINK("http://evil.example","x")<script>alert(1)</script>'
    essay = '<img src=x onerror=alert(1)> </dd><script>alert(2)</script> & "quoted"'
    records = [rec(choice, "@SUM(1+1)", "wrong"), rec("argument:1", essay, "written", kind="text"),
               rec("doc:doc-1:<b>prompt</b>", "+cmd|' /C calc'!A0", "written", kind="text")]
    path = write(tmp_path, "<b onclick=x>evil.ipynb", notebook(payload(records, student=name)))
    code, rows, _, page = run(tmp_path, path)
    assert code == 0
    assert "<script" not in page.lower() and "<img" not in page and "<b onclick" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Document doc-1: &lt;b&gt;prompt&lt;/b&gt;" in page and "&lt;b onclick=x&gt;evil.ipynb" in page
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in page
    assert '<html lang="en">' in page and '<meta charset="utf-8">' in page and "<title>" in page
    assert page.count("no rubric for this item yet") == 2 or "Rubric:" in page
    assert all(r["student"] == "'" + name for r in rows)
    assert {r["question"]: r["answer"] for r in rows}[choice] == "'@SUM(1+1)"
    with open(tmp_path / "out" / "grades.csv", encoding="utf-8") as handle:
        assert not any(line.startswith(("=", "+", "-", "@")) for cell in csv.reader(handle) for line in cell)


def test_open_answers_grouped_by_item_with_the_rubric_lookup(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "lessons.rubrics", None)  # as if no rubric module existed
    monkeypatch.setattr(grade, "data_dir", lambda: tmp_path)   # and no data/rubrics.json
    item = "argument:1"
    paths = [write(tmp_path, f"{who}.ipynb", notebook(payload(
        [rec(item, f"first draft by {who}", "written", kind="text"),
         rec(item, f"final text by {who}", "written", kind="text", n=2)], student=who, submission=f"s-{who}")))
        for who in ("Ana", "Ben")]
    _, _, _, page = run(tmp_path, *paths)
    assert page.count(f"<h3>{grade._e(grade.item_label(item))}</h3>") == 1 and "no rubric for this item yet" in page
    assert "final text by Ana" in page and "final text by Ben" in page and "first draft" not in page
    fake = types.ModuleType("lessons.rubrics")
    fake.rubric = lambda wanted: "Names <two> sources." if wanted == item else None
    monkeypatch.setitem(sys.modules, "lessons.rubrics", fake)
    _, _, _, page = run(tmp_path, *paths)
    assert "Names &lt;two&gt; sources." in page and "no rubric for this item yet" not in page


@pytest.mark.parametrize("args, fragment", [
    ([], "Give the notebook files"),
    (["x.ipynb", "--lesson", "one"], "--lesson must be a lesson number"),
    (["x.ipynb", "--lesson", "99"], "--lesson must be a lesson number"),
])
def test_bad_arguments_exit_2_with_a_message(tmp_path, capsys, args, fragment):
    assert main(["grade", *args, "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert fragment in err and "Traceback" not in err


def test_exit_codes_for_unwritable_out_and_nothing_graded(tmp_path, capsys):
    good = write(tmp_path, "good.ipynb", notebook(payload([])))
    blocked = tmp_path / "a-file"
    blocked.write_text("in the way")
    assert main(["grade", good, "--out", str(blocked / "out")]) == 2
    assert "Cannot write the grades to" in capsys.readouterr().err
    bad = write(tmp_path, "bad.ipynb", "{")
    code, rows, problems, _ = run(tmp_path, bad)
    assert code == 1 and rows == [] and problems[0]["file"] == bad
    assert "Nothing could be graded" in capsys.readouterr().err
    assert run(tmp_path, bad, good)[0] == 0
