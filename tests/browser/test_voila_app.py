"""The timeline explorer served by Voilà (code hidden, for projection): renders and responds."""
import os
import sys
from pathlib import Path

import pytest

from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, REPO, free_port, running

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests skipped: {CHROMIUM} not found (Debian: apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: pip install playwright")


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


def test_voila_app_shows_the_explorer_without_code_and_responds(app):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.set_default_timeout(60_000)
        try:
            page.goto(app)
            slider = page.locator(".widget-slider").first
            slider.wait_for(state="visible")
            body = page.inner_text("body")
            assert "Error displaying widget" not in body and "Traceback" not in body
            assert "import lessons" not in body, "Voilà hides the code"
            image = page.locator(".widget-image").first
            before = image.get_attribute("src")
            slider.locator(".noUi-handle").first.focus()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("old => document.querySelector('.widget-image').src !== old", arg=before)
            page.screenshot(path=str(ARTIFACTS / "voila-timeline-explorer.png"))
        except Exception:
            page.screenshot(path=str(ARTIFACTS / "voila-timeline-explorer.png"))
            raise
        finally:
            browser.close()
