"""Loading tables: types, caching, errors, and independence from the working directory."""
import json
import os
import shutil
import subprocess
import sys

import pandas as pd
import pytest

import lessons
from lessons.data import _read, data_dir, load, table_names
from lessons.errors import LessonInputError


def test_every_catalogued_table_loads_with_its_declared_types():
    for name in table_names():
        table = load(name)
        assert len(table) > 0, name
        for field in lessons.data.schema(name):
            column = table[field["name"]]
            if field["type"] == "date":
                assert pd.api.types.is_datetime64_any_dtype(column), (name, field["name"])
            elif field["type"] == "integer":
                assert pd.api.types.is_integer_dtype(column), (name, field["name"])
            elif field["type"] == "number":
                assert pd.api.types.is_float_dtype(column), (name, field["name"])
            elif field["type"] == "list":
                assert all(isinstance(v, tuple) for v in column), (name, field["name"])
            else:
                assert pd.api.types.is_string_dtype(column), (name, field["name"])


def test_unknown_table_names_the_tables_that_exist():
    with pytest.raises(LessonInputError) as info:
        load("evnts")
    message = str(info.value)
    assert "Did you mean 'events'" in message
    for name in table_names():
        assert repr(name) in message


@pytest.mark.parametrize("bad", [None, 3, ["events"]])
def test_wrong_type_of_table_name(bad):
    expected = r"table must be one of the allowed values, as text; got .*Allowed: 'events'"
    with pytest.raises(LessonInputError, match=expected):
        load(bad)


def test_loads_are_cached_but_callers_get_their_own_copy():
    _read.cache_clear()
    first = load("events")
    first.loc[0, "title"] = "changed by a student"
    assert load("events").loc[0, "title"] != "changed by a student"
    assert _read.cache_info().misses == 1 and _read.cache_info().hits >= 1


def test_data_is_found_from_any_working_directory(tmp_path):
    code = "import lessons; print(len(lessons.load('events')))"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) == len(load("events"))


def test_missing_data_folder_gives_a_clear_message(monkeypatch, tmp_path):
    monkeypatch.setenv("LESSONS_DATA_DIR", str(tmp_path))
    with pytest.raises(LessonInputError, match="data folder was not found"):
        data_dir()


def test_where_the_data_is_follows_the_setting_and_the_working_folder(monkeypatch, tmp_path):
    """data_dir remembers its search, but for each LESSONS_DATA_DIR and working folder, never once for all."""
    monkeypatch.delenv("LESSONS_DATA_DIR", raising=False)
    course = data_dir()
    copy = tmp_path / "copy" / "data"
    shutil.copytree(course, copy)
    monkeypatch.setenv("LESSONS_DATA_DIR", str(copy))
    assert data_dir() == copy
    monkeypatch.delenv("LESSONS_DATA_DIR")
    assert data_dir() == course
    monkeypatch.chdir(tmp_path / "copy")  # a data/ folder in the working folder comes first
    assert data_dir() == copy
    monkeypatch.chdir(tmp_path)
    assert data_dir() == course


def test_catalogue_documents_every_data_file_and_column(root):
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    documented = {res["path"] for res in package["resources"]}
    on_disk = {p.name for p in (root / "data").iterdir()} - {"README.md", "datapackage.json"}
    assert on_disk == documented
    for res in package["resources"]:
        assert res.get("provenance") and res.get("description"), res["path"]
        if "schema" not in res:
            continue
        header = (root / "data" / res["path"]).read_text(encoding="utf-8").splitlines()[0]
        assert header.split(",") == [f["name"] for f in res["schema"]["fields"]], res["path"]
        assert all(f.get("description") for f in res["schema"]["fields"]), res["path"]
        assert res.get("provenance"), res["path"]
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_import_has_no_side_effects():
    code = (
        "import sys, lessons; "
        "print(any(m in sys.modules for m in ('pandas', 'matplotlib', 'ipywidgets')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_unknown_attribute_lists_what_exists():
    with pytest.raises(AttributeError, match="Available: .*events"):
        _ = lessons.evnts


def test_data_readme_is_generated_from_the_catalogue(root):
    from lessons.tools.catalogue import render_data_readme

    readme = (root / "data" / "README.md").read_text(encoding="utf-8")
    assert readme == render_data_readme(), "run: make data-readme"
    for name in table_names():
        assert f"`{name}.csv`" in readme
        for field in lessons.data.schema(name):
            assert f"| `{field['name']}` |" in readme, (name, field["name"])


def test_data_is_found_from_a_pulled_course_when_the_package_is_installed_elsewhere(root, tmp_path):
    """A hub image installs the package from a wheel (no data beside it) and nbgitpuller puts the
    course in a home folder: the kernel, running in <course>/notebooks, must find <course>/data."""
    site = tmp_path / "site-packages"
    shutil.copytree(root / "src" / "lessons", site / "lessons", ignore=shutil.ignore_patterns("__pycache__"))
    course = tmp_path / "home" / "course"
    shutil.copytree(root / "data", course / "data")
    (course / "notebooks").mkdir()
    env = {k: v for k, v in os.environ.items() if k != "LESSONS_DATA_DIR"} | {"PYTHONPATH": str(site)}
    code = "import lessons; print(lessons.data_dir()); lessons.setup()"
    result = subprocess.run([sys.executable, "-c", code], cwd=course / "notebooks", env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(course / "data") and "Ready." in result.stdout
    elsewhere = subprocess.run([sys.executable, "-c", "import lessons; lessons.data_dir()"], cwd=tmp_path,
                               env=env, capture_output=True, text=True)
    assert "course data folder was not found" in elsewhere.stderr and "LESSONS_DATA_DIR" in elsewhere.stderr
