"""The timeline explorer served by Voilà (code hidden, for projection): renders, responds, and
passes axe-core (no serious or critical violation in the course's own output)."""
import os
import sys

import pytest

from . import a11y
from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, REPO, free_port, require_browser, running

require_browser()
playwright = pytest.importorskip("playwright.sync_api")

CHART = ".jp-OutputArea-output img"


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("voila")
    port = free_port()
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"))
    command = [sys.executable, "-m", "voila", str(REPO / "apps" / "timeline-explorer.ipynb"), "--no-browser",
               "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0"]
    base = f"http://127.0.0.1:{port}/"
    with running(command, base, env, tmp / "voila.log"):
        yield base


@pytest.fixture(scope="module")
def page(app):
    """The app in Chromium at 1366×900, once for both tests."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.set_default_timeout(60_000)
        page.goto(app)
        page.locator(".widget-slider").first.wait_for(state="visible")
        yield page
        browser.close()


def test_voila_app_shows_the_explorer_without_code_and_responds(page):
    try:
        body = page.inner_text("body")
        assert "Error displaying widget" not in body and "Traceback" not in body
        assert "import lessons" not in body, "Voilà hides the code"
        image = page.locator(CHART).first
        image.wait_for()
        assert image.get_attribute("alt"), "the explorer's chart has alt text"
        before = image.get_attribute("src")
        page.locator(".widget-slider .noUi-handle").first.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([sel, old]) => document.querySelector(sel).src !== old", arg=[CHART, before])
        page.screenshot(path=str(ARTIFACTS / "voila-timeline-explorer.png"), full_page=True)
    except Exception:
        page.screenshot(path=str(ARTIFACTS / "voila-timeline-explorer.png"), full_page=True)
        raise


def test_voila_app_has_no_serious_accessibility_violation_of_the_course(page):
    a11y.axe_available()
    violations = a11y.run_axe(page, [".jp-OutputArea-output"])
    a11y.assert_none_of_the_course(violations, "the app's output", "Voilà's or ipywidgets")
