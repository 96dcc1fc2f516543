"""What the finder finds for words that the text does not contain as typed: base forms and
compound parts (indexed at build time, generator/search/morphology.py), ä/ö/å typed as a/o, a
typo, and queries whose words no entry has all of (finder.js's findOrdinals, tolerance.js).

The finder's data of a small scratch catalogue is written as the site publishes it and queried
in Node with the published finder.js (tests/js/tolerance.js), as the browser queries it.
"""

from __future__ import annotations

import shutil

import pytest

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.search.index import search_data
from generator.search.pipelines import find_lunr_files
from tests.support import published_finder, run_node, write_catalogue

NODE = shutil.which("node")

ENTRY = """---
title: {title}
summary: {summary}
level: alueellinen
themes: [{theme}]
regions: [{region}]
municipalities: [{municipality}]
organisers:
  - name: {organiser}
    type: kunta
status: paattynyt
start: 2021
end: 2022
sources:
  - https://www.example.fi/{slug}
contact:
  organisation: {organiser}
---

{body}
"""

ENTRIES = {
    "esiopetus": (
        "Kaksivuotisen esiopetuksen kokeilu",
        "Viisivuotiaat aloittivat koulun valmistavan opetuksen vuotta aiemmin.",
        "varhaiskasvatus",
        "uusimaa",
        "espoo",
        "Opetushallitus",
        "Lapset oppivat leikin kautta.",
    ),
    "hiilibudjetti": (
        "Hiilibudjetti kaupungin päätöksiin",
        "Kaupunki laski päästöilleen katon. Hävikkileivästä tehtiin työpajassa uusia tuotteita.",
        "ilmasto",
        "keski-suomi",
        "jyvaskyla",
        "Jyväskylän kaupunki",
        "Kaupunki seurasi päästöjään vuosittain.",
    ),
    "kouluruoka": (
        "Kouluruoan hävikki puoliksi",
        "Koulut vähensivät ruokahävikkiä mittaamalla jokaisen aterian.",
        "ruoka",
        "lappi",
        "rovaniemi",
        "Rovaniemen nuorisovaltuusto",
        "Oppilaat punnitsivat lautasilta palaavan ruoan.",
    ),
    "loas": (
        "LOAS yhteiskäyttöauto opiskelijoille",
        "Opiskelija-asuntojen asukkaat jakoivat sähköauton.",
        "liikkuminen",
        "uusimaa",
        "espoo",
        "LOAS",
        "Varaukset tehtiin sovelluksella.",
    ),
}


@pytest.fixture(scope="module")
def finder(tmp_path_factory) -> dict:
    """The scratch catalogue's finder data in every language, as the site publishes it, and
    the titles by document number."""
    files = {}
    for slug, (title, summary, theme, region, municipality, organiser, body) in ENTRIES.items():
        text = ENTRY.format(
            title=title,
            summary=summary,
            theme=theme,
            region=region,
            municipality=municipality,
            organiser=organiser,
            slug=slug,
            body=body,
        )
        files[f"experiments/{slug}.md"] = text
    root = write_catalogue(tmp_path_factory.mktemp("tolerance") / "catalogue", files)
    catalogue = check_catalogue(root, load_schema())
    assert not catalogue.errors, catalogue.errors
    site = tmp_path_factory.mktemp("site")
    folders, titles = {}, {}
    for language in ("fi", "sv", "en"):
        data = search_data(catalogue, language)
        for file in data.files():
            target = site / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content)
        folders[language] = str(site / data.data_dir)
        titles[language] = [entry.slug for entry in data.documents]
    return {"folders": folders, "slugs": titles, "finder": str(published_finder(site))}


def ask(finder: dict, queries: list[tuple[str, str]]) -> list[dict]:
    if NODE is None:
        pytest.fail("Node.js is needed for the finder's tests (apt-get install nodejs).")
    job = {
        "lunr": {name: str(path) for name, path in find_lunr_files().paths.items()},
        "finder": finder["finder"],
        "data": finder["folders"],
        "queries": [list(q) for q in queries],
    }
    answers = run_node("tolerance.js", job)["answers"]
    for (language, _), answer in zip(queries, answers, strict=True):
        answer["slugs"] = [finder["slugs"][language][n] for n in answer["ordinals"] or []]
    return answers


