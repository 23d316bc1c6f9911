"""A printable handout (HTML), opened in Chromium: titled after its lesson, and no serious or
critical axe-core violation (links told apart from text, tables with headers, images with alt).

One handout is built (lesson 5: links, a table of figures and charts), with the course's own
builder, into a temporary folder; building all nine takes about a minute.
"""
import subprocess
import sys
from pathlib import Path

import pytest

from . import a11y
from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, require_browser

require_browser()
playwright = pytest.importorskip("playwright.sync_api")

LESSON = 5
BUILD_ONE = ("import sys; from lessons.tools.handouts import build_handouts; "
             "build_handouts(sys.argv[1], pdf=False, lessons=[int(sys.argv[2])])")


@pytest.fixture(scope="module")
def handout(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("handouts")
    subprocess.run([sys.executable, "-c", BUILD_ONE, str(out), str(LESSON)], cwd=out, check=True,
                   capture_output=True, timeout=300)
    pages = sorted(out.glob(f"{LESSON:02d}-*.html"))
    assert len(pages) == 1, f"one handout for lesson {LESSON}: {sorted(p.name for p in out.iterdir())}"
    return pages[0]


@pytest.fixture(scope="module")
def page(handout):
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(handout.as_uri())
        page.wait_for_load_state("load")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"handout-{handout.stem}.png"))
        yield page
        browser.close()


def test_handout_is_titled_after_its_lesson(page):
    from lessons.course import course_outline

    outline = course_outline()
    title = outline.loc[outline["number"] == LESSON, "title"].item()
    assert title in page.title(), f"the handout's <title> is {page.title()!r}, not the lesson's"


def test_handout_has_no_serious_accessibility_violation(page):
    a11y.axe_available()
    # the whole document is the course's: nbconvert's template plus the lesson
    violations = a11y.run_axe(page, ["body"])
    a11y.assert_none_of_the_course(violations, "the handout", "nbconvert")
