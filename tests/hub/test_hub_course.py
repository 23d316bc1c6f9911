"""The course on a real JupyterHub, end to end, as an instructor and a student would use it.

JupyterHub 6.1.1 with nbgitpuller (config/hub.lock.txt) runs on 127.0.0.1 (tests/hub/jupyterhub_config.py);
the course is served from a git remote (this checkout's HEAD, over http). In Chromium the student opens
the nbgitpuller link that ``python -m lessons links`` prints for lesson 1, logs in, gets the course
cloned into their home with lesson 1 open, runs it, answers question 1.1 right and 1.2 wrong through
the widgets, hands in under their name and saves. The instructor downloads the notebook through the
hub's API and grades it with ``python -m lessons grade`` (with an edited copy and a file that is not a
notebook). Then the instructor pushes a change, the student opens the link again, and both the
student's work and the change must be there after nbgitpuller's merge.

Screenshots of every step go to build/hub/shots/NN-step.png. Without Chromium, Playwright, Node or
configurable-http-proxy the test is skipped with a message saying what to install (under CI=true it fails).
"""
import csv
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from browser.student import answer_one_right_one_wrong, run_hand_in, save, wrong_choice
from browser.support import REPO, require_browser

from lessons.answers.payload import MIME, verify
from lessons.questions.bank import questions

from .environment import BUILD, require_hub_tools
from .servers import USER, api, git, user_token

require_browser()
require_hub_tools()

# Imported after the checks above: the module skips itself without Playwright.
from browser.test_lab_notebooks import _idle, _run_all, browser  # noqa: E402, F401 (browser is a fixture)

LESSON = "01-liberation-and-division.ipynb"
FOLDER = "course"  # the clone's folder: the last part of the remote's address, as the link names it
# Student text reaches the grader's CSV and HTML: markup in the name must come out escaped in HTML.
NAME = "Test <b>Student</b>"
SHOTS = BUILD / "shots"


class Shots:
    """Numbered screenshots: build/hub/shots/01-login.png, 02-..."""

    def __init__(self, page):
        self.page, self.count = page, 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        for old in SHOTS.glob("*.png"):
            old.unlink()

    def __call__(self, step: str) -> None:
        self.count += 1
        self.page.screenshot(path=str(SHOTS / f"{self.count:02d}-{step}.png"))