# Words of an entry in another form than its text has them: a base form, a compound part.
MORPHOLOGY = [
    ("esiopetus", "esiopetus"),
    ("budjetti", "hiilibudjetti"),
    ("kouluruoka", "kouluruoka"),
    ("yhteiskäyttö", "loas"),
    ("hävikki", "kouluruoka"),
    ("auto", "loas"),
    ("leipä", "hiilibudjetti"),
    ("leivästä", "hiilibudjetti"),  # the last part as it stands in "Hävikkileivästä"
]


@pytest.mark.parametrize(("query", "slug"), MORPHOLOGY)
def test_a_base_form_or_a_compound_part_finds_the_entry_as_typed(finder, query, slug):
    for language in ("fi", "sv", "en"):
        [answer] = ask(finder, [(language, query)])
        assert slug in answer["slugs"], (language, answer)
        assert answer["corrected"] is None and not answer["partial"], (language, answer)


TOLERATED = [
    (
        "fi",
        "jyvaskyla",
        "hiilibudjetti",
        "jyväskylä",
        "Ei tuloksia haulla ”jyvaskyla”. Tarkoititko ”jyväskylä”? ",
    ),
    (
        "fi",
        "havikkileipa",
        "hiilibudjetti",
        "hävikkileipä",
        "Ei tuloksia haulla ”havikkileipa”. Tarkoititko ”hävikkileipä”? ",
    ),
    ("fi", "tyopaja", "hiilibudjetti", "työpaja", "Ei tuloksia haulla ”tyopaja”. Tarkoititko ”työpaja”? "),
    (
        "fi",
        "koulurouka",
        "kouluruoka",
        "kouluruoka",
        "Ei tuloksia haulla ”koulurouka”. Tarkoititko ”kouluruoka”? ",
    ),
    (
        "fi",
        "esiopetuz",
        "esiopetus",
        "esiopetus",
        "Ei tuloksia haulla ”esiopetuz”. Tarkoititko ”esiopetus”? ",
    ),
    ("sv", "esiopetuz", "esiopetus", "esiopetus", "Inga träffar för ”esiopetuz”. Menade du ”esiopetus”? "),
    (
        "en",
        "opiskelioille",
        "loas",
        "opiskelijoille",
        "No results for “opiskelioille”. Did you mean “opiskelijoille”? ",
    ),
]


@pytest.mark.parametrize(("language", "query", "slug", "corrected", "note"), TOLERATED)
def test_a_word_without_its_dots_or_with_a_typo_is_corrected_and_says_so(
    finder, language, query, slug, corrected, note
):
    [answer] = ask(finder, [(language, query)])
    assert answer["slugs"] and answer["slugs"][0] == slug, answer
    assert answer["corrected"] == corrected
    assert answer["note"] == note


def test_an_exact_word_is_not_corrected(finder):
    [answer] = ask(finder, [("fi", "hävikki")])
    assert answer["corrected"] is None
    assert set(answer["slugs"]) == {"kouluruoka", "hiilibudjetti"}


PARTIAL = [
    ("en", "LOAS car sharing", "loas"),
    ("en", "Rovaniemi youth council", "kouluruoka"),
    ("fi", "esiopetus kaukoputki", "esiopetus"),
    ("sv", "Esbo förskola", "esiopetus"),
]


@pytest.mark.parametrize(("language", "query", "slug"), PARTIAL)
def test_words_that_no_entry_has_all_of_show_the_entries_with_most_of_them(finder, language, query, slug):
    [answer] = ask(finder, [(language, query)])
    assert answer["partial"] is True
    assert slug in answer["slugs"][:2], answer
    assert (
        answer["note"]
        in {
            "fi": "Mikään tulos ei sisällä kaikkia hakusanoja; tässä osumat osalle niistä. ",
            "sv": "Inget resultat innehåller alla sökord; här är träffar för en del av dem. ",
            "en": "No result has all the words; these match some of them. ",
        }[language]
    )


def test_words_that_match_nothing_still_find_nothing(finder):
    [answer] = ask(finder, [("fi", "kaukoputki xylofoni")])
    assert answer["ordinals"] == [] and not answer["partial"]


def test_the_sv_and_en_finders_find_municipalities_by_their_own_names(finder):
    esbo, espoo = ask(finder, [("sv", "Esbo"), ("en", "Espoo")])
    assert set(esbo["slugs"]) == set(espoo["slugs"]) == {"esiopetus", "loas"}
