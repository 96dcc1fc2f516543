"""Shared fixtures, in layers (Lektor style): paths → scratch catalogues → the shipped catalogue.

- ``repo_root``: the repository, which is also the shipped catalogue.
- ``make_catalogue``: a factory that writes a scratch catalogue (the real vocabularies plus the
  files you give) under ``tmp_path``, never into the repository.
- ``check``: writes a scratch catalogue and checks it.
- ``shipped``: the shipped catalogue, checked once per test session.
- ``fixture_site`` → ``fixture_plan`` / ``built_fixture_site``: the small site of
  tests/fixtures/site/, its page plan, and one strict MkDocs build of it.
- ``built_site``: one strict MkDocs build of the repository.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.catalogue import Catalogue, check_catalogue, load_catalogue
from generator.pages import SitePlan, plan_site
from generator.rendering import plugin_options, read_site_config
from generator.schema import load_schema
from tests.support import REPO_ROOT, build_site, copy_fixture_site, write_catalogue


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
    return build_site(REPO_ROOT / "mkdocs.yml", tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The small fixture site (tests/fixtures/site/) as a complete catalogue in a temporary folder."""
    return copy_fixture_site(tmp_path_factory.mktemp("fixture") / "site")


@pytest.fixture(scope="session")
def fixture_plan(fixture_site) -> SitePlan:
    """The page plan of the fixture site, with the options its mkdocs.yml gives the plugin."""
    options = plugin_options(read_site_config(fixture_site))
    return plan_site(load_catalogue(fixture_site), options["edit_url"], options["page_size"])


@pytest.fixture(scope="session")
def built_fixture_site(fixture_site, tmp_path_factory) -> Path:
    """One strict MkDocs build of the fixture site."""
    return build_site(fixture_site / "mkdocs.yml", tmp_path_factory.mktemp("fixture-built"))
