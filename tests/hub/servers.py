"""The JupyterHub test's servers: the course as a git remote over dumb HTTP, and JupyterHub itself.

The remote is a bare repository holding one commit with the tree of this checkout's HEAD (so a
shallow or detached CI checkout works the same), served by ``python -m http.server`` at a path
without ``.git``: ``python -m lessons links`` accepts only http(s) addresses, and dumb HTTP is the
simplest http git remote. Dumb HTTP needs ``git update-server-info`` after every push (the bare
repository's post-update hook runs it) and a full clone (the hub sets NBGITPULLER_DEPTH=0).
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from browser.support import REPO, free_port, running

from .environment import PROXY

HERE = Path(__file__).resolve().parent
USER = "student"
# Committing in the test's clones must not depend on (or touch) whoever runs the tests' git settings.
GIT_IDENTITY = ["-c", "user.name=Hub Test", "-c", "user.email=hub-test@example.invalid", "-c", "commit.gpgsign=false"]


def git(*args: str, cwd: Path | None = None) -> str:
    result = subprocess.run(["git", *GIT_IDENTITY, *args], cwd=cwd, capture_output=True, text=True, timeout=120)
    if result.returncode:
        raise RuntimeError(f"git {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout.strip()


def course_checkout(folder: Path) -> Path:
    """A new repository in ``folder`` whose one commit, on main, has the tree of this checkout's HEAD."""
    archive = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", "HEAD"], capture_output=True,
                             timeout=120, check=True).stdout
    folder.mkdir(parents=True)
    # tar, not tarfile: extractall's safe filter is missing from Python 3.11 before 3.11.4 (Debian 12 has 3.11.2).
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, capture_output=True, timeout=120, check=True)
    head = git("-C", str(REPO), "rev-parse", "--short", "HEAD")
    git("init", "--quiet", "--initial-branch=main", str(folder))
    # -f: the archive holds only tracked files, some of which a .gitignore pattern may match.
    git("add", "--all", "--force", ".", cwd=folder)
    git("commit", "--quiet", "-m", f"The course at {head}", cwd=folder)
    return folder


@contextlib.contextmanager
def http_remote(checkout: Path, served: Path):
    """Serve ``checkout``'s main branch as ``http://127.0.0.1:<port>/course``; yields that address."""
    bare = served / "course"
    git("init", "--quiet", "--bare", "--initial-branch=main", str(bare))
    hook = bare / "hooks" / "post-update"
    hook.write_text("#!/bin/sh\nexec git update-server-info\n")
    hook.chmod(0o755)
    git("push", "--quiet", str(bare), "main", cwd=checkout)
    port = free_port()
    address = f"http://127.0.0.1:{port}/course"
    command = [sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", str(served), str(port)]
    with running(command, f"{address}/info/refs", dict(os.environ), served.parent / "http-remote.log"):
        yield address


def _settings(folder: Path) -> None:
    """JupyterLab settings of the hub's students: no news, no autosave, every cell in the page."""
    for plugin, values in {
        "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
        "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
        # Off-screen cells are painted too, so their text can be read and screenshots are whole.
        "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    }.items():
        package, name = plugin.rsplit(":", 1)
        path = folder / package / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else "(no log)"


def _leftovers(root: Path, proxy_pid: int | None) -> list[int]:
    """Processes still running that this hub started: working in, or naming, ``root``; or its proxy."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cwd = os.readlink(entry / "cwd")
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
        except OSError:  # gone meanwhile, or not ours to read
            continue
        if int(entry.name) == proxy_pid or cwd.startswith(str(root)) or str(root) in cmdline:
            found.append(int(entry.name))
    return found


@contextlib.contextmanager
def jupyterhub(root: Path, venv: Path, password: str):
    """JupyterHub on 127.0.0.1 with its state and homes in ``root``; yields its address.

    Stopping it (SIGTERM) stops the proxy, the students' servers and their kernels; anything still
    running 20 s later is killed and reported as a failure.
    """
    state = root / "state"
    state.mkdir(parents=True)
    _settings(root / "lab-settings")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LESSONS_", "JUPYTER"))}
    env.update(HUB_ROOT=str(root), HUB_VENV=str(venv), HUB_PROXY=str(PROXY), HUB_PASSWORD=password,
               HUB_PORT=str(port), HUB_API_PORT=str(free_port()), HUB_PROXY_API_PORT=str(free_port()),
               PATH=f"{venv / 'bin'}:{PROXY.parent}:{env.get('PATH', '/usr/bin:/bin')}")
    log_path = state / "hub.log"
    address = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        hub = subprocess.Popen([str(venv / "bin" / "jupyterhub"), "-f", str(HERE / "jupyterhub_config.py")],
                               cwd=state, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            if hub.poll() is not None:
                raise RuntimeError(f"JupyterHub exited with {hub.returncode}; its log ends:\n{_tail(log_path)}")
            try:
                with urllib.request.urlopen(f"{address}/hub/health", timeout=5) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"JupyterHub did not answer /hub/health in 60 s; its log ends:\n{_tail(log_path)}")
            time.sleep(0.25)
        yield address
    finally:
        pid_file = state / "proxy.pid"
        proxy_pid = int(pid_file.read_text()) if pid_file.exists() and pid_file.read_text().strip() else None
        hub.send_signal(signal.SIGTERM)
        try:
            hub.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        with contextlib.suppress(ProcessLookupError):
            os.killpg(hub.pid, signal.SIGKILL)
        hub.wait(timeout=10)
        left = _leftovers(root, proxy_pid)
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        if left:
            raise RuntimeError(f"processes left running after JupyterHub stopped (killed): {left}; "
                               f"the hub's log ends:\n{_tail(log_path)}")


def api(url: str, token: str | None = None, body: dict | None = None, method: str | None = None):
    """Call a hub or server REST address; returns (status, parsed JSON or text)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"token {token}"
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as reply:
            status, text = reply.status, reply.read().decode()
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode(errors="replace")
    try:
        return status, json.loads(text)
    except json.JSONDecodeError:
        return status, text


def user_token(hub: str, password: str) -> str:
    """A short-lived API token of the student, asked for with their name and password (no browser)."""
    status, reply = api(f"{hub}/hub/api/users/{USER}/tokens", body={"auth": {"username": USER, "password": password},
                                                                     "expires_in": 600}, method="POST")
    assert status == 201, f"the hub refused a token: {status} {reply}"
    return reply["token"]
