"""Open data: /data/ JSON that validates against its schema, a CSV that reads back to the same
data, the /avoin-data/ page generated from the schema, and the Atom feed (RFC 4287)."""

from __future__ import annotations

import csv
import io
import json
import re
from xml.etree import ElementTree as ET

import jsonschema
import pytest

from generator.core.schema import load_schema
from generator.opendata.export import export_catalogue
from generator.opendata.tables import FORMULA_STARTS, QUOTE, SEPARATOR, columns, read_csv, write_csv

pytestmark = pytest.mark.e2e
ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


def test_json_files_validate_against_their_published_schemas(built_site, shipped):
    for data, schema in (("kokeilut.json", "kokeilut.schema.json"), ("opit.json", "opit.schema.json")):
        document = json.loads((built_site / "data" / data).read_text(encoding="utf-8"))
        validator = jsonschema.Draft202012Validator(
            json.loads((built_site / "data" / schema).read_text("utf-8"))
        )
        assert list(validator.iter_errors(document)) == [], data
    experiments = json.loads((built_site / "data/kokeilut.json").read_text(encoding="utf-8"))
    assert experiments == export_catalogue(shipped)["experiments"]
    assert len(experiments) == len(shipped.experiments)


def test_the_schema_refuses_what_the_export_never_writes(built_site):
    schema = json.loads((built_site / "data/kokeilut.schema.json").read_text(encoding="utf-8"))
    record = json.loads((built_site / "data/kokeilut.json").read_text(encoding="utf-8"))[0]
    validator = jsonschema.Draft202012Validator(schema)
    for broken in (
        {**record, "level": "kansainvalinen"},
        {**record, "start": "1.1.2017"},
        {**record, "extra": 1},
    ):
        assert list(validator.iter_errors([broken])), broken


def test_the_csv_reads_back_to_the_same_data(built_site, shipped):
    text = (built_site / "data/kokeilut.csv").read_bytes().decode("utf-8")
    exported = export_catalogue(shipped)["experiments"]
    back = read_csv(text, shipped.schema)
    names = ["slug", "url", *(spec.name for spec in shipped.schema.experiment.fields)]
    assert [{n: e[n] for n in names} for e in exported] == back
    header = text.splitlines()[0].split(",")
    assert header == ["slug", "url", *(c.name for c in columns(shipped.schema))]


def test_list_items_with_the_separator_or_a_backslash_survive(shipped):
    record = template(shipped)
    tricky = {**record, "municipalities": [f"A{SEPARATOR}B", "C\\\\D", ""], "regions": []}
    back = read_csv(write_csv([tricky], shipped.schema), shipped.schema)[0]
    assert back["municipalities"] == [f"A{SEPARATOR}B", "C\\\\D", ""]
    assert back["regions"] == []  # nationwide, not unknown


PAYLOAD = '=HYPERLINK("http://evil.example","x")@x.fi'


def template(catalogue) -> dict:
    """An exported experiment to make tricky rows from: the first with organisers and a contact
    (not "tuntematon"), whichever entries the catalogue holds."""
    return next(
        record
        for record in export_catalogue(catalogue)["experiments"]
        if isinstance(record["organisers"], list) and isinstance(record["contact"], dict)
    )


FUNDING_FIELDS = [f.name for f in load_schema().entry("experiment").field("funding").fields]
RESULT_FIELDS = [f.name for f in load_schema().entry("experiment").field("result").fields]


def csv_rows(table: str) -> list[dict[str, str]]:
    """The cells as a spreadsheet gets them."""
    return list(csv.DictReader(io.StringIO(table, newline="")))


def with_text(record: dict, value: str) -> dict:
    """``record`` with ``value`` in every free-text column: top-level texts, a list of texts,
    the organisers' names and the text parts of the nested fields."""
    tricky = {**record, "title": value, "summary": value, "municipalities": [value, "Oulu"]}
    tricky["organisers"] = [{**o, "name": value} for o in record["organisers"]]
    funding = dict.fromkeys(record["funding"] or FUNDING_FIELDS)
    tricky["funding"] = {**funding, "amount_eur": 1000, "funder": value, "call": value, "note": value}
    tricky["contact"] = {**record["contact"], "organisation": value, "email": value}
    tricky["result"] = {**dict.fromkeys(RESULT_FIELDS), "outcome": "toimi", "summary": value}
    tricky["ethics"] = {"consent": value, "harms": value, "participants": value}
    return tricky


@pytest.mark.parametrize("start", [*FORMULA_STARTS, QUOTE], ids=repr)
def test_no_cell_starts_a_formula_and_every_value_reads_back(shipped, start):
    record = template(shipped)
    value = f"{start}2+5+cmd(' /C calc')!A0"
    tricky = with_text(record, value)
    table = write_csv([tricky], shipped.schema)
    (row,) = csv_rows(table)
    for name in ("title", "summary", "funding.funder", "contact.email", "ethics.harms"):
        assert row[name] == QUOTE + value, name
    assert row["municipalities"] == QUOTE + value + SEPARATOR + "Oulu"
    assert row["organisers.name"].startswith(QUOTE + value + SEPARATOR)
    for name, cell in row.items():
        assert not cell.startswith(FORMULA_STARTS), (name, cell)
    (back,) = read_csv(table, shipped.schema)
    assert back == {n: tricky[n] for n in back}


