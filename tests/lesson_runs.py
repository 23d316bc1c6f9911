"""Each lesson executed once per test run, and shared: Run All twice in one kernel.

The re-run test needs two passes in one kernel; the handout tests need an executed
notebook. Both take it from here, so a lesson is not executed again for the handouts
(nbval, the notebook test, and the real-browser test still run it their own way).
"""
from __future__ import annotations

import copy
import tempfile
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient

FRIENDLY = "Check your input"


@dataclass
class LessonRun:
    """Two Run All passes of one notebook in one kernel."""

    executed: nbformat.NotebookNode  # the notebook as the first pass left it
    first: dict[int, str]  # cell index -> what went wrong in the first pass
    second: dict[int, str]
    counts_first: list
    counts_second: list


def problems(nb) -> dict[int, str]:
    """Cell index -> what went wrong in it: an error output or the course's friendly error note."""
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
    return problems(nb)


def run_twice(path: Path) -> LessonRun:
    """Run All, then Run All again in the same kernel, from a temporary working folder."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory() as workdir:
        # allow_errors: run every cell and report every failure, not only the first one
        client = NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                                resources={"metadata": {"path": workdir}})
        with client.setup_kernel():
            first = _run_all(client, nb)
            executed = copy.deepcopy(nb)
            counts_first = [c.execution_count for c in nb.cells if c.cell_type == "code"]
            second = _run_all(client, nb)
            counts_second = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    return LessonRun(executed, first, second, counts_first, counts_second)


class LessonRuns:
    """Runs each lesson the first time a test asks for it, then hands out the same result."""

    def __init__(self):
        self._runs: dict[Path, LessonRun] = {}

    def __getitem__(self, path: Path) -> LessonRun:
        if path not in self._runs:
            self._runs[path] = run_twice(path)
        return self._runs[path]
