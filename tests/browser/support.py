"""Shared pieces of the browser tests: Chromium's flags, where screenshots go, and a server runner."""
import contextlib
import os
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from lessons.tools.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 (the tests import them from here)

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", REPO / "build" / "browser"))


def require_browser() -> None:
    """Skip this test module when Chromium or Playwright is missing, with what to install;
    under CI=true (``.ci/run`` installs both) fail instead, so a broken set-up cannot pass as skipped."""
    missing = [] if Path(CHROMIUM).exists() else [f"{CHROMIUM} not found (Debian: apt-get install chromium)"]
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright not installed (make test installs it from requirements.lock)")
    skip_or_fail("browser tests", missing)


def skip_or_fail(tests: str, missing: list[str]) -> None:
    """Skip ``tests`` (a module) saying what is ``missing`` and how to install it; fail instead under
    CI=true, where .ci/run installs everything, so a broken set-up cannot pass as skipped."""
    if not missing:
        return
    message = f"{tests} skipped: " + "; ".join(missing)
    if os.environ.get("CI") == "true":
        pytest.fail(message.replace("skipped", "cannot run under CI=true"), pytrace=False)
    pytest.skip(message, allow_module_level=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running(command: list[str], ready_url: str, env: dict, log_path: Path):
    """Start a server, wait until ``ready_url`` answers 200, stop it afterwards."""
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(600):
                try:
                    with urllib.request.urlopen(ready_url, timeout=5) as reply:
                        if reply.status == 200:
                            break
                except OSError:
                    time.sleep(0.1)
            else:
                raise RuntimeError(f"server did not start; see {log_path}")
            yield
        finally:
            server.terminate()
            try:
                server.wait(timeout=15)
            except subprocess.TimeoutExpired:
                server.kill()