def test_the_hyperlink_payload_is_text_and_reads_back(shipped):
    record = template(shipped)
    tricky = {**record, "contact": {**record["contact"], "email": PAYLOAD}}
    table = write_csv([tricky], shipped.schema)
    assert csv_rows(table)[0]["contact.email"] == "'" + PAYLOAD
    assert read_csv(table, shipped.schema)[0]["contact"] == tricky["contact"]


@pytest.mark.parametrize("value", ["'lainaus'", "''", "'", "a=b", " =1+1", "x\n=1"])
def test_honest_values_with_quotes_or_signs_inside_round_trip(shipped, value):
    record = template(shipped)
    tricky = with_text(record, value)
    table = write_csv([tricky], shipped.schema)
    cell = csv_rows(table)[0]["title"]
    assert cell == (QUOTE + value if value.startswith(QUOTE) else value)
    (back,) = read_csv(table, shipped.schema)
    assert back == {n: tricky[n] for n in back}


def test_evaluation_result_and_ethics_are_columns_that_read_back(shipped):
    exported = export_catalogue(shipped)["experiments"]
    for record in exported:  # each as its entry gives it
        entry = shipped.experiments[record["slug"]]
        for field in ("evaluation", "result", "ethics"):
            assert record[field] == entry.values.get(field), (record["slug"], field)
    # One with all three, its reports a list: the CSV's columns carry them and read back.
    full = next(
        r
        for r in exported
        if r["evaluation"] and r["evaluation"].get("reports") and r["result"] and r["ethics"]
    )
    names = [c.name for c in columns(shipped.schema)]
    assert names[-12:] == [
        "evaluation.design",
        "evaluation.evaluator",
        "evaluation.status",
        "evaluation.reports",
        "coverage",
        "result.outcome",
        "result.summary",
        "result.evidence",
        "ethics.consent",
        "ethics.harms",
        "ethics.participants",
        "unconfirmed",
    ]
    reports = ["https://www.example.fi/a", f"https://www.example.fi/b?x=1{SEPARATOR}2"]
    tricky = {**full, "evaluation": {**full["evaluation"], "reports": reports}}
    table = write_csv([tricky, {**full, "evaluation": None, "result": None, "ethics": None}], shipped.schema)
    row = next(csv.DictReader(io.StringIO(table)))
    assert (
        row["evaluation.reports"]
        == f"https://www.example.fi/a{SEPARATOR}https://www.example.fi/b?x=1\\{SEPARATOR}2"
    )
    assert row["evaluation.design"] == full["evaluation"]["design"]
    assert row["result.outcome"] == full["result"]["outcome"]
    first, absent = read_csv(table, shipped.schema)
    assert first["evaluation"] == tricky["evaluation"]
    assert first["result"] == full["result"] and first["ethics"] == full["ethics"]
    assert (absent["evaluation"], absent["result"], absent["ethics"]) == (None, None, None)


def test_the_open_data_page_documents_every_column_and_the_licence(built_site, shipped):
    html = (built_site / "avoin-data/index.html").read_text(encoding="utf-8")
    # How formula cells are neutralised and how to read them back, in every language.
    for language, words in (("", "poista"), ("sv/", "ta bort"), ("en/", "remove")):
        page = (built_site / language / "avoin-data/index.html").read_text(encoding="utf-8")
        assert "OWASP" in page and words in page, language
        assert all(f"<code>{c}</code>" in page for c in FORMULA_STARTS if c.isprintable()), language
    for column in columns(shipped.schema):
        assert f"<code>{column.name}</code>" in html, column.name
    assert "CC BY 4.0" in html and "creativecommons.org/licenses/by/4.0" in html
    for name in ("kokeilut.json", "opit.json", "kokeilut.csv", "kokeilut.schema.json", "feed.xml"):
        assert f'href="../data/{name}"' in html or f'href="../{name}"' in html, name


def test_the_feed_is_valid_atom(built_site, shipped):
    root = ET.parse(built_site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"

    def one(element, tag):
        found = element.findall(f"{ATOM}{tag}")
        assert len(found) == 1, (tag, element)
        return found[0]

    assert one(root, "id").text.startswith("tag:")
    assert one(root, "title").text
    assert RFC3339.match(one(root, "updated").text)
    assert one(root, "author").find(f"{ATOM}name").text  # so entries need no author of their own
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == min(100, len(shipped.experiments) + len(shipped.learnings))
    ids = [one(e, "id").text for e in entries]
    assert len(set(ids)) == len(ids) and all(i.startswith("tag:kokeileva-suomi.fi,2024:") for i in ids)
    stamps = []
    for entry in entries:
        assert one(entry, "title").text
        updated = one(entry, "updated").text
        assert RFC3339.match(updated)
        stamps.append(updated)
        published = entry.findall(f"{ATOM}published")
        assert len(published) <= 1 and (not published or published[0].text <= updated)
        links = [link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"]
        # RFC 4287 4.2.7.2: at most one alternate per (type, hreflang); here one per language.
        pairs = [(link.get("type"), link.get("hreflang")) for link in links]
        assert len(pairs) == len(set(pairs)) and {h for _, h in pairs} == {"fi", "sv", "en"}
        assert all(link.get("href").startswith("https://") for link in links)
    assert stamps == sorted(stamps, reverse=True)
    assert one(root, "updated").text == max(stamps)


def test_every_page_links_to_the_feed(built_site):
    pages = sorted(built_site.rglob("*.html"))
    link = '<link rel="alternate" type="application/atom+xml"'
    assert all(link in page.read_text(encoding="utf-8") for page in pages)
