"""Benchmarks: notebook execution, widget responsiveness, start-up and set-up.

Run ``make bench`` (or ``python benchmarks/run.py``). It prints a table and writes
``benchmarks/results/latest.json``. Numbers are measured on this machine in one run, next to
their baselines measured in the same run; they are reported, never asserted.

    python benchmarks/run.py [--runs 3] [--changes 30] [--notebooks 00,01] [--setup] [--out FILE]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOOR_SOURCE = "import pandas, matplotlib.pyplot, ipywidgets"
# Issue 11's targets: explorers in at most half the naive redraw, lessons within 1.3x the floor.
TARGETS = {"explorer_p95_ms": 100, "explorer_vs_naive": 0.5, "lesson_vs_floor": 1.3, "course_s": 30,
           "import_overhead_ms": 50, "cached_load_ms": 1}


def _percentile(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# Appended to every notebook run: the kernel's peak resident memory in KiB. VmHWM is this process's own
# high-water mark; getrusage's ru_maxrss is not: Linux carries it over from the parent across fork and
# exec, so a kernel started by a big process (a long pytest run) reports the parent's size.
PEAK_MEMORY_SOURCE = (
    "import re as _re, resource as _r\n"
    "try:\n"
    "    print(_re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
    "except (OSError, TypeError):\n"
    "    print(_r.getrusage(_r.RUSAGE_SELF).ru_maxrss)")


def run_notebook(path: Path, workdir: Path) -> tuple[float, float]:
    """Execute one notebook from a fresh kernel: (seconds, kernel start included; peak kernel memory in MB)."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_MEMORY_SOURCE))
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(workdir)}}).execute()
    seconds = time.perf_counter() - start
    peak_kib = int(nb.cells[-1].outputs[0]["text"].strip())
    return seconds, peak_kib / 1024


def time_notebook(path: Path, workdir: Path) -> float:
    """Seconds to execute one notebook from a fresh kernel (kernel start included)."""
    return run_notebook(path, workdir)[0]


