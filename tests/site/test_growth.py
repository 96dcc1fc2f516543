"""The growth proof itself: the shipped catalogue every test reads (``shipped_root``) really holds
the growth of tests/growth.py, it is valid as a contributor's pull request must be, and the site
built from it has every page the growth adds, in every language."""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from generator.core.schema import load_schema
from generator.i18n.languages import translation_file, translations_of
from tests.growth import EXPERIMENTS, GROWTH, LEARNINGS, PREFIX, THEME, TRANSLATED_BODIES
from tests.support import REPO_ROOT


def _repository_slugs(kind: str) -> set[str]:
    folder = REPO_ROOT / load_schema().entry(kind).directory
    return {
        p.stem
        for p in folder.glob("*.md")
        if p.name not in {"README.md", "index.md"} and not translation_file(p.name)
    }


def test_the_grown_catalogue_is_the_repository_s_plus_the_growth(shipped):
    experiments, learnings = _repository_slugs("experiment"), _repository_slugs("learning")
    assert set(shipped.experiments) == experiments | set(EXPERIMENTS)
    assert set(shipped.learnings) == learnings | set(LEARNINGS)
    assert len(shipped.experiments) == len(experiments) + 20 and len(EXPERIMENTS) == 20
    assert len(shipped.learnings) == len(learnings) + 3 and len(LEARNINGS) == 3
    # Nothing of the growth can be a contributor's entry or term.
    assert not (experiments | learnings) & (set(EXPERIMENTS) | set(LEARNINGS))
    assert all(slug.startswith(PREFIX) for slug in [*EXPERIMENTS, *LEARNINGS, THEME])
    themes = shipped.vocabularies["teemat"]
    assert THEME in themes.ids and THEME not in _repository_theme_ids()
    assert {themes[THEME].label(code) for code in ("fi", "sv", "en")} == {
        "Vesihuolto ja jätevedet",
        "Vattenförsörjning och avloppsvatten",
        "Water supply and wastewater",
    }


def _repository_theme_ids() -> set[str]:
    text = (REPO_ROOT / load_schema().vocabulary_directory / "teemat.yml").read_text(encoding="utf-8")
    return set(re.findall(r"^- id: (\S+)$", text, re.M))


def test_the_growth_is_what_the_issue_asks_for(shipped):
    grown = [shipped.experiments[slug] for slug in EXPERIMENTS]
    assert {e["level"] for e in grown} == {"valtakunnallinen", "alueellinen", "ruohonjuuri"}
    languages = [set(translations_of(e)) for e in grown]
    # Each translated into exactly one language; both Swedish and English occur.
    assert all(len(codes) == 1 for codes in languages)
    assert {"sv"} in languages and {"en"} in languages
    with_summary = [e for e in grown if next(iter(translations_of(e).values())).get("summary")]
    assert 0 < len(with_summary) < len(grown)  # some a title only, some a summary too
    assert any(e.values.get("language") == "sv" for e in grown)  # one written in Swedish
    for name in TRANSLATED_BODIES:  # a translated body, in the translation's only language
        original, language = translation_file(f"{load_schema().experiment.directory}/{name}")
        assert language in shipped.bodies[original]
        assert set(translations_of(shipped.experiments[name.split(".")[0]])) == {language}
    # The funding forms: exact, approximate, a range, and a lower bound alone.
    funding = [e["funding"] or {} for e in grown]
    assert any("amount_eur" in f and f.get("amount_precision") != "noin" for f in funding)
    assert any(f.get("amount_precision") == "noin" for f in funding)
    assert any({"amount_min_eur", "amount_max_eur"} <= set(f) for f in funding)
    assert any(e.values.get("part_of") in EXPERIMENTS for e in grown)
    assert len({e["status"] for e in grown}) >= 5 and len({t for e in grown for t in e["themes"]}) >= 15
    assert sum(THEME in e["themes"] for e in grown) >= 3
    learnings = [shipped.learnings[slug] for slug in LEARNINGS]
    assert all(set(learning["experiments"]) <= set(EXPERIMENTS) for learning in learnings)
    assert any(set(translations_of(learning)) == {"en"} for learning in learnings)


def test_the_grown_catalogue_passes_the_strict_check(shipped_root, capsys):
    code = main(["--root", str(shipped_root), "check", "--strict"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.rstrip().endswith("0 virhettä, 0 varoitusta. Kokoelma on kunnossa.")
    assert f"Tarkistettiin {len(_repository_slugs('experiment')) + 20} kokeilua" in out


@pytest.mark.e2e
def test_every_page_of_the_growth_is_built_in_every_language(built_site):
    urls = GROWTH.urls()
    assert len(urls) == 3 * (20 + 3 + 1)
    missing = [url for url in urls if not (built_site / url.strip("/") / "index.html").is_file()]
    assert missing == []
