"""How the facts issue 19 added read on the pages, in the feeds and in the finder's records, in
Finnish, Swedish and English: one scratch catalogue, planned once (no site build)."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest

from generator.content.check import load_catalogue
from generator.content.funding import format_amount
from generator.site.planner import plan_site
from tests.support import VALID_EXPERIMENT, write_catalogue

LAST = "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}\n"
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def experiment(title: str, start: str, extra: str = "", **replace: str) -> str:
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {title}").replace("start: 2018", start)
    text = text.replace(LAST, LAST + extra)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


FILES = {
    "experiments/katto.md": experiment(
        "Kattokokeilu",
        "start: 2017",
        "funding:\n  amount_eur: 14500000\n  amount_precision: noin\n"
        "legal_basis:\n  name: Laki perustulokokeilusta (1528/2016)\n"
        "  url: https://www.finlex.fi/fi/laki/alkup/2016/20161528\n",
    ),
    # Two parts: the newer one is listed first.
    "experiments/vanha-osa.md": experiment(
        "Vanha osa",
        "start: 2018-01",
        "part_of: katto\nmunicipalities: [espoo, kauniainen]\narea: Pääkaupunkiseutu\n"
        "funding:\n  amount_min_eur: 500\n  amount_max_eur: 5000\n  call: Kokeilun paikka\n"
        "unconfirmed: [funding.call, start]\n",
        **{"regions: [pirkanmaa]": "regions: [uusimaa]", "    type: kunta": "    type: tuntematon"},
    ),
    "experiments/uusi-osa.md": experiment(
        "Uusi osa",
        "start: 2018-06",
        "part_of: katto\nfunding:\n  amount_min_eur: 500\n"
        "translations:\n  en:\n    title: New part in English\n",
    ),
    "experiments/yla.md": experiment("Yläraja", "start: 2016", "funding:\n  amount_max_eur: 5000\n"),
}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    root = write_catalogue(tmp_path_factory.mktemp("facts") / "catalogue", FILES)
    return plan_site(load_catalogue(root), site_url="https://example.fi/kk/")


def page(plan, src_uri: str) -> str:
    return plan.page(src_uri).markdown


def facts(markdown: str) -> dict[str, str]:
    """The facts (the key facts and the full panel) as label → the dd's HTML."""
    return dict(re.findall(r"<dt>(.*?)</dt><dd[^>]*>(.*?)</dd>\n", markdown))


# -- part_of --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "label", "heading"),
    [
        ("fi", "Osa kokeilua", "Osakokeilut"),
        ("sv", "Del av försöket", "Delförsök"),
        ("en", "Part of", "Parts of this experiment"),
    ],
)
def test_a_part_links_its_parent_and_the_parent_lists_its_parts(plan, language, label, heading):
    prefix = "" if language == "fi" else f"{language}/"
    child = facts(page(plan, f"{prefix}kokeilut/vanha-osa.md"))
    assert re.fullmatch(
        rf'<a href="[./]*{prefix}kokeilut/katto/"( lang="fi")?>Kattokokeilu</a>', child[label]
    )
    parent = page(plan, f"{prefix}kokeilut/katto.md")
    assert label not in facts(parent)
    section = parent[parent.index(f"## {heading} {{ #osakokeilut }}") :]
    section = section[: section.index("</ol>")]
    slugs = re.findall(r'kk-card__title"><a href="[./]*(?:sv/|en/)?kokeilut/([a-z-]+)/"', section)
    assert slugs == ["uusi-osa", "vanha-osa"]  # listing order: newest start first
    assert "## " + heading not in page(plan, f"{prefix}kokeilut/uusi-osa.md")


# -- municipalities and area ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "label", "names"),
    [
        ("fi", "Kunnat", "Espoo, Kauniainen"),
        ("sv", "Kommuner", "Esbo, Grankulla"),
        ("en", "Municipalities", "Espoo, Kauniainen"),
    ],
)
def test_municipalities_are_named_in_the_page_language_with_the_area(plan, language, label, names):
    prefix = "" if language == "fi" else f"{language}/"
    shown = facts(page(plan, f"{prefix}kokeilut/vanha-osa.md"))[label]
    area = "Pääkaupunkiseutu" if language == "fi" else '<span lang="fi">Pääkaupunkiseutu</span>'
    assert shown == f"{area} ({names})"


