"""Test data and helpers shared by the test modules."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

from generator.content.catalogue import Catalogue
from generator.core.model import Entry
from generator.core.schema import load_schema
from generator.i18n.languages import translation_file
from generator.search.scripts import finder_script

REPO_ROOT = Path(__file__).resolve().parent.parent
# The small site the golden files and many tests are made from; it owns its vocabularies.
FIXTURE_SITE = REPO_ROOT / "tests/fixtures/site"

VALID_EXPERIMENT = """\
---
title: Testikokeilu
summary: Tämä tiivistelmä on tarpeeksi pitkä ja kertoo, mitä kokeiltiin.
level: alueellinen
themes: [kiertotalous]
regions: [pirkanmaa]
organisers:
  - name: Tampereen kaupunki
    type: kunta
status: paattynyt
start: 2018
end: 2019
sources:
  - https://www.example.fi/kokeilu
contact:
  organisation: Tampereen kaupunki
result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}
---

Kokeilun kuvaus.
"""

VALID_LEARNING = """\
---
title: Testioppi
summary: Tämä opin tiivistelmä on tarpeeksi pitkä ja kertoo, mitä opittiin.
experiments: [testikokeilu]
themes: [kiertotalous]
kind: toimi
evidence: [https://www.example.fi/raportti]
date: 2019
---

Opin kuvaus.
"""


def entry_files(root: Path = REPO_ROOT) -> list[str]:
    """The entry files of a catalogue (experiments and learnings, not their translated bodies),
    root-relative, for tests with one case per shipped entry file."""
    return sorted(
        path.relative_to(root).as_posix()
        for folder in ("experiments", "content/opit")
        for path in (root / folder).glob("*.md")
        if path.name != "index.md" and translation_file(path.name) is None
    )


def entry_at(catalogue: Catalogue, path: str) -> Entry:
    """The valid entry of ``catalogue`` in the file ``path``."""
    entries = {e.path: e for e in (*catalogue.experiments.values(), *catalogue.learnings.values())}
    assert path in entries, f"{path} is not a valid entry of the catalogue (run kokeilu check)"
    return entries[path]


def write_catalogue(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a catalogue: the fixture site's vocabularies plus ``files`` (root-relative path →
    content). The fixture's, not the repository's: editing content/sanastot/ (a new theme) must
    change no test's catalogue."""
    vocabularies = load_schema().vocabulary_directory
    shutil.copytree(FIXTURE_SITE / vocabularies, root / vocabularies, dirs_exist_ok=True)
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="\n")
    return root


def located(catalogue: Catalogue) -> set[tuple[str, int, int, str]]:
    """The problems as (path, line, column, rule): what the tests assert exactly."""
    return {(p.path, p.line, p.column, p.rule) for p in catalogue.problems}


def copy_fixture_site(root: Path) -> Path:
    """The fixture site (tests/fixtures/site/, with its own vocabularies) and the real theme, at
    ``root``."""
    shutil.copytree(FIXTURE_SITE, root, dirs_exist_ok=True)
    shutil.copytree(REPO_ROOT / "theme", root / "theme", dirs_exist_ok=True)
    return root


def build_site(config_file: Path, site_dir: Path) -> Path:
    """One strict in-process MkDocs build, like ``mkdocs build --strict``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (a built site), by its path in the folder, with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def assert_same_files(got: Path, expected: Path) -> dict[str, bytes]:
    """The two folders hold the same files, byte for byte; ``got``'s files, for more checks."""
    ours, theirs = folder_files(got), folder_files(expected)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in theirs if ours[name] != theirs[name]]
    assert not differing, f"{len(differing)} files differ, the first: {differing[:10]}"
    return ours


NODE = shutil.which("node")


def run_node(script: str, job: dict[str, Any]) -> dict[str, Any]:
    """Run tests/js/<script> in Node.js with ``job`` as JSON on stdin; its JSON answer with the job."""
    assert NODE is not None, "Node.js is needed (apt-get install nodejs)"
    done = subprocess.run(
        [NODE, str(REPO_ROOT / "tests" / "js" / script)],
        input=json.dumps(job),
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return {"job": job, **json.loads(done.stdout)}


def published_finder(folder: Path) -> Path:
    """finder.js as the site publishes it (built from its modules and minified), written into
    ``folder`` for Node to require."""
    path = folder / "finder.js"
    path.write_bytes(finder_script())
    return path


def assert_same_lunr_index(ours: dict[str, Any], plain: dict[str, Any]) -> None:
    """Our merged shards are the index plain lunr.py builds, up to lunr's term numbering."""
    # lunr numbers terms as it meets them, we in sorted order; renumber lunr's to compare.
    rank = {posting["_index"]: n for n, (_, posting) in enumerate(plain["invertedIndex"])}
    assert [t for t, _ in ours["invertedIndex"]] == [t for t, _ in plain["invertedIndex"]]
    for (term, mine), (_, theirs) in zip(ours["invertedIndex"], plain["invertedIndex"], strict=True):
        assert mine == {**theirs, "_index": rank[theirs["_index"]]}, term

    def renumbered(elements):
        pairs = sorted(zip((rank[i] for i in elements[::2]), elements[1::2], strict=True))
        return [x for pair in pairs for x in pair]

    assert dict(ours["fieldVectors"]) == {
        ref: renumbered(elements) for ref, elements in plain["fieldVectors"] if elements
    }
    assert {k: ours[k] for k in ("version", "fields", "pipeline")} == {
        k: plain[k] for k in ("version", "fields", "pipeline")
    }


def synthetic_catalogue(folder: Path, count: int, seed: int) -> Catalogue:
    """A checked synthetic catalogue (``kokeilu synth``) of ``count`` experiments; it has no errors."""
    from generator.content.check import check_catalogue
    from generator.synth.synthesis import make_synthetic

    make_synthetic(folder, count, seed, REPO_ROOT)
    catalogue = check_catalogue(folder, load_schema())
    assert not catalogue.errors, catalogue.errors[:5]
    return catalogue
