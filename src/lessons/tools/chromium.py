"""Where Debian's Chromium is, and the flags it needs here: one place for the handouts and the tests.

The course never downloads a browser (Playwright's own is not used); ``CHROMIUM`` in the
environment names another binary.

>>> "--headless" not in CHROMIUM_ARGS and "--disable-background-networking" in CHROMIUM_ARGS
True
"""
from __future__ import annotations

import os

__all__ = ["CHROMIUM", "CHROMIUM_ARGS"]

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Background networking off: a closed network (CI, a school's proxy) refuses Chromium's own connections.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
