"""load_vocabularies() remembers what it made of the same texts, and only of the same texts.

A small catalogue is checked over and over (``mkdocs serve``, the suite): the terms of unchanged
vocabulary files are not checked again, but every problem is reported every time, and any change
to a file, or to a file read before it, is read afresh."""

from __future__ import annotations

from generator.content.vocabulary import load_vocabularies
from generator.core.problems import Problem
from generator.core.schema import load_schema

LEVELS = "content/sanastot/tasot.yml"
REGIONS = "content/sanastot/alueet.yml"
MUNICIPALITIES = "content/sanastot/kunnat.yml"
BROKEN_LEVELS = """\
- id: valtakunnallinen
  fi: Valtakunnallinen
  sv: Nationell
  en: National
- id: valtakunnallinen
  fi: Toinen
  sv: Andra
  en: Other
"""


def _load(root) -> tuple[dict, list[Problem]]:
    problems: list[Problem] = []
    return load_vocabularies(root, load_schema(), problems), problems


def test_the_same_files_give_the_same_terms_and_every_problem_again(make_catalogue):
    root = make_catalogue({LEVELS: BROKEN_LEVELS})
    first, first_problems = _load(root)
    second, second_problems = _load(root)
    assert [(p.path, p.line, p.column, p.rule) for p in first_problems] == [(LEVELS, 5, 7, "duplicate-term")]
    assert second_problems == first_problems
    assert {name: v.terms for name, v in second.items()} == {name: v.terms for name, v in first.items()}


def test_a_changed_file_is_read_afresh(make_catalogue):
    root = make_catalogue({LEVELS: BROKEN_LEVELS})
    _load(root)
    (root / LEVELS).write_text(
        BROKEN_LEVELS.replace("id: valtakunnallinen\n  fi: Toinen", "id: alueellinen\n  fi: Toinen")
    )
    vocabularies, problems = _load(root)
    assert problems == []
    assert [term.id for term in vocabularies["tasot"].terms] == ["valtakunnallinen", "alueellinen"]


def test_a_change_to_an_earlier_file_rechecks_the_files_that_depend_on_it(make_catalogue):
    # A municipality's region is checked against the regions read before it.
    root = make_catalogue()
    vocabularies, problems = _load(root)
    assert problems == []
    municipality = vocabularies["kunnat"].terms[0]
    regions = (root / REGIONS).read_text(encoding="utf-8")
    assert f"- id: {municipality.region}\n" in regions
    (root / REGIONS).write_text(regions.replace(f"- id: {municipality.region}\n", "- id: muualla\n"))
    _, problems = _load(root)
    assert any(p.path == MUNICIPALITIES and p.rule == "unknown-term" for p in problems), problems
