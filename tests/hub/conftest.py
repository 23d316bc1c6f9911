"""Fixtures of the JupyterHub test: the course as a git remote, the hub's environment, JupyterHub."""
import pytest

from .environment import hub_environment
from .servers import course_checkout, git, http_remote, jupyterhub

# JupyterHub reads this file; importing it (as --doctest-modules would) fails outside JupyterHub.
collect_ignore = ["jupyterhub_config.py"]

PASSWORD = "hub-test-password-4821"


@pytest.fixture(scope="session")
def course_remote(tmp_path_factory):
    """The course (this checkout's HEAD) as an http git remote, and a clone of it to push changes from."""
    folder = tmp_path_factory.mktemp("remote")
    checkout = course_checkout(folder / "work")
    with http_remote(checkout, folder / "served") as address:
        yield {"address": address, "checkout": checkout, "bare": folder / "served" / "course"}


@pytest.fixture(scope="session")
def hub_env(course_remote):
    """build/hub/venv: requirements.lock, config/hub.lock.txt and the served course as a wheel."""
    checkout = course_remote["checkout"]
    key = git("rev-parse", "HEAD:src", "HEAD:pyproject.toml", cwd=checkout).replace("\n", " ")
    return hub_environment(checkout, key)


@pytest.fixture(scope="session")
def hub(hub_env, tmp_path_factory):
    """A running JupyterHub; its state, database and the students' homes are in a temporary folder."""
    root = tmp_path_factory.mktemp("hub")
    with jupyterhub(root, hub_env, PASSWORD) as address:
        yield {"url": address, "root": root, "password": PASSWORD}
