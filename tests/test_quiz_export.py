"""python -m lessons quiz: the question bank as text2qti source, QTI 1.2 zips (Canvas) and Moodle XML.

Every exported answer is re-judged by the notebooks' own checker (lessons.questions.check.judge),
so an export that marks a wrong answer right, or a right one wrong, fails here.
"""
import html
import random
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytest.importorskip("text2qti")

from lessons.__main__ import main  # noqa: E402
from lessons.errors import LessonInputError  # noqa: E402
from lessons.glossary_terms import term  # noqa: E402
from lessons.questions.bank import Question, questions  # noqa: E402
from lessons.questions.check import judge  # noqa: E402
from lessons.tools.quiz_export import (  # noqa: E402
    accepted_answers,
    moodle_xml,
    numeric_range,
    qti_source,
    qti_text,
    qti_zip,
    read_qti_items,
)

Q = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
HOSTILE = ('<script>alert(1)</script> costs US$3 and $x$ or $$y$$, *bold* _it_ `code` [a](javascript:x) '
           '![i](x.png) \\num{5} \\$ <!-- gone? --> &amp; "quoted" it\'s -- dash... {#id .c} a|b ~~s~~ '
           '\n*a) injected choice\n1. not a list\n# not a heading\n=   5')


class _Text(HTMLParser):
    """The text of each paragraph of an HTML fragment, and every tag seen."""

    def __init__(self, fragment: str):
        super().__init__(convert_charrefs=True)
        self.paragraphs, self.tags, self.open = [], [], False
        self.feed(fragment)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "p":
            self.paragraphs.append("")
            self.open = True

    def handle_endtag(self, tag):
        self.open = self.open and tag != "p"

    def handle_data(self, data):
        if self.open:
            self.paragraphs[-1] += data
        elif data.strip():  # text outside any <p> (a Moodle option) counts as its own paragraph
            self.paragraphs.append(data)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("quizzes")
    assert main(["quiz", "--out", str(out)]) == 0
    return out


def qti_items(out: Path, lesson: int) -> dict[str, ET.Element]:
    root = read_qti_items((out / f"lesson-{lesson}-qti.zip").read_bytes())
    return {item.get("title").removeprefix("Question "): item for item in root.iter(f"{Q}item")}


def scored(item: ET.Element) -> list[ET.Element]:
    """The conditions that give full marks."""
    return [c.find(f"{Q}conditionvar") for c in item.iter(f"{Q}respcondition")
            if any(s.text == "100" for s in c.iter(f"{Q}setvar"))]


def test_every_question_of_the_bank_is_in_the_qti_quizzes_with_the_right_answer(exported):
    lessons = sorted({q.lesson for q in questions().values()})
    for lesson in lessons:
        items = qti_items(exported, lesson)
        bank = questions(lesson)
        assert sorted(items) == sorted(bank), lesson
        for qid, item in items.items():
            q = bank[qid]
            shown = _Text(item.find(f"{Q}presentation/{Q}material/{Q}mattext").text)
            assert shown.paragraphs[0] == q.prompt, qid
            full = scored(item)
            if q.kind == "written":  # an essay: nothing scored automatically; the model answer is its feedback
                assert not full and q.explanation in " ".join(item.itertext()), qid
                continue
            assert len(full) == 1, qid
            if q.kind == "choice":
                labels = {_Text(label.find(f".//{Q}mattext").text).paragraphs[0]: label.get("ident")
                          for label in item.iter(f"{Q}response_label")}
                assert sorted(labels) == sorted(q.options.values()), qid
                assert [v.text for v in full[0].iter(f"{Q}varequal")] == [labels[q.options[q.answer]]], qid
            elif q.kind == "number":
                low, high = (float(full[0].find(f".//{Q}{tag}").text) for tag in ("vargte", "varlte"))
                assert (low, high) == numeric_range(q), qid
            else:
                typed = [v.text for v in full[0].iter(f"{Q}varequal")]
                assert typed == accepted_answers(q) and typed, qid
                assert all(judge(qid, answer)[0] == "correct" for answer in typed), qid
            if q.kind in ("order", "match"):  # the items to order or match are shown, the answer is not
                listed = shown.paragraphs[1:]
                assert [p for p in listed if p.startswith("(")] == [f"({k}) {t}" for k, t in q.options.items()]
                assert not any(answer in " ".join(shown.paragraphs) for answer in accepted_answers(q)), qid


def test_numerical_ranges_are_those_the_notebooks_accept(exported):
    numbers = [q for q in questions().values() if q.kind == "number"]
    assert any(q.tolerance for q in numbers) and any(not q.tolerance for q in numbers)
    for q in numbers:
        low, high = numeric_range(q)
        assert judge(q.id, low)[0] == judge(q.id, high)[0] == "correct", q.id
        step = max(abs(high), 1) * 1e-6
        assert judge(q.id, low - step)[0] == judge(q.id, high + step)[0] == "wrong", q.id
    widened = next(q for q in numbers if q.tolerance)
    item = qti_items(exported, widened.lesson)[widened.id]
    low = float(scored(item)[0].find(f".//{Q}vargte").text)
    assert low < widened.answer[0]  # the tolerance widens the data's range


