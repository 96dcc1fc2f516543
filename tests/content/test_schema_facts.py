"""The facts issue 19 added to the schema, checked at the exact line and column: parts of a
larger experiment (part_of), municipalities as a vocabulary, funding ranges and approximations,
an organiser of unknown type, the legal basis, unconfirmed facts and a translated title alone."""

from __future__ import annotations

import dataclasses
import re

import pytest

from generator.content.check import check_catalogue
from generator.content.fields import INVALID, FieldChecker
from generator.content.municipalities import municipality_terms, render_vocabulary
from generator.content.parts import find_cycles
from generator.content.yamltree import compose
from generator.core.problems import ConfigError, ProblemSink
from generator.core.schema import load_schema
from generator.opendata.export import export_catalogue
from tests.support import VALID_EXPERIMENT, located

LAST = "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}\n"
# The first line an extra field of experiment() lands on.
EXTRA = 18


def experiment(extra: str = "", **replace: str) -> str:
    """The valid experiment with ``extra`` front matter from line 18 on; ``replace`` maps a line
    of it ("regions: [pirkanmaa]") to what it becomes."""
    text = VALID_EXPERIMENT.replace(LAST, LAST + extra)
    for old, new in replace.items():
        assert old in text
        text = text.replace(old, new)
    return text


def problems_of(catalogue, rule: str) -> list:
    return [p for p in catalogue.problems if p.rule == rule]


# -- part_of --------------------------------------------------------------------------------------


def test_a_part_names_its_larger_experiment(check):
    catalogue = check(
        {
            "experiments/kattokokeilu.md": experiment(),
            "experiments/osa.md": experiment("part_of: kattokokeilu\n"),
        }
    )
    assert located(catalogue) == set()
    assert catalogue.experiments["osa"]["part_of"] == "kattokokeilu"
    exported = {e["slug"]: e for e in export_catalogue(catalogue)["experiments"]}
    assert (exported["osa"]["part_of"], exported["kattokokeilu"]["part_of"]) == ("kattokokeilu", None)


def test_a_missing_larger_experiment_is_a_missing_reference_with_did_you_mean(check):
    catalogue = check(
        {
            "experiments/kattokokeilu.md": experiment(),
            "experiments/osa.md": experiment("part_of: katokokeilu\n"),
        }
    )
    assert located(catalogue) == {("experiments/osa.md", EXTRA, 10, "missing-reference")}
    message = catalogue.problems[0].message
    assert 'Kokeilua "katokokeilu" ei ole' in message
    assert 'Tarkoititko "kattokokeilu"?' in message
    assert "osa" not in catalogue.experiments


def test_part_of_must_be_a_slug(check):
    catalogue = check({"experiments/osa.md": experiment("part_of: Katto Kokeilu\n")})
    assert located(catalogue) == {("experiments/osa.md", EXTRA, 10, "bad-slug")}
    assert '"katto-kokeilu"' in catalogue.problems[0].message


def test_an_experiment_cannot_be_a_part_of_itself(check):
    catalogue = check({"experiments/itse.md": experiment("part_of: itse\n")})
    assert located(catalogue) == {("experiments/itse.md", EXTRA, 10, "reference-cycle")}
    assert "oman itsensä osa (part_of: itse)" in catalogue.problems[0].message
    assert "itse" not in catalogue.experiments


def test_a_cycle_is_reported_at_every_member_naming_it_in_order(check):
    catalogue = check(
        {
            "experiments/a.md": experiment("part_of: b\n"),
            "experiments/b.md": experiment("part_of: c\n"),
            "experiments/c.md": experiment("part_of: a\n"),
            # Outside the cycle, but a part of one of its members: not a cycle of its own.
            "experiments/d.md": experiment("part_of: a\n"),
            "experiments/e.md": experiment("part_of: f\n"),
            "experiments/f.md": experiment("part_of: e\n"),
        }
    )
    assert located(catalogue) == {
        (f"experiments/{slug}.md", EXTRA, 10, "reference-cycle") for slug in "abcef"
    }
    messages = {p.path: p.message for p in catalogue.problems}
    assert "kehässä a → b → c → a." in messages["experiments/a.md"]
    assert "kehässä b → c → a → b." in messages["experiments/b.md"]
    assert "kehässä c → a → b → c." in messages["experiments/c.md"]
    assert "kehässä f → e → f." in messages["experiments/f.md"]
    assert set(catalogue.experiments) == {"d"}