def floor_notebook(folder: Path) -> Path:
    """A notebook that only starts a kernel and imports the stack: the floor lessons are measured against."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = folder / "floor.ipynb"
    nbformat.write(nb, path)
    return path


@contextlib.contextmanager
def chart_cache(folder: Path):
    """Kernels started inside this block keep rendered charts in ``folder`` (lessons.charts.render_cache)."""
    before = os.environ.get("LESSONS_CACHE_DIR")
    os.environ["LESSONS_CACHE_DIR"] = str(folder)
    try:
        yield folder
    finally:
        if before is None:
            del os.environ["LESSONS_CACHE_DIR"]
        else:
            os.environ["LESSONS_CACHE_DIR"] = before


#: A student's first move of an explorer whose first picture was kept: its plot is made then, and
#: matplotlib loaded (the price of a lesson that runs without it).
FIRST_CHANGES = {
    "timeline": ("e = lessons.timeline_explorer(years=(1945, 1949))", "e.years.value = (1950, 1953)"),
    "trade": ("e = lessons.trade_explorer(pairs=('USSR/Russia–DPRK', 'PRC–DPRK'), years=(1985, 2000))",
              "e.scale.value = 'log'"),
}


def _first_change_ms(code: tuple[str, str], prerendered: Path) -> float:
    make, change = code
    script = (f"import time, pandas, ipywidgets, lessons\n{make}\nstart = time.perf_counter()\n{change}\n"
              "print((time.perf_counter() - start) * 1000)")
    with chart_cache(prerendered):
        out = subprocess.run([sys.executable, "-c", script], check=True, capture_output=True, text=True, cwd=ROOT)
    return float(out.stdout.strip().splitlines()[-1])


def bench_notebooks(runs: int, only: list[str] | None) -> dict:
    """Each lesson from a fresh kernel, as the set-up leaves it (its charts rendered once by
    ``python -m lessons prerender``) and cold (an empty render cache, every chart drawn), next to the floor.
    ``vs_floor`` is the median of each round's lesson/floor ratio."""
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]-*.ipynb"))
    if only:
        notebooks = [p for p in notebooks if p.name[:2] in only]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        floor_path = floor_notebook(tmp)
        prerendered = tmp / "prerendered"
        subprocess.run([sys.executable, "-m", "lessons", "prerender", "--out", str(prerendered)], check=True,
                       capture_output=True, cwd=ROOT)
        floor_runs, lessons = [], {}
        for path in notebooks:
            # Each round runs the floor, the lesson prerendered and the lesson cold back to back, and
            # the ratios are taken within a round: a machine that slows down for a minute (other
            # work on shared cores) slows the floor and the lesson alike.
            warm, cold, ratios, cold_ratios = [], [], [], []
            for run in range(runs):
                floor_s, floor_mb = run_notebook(floor_path, tmp)
                floor_runs.append((floor_s, floor_mb))
                with chart_cache(prerendered):
                    warm.append(run_notebook(path, tmp))
                with chart_cache(tmp / f"cold-{path.stem}-{run}"):  # a new, empty folder each run
                    cold.append(run_notebook(path, tmp))
                ratios.append(warm[-1][0] / floor_s)
                cold_ratios.append(cold[-1][0] / floor_s)
            lessons[path.name] = {"median_s": round(statistics.median(t for t, _ in warm), 3),
                                  "vs_floor": round(statistics.median(ratios), 2),
                                  "cold_median_s": round(statistics.median(t for t, _ in cold), 3),
                                  "cold_vs_floor": round(statistics.median(cold_ratios), 2),
                                  "peak_mb": round(max(m for _, m in warm), 1),
                                  # every chart drawn, so matplotlib loaded: what a kernel reaches once a
                                  # student uses an explorer, and what a hub should be sized for
                                  "drawn_peak_mb": round(max(m for _, m in cold), 1)}
        floor = statistics.median(t for t, _ in floor_runs)
        floor_mb = max(m for _, m in floor_runs)
        first_change = {name: round(statistics.median(_first_change_ms(code, prerendered) for _ in range(runs)), 1)
                        for name, code in FIRST_CHANGES.items()}
        for row in lessons.values():
            row["vs_floor_mb"] = round(row["peak_mb"] - floor_mb, 1)
            row["drawn_vs_floor_mb"] = round(row["drawn_peak_mb"] - floor_mb, 1)
    worst = max(v["drawn_peak_mb"] for v in lessons.values())
    return {"floor_s": round(floor, 3), "floor_peak_mb": round(floor_mb, 1), "lessons": lessons,
            "first_change_ms": first_change,
            "course_s": round(sum(v["median_s"] for v in lessons.values()), 2),
            "cold_course_s": round(sum(v["cold_median_s"] for v in lessons.values()), 2),
            # one kernel per student at the worst lesson's peak with its charts drawn: how many fit in a GB
            "students_per_gb": round(1024 / worst, 1)}


