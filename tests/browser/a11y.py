"""axe-core (Deque's accessibility checker, from npm) run inside a Playwright page.

axe-core is installed from the npm registry into build/node by .ci/run (and by hand with
``npm install --prefix build/node axe-core@4.14.1``). The tests that need it skip with a message
when it is missing, except under CI=true, where a missing checker is a failure: CI must check.

Every violation is classified by who causes it:

- KNOWN: markup that JupyterLab, Voilà or ipywidgets generate themselves, whatever the course
  does (listed below with the reason). Reported, never a failure.
- everything else inside the course's own output (rendered Markdown, cell outputs, the widgets'
  HTML) is the course's: a serious or critical one fails the test.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .support import REPO

AXE_VERSION = "4.14.1"
AXE_JS = Path(os.environ.get("AXE_JS", REPO / "build" / "node" / "node_modules" / "axe-core" / "axe.min.js"))
FAILING_IMPACTS = {"serious", "critical"}

# (rule id, CSS class or attribute that marks the node as the framework's own, why it is not the course's).
# Only what was seen: anything broader could hide the course's own violations.
KNOWN = [
    # ipywidgets' range and integer sliders are noUiSlider handles with role=slider and no accessible
    # name: ipywidgets does not link the slider's description label to the handles (seen on every
    # lesson with an explorer and in the Voilà app); the course cannot name them from Python.
    ("aria-input-field-name", "noUi-handle", "ipywidgets' slider handles have no accessible name"),
]


def axe_available() -> bool:
    """True when axe-core is installed; otherwise skip (or, under CI=true, fail) with the command to run."""
    installed = _installed_version()
    if installed == AXE_VERSION:
        return True
    found = f"axe-core {installed} at {AXE_JS}" if installed else f"axe-core not found at {AXE_JS}"
    message = (f"{found}: run `npm install --prefix build/node axe-core@{AXE_VERSION}` "
               "(.ci/run does this when npm exists)")
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
    return False


def _installed_version() -> str | None:
    package = AXE_JS.parent / "package.json"
    if not (AXE_JS.exists() and package.exists()):
        return None
    return json.loads(package.read_text(encoding="utf-8")).get("version")


def run_axe(page, include: list[str]) -> list[dict]:
    """Run axe-core over the elements matching any of ``include``; one dict per violating node.

    Each dict has rule, impact, help, target (CSS path) and html (the node's opening markup).
    """
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    present = [sel for sel in include if page.locator(sel).count()]
    assert present, f"nothing to check: none of {include} is on the page"
    result = page.evaluate(
        """async (selectors) => {
            const r = await axe.run({include: selectors.map(s => [s])}, {resultTypes: ['violations']});
            return r.violations.flatMap(v => v.nodes.map(n => ({
                rule: v.id, impact: n.impact || v.impact, help: v.help,
                target: n.target.join(' '), html: n.html.slice(0, 300)})));
        }""", present)
    return result


def known_reason(violation: dict) -> str | None:
    """Why a violation is the framework's and not the course's, or None when it is the course's."""
    for rule, marker, reason in KNOWN:
        if violation["rule"] == rule and (marker in violation["html"] or marker in violation["target"]):
            return reason
    return None


def split(violations: list[dict]) -> tuple[list[dict], list[dict]]:
    """(the course's serious or critical violations, the known framework ones)."""
    course = [v for v in violations if v["impact"] in FAILING_IMPACTS and known_reason(v) is None]
    known = [v for v in violations if known_reason(v) is not None]
    return course, known


def describe(violations: list[dict]) -> str:
    return "\n".join(f"  {v['impact']} {v['rule']} ({v['help']}): {v['target']} {v['html'][:160]}"
                     for v in violations)


def assert_none_of_the_course(violations: list[dict], where: str, known_owner: str) -> None:
    """Fail on any serious or critical violation the course causes; print the known ones of ``known_owner``."""
    course, known = split(violations)
    print(f"axe-core: {len(violations)} violating nodes, {len(course)} serious or critical of the course's")
    if known:
        print(f"known, {known_owner}'s own:\n" + describe(known))
    assert not course, f"serious or critical axe-core violations in {where}:\n" + describe(course)
