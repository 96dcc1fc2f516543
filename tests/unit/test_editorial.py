"""``kokeilu report``: the editorial report, with a fixed --today and git dates."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator.cli import main
from generator.content.check import check_catalogue
from generator.core.history import last_commit_dates
from generator.editorial.report import editorial_report, format_markdown, format_text
from generator.editorial.similarity import UNBOUNDED, Limits
from tests.support import VALID_EXPERIMENT, VALID_LEARNING
from tests.unit.test_catalogue_diff import commit, git


def experiment(
    title: str,
    status: str = "paattynyt",
    end: str = "2019",
    evidence: str = "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}",
) -> str:
    return (
        VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {title}")
        .replace("status: paattynyt", f"status: {status}")
        .replace("end: 2019", f"end: {end}")
        .replace("result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}", evidence)
    )


PUBLISHED_WITHOUT_REPORT = "evaluation: {design: laadullinen, status: julkaistu}\nresult: {outcome: toimi, evidence: [https://www.example.fi/raportti]}"


FILES = {
    # Named by the learning: complete, not reported.
    "experiments/testikokeilu.md": experiment("Testikokeilu"),
    # Ongoing, but the end (the last day of 2023) has passed.
    "experiments/kesken.md": experiment("Kesken jäänyt kokeilu", status="kaynnissa", end="2023"),
    # Ongoing and ends in the future.
    "experiments/jatkuu.md": experiment("Jatkuva kokeilu", status="kaynnissa", end="2030-06"),
    # Completed without learnings; also a near-duplicate of the next one. Without a result.
    "experiments/pyorakokeilu.md": experiment("Pyöräkokeilu Tampereella", evidence=""),
    # Its evaluation is published, but there is no link to the report.
    "experiments/pyorakokeilu-2.md": experiment(
        "Pyöräkokeilu Tampereella 2", status="skaalattu", evidence=PUBLISHED_WITHOUT_REPORT
    ),
    # A result is not expected before the end; a planned evaluation needs no report yet.
    "experiments/alkamassa.md": experiment(
        "Alkamassa oleva kokeilu",
        status="suunniteltu",
        end="2030",
        evidence="evaluation: {design: satunnaistettu, status: suunniteltu}",
    ),
    "content/opit/testioppi.md": VALID_LEARNING,
    # A learning without sources.
    "content/opit/lahteeton.md": VALID_LEARNING.replace("title: Testioppi", "title: Lähteetön oppi"),
}

EXPECTED_TEXT = """\
Toimituksellinen raportti 2024-06-01: 6 kokeilua, 2 oppia.

Käynnissä, vaikka päättymispäivä on ohi (1):
  experiments/kesken.md ”Kesken jäänyt kokeilu” – päättyi 2023

Päättyneet kokeilut ilman oppeja (2):
  experiments/pyorakokeilu-2.md ”Pyöräkokeilu Tampereella 2”
  experiments/pyorakokeilu.md ”Pyöräkokeilu Tampereella”

Päättyneet kokeilut ilman tulosta (1):
  experiments/pyorakokeilu.md ”Pyöräkokeilu Tampereella”

Julkaistu arviointi ilman raporttia (1):
  experiments/pyorakokeilu-2.md ”Pyöräkokeilu Tampereella 2”

Tarkistamatta yli 365 päivää (2):
  content/opit/lahteeton.md ”Lähteetön oppi” – viimeksi muutettu 2022-01-01
  experiments/kesken.md ”Kesken jäänyt kokeilu” – viimeksi muutettu 2022-01-01

Lähteet puuttuvat (2):
  content/opit/lahteeton.md ”Lähteetön oppi”
  content/opit/testioppi.md ”Testioppi”

Mahdolliset kaksoiskappaleet (1):
  experiments/pyorakokeilu-2.md ”Pyöräkokeilu Tampereella 2” – muistuttaa: experiments/pyorakokeilu.md ”Pyöräkokeilu Tampereella” (0.96)

Kääntämättä (8):
  content/opit/lahteeton.md ”Lähteetön oppi” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  content/opit/testioppi.md ”Testioppi” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/alkamassa.md ”Alkamassa oleva kokeilu” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/jatkuu.md ”Jatkuva kokeilu” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/kesken.md ”Kesken jäänyt kokeilu” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/pyorakokeilu-2.md ”Pyöräkokeilu Tampereella 2” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/pyorakokeilu.md ”Pyöräkokeilu Tampereella” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
  experiments/testikokeilu.md ”Testikokeilu” – otsikko ja tiivistelmä: sv, en; kuvaus: sv, en