def test_moodle_file_has_every_question_with_the_right_answer(exported):
    for lesson in sorted({q.lesson for q in questions().values()}):
        root = ET.parse(exported / f"lesson-{lesson}-moodle.xml").getroot()
        found = {e.find("name/text").text.removeprefix("Question "): e
                 for e in root.iter("question") if e.get("type") != "category"}
        bank = questions(lesson)
        assert sorted(found) == sorted(bank)
        for qid, e in found.items():
            q = bank[qid]
            assert _Text(e.find("questiontext/text").text).paragraphs[0] == q.prompt, qid
            if q.kind == "choice":
                right = [_Text(a.find("text").text).paragraphs[0] for a in e.iter("answer")
                         if a.get("fraction") == "100"]
                assert e.get("type") == "multichoice" and right == [q.options[q.answer]], qid
            elif q.kind == "number":
                answer = e.find("answer")
                centre, tolerance = float(answer.find("text").text), float(answer.find("tolerance").text)
                assert (centre - tolerance, centre + tolerance) == numeric_range(q), qid
            elif q.kind == "match":
                pairs = {_Text(s.find("text").text).paragraphs[0]: s.find("answer/text").text
                         for s in e.iter("subquestion")}
                assert pairs == {term(t)["term"]: term(t)["definition"] for t in q.items}, qid
            elif q.kind == "written":  # an essay the teacher grades, with the model answer for the grader
                assert e.get("type") == "essay" and q.explanation in html.unescape(e.find("graderinfo/text").text), qid
            else:
                typed = [a.find("text").text for a in e.iter("answer") if a.get("fraction") == "100"]
                assert e.get("type") == "shortanswer" and e.find("usecase").text == "0", qid
                # "*" is Moodle's wildcard in short answers: none may slip in
                assert typed and all(judge(qid, t)[0] == "correct" and "*" not in t for t in typed), qid


def hostile_question() -> Question:
    return Question(id="9.1", lesson=9, kind="choice", prompt=HOSTILE, hint=HOSTILE, explanation=HOSTILE,
                    evidence=[], options={"a": HOSTILE, "b": "$1 < $2 & 3 > 2"}, answer="b",
                    feedback={"a": "<b>no</b> $"})


def test_a_hostile_prompt_survives_as_text_in_qti_and_moodle():
    expected = " ".join(HOSTILE.split())
    source = qti_source([hostile_question()], "Hostile <title> & $5")
    item = next(read_qti_items(qti_zip(source)).iter(f"{Q}item"))
    prompt = _Text(item.find(f"{Q}presentation/{Q}material/{Q}mattext").text)
    assert prompt.paragraphs == [expected]
    assert prompt.tags == ["p"]  # no script, link, image, code, emphasis or LaTeX image
    labels = [_Text(m.find(f".//{Q}mattext").text).paragraphs for m in item.iter(f"{Q}response_label")]
    assert labels == [[expected], ["$1 < $2 & 3 > 2"]]  # the newline-borne "*a)" made no extra choice
    assert [v.text for c in scored(item) for v in c.iter(f"{Q}varequal")] == [
        m.get("ident") for m in item.iter(f"{Q}response_label")][1:]

    root = ET.fromstring(moodle_xml([hostile_question()], "Hostile / category"))
    text = root.find("question[@type='multichoice']/questiontext/text").text
    assert _Text(text).paragraphs == [expected] and _Text(text).tags[0] == "p" and "script" not in _Text(text).tags
    assert root.find("question[@type='category']/category/text").text == "$course$/Hostile - category"


def test_escaping_round_trips_through_text2qti_markdown():
    """Random runs of Markdown, smarty and LaTeX punctuation come out of text2qti as typed."""
    from text2qti.config import Config
    from text2qti.markdown import Markdown

    md = Markdown(Config())
    alphabet = list("\\`*_{}[]()#+-.!|\"'<>&$~=:^%@;/ ") + ["a", "1", "num{", "--", "...", "$$", "<!--", "-->"]
    rng = random.Random(13)
    for _ in range(400):
        # one line, single spaces: the export writes every text so (a newline would end a text2qti element)
        text = re.sub(" +", " ", "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))).strip()
        if not text:
            continue
        rendered = md.md_to_html(qti_text(text), strip_p_tags=True)
        assert html.unescape(rendered) == text, (text, qti_text(text), rendered)


@pytest.mark.parametrize("lesson", ["12", "one", "-1"])
def test_unknown_lesson_is_a_clear_error(lesson, tmp_path, capsys):
    assert main(["quiz", "--out", str(tmp_path), "--lesson", lesson]) == 2
    err = capsys.readouterr().err
    assert f"Unknown lesson '{lesson}'" in err and "Allowed: '0'" in err and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_unwritable_out_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert main(["quiz", "--out", str(blocker / "quizzes"), "--lesson", "1"]) == 2
    assert "error: Cannot write to --out" in capsys.readouterr().err


def test_one_lesson_writes_its_three_files(tmp_path, capsys):
    assert main(["quiz", "--out", str(tmp_path), "--lesson", "2"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lesson-2-moodle.xml", "lesson-2-qti.zip", "lesson-2.txt"]
    assert capsys.readouterr().out.count("wrote ") == 3


def test_text2qti_refusal_is_a_lesson_input_error():
    with pytest.raises(LessonInputError, match="text2qti could not convert"):
        qti_zip("1.  A question with no answer\n")
    assert qti_text("$") == "\\$"
