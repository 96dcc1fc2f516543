"""``kokeilu diff`` reports vocabulary changes: terms added, removed or relabelled, per vocabulary."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.vocabulary import Term, Vocabulary
from generator.editorial.reporting import escape_markdown
from generator.editorial.vocabulary_diff import markdown_lines, vocabulary_changes
from tests.support import VALID_EXPERIMENT, write_catalogue

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

ENV = {
    "GIT_AUTHOR_NAME": "Testi",
    "GIT_AUTHOR_EMAIL": "testi@example.fi",
    "GIT_COMMITTER_NAME": "Testi",
    "GIT_COMMITTER_EMAIL": "testi@example.fi",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}
NEW_THEME = "- id: vesihuolto\n  fi: Vesihuolto\n  sv: Vattenförsörjning\n  en: Water supply\n"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, env={**os.environ, **ENV}, capture_output=True, check=True)


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    """Commit "base" (the real vocabularies), then "head": a theme added, one removed from a
    vocabulary no entry uses, one relabelled in Finnish and Swedish, a municipality renamed."""
    root = write_catalogue(
        tmp_path_factory.mktemp("vocabularies") / "repo", {"experiments/x.md": VALID_EXPERIMENT}
    )
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "tag", "base")
    sanastot = root / "content/sanastot"
    (sanastot / "teemat.yml").write_text(
        (sanastot / "teemat.yml").read_text(encoding="utf-8") + NEW_THEME, encoding="utf-8"
    )
    replace_in(
        sanastot / "teemat.yml", "fi: Ruoka\n  sv: Mat\n", "fi: Ruoka ja ravinto\n  sv: Mat och näring\n"
    )
    replace_in(sanastot / "kunnat.yml", "sv: Esbo,", "sv: Esbo stad,")
    scales = (sanastot / "mittakaavat.yml").read_text(encoding="utf-8")
    (sanastot / "mittakaavat.yml").write_text(scales.partition("- id: vahva-kokeilu")[0], encoding="utf-8")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "head")
    return root


def test_the_text_report_lists_term_changes_per_vocabulary(repo, capsys):
    assert main(["--root", str(repo), "diff", "base", "HEAD"]) == 0
    out = capsys.readouterr().out
    section = out[out.index("Sanastojen muutokset") : out.index("Tarkistus (HEAD):")].splitlines()
    assert section == [
        "Sanastojen muutokset (4):",
        "  teemat (content/sanastot/teemat.yml):",
        "    lisätty vesihuolto: fi Vesihuolto, sv Vattenförsörjning, en Water supply",
        "    nimi muuttui ruoka: fi Ruoka → Ruoka ja ravinto, sv Mat → Mat och näring",
        "  kunnat (content/sanastot/kunnat.yml):",
        "    nimi muuttui espoo: sv Esbo → Esbo stad",
        "  mittakaavat (content/sanastot/mittakaavat.yml):",
        "    poistettu vahva-kokeilu: fi Vahva kokeilu, sv Omfattande försök, en Strong experiment",
        "",
    ]


def test_markdown_and_json_carry_the_same_changes(repo, capsys):
    assert main(["--root", str(repo), "diff", "base", "HEAD", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "### Sanastojen muutokset (4)\n\n- **teemat** (content/sanastot/teemat.yml)\n" in out
    assert "  - nimi muuttui ruoka: fi Ruoka → Ruoka ja ravinto, sv Mat → Mat och näring\n" in out
    assert main(["--root", str(repo), "diff", "base", "HEAD", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    relabelled = next(c for c in data["vocabularies"] if c["id"] == "ruoka")
    assert relabelled == {
        "vocabulary": "teemat",
        "path": "content/sanastot/teemat.yml",
        "status": "relabelled",
        "id": "ruoka",
        "labels": {"fi": "Ruoka ja ravinto", "sv": "Mat och näring", "en": "Food"},
        "labels_before": {"fi": "Ruoka", "sv": "Mat", "en": "Food"},
    }
    assert [c["status"] for c in data["vocabularies"]] == ["added", "relabelled", "relabelled", "removed"]


def test_no_change_no_section(repo, capsys):
    assert main(["--root", str(repo), "diff", "HEAD", "HEAD"]) == 0
    assert "Sanastojen muutokset" not in capsys.readouterr().out


def test_labels_from_a_pull_request_are_escaped_in_markdown():
    evil = Term("x", "<img src=x> [a](http://e.fi) @someone", "x", "x")
    after = {"teemat": Vocabulary("teemat", "Teemat", "content/sanastot/teemat.yml", (evil,))}
    before = {"teemat": Vocabulary("teemat", "Teemat", "content/sanastot/teemat.yml", ())}
    text = "\n".join(markdown_lines(vocabulary_changes(before, after), escape_markdown))
    assert "lisätty x: fi &lt;img src=x&gt; \\[a\\](http://e.fi) @\u200dsomeone, sv x, en x" in text