def test_cycles_are_found_in_linear_order_from_their_smallest_slug():
    parents = {f"x{i:05d}": f"x{i + 1:05d}" for i in range(20_000)}
    parents["x20000"] = "x00000"
    parents["y"] = "y"
    parents["z"] = "x00005"
    cycles = find_cycles(parents)
    assert [len(c) for c in cycles] == [20_001, 1]
    assert cycles[0][:2] == ["x00000", "x00001"]
    assert cycles[1] == ["y"]


# -- municipalities -------------------------------------------------------------------------------


def test_municipalities_are_ids_with_did_you_mean_for_names(check):
    catalogue = check(
        {"experiments/kunnat.md": experiment("municipalities: [Jyväskylä, tampere, Esbo, Tampre]\n")}
    )
    assert located(catalogue) == {
        ("experiments/kunnat.md", EXTRA, 18, "unknown-term"),
        ("experiments/kunnat.md", EXTRA, 38, "unknown-term"),
        ("experiments/kunnat.md", EXTRA, 44, "unknown-term"),
    }
    messages = {p.column: p.message for p in catalogue.problems}
    assert '"Jyväskylä" ei ole sanaston kunnat tunniste. Tarkoititko "jyvaskyla"?' in messages[18]
    assert 'Tarkoititko "espoo"?' in messages[38]
    assert 'Tarkoititko "tampere"' in messages[44]
    assert "content/sanastot/kunnat.yml" in messages[44]


def test_a_municipality_outside_the_regions_is_a_warning_at_it(check):
    catalogue = check({"experiments/kunnat.md": experiment("municipalities: [tampere, espoo]\n")})
    assert located(catalogue) == {("experiments/kunnat.md", EXTRA, 27, "municipality-region-missing")}
    warning = catalogue.problems[0]
    assert not warning.is_error
    assert "Kunta Espoo (espoo) on maakunnassa Uusimaa (uusimaa), jota ei ole kentässä regions" in (
        warning.message
    )
    assert "kunnat" in catalogue.experiments


def test_municipalities_with_an_unknown_region_suggest_the_regions(check):
    text = experiment(
        "municipalities: [tampere, espoo, nokia]\n", **{"regions: [pirkanmaa]": "regions: tuntematon"}
    )
    catalogue = check({"experiments/kunnat.md": text})
    assert located(catalogue) == {
        ("experiments/kunnat.md", EXTRA, column, "municipality-region-missing") for column in (18, 27, 34)
    }
    for problem in catalogue.problems:
        assert "kirjoita regions: [pirkanmaa, uusimaa]." in problem.message


def test_nationwide_covers_every_municipality(check):
    text = experiment("municipalities: [tampere, espoo]\n", **{"regions: [pirkanmaa]": "regions: []"})
    assert located(check({"experiments/kunnat.md": text})) == set()


def test_a_municipality_term_names_a_known_region(check):
    vocabulary = (
        '- {id: tampere, code: "837", fi: Tampere, sv: Tammerfors, en: Tampere, region: pirkanmaa}\n'
        '- {id: espoo, code: "049", fi: Espoo, sv: Esbo, en: Espoo, region: uusimma}\n'
    )
    catalogue = check({"content/sanastot/kunnat.yml": vocabulary})
    problems = [p for p in catalogue.problems if p.path.endswith("kunnat.yml")]
    assert [(p.line, p.column, p.rule) for p in problems] == [(2, 68, "unknown-term")]
    assert 'Tarkoititko "uusimaa"?' in problems[0].message