def test_no_taxonomy_pages_for_municipalities(plan):
    assert not [p for p in plan.pages if "kunnat" in p.src_uri]


# -- funding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "language", "amount"),
    [
        ("katto", "fi", "noin 14\u00a0500\u00a0000\u00a0€"),
        ("katto", "sv", "cirka 14\u00a0500\u00a0000\u00a0€"),
        ("katto", "en", "about €14,500,000"),
        ("vanha-osa", "fi", "500–5\u00a0000\u00a0€"),
        ("vanha-osa", "en", "€500–€5,000"),
        ("uusi-osa", "fi", "vähintään 500\u00a0€"),
        ("uusi-osa", "sv", "minst 500\u00a0€"),
        ("uusi-osa", "en", "at least €500"),
        ("yla", "fi", "enintään 5\u00a0000\u00a0€"),
        ("yla", "sv", "högst 5\u00a0000\u00a0€"),
        ("yla", "en", "at most €5,000"),
    ],
)
def test_an_amount_is_shown_as_precisely_as_its_source(plan, slug, language, amount):
    prefix = "" if language == "fi" else f"{language}/"
    markdown = page(plan, f"{prefix}kokeilut/{slug}.md")
    assert re.findall(r'<span class="kk-amount">(.*?)</span>', markdown) == [amount]


def test_an_approximate_amount_is_never_a_precise_figure_anywhere(plan):
    precise = re.compile(r"(?<!noin )(?<!cirka )(?<!about )(14\u00a0500\u00a0000|€14,500,000|14500000)")
    for item in plan.pages:
        assert not precise.search(item.markdown.replace("amount_eur: 14500000", "")), item.src_uri
        assert "14500000" not in item.json_ld
    for file in plan.files:
        if file.src_uri.startswith(("feed", "haku/", "sv/haku/", "en/haku/")):
            assert b"14500000" not in file.content and "14\u00a0500".encode() not in file.content


def test_the_export_keeps_the_precision_beside_the_amount(plan):
    data = json.loads(next(f.content for f in plan.files if f.src_uri == "data/kokeilut.json"))
    funding = next(e["funding"] for e in data if e["slug"] == "katto")
    assert (funding["amount_eur"], funding["amount_precision"]) == (14500000, "noin")
    table = next(f.content for f in plan.files if f.src_uri == "data/kokeilut.csv").decode()
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(table))}
    assert (rows["katto"]["funding.amount_eur"], rows["katto"]["funding.amount_precision"]) == (
        "14500000",
        "noin",
    )
    assert rows["katto"]["legal_basis.name"] == "Laki perustulokokeilusta (1528/2016)"
    assert rows["vanha-osa"]["part_of"] == "katto"
    assert rows["vanha-osa"]["unconfirmed"] == "funding.call|start"
    assert rows["vanha-osa"]["municipalities"] == "espoo|kauniainen"


@pytest.mark.parametrize(
    ("funding", "fi", "en"),
    [
        ({"amount_eur": 1234.5}, "1\u00a0234,50\u00a0€", "€1,234.50"),
        ({"amount_eur": 5000, "amount_precision": "tarkka"}, "5\u00a0000\u00a0€", "€5,000"),
        ({"amount_min_eur": 5000, "amount_max_eur": 5000}, "5\u00a0000\u00a0€", "€5,000"),
        ({"funder": "Sitra"}, "", ""),
    ],
)
def test_format_amount(funding, fi, en):
    assert (format_amount(funding, "fi"), format_amount(funding, "en")) == (fi, en)


# -- organisers, legal basis, unconfirmed ---------------------------------------------------------


def test_an_organiser_of_unknown_type_is_shown_by_name_only(plan):
    assert facts(page(plan, "kokeilut/vanha-osa.md"))["Järjestäjät"] == "<ul><li>Tampereen kaupunki</li></ul>"
    assert "(kunta tai kaupunki)" in facts(page(plan, "kokeilut/katto.md"))["Järjestäjät"]


@pytest.mark.parametrize(
    ("language", "label"), [("fi", "Säädösperusta"), ("sv", "Rättslig grund"), ("en", "Legal basis")]
)
def test_the_legal_basis_links_to_its_text(plan, language, label):
    prefix = "" if language == "fi" else f"{language}/"
    shown = facts(page(plan, f"{prefix}kokeilut/katto.md"))[label]
    name = "Laki perustulokokeilusta (1528/2016)"
    name = name if language == "fi" else f'<span lang="fi">{name}</span>'
    assert shown == f'<a href="https://www.finlex.fi/fi/laki/alkup/2016/20161528" rel="noopener">{name}</a>'


