"""Every lesson notebook follows the course's lesson anatomy (README, 'Writing a lesson').

Title; objectives; time; a re-runnable setup cell; narrative sections that cite events;
a static chart; an explorer; "Question N.M" self-checks matching the question bank;
key terms from the glossary; key points; sources; and a footer with licence and citation.
A period lesson (1-6) is also an inquiry: a central question under the objectives, a set of
documents to read before the questions, and an argument to write after them.
"""
import ast
import re
from pathlib import Path

import nbformat
import pytest

from lessons import CHART_FUNCTIONS, EXPLORER_FUNCTIONS
from lessons.data import load
from lessons.notes import NOTE
from lessons.questions.bank import questions

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("[0-9][0-9]-*.ipynb"))
CHARTS = set(CHART_FUNCTIONS)
EXPLORERS = set(EXPLORER_FUNCTIONS)
STANDARD = {"Learning objectives", "How to use a notebook", "Before you start", "Explore", "Reflection", "Key terms",
            "Key points", "Sources", "Hand in", "Central question", "Documents", "Your argument"}
LESSONS = load("lessons").set_index("number")
PERIOD_LESSONS = [int(n) for n, row in LESSONS.iterrows() if row["period"]]


def parsed(path):
    nb = nbformat.read(path, as_version=4)
    lesson = int(path.name[:2])
    markdown = [c.source for c in nb.cells if c.cell_type == "markdown"]
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    return nb, lesson, markdown, code


