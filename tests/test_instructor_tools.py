"""Instructor tools: launch links, the generated guide and answer key, printable handouts."""
import html
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from lessons.__main__ import main
from lessons.course import course_outline
from lessons.data import load
from lessons.errors import LessonInputError
from lessons.questions.bank import questions
from lessons.tools.chromium import CHROMIUM
from lessons.tools.guide import GUIDE, answer_text, guide_text, render_guide
from lessons.tools.handouts import build_handouts, paper_text
from lessons.tools.links import binder_link, hub_link, links_table

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}


def notebook_of(url: str) -> str:
    """The notebook file a Binder or nbgitpuller link opens."""
    query = parse_qs(urlparse(url).query)
    path = query["urlpath"][0]
    assert "/notebooks/" in path, url
    return path.rsplit("/notebooks/", 1)[1]


def test_every_printed_link_opens_an_existing_notebook(capsys):
    assert main(["links", "--repo", "https://github.com/owner/course", "--hub", "https://hub.example.edu"]) == 0
    printed = capsys.readouterr().out
    urls = re.findall(r"\((https://[^)]+)\)", printed)
    assert len(urls) == 2 * len(course_outline())
    for url in urls:
        assert notebook_of(url) in NOTEBOOKS, url  # case-sensitive, as on Binder
    assert all(u.startswith("https://mybinder.org/v2/gh/owner/course/main?") for u in urls[::2])


def test_links_for_other_hosts_and_refs():
    link = binder_link("https://gitlab.com/group/course", "08-reading-the-data.ipynb", ref="v1")
    assert link.startswith("https://mybinder.org/v2/git/https%3A%2F%2Fgitlab.com%2Fgroup%2Fcourse/v1?")
    puller = hub_link("https://hub.school.org/", "https://github.com/a/b.git", "00-start-here.ipynb")
    assert parse_qs(urlparse(puller).query)["urlpath"] == ["lab/tree/b/notebooks/00-start-here.ipynb"]
    # a remote ending in .git: nbgitpuller must clone into the folder urlpath opens (issue 13)
    assert parse_qs(urlparse(puller).query)["targetpath"] == ["b"]
    with pytest.raises(LessonInputError, match="--repo must be"):
        links_table("github.com/a/b")
    with pytest.raises(LessonInputError, match="--hub must be"):
        hub_link("hub", "https://github.com/a/b", "00-start-here.ipynb")


def test_bad_command_line_gets_a_message_not_a_traceback(capsys):
    assert main(["links", "--repo", "not a url"]) == 2
    assert "error: --repo must be" in capsys.readouterr().err


def test_every_readme_link_points_to_an_existing_file():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?://|#)[^)\s]+)\)", readme)
    assert targets, "the README links to the lessons"
    for target in targets:
        assert (ROOT / target).exists(), target
    for url in re.findall(r"\((https://mybinder\.org/v2/[^)]+)\)", readme):
        assert notebook_of(url) in NOTEBOOKS, url
    assert "docs/instructor-guide.md" in readme


def test_guide_is_generated_and_has_every_answer():
    guide = (ROOT / GUIDE).read_text(encoding="utf-8")
    assert guide == render_guide(), "run: make guide"
    for qid, q in questions().items():
        assert f"- **{qid}** {guide_text(q.prompt)}" in guide
        assert f"Answer: {guide_text(answer_text(q))}" in guide
    assert not re.search(r"(?<!\\)\$", guide), "a dollar GitHub would read as maths"
    for lesson in course_outline().itertuples():
        assert f"## Lesson {lesson.number}: {lesson.title}" in guide
    for heading in ("Class plan", "Discussion prompts", "Common misconceptions"):
        assert guide.count(heading) == len(course_outline())


@pytest.fixture(scope="module")
def handouts(tmp_path_factory, lesson_runs):
    out = tmp_path_factory.mktemp("handouts")
    # the lessons as the shared run executed them (tests/lesson_runs.py): not executed again here
    executed = {row.number: lesson_runs[ROOT / "notebooks" / row.notebook].executed
                for row in course_outline().itertuples()}
    return out, build_handouts(out, executed=executed)


