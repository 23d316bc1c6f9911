"""Binder's environment.yml, pyproject.toml and requirements.lock must agree.

There is no conda on the development machines or in CI, so Binder's file cannot be
tried here; this test is the guard that it names the same packages at versions the
package accepts and the tests ran with.
"""
import json
import re
import tomllib

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import Version


@pytest.fixture(scope="module")
def pyproject(root):
    return tomllib.loads((root / "pyproject.toml").read_text())


@pytest.fixture(scope="module")
def environment(root):
    return yaml.safe_load((root / "environment.yml").read_text())


@pytest.fixture(scope="module")
def lock(root):
    text = (root / "requirements.lock").read_text()
    return {canonicalize_name(m[0]): m[1] for m in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.M)}


def requirements(pyproject):
    project = pyproject["project"]
    return [Requirement(r) for r in project["dependencies"]
            + [r for extra in project["optional-dependencies"].values() for r in extra]]


def test_binder_asks_conda_for_python_and_pip_only(environment, pyproject):
    """A pin conda-forge may lack fails the whole Binder build: conda gets nothing it could lack."""
    assert environment["channels"] == ["conda-forge"]
    conda = [d for d in environment["dependencies"] if isinstance(d, str)]
    assert [d.partition("=")[0] for d in conda] == ["python", "pip"]
    python = conda[0].partition("=")[2]
    assert Version(python) in SpecifierSet(pyproject["project"]["requires-python"])


def test_binder_installs_exactly_the_lock_the_tests_ran(environment):
    pip_sections = [d["pip"] for d in environment["dependencies"] if isinstance(d, dict)]
    assert pip_sections == [["-r requirements.lock"]]


def test_the_lock_pins_every_dependency_within_its_range(pyproject, lock):
    for req in requirements(pyproject):
        name = canonicalize_name(req.name)
        assert name in lock, f"{req.name} missing from requirements.lock: run make lock"
        assert req.specifier.contains(lock[name]), f"{req.name}=={lock[name]} violates {req.specifier}"


def test_the_lock_is_hashed_throughout(root):
    text = (root / "requirements.lock").read_text()
    pins = re.findall(r"^[A-Za-z0-9_.-]+==\S+", text, re.M)
    assert pins and text.count("--hash=sha256:") >= len(pins)
    assert "--hash=sha256:" in (root / "config" / "uv.lock.txt").read_text()


def test_widget_packages_and_notebook_move_with_jupyterlab(lock):
    """ipywidgets 8.1 needs jupyterlab_widgets 3.0 beside JupyterLab 4; Binder's old Notebook is upgraded."""
    assert lock["ipywidgets"].startswith("8.1.") and lock["jupyterlab-widgets"].startswith("3.0.")
    assert lock["widgetsnbextension"].startswith("4.0.") and lock["jupyterlab"].startswith("4.")
    assert lock["notebook"].startswith("7.")


def test_binder_files_live_in_one_place(root):
    assert not (root / "binder").exists() and not (root / ".binder").exists()
    post_build = (root / "postBuild").read_text()
    assert "pip install --no-deps --no-build-isolation ." in post_build  # not editable (see postBuild)
    assert "jupyter lab build" not in post_build and "labextension install" not in post_build


def test_lessons_open_with_the_file_browser_closed(root):
    """A default workspace with the left area collapsed, imported by make and by Binder's postBuild."""
    workspace = json.loads((root / "config" / "workspace.json").read_text(encoding="utf-8"))
    assert workspace["metadata"]["id"] == "default"
    assert workspace["data"]["layout-restorer:data"]["left"]["collapsed"] is True
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    assert "jupyter lab workspaces import config/workspace.json" in makefile
    assert 'JUPYTERLAB_WORKSPACES_DIR="$(WORKSPACES)" $(BIN)/jupyter lab $(START)' in makefile
    assert "jupyter lab workspaces import config/workspace.json" in (root / "postBuild").read_text(encoding="utf-8")


def test_the_set_up_installs_compiled_bytecode(root):
    """Without it, a kernel that may not write bytecode compiles pandas and matplotlib at every start."""
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    sync = next(line for line in makefile.splitlines() if "pip sync" in line and "requirements.lock" in line)
    assert "--compile-bytecode" in sync
