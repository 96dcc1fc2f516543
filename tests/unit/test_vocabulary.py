"""load_vocabularies() on scratch copies of content/sanastot/, and Vocabulary.closest()."""

from __future__ import annotations

import pytest

from generator.content.vocabulary import Vocabulary, load_vocabularies
from generator.core.problems import Problem
from generator.core.schema import load_schema

LEVELS = "content/sanastot/tasot.yml"

# A small, valid levels vocabulary; the tests below break one thing in it.
TWO_LEVELS = """\
- id: valtakunnallinen
  fi: Valtakunnallinen
  sv: Nationell
  en: National
- id: alueellinen
  fi: Alueellinen
  sv: Regional
  en: Regional
"""


@pytest.fixture
def load(make_catalogue):
    """``load({path: text})`` → (vocabularies, problems) of a scratch catalogue."""

    def run(files: dict[str, str] | None = None) -> tuple[dict[str, Vocabulary], list[Problem]]:
        problems: list[Problem] = []
        vocabularies = load_vocabularies(make_catalogue(files), load_schema(), problems)
        return vocabularies, problems

    return run


@pytest.fixture(scope="module")
def shipped_vocabularies(fixture_vocabularies) -> dict[str, Vocabulary]:
    """The vocabularies as shipped, in the fixture site's copy: a theme an editor adds to the
    repository's changes no test here."""
    return fixture_vocabularies


def located(problems: list[Problem]) -> list[tuple[str, int, int, str]]:
    return [(p.path, p.line, p.column, p.rule) for p in problems]


# -- the shipped vocabularies --------------------------------------------------------------------


def test_shipped_vocabularies_load_without_problems(load):
    vocabularies, problems = load()
    assert problems == []
    assert set(vocabularies) == {spec.name for spec in load_schema().vocabularies}
    assert all(len(v) > 0 for v in vocabularies.values())


def test_levels(shipped_vocabularies):
    levels = shipped_vocabularies["tasot"]
    assert levels.ids == ("valtakunnallinen", "alueellinen", "ruohonjuuri")
    assert levels.path == LEVELS
    assert levels["alueellinen"].label("sv") == "Regional"


def test_nineteen_regions_with_statistics_finland_codes(shipped_vocabularies):
    regions = shipped_vocabularies["alueet"]

    assert len(regions) == 19
    assert {"uusimaa", "etela-karjala", "ahvenanmaa"} <= set(regions.ids)
    expected_codes = [f"{n:02d}" for n in range(1, 22) if n not in (3, 20)]
    assert [term.code for term in regions] == expected_codes
    assert (regions["uusimaa"].code, regions["etela-karjala"].code, regions["ahvenanmaa"].code) == (
        "01",
        "09",
        "21",
    )
    assert regions["uusimaa"].label("sv") == "Nyland"


# -- broken vocabulary files ---------------------------------------------------------------------


def test_duplicate_term_is_reported_at_its_id(load):
    text = TWO_LEVELS + "- id: alueellinen\n  fi: Toinen\n  sv: Andra\n  en: Other\n"
    vocabularies, problems = load({LEVELS: text})

    assert located(problems) == [(LEVELS, 9, 7, "duplicate-term")]
    assert "rivillä 5" in problems[0].message
    assert vocabularies["tasot"].ids == ("valtakunnallinen", "alueellinen")


@pytest.mark.parametrize(
    ("bad_id", "suggestion"), [("äänekoski", "aanekoski"), ("Alueellinen", "alueellinen")]
)
def test_bad_term_id(load, bad_id, suggestion):
    vocabularies, problems = load({LEVELS: TWO_LEVELS.replace("id: alueellinen", f"id: {bad_id}")})

    assert located(problems) == [(LEVELS, 5, 7, "bad-slug")]
    assert f'"{suggestion}"' in problems[0].message
    assert vocabularies["tasot"].ids == ("valtakunnallinen",)


def test_missing_label_is_reported_at_the_term(load):
    vocabularies, problems = load({LEVELS: TWO_LEVELS.replace("  sv: Regional\n", "")})

    assert located(problems) == [(LEVELS, 5, 3, "missing-field")]
    assert '"sv"' in problems[0].message
    assert vocabularies["tasot"].ids == ("valtakunnallinen",)


def test_unknown_key_in_a_term(load):
    _, problems = load({LEVELS: TWO_LEVELS.replace("  sv: Regional\n", "  sv: Regional\n  colour: red\n")})
    assert located(problems) == [(LEVELS, 8, 3, "unknown-field")]


