"""Shared fixtures, in layers (Lektor style): paths → scratch catalogues → the shipped catalogue.

- ``repo_root``: the repository, which is also the shipped catalogue.
- ``make_catalogue``: a factory that writes a scratch catalogue (the real vocabularies plus the
  files you give) under ``tmp_path``, never into the repository.
- ``check``: writes a scratch catalogue and checks it.
- ``shipped``: the shipped catalogue, checked once per test session.
- ``fixture_site`` → ``fixture_plan`` / ``built_fixture_site``: the small site of
  tests/fixtures/site/, its page plan, and one strict MkDocs build of it.
- ``built_site``: one strict MkDocs build of the repository.
- ``engine_site``: ``engine_site(site, engine)`` is the repository ("repo") or the fixture site
  ("fixture") built by MkDocs, ProperDocs or Zensical (tests/engines.py), once per session; the
  MkDocs builds are ``built_site`` and ``built_fixture_site``.
- ``injection_site``: ``injection_site(engine)`` is the accepted injection corpus
  (tests/injection/) written once and built by ``engine`` once per session: (corpus, its
  catalogue, the built site). The corpus tests and the browser test share it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.catalogue import Catalogue
from generator.content.check import check_catalogue, load_catalogue
from generator.core.schema import load_schema
from generator.engines.render import plugin_options, read_site_config
from generator.site.planner import SitePlan, plan_site
from tests.engines import properdocs_build, zensical_build
from tests.injection.corpus import Corpus, write_accepted
from tests.support import REPO_ROOT, build_site, copy_fixture_site, write_catalogue

SITES = ("fixture", "repo")


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


@pytest.fixture(scope="session")
def site_source(request) -> Callable[[str], Path]:
    """``site_source("repo")`` is the repository; ``site_source("fixture")`` the fixture site."""

    def source(site: str) -> Path:
        return REPO_ROOT if site == "repo" else request.getfixturevalue("fixture_site")

    return source


@pytest.fixture(scope="session")
def engine_site(request, site_source, tmp_path_factory) -> Callable[[str, str], Path]:
    """``engine_site(site, engine)``: one strict build of ``site`` by ``engine`` per session."""
    built: dict[tuple[str, str], Path] = {}

    def build(site: str, engine: str) -> Path:
        if (site, engine) not in built:
            if engine == "mkdocs":
                path = request.getfixturevalue("built_site" if site == "repo" else "built_fixture_site")
            elif engine == "properdocs":
                path = properdocs_build(
                    site_source(site), tmp_path_factory.mktemp(f"{site}-properdocs") / "site"
                )
            elif engine == "zensical":
                path = zensical_build(site_source(site), tmp_path_factory.mktemp(f"{site}-zensical") / "tree")
            else:  # pragma: no cover
                raise ValueError(engine)
            built[(site, engine)] = path
        return built[(site, engine)]

    return build


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory) -> Callable[[str], tuple[Corpus, Path, Path]]:
    """``injection_site(engine)``: the accepted injection corpus built strictly by ``engine``."""
    root = tmp_path_factory.mktemp("injection") / "site"
    corpus = write_accepted(root)
    built: dict[str, Path] = {}

    def build(engine: str) -> tuple[Corpus, Path, Path]:
        if engine not in built:
            folder = tmp_path_factory.mktemp(f"injection-{engine}")
            if engine == "mkdocs":
                built[engine] = build_site(root / "mkdocs.yml", folder / "site")
            elif engine == "properdocs":
                built[engine] = properdocs_build(root, folder / "site")
            elif engine == "zensical":
                built[engine] = zensical_build(root, folder / "tree")
            else:  # pragma: no cover
                raise ValueError(engine)
        return corpus, root, built[engine]

    return build
