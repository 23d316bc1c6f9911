"""The JupyterHub test's Python environment, built in build/hub/ and reused while its locks do not change.

The hub's environment is what an instructor would install on a hub: requirements.lock plus
config/hub.lock.txt (JupyterHub and nbgitpuller, hashed), synced by uv into build/hub/venv, and the
course itself built as a wheel and installed non-editable (so the course's data is found from the
lesson's folder, as on a real hub, never from this checkout). A stamp in the environment holds the
locks' hash: an unchanged pair of locks skips the sync. The wheel is rebuilt when the course's
source (the served commit's src/ and pyproject.toml) changes.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from browser.support import REPO, skip_or_fail

BUILD = REPO / "build" / "hub"
VENV = BUILD / "venv"
LOCKS = (REPO / "requirements.lock", REPO / "config" / "hub.lock.txt")
# configurable-http-proxy comes from npm, pinned, into build/node (.ci/run installs it beside axe-core).
PROXY = REPO / "build" / "node" / "node_modules" / ".bin" / "configurable-http-proxy"
PROXY_INSTALL = "npm install --prefix build/node --save-exact configurable-http-proxy@5.3.0"


def uv() -> str | None:
    """The uv that `make test` installs into .venv, else one on PATH."""
    beside = Path(sys.executable).parent / "uv"
    return str(beside) if beside.exists() else shutil.which("uv")


def require_hub_tools() -> None:
    """Skip when Node, configurable-http-proxy, git or uv is missing, saying what to install;
    under CI=true (``.ci/run`` installs them) fail instead, as ``require_browser`` does."""
    missing = []
    if not shutil.which("node"):
        missing.append("node not found (Debian: apt-get install nodejs npm)")
    if not PROXY.exists():
        missing.append(f"configurable-http-proxy not found in build/node ({PROXY_INSTALL})")
    if not shutil.which("git"):
        missing.append("git not found (Debian: apt-get install git)")
    if not uv():
        missing.append("uv not found (make test installs it into .venv)")
    skip_or_fail("JupyterHub test", missing)


def _run(command: list[str], what: str, **kwargs) -> None:
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, **kwargs)
    if result.returncode:
        raise RuntimeError(f"{what} failed ({' '.join(command)}):\n{result.stdout}{result.stderr}")


def locks_digest() -> str:
    """The hash of both locks and of the Python that runs the tests (the environment is built with it)."""
    digest = hashlib.sha256(sys.version.encode())
    for lock in LOCKS:
        digest.update(lock.read_bytes())
    return digest.hexdigest()


def hub_environment(course: Path, course_key: str) -> Path:
    """The hub's environment with the course from the checkout ``course`` installed; returns its folder.

    ``course_key`` names the course's source (a git tree id): the same key skips building the wheel.
    """
    python = VENV / "bin" / "python"
    stamp, wheel_stamp = VENV / ".locks-sha256", VENV / ".course-source"
    digest = locks_digest()
    if not (python.exists() and stamp.exists() and stamp.read_text() == digest):
        shutil.rmtree(VENV, ignore_errors=True)
        _run([uv(), "venv", "--quiet", "--python", sys.executable, str(VENV)], "creating the hub's environment")
        _run([uv(), "pip", "sync", "--quiet", "--require-hashes", "--python", str(python), *map(str, LOCKS)],
             "installing requirements.lock and config/hub.lock.txt (if they disagree, regenerate config/hub.lock.txt "
             "with the command at its top)")
        stamp.write_text(digest)
    if not (wheel_stamp.exists() and wheel_stamp.read_text() == course_key):
        dist = BUILD / "dist"
        shutil.rmtree(dist, ignore_errors=True)
        # No build isolation: setuptools comes from the hashed lock, as `make` builds the course.
        _run([uv(), "build", "--quiet", "--wheel", "--no-build-isolation", "--python", str(python),
              "--out-dir", str(dist), str(course)], "building the course's wheel")
        (wheel,) = dist.glob("lessons-*.whl")
        _run([uv(), "pip", "install", "--quiet", "--no-deps", "--reinstall", "--python", str(python), str(wheel)],
             "installing the course's wheel")
        wheel_stamp.write_text(course_key)
    return VENV