def visible_text(page: str) -> str:
    body = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", body)))


def test_handouts_read_as_paper(handouts):
    out, _ = handouts
    for lesson in course_outline().itertuples():
        page = (out / lesson.notebook.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        text = visible_text(page)
        for screen_only in ("press Check", "Set Actor", "in code", "lessons.", "Run the next cell", "Ready.",
                            "the explorer", "slider"):
            assert screen_only not in text, (lesson.notebook, screen_only)
        assert f"<title>Moscow and the Two Koreas · Lesson {lesson.number}: {html.escape(lesson.title)}</title>" in page
        assert "text-decoration: underline" in page  # links told apart without colour


def test_paper_text_keeps_narrative_and_drops_instructions():
    text = paper_text("### The air war\nThe Soviet press revealed it only from 1989. Press **Check** to see.\n\n"
                      "Set **Actor** to `ROK`. A press report tells what was known that day.")
    assert "Soviet press revealed it only from 1989." in text and "A press report tells" in text
    assert "Check" not in text and "Actor" not in text and text.startswith("### The air war")


def test_handouts_to_an_unwritable_folder_get_a_message(capsys, tmp_path):
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert main(["handouts", "--out", str(blocked / "sub"), "--no-pdf"]) == 2
    err = capsys.readouterr().err
    assert "Cannot write handouts to" in err and "--out" in err and "Traceback" not in err


def test_handouts_print_no_kernel_warnings(capfd, tmp_path):
    build_handouts(tmp_path, pdf=False, lessons=[0])
    captured = capfd.readouterr()
    assert "without encryption" not in captured.out + captured.err
    assert "Parent appears to have exited" not in captured.out + captured.err


def test_every_lesson_has_an_html_handout_with_charts_and_alt_text(handouts):
    out, written = handouts
    for lesson in course_outline().itertuples():
        page = (out / lesson.notebook.replace(".ipynb", ".html")).read_text(encoding="utf-8")
        images = re.findall(r"<img [^>]*>", page)
        assert images, lesson.notebook
        for image in images:
            assert re.search(r"""alt=(["'])[^"']{20,}""", image), (lesson.notebook, image[:80])
        assert 'src="data:image/png;base64,' in page
        assert "Traceback" not in page
        assert "jp-OutputArea-output" in page and 'data-mime-type="application/vnd.jupyter.stderr"' not in page
        assert not re.search(r'<script[^>]*src="https?://', page), "a handout must open offline"
        assert "widget-view+json" not in page


def test_questions_are_printed_for_paper(handouts):
    out, _ = handouts
    page = (out / "02-the-korean-war.html").read_text(encoding="utf-8")
    assert "Question 2.1.</b>" in page and "Answer: ____" in page


def test_pdf_handouts_are_printed(handouts):
    if not Path(CHROMIUM).exists():  # .ci/run installs it: under CI=true a missing browser is a failure
        (pytest.fail if os.environ.get("CI") == "true" else pytest.skip)(f"PDF handouts need {CHROMIUM}")
    out, written = handouts
    pdfs = [p for p in written if p.suffix == ".pdf"]
    assert len(pdfs) == len(course_outline())
    for pdf in pdfs:
        assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 50_000


def test_readme_counts_match_the_data():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    counts = re.search(r"with (\d+) dated events, (\d+) sources, a glossary of (\d+) entries .*?(\d+) self-check",
                       readme)
    assert counts, "the README says what the course holds"
    assert [int(n) for n in counts.groups()] == [len(load("events")), len(load("sources")), len(load("glossary")),
                                                 len(questions())]


# The instructor kit (docs/syllabus.md, docs/primers/): generated by `python -m lessons guide` like the guide.

def kit_sections(text: str, level: str = "### Session ") -> list[str]:
    return text.split("\n" + level)[1:]


def test_kit_files_are_what_the_generator_writes():
    from lessons.tools.kit import PRIMERS, SYLLABUS, primer_files, render_syllabus

    assert (ROOT / SYLLABUS).read_text(encoding="utf-8") == render_syllabus(), "run: python -m lessons guide"
    expected = primer_files()
    on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / PRIMERS).glob("*.md")}
    assert on_disk == set(expected), "a primer is missing or left over: run python -m lessons guide"
    for relative, text in expected.items():
        assert (ROOT / relative).read_text(encoding="utf-8") == text, f"{relative}: run python -m lessons guide"
    for text in [render_syllabus(), *expected.values()]:
        assert not re.search(r"(?<!\\)\$", text), "a dollar GitHub would read as maths"


