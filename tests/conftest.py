"""Shared fixtures, in layers (Lektor style): paths → scratch catalogues → the shipped catalogue,
and the tiers of the suite (docs/testing.md).

Tiers: every test gets the marker of the folder it is in (``TIERS``: ``tests/unit/`` → ``unit``,
…); a test file still at the top of tests/ gets ``unplaced`` until it is moved into one. On top of
that, from the fixtures a test uses: ``e2e`` when it needs a site built by an engine (``BUILDS``,
and every browser test), ``shipped`` when it reads the shipped catalogue (``shipped_root``, or the
"repo" site of ``site_source`` / ``engine_site``). The tests run tier by tier, quickest first.

- ``repo_root``: the repository itself, for the tests that must read it (derived files up to
  date, git history); no test reads the shipped catalogue from it.
- ``make_catalogue``: a factory that writes a scratch catalogue (the fixture site's vocabularies
  plus the files you give) under ``tmp_path``, never into the repository.
- ``check``: writes a scratch catalogue and checks it.
- ``fixture_vocabularies``: the fixture site's vocabularies (tests/fixtures/site/content/sanastot/);
  ``repository_vocabularies``: the repository's, for the files derived from them.
- ``shipped_root``: the shipped catalogue grown by tests/growth.py (20 experiments, 3 learnings and
  a theme it has never seen), once per session; ``shipped``: that catalogue, checked. Every test of
  the shipped content reads it, so a valid pull request that adds content cannot fail them.
- ``fixture_site`` → ``fixture_plan`` / ``built_fixture_site``: the small site of
  tests/fixtures/site/, its page plan, and one strict MkDocs build of it.
- ``built_site``: one strict MkDocs build of ``shipped_root``.
- ``engine_site``: ``engine_site(site, engine)`` is the grown shipped catalogue ("repo") or the
  fixture site ("fixture") built by MkDocs, ProperDocs or Zensical (tests/engines.py), once per
  session; the MkDocs builds are ``built_site`` and ``built_fixture_site``.
- ``injection_site``: ``injection_site(engine)`` is the accepted injection corpus
  (tests/injection/) written once and built by ``engine`` once per session: (corpus, its
  catalogue, the built site). The corpus tests and the browser test share it.

Every one of these catalogues and builds is made once per run (``shared``): with pytest-xdist
the first worker that needs it makes it under a file lock in the run's temporary folder, and the
others wait for it and read the same folder, so no site is built twice.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, so each xdist worker builds its own
    fcntl = None

from generator.content.catalogue import Catalogue
from generator.content.check import check_catalogue, load_catalogue
from generator.content.vocabulary import Vocabulary, load_vocabularies
from generator.core.schema import load_schema
from generator.engines.render import plugin_options, read_site_config
from generator.site.planner import SitePlan, plan_site
from tests.engines import properdocs_build, zensical_build
from tests.growth import grown_copy
from tests.injection.corpus import Corpus, build_corpus, write_accepted
from tests.support import FIXTURE_SITE, REPO_ROOT, build_site, copy_fixture_site, write_catalogue

SITES = ("fixture", "repo")

# The tiers, quickest first: the order the suite runs them in (docs/testing.md).
TIERS = ("unit", "content", "hostile", "site", "tooling", "browser")
TESTS = Path(__file__).resolve().parent
# Session fixtures that build a whole site with an engine.
BUILDS = {"built_site", "built_fixture_site", "engine_site", "injection_site"}


def _tier(item: pytest.Item) -> str:
    parts = Path(item.path).resolve().relative_to(TESTS).parts
    return parts[0] if len(parts) > 1 and parts[0] in TIERS else "unplaced"


def _reads_shipped(item: pytest.Item) -> bool:
    names = set(item.fixturenames)
    if "shipped_root" in names:
        return True
    # site_source and engine_site reach the shipped catalogue only when asked for the "repo" site.
    params = getattr(getattr(item, "callspec", None), "params", {})
    return bool(names & {"site_source", "engine_site"}) and params.get("site", "repo") == "repo"


def shared(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """The folder ``name`` made by ``make(folder)`` once per run, whichever xdist worker asks first.

    The others wait on its lock and get the same folder: treat it as read-only. A ``make`` that
    fails leaves no mark, so the next worker tries again and fails the same way."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder = base / "shared" / name
    folder.parent.mkdir(parents=True, exist_ok=True)
    with (folder.parent / f"{name}.lock").open("w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder.parent / f"{name}.done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session", autouse=True)
def build_caches(tmp_path_factory: pytest.TempPathFactory):
    """One folder of Finnish analyses for the whole run (generator/search/analyses.py): the first
    build analyses the words, and every later build, in any worker or subprocess, reads them
    instead of loading the analyser again. It starts empty each run, as on a fresh machine, and
    nothing is written to the repository's own .cache/."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent
    with pytest.MonkeyPatch.context() as patch:
        if "KOKEILU_CACHE_DIR" not in os.environ:
            patch.setenv("KOKEILU_CACHE_DIR", str(base / "shared" / "analyses"))
        # No build of the suite writes a page cache beside its mkdocs.yml, except where a test
        # asks for one (tests/site/test_page_cache.py): each site is built once per run anyway.
        patch.setenv("KOKEILU_PAGE_CACHE", "off")
        # A worker builds many sites in one process: it keeps the Finnish analyser loaded, as
        # mkdocs serve does, instead of letting it go after each build and loading it again
        # for the next catalogue's words (tests/unit/test_search_analyses.py tests the release;
        # builds in child processes still let it go).
        patch.setattr("generator.engines.mkdocs_plugin.release_analyser", lambda: None)
        yield


# The files that take longest (pytest --durations), started first when several workers run.
LONGEST_FILES = frozenset({"test_injection_in_browser.py", "test_engines_in_browser.py", "test_engines.py"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark each test with its tier, ``e2e`` and ``shipped``; run the tiers quickest first."""
    order = {tier: index for index, tier in enumerate(("unplaced", *TIERS))}
    for item in items:
        tier = _tier(item)
        item.add_marker(tier)
        if tier == "browser" or set(item.fixturenames) & BUILDS:
            item.add_marker("e2e")
        if _reads_shipped(item):
            item.add_marker("shipped")
    if getattr(config.option, "numprocesses", None) or hasattr(config, "workerinput"):
        # Several workers: the longest files first, so that no worker is left running one long
        # file alone at the end while the others wait (xdist hands out whole files in the
        # order its workers collected them; in a worker, xdist has set numprocesses to None).
        order = {tier: index for index, tier in enumerate(reversed(("unplaced", *TIERS)))}
        items.sort(key=lambda item: (order[_tier(item)], item.path.name not in LONGEST_FILES))
    else:
        items.sort(key=lambda item: order[_tier(item)])


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO_ROOT


@pytest.fixture(scope="session")
def schema():
    return load_schema()


def _vocabularies(root: Path) -> dict[str, Vocabulary]:
    problems: list = []
    vocabularies = load_vocabularies(root, load_schema(), problems)
    assert problems == [], problems
    return vocabularies


@pytest.fixture(scope="session")
def fixture_vocabularies() -> dict[str, Vocabulary]:
    """The fixture site's vocabularies: what the golden files and unit tests are made from."""
    return _vocabularies(FIXTURE_SITE)


@pytest.fixture(scope="session")
def repository_vocabularies() -> dict[str, Vocabulary]:
    """The repository's own vocabularies, for the files derived from them and committed."""
    return _vocabularies(REPO_ROOT)


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
def shipped_root(tmp_path_factory) -> Path:
    """A copy of the shipped catalogue and site, grown by tests/growth.py, in git (two commits)."""
    return shared(tmp_path_factory, "shipped", lambda root: grown_copy(REPO_ROOT, root))


@pytest.fixture(scope="session")
def shipped(shipped_root) -> Catalogue:
    """The shipped catalogue with the growth, checked once per session."""
    return check_catalogue(shipped_root)


@pytest.fixture(scope="session")
def built_site(shipped_root, tmp_path_factory) -> Path:
    """One strict MkDocs build of the grown shipped catalogue, shared by every test of the site."""
    return shared(tmp_path_factory, "site", lambda site: build_site(shipped_root / "mkdocs.yml", site))


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    """The small fixture site (tests/fixtures/site/) as a complete catalogue in a temporary folder."""
    return shared(tmp_path_factory, "fixture", copy_fixture_site)


@pytest.fixture(scope="session")
def fixture_plan(fixture_site) -> SitePlan:
    """The page plan of the fixture site, with the options its mkdocs.yml gives the plugin."""
    options = plugin_options(read_site_config(fixture_site))
    return plan_site(load_catalogue(fixture_site), options["edit_url"], options["page_size"])


@pytest.fixture(scope="session")
def built_fixture_site(fixture_site, tmp_path_factory) -> Path:
    """One strict MkDocs build of the fixture site."""
    return shared(
        tmp_path_factory, "fixture-built", lambda site: build_site(fixture_site / "mkdocs.yml", site)
    )


@pytest.fixture(scope="session")
def site_source(request) -> Callable[[str], Path]:
    """``site_source("repo")`` is the grown shipped catalogue; ``site_source("fixture")`` the
    fixture site."""

    def source(site: str) -> Path:
        return request.getfixturevalue("shipped_root" if site == "repo" else "fixture_site")

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
                path = shared(
                    tmp_path_factory,
                    f"{site}-properdocs",
                    lambda out: properdocs_build(site_source(site), out),
                )
            elif engine == "zensical":
                tree = shared(
                    tmp_path_factory, f"{site}-zensical", lambda out: zensical_build(site_source(site), out)
                )
                path = tree / "site"  # zensical_build's output: Zensical keeps the site in the tree
            else:  # pragma: no cover
                raise ValueError(engine)
            built[(site, engine)] = path
        return built[(site, engine)]

    return build


@pytest.fixture(scope="session")
def injection_site(tmp_path_factory) -> Callable[[str], tuple[Corpus, Path, Path]]:
    """``injection_site(engine)``: the accepted injection corpus built strictly by ``engine``."""
    corpus = build_corpus()  # the same corpus write_accepted writes (it is deterministic)
    root = shared(tmp_path_factory, "injection", write_accepted)
    built: dict[str, Path] = {}
    builders = {
        "mkdocs": lambda out: build_site(root / "mkdocs.yml", out),
        "properdocs": lambda out: properdocs_build(root, out),
        "zensical": lambda out: zensical_build(root, out),
    }

    def build(engine: str) -> tuple[Corpus, Path, Path]:
        if engine not in built:
            folder = shared(tmp_path_factory, f"injection-{engine}", builders[engine])
            built[engine] = folder / "site" if engine == "zensical" else folder
        return corpus, root, built[engine]

    return build