@pytest.mark.parametrize(
    ("language", "word", "why", "started", "call"),
    [
        ("fi", "vahvistamaton", "lähteet vain viittaavat tähän, eivät vahvista sitä", "Alkoi", "Kokeiluhaku"),
        ("sv", "obekräftad", "källorna antyder detta men bekräftar det inte", "Började", "Ansökningsomgång"),
        (
            "en",
            "unconfirmed",
            "the sources only suggest this; they do not confirm it",
            "Started",
            "Funding call",
        ),
    ],
)
def test_an_unconfirmed_fact_is_marked_after_its_value(plan, language, word, why, started, call):
    prefix = "" if language == "fi" else f"{language}/"
    markdown = page(plan, f"{prefix}kokeilut/vanha-osa.md")
    marker = (
        f' <span class="kk-unconfirmed" title="{why}">({word})'
        f'<span class="kk-visually-hidden">: {why}</span></span>'
    )
    shown = facts(markdown)
    month = {"fi": "tammikuu 2018", "sv": "januari 2018", "en": "January 2018"}[language]
    assert shown[started] == month + marker
    name = "Kokeilun paikka" if language == "fi" else '<span lang="fi">Kokeilun paikka</span>'
    assert f'<span class="kk-line">{call}: {name}{marker}</span>' in markdown
    assert markdown.count(marker) == 2  # start and funding.call, nothing else
    assert marker not in page(plan, f"{prefix}kokeilut/katto.md")


def test_an_unconfirmed_start_is_not_stated_as_structured_data(plan):
    assert '"startDate"' not in plan.page("kokeilut/vanha-osa.md").json_ld
    assert '"startDate": "2017"' in plan.page("kokeilut/katto.md").json_ld


# -- a translated title without its summary -------------------------------------------------------


def test_a_translated_title_is_shown_over_the_original_summary(plan):
    markdown = page(plan, "en/kokeilut/uusi-osa.md")
    assert "<h1>New part in English</h1>" in markdown
    assert '<p class="kk-lead" lang="fi">Tämä tiivistelmä on tarpeeksi pitkä' in markdown
    assert "This content has not been translated yet." in markdown
    card = re.search(
        r'<li class="kk-card"[^>]*><h3 class="kk-card__title"><a href="[^"]*uusi-osa/">(.*?)</a></h3>'
        r'<p class="kk-card__summary"([^>]*)>',
        page(plan, "en/kokeilut/katto.md"),
    )
    assert card is not None and card.groups() == ("New part in English", ' lang="fi"')
    swedish = page(plan, "sv/kokeilut/uusi-osa.md")
    assert '<h1 lang="fi">Uusi osa</h1>' in swedish and '<p class="kk-lead" lang="fi">' in swedish


def test_the_feeds_mark_the_summary_of_a_translated_title(plan):
    def item(feed: str) -> ET.Element:
        root = ET.fromstring(next(f.content for f in plan.files if f.src_uri == feed))
        return next(
            e
            for e in root.findall(f"{ATOM}entry")
            if e.find(f"{ATOM}title").text in {"Uusi osa", "New part in English"}
        )

    english = item("feed.en.xml")
    assert english.get(XML_LANG) is None and english.find(f"{ATOM}title").text == "New part in English"
    assert english.find(f"{ATOM}summary").get(XML_LANG) == "fi"
    swedish = item("feed.sv.xml")  # no Swedish translation: all Finnish, said once on the entry
    assert swedish.get(XML_LANG) == "fi" and swedish.find(f"{ATOM}summary").get(XML_LANG) is None
    assert item("feed.xml").get(XML_LANG) is None


def test_the_finder_records_say_the_summary_language_of_a_translated_title(plan):
    def record(folder: str) -> list:
        for file in plan.files:
            if file.src_uri.startswith(f"{folder}haku/data/docs/"):
                for found in json.loads(file.content):
                    if found[1] == "uusi-osa":
                        return found
        raise AssertionError(folder)

    assert record("en/")[2:] == ["New part in English", record("")[3], "2018–2019", "en", "fi"]
    assert record("sv/")[5:] == ["fi"]
    assert record("")[5:] == []
