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
def conda(root):
    """environment.yml's conda packages as {canonical name: version}."""
    env = yaml.safe_load((root / "environment.yml").read_text())
    assert env["channels"] == ["conda-forge"]
    pins = {}
    for dep in env["dependencies"]:
        assert isinstance(dep, str), "no pip section: postBuild installs the course package"
        name, _, version = dep.partition("=")
        pins[canonicalize_name(name)] = version
    return pins


@pytest.fixture(scope="module")
def lock(root):
    text = (root / "requirements.lock").read_text()
    return {canonicalize_name(m[0]): m[1] for m in re.findall(r"^([A-Za-z0-9_.-]+)==([^\s;\\]+)", text, re.M)}


def requirements(pyproject):
    project = pyproject["project"]
    return [Requirement(r) for r in project["dependencies"] + project["optional-dependencies"]["test"]]


def test_binder_has_every_package_the_course_needs(pyproject, conda):
    for req in requirements(pyproject):
        assert canonicalize_name(req.name) in conda, f"{req.name} missing from environment.yml"


def test_binder_versions_satisfy_pyproject_and_match_the_lock(pyproject, conda, lock):
    for req in requirements(pyproject):
        version = conda[canonicalize_name(req.name)]
        assert version, f"pin {req.name} in environment.yml"
        assert req.specifier.contains(version), f"{req.name}={version} violates {req.specifier}"
        assert lock[canonicalize_name(req.name)] == version, f"{req.name}: lock has {lock[canonicalize_name(req.name)]}"


def test_widget_packages_are_pinned_together(conda, lock):
    for name in ("ipywidgets", "jupyterlab-widgets", "widgetsnbextension", "jupyterlab"):
        assert conda[name] == lock[name], name


def test_binder_python_is_one_the_package_supports(pyproject, conda):
    supported = SpecifierSet(pyproject["project"]["requires-python"])
    assert Version(conda["python"]) in supported


def test_binder_files_live_in_one_place(root):
    assert not (root / "binder").exists() and not (root / ".binder").exists()
    post_build = (root / "postBuild").read_text()
    assert "pip install --no-deps -e ." in post_build
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
