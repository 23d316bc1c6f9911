"""Rendered static charts, kept on disk under a key made of everything that draws them.

A static chart is a pure function of its call (the function and its arguments), the course's data,
the course's code, the matplotlib settings and the versions of the libraries that draw it. Drawing
one costs 0.1-0.3 s, so a lesson of three charts spends most of its own time re-drawing pictures
that cannot have changed, and a class of thirty starting a lesson at once spends it thirty times
over on a hub's shared cores. The key is a SHA-256 of all of those inputs, so a changed data row,
a changed line of code or another matplotlib gives another key: a kept image can be missing, never
stale. A chart whose arguments are not plain values (a table, say) is never kept.

Where kept images live, in the order they are looked up (the first writable one gets new images):

1. ``$LESSONS_CACHE_DIR`` alone, if it is set (``off`` keeps nothing);
2. ``<python prefix>/share/moscow-and-the-two-koreas/charts``: written by the set-up
   (``python -m lessons prerender``), so that on Binder and a JupyterHub image the first run is
   quick too; a home folder mounted over the image does not hide it;
3. ``$XDG_CACHE_HOME`` or ``~/.cache``, then ``moscow-and-the-two-koreas/charts``.

A folder that cannot be written, or a kept file that is torn or not an image, only costs a re-draw.
Nothing here imports matplotlib: a lesson whose charts are all kept never loads it (0.3 s and some
20 MB of a kernel). Its settings enter the key through the files matplotlib reads them from; a
session that has changed them since (``plt.style.use``, ``rc_context``) keeps and reads nothing.

>>> call_key("trade_chart", (), {"years": [1950, 1953]}) is not None
True
>>> call_key("timeline_chart", (object(),), {}) is None  # not a plain value: never kept
True
"""
from __future__ import annotations

import base64
import functools
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path

from ..data import data_dir

__all__ = ["CACHE_ENV", "cache_dirs", "state_key", "call_key", "kept_png", "read", "write", "fingerprint",
           "settings_changed"]

#: Set this environment variable to keep rendered charts in one folder (``off``: keep none).
CACHE_ENV = "LESSONS_CACHE_DIR"
_FOLDER = Path("moscow-and-the-two-koreas") / "charts"
#: Settings that say where or how matplotlib shows figures, not what a rendered image looks like.
_NOT_DRAWING = ("backend", "backend_fallback", "interactive", "savefig.directory", "webagg.", "toolbar",
                "keymap.", "figure.hooks", "figure.max_open_warning")
_PLAIN = (str, int, float, bool, type(None))


def cache_dirs() -> list[Path]:
    """The folders to look in, in order (the first one that can be written gets new images).

    >>> saved = os.environ.get(CACHE_ENV)
    >>> os.environ[CACHE_ENV] = "off"; cache_dirs()
    []
    >>> os.environ[CACHE_ENV] = "~/charts-for-class"; [d.name for d in cache_dirs()]
    ['charts-for-class']
    >>> _ = os.environ.pop(CACHE_ENV); [d.name for d in cache_dirs()]
    ['charts', 'charts']
    >>> if saved is not None: os.environ[CACHE_ENV] = saved
    """
    chosen = os.environ.get(CACHE_ENV, "").strip()
    if chosen:
        return [] if chosen.lower() == "off" else [Path(chosen).expanduser()]
    home_cache = os.environ.get("XDG_CACHE_HOME", "").strip() or Path.home() / ".cache"
    return [Path(sys.prefix) / "share" / _FOLDER, Path(home_cache) / _FOLDER]


def _plain(value: object) -> bool:
    """True for values whose repr is the same in every process: text, numbers, and lists of them."""
    if isinstance(value, _PLAIN):
        return True
    if isinstance(value, (list, tuple)):
        return all(_plain(v) for v in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    return False


def _files_digest(folder: Path, pattern: str) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob(pattern)):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


#: The files that say which version of a library draws (read, not imported).
_VERSION_FILES = (("matplotlib", "_version.py"), ("numpy", "version.py"), ("PIL", "_version.py"))


@functools.cache
def _code_digest() -> str:
    """The course package's source and the versions of what draws its charts (once per session)."""
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for package, version_file in _VERSION_FILES:
        spec = importlib.util.find_spec(package)
        path = Path(spec.origin).parent / version_file if spec and spec.origin else None
        if path is not None and path.is_file():
            digest.update(package.encode() + b"\0" + path.read_bytes())
        else:  # laid out otherwise: ask the installed metadata (slower, but as exact)
            digest.update(f"{package} {importlib.metadata.version('pillow' if package == 'PIL' else package)}".encode())
    digest.update(_files_digest(Path(__file__).resolve().parents[1], "*.py").encode())
    return digest.hexdigest()