def _explorers():
    """(name, factory, list of control changes) for every explorer in the course."""
    from lessons.flawed_claims import claims
    from lessons.widgets.claim_checker import ClaimChecker, EvidenceFinder
    from lessons.widgets.glossary_explorer import GlossaryExplorer
    from lessons.widgets.phase_stepper import PhaseStepper
    from lessons.widgets.rivals_explorer import RivalsExplorer
    from lessons.widgets.timeline_explorer import TimelineExplorer
    from lessons.widgets.trade_explorer import TradeExplorer

    year_pairs = [(1945 + i, 1960 + 2 * i) for i in range(30)]
    return [
        ("timeline", TimelineExplorer, lambda w, i: setattr(w.years, "value", year_pairs[i % 30])),
        ("war phases", PhaseStepper, lambda w, i: setattr(w.phase, "value", list(w.phases.index)[i % 5])),
        ("Moscow/Beijing", RivalsExplorer, lambda w, i: setattr(w.years, "value", (1953 + i % 10, 1960 + i % 10))),
        ("trade", TradeExplorer, lambda w, i: setattr(w.years, "value", (1950 + i, 1990 + i % 20))),
        ("glossary", GlossaryExplorer, lambda w, i: setattr(w.search, "value",
                                                             ["kim", "treaty", "sta", "", "un"][i % 5])),
        ("evidence finder", EvidenceFinder, lambda w, i: setattr(
            w.search, "value", ["KAL", "loan", "recognition 1948", "Hong Kong"][i % 4] + " " * (i // 4))),
        ("claim checker", ClaimChecker, lambda w, i: setattr(w.which, "value", list(claims()["id"])[i % 12])),
    ]


#: Explorers that redraw a matplotlib chart on every change, compared with the naive pattern.
CHART_EXPLORERS = ("timeline", "trade")


def naive_timeline(years):
    """The usual way: interact() calls a function that builds a fresh pyplot figure every time."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from lessons.charts.timeline import decimal_year
    from lessons.chronology import RELATIONS, events

    table = events(years=years)
    fig, ax = plt.subplots(figsize=(10, 3.2))
    for relation in RELATIONS:
        part = table[table["relation"] == relation]
        ax.scatter([decimal_year(d) for d in part["start"]], [relation] * len(part), label=relation)
    ax.set_xlim(years[0], years[1] + 1)
    ax.legend(fontsize=8)
    ax.set_title(f"{len(table)} events")
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight")  # what the inline backend does on show()
    plt.close(fig)


def bench_widgets(changes: int) -> dict:
    import ipywidgets

    results = {}
    for name, factory, change in _explorers():
        widget = factory()
        times = []
        for i in range(changes):
            start = time.perf_counter()
            change(widget, i + 1)  # the observers redraw synchronously in the kernel
            times.append((time.perf_counter() - start) * 1000)
        results[name] = {"median_ms": round(statistics.median(times), 1), "p95_ms": round(_percentile(times, 0.95), 1)}
    slider = ipywidgets.IntRangeSlider(value=(1945, 2025), min=1945, max=2025)
    ipywidgets.interactive(naive_timeline, years=slider)
    naive = []
    for i in range(changes):
        start = time.perf_counter()
        slider.value = (1945 + i % 30, 1960 + 2 * (i % 30))
        naive.append((time.perf_counter() - start) * 1000)
    baseline = {"median_ms": round(statistics.median(naive), 1), "p95_ms": round(_percentile(naive, 0.95), 1)}
    for name in CHART_EXPLORERS:  # the explorers that redraw a chart, against the same naive redraw
        results[name]["vs_naive"] = round(results[name]["median_ms"] / baseline["median_ms"], 2)
    return {"explorers": results, "naive_interact_timeline": baseline, "changes": changes}


def _python_time(code: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _import_cost_ms(runs: int, what: str) -> float:
    """Milliseconds to run ``what`` in a fresh interpreter after its dependencies are imported."""
    code = (f"import time; {FLOOR_SOURCE}; start = time.perf_counter(); {what}; "
            "print((time.perf_counter() - start) * 1000)")
    out = [float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout)
           for _ in range(runs)]
    return statistics.median(out)


def bench_startup(runs: int) -> dict:
    from lessons.data import _read, load, table_names

    deps = _python_time(FLOOR_SOURCE, runs)
    with_lessons = _python_time(FLOOR_SOURCE + "; import lessons", runs)
    bare = _import_cost_ms(runs, "import lessons")
    working = _import_cost_ms(runs, "import lessons; lessons.events; lessons.timeline_chart; lessons.timeline_explorer")
    loads = {}
    for name in table_names():
        _read.cache_clear()
        start = time.perf_counter()
        load(name)
        first = time.perf_counter() - start
        cached = []
        for _ in range(20):
            start = time.perf_counter()
            load(name)
            cached.append(time.perf_counter() - start)
        loads[name] = {"first_ms": round(first * 1000, 2), "cached_ms": round(statistics.median(cached) * 1000, 3)}
    return {"deps_import_s": round(deps, 3), "with_lessons_s": round(with_lessons, 3),
            "import_overhead_ms": round(bare, 2), "first_use_import_ms": round(working, 1), "tables": loads}


def bench_setup() -> dict:
    """Time the README's set-up in a fresh clone (venv created, packages installed)."""
    with tempfile.TemporaryDirectory() as tmp:
        clone = Path(tmp) / "c"
        subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
        start = time.perf_counter()
        subprocess.run(["make", "-s", ".venv/.installed"], cwd=clone, check=True, capture_output=True)
        return {"fresh_clone_setup_s": round(time.perf_counter() - start, 2)}


def table(results: dict) -> str:
    lines = ["what                                   measured      target / baseline"]
    nb = results.get("notebooks")
    if nb:
        lines.append(f"floor notebook (kernel + imports)      {nb['floor_s']:6.2f} s      "
                     f"peak kernel memory {nb['floor_peak_mb']:.0f} MB")
        for name, v in nb["lessons"].items():
            lines.append(f"{name[:37]:38} {v['median_s']:6.2f} s      {v['vs_floor']:.2f}x floor "
                         f"(target ≤ {TARGETS['lesson_vs_floor']}x), peak {v['peak_mb']:.0f} MB "
                         f"({v['vs_floor_mb']:+.0f} MB against the floor)")
            lines.append(f"  ... charts not yet rendered (cold)   {v['cold_median_s']:6.2f} s      "
                         f"{v['cold_vs_floor']:.2f}x floor, peak {v['drawn_peak_mb']:.0f} MB "
                         f"({v['drawn_vs_floor_mb']:+.0f} MB)")
        lines.append(f"students per GB (worst lesson, charts drawn) {nb['students_per_gb']:5.1f}")
        for name, ms in nb["first_change_ms"].items():
            lines.append(f"first change, {name} explorer (plot made) {ms:6.1f} ms   (reported)")
        lines.append(f"whole course                           {nb['course_s']:6.2f} s      "
                     f"target ≤ {TARGETS['course_s']} s ({nb['cold_course_s']:.2f} s cold)")
    w = results.get("widgets")
    if w:
        for name, v in w["explorers"].items():
            extra = f"  {v['vs_naive']:.2f}x naive (target ≤ {TARGETS['explorer_vs_naive']})" if "vs_naive" in v else ""
            lines.append(f"explorer: {name:28} {v['median_ms']:6.1f} ms median, p95 {v['p95_ms']:.1f} ms "
                         f"(target < 100){extra}")
        n = w["naive_interact_timeline"]
        lines.append(f"naive interact + fresh pyplot figure   {n['median_ms']:6.1f} ms median, "
                     f"p95 {n['p95_ms']:.1f} ms")
    s = results.get("startup")
    if s:
        lines.append(f"import lessons over its dependencies   {s['import_overhead_ms']:6.2f} ms     "
                     f"target < {TARGETS['import_overhead_ms']} ms")
        lines.append(f"  ... plus its data, chart and widget modules on first use {s['first_use_import_ms']:.1f} ms")
        worst = max(v["cached_ms"] for v in s["tables"].values())
        lines.append(f"slowest cached table load              {worst:6.3f} ms     "
                     f"target < {TARGETS['cached_load_ms']} ms")
        first = max(v["first_ms"] for v in s["tables"].values())
        lines.append(f"slowest first table load               {first:6.1f} ms")
    if "setup" in results:
        setup_s = results["setup"]["fresh_clone_setup_s"]
        lines.append(f"set-up from a fresh clone              {setup_s:6.2f} s      (reported)")
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--changes", type=int, default=30)
    parser.add_argument("--notebooks", help="comma-separated lesson numbers, e.g. 00,05 (default: all)")
    parser.add_argument("--setup", action="store_true", help="also time the set-up from a fresh clone")
    parser.add_argument("--parts", default="notebooks,widgets,startup",
                        help="comma-separated: notebooks, widgets, startup (default: all three)")
    parser.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    results = {"machine": {"python": sys.version.split()[0]}, "targets": TARGETS}
    if "notebooks" in parts:
        results["notebooks"] = bench_notebooks(args.runs, args.notebooks.split(",") if args.notebooks else None)
    if "widgets" in parts:
        results["widgets"] = bench_widgets(args.changes)
    if "startup" in parts:
        results["startup"] = bench_startup(args.runs)
    if args.setup:
        results["setup"] = bench_setup()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(table(results))
    print(f"\nwrote {out}")
    return results


if __name__ == "__main__":
    main()