def test_the_shipped_municipalities_have_unique_ids_and_codes_and_known_regions(shipped):
    kunnat, alueet = shipped.vocabularies["kunnat"], shipped.vocabularies["alueet"]
    assert len(set(kunnat.ids)) == len({t.code for t in kunnat}) == len(kunnat) > 0
    assert all(re.fullmatch(r"\d{3}", t.code) for t in kunnat)
    assert all(t.region in alueet and t.en == t.fi for t in kunnat)


def test_the_municipalities_as_read_are_statistics_finland_s_308_of_2025(fixture_vocabularies):
    """The vocabulary as `kokeilu kunnat` made it, in the fixture site's copy."""
    kunnat = fixture_vocabularies["kunnat"]
    assert len(kunnat) == len({t.code for t in kunnat}) == 308
    assert (kunnat["espoo"].sv, kunnat["espoo"].code, kunnat["espoo"].region) == ("Esbo", "049", "uusimaa")


SOURCE = [
    {"code": "049", "name_fi": "Espoo", "name_sv": "Esbo", "region_code": "01"},
    {"code": "202", "name_fi": "Kaarina", "name_sv": "S:t Karins", "region_code": "02"},
    {"code": "005", "name_fi": "Alajärvi", "name_sv": "Alajärvi", "region_code": "14"},
]


def test_the_vocabulary_is_made_from_the_source_in_finnish_order(fixture_vocabularies):
    terms = municipality_terms(SOURCE, fixture_vocabularies["alueet"])
    assert [t["id"] for t in terms] == ["alajarvi", "espoo", "kaarina"]
    assert terms[1] == {
        "id": "espoo",
        "code": "049",
        "fi": "Espoo",
        "sv": "Esbo",
        "en": "Espoo",
        "region": "uusimaa",
    }
    text = render_vocabulary(terms)
    assert "Lähde: Tilastokeskus, luokitukset Kunnat 2025 / Maakunnat 2025" in text
    assert "https://creativecommons.org/licenses/by/4.0/" in text
    assert (
        '- {id: kaarina, code: "202", fi: Kaarina, sv: "S:t Karins", en: Kaarina, region: varsinais-suomi}'
        in text
    )


@pytest.mark.parametrize(
    ("record", "fragment"),
    [
        ({"code": "49", "name_fi": "Espoo", "name_sv": "Esbo", "region_code": "01"}, "kolme numeroa"),
        ({"code": "049", "name_fi": "Espoo", "name_sv": "Esbo", "region_code": "03"}, "maakuntakoodia '03'"),
        ({"code": "999", "name_fi": "Espoo", "name_sv": "Esbo", "region_code": "01"}, "sama tunniste espoo"),
    ],
)
def test_a_bad_source_record_is_refused(fixture_vocabularies, record, fragment):
    with pytest.raises(ConfigError, match=fragment):
        municipality_terms([SOURCE[0], record], fixture_vocabularies["alueet"])


def test_kokeilu_kunnat_writes_a_vocabulary_the_checker_reads(make_catalogue, capsys):
    from generator.cli import main

    root = make_catalogue()
    source = root / "kunnat.yaml"
    source.write_text(
        "\n".join(
            f'- {{code: "{r["code"]}", name_fi: "{r["name_fi"]}", name_sv: "{r["name_sv"]}", '
            f'region_code: "{r["region_code"]}"}}'
            for r in SOURCE
        ),
        encoding="utf-8",
    )
    assert main(["--root", str(root), "kunnat", "--from", str(source)]) == 0
    assert "3 kuntaa" in capsys.readouterr().out
    catalogue = check_catalogue(root)
    assert catalogue.vocabularies["kunnat"].ids == ("alajarvi", "espoo", "kaarina")
    assert not [p for p in catalogue.problems if p.path.endswith("kunnat.yml")]