def calls(code_cells):
    """(function name, first string argument or None, all string arguments) for lessons.* calls."""
    found = []
    for source in code_cells:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and \
                    isinstance(node.func.value, ast.Name) and node.func.value.id == "lessons":
                strings = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
                found.append((node.func.attr, strings, {k.arg: k.value for k in node.keywords}))
    return found


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_title_objectives_time_and_setup(path):
    nb, lesson, markdown, code = parsed(path)
    assert markdown[0].startswith("# Moscow and the Two Koreas")
    assert re.search(rf"^## Lesson {lesson} · \S", markdown[0], re.M)
    objectives = next(m for m in markdown if "### Learning objectives" in m)
    assert objectives.count("\n- ") >= 3
    assert re.search(r"\*\*Time:\*\* \d+ minutes teaching, \d+ minutes exercises", objectives)
    assert code[0].strip() == "import lessons\nlessons.setup()", "the setup cell must be safe to re-run"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_narrative_sections_cite_events(path):
    nb, lesson, markdown, code = parsed(path)
    event_ids = set(load("events")["id"])
    figure_ids = set(load("figures")["id"]) | set(load("sources")["id"])  # datasets are cited by source id
    sections, current = {}, None
    for cell in markdown[1:]:
        heading = re.match(r"### (.+)", cell)
        if heading:
            current = heading.group(1).strip()
            sections[current] = ""
        if current:
            sections[current] += cell
    narrative = {t: s for t, s in sections.items()
                 if not any(t.startswith(x) for x in STANDARD) and not t.startswith("Question")}
    assert len(narrative) >= 2 or lesson == 0
    for title, text in narrative.items():
        if lesson == 0:  # the start-here lesson is about the course, not a period
            break
        noted = {item for _, item in NOTE.findall(text)}
        assert noted & (event_ids | figure_ids), f"section '{title}' cites no event"
    for title, text in sections.items():
        for _, noted in NOTE.findall(text):
            assert noted in event_ids | figure_ids, f"section '{title}' cites unknown id {noted}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_chart_explorer_questions_terms_points_sources_footer(path):
    nb, lesson, markdown, code = parsed(path)
    used = calls(code)
    names = {name for name, _, _ in used}
    assert names & CHARTS, "a static chart"
    assert names & EXPLORERS, "a widget explorer"
    asked = [args[0] for name, args, _ in used if name == "question"]
    assert asked == sorted(questions(lesson), key=lambda q: [int(x) for x in q.split(".")]), "questions in bank order"
    assert len(asked) >= (1 if lesson == 0 else 4)
    for qid in asked:
        assert any(f"Question {qid}" in m for m in markdown), f"no 'Question {qid}' heading"
    glossary = set(load("glossary")["id"])
    terms = [t for name, args, _ in used if name == "key_terms" for t in args]
    assert terms and set(terms) <= glossary, f"unknown glossary terms {set(terms) - glossary}"
    assert any("### Key terms" in m for m in markdown)
    assert any("### Key points" in m for m in markdown)
    assert any("### Sources" in m for m in markdown)
    sources_call = next(kw for n, _, kw in used if n == "sources_section")
    assert ast.literal_eval(sources_call["lesson"]) == lesson
    assert "CC BY 4.0" in markdown[-1] and "How to cite" in markdown[-1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_hand_in_section_names_its_lesson(path):
    """A Hand in section after the key points: the cell hands in this lesson, and the notebook says which it is."""
    nb, lesson, markdown, code = parsed(path)
    assert nb.metadata["lessons"] == {"lesson": lesson}, "the grader reads the lesson from the notebook's metadata"
    heading = next(i for i, c in enumerate(nb.cells)
                   if c.cell_type == "markdown" and c.source.startswith("### Hand in"))
    text, cell = nb.cells[heading].source, nb.cells[heading + 1]
    assert f"lessons.my_answers({lesson})" in text and "On Binder" in text and "JupyterHub" in text
    assert cell.cell_type == "code" and cell.source == f'lessons.hand_in(lesson={lesson}, name="")'
    points = next(i for i, c in enumerate(nb.cells) if c.source.startswith("### Key points"))
    assert points < heading < next(i for i, c in enumerate(nb.cells) if c.source.startswith("### Sources"))


def test_every_question_in_the_bank_is_asked_somewhere():
    asked = set()
    for path in NOTEBOOKS:
        asked |= {args[0] for name, args, _ in calls(parsed(path)[3]) if name == "question"}
    assert set(questions()) == asked


def _heading(nb, text):
    """Index of the markdown cell that starts with ``text`` (None if there is none)."""
    return next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and c.source.startswith(text)), None)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_period_lesson_is_an_inquiry(path):
    """Central question right under the objectives (the one in data/lessons.csv, in bold); Documents
    (at least 4, of at least 2 voices) before the first question; Your argument after the last
    question and before the key terms. Other lessons have none of these and no central question."""
    from lessons.primary_documents import documents

    nb, lesson, markdown, code = parsed(path)
    central, docs, argument = (_heading(nb, f"### {t}") for t in ("Central question", "Documents", "Your argument"))
    expected = LESSONS.loc[lesson, "central_question"]
    if lesson not in PERIOD_LESSONS:
        assert (central, docs, argument, expected) == (None, None, None, ""), "only period lessons are inquiries"
        return
    assert central == _heading(nb, "### Learning objectives") + 1, "the central question follows the objectives"
    bold = re.findall(r"\*\*(.+?)\*\*", nb.cells[central].source)
    assert bold and bold[0] == expected, f"central question {bold[:1]} is not data/lessons.csv's {expected!r}"
    assert "documents" in nb.cells[central].source and "charts" in nb.cells[central].source
    questions_at = [i for i, c in enumerate(nb.cells) if c.source.startswith("#### Question")]
    assert docs is not None and docs < questions_at[0], "Documents come before the questions"
    assert nb.cells[docs + 1].source == f"lessons.document_cards(lesson={lesson})"
    table = documents(lesson=lesson)
    assert len(table) >= 4, f"lesson {lesson} has {len(table)} documents"
    assert table["perspective"].nunique() >= 2, f"lesson {lesson}: documents of one voice only"
    assert argument is not None and questions_at[-1] < argument < _heading(nb, "### Key terms")
    assert nb.cells[argument + 1].source == f"lessons.argument(lesson={lesson})"
    assert "150–250 words" in nb.cells[argument].source and expected in nb.cells[argument].source
