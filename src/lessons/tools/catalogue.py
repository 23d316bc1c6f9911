"""Write ``data/README.md`` from ``data/datapackage.json``, so the two never disagree.

Run ``python -m lessons catalogue`` (or ``make data-readme``) after changing the catalogue;
a test fails if the README is out of date.
"""
from __future__ import annotations

import json

from ..data import data_dir

__all__ = ["render_data_readme", "write_data_readme"]

_INTRO = """# Course data

The data behind every lesson. `datapackage.json` (a [Frictionless](https://specs.frictionlessdata.io/) data package) is the machine-readable catalogue: `lessons.load(name)` reads each column's type from it. This page is generated from it (`make data-readme`) and says the same for people.

**Licence:** CC BY 4.0 (see `../LICENSE-CONTENT`). The works cited in `sources.csv` keep their own terms; the course quotes none of them at length.

**Conventions.** UTF-8 CSV with a header row. Dates are ISO (`YYYY-MM-DD`); a date known only to the month is stored as the 1st of the month, and one known only to the year as 1 January, with a precision column saying so. Lists inside a cell are separated by `;`. An empty cell means "none" or "not known".
"""

_OUTRO = """## Adding or correcting an event

1. Find the original source (archive document, official text, scholarship or the press of record) and add it to `sources.csv` if it is new.
2. Write the event in your own words; give dates only as precisely as the source does; if sources disagree, say who says what in `disagreement`; mark `medium` confidence and explain it when the source is weak.
3. Run `make test`: the data-integrity tests check ids, dates, periods, vocabularies and citations.
"""


def _resource_md(res: dict) -> list[str]:
    lines = [f"## `{res['path']}`: {res['title']}", "", res["description"], "", f"*Provenance:* {res['provenance']}", ""]
    if "schema" not in res:
        return lines + [res.get("structure", ""), ""]
    lines += ["| column | type | description |", "|---|---|---|"]
    for field in res["schema"]["fields"]:
        allowed = field.get("constraints", {}).get("enum")
        desc = field["description"] + (f" Allowed: {', '.join(f'`{a}`' for a in allowed)}." if allowed else "")
        kind = field["type"] + (f" (`{field['delimiter']}`-separated)" if field["type"] == "list" else "")
        lines.append(f"| `{field['name']}` | {kind} | {desc} |")
    return lines + [""]


def render_data_readme() -> str:
    """The text of ``data/README.md``.

    >>> render_data_readme().startswith("# Course data")
    True
    """
    package = json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))
    lines = [_INTRO]
    for res in package["resources"]:
        lines += _resource_md(res)
    return "\n".join(lines) + "\n" + _OUTRO


def write_data_readme():
    """Write ``data/README.md`` and return its path."""
    path = data_dir() / "README.md"
    path.write_text(render_data_readme(), encoding="utf-8")
    return path
