"""Control and bidi characters in what ``kokeilu check``, ``diff`` and ``report`` print.

A value such as ``"\\e[2K\\r\\e[32m… 0 virhettä. Kokoelma on kunnossa.\\e[8m"`` must not print a
fake "all good" line over the real one, in a terminal, a CI log or a pull-request comment. Every
text, GitHub and Markdown output writes such characters as escapes (``\\x1b``, ``\\u202e``);
the JSON outputs stay valid JSON that reads back to the exact value.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil

import pytest

from generator.cli import main
from generator.core.controls import CONTROLS, escape_controls, escape_json_controls
from generator.core.problems import Problem
from generator.editorial.diff import CatalogueDiff, Duplicate, EntryChange
from generator.editorial.diff_formats import format_json as diff_json
from generator.editorial.diff_formats import format_markdown as diff_markdown
from generator.editorial.diff_formats import format_text as diff_text
from generator.editorial.report import EditorialReport, Item, Section
from generator.editorial.report import format_markdown as report_markdown
from generator.editorial.report import format_text as report_text
from generator.editorial.reporting import FORMATTERS, Summary
from tests.support import VALID_EXPERIMENT

FAKE = "\x1b[2K\r\x1b[32mTarkistettiin 1 kokeilu ja 0 oppia: 0 virhettä, 0 varoitusta. Kokoelma on kunnossa.\x1b[8m"
FAKE_ESCAPED = (
    "\\x1b[2K\\x0d\\x1b[32mTarkistettiin 1 kokeilu ja 0 oppia: 0 virhettä, 0 varoitusta. "
    "Kokoelma on kunnossa.\\x1b[8m"
)
BIDI = "lasku\u202etxt.exe"  # shows as "laskuexe.txt"
BIDI_ESCAPED = "lasku\\u202etxt.exe"
NEWLINE = "rivi\nKokoelma on kunnossa."
NEWLINE_ESCAPED = "rivi\\x0aKokoelma on kunnossa."
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def raw_controls(text: str) -> set[str]:
    """The characters of CONTROLS in ``text`` other than its line breaks."""
    return set(CONTROLS.findall(text.replace("\n", "")))


# --- the shared function ------------------------------------------------------------------------


def test_every_control_and_bidi_character_is_escaped_and_nothing_else():
    for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]:
        assert escape_controls(f"a{chr(code)}b") == f"a\\x{code:02x}b"
    for char in BIDI_CONTROLS:
        assert escape_controls(char) == f"\\u{ord(char):04x}"
    plain = "Äänekoski – 5 € ✓ \u00a0 \u200d @ \\ 🙂 \u05d0"  # NBSP, ZWJ and Hebrew letters stay
    assert escape_controls(plain) == plain
    assert escape_controls(FAKE) == FAKE_ESCAPED


def test_json_keeps_the_exact_value_and_writes_controls_as_escapes():
    value = FAKE + BIDI + "\x7f\x9b" + "\\\u202e"
    document = escape_json_controls(json.dumps({"a": value}, ensure_ascii=False, indent=2))
    assert json.loads(document) == {"a": value}
    assert raw_controls(document) == set()
    assert "\\u202e" in document and "\\u009b" in document and "\\u007f" in document


# --- kokeilu check: the three formats -------------------------------------------------------------


PROBLEMS = [
    Problem("experiments/a.md", 4, 8, "unknown-term", f'"{FAKE}" ei ole sanaston tavoitetasot tunniste.'),
    Problem("experiments/b\u202e.md", 2, 1, "unknown-term", f"{BIDI} {NEWLINE}"),
]
SUMMARY = Summary.of(PROBLEMS, 2, 0)


def test_check_text_escapes_every_value_and_keeps_the_real_summary_last():
    out = FORMATTERS["text"](PROBLEMS, SUMMARY)
    assert out.splitlines() == [
        f'experiments/a.md:4:8: error: "{FAKE_ESCAPED}" ei ole sanaston tavoitetasot tunniste. [unknown-term]',
        f"experiments/b\\u202e.md:2:1: error: {BIDI_ESCAPED} {NEWLINE_ESCAPED} [unknown-term]",
        "Tarkistettiin 2 kokeilua ja 0 oppia: 2 virhettä, 0 varoitusta. Korjaa virheet ja aja tarkistus uudelleen.",
    ]


def test_check_github_escapes_every_value():
    out = FORMATTERS["github"](PROBLEMS, SUMMARY)
    assert raw_controls(out) == set()
    lines = out.splitlines()
    assert lines[0] == (
        "::error file=experiments/a.md,line=4,col=8,title=unknown-term::"
        f'"{FAKE_ESCAPED}" ei ole sanaston tavoitetasot tunniste.'
    )
    assert lines[1] == (
        "::error file=experiments/b\\u202e.md,line=2,col=1,title=unknown-term::"
        f"{BIDI_ESCAPED} {NEWLINE_ESCAPED}"
    )
    assert len(lines) == 3 and lines[2].startswith("Tarkistettiin 2 kokeilua")


def test_check_json_is_exact_and_printable():
    out = FORMATTERS["json"](PROBLEMS, SUMMARY)
    assert raw_controls(out) == set()
    data = json.loads(out)
    assert [(p["path"], p["message"]) for p in data["problems"]] == [(p.path, p.message) for p in PROBLEMS]


@pytest.mark.parametrize("form", ["text", "github", "json"])
def test_kokeilu_check_prints_no_control_character(make_catalogue, capsys, form):
    # The value reaches the output however the checker words its problem.
    payload = '"\\e[2K\\r\\e[32m✓ 0 virhettä. Kokoelma on kunnossa.\\e[8m\\u202e"'
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT.replace("alueellinen", payload)})
    code = main(["--root", str(root), "check", "--format", form])
    out, err = capsys.readouterr()
    assert code == 1 and err == ""
    assert raw_controls(out) == set()
    if form == "json":
        assert json.loads(out)["summary"]["errors"] >= 1
    else:
        assert out.splitlines()[-1].startswith("Tarkistettiin 1 kokeilu ja 0 oppia: ")
        assert "Korjaa virheet" in out.splitlines()[-1]


# --- kokeilu diff -----------------------------------------------------------------------------------


def hostile_diff() -> CatalogueDiff:
    return CatalogueDiff(
        base="main",
        head="HEAD",
        entries=[
            EntryChange("experiment", "added", "experiments/uusi.md", FAKE),
            EntryChange(
                "experiment", "modified", "experiments/vanha.md", BIDI, changes=(f"otsikko: a → {FAKE}",)
            ),
        ],
        duplicates=[Duplicate("experiment", "experiments/uusi.md", FAKE, "experiments/vanha.md", BIDI, 0.9)],
        duplicates_found=1,
        summary=SUMMARY,
        problems=PROBLEMS,
    )


def test_diff_text_escapes_every_value():
    out = diff_text(hostile_diff())
    assert raw_controls(out) == set()
    lines = out.splitlines()
    assert f"  experiments/uusi.md ”{FAKE_ESCAPED}”" in lines
    assert f"    otsikko: a → {FAKE_ESCAPED}" in lines
    assert (
        f"  experiments/uusi.md ”{FAKE_ESCAPED}” muistuttaa kokeilua experiments/vanha.md ”{BIDI_ESCAPED}” "
        "(samankaltaisuus 0.90)"
    ) in lines
    assert f"  experiments/b\\u202e.md:2:1: error: {BIDI_ESCAPED} {NEWLINE_ESCAPED} [unknown-term]" in lines
    assert lines[-1].startswith("  Tarkistettiin 2 kokeilua")


def test_diff_markdown_escapes_every_value():
    out = diff_markdown(hostile_diff())
    assert raw_controls(out) == set()
    # Markdown shows the backslash of an escape only when it is itself escaped; CR is a space.
    assert "- **\\\\x1b\\[2K \\\\x1b\\[32mTarkistettiin" in out
    assert "lasku\\\\u202etxt.exe" in out


def test_diff_json_is_exact_and_printable():
    out = diff_json(hostile_diff())
    assert raw_controls(out) == set()
    data = json.loads(out)
    assert data["entries"][0]["title"] == FAKE and data["duplicates"][0]["similar_title"] == BIDI
    assert data["entries"][1]["changes"] == [f"otsikko: a → {FAKE}"]


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize("form", ["text", "markdown", "json"])
def test_kokeilu_diff_prints_no_control_character(tmp_path, capsys, form):
    from tests.unit.test_catalogue_diff import commit, experiment, new_repo

    repo = new_repo(tmp_path / "repo")
    title = '"\\e[2K\\r\\e[32m✓ Kokoelma on kunnossa.\\e[8m \\u202eperustulokokeilu"'
    (repo / "experiments/uusi.md").write_text(experiment(title), encoding="utf-8")
    commit(repo, "hostile")
    main(["--root", str(repo), "diff", "base", "HEAD", "--format", form])
    out, err = capsys.readouterr()
    assert err == "" and raw_controls(out) == set()
    if form == "json":
        json.loads(out)


# --- kokeilu report -----------------------------------------------------------------------------------


def hostile_report() -> EditorialReport:
    section = Section("Lähteet puuttuvat", "Kentässä sources ei ole yhtään lähdettä.")
    section.items.append(
        Item("experiments/uusi.md", FAKE, f"muistuttaa: experiments/vanha.md ”{BIDI}” (0.90)")
    )
    return EditorialReport(dt.date(2024, 6, 1), 1, 0, 0, [section])


def test_report_text_escapes_every_value():
    out = report_text(hostile_report())
    assert raw_controls(out) == set()
    assert (
        f"  experiments/uusi.md ”{FAKE_ESCAPED}” – muistuttaa: experiments/vanha.md ”{BIDI_ESCAPED}” (0.90)"
        in (out.splitlines())
    )


def test_report_markdown_escapes_every_value():
    out = report_markdown(hostile_report())
    assert raw_controls(out) == set()
    assert "lasku\\\\u202etxt.exe" in out and "\\\\x1b\\[2K" in out


@pytest.mark.parametrize("form", ["text", "markdown"])
def test_kokeilu_report_prints_no_control_character(make_catalogue, capsys, form):
    title = '"\\e[2K\\r\\e[32m✓ Kokoelma on kunnossa.\\e[8m \\u202eTestikokeilu"'
    root = make_catalogue(
        {
            "experiments/testikokeilu.md": VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {title}"),
            "experiments/toinen.md": VALID_EXPERIMENT,
        }
    )
    code = main(["--root", str(root), "report", "--today", "2024-06-01", "--format", form])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "") and raw_controls(out) == set()
