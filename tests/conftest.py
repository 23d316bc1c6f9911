"""Shared fixtures. Charts are drawn off-screen; nothing here opens a window."""
import os

os.environ.setdefault("MPLBACKEND", "Agg")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def fresh_tries():
    """Each test starts with no wrong tries counted, so feedback does not depend on test order."""
    from lessons.questions.check import forget_tries

    forget_tries()
    yield


@pytest.fixture(scope="session")
def lesson_runs():
    """Every lesson run twice in one kernel, once per test run (see tests/lesson_runs.py)."""
    from lesson_runs import LessonRuns

    return LessonRuns()
