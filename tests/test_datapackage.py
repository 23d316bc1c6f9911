"""The data catalogue is the rulebook: frictionless checks every table against it, keys included.

Types, required cells, enums, patterns, bounds, primary keys and foreign keys are declared once, in
data/datapackage.json, and enforced here by the Data Package standard's own validator. What the standard
cannot express is checked by name below: references inside ';'-separated lists and in questions.json,
and the form of the sources' addresses (offline: this machine has no network).
"""
import json
import shutil

import pytest
from frictionless import validate

from lessons.data import data_dir, load, schema
from lessons.tools.catalogue import duplicate_urls, source_urls, url_problem

DATA_PACKAGE_V2 = "https://datapackage.org/profiles/2.0/datapackage.json"


def problems(descriptor):
    """The validation report's errors, one readable line each (empty when the package is valid)."""
    report = validate(str(descriptor))
    lines = [f"package: {error.note}" for error in report.errors]
    for task in report.tasks:
        for error in task.errors:
            where = f"row {error.row_number}" if getattr(error, "row_number", None) else "schema"
            field = getattr(error, "field_name", None)
            lines.append(f"{task.name} {where}{f' {field}' if field else ''}: {error.type}: {error.note}")
    return report.valid, lines


@pytest.fixture(scope="module")
def package():
    return json.loads((data_dir() / "datapackage.json").read_text(encoding="utf-8"))


def test_whole_package_is_valid_against_its_catalogue():
    valid, lines = problems(data_dir() / "datapackage.json")
    assert valid and not lines, "frictionless validate data/datapackage.json:\n" + "\n".join(lines)


def test_package_uses_one_version_of_the_standard(package):
    """Data Package v2 throughout: no v1 `profile` left beside v2's `$schema` and `type`."""
    assert package["$schema"] == DATA_PACKAGE_V2
    assert "profile" not in package
    for res in package["resources"]:
        assert "profile" not in res and "$schema" not in res.get("schema", {}), res["name"]
        assert ("schema" in res) == (res.get("type") == "table"), res["name"]


def test_validation_catches_a_broken_foreign_key(tmp_path):
    """The declared keys are enforced: an event in a period that does not exist is reported."""
    copy = tmp_path / "data"
    shutil.copytree(data_dir(), copy)
    events = (copy / "events.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    assert ",division," in events[1]
    events[1] = events[1].replace(",division,", ",partition,", 1)
    (copy / "events.csv").write_text("".join(events), encoding="utf-8")
    valid, lines = problems(copy / "datapackage.json")
    assert not valid
    reported = [line for line in lines if line.startswith("events row 2") and "foreign-key" in line]
    assert reported and '"partition"' in reported[0], lines


def test_every_single_valued_reference_is_a_declared_foreign_key(package):
    """A column named like a reference to another table must be declared as a foreign key."""
    references = {"source_id": "sources", "period": "periods", "lesson": "lessons"}
    for res in package["resources"]:
        keys = res.get("schema", {}).get("foreignKeys", [])
        declared = {(tuple(k["fields"]), k["reference"]["resource"]) for k in keys}
        for field in res.get("schema", {}).get("fields", []):
            target = references.get(field["name"])
            if target and target != res["name"]:
                assert ((field["name"],), target) in declared, f"{res['name']}.{field['name']} -> {target}"


def test_multi_valued_references_resolve():
    """Ids inside lists (which the standard cannot key) and in questions.json name rows that exist."""
    ids = {name: set(load(name)["id"]) for name in ("events", "sources", "glossary", "figures")}
    actors = load("actors")
    evidence = ids["events"] | ids["figures"] | ids["sources"]  # what lessons.notes.evidence_line accepts
    questions = json.loads((data_dir() / "questions.json").read_text(encoding="utf-8"))["questions"]
    groups = set(actors["group"])
    checks = [
        ("events.actors", load("events")["actors"], set(actors["code"])),
        ("events.source_ids", load("events")["source_ids"], ids["sources"]),
        ("glossary.event_ids", load("glossary")["event_ids"], ids["events"]),
        ("glossary.source_ids", load("glossary")["source_ids"], ids["sources"]),
        ("documents.event_ids", load("documents")["event_ids"], ids["events"]),
        ("claims.evidence_ids", load("claims")["evidence_ids"], evidence),
        ("claims.swapped_evidence_ids", load("claims")["swapped_evidence_ids"], evidence),
        ("claims.figure_ids", load("claims")["figure_ids"], ids["figures"]),
        ("model_arguments.document_ids", load("model_arguments")["document_ids"], set(load("documents")["id"])),
        ("model_arguments.evidence_ids", load("model_arguments")["evidence_ids"], ids["events"] | ids["figures"]),
        # trade and diplomatic name actor groups (USSR/Russia), which are not unique, so not a key
        ("trade.exporter/importer", [(r.exporter, r.importer) for r in load("trade").itertuples()], groups),
        ("diplomatic.sender/receiver", [(r.sender, r.receiver) for r in load("diplomatic").itertuples()], groups),
        ("questions evidence", [q.get("evidence", []) for q in questions.values()], evidence),
        ("questions events", [q.get("events", []) + ([q["event"]] if "event" in q else []) for q in questions.values()],
         ids["events"]),
        ("questions terms", [q.get("terms", []) + q.get("definition_order", []) for q in questions.values()],
         ids["glossary"]),
        ("questions figure", [[q["figure"]] if "figure" in q else [] for q in questions.values()], ids["figures"]),
    ]
    unknown = {label: sorted({i for row in rows for i in row} - allowed) for label, rows, allowed in checks}
    assert not {label: bad for label, bad in unknown.items() if bad}, unknown
    assert all(len(set(row)) == len(row) for row in load("events")["actors"]), "an actor named twice in one event"
    assert all(row for row in load("events")["source_ids"]), "an event that cites nothing"


def test_every_source_is_cited(package):
    """No orphan rows in sources.csv: each is cited by a table or a resource of the catalogue."""
    cited = {s for row in load("events")["source_ids"] for s in row}
    cited |= {s for row in load("glossary")["source_ids"] for s in row}
    for table in ("figures", "places", "trade", "diplomatic", "documents"):
        cited |= set(load(table)["source_id"])
    cited |= {s["id"] for res in package["resources"] for s in res.get("sources", []) if "id" in s}
    with open(data_dir() / "questions.json", encoding="utf-8") as handle:  # a question's evidence may be a source
        cited |= {i for q in json.load(handle)["questions"].values() for i in q.get("evidence", [])}
    assert set(load("sources")["id"]) - cited == set()


def test_source_urls_are_well_formed_offline():
    urls = source_urls()
    assert len(urls) > 50
    assert [(ident, url, url_problem(url)) for ident, url in urls if url_problem(url)] == []
    assert [(ident, url) for ident, url in urls if "wikipedia.org" in url] == [], "cite originals, not Wikipedia"


def test_source_urls_have_no_trivial_duplicates():
    assert duplicate_urls(source_urls()) == []


def test_catalogue_enums_used_by_the_course_are_still_declared():
    """chronology, trade and the claims read these vocabularies from the catalogue."""
    for table, column in [("events", "category"), ("trade", "pair"), ("claims", "verdict"), ("sources", "kind")]:
        field = next(f for f in schema(table) if f["name"] == column)
        assert field["constraints"]["enum"], (table, column)
