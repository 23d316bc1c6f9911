"""Load the course's tables by name, with the types the data catalogue declares.

The files live in the course's ``data/`` folder (found by :func:`data_dir`, also when the
package is installed from a wheel); ``data/datapackage.json`` (a
Data Package, version 2 of the standard) documents every column, and this module reads its
types from there so the catalogue and the loader cannot drift apart. Loading is
cached: the first call reads the CSV, later calls return a copy of the cached table.

>>> events = load("events")
>>> str(events["start"].dtype).startswith("datetime64")
True
>>> "events" in table_names()
True
"""
from __future__ import annotations

import functools
import json
import os
from pathlib import Path

import pandas as pd

from .errors import LessonInputError
from .validate import check_id

__all__ = ["data_dir", "table_names", "load", "schema"]

#: Set this environment variable to read the tables from another folder.
DATA_DIR_ENV = "LESSONS_DATA_DIR"
#: The name in the course's datapackage.json: a data/ folder of another project is never taken for it.
PACKAGE_NAME = "moscow-and-the-two-koreas"


@functools.cache  # every load() asks: read each candidate's catalogue once per session
def _is_course_data(folder: Path) -> bool:
    catalogue = folder / "datapackage.json"
    return catalogue.is_file() and f'"name": "{PACKAGE_NAME}"' in catalogue.read_text(encoding="utf-8")


def _candidates(override: str, cwd: str) -> list[Path]:
    """Where the data may be, in order: $LESSONS_DATA_DIR; a data/ folder in the working folder or
    one above it (a kernel runs in ``<course>/notebooks``, also when the package was installed from a
    wheel and the course pulled into a home folder); the repository this package sits in."""
    if override:
        return [Path(override)]
    here = Path(cwd).resolve()
    return [*(folder / "data" for folder in (here, *here.parents)), Path(__file__).resolve().parents[2] / "data"]


def data_dir() -> Path:
    """Return the folder holding the course's data files, wherever the notebook runs.

    >>> (data_dir() / "datapackage.json").exists()
    True
    """
    return _data_dir(os.environ.get(DATA_DIR_ENV, ""), os.getcwd())


@functools.cache  # every load() asks, hundreds of times a lesson: search once per setting and working folder
def _data_dir(override: str, cwd: str) -> Path:
    candidates = _candidates(override, cwd)
    for folder in candidates:
        if _is_course_data(folder):
            return folder
    raise LessonInputError(
        f"The course data folder was not found (looked in {candidates[0]}"
        f"{' and the folders above it, and beside the installed package' if len(candidates) > 1 else ''}). "
        f"Open the lesson from the course's notebooks/ folder, install the course with 'make test' or "
        f"'pip install -e .' from its repository, or set {DATA_DIR_ENV} to its data/ folder."
    )


@functools.cache
def _catalogue(folder: Path) -> dict:
    """The catalogue's tables (CSV resources with a schema), by name."""
    with open(folder / "datapackage.json", encoding="utf-8") as handle:
        return {res["name"]: res for res in json.load(handle)["resources"] if "schema" in res}


def table_names() -> list[str]:
    """Names of the tables that :func:`load` accepts, in catalogue order.

    >>> table_names()[:2]
    ['events', 'sources']
    """
    return list(_catalogue(data_dir()))


def schema(name: str) -> list[dict]:
    """The catalogue's field descriptions for table ``name``.

    >>> [f["name"] for f in schema("periods")][:3]
    ['id', 'lesson', 'title']
    """
    return _resource(name)["schema"]["fields"]


def _resource(name: object) -> dict:
    catalogue = _catalogue(data_dir())
    return catalogue[check_id(name, "table", catalogue)]


def _typed(column: pd.Series, field: dict) -> pd.Series:
    """Convert one text column to the type the catalogue gives it."""
    kind = field["type"]
    if kind == "date":
        return pd.to_datetime(column.replace("", None), format="%Y-%m-%d")
    if kind == "integer":
        return pd.to_numeric(column.replace("", None)).astype("Int64")
    if kind == "number":
        return pd.to_numeric(column.replace("", None)).astype("float64")
    if kind == "list":
        sep = field.get("delimiter", ",")
        return column.map(lambda text: tuple(p.strip() for p in text.split(sep) if p.strip()))
    return column  # strings stay strings; an empty cell is ""


@functools.cache
def _read(folder: Path, name: str) -> pd.DataFrame:
    resource = _catalogue(folder)[name]
    raw = pd.read_csv(folder / resource["path"], dtype=str, keep_default_na=False)
    fields = resource["schema"]["fields"]
    missing = [f["name"] for f in fields if f["name"] not in raw.columns]
    if missing:
        raise LessonInputError(f"{resource['path']} lacks the columns {missing}.")
    return pd.DataFrame({f["name"]: _typed(raw[f["name"]], f) for f in fields})


def load(name: str) -> pd.DataFrame:
    """Return table ``name`` (see :func:`table_names`) as a typed DataFrame.

    The result is a copy, so changing it cannot change what other cells load.

    >>> load("periods")[["id", "label"]].head(2)
            id      label
    0  division  1945–1949
    1       war  1950–1953
    >>> load("event")
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: Unknown table 'event'. Did you mean 'events'? Allowed: ...
    >>> load(["events"])
    Traceback (most recent call last):
    ...
    lessons.errors.LessonInputError: table must be one of the allowed values, as text; got ['events'] (a list)...
    """
    _resource(name)
    return _read(data_dir(), name).copy()