"""


def reviewed(root, path):
    old = {"experiments/kesken.md", "content/opit/lahteeton.md"}
    return dt.date(2022, 1, 1) if path in old else dt.date(2024, 1, 1)


def test_text_report(make_catalogue):
    catalogue = check_catalogue(make_catalogue(FILES))
    assert catalogue.errors == []
    report = editorial_report(catalogue, dt.date(2024, 6, 1), reviewed=reviewed)
    assert format_text(report) == EXPECTED_TEXT


def test_markdown_report_escapes_titles(make_catalogue):
    files = {**FILES, "experiments/kesken.md": experiment('"*Kesken* <b>@kaikki</b>"', status="kaynnissa")}
    catalogue = check_catalogue(make_catalogue(files))
    out = format_markdown(editorial_report(catalogue, dt.date(2024, 6, 1), reviewed=lambda root, path: None))
    lines = out.splitlines()
    assert lines[:4] == [
        "<!-- kokeilu-report -->",
        "# Toimituksellinen raportti",
        "",
        "Toimituksellinen raportti 2024-06-01: 6 kokeilua, 2 oppia.",
    ]
    assert (
        "- **\\*Kesken\\* &lt;b&gt;@\u200dkaikki&lt;/b&gt;** (experiments/kesken.md) – päättyi 2019" in lines
    )
    assert "## Tarkistamatta yli 365 päivää (0)" in lines


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_cli_uses_git_dates(make_catalogue, capsys):
    root = make_catalogue(FILES)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "experiments/kesken.md", "content/opit/lahteeton.md")
    git(root, "commit", "-q", "-m", "vanhat", date="2022-01-01T12:00:00+00:00")
    commit(root, "uudet", date="2024-01-01T12:00:00+00:00")
    code = main(["--root", str(root), "report", "--today", "2024-06-01"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out == EXPECTED_TEXT


def test_outside_git_the_review_section_is_empty(make_catalogue, capsys):
    root = make_catalogue(FILES)
    code = main(["--root", str(root), "report", "--today", "2024-06-01", "--format", "markdown"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "## Tarkistamatta yli 365 päivää (0)" in out.splitlines()


def test_bad_today_is_a_usage_error(make_catalogue, capsys):
    root = make_catalogue(FILES)
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(root), "report", "--today", "1.6.2024"])
    assert exit_.value.code == 2
    assert "VVVV-KK-PP" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_one_git_log_gives_each_files_last_commit_date(tmp_path):
    # The catalogue may sit in a subfolder of the repository; paths stay relative to it.
    repo = tmp_path / "repo"
    root = repo / "katalogi"
    (root / "experiments").mkdir(parents=True)
    git(repo, "init", "-q", "-b", "main")
    (root / "experiments/a.md").write_text("1", encoding="utf-8")
    (root / "experiments/b ä.md").write_text("1", encoding="utf-8")
    (repo / "outside.md").write_text("1", encoding="utf-8")
    commit(repo, "first", date="2021-03-04T12:00:00+00:00")
    (root / "experiments/a.md").write_text("2", encoding="utf-8")
    git(repo, "mv", "katalogi/experiments/b ä.md", "katalogi/experiments/c.md")
    commit(repo, "second", date="2023-05-06T12:00:00+00:00")
    (repo / "outside.md").write_text("2", encoding="utf-8")
    (root / "experiments/d.md").write_text("1", encoding="utf-8")
    commit(repo, "third", date="2024-07-08T12:00:00+00:00")
    dates = last_commit_dates(root)
    for path in ("experiments/a.md", "experiments/c.md", "experiments/d.md"):
        one_by_one = git(root, "log", "-1", "--format=%cs", "--", path).strip()
        assert dates[path].isoformat() == one_by_one, path
    assert dates["experiments/a.md"] == dt.date(2023, 5, 6)
    assert dates["experiments/c.md"] == dt.date(2023, 5, 6)
    assert "outside.md" not in dates and "../outside.md" not in dates
    assert last_commit_dates(tmp_path / "repo-missing") == {}


def test_near_duplicates_are_shown_within_the_limits_and_the_rest_counted(make_catalogue):
    # Twelve experiments with titles alike: 66 similar pairs, each entry in 11 of them.
    files = {
        f"experiments/k{n:02}.md": experiment(f"Kirjastokokeilu Tampereen seudulla numero {n}")
        for n in range(12)
    }
    catalogue = check_catalogue(make_catalogue(files))
    limits = Limits(per_entry=2, total=10)
    report = editorial_report(catalogue, dt.date(2024, 6, 1), reviewed=lambda root, path: None, limits=limits)
    note = (
        "Kokeilut: Löytyi 66 paria; näytetään kunkin merkinnän 2 parhaiten vastaavaa, enintään 10 paria. "
        "56 paria jätettiin pois."
    )
    lines = format_text(report).splitlines()
    start = lines.index("Mahdolliset kaksoiskappaleet (10):")
    assert all(line.startswith("  experiments/k") for line in lines[start + 1 : start + 11])
    assert lines[start + 11] == f"  {note}"
    assert "## Mahdolliset kaksoiskappaleet (10)" in format_markdown(report)
    assert f"\n\n{note}\n" in format_markdown(report)
    every = editorial_report(
        catalogue, dt.date(2024, 6, 1), reviewed=lambda root, path: None, limits=UNBOUNDED
    )
    assert "Mahdolliset kaksoiskappaleet (66):" in format_text(every) and "jätettiin pois" not in format_text(
        every
    )
