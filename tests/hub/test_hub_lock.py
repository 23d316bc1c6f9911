"""config/hub.lock.txt (JupyterHub and nbgitpuller for tests/hub) agrees with requirements.lock.

The hub's environment is both files synced together, so a package the two share must have the
same pin in both: after requirements.lock changes, this test says to regenerate the hub lock
(before the slower JupyterHub test fails to install). It needs no browser and no network.
"""
import re
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def _pins(path: Path) -> dict[str, set[str]]:
    """Package name (normalised) -> the versions pinned for it (one per environment marker)."""
    pins: dict[str, set[str]] = {}
    for name, version in PIN.findall(path.read_text(encoding="utf-8")):
        pins.setdefault(re.sub(r"[-_.]+", "-", name).lower(), set()).add(version)
    return pins


def test_hub_lock_pins_the_hub_and_agrees_with_requirements_lock():
    hub_lock = REPO / "config" / "hub.lock.txt"
    hub, course = _pins(hub_lock), _pins(REPO / "requirements.lock")
    assert hub["jupyterhub"] == {"6.1.1"} and hub["nbgitpuller"] == {"1.3.0"}
    disagree = {name: (sorted(versions), sorted(course[name])) for name, versions in hub.items()
                if name in course and not versions <= course[name]}
    assert not disagree, (f"config/hub.lock.txt pins differently from requirements.lock (hub, course): {disagree}; "
                          "regenerate it with the command at its top")
    lines = hub_lock.read_text(encoding="utf-8").splitlines() + [""]
    unhashed = [line.split(" ")[0] for line, following in pairwise(lines)
                if PIN.match(line) and not following.strip().startswith("--hash=sha256:")]
    assert not unhashed, f"every package in config/hub.lock.txt needs its hashes: {unhashed}"
