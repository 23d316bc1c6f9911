"""ruff (pinned in the 'checks' extra, configured in pyproject.toml) finds nothing anywhere in the repository."""
import subprocess
import sys


def test_ruff_finds_nothing(root):
    # The venv's ruff, run from the root so pyproject.toml's settings and exclusions apply; the output names
    # every finding, so a failure says what to fix.
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "."],
                            cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
