"""Rules not covered by a folder in tests/invalid/: broken vocabularies, rare YAML, warnings."""

from __future__ import annotations

import re

from generator.catalogue import check_catalogue
from generator.rules import RULES
from tests.support import REPO_ROOT, VALID_EXPERIMENT, located


def test_a_missing_vocabulary_file_is_reported_and_its_terms_are_unknown(make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    (root / "content/sanastot/teemat.yml").unlink()
    catalogue = check_catalogue(root)
    assert located(catalogue) == {
        ("content/sanastot/teemat.yml", 1, 1, "file-missing"),
        ("experiments/testikokeilu.md", 5, 10, "unknown-term"),
    }


def test_an_unreadable_vocabulary_file_is_reported(make_catalogue):
    root = make_catalogue()
    path = root / "content/sanastot/tilat.yml"
    path.unlink()
    path.mkdir()  # a folder where a file should be: reading it fails with an OS error
    assert ("content/sanastot/tilat.yml", 1, 1, "file-unreadable") in located(check_catalogue(root))


def test_a_list_as_a_key_is_refused(check):
    text = VALID_EXPERIMENT.replace("end: 2019\n", "end: 2019\n? [a, b]\n: arvo\n")
    assert located(check({"experiments/avain.md": text})) == {
        ("experiments/avain.md", 13, 3, "yaml-complex-key")
    }


def test_an_unknown_end_on_an_ongoing_experiment_is_a_warning(check):
    text = VALID_EXPERIMENT.replace("status: paattynyt", "status: kaynnissa").replace(
        "end: 2019", "end: tuntematon"
    )
    catalogue = check({"experiments/kesken.md": text})
    assert located(catalogue) == {("experiments/kesken.md", 12, 6, "end-unknown-but-not-ended")}
    assert not catalogue.errors
    assert "kesken" in catalogue.experiments


def test_every_rule_id_is_exercised_by_a_test():
    tests = REPO_ROOT / "tests"
    text = "".join(p.read_text(encoding="utf-8") for p in tests.rglob("*.py"))
    text += "".join(p.read_text(encoding="utf-8") for p in tests.rglob("expected.yml"))
    untested = [rule for rule in RULES if not re.search(rf"(?<![a-z-]){rule}(?![a-z-])", text)]
    assert not untested, f"add a test that reports: {untested}"


def test_a_file_in_a_generated_page_folder_must_be_an_intro_of_a_known_term(check):
    catalogue = check(
        {
            "experiments/testikokeilu.md": VALID_EXPERIMENT,
            "content/teemat/kiertotalous.md": "Johdanto.\n",
            "content/teemat/kiertotalos.md": "Kirjoitusvirhe nimessä.\n",
            "content/kokeilut/oma-kokeilu.md": "Kokeilu väärässä kansiossa.\n",
            "content/alueet/koko-suomi.md": "Koko Suomen johdanto.\n",
        }
    )
    assert located(catalogue) == {
        ("content/teemat/kiertotalos.md", 1, 1, "unknown-intro"),
        ("content/kokeilut/oma-kokeilu.md", 1, 1, "unknown-intro"),
    }
    assert set(catalogue.intros) == {"teemat/kiertotalous.md", "alueet/koko-suomi.md"}
    message = next(p.message for p in catalogue.problems if p.path.endswith("oma-kokeilu.md"))
    assert "experiments/" in message


def test_an_intro_is_plain_markdown_without_front_matter(check):
    catalogue = check(
        {
            "experiments/testikokeilu.md": VALID_EXPERIMENT,
            "content/tasot/alueellinen.md": "---\ntitle: Alueelliset\n---\n\nJohdanto.\n",
        }
    )
    assert located(catalogue) == {("content/tasot/alueellinen.md", 1, 1, "intro-front-matter")}
    assert catalogue.intros == {}
