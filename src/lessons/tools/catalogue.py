"""Write ``data/README.md`` from ``data/datapackage.json``, so the two never disagree.

Run ``python -m lessons catalogue`` (or ``make data-readme``) after changing the catalogue;
a test fails if the README is out of date.

The addresses in ``sources.csv`` are checked here offline, for form and for duplicates
(:func:`url_problem`, :func:`duplicate_urls`); whether they still answer needs a network,
so the README lists them with a command that checks them live.
"""
from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from ..data import data_dir, load

__all__ = ["render_data_readme", "write_data_readme", "url_problem", "url_key", "duplicate_urls", "source_urls"]

_INTRO = """# Course data

The data behind every lesson. `datapackage.json` (a [Data Package](https://datapackage.org/) in version 2 of
the standard, checked with Frictionless) is the machine-readable catalogue: `lessons.load(name)` reads each
column's type from it. This page is generated from it (`make data-readme`) and says the same for people.

**Licence:** CC BY 4.0 (see `../LICENSE-CONTENT`). The works cited in `sources.csv` keep their own terms; the
course quotes none of them at length.

**Conventions.** UTF-8 CSV with a header row. Dates are ISO (`YYYY-MM-DD`); a date known only to the month is
stored as the 1st of the month, and one known only to the year as 1 January, with a precision column saying so.
Lists inside a cell are separated by `;`. An empty cell means "none" or "not known".
"""

_OUTRO = """## Adding or correcting an event

1. Find the original source (archive document, official text, scholarship or the press of record) and add it
   to `sources.csv` if it is new.
2. Write the event in your own words; give dates only as precisely as the source does; if sources disagree,
   say who says what in `disagreement`; mark `medium` confidence and explain it when the source is weak.
3. Run `make test`: `tests/test_datapackage.py` validates the whole package against this catalogue (types,
   constraints, primary and foreign keys) and checks the references inside lists; `tests/test_data_integrity.py`
   checks the historical rules (dates inside periods, the USSR until December 1991, periods without gaps).
"""

# The live check reads the addresses through the course's loader, so it needs only the venv and curl.
_LINKS = """## Checking the links

The tests check the addresses in `sources.csv` offline: each must be an http(s) address with a host and no
white space, and no two may differ only trivially (`http`/`https`, a leading `www.`, the letter case of the
host, a trailing `/` or a `#fragment`). Whether an address still answers cannot be checked where the tests
run, since they use no network, so none of the {count} addresses below has been fetched by them. To check
them live, run from the repository's root:

```
.venv/bin/python -c "from lessons.tools.catalogue import source_urls; [print(u) for _, u in source_urls()]" |
  while read -r url; do echo "$(curl -s -o /dev/null -L --max-time 20 -w '%{{http_code}}' "$url") $url"; done
```

and look at every line that does not start with `200` (some sites answer `403` to scripts but open in a
browser). Addresses not checked here:

| source | address |
|---|---|
"""

# White space and the characters that may not stand unescaped in an address (RFC 3986); they would
# also break the README's <autolinks> and table cells.
_UNSAFE = re.compile(r"[\s<>\"{}|\\^`]")


def url_problem(url: str) -> str:
    """What is wrong with the form of ``url`` (checked offline), or ``""`` if nothing.

    >>> url_problem("https://history.state.gov/countries/korea-south")
    ''
    >>> url_problem("ftp://example.org/file"), url_problem("https:///no-host"), url_problem("https://example.org/a b")
    ("not an http(s) address: 'ftp'", 'no host', 'white space or a character that must be percent-encoded')
    """
    if _UNSAFE.search(url):
        return "white space or a character that must be percent-encoded"
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"not an http(s) address: {parts.scheme!r}"
    if not parts.hostname or "." not in parts.hostname:
        return "no host"
    return ""


def url_key(url: str) -> str:
    """``url`` without the differences that do not change the page, to find duplicates.

    >>> url_key("http://WWW.Example.org/a/#top") == url_key("https://example.org/a")
    True
    >>> url_key("https://example.org/a") == url_key("https://example.org/b")
    False
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return host + parts.path.rstrip("/") + (f"?{parts.query}" if parts.query else "")


def duplicate_urls(pairs: list[tuple[str, str]]) -> list[list[str]]:
    """Groups of ids (from ``(id, url)`` pairs) whose addresses differ only trivially.

    >>> duplicate_urls([("a", "http://example.org/x"), ("b", "https://www.example.org/x/"), ("c", "https://example.org/y")])
    [['a', 'b']]
    """
    groups: dict[str, list[str]] = {}
    for ident, url in pairs:
        groups.setdefault(url_key(url), []).append(ident)
    return [ids for ids in groups.values() if len(ids) > 1]


def source_urls() -> list[tuple[str, str]]:
    """``(id, url)`` of every source in ``sources.csv`` that gives an address.

    >>> all(url.startswith("http") for _, url in source_urls())
    True
    """
    table = load("sources")
    return [(row.id, row.url) for row in table.itertuples() if row.url]


def _links_md() -> list[str]:
    urls = source_urls()
    rows = [f"| `{ident}` | <{url}> |" for ident, url in urls]
    return [_LINKS.format(count=len(urls)) + "\n".join(rows), ""]


def _references(res: dict) -> dict[str, str]:
    """Each foreign-key column of ``res``, with the sentence that says what it refers to."""
    found = {}
    for key in res.get("schema", {}).get("foreignKeys", []):
        target = key["reference"]
        for field, ref in zip(key["fields"], target["fields"], strict=True):
            found[field] = f" Refers to `{target.get('resource') or res['name']}.{ref}`."
    return found


def _resource_md(res: dict) -> list[str]:
    references = _references(res)
    lines = [f"## `{res['path']}`: {res['title']}", "", res["description"], "",
             f"*Provenance:* {res['provenance']}", ""]
    if "schema" not in res:
        return lines + [res.get("structure", ""), ""]
    lines += ["| column | type | description |", "|---|---|---|"]
    for field in res["schema"]["fields"]:
        allowed = field.get("constraints", {}).get("enum")
        desc = field["description"] + (f" Allowed: {', '.join(f'`{a}`' for a in allowed)}." if allowed else "")
        desc += references.get(field["name"], "")
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
    return "\n".join(lines + _links_md()) + "\n" + _OUTRO


def write_data_readme():
    """Write ``data/README.md`` and return its path."""
    path = data_dir() / "README.md"
    path.write_text(render_data_readme(), encoding="utf-8")
    return path
