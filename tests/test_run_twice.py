"""A student can re-run a lesson: Run All, then Run All again, in the same kernel, with no error.

Issue 10 (section 3): once ``lessons.figures`` had been used, the submodule of the same
name shadowed the function, and a second run of lesson 8 failed. nbval runs each notebook
only once, so it cannot see this kind of bug. Here every notebook is executed twice by one
nbclient kernel client (one kernel per notebook, nothing shared between notebooks), from a
temporary working directory, as a student who opens the lesson from another folder would.

Besides real errors, a re-run must not turn a working cell into one that shows the course's
friendly "Check your input" note (``lessons.setup()`` shows LessonInputError that way, so such
a failure would not be an error output).
"""
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))


def test_notebooks_are_found():
    assert len(NOTEBOOKS) >= 9, "every lesson notebook is in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_run_all_twice_in_the_same_kernel(path, lesson_runs):
    run = lesson_runs[path]
    nb = run.executed
    assert run.counts_first and None not in run.counts_first and None not in run.counts_second
    assert min(run.counts_second) > max(run.counts_first), "the second run used the same kernel"

    def show(found):
        return "\n".join(f"  cell {i}: {nb.cells[i].source.splitlines()[0][:60]!r} -> {what}"
                         for i, what in sorted(found.items()))

    assert not run.first, f"first Run All of {path.name} failed:\n{show(run.first)}"
    assert not run.second, f"second Run All of {path.name} (same kernel) failed:\n{show(run.second)}"
