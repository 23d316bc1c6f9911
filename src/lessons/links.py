"""Launch links for every lesson: Binder, and nbgitpuller for a JupyterHub.

>>> binder_link("https://github.com/owner/repo", "00-start-here.ipynb")
'https://mybinder.org/v2/gh/owner/repo/main?urlpath=lab/tree/notebooks/00-start-here.ipynb'
>>> hub_link("https://hub.example.edu", "https://github.com/owner/repo", "01-liberation-and-division.ipynb")
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2Frepo&branch=main&urlpath=lab%2Ftree%2Frepo%2Fnotebooks%2F01-liberation-and-division.ipynb'
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode

from .course import course_outline
from .errors import LessonInputError

__all__ = ["binder_link", "hub_link", "links_table"]

_GITHUB = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


def _check_repo(repo: object) -> str:
    if not isinstance(repo, str) or not re.match(r"^https?://\S+$", repo):
        raise LessonInputError(f"--repo must be the repository's web address, e.g. https://github.com/owner/repo; got {repo!r}.")
    return repo.rstrip("/")


def binder_link(repo: str, notebook: str, ref: str = "main") -> str:
    """A mybinder.org link that opens ``notebook`` in JupyterLab."""
    repo = _check_repo(repo)
    match = _GITHUB.match(repo)
    target = f"gh/{match[1]}/{match[2]}" if match else f"git/{quote(repo, safe='')}"
    return f"https://mybinder.org/v2/{target}/{ref}?urlpath=lab/tree/notebooks/{notebook}"


def hub_link(hub: str, repo: str, notebook: str, ref: str = "main") -> str:
    """An nbgitpuller link: the hub clones (or updates) the repository, then opens ``notebook``."""
    repo = _check_repo(repo)
    if not isinstance(hub, str) or not re.match(r"^https?://\S+$", hub):
        raise LessonInputError(f"--hub must be the JupyterHub's web address, e.g. https://hub.example.edu; got {hub!r}.")
    folder = repo.rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode({"repo": repo, "branch": ref, "urlpath": f"lab/tree/{folder}/notebooks/{notebook}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def links_table(repo: str, ref: str = "main", hub: str | None = None) -> str:
    """A Markdown table of every lesson with its launch links.

    >>> print(links_table("https://github.com/o/r").splitlines()[2])
    | 0 | Start here | [Binder](https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/notebooks/00-start-here.ipynb) |
    """
    rows = ["| # | Lesson | Binder |" + (" JupyterHub |" if hub else ""),
            "|---|---|---|" + ("---|" if hub else "")]
    for lesson in course_outline().itertuples():
        row = f"| {lesson.number} | {lesson.title} | [Binder]({binder_link(repo, lesson.notebook, ref)}) |"
        if hub:
            row += f" [open on the hub]({hub_link(hub, repo, lesson.notebook, ref)}) |"
        rows.append(row)
    return "\n".join(rows)
