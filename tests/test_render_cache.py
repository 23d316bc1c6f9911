"""The render cache (lessons/charts/render_cache.py): a kept chart is exactly the chart its call
draws, a changed input gives another key, and nothing it holds can break or stand in for a lesson."""
import json
import os
import re
import shutil
import subprocess
import sys

import matplotlib
import nbformat
import pytest
from nbclient import NotebookClient

import lessons
from lessons.charts import render_cache
from lessons.charts.chart import Chart
from lessons.chronology import events
from lessons.errors import LessonInputError
from lessons.tools.prerender import chart_calls, lesson_chart_calls, prerender
from lessons.widgets.first_picture import FIRST_PICTURE_EXPLORERS, KeepsFirstPicture


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "charts"
    monkeypatch.setenv(render_cache.CACHE_ENV, str(folder))
    return folder


def drawn(name, args=(), kwargs=None):
    """What the chart function draws with no cache at all: (caption, alt, PNG)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(render_cache.CACHE_ENV, "off")
        chart = getattr(lessons, name)(*args, **(kwargs or {}))
        return chart.caption, chart.alt, chart.png()


def distinct_calls(kind=lessons.CHART_FUNCTIONS):
    seen = {}
    for _, name, args, kwargs in lesson_chart_calls():
        if name not in kind:
            continue
        seen.setdefault(repr((name, args, sorted(kwargs.items()))), (name, args, kwargs))
    return list(seen.values())


def test_every_chart_the_lessons_show_is_found_by_prerender(root):
    in_notebooks = set()
    for path in sorted((root / "notebooks").glob("[0-9][0-9]-*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "code":
                in_notebooks |= set(re.findall(r"lessons\.(\w+)\(", cell.source)) & {
                    *lessons.CHART_FUNCTIONS, *FIRST_PICTURE_EXPLORERS}
    found = {name for _, name, _, _ in lesson_chart_calls()}
    assert found == in_notebooks and len(found) >= 13 and set(FIRST_PICTURE_EXPLORERS) <= found


@pytest.mark.parametrize("call", distinct_calls(), ids=lambda c: f"{c[0]}{c[1] or ''}{c[2] or ''}")
def test_a_kept_chart_is_byte_for_byte_what_its_call_draws(cache, call):
    name, args, kwargs = call
    first = getattr(lessons, name)(*args, **kwargs)  # drawn and kept
    assert len(list(cache.glob("*.json"))) == 1
    again = getattr(lessons, name)(*args, **kwargs)  # read back, no figure built
    assert again._figure is None
    assert (again.caption, again.alt, again.png()) == (first.caption, first.alt, first.png()) == drawn(*call)
    bundle, metadata = again._repr_mimebundle_()
    assert bundle["image/png"] and metadata["image/png"]["alt"] == first.alt


def test_the_figure_of_a_kept_chart_is_built_on_demand_and_then_drawn_afresh(cache):
    lessons.loan_chart()
    kept = lessons.loan_chart()
    assert kept._figure is None
    figure = kept.figure
    assert isinstance(figure, matplotlib.figure.Figure) and figure.axes
    figure.suptitle("Changed by a student")
    assert kept.png() != lessons.loan_chart().png()  # the changed figure is drawn, the kept image is not
    assert lessons.loan_chart()._figure is None and len(list(cache.glob("*.json"))) == 1


def test_a_figure_changed_after_the_call_is_never_kept(cache):
    chart = lessons.diplomatic_chart()
    chart.figure.suptitle("Not the course's chart")
    chart.png()
    assert lessons.diplomatic_chart().png() == drawn("diplomatic_chart")[2]


def test_the_same_call_spelt_differently_is_kept_twice_as_the_same_picture(cache):
    base = render_cache.call_key("smoothing_chart", (), {})
    spelt = render_cache.call_key("smoothing_chart", ("USSR/Russia–DPRK",), {"years": (1992, 2005)})
    other = render_cache.call_key("smoothing_chart", (), {"years": (1992, 2006)})
    assert len({base, spelt, other}) == 3  # keys are made of the call as written, without importing it
    assert lessons.smoothing_chart().png() == lessons.smoothing_chart("USSR/Russia–DPRK", years=(1992, 2005)).png()


def test_changed_data_gives_another_key_and_another_chart(cache, tmp_path, monkeypatch, root):
    before = lessons.loan_chart()
    data = tmp_path / "data"
    shutil.copytree(root / "data", data)
    monkeypatch.setenv("LESSONS_DATA_DIR", str(data))
    key = render_cache.call_key("loan_chart", (), {})
    assert render_cache.read(key) is not None  # the same bytes elsewhere: the same key
    figures = data / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if "1,470" in line or ",1470" in line)
    figures.write_text(text.replace(row, row.replace("1470", "1471"), 1), encoding="utf-8")
    assert render_cache.call_key("loan_chart", (), {}) != key
    assert render_cache.read(render_cache.call_key("loan_chart", (), {})) is None
    assert lessons.loan_chart().png() != before.png()  # drawn from the changed row, not served from the cache


def test_changed_code_settings_or_versions_give_another_key(cache, tmp_path, monkeypatch):
    key = render_cache.call_key("loan_chart", (), {})
    with matplotlib.rc_context({"lines.linewidth": 7}):  # a session's own settings: drawn, never kept
        assert render_cache.call_key("loan_chart", (), {}) is None
        assert lessons.loan_chart()._png is None and len(list(cache.glob("*.json"))) == 0
    with matplotlib.rc_context({"interactive": True}):  # where figures show, not how they look
        assert render_cache.call_key("loan_chart", (), {}) == key
    rc_file = tmp_path / "matplotlibrc"
    rc_file.write_text("lines.linewidth: 3\n")
    monkeypatch.setenv("MATPLOTLIBRC", str(rc_file))  # settings files matplotlib reads at start
    assert render_cache.call_key("loan_chart", (), {}) != key
    monkeypatch.delenv("MATPLOTLIBRC")
    code = tmp_path / "code"
    code.mkdir()
    (code / "chart.py").write_text("WIDTH = 1\n")
    digest = render_cache._files_digest(code, "*.py")
    (code / "chart.py").write_text("WIDTH = 2\n")
    assert render_cache._files_digest(code, "*.py") != digest
    monkeypatch.setattr(render_cache, "_code_digest", lambda: "another matplotlib")
    assert render_cache.call_key("loan_chart", (), {}) != key


def test_a_table_argument_is_never_kept(cache):
    table = events(years=(1950, 1953))
    assert render_cache.call_key("timeline_chart", (table,), {}) is None
    chart = lessons.timeline_chart(table)
    assert chart.png().startswith(b"\x89PNG") and not cache.exists()


def test_bad_input_still_gets_its_message_and_nothing_is_kept(cache):
    with pytest.raises(LessonInputError, match="scale"):
        lessons.trade_chart(scale="logarithmic")
    with pytest.raises(LessonInputError):
        lessons.smoothing_chart("Atlantis–DPRK")
    assert not cache.exists() or not list(cache.glob("*.json"))


@pytest.mark.parametrize("damage", ["torn", "not json", "not a png", "another key", "wrong types"])
def test_a_damaged_entry_is_drawn_again_and_replaced(cache, damage):
    good = lessons.loan_chart().png()
    (entry,) = cache.glob("*.json")
    kept = json.loads(entry.read_text())
    entry.write_text({
        "torn": entry.read_text()[:200],
        "not json": "<html>",
        "not a png": json.dumps({**kept, "png": "R0lGODlh"}),
        "another key": json.dumps({**kept, "key": "0" * 64}),
        "wrong types": json.dumps({**kept, "caption": ["a list"]}),
    }[damage])
    again = lessons.loan_chart()
    assert again.png() == good
    assert render_cache.read(entry.stem)[2] == good  # replaced with the drawing


def test_no_writable_folder_or_cache_off_still_shows_every_chart(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(render_cache.CACHE_ENV, str(blocker / "charts"))
    assert lessons.loan_chart().png().startswith(b"\x89PNG")
    monkeypatch.setenv(render_cache.CACHE_ENV, "off")
    assert render_cache.cache_dirs() == [] and lessons.loan_chart().png().startswith(b"\x89PNG")


def test_prerender_reads_literal_calls_only():
    source = "lessons.division_map()\nlessons.trade_chart(pairs=my_pairs)\nlessons.events()\nlessons.loan_chart("
    assert chart_calls(source) == []  # a syntax error: nothing
    assert chart_calls(source[:-len("\nlessons.loan_chart(")]) == [("division_map", (), {})]


def test_a_lesson_kernel_finds_every_chart_prerendered_and_shows_that_image(tmp_path, monkeypatch, root):
    folder = tmp_path / "prerendered"
    lines = prerender(folder)
    assert lines and all("rendered in" in line or "first picture" in line for line in lines)
    before = {p.name: p.stat().st_mtime_ns for p in folder.glob("*.json")}
    assert len(before) == len(distinct_calls()) + len(distinct_calls(FIRST_PICTURE_EXPLORERS))
    monkeypatch.setenv(render_cache.CACHE_ENV, str(folder))  # the kernel inherits it
    nb = nbformat.read(root / "notebooks" / "05-nordpolitik-and-the-1990-turn.ipynb", as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(root / "notebooks")}}).execute()
    assert {p.name: p.stat().st_mtime_ns for p in folder.glob("*.json")} == before  # every chart was a hit
    shown = [o["data"]["image/png"] for c in nb.cells if c.cell_type == "code" for o in c.outputs
             if "image/png" in o.get("data", {})]
    kept = {json.loads(p.read_text())["png"] for p in folder.glob("*.json")}
    assert len(shown) == 2 and set(shown) <= kept


def test_chart_rendered_constructor_checks_nothing_it_cannot_show():
    with pytest.raises(LessonInputError):
        Chart("not a figure", "Caption.", "Alt.")


def test_the_list_of_explorers_that_keep_their_first_picture_is_whole():
    keeping = {name for name in lessons.EXPLORER_FUNCTIONS if name not in ("document_cards", "argument")
               and isinstance(getattr(lessons, name)(), KeepsFirstPicture)}
    assert keeping == set(FIRST_PICTURE_EXPLORERS)


CHANGES = {
    "timeline_explorer": lambda e: setattr(e.years, "value", (1950, 1953)),
    "war_phases": lambda e: e.step(+2),
    "trade_explorer": lambda e: setattr(e.scale, "value", "log"),
}


@pytest.mark.parametrize("call", distinct_calls(FIRST_PICTURE_EXPLORERS),
                         ids=lambda c: f"{c[0]}{c[1] or ''}{c[2] or ''}")
def test_an_explorer_shows_its_kept_first_picture_and_then_draws_as_without_it(cache, monkeypatch, call):
    name, args, kwargs = call
    monkeypatch.setenv(render_cache.CACHE_ENV, "off")
    plain = getattr(lessons, name)(*args, **kwargs)
    monkeypatch.setenv(render_cache.CACHE_ENV, str(cache))
    getattr(lessons, name)(*args, **kwargs)  # drawn and kept
    kept = getattr(lessons, name)(*args, **kwargs)
    assert kept._plot is None and kept.chart.value == plain.chart.value  # the same picture, no figure made
    CHANGES[name](kept)
    CHANGES[name](plain)
    assert kept._plot is not None and kept.chart.value == plain.chart.value
    assert len(list(cache.glob("*.json"))) == 1  # only the first picture is kept, never a student's choice


def test_an_explorer_asked_for_its_figure_draws_its_current_controls(cache):
    lessons.trade_explorer(pairs=("PRC–DPRK",), years=(1990, 2000))
    kept = lessons.trade_explorer(pairs=("PRC–DPRK",), years=(1990, 2000))
    assert kept._plot is None
    lines = [line for line in kept.ax.get_lines() if line.get_visible()]
    assert len(lines) == 1 and min(lines[0].get_xdata()) == 1990


def test_prerender_leaves_the_environment_as_it_was_and_removes_only_stale_images(tmp_path, monkeypatch):
    monkeypatch.setenv(render_cache.CACHE_ENV, "off")
    folder = tmp_path / "kept"
    folder.mkdir()
    stale = folder / ("0" * 64 + ".json")
    stale.write_text("{}")
    other = folder / "notes.json"  # not a name the cache gives: never touched
    other.write_text("{}")
    lines = prerender(folder)
    assert os.environ[render_cache.CACHE_ENV] == "off"
    assert not stale.exists() and other.exists() and any(line.startswith("removed 1 image") for line in lines)
    kept = {p.name for p in folder.glob("*.json")} - {"notes.json"}
    assert len(kept) == len(distinct_calls()) + len(distinct_calls(FIRST_PICTURE_EXPLORERS))
    prerender(folder)  # nothing stale the second time: nothing removed
    assert {p.name for p in folder.glob("*.json")} - {"notes.json"} == kept


def test_a_lesson_run_with_its_pictures_prerendered_never_loads_matplotlib(tmp_path, root):
    """What makes a warm lesson cheap (benchmarks/README.md): kept charts and explorers' first
    pictures are shown without importing matplotlib. Lessons 2 and 8 have a static chart and an
    explorer each (war phases; trade, with four charts)."""
    folder = tmp_path / "prerendered"
    prerender(folder)
    script = (
        "import json, sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "shell = InteractiveShell.instance()\n"
        "for path in sys.argv[1:]:\n"
        "    for cell in json.load(open(path, encoding='utf-8'))['cells']:\n"
        "        if cell['cell_type'] == 'code':\n"
        "            result = shell.run_cell(''.join(cell['source']))\n"
        "            assert result.success, (path, cell['source'])\n"
        "print('matplotlib loaded' if 'matplotlib' in sys.modules else 'no matplotlib')\n")
    lessons_run = [str(root / "notebooks" / "02-the-korean-war.ipynb"),
                   str(root / "notebooks" / "08-reading-the-data.ipynb")]
    env = {**os.environ, render_cache.CACHE_ENV: str(folder)}
    result = subprocess.run([sys.executable, "-c", script, *lessons_run], capture_output=True, text=True,
                            env=env, cwd=root / "notebooks", timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "no matplotlib"
    assert len(list(folder.glob("*.json"))) == len(distinct_calls()) + len(distinct_calls(FIRST_PICTURE_EXPLORERS))