def test_syllabus_has_nine_sessions_with_their_hand_ins_and_the_essay():
    from lessons.primary_documents import documents
    from lessons.rubrics import rubric
    from lessons.tools.guide import _notebook_parts
    from lessons.tools.kit import ESSAY_LESSONS, ESSAY_QUESTION, gh_text, render_syllabus

    text = render_syllabus()
    assert "## Who the course is for" in text and "No programming experience is needed" in text
    assert "## What students should know before" in text
    sessions = kit_sections(text.split("\n## Optional final essay")[0])
    lessons_table = load("lessons").set_index("number")
    assert len(sessions) == len(course_outline()) == 9
    for session, lesson in zip(sessions, course_outline().itertuples(), strict=True):
        assert session.startswith(f"{lesson.number + 1}: lesson {lesson.number}, {gh_text(lesson.title)}\n")
        assert f"**Time:** {_notebook_parts(lesson.number)[1]}" in session
        central = lessons_table.at[lesson.number, "central_question"]
        if central:
            assert f"**Central question:** {gh_text(central)}" in session
            assert "**Your argument**" in session and "Document cards" in session
            assert f"lesson's {len(documents(lesson=lesson.number))} document" in session
        for qid in questions(lesson.number):
            assert qid in session
    essay = text.split(f"\n## Optional final essay: {ESSAY_QUESTION}\n")[1]
    for row in rubric().itertuples():  # the same criteria and levels as the argument box
        assert gh_text(row.descriptor) in essay
    for lesson in ESSAY_LESSONS:
        for doc_id in documents(lesson=lesson)["id"]:
            assert f"(id `{doc_id}`)" in essay


def test_primers_state_only_what_the_lesson_cites():
    from lessons.chronology import event
    from lessons.course import cited_ids
    from lessons.primary_documents import documents, period_lessons
    from lessons.tools.kit import gh_text, key_events, render_primer

    figures = load("figures").set_index("id")
    for lesson in period_lessons():
        text = render_primer(lesson)
        events_cited, figures_cited, _ = cited_ids(lesson)
        allowed = set(events_cited) | set(figures_cited) | set(documents(lesson=lesson)["id"])
        named = set(re.findall(r"`([a-z0-9][a-z0-9.]*-[a-z0-9.-]+)`", text))  # ids have a hyphen
        assert named and named <= allowed, (lesson, sorted(named - allowed))
        events_part = text.split("## Key events")[1].split("\n## ")[0]
        listed = re.findall(r"\(`([^`]+)`\)$", events_part, flags=re.M)
        assert listed == [i for i in key_events(lesson, len(listed))] and 6 <= len(listed) <= 8, lesson
        for event_id in listed:
            ev = event(event_id)
            assert f"- **{gh_text(ev['when'])}**: {gh_text(ev['title'])} (`{event_id}`)" in events_part
        disputes = text.split("## Where the sources disagree")[1].split("\n## ")[0]
        disputed = [i for i in events_cited if event(i)["disagreement"]] + [
            i for i in figures_cited if figures.at[i, "disagreement"]]
        if f"Rows recording one ({len(disputed)};" in disputes:  # every cited row that records one is named
            for item in [*events_cited, *figures_cited]:
                assert (f"`{item}`" in disputes) == (item in disputed), (lesson, item)
        elif disputed:  # or, where the page has no room, counted
            assert f"Rows recording one: {len(disputed)} cited" in disputes, lesson
        for doc in documents(lesson=lesson).itertuples():
            assert f"{gh_text(doc.title)} `{doc.id}`" in text
        central = load("lessons").set_index("number").at[lesson, "central_question"]
        assert f"**Central question:** {gh_text(central)}" in text
        assert "**Argument task:** 150–250 words on the central question" in text


