"""``kokeilu diff`` on a temporary git repository of the fixture site (tests/fixtures/site/):
add, change, rename, remove, duplicate, invalid."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.core.slug import slugify
from generator.editorial import diff as catalogue_diff
from generator.editorial.diff import diff_catalogues
from generator.editorial.diff_formats import MARKER
from generator.editorial.reporting import escape_markdown
from generator.editorial.similarity import MAX_PAIRS, PER_ENTRY, UNBOUNDED
from tests.support import FIXTURE_SITE, VALID_EXPERIMENT, copy_fixture_site

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Testi",
    "GIT_AUTHOR_EMAIL": "testi@example.fi",
    "GIT_COMMITTER_NAME": "Testi",
    "GIT_COMMITTER_EMAIL": "testi@example.fi",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def git(repo: Path, *args: str, date: str = "2024-01-01T12:00:00+00:00") -> str:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True)
    return result.stdout


def commit(repo: Path, message: str, date: str = "2024-01-01T12:00:00+00:00") -> None:
    git(repo, "add", "-A", date=date)
    git(repo, "commit", "-q", "-m", message, date=date)


def new_repo(path: Path) -> Path:
    """A git repository holding a copy of the fixture site (tests/fixtures/site/: its entries,
    pages and vocabularies), as commit "base"."""
    copy_fixture_site(path)
    git(path, "init", "-q", "-b", "main")
    commit(path, "base")
    git(path, "tag", "base")
    return path


def experiment(title: str, regions: str = "[pirkanmaa]", level: str = "alueellinen") -> str:
    return (
        VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {title}")
        .replace("regions: [pirkanmaa]", f"regions: {regions}")
        .replace("level: alueellinen", f"level: {level}")
    )


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    repo = new_repo(tmp_path_factory.mktemp("diff") / "repo")
    (repo / "experiments/uusi-testikokeilu.md").write_text(experiment("Uusi testikokeilu"), encoding="utf-8")
    commit(repo, "add")
    changed = repo / "experiments/kiertotalous-tampere.md"
    replace_in(changed, "regions: [pirkanmaa]", "regions: [uusimaa]")
    replace_in(changed, "municipalities: [tampere]", "municipalities: [helsinki]")
    replace_in(changed, "summary:", "summary: Muutettu alku.")
    learning = repo / "content/opit/etatyon-mittarit-ensin.md"
    replace_in(learning, "title: Etätyön mittarit kannattaa", "title: Etätyön mittarit pitää")
    replace_in(learning, "kind: tee-toisin", "kind: toimi")
    commit(repo, "change")
    git(repo, "mv", "experiments/aurinkopaneelit-kylaan.md", "experiments/aurinkopaneelit-kylataloon.md")
    commit(repo, "rename")
    git(repo, "rm", "-q", "experiments/aanestys-koulussa.md")
    commit(repo, "remove")
    git(repo, "tag", "valid")
    (repo / "experiments/perustulokoe-tyottomille-2.md").write_text(
        experiment("Perustulokoe työttömille 2"), encoding="utf-8"
    )
    commit(repo, "duplicate")
    (repo / "experiments/rikki.md").write_text(experiment("Rikki", level="kansainvalinen"), encoding="utf-8")
    # A revision's own attributes cannot hide a file from the check.
    (repo / ".gitattributes").write_text("experiments/rikki.md export-ignore\n", encoding="utf-8")
    commit(repo, "invalid")
    return repo


def run(capsys, repo: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--root", str(repo), "diff", *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_each_kind_of_change_is_reported(repo, capsys):
    code, out, err = run(capsys, repo, "base", "valid")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "Kokoelman muutokset base → valid",
        "Muutokset – kokeilut: lisätty 1, poistettu 1, nimetty uudelleen 1, muutettu 1; opit: muutettu 1.",
        "",
        "Lisätyt kokeilut (1):",
        "  experiments/uusi-testikokeilu.md ”Uusi testikokeilu”",
        "",
        "Poistetut kokeilut (1):",
        "  experiments/aanestys-koulussa.md ”Äänestyskokeilu koulussa”",
        "",
        "Uudelleen nimetyt kokeilut (1):",
        "  experiments/aurinkopaneelit-kylaan.md → experiments/aurinkopaneelit-kylataloon.md ”Aurinkopaneelit kylätaloon”",
        "",
        "Muutetut kokeilut (1):",
        "  experiments/kiertotalous-tampere.md ”Tekstiilien kierrätys Tampereella”",
        "    tiivistelmä muuttui",
        "    alueet: pirkanmaa → uusimaa",
        "    kunnat: tampere → helsinki",
        "",
        "Muutetut opit (1):",
        "  content/opit/etatyon-mittarit-ensin.md ”Etätyön mittarit pitää sopia ensin”",
        "    otsikko: Etätyön mittarit kannattaa sopia ensin → Etätyön mittarit pitää sopia ensin",
        "    laji: tee-toisin → toimi",
        "",
        "Tarkistus (HEAD):",
        "  Tarkistettiin 9 kokeilua ja 5 oppia: 0 virhettä, 0 varoitusta. Kokoelma on kunnossa.",
    ]


def test_a_near_duplicate_and_an_invalid_entry(repo, capsys):
    code, out, err = run(capsys, repo, "valid", "HEAD")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[:6] == [
        "Kokoelman muutokset valid → HEAD",
        "Muutokset – kokeilut: lisätty 2.",
        "",
        "Lisätyt kokeilut (2):",
        "  experiments/perustulokoe-tyottomille-2.md ”Perustulokoe työttömille 2”",
        "  experiments/rikki.md (virheellinen, otsikkoa ei luettu)",
    ]
    assert lines[6:10] == [
        "",
        "Mahdolliset kaksoiskappaleet (1):",
        "  experiments/perustulokoe-tyottomille-2.md ”Perustulokoe työttömille 2” muistuttaa kokeilua "
        "experiments/perustulokoe-tyottomille.md ”Perustulokoe työttömille” (samankaltaisuus 0.96)",
        "",
    ]
    assert lines[10] == "Tarkistus (HEAD):"
    assert lines[11] == (
        '  experiments/rikki.md:4:8: error: "kansainvalinen" ei ole sanaston tavoitetasot tunniste. '
        "Sallitut: valtakunnallinen, alueellinen, ruohonjuuri. [unknown-term]"
    )
    assert lines[-1] == (
        "  Tarkistettiin 11 kokeilua ja 5 oppia: 1 virhe, 0 varoitusta. Korjaa virheet ja aja tarkistus uudelleen."
    )


def test_markdown_has_the_marker_first(repo, capsys):
    code, out, _ = run(capsys, repo, "base", "valid", "--format", "markdown")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == MARKER
    assert lines[1] == "## Kokoelman muutokset base → valid"
    assert "- **Tekstiilien kierrätys Tampereella** (experiments/kiertotalous-tampere.md)" in lines
    assert "  - alueet: pirkanmaa → uusimaa" in lines
    assert (
        "- **Aurinkopaneelit kylätaloon** "
        "(experiments/aurinkopaneelit-kylaan.md → experiments/aurinkopaneelit-kylataloon.md)"
    ) in lines
    assert (
        lines[-1] == "✅ Tarkistettiin 9 kokeilua ja 5 oppia: 0 virhettä, 0 varoitusta. Kokoelma on kunnossa."
    )


def test_json(repo, capsys):
    code, out, _ = run(capsys, repo, "valid", "HEAD", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert [(e["status"], e["path"]) for e in data["entries"]] == [
        ("added", "experiments/perustulokoe-tyottomille-2.md"),
        ("added", "experiments/rikki.md"),
    ]
    assert data["duplicates"][0]["similar_path"] == "experiments/perustulokoe-tyottomille.md"
    assert data["summary"]["errors"] == 1


def test_unknown_revision_is_a_usage_error(repo, capsys):
    code, out, err = run(capsys, repo, "ei-tallaista", "HEAD")
    assert (code, out) == (2, "")
    assert err.startswith("kokeilu: Revisiota 'ei-tallaista' ei löytynyt.")
    assert "Traceback" not in err


def test_an_option_as_revision_is_refused(repo, capsys):
    code, _, err = run(capsys, repo, "--", "--output=/tmp/x", "HEAD")
    assert code == 2
    assert "ei saa alkaa viivalla" in err


def test_outside_git_is_a_usage_error(tmp_path, capsys):
    shutil.copytree(FIXTURE_SITE / "content/sanastot", tmp_path / "content/sanastot")
    code = main(["--root", str(tmp_path), "diff", "HEAD~1", "HEAD"])
    _, err = capsys.readouterr()
    assert code == 2
    assert "ei ole git-repositoriossa" in err


HOSTILE = "<img src=x onerror=alert(1)> [klikkaa](http://x.fi) @octocat | `koodi` *lihava* _alle_"


def test_escape_markdown():
    assert escape_markdown(HOSTILE) == (
        "&lt;img src=x onerror=alert(1)&gt; \\[klikkaa\\](http://x.fi) @\u200doctocat \\| "
        "\\`koodi\\` \\*lihava\\* \\_alle\\_"
    )
    assert escape_markdown("# otsikko\n\n## toinen") == "\\# otsikko \\#\\# toinen"


def test_a_hostile_title_cannot_inject_markdown(tmp_path, capsys):
    repo = new_repo(tmp_path / "repo")
    title = HOSTILE.replace("`", "'")  # YAML would need quoting for a leading backtick only
    (repo / "experiments/vihamielinen.md").write_text(experiment(f'"{title}"'), encoding="utf-8")
    commit(repo, "hostile")
    code, out, _ = run(capsys, repo, "base", "HEAD", "--format", "markdown")
    assert code == 0
    assert "<img" not in out
    assert "@octocat" not in out
    assert "[klikkaa]" not in out
    assert out.count("<") == out.count("<!--")  # only the marker
    assert (
        "- **&lt;img src=x onerror=alert(1)&gt; \\[klikkaa\\](http://x.fi) @\u200doctocat \\| "
        "'koodi' \\*lihava\\* \\_alle\\_** (experiments/vihamielinen.md)"
    ) in out.splitlines()


def test_a_bulk_import_finds_the_same_duplicates_as_one_by_one(tmp_path, monkeypatch):
    # Above INDEX_FROM added entries the duplicates come from the similarity index; the result
    # must not depend on that switch.
    repo = new_repo(tmp_path / "repo")
    titles = [f"Pyöräkokeilu {town}" for town in ("Tampereella", "Tampereela", "Oulussa", "Oulusa")]
    titles += [f"Kirjastokokeilu numero {n}" for n in range(20)] + ["Perustulokoe työttömille Kelassa"]
    for title in titles:
        (repo / "experiments" / f"{slugify(title)}.md").write_text(experiment(title), encoding="utf-8")
    commit(repo, "bulk")
    assert len(titles) > catalogue_diff.INDEX_FROM
    by_index = diff_catalogues(repo, "base", "HEAD", limits=UNBOUNDED)
    bounded_by_index = diff_catalogues(repo, "base", "HEAD")
    monkeypatch.setattr(catalogue_diff, "INDEX_FROM", 10_000)
    one_by_one = diff_catalogues(repo, "base", "HEAD", limits=UNBOUNDED)
    assert by_index.duplicates == one_by_one.duplicates
    assert bounded_by_index.duplicates == diff_catalogues(repo, "base", "HEAD").duplicates
    pairs = {(d.path, d.other_path) for d in by_index.duplicates}
    assert ("experiments/pyorakokeilu-tampereella.md", "experiments/pyorakokeilu-tampereela.md") in pairs
    assert (
        "experiments/perustulokoe-tyottomille-kelassa.md",
        "experiments/perustulokoe-tyottomille.md",
    ) in pairs


def test_a_changed_evaluation_or_result_is_named_in_finnish(check):
    before = check({"experiments/testikokeilu.md": VALID_EXPERIMENT}).experiments["testikokeilu"]
    evidence = "evaluation:\n  design: laadullinen\nresult: {outcome: ei-toiminut}"
    changed = VALID_EXPERIMENT.replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}", evidence
    )
    after = check({"experiments/testikokeilu.md": changed}).experiments["testikokeilu"]
    schema = check({}).schema
    assert catalogue_diff.field_changes(before, after, schema.experiment.fields) == [
        "arviointi muuttui",
        "tulos muuttui",
    ]


def test_a_bulk_import_of_near_identical_entries_is_shown_within_the_limits(tmp_path, capsys):
    # 30 added titles alike: each added entry resembles the 29 others (870 matches in all).
    repo = new_repo(tmp_path / "repo")
    titles = [f"Kirjastokokeilu Tampereen seudulla numero {n}" for n in range(30)]
    for title in titles:
        (repo / "experiments" / f"{slugify(title)}.md").write_text(experiment(title), encoding="utf-8")
    commit(repo, "bulk")
    every = diff_catalogues(repo, "base", "HEAD", limits=UNBOUNDED)
    assert len(every.duplicates) == every.duplicates_found == 30 * 29
    report = diff_catalogues(repo, "base", "HEAD")
    assert report.duplicates_found == 30 * 29
    assert len(report.duplicates) == min(MAX_PAIRS, 30 * PER_ENTRY)
    for path in {d.path for d in report.duplicates}:
        mine = [(d.other_path, d.score) for d in report.duplicates if d.path == path]
        best = [(d.other_path, d.score) for d in every.duplicates if d.path == path][: len(mine)]
        assert mine == best and len(mine) <= PER_ENTRY  # each entry's best, best first
    shown = len(report.duplicates)
    note = (
        f"Löytyi 870 paria; näytetään kunkin lisätyn merkinnän {PER_ENTRY} parhaiten vastaavaa, "
        f"enintään {MAX_PAIRS} paria. {870 - shown} paria jätettiin pois."
    )
    code, out, _ = run(capsys, repo, "base", "HEAD")
    lines = out.splitlines()
    assert code == 0
    assert f"Mahdolliset kaksoiskappaleet ({shown}):" in lines and f"  {note}" in lines
    code, out, _ = run(capsys, repo, "base", "HEAD", "--format", "markdown")
    assert f"### Mahdolliset kaksoiskappaleet ({shown})" in out and f"\n{note}\n" in out
    code, out, _ = run(capsys, repo, "base", "HEAD", "--format", "json")
    data = json.loads(out)
    assert (len(data["duplicates"]), data["duplicates_found"]) == (shown, 870)
