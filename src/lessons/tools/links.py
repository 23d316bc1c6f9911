"""Launch links for every lesson: Binder, and nbgitpuller for a JupyterHub.

>>> binder_link("https://github.com/owner/repo", "00-start-here.ipynb")
'https://mybinder.org/v2/gh/owner/repo/main?urlpath=lab/tree/notebooks/00-start-here.ipynb'
>>> hub_link("https://hub.example.edu", "https://github.com/owner/repo", "01-liberation-and-division.ipynb")
'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fowner%2Frepo&branch=main&targetpath=repo&urlpath=lab%2Ftree%2Frepo%2Fnotebooks%2F01-liberation-and-division.ipynb'

Every option is checked before it reaches a link or the Markdown table: a ref must be a
valid git branch or tag name, and the repository and hub must be http(s) addresses with a host.
"""
from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

from ..course import course_outline
from ..errors import LessonInputError
from ..markup import md_text

__all__ = ["binder_link", "hub_link", "links_table", "check_ref"]

_GITHUB = re.compile(r"^https://github\.com/([\w.-]+)/([\w.-]+?)(?:\.git)?/?$")


# Characters that never belong in these addresses and would end a Markdown link or an HTML attribute.
_UNSAFE = re.compile(r"[\s()<>\[\]\"'`\\{}|^]")


def _check_address(value: object, option: str, example: str) -> str:
    """An http(s) address with a host and nothing that could break out of a link.

    >>> _check_address("https://hub.example.edu/", "--hub", "")
    'https://hub.example.edu'
    >>> _check_address("javascript:alert(1)", "--hub", "https://hub.example.edu")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: --hub must be an http(s) web address with a host, e.g. https://hub.example.edu;
    got 'javascript:alert(1)'.
    """
    problem = f"{option} must be an http(s) web address with a host, e.g. {example}; got {value!r}."
    if not isinstance(value, str) or _UNSAFE.search(value):
        raise LessonInputError(problem)
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        raise LessonInputError(problem)
    return value.rstrip("/")


def _check_repo(repo: object) -> str:
    return _check_address(repo, "--repo", "https://github.com/owner/repo")


def check_ref(ref: object) -> str:
    """A git branch or tag name, as ``git check-ref-format --branch`` would accept it.

    >>> check_ref("main"), check_ref("v1.0"), check_ref("spring-2027/week-1")
    ('main', 'v1.0', 'spring-2027/week-1')
    >>> check_ref("main)[x](javascript:alert(1)")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: --ref must be a git branch or tag name (letters, digits, . _ - /), e.g. main; got
    'main)[x](javascript:alert(1)'.
    """
    if (not isinstance(ref, str) or not re.fullmatch(r"[A-Za-z0-9._/-]+", ref) or ref.startswith(("-", "/", "."))
            or ref.endswith(("/", ".", ".lock")) or ".." in ref or "//" in ref or "/." in ref):
        raise LessonInputError(f"--ref must be a git branch or tag name (letters, digits, . _ - /), e.g. main; "
                               f"got {ref!r}.")
    return ref


def binder_link(repo: str, notebook: str, ref: str = "main") -> str:
    """A mybinder.org link that opens ``notebook`` in JupyterLab."""
    repo, ref = _check_repo(repo), check_ref(ref)
    match = _GITHUB.match(repo)
    target = f"gh/{match[1]}/{match[2]}" if match else f"git/{quote(repo, safe='')}"
    return f"https://mybinder.org/v2/{target}/{ref}?urlpath=lab/tree/notebooks/{notebook}"


def hub_link(hub: str, repo: str, notebook: str, ref: str = "main") -> str:
    """An nbgitpuller link: the hub clones (or updates) the repository, then opens ``notebook``."""
    repo, ref = _check_repo(repo), check_ref(ref)
    hub = _check_address(hub, "--hub", "https://hub.example.edu")
    # targetpath names the folder, so a remote ending in ".git" opens the same folder as urlpath says.
    folder = repo.rsplit("/", 1)[-1].removesuffix(".git")
    query = urlencode({"repo": repo, "branch": ref, "targetpath": folder,
                       "urlpath": f"lab/tree/{folder}/notebooks/{notebook}"})
    return f"{hub}/hub/user-redirect/git-pull?{query}"


def links_table(repo: str, ref: str = "main", hub: str | None = None) -> str:
    """A Markdown table of every lesson with its launch links.

    >>> print(links_table("https://github.com/o/r").splitlines()[2])
    | 0 | Start here | [Binder](https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/notebooks/00-start-here.ipynb) |
    """
    rows = ["| # | Lesson | Binder |" + (" JupyterHub |" if hub else ""),
            "|---|---|---|" + ("---|" if hub else "")]
    for lesson in course_outline().itertuples():
        row = f"| {lesson.number} | {md_text(lesson.title)} | [Binder]({binder_link(repo, lesson.notebook, ref)}) |"
        if hub:
            row += f" [open on the hub]({hub_link(hub, repo, lesson.notebook, ref)}) |"
        rows.append(row)
    return "\n".join(rows)