def test_primer_key_events_follow_the_stated_rule():
    """Every key event is used at least as much (questions, then documents, then notes) as every event left out."""
    from collections import Counter

    from lessons.course import cited_ids, markdown_cells
    from lessons.notes import NOTE
    from lessons.primary_documents import documents, period_lessons
    from lessons.tools.kit import key_events

    for lesson in period_lessons():
        cited_events = cited_ids(lesson)[0]
        asked = Counter(i for q in questions(lesson).values() for i in q.evidence)
        read = Counter(i for ids in documents(lesson=lesson)["event_ids"] for i in ids)
        notes = Counter(m[2] for t in markdown_cells(lesson) for m in NOTE.finditer(t))
        chosen = key_events(lesson, 6)
        weight = {i: (asked[i], read[i], notes[i]) for i in cited_events}
        left_out = set(cited_events) - set(chosen)
        assert len(chosen) == 6 and set(chosen) <= set(cited_events)
        assert min(weight[i] for i in chosen) >= max(weight[i] for i in left_out), lesson


def test_primers_fit_one_printed_page():
    from lessons.primary_documents import period_lessons
    from lessons.tools.kit import PRIMER_LINES, PRIMER_WORDS, PRIMERS, primer_words

    assert PRIMER_LINES <= 45 and PRIMER_WORDS <= 450  # the brief: one printed page
    for lesson in period_lessons():
        text = (ROOT / PRIMERS / f"lesson-{lesson}.md").read_text(encoding="utf-8")
        lines = text.splitlines()
        assert len(lines) <= PRIMER_LINES, f"lesson {lesson}: {len(lines)} lines"
        assert primer_words(text) <= PRIMER_WORDS, f"lesson {lesson}: {primer_words(text)} words"


def test_primers_point_to_sections_the_notebook_has():
    import json

    from lessons.course import notebook_path
    from lessons.primary_documents import period_lessons
    from lessons.tools.kit import render_primer

    for lesson in period_lessons():
        cells = json.loads(notebook_path(lesson).read_text(encoding="utf-8"))["cells"]
        headings = {m[1] for c in cells if c["cell_type"] == "markdown"
                    for m in re.finditer(r"^### (.+)$", "".join(c["source"]), flags=re.M)}
        taught = re.search(r"^- Taught in: (.+)\.$", render_primer(lesson), flags=re.M)
        named = re.findall(r"\*([^*]+)\*", taught[1]) if taught else []
        assert named and set(named) <= headings, (lesson, named)


def test_kit_escapes_text_from_the_data(monkeypatch):
    from lessons.tools import kit

    real = kit.event

    def hostile(event_id):
        row = real(event_id)
        row["title"] = "<script>alert(1)</script> *US$5* [x](javascript:y)"
        return row

    monkeypatch.setattr(kit, "event", hostile)
    text = kit.render_primer(2)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*US\\$5\\*" in text and "](javascript" not in text
    assert real("1950-kpa-invades-south")["title"] != hostile("1950-kpa-invades-south")["title"]  # data untouched


def test_teaching_notes_have_support_extension_and_ukraine_guidance():
    guide = (ROOT / GUIDE).read_text(encoding="utf-8")
    notes = (ROOT / "docs" / "teaching-notes.md").read_text(encoding="utf-8")
    sections = re.split(r"^## Lesson \d+\n", notes, flags=re.M)[1:]
    assert len(sections) == len(course_outline())
    for section in sections:
        assert "**Support.**" in section and "**Extension.**" in section
    for heading in ("**Support.**", "**Extension.**"):
        assert guide.count(heading) == len(course_outline())  # the guide carries them
    lesson6 = sections[6]
    assert "**Teaching the war in Ukraine and the North Korean troops.**" in lesson6
    for rule in ("ground rules", "No student speaks for a nation", "Attribute every contested claim",
                 "personal discussion optional"):
        assert rule in lesson6, rule