@functools.cache
def _data_digest(folder: Path, stamp: tuple) -> str:
    return _files_digest(folder, "*")


def _data_stamp(folder: Path) -> tuple:
    """Names, sizes and modification times: a file edited during a session gives a new digest."""
    return tuple((p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file())


def _settings_files() -> str:
    """What matplotlib's own settings files say, besides its defaults (which come with its version):
    every file in its search order (working folder, $MATPLOTLIBRC, its configuration folder)."""
    config = os.environ.get("MPLCONFIGDIR", "").strip() or Path(
        os.environ.get("XDG_CONFIG_HOME", "").strip() or Path.home() / ".config") / "matplotlib"
    places = [Path.cwd() / "matplotlibrc", Path(config) / "matplotlibrc"]
    chosen = os.environ.get("MATPLOTLIBRC", "").strip()
    if chosen:
        places += [Path(chosen), Path(chosen) / "matplotlibrc"]
    digest = hashlib.sha256()
    for place in places:
        if place.is_file():
            digest.update(str(place).encode() + b"\0" + place.read_bytes())
    return digest.hexdigest()


def settings_changed() -> bool:
    """True if this session has changed matplotlib's settings since it read them from its files
    (a style, an ``rc_context``): its charts are then drawn, never kept or read.

    >>> settings_changed()
    False
    """
    matplotlib = sys.modules.get("matplotlib")
    if matplotlib is None:  # not loaded: nothing can have changed them
        return False
    now, read = matplotlib.rcParams, matplotlib.rcParamsOrig
    # "backend" is skipped before it is read: reading it would pick and load a backend.
    return any(now[k] != read[k] for k in read if not k.startswith(_NOT_DRAWING))


def fingerprint() -> str:
    """Everything a chart's image depends on besides its call: code, versions, data, settings files.

    >>> len(fingerprint())
    64
    """
    folder = data_dir()
    parts = (_code_digest(), _data_digest(folder, _data_stamp(folder)), _settings_files())
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def state_key(name: str, arguments: dict) -> str | None:
    """The key of the picture ``name`` draws from ``arguments``, or None if it cannot be kept:
    arguments that are not plain values, or matplotlib settings changed in this session.

    >>> state_key("lessons.TimelineExplorer", {"years": (1945, 1949)}) != state_key(
    ...     "lessons.TimelineExplorer", {"years": (1945, 1950)})
    True
    """
    if not _plain(list(arguments.values())) or settings_changed():
        return None
    call = f"{name}{sorted(arguments.items())!r}"
    return hashlib.sha256(f"{fingerprint()}\0{call}".encode()).hexdigest()


def call_key(name: str, args: tuple, kwargs: dict) -> str | None:
    """The key of one call of the course's chart function ``name``, as written: the same call
    spelt another way (a default given, a keyword for a position) is another key, drawn once more.

    >>> call_key("loan_chart", (), {}) == call_key("loan_chart", (), {}) != call_key("aid_chart", (), {})
    True
    """
    return state_key(f"lessons.{name}", {"args": list(args), "kwargs": dict(sorted(kwargs.items()))})


def kept_png(name: str, arguments: dict, render) -> bytes:
    """The PNG ``render()`` gives for the picture ``name`` draws from ``arguments``: kept, or rendered
    now and kept (an explorer's first picture; see lessons/widgets/first_picture.py)."""
    key = state_key(name, arguments) if cache_dirs() else None
    if key is None:
        return render()
    found = read(key)
    if found:
        return found[2]
    png = render()
    write(key, "", "", png)
    return png


def read(key: str) -> tuple[str, str, bytes] | None:
    """(caption, alt text, PNG) kept under ``key``, or None: missing, torn or not a PNG all mean None."""
    for folder in cache_dirs():
        try:
            kept = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
            png = base64.b64decode(kept["png"], validate=True)
            if (isinstance(kept["caption"], str) and isinstance(kept["alt"], str) and kept["key"] == key
                    and png.startswith(b"\x89PNG\r\n\x1a\n")):
                return kept["caption"], kept["alt"], png
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return None


def write(key: str, caption: str, alt: str, png: bytes) -> Path | None:
    """Keep a rendered chart in the first folder that can be written; None if none can."""
    entry = json.dumps({"key": key, "caption": caption, "alt": alt, "png": base64.b64encode(png).decode("ascii")})
    for folder in cache_dirs():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Written aside and renamed, so a reader in another kernel never sees half a file.
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp", delete=False) as handle:
                handle.write(entry)
            os.replace(handle.name, folder / f"{key}.json")
            return folder / f"{key}.json"
        except OSError:
            continue
    return None
