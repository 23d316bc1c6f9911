"""Every lesson, in JupyterLab, in a real browser: runs, renders its widgets, and responds.

nbval proves the notebooks run; only a browser proves a student sees working widgets.
These tests start JupyterLab on 127.0.0.1 (token set; settings, workspaces and runtime in
temporary folders; news and update checks off), drive Debian's Chromium through Playwright
(never a downloaded browser), and for every notebook: open it in a fresh workspace, wait
until the kernel is idle, run all cells, check that no cell shows an error and every widget
rendered, then move one control of each widget and check that what it shows changes.
A screenshot of each notebook is saved in build/browser/ (or $BROWSER_ARTIFACTS).

Without Chromium or Playwright the tests are skipped with a message saying what to install.
"""
import json
import os
import re
import shutil
import sys
from pathlib import Path

import pytest

from .support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, REPO, free_port, running

NOTEBOOKS = sorted(p.name for p in (REPO / "notebooks").glob("[0-9][0-9]-*.ipynb"))
TOKEN = "lessons-browser-test"

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests skipped: {CHROMIUM} not found (Debian: apt-get install chromium; "
                ".ci/run installs it)", allow_module_level=True)
playwright = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: pip install playwright")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on 127.0.0.1 with everything user-specific in temporary folders."""
    tmp = tmp_path_factory.mktemp("lab")
    # Serve a copy of the notebooks, so nothing the browser does (autosave) can touch the repository.
    root = tmp / "root"
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    port = free_port()
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(tmp / "settings"),
               JUPYTERLAB_WORKSPACES_DIR=str(tmp / "workspaces"), JUPYTER_RUNTIME_DIR=str(tmp / "runtime"),
               JUPYTER_CONFIG_DIR=str(tmp / "config"), JUPYTER_PREFER_ENV_PATH="1")
    (tmp / "settings" / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (tmp / "settings" / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text(
        '{"fetchNews": "false", "checkForUpdates": false}')
    (tmp / "settings" / "@jupyterlab" / "docmanager-extension").mkdir(parents=True)
    (tmp / "settings" / "@jupyterlab" / "docmanager-extension" / "plugin.jupyterlab-settings").write_text(
        '{"autosave": false}')
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ServerApp.ip=127.0.0.1",
               f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}",
               f"--ServerApp.root_dir={root}", "--LabApp.news_url=None", "--LabApp.extension_manager=readonly",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate", "--allow-root"]
    base = f"http://127.0.0.1:{port}"
    with running(command, f"{base}/api/status?token={TOKEN}", env, tmp / "lab.log"):
        yield base


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _idle(page, timeout=90_000):
    # The status bar is the reliable signal; the toolbar indicator says "idle" before the kernel exists.
    page.wait_for_function("() => (document.querySelector('#jp-main-statusbar')?.innerText || '')"
                           ".includes('| Idle')", timeout=timeout)


def _run_all(page, n_code_cells):
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    page.wait_for_function(
        "n => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".filter(p => /\\[\\d+\\]/.test(p.textContent)).length === n", arg=n_code_cells, timeout=180_000)
    _idle(page)


def _nudge(page, widget):
    """Move one control of a widget as a student would; return a description of what was moved."""
    if widget.locator(".noUi-handle").count():
        handle = widget.locator(".noUi-handle").first
        handle.focus()
        page.keyboard.press("ArrowRight")
        return "slider"
    if widget.locator("select").count():
        select = widget.locator("select").first
        values = select.locator("option").evaluate_all("options => options.map(o => o.value)")
        select.select_option(values[min(2, len(values) - 1)])
        if widget.get_by_role("button", name="Check").count():
            widget.get_by_role("button", name="Check").click()
        return "dropdown"
    if widget.locator("input[type=radio]").count():
        widget.locator("input[type=radio]").first.check()
        widget.get_by_role("button", name="Check").click()
        return "radio"
    if widget.locator("input[type=text]").count():
        box = widget.locator("input[type=text]").first
        box.fill("Stalin 1950")
        box.press("Enter")
        if widget.get_by_role("button", name="Check").count():
            widget.get_by_role("button", name="Check").click()
        return "text"
    widget.locator("button").first.click()
    return "button"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_renders_and_responds_in_jupyterlab(lab, browser, notebook):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / f"{Path(notebook).stem}.png"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        cells = json.loads((REPO / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
        n_code = sum(c["cell_type"] == "code" for c in cells)
        page.goto(f"{lab}/lab/workspaces/t{notebook[:2]}/tree/notebooks/{notebook}?reset&token={TOKEN}")
        page.locator(".jp-NotebookPanel .jp-Cell").first.wait_for()
        _idle(page)
        _run_all(page, n_code)
        page.wait_for_timeout(500)
        body = page.locator(".jp-NotebookPanel").inner_text()
        assert "Traceback" not in body and "Error displaying widget" not in body
        assert not page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']").count()
        widgets = page.locator(".jp-OutputArea-output > .jupyter-widgets.widget-vbox")
        expected = sum("lessons.question(" in "".join(c["source"]) or re.search(
            r"lessons\.\w+_(explorer|checker|finder)\(|lessons\.war_phases\(", "".join(c["source"])) is not None
            for c in cells if c["cell_type"] == "code")
        page.wait_for_function("n => document.querySelectorAll('.jp-OutputArea-output > .jupyter-widgets.widget-vbox')"
                               ".length >= n", arg=expected, timeout=30_000)
        assert "Loading widget" not in page.locator(".jp-NotebookPanel").inner_text()
        assert widgets.count() == expected
        for i in range(widgets.count()):
            widget = widgets.nth(i)
            widget.scroll_into_view_if_needed()
            before = widget.inner_html()
            moved = _nudge(page, widget)
            handle = widget.element_handle()
            page.wait_for_function("([el, html]) => el.innerHTML !== html", arg=[handle, before], timeout=20_000)
            assert "Traceback" not in widget.inner_text(), f"widget {i} ({moved}) shows an error"
        images = page.locator(".jp-OutputArea-output figure img")
        for i in range(images.count()):
            assert images.nth(i).get_attribute("alt"), "every chart has alt text"
        page.screenshot(path=str(shot), full_page=False)
    except Exception:
        page.screenshot(path=str(shot), full_page=False)
        raise
    finally:
        context.close()