def _hub_link(remote: str, hub: str) -> str:
    """Lesson 1's JupyterHub link, as ``python -m lessons links`` prints it for the instructor."""
    result = subprocess.run([sys.executable, "-m", "lessons", "links", "--repo", remote, "--hub", hub],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| 1 |"))
    link = re.search(r"\[open on the hub\]\(([^)\s]+)\)", row)[1]
    assert f"targetpath={FOLDER}" in link and LESSON in link, link
    return link


def _wait_for_lesson(page, timeout: float = 120) -> None:
    """Wait until JupyterLab shows a notebook; fail at once on nbgitpuller's error or Lab's "Cannot open"."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            state = page.evaluate("""() => {
                const dialog = document.querySelector('.jp-Dialog');
                if (dialog) return 'dialog: ' + dialog.innerText;
                if (document.querySelector('.jp-NotebookPanel .jp-Cell')) return 'lesson';
                const text = document.body ? document.body.innerText : '';
                if (location.pathname.includes('/git-pull') && /Error/.test(text)) return 'pull: ' + text;
                return '';
            }""")
        except Exception:  # the page navigated while being read (login, pull, Lab): look again
            state = ""
        if state == "lesson":
            return
        if state:
            raise AssertionError(f"the link did not open the lesson: {state[:2000]}")
        time.sleep(0.25)
    raise AssertionError(f"no lesson open after {timeout} s; the page is {page.url}")


def _contents(hub: str, token: str, path: str) -> dict:
    status, model = api(f"{hub}/user/{USER}/api/contents/{path}?content=1", token)
    assert status == 200, f"GET {path}: {status} {model}"
    return model["content"]


def _payloads(notebook: dict) -> list[dict]:
    return [o["data"][MIME] for c in notebook["cells"] for o in c.get("outputs", []) if MIME in o.get("data", {})]


def test_course_on_jupyterhub(hub, hub_env, course_remote, browser, tmp_path):  # noqa: F811
    # The hub runs the course installed from its wheel, as a real hub would: not this checkout's code.
    found = subprocess.run([str(hub_env / "bin" / "python"), "-c",
                            "import importlib.util; print(importlib.util.find_spec('lessons').origin)"],
                           capture_output=True, text=True, timeout=60, check=True).stdout.strip()
    assert Path(found).is_relative_to(hub_env) and not Path(found).is_relative_to(REPO / "src"), found
    link = _hub_link(course_remote["address"], hub["url"])
    home = hub["root"] / "homes" / USER / FOLDER
    date_question, choice, wrong_letter = questions(1)["1.1"], questions(1)["1.2"], wrong_choice("1.2")

    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    shot = Shots(page)
    try:
        # 1. The link, opened before logging in, asks for the login and then clones the course.
        page.goto(link)
        page.locator("#username_input").fill(USER)
        page.locator("#password_input").fill(hub["password"])
        shot("login")
        page.locator("#login_submit").click()
        _wait_for_lesson(page)
        _idle(page, timeout=120_000)
        shot("lesson-open")
        assert (home / ".git").is_dir() and (home / "notebooks" / LESSON).is_file(), "the course is in the home"
        assert page.url.endswith(f"/lab/tree/{FOLDER}/notebooks/{LESSON}"), page.url
        current = page.locator(".lm-DockPanel-tabBar .lm-TabBar-tab.lm-mod-current").inner_text()
        assert LESSON in current, f"lesson 1 is the open tab, not {current!r}"

        # 2. Run All: every code cell runs, and the course finds its data from the lesson's folder.
        saved = json.loads((home / "notebooks" / LESSON).read_text(encoding="utf-8"))
        _run_all(page, sum(cell["cell_type"] == "code" for cell in saved["cells"]))
        page.locator(".jp-OutputArea-output", has_text="Course data found").first.scroll_into_view_if_needed()
        shot("run-all")
        text = page.locator(".jp-NotebookPanel").text_content()
        assert "Course data found" in text
        assert "Check your input" not in text and "Traceback" not in text

        # 3. Question 1.1 answered right, 1.2 wrong, through their widgets.
        answer_one_right_one_wrong(page)
        shot("answered")

        # 4. The student types their name into the Hand in cell, runs it and saves.
        cell = run_hand_in(page, 1, NAME, _idle)
        shot("handed-in")
        assert NAME in cell.locator(".jp-OutputArea-output").inner_text(), "the name is shown as typed"
        reply = save(page)
        assert reply.status == 200, f"saving answered {reply.status}"
        shot("saved")
    except Exception:
        shot("failure")
        context.close()
        raise

    # 5. The instructor downloads the notebook through the hub's API and grades it.
    token = user_token(hub["url"], hub["password"])
    notebook_path = f"{FOLDER}/notebooks/{LESSON}"
    handed = _contents(hub["url"], token, notebook_path)
    (payload,) = _payloads(handed)
    assert verify(payload) == [], "the payload's digest matches"
    assert (payload["student"], payload["hub_user"], payload["lesson"]) == (NAME, USER, 1)
    statuses = {a["item"]: a["status"] for a in payload["answers"]}
    assert statuses["1.1"] == "correct" and statuses["1.2"] == "wrong", statuses

    submissions = tmp_path / "submissions"
    submissions.mkdir()
    downloaded = submissions / LESSON
    downloaded.write_text(json.dumps(handed, indent=1, ensure_ascii=False), encoding="utf-8")
    # An edited copy: the wrong choice changed to the right one after handing in (the digest no longer fits).
    tampered = json.loads(downloaded.read_text(encoding="utf-8"))
    (edited,) = _payloads(tampered)
    next(a for a in edited["answers"] if a["item"] == "1.2")["answer"] = choice.answer
    (submissions / "tampered.ipynb").write_text(json.dumps(tampered, indent=1), encoding="utf-8")
    (submissions / "notes.txt").write_text("My notes on lesson 1, not the notebook.\n", encoding="utf-8")
    out = tmp_path / "grades"
    result = subprocess.run([sys.executable, "-m", "lessons", "grade", str(downloaded),
                             str(submissions / "tampered.ipynb"), str(submissions / "notes.txt"), "--out", str(out)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    with open(out / "grades.csv", encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert {Path(r["file"]).name for r in rows} == {LESSON}, "only the untouched notebook is graded"
    graded = {r["question"]: r for r in rows}
    assert graded["1.1"]["correct"] == "True" and graded["1.2"]["correct"] == "False"
    assert graded["1.1"]["answer"] == str(date_question.answer) and graded["1.2"]["answer"] == wrong_letter
    assert graded["1.1"]["student"] == NAME and graded["1.1"]["hub_user"] == USER
    assert NAME in (out / "grades.csv").read_text(encoding="utf-8"), "the CSV keeps the name as typed"
    with open(out / "problems.csv", encoding="utf-8", newline="") as handle:
        problems = {Path(r["file"]).name: r["reason"] for r in csv.DictReader(handle)}
    assert set(problems) == {"tampered.ipynb", "notes.txt"}, problems
    assert "cannot be used" in problems["tampered.ipynb"] and "not a notebook" in problems["notes.txt"], problems
    review = (out / "review.html").read_text(encoding="utf-8")
    assert "tampered.ipynb" in review and "notes.txt" in review, "review.html lists the problems"
    assert "<script" not in review.lower() and "<b>Student</b>" not in review
    assert "Test &lt;b&gt;Student&lt;/b&gt;" in review, "the name is shown, escaped"

    # 6. An upstream change; the student opens the link again: their work and the change are both there.
    checkout = course_remote["checkout"]
    readme = checkout / "README.md"
    change = "Upstream change pushed by the JupyterHub test."
    readme.write_text(readme.read_text(encoding="utf-8") + f"\n{change}\n", encoding="utf-8")
    git("add", "README.md", cwd=checkout)
    git("commit", "--quiet", "-m", "README: a change pushed after the student handed in", cwd=checkout)
    upstream = git("rev-parse", "HEAD", cwd=checkout)
    git("push", "--quiet", str(course_remote["bare"]), "main", cwd=checkout)
    try:
        page.goto(link)
        _wait_for_lesson(page)
        _idle(page, timeout=120_000)
        page.locator(".jp-OutputArea-output", has_text="Hand in, lesson 1").first.scroll_into_view_if_needed()
        shot("reopened-after-change")
        assert page.locator(".jp-OutputArea-output", has_text="Hand in, lesson 1").count() == 1
    except Exception:
        shot("failure")
        raise
    finally:
        context.close()
    assert change in _contents(hub["url"], token, f"{FOLDER}/README.md"), "the upstream change arrived"
    merged = _contents(hub["url"], token, notebook_path)
    (kept,) = _payloads(merged)
    assert kept == payload, "the hand-in output survived the merge unchanged"
    assert any(f'name="{NAME}"' in "".join(c["source"]) for c in merged["cells"]), "the student's edit survived"
    subprocess.run(["git", "-C", str(home), "merge-base", "--is-ancestor", upstream, "HEAD"], check=True)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
