"""JupyterHub's configuration for the JupyterHub test (tests/hub): everything on 127.0.0.1, in temporary folders.

The test (tests/hub/servers.py) sets the HUB_* variables: HUB_ROOT (a temporary folder for the state,
the database and the students' homes), HUB_VENV (the hub's environment, build/hub/venv), HUB_PROXY
(configurable-http-proxy, from build/node), the three free ports and the shared test password.
LESSONS_DATA_DIR is deliberately not set: the course finds its data from the lesson's folder upwards,
as on a real hub. pytest never imports this file (tests/hub/conftest.py leaves it out).
"""
import os
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub defines it when it reads this file)

ROOT = Path(os.environ["HUB_ROOT"])
VENV = Path(os.environ["HUB_VENV"])
STATE = ROOT / "state"
STATE.mkdir(parents=True, exist_ok=True)

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ["HUB_PORT"])
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ["HUB_API_PORT"])
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ['HUB_PROXY_API_PORT']}"
c.ConfigurableHTTPProxy.command = [os.environ["HUB_PROXY"]]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")
# Stopping the hub stops the proxy and the students' servers too (the defaults, said aloud).
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# One password shared by the test's students (DummyAuthenticator's password is deprecated).
c.JupyterHub.authenticator_class = "shared-password"
c.SharedPasswordAuthenticator.user_password = os.environ["HUB_PASSWORD"]
c.Authenticator.allowed_users = {"student"}

# Every student's server is a local process with its own home folder under HUB_ROOT.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(ROOT / "homes" / "{username}")
c.Spawner.cmd = [str(VENV / "bin" / "jupyterhub-singleuser")]
# --allow-root: containers and CI run as root, where the server otherwise refuses to start.
c.Spawner.args = ["--allow-root", "--LabApp.extension_manager=readonly", "--ServerApp.terminals_enabled=False",
                  "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {
    "PATH": f"{VENV / 'bin'}:/usr/local/bin:/usr/bin:/bin",
    # The remote is served over dumb HTTP, which cannot make a shallow clone (nbgitpuller's default).
    "NBGITPULLER_DEPTH": "0",
    "JUPYTERLAB_SETTINGS_DIR": str(ROOT / "lab-settings"),
    "JUPYTERLAB_WORKSPACES_DIR": str(ROOT / "lab-workspaces"),
}