# -- funding --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("funding", "where", "rule", "fragment"),
    [
        ("  amount_eur: 5000\n  amount_max_eur: 6000\n", (EXTRA + 2, 19), "funding-conflict", "vain toinen"),
        ("  amount_min_eur: 500\n  amount_eur: 5000\n", (EXTRA + 2, 15), "funding-conflict", "vain toinen"),
        ("  amount_min_eur: 5000\n  amount_max_eur: 500\n", (EXTRA + 2, 19), "range-order", "Vaihda arvot"),
        ("  amount_min_eur: 500\n  amount_precision: noin\n", (EXTRA + 2, 21), "funding-conflict", "ei ole"),
    ],
)
def test_funding_amounts_that_contradict_each_other(check, funding, where, rule, fragment):
    catalogue = check({"experiments/raha.md": experiment("funding:\n" + funding)})
    assert located(catalogue) == {("experiments/raha.md", *where, rule)}
    assert fragment in catalogue.problems[0].message


def test_a_range_an_approximation_and_their_parts_alone_are_valid(check):
    catalogue = check(
        {
            "experiments/vali.md": experiment("funding:\n  amount_min_eur: 500\n  amount_max_eur: 5000\n"),
            "experiments/noin.md": experiment("funding:\n  amount_eur: 14500000\n  amount_precision: noin\n"),
            "experiments/vahintaan.md": experiment("funding:\n  amount_min_eur: 500\n"),
        }
    )
    assert located(catalogue) == set()
    exported = {e["slug"]: e["funding"] for e in export_catalogue(catalogue)["experiments"]}
    assert exported["noin"]["amount_precision"] == "noin"
    assert (exported["vali"]["amount_min_eur"], exported["vali"]["amount_max_eur"]) == (500, 5000)


def test_an_unknown_precision_gets_the_vocabulary(check):
    catalogue = check(
        {"experiments/raha.md": experiment("funding:\n  amount_eur: 5\n  amount_precision: n\n")}
    )
    assert located(catalogue) == {("experiments/raha.md", EXTRA + 2, 21, "unknown-term")}
    assert "Sallitut: tarkka, noin." in catalogue.problems[0].message


# -- organisers, legal basis ----------------------------------------------------------------------


def test_an_organiser_of_unknown_type(check):
    catalogue = check({"experiments/x.md": experiment(**{"    type: kunta": "    type: tuntematon"})})
    assert located(catalogue) == set()
    organiser = export_catalogue(catalogue)["experiments"][0]["organisers"][0]
    assert organiser == {"name": "Tampereen kaupunki", "type": None}


def test_the_legal_basis_needs_its_name(check):
    catalogue = check(
        {
            "experiments/laki.md": experiment("legal_basis:\n  url: https://www.finlex.fi/fi/laki\n"),
            "experiments/lyhyt.md": experiment("legal_basis: {name: L}\n"),
            "experiments/hyva.md": experiment("legal_basis:\n  name: Laki perustulokokeilusta (1528/2016)\n"),
        }
    )
    assert located(catalogue) == {
        ("experiments/laki.md", EXTRA + 1, 3, "missing-field"),
        ("experiments/lyhyt.md", EXTRA, 21, "too-short"),
    }
    assert catalogue.experiments["hyva"]["legal_basis"]["url"] is None


# -- unconfirmed ----------------------------------------------------------------------------------


def test_unconfirmed_names_facts_the_file_gives(check):
    text = experiment(
        "unconfirmed: [fundng.call, legal_basis, start, title, end]\n", **{"end: 2019": "end: tuntematon"}
    )
    catalogue = check({"experiments/x.md": text})
    assert located(catalogue) == {
        ("experiments/x.md", EXTRA, 15, "unconfirmed-path"),
        ("experiments/x.md", EXTRA, 28, "unconfirmed-path"),
        ("experiments/x.md", EXTRA, 48, "unconfirmed-path"),
        ("experiments/x.md", EXTRA, 55, "unconfirmed-path"),
    }
    messages = {p.column: p.message for p in catalogue.problems}
    assert 'Kenttää "fundng.call" ei ole' in messages[15]
    assert 'Tarkoititko "funding.call"?' in messages[15]
    assert 'Kenttää "legal_basis" ei ole tiedostossa' in messages[28]
    assert "Sallitut nimet: level, themes, regions, municipalities, area, organisers, status," in messages[48]
    assert "funding.call" in messages[48]
    assert 'Kentän "end" arvo on tuntematon' in messages[55]


