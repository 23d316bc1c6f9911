"""The timeline explorer served by Voilà (code hidden, for projection): renders and responds."""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", REPO / "build" / "browser"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests skipped: {CHROMIUM} not found (Debian: apt-get install chromium)",
                allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: pip install playwright")


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("voila")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, JUPYTER_RUNTIME_DIR=str(tmp / "runtime"), JUPYTER_CONFIG_DIR=str(tmp / "config"))
    log = open(tmp / "voila.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "voila", str(REPO / "apps" / "timeline-explorer.ipynb"),
                               "--no-browser", "--Voila.ip=127.0.0.1", f"--port={port}", "--Voila.port_retries=0"],
                              env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(base, timeout=5) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError(f"Voilà did not start; see {tmp / 'voila.log'}")
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


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