def test_unknown_key_close_to_a_real_one_gets_a_suggestion(load):
    _, problems = load(
        {LEVELS: TWO_LEVELS.replace("  sv: Regional\n", "  sv: Regional\n  description: Alueen kokeilut\n")}
    )
    assert located(problems) == [(LEVELS, 8, 3, "unknown-field")]
    assert 'Tarkoititko "description_fi"?' in problems[0].message


def test_a_mapping_instead_of_a_list(load):
    vocabularies, problems = load({LEVELS: "valtakunnallinen:\n  fi: Valtakunnallinen\n"})
    assert located(problems) == [(LEVELS, 1, 1, "vocabulary-not-list")]
    assert len(vocabularies["tasot"]) == 0


@pytest.mark.parametrize("text", ["", "# tyhjä sanasto\n"])
def test_an_empty_file_is_not_a_list(load, text):
    _, problems = load({LEVELS: text})
    assert located(problems) == [(LEVELS, 1, 1, "vocabulary-not-list")]


def test_a_term_that_is_not_a_mapping(load):
    vocabularies, problems = load({LEVELS: TWO_LEVELS + "- ruohonjuuri\n"})
    assert located(problems) == [(LEVELS, 9, 3, "vocabulary-not-list")]
    assert vocabularies["tasot"].ids == ("valtakunnallinen", "alueellinen")


def test_a_yaml_error_is_reported_once_without_vocabulary_not_list(load):
    _, problems = load({LEVELS: TWO_LEVELS + "- id: x\n  fi: [\n"})
    assert [p.rule for p in problems] == ["yaml-syntax"]


def test_a_yes_label_is_a_yaml_trap(load):
    _, problems = load({LEVELS: TWO_LEVELS.replace("en: National", "en: yes")})
    assert located(problems) == [(LEVELS, 4, 7, "yaml-truthy")]
    assert 'en: "yes"' in problems[0].message


# -- closest -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("vocabulary", "written", "closest"),
    [
        ("alueet", "Pohjois-Savo", ["pohjois-savo"]),
        ("alueet", "pohjois savo", ["pohjois-savo"]),
        ("alueet", "06", ["pirkanmaa"]),
        ("alueet", "Nyland", ["uusimaa"]),  # the Swedish label
        ("alueet", "hame", ["kanta-hame", "paijat-hame"]),
        ("teemat", "Circular economy", ["kiertotalous"]),  # the English label
        ("teemat", "kiertotalo", ["kiertotalous"]),
    ],
)
def test_closest(shipped_vocabularies, vocabulary, written, closest):
    assert shipped_vocabularies[vocabulary].closest(written) == closest


def test_closest_returns_nothing_for_nonsense(shipped_vocabularies):
    assert shipped_vocabularies["tasot"].closest("xyzzy") == []


# -- labels as well as ids, and the obvious suggestion first ----------------------------------------


@pytest.mark.parametrize(
    ("vocabulary", "value", "term"),
    [
        ("teemat", "tekoaly", "tekoaly"),
        ("teemat", "tekoäly", "tekoaly"),
        ("teemat", "TEKOÄLY", "tekoaly"),
        ("alueet", "Keski-Suomi", "keski-suomi"),
        ("alueet", "Nyland", "uusimaa"),
        ("alueet", "Southwest Finland", "varsinais-suomi"),
        ("kunnat", "Esbo", "espoo"),
        ("kunnat", "  Jyväskylä ", "jyvaskyla"),
        ("kunnat", "Maarianhamina - Mariehamn", "maarianhamina-mariehamn"),
        ("alueet", "06", None),  # a code is not a name
        ("teemat", "asuminen", None),
        ("teemat", "", None),
    ],
)
def test_resolve_takes_an_id_or_a_label_in_any_language(shipped_vocabularies, vocabulary, value, term):
    assert shipped_vocabularies[vocabulary].resolve(value) == term


@pytest.mark.parametrize(
    ("vocabulary", "value", "first"),
    [
        ("teemat", "asuminen", "asuminen-ja-rakentaminen"),
        ("teemat", "rakentaminen", "asuminen-ja-rakentaminen"),
        ("alueet", "savo", "etela-savo"),
        ("kunnat", "Maarianhamina", "maarianhamina-mariehamn"),
        ("kunnat", "Tampre", "tampere"),
        ("teemat", "kiertotalos", "kiertotalous"),
    ],
)
def test_the_obvious_suggestion_comes_first(shipped_vocabularies, vocabulary, value, first):
    assert shipped_vocabularies[vocabulary].closest(value)[0] == first
