"""Shared fixtures. Charts are drawn off-screen; nothing here opens a window."""
import os
import tempfile

os.environ.setdefault("MPLBACKEND", "Agg")
# Answers given while testing (by tests, nbval's kernels, the browser's JupyterLab) are kept in a
# folder of this run, never in the home of whoever runs the tests.
os.environ["LESSONS_ANSWERS_DIR"] = tempfile.mkdtemp(prefix="lessons-answers-")
# Charts are drawn every time while testing (tests/test_render_cache.py turns the render cache on
# where it is the subject): a kept image must never stand in for the drawing a test is checking.
os.environ["LESSONS_CACHE_DIR"] = "off"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(autouse=True)
def fresh_answers(tmp_path_factory, monkeypatch):
    """Each test starts with no answers kept (so no tries counted): feedback does not depend on test order."""
    folder = tmp_path_factory.mktemp("answers")
    monkeypatch.setenv("LESSONS_ANSWERS_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def lesson_runs():
    """Every lesson run twice in one kernel, once per test run (see tests/lesson_runs.py)."""
    from lesson_runs import LessonRuns

    return LessonRuns()