def test_unconfirmed_facts_are_exported(check):
    text = experiment("funding:\n  call: Kokeilun paikka\nunconfirmed: [funding.call, start]\n")
    catalogue = check({"experiments/x.md": text})
    assert located(catalogue) == set()
    assert export_catalogue(catalogue)["experiments"][0]["unconfirmed"] == ["funding.call", "start"]


# -- translations ---------------------------------------------------------------------------------


def test_a_translated_title_may_come_without_its_summary(check):
    catalogue = check(
        {
            "experiments/otsikko.md": experiment("translations:\n  en:\n    title: Test experiment\n"),
            "experiments/tiivistelma.md": experiment(
                "translations:\n  sv:\n    summary: En sammanfattning som är tillräckligt lång för ett försök.\n"
            ),
        }
    )
    assert located(catalogue) == {("experiments/tiivistelma.md", EXTRA + 2, 5, "missing-field")}
    assert catalogue.experiments["otsikko"]["translations"]["en"] == {
        "title": "Test experiment",
        "summary": None,
    }


# -- messages that say what to write --------------------------------------------------------------


@pytest.mark.parametrize(
    ("regions", "column", "fix"),
    [
        ("[koko-suomi]", 11, "koko Suomi merkitään tyhjällä listalla, regions: []."),
        ("[uusimaa, koko-suomi]", 20, "luettele ne ja jätä koko-suomi pois."),
        ("[tuntematon]", 11, "kirjoita regions: tuntematon ilman hakasulkeita."),
    ],
)
def test_nationwide_and_unknown_regions_are_not_list_items(check, regions, column, fix):
    catalogue = check({"experiments/x.md": experiment(**{"regions: [pirkanmaa]": f"regions: {regions}"})})
    assert located(catalogue) == {("experiments/x.md", 6, column, "unknown-term")}
    assert fix in catalogue.problems[0].message
    assert "keski-suomi" not in catalogue.problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "where", "rule", "fix"),
    [
        (
            "start: 2018",
            "start: kesällä 2018",
            (11, 8),
            "bad-date",
            "Jos aikaa ei tiedetä, kirjoita start: tuntematon.",
        ),
        (
            "start: 2018",
            "start: 18",
            (11, 8),
            "bad-date",
            "esimerkiksi 2017. Jos aikaa ei tiedetä, kirjoita start: tuntematon.",
        ),
        ("end: 2019", "end: [2019]", (12, 6), "wrong-type", "päivämäärä) tai tuntematon, nyt se on lista"),
        (
            "contact:\n  organisation: Tampereen kaupunki\n",
            "contact:\n  url: https://www.tampere.fi\n",
            (16, 3),
            "missing-field",
            "Jos tietoa ei ole, kirjoita koko ryhmän tilalle contact: tuntematon.",
        ),
        (
            "contact:\n  organisation: Tampereen kaupunki\n",
            "contact: Tampereen kaupunki\n",
            (15, 10),
            "wrong-type",
            "Jos tietoa ei ole, kirjoita contact: tuntematon.",
        ),
    ],
)
def test_contact_and_date_messages_offer_tuntematon(check, old, new, where, rule, fix):
    catalogue = check({"experiments/x.md": experiment(**{old: new})})
    assert located(catalogue) == {("experiments/x.md", *where, rule)}
    assert fix in catalogue.problems[0].message


def test_a_date_field_that_cannot_be_unknown_does_not_offer_tuntematon():
    start = load_schema().experiment.field("start")
    assert start is not None and start.unknown
    for spec, offered in ((start, True), (dataclasses.replace(start, unknown=False), False)):
        sink = ProblemSink("x.md")
        node = compose("start: 2019-13", 1, sink, 8)
        value = FieldChecker(sink, {}, "tuntematon").check(spec, node.pairs[0][1], ("start",))
        assert value is INVALID
        assert [(p.line, p.column, p.rule) for p in sink.problems] == [(1, 8, "bad-date")]
        assert ("start: tuntematon" in sink.problems[0].message) is offered
