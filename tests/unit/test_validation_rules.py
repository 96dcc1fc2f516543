"""Rules not covered by a folder in tests/invalid/: broken vocabularies, rare YAML, warnings."""

from __future__ import annotations

import re

from generator.content.check import check_catalogue
from generator.core.rules import RULES
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


def test_a_completed_experiment_without_a_result_is_a_warning_at_its_status(check):
    text = VALID_EXPERIMENT.replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}\n", ""
    )
    scaled = text.replace("status: paattynyt", "status: skaalattu")
    catalogue = check({"experiments/tulokseton.md": text, "experiments/skaalattu.md": scaled})
    assert located(catalogue) == {
        ("experiments/tulokseton.md", 10, 9, "result-missing"),
        ("experiments/skaalattu.md", 10, 9, "result-missing"),
    }
    assert not catalogue.errors
    assert {"tulokseton", "skaalattu"} <= set(catalogue.experiments)
    message = catalogue.problems[0].message
    assert "result" in message and "outcome: tuntematon" in message


def test_an_unknown_outcome_is_a_result_and_other_statuses_need_none(check):
    unknown = VALID_EXPERIMENT.replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}",
        "result:\n  outcome: tuntematon",
    )
    files = {"experiments/tuntematon-tulos.md": unknown}
    for status in ("idea", "suunniteltu", "kaynnissa", "keskeytetty", "tuntematon"):
        files[f"experiments/tila-{status}.md"] = VALID_EXPERIMENT.replace(
            "status: paattynyt", f"status: {status}"
        ).replace("result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}\n", "")
    assert located(check(files)) == set()


def test_a_published_evaluation_without_a_report_is_a_warning_at_its_status(check):
    evidence = "evaluation:\n  design: satunnaistettu\n  status: julkaistu\nresult: {outcome: toimi, evidence: [https://www.example.fi/raportti]}"
    text = VALID_EXPERIMENT.replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}", evidence
    )
    catalogue = check({"experiments/raportiton.md": text})
    assert located(catalogue) == {("experiments/raportiton.md", 19, 11, "report-missing")}
    assert not catalogue.errors
    assert "reports" in catalogue.problems[0].message


def test_a_published_evaluation_with_a_report_and_an_unpublished_one_without_are_fine(check):
    published = (
        "evaluation:\n  design: satunnaistettu\n  status: julkaistu\n"
        "  reports:\n    - https://www.example.fi/raportti.pdf\nresult: {outcome: toimi, evidence: [https://www.example.fi/raportti]}"
    )
    ongoing = "evaluation: {design: laadullinen, status: kaynnissa}\nresult: {outcome: liian-aikaista}"
    catalogue = check(
        {
            "experiments/raportoitu.md": VALID_EXPERIMENT.replace(
                "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}", published
            ),
            "experiments/arvioidaan.md": VALID_EXPERIMENT.replace(
                "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}", ongoing
            ),
        }
    )
    assert located(catalogue) == set()
    assert catalogue.experiments["raportoitu"]["evaluation"]["reports"] == [
        "https://www.example.fi/raportti.pdf"
    ]
