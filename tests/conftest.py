"""Shared fixtures, in layers (Lektor style): paths → scratch catalogues → the shipped catalogue.

- ``repo_root``: the repository, which is also the shipped catalogue.
- ``make_catalogue``: a factory that writes a scratch catalogue (the real vocabularies plus the
  files you give) under ``tmp_path``, never into the repository.
- ``check``: writes a scratch catalogue and checks it.
- ``shipped``: the shipped catalogue, checked once per test session.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.catalogue import Catalogue, check_catalogue
from generator.schema import load_schema
from tests.support import REPO_ROOT, write_catalogue


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def schema():
    return load_schema()


@pytest.fixture
def make_catalogue(tmp_path: Path) -> Callable[..., Path]:
    """``make_catalogue({"experiments/x.md": text})`` → the root of a scratch catalogue."""

    def make(files: dict[str, str | bytes] | None = None) -> Path:
        return write_catalogue(tmp_path / "catalogue", files or {})

    return make


@pytest.fixture
def check(make_catalogue) -> Callable[..., Catalogue]:
    """``check({"experiments/x.md": text})`` → the checked scratch catalogue."""

    def run(files: dict[str, str | bytes]) -> Catalogue:
        return check_catalogue(make_catalogue(files))

    return run


@pytest.fixture(scope="session")
def shipped() -> Catalogue:
    """The catalogue shipped in this repository, checked once per session."""
    return check_catalogue(REPO_ROOT)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """One strict MkDocs build of the repository, shared by every test that reads the site."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = tmp_path_factory.mktemp("site")
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    build(config)
    return site_dir
