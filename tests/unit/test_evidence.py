"""Issue 24: a verdict needs its evidence, and a learning's date may be unknown.

An experiment's ``result.outcome`` (other than tuntematon or liian-aikaista) and a learning's
``kind`` without evidence are warned about at the verdict; evidence is shown beside the verdict
on the page; a learning dated ``tuntematon`` loads, renders, sorts and exports."""

from __future__ import annotations

import io

import pytest

from generator.cli import main
from generator.content.check import check_catalogue, load_catalogue
from generator.opendata.export import export_catalogue
from generator.site.planner import plan_site
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located, write_catalogue

EXPERIMENT = "experiments/testikokeilu.md"
LEARNING = "content/opit/testioppi.md"
WITH_EVIDENCE = "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}"
EVIDENCE_LINE = "evidence: [https://www.example.fi/raportti]\n"


def test_an_outcome_without_evidence_is_warned_at_the_outcome(check):
    text = VALID_EXPERIMENT.replace(WITH_EVIDENCE, "result:\n  outcome: osittain")
    catalogue = check({EXPERIMENT: text})
    assert located(catalogue) == {(EXPERIMENT, 18, 12, "evidence-missing")}
    (problem,) = catalogue.problems
    assert not problem.is_error
    assert "outcome: tuntematon" in problem.message and "evidence" in problem.message


@pytest.mark.parametrize("outcome", ["tuntematon", "liian-aikaista"])
def test_an_outcome_that_claims_nothing_needs_no_evidence(check, outcome):
    text = VALID_EXPERIMENT.replace(WITH_EVIDENCE, f"result: {{outcome: {outcome}}}")
    assert located(check({EXPERIMENT: text})) == set()


def test_an_outcome_with_evidence_is_not_warned(check):
    assert located(check({EXPERIMENT: VALID_EXPERIMENT})) == set()


def test_a_learning_kind_without_evidence_is_warned_at_the_kind(check):
    learning = VALID_LEARNING.replace(EVIDENCE_LINE, "")
    catalogue = check({EXPERIMENT: VALID_EXPERIMENT, LEARNING: learning})
    assert located(catalogue) == {(LEARNING, 6, 7, "evidence-missing")}


def test_evidence_that_is_not_a_web_address_is_an_error_at_the_item(check):
    text = VALID_EXPERIMENT.replace(
        WITH_EVIDENCE, "result:\n  outcome: toimi\n  evidence:\n    - ftp://www.example.fi/raportti"
    )
    catalogue = check({EXPERIMENT: text, LEARNING: VALID_LEARNING})
    assert located(catalogue) == {(EXPERIMENT, 20, 7, "bad-url")}


def test_coverage_holds_news_links_and_is_checked_like_them(check):
    text = VALID_EXPERIMENT.replace(WITH_EVIDENCE, WITH_EVIDENCE + "\ncoverage:\n  - uutinen.fi/juttu")
    assert located(check({EXPERIMENT: text})) == {(EXPERIMENT, 19, 5, "bad-url")}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    files = {
        EXPERIMENT: VALID_EXPERIMENT.replace(
            WITH_EVIDENCE, 'result: {outcome: toimi, evidence: ["https://www.example.fi/r?a=1&b=<x>"]}'
        ),
        LEARNING: VALID_LEARNING.replace("date: 2019", "date: tuntematon"),
        "content/opit/vanhempi-oppi.md": VALID_LEARNING.replace("title: Testioppi", "title: Vanhempi oppi"),
    }
    root = write_catalogue(tmp_path_factory.mktemp("evidence") / "catalogue", files)
    catalogue = load_catalogue(root)
    return catalogue, plan_site(catalogue, site_url="https://example.fi/kk/")


@pytest.mark.parametrize(("prefix", "label"), [("", "Näyttö"), ("sv/", "Belägg"), ("en/", "Evidence")])
def test_the_evidence_is_shown_beside_the_verdict_escaped(plan, prefix, label):
    _catalogue, site = plan
    markdown = site.page(f"{prefix}kokeilut/testikokeilu.md").markdown
    verdict = markdown.index("kk-outcome--toimi")
    shown = markdown.index(f"<dt>{label}</dt>")
    assert verdict < shown < markdown.index("kk-outcome--toimi", verdict) + 600
    assert 'href="https://www.example.fi/r?a=1&amp;b=&lt;x&gt;"' in markdown
    assert "<x>" not in markdown


@pytest.mark.parametrize("prefix", ["", "sv/", "en/"])
def test_a_learning_of_unknown_date_is_rendered_with_its_evidence(plan, prefix):
    _catalogue, site = plan
    markdown = site.page(f"{prefix}opit/testioppi.md").markdown
    header = markdown[markdown.index('<header class="kk-header">') : markdown.index("</header>")]
    assert "kk-years" not in header  # an unknown date is not shown as a date, nor guessed
    assert "https://www.example.fi/raportti" in markdown


def test_a_learning_of_unknown_date_is_exported_and_listed_last(plan):
    catalogue, site = plan
    rows = {row["slug"]: row for row in export_catalogue(catalogue)["learnings"]}
    assert rows["testioppi"]["date"] is None  # unknown is null in the open data, as for every field
    assert rows["testioppi"]["evidence"] == ["https://www.example.fi/raportti"]
    listing = site.page("opit/index.md").markdown
    # Unknown dates are listed last, though "Testioppi" comes first in alphabetical order.
    assert listing.index("Vanhempi oppi") < listing.index("Testioppi")


def test_kokeilu_new_asks_for_the_regions_where_it_was_done_not_the_organisers_seat(
    make_catalogue, monkeypatch
):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    prompts: list[str] = []
    answers = iter(["tuntematon"])
    monkeypatch.setattr("sys.stdin", Tty(""))
    monkeypatch.setattr("builtins.input", lambda prompt="": prompts.append(prompt) or next(answers))
    root = make_catalogue()
    command = ["new", "Alueeton kokeilu", "--level", "alueellinen", "--theme", "ruoka"]
    assert main(["--root", str(root), *command]) == 0
    (prompt,) = prompts
    assert "ei järjestäjien kotipaikka" in prompt and "tuntematon" in prompt
    text = (root / "experiments/alueeton-kokeilu.md").read_text(encoding="utf-8")
    assert "regions: tuntematon" in text


def test_kokeilu_new_asks_a_learning_for_its_evidence(make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    command = ["new", "--learning", "Uusi oppi", "--theme", "ruoka", "--kind", "toimi"]
    assert main(["--root", str(root), *command, "--experiment", "testikokeilu"]) == 0
    rules = {p.rule for p in check_catalogue(root).problems}
    assert "evidence-missing" not in rules and "placeholder" in rules
