"""Test data and helpers shared by the test modules."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.catalogue import Catalogue
from generator.schema import load_schema

REPO_ROOT = Path(__file__).resolve().parent.parent

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
result: {outcome: toimi}
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
date: 2019
---

Opin kuvaus.
"""


def write_catalogue(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a catalogue: the real vocabularies plus ``files`` (root-relative path → content)."""
    vocabularies = load_schema().vocabulary_directory
    shutil.copytree(REPO_ROOT / vocabularies, root / vocabularies, dirs_exist_ok=True)
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


FIXTURE_SITE = REPO_ROOT / "tests/fixtures/site"


def copy_fixture_site(root: Path) -> Path:
    """The fixture site (tests/fixtures/site/) with the real vocabularies and theme, at ``root``."""
    shutil.copytree(FIXTURE_SITE, root, dirs_exist_ok=True)
    shutil.copytree(REPO_ROOT / "theme", root / "theme", dirs_exist_ok=True)
    return write_catalogue(root, {})


def build_site(config_file: Path, site_dir: Path) -> Path:
    """One strict in-process MkDocs build, like ``mkdocs build --strict``."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir
