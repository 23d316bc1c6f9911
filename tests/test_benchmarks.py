"""The benchmark code runs on a tiny workload and reports every figure, so it cannot rot.
(Its numbers are not asserted: speed is reported by `make bench`, never tested.)"""
import importlib.util
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_runner():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_tiny_benchmark_run_produces_every_field(tmp_path, capsys):
    runner = load_runner()
    out = tmp_path / "bench.json"
    results = runner.main(["--runs", "1", "--changes", "3", "--notebooks", "00", "--out", str(out)])
    saved = json.loads(out.read_text())
    assert saved == json.loads(json.dumps(results))
    assert saved["notebooks"]["floor_s"] > 0
    assert set(saved["notebooks"]["lessons"]) == {"00-start-here.ipynb"}
    lesson0 = saved["notebooks"]["lessons"]["00-start-here.ipynb"]
    assert {"median_s", "vs_floor", "cold_median_s", "cold_vs_floor", "peak_mb", "vs_floor_mb"} <= set(lesson0)
    # A kernel with pandas is tens of MB; a lesson whose pictures are kept may stay under the floor,
    # which has loaded matplotlib too.
    assert lesson0["peak_mb"] > 20 and saved["notebooks"]["floor_peak_mb"] > 20
    assert lesson0["vs_floor_mb"] == round(lesson0["peak_mb"] - saved["notebooks"]["floor_peak_mb"], 1)
    assert saved["notebooks"]["students_per_gb"] == round(1024 / lesson0["drawn_peak_mb"], 1)
    explorers = saved["widgets"]["explorers"]
    assert {"timeline", "war phases", "Moscow/Beijing", "trade", "glossary", "evidence finder",
            "claim checker"} == set(explorers)
    assert all({"median_ms", "p95_ms"} <= set(v) for v in explorers.values())
    assert "vs_naive" in explorers["timeline"] and saved["widgets"]["naive_interact_timeline"]["median_ms"] > 0
    naive = saved["widgets"]["naive_interact_timeline"]["median_ms"]
    assert explorers["trade"]["vs_naive"] == round(explorers["trade"]["median_ms"] / naive, 2)
    startup = saved["startup"]
    assert {"deps_import_s", "with_lessons_s", "import_overhead_ms", "tables"} <= set(startup)
    assert {"first_ms", "cached_ms"} <= set(startup["tables"]["events"])
    assert set(saved["targets"]) >= {"explorer_p95_ms", "course_s", "cached_load_ms"}
    table = capsys.readouterr().out
    assert "explorer: timeline" in table and "whole course" in table and "import lessons" in table
    assert re.search(r"explorer: trade .*x naive", table)
    assert "students per GB" in table
