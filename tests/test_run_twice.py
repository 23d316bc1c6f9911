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

import nbformat
import pytest
from nbclient import NotebookClient

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "notebooks").glob("*.ipynb"))
FRIENDLY = "Check your input"


def _problems(nb) -> dict[int, str]:
    """Cell index -> what went wrong in it: an error output or the friendly error note."""
    found = {}
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                found[index] = f"{output.ename}: {output.evalue}"
            elif FRIENDLY in output.get("data", {}).get("text/markdown", ""):
                found.setdefault(index, output.data["text/markdown"][:200])
    return found


def _run_all(client, nb) -> dict[int, str]:
    for index, cell in enumerate(nb.cells):
        client.execute_cell(cell, index)
    return _problems(nb)


def test_notebooks_are_found():
    assert len(NOTEBOOKS) >= 9, "every lesson notebook is in notebooks/"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_run_all_twice_in_the_same_kernel(path, tmp_path):
    nb = nbformat.read(path, as_version=4)
    # allow_errors: run every cell and report every failure, not only the first one
    client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(tmp_path)}})
    with client.setup_kernel():
        first = _run_all(client, nb)
        executed = [c.execution_count for c in nb.cells if c.cell_type == "code"]
        second = _run_all(client, nb)
        again = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert executed and None not in executed and None not in again
    assert min(again) > max(executed), "the second run used the same kernel"

    def show(found):
        return "\n".join(f"  cell {i}: {nb.cells[i].source.splitlines()[0][:60]!r} -> {what}"
                         for i, what in sorted(found.items()))

    assert not first, f"first Run All of {path.name} failed:\n{show(first)}"
    assert not second, f"second Run All of {path.name} (same kernel) failed:\n{show(second)}"
