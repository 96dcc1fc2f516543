"""The MkDocs plugin end to end on small catalogues: pages, pagination, failures, scale, render."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.content.check import load_catalogue
from generator.core.problems import CatalogueError, ConfigError
from generator.engines.render import MARKER, render_site
from tests.links import broken_links, page_links, wrong_term_listings
from tests.support import VALID_EXPERIMENT, build_site, write_catalogue

pytestmark = pytest.mark.e2e

SMALL_CONFIG = """\
site_name: Testi
docs_dir: content
strict: true
theme:
  name: material
  language: fi
  custom_dir: theme
  font: false
plugins:
  - catalogue
"""


def _site_files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def _scratch_site(root: Path, files: dict[str, str]) -> Path:
    write_catalogue(root, {"mkdocs.yml": SMALL_CONFIG, "content/index.md": "# Testi\n", **files})
    (root / "theme").mkdir(exist_ok=True)
    return root


def _experiments(count: int) -> dict[str, str]:
    themes = ["kiertotalous", "ruoka", "ilmasto", "kulttuuri"]
    regions = ["pirkanmaa", "uusimaa", "lappi"]
    files = {}
    for i in range(count):
        text = (
            VALID_EXPERIMENT.replace("Testikokeilu", f"Kokeilu numero {i:04d}")
            .replace("[kiertotalous]", f"[{themes[i % 4]}]")
            .replace("[pirkanmaa]", f"[{regions[i % 3]}]")
            .replace("start: 2018", f"start: {2000 + i % 20}")
            .replace("end: 2019", f"end: {2001 + i % 20}")
        )
        files[f"experiments/kokeilu-{i:04d}.md"] = text
    return files


def test_the_fixture_site_builds_every_page_and_no_link_is_broken(built_fixture_site, fixture_plan):
    built = _site_files(built_fixture_site)
    for page in fixture_plan.pages:
        assert f"{page.url.strip('/')}/index.html".lstrip("/") in built, page.url
    assert broken_links(built_fixture_site) == []


def test_each_term_page_lists_exactly_the_experiments_of_its_term_across_its_pages(
    built_fixture_site, fixture_site
):
    assert wrong_term_listings(built_fixture_site, load_catalogue(fixture_site)) == []


def test_paginated_listings_link_their_pages_in_order(built_fixture_site):
    first = built_fixture_site / "teemat/kiertotalous/index.html"
    second = built_fixture_site / "teemat/kiertotalous/sivu/2/index.html"
    assert "/teemat/kiertotalous/sivu/2/" in page_links(built_fixture_site, first)
    html = second.read_text(encoding="utf-8")
    assert 'rel="prev"' in html and 'aria-current="page"' in html
    listed = page_links(built_fixture_site, second, within='<ol class="kk-listing"')
    assert {url for url in listed if url.startswith("/kokeilut/")} == {"/kokeilut/tuntematon-alku/"}


def test_contributor_text_never_becomes_markup_on_the_built_page(built_fixture_site):
    """The hostile fixture title is shown as text in <title>, the header and the h1."""
    html = (built_fixture_site / "kokeilut/erikoismerkit/index.html").read_text(encoding="utf-8")
    assert "<script>window.kkInjected" not in html
    assert "<b>lihavoitu" not in html and "<i>kursiivi" not in html
    assert "<title>Kokeilu &lt;b&gt;lihavoitu&lt;/b&gt; &amp; *tähdet* &lt;/title&gt;" in html
    for page in built_fixture_site.rglob("*.html"):
        assert "<script>window.kkInjected" not in page.read_text(encoding="utf-8"), page


def test_hand_written_learning_files_are_replaced_by_generated_pages(built_fixture_site):
    html = (built_fixture_site / "opit/keraysta-kannattaa-jatkaa/index.html").read_text(encoding="utf-8")
    assert "Opin tiedot" in html
    assert "experiments: [" not in html  # the raw front matter never reaches the page


def test_an_invalid_catalogue_fails_the_build_with_located_errors_and_keeps_the_old_site(tmp_path):
    broken = VALID_EXPERIMENT.replace("level: alueellinen", "level: kunnallinen").replace(
        "status: paattynyt\n", ""
    )
    root = _scratch_site(tmp_path / "site", {"experiments/rikki.md": broken})
    site = tmp_path / "published"
    site.mkdir()
    (site / "index.html").write_text("vanha sivusto", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 1
    assert "experiments/rikki.md:4:8: error:" in result.stderr and "[unknown-term]" in result.stderr
    assert "experiments/rikki.md:1:1: error:" in result.stderr and "[missing-field]" in result.stderr
    assert "Traceback" not in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vanha sivusto"


def test_a_stray_file_in_a_generated_folder_fails_with_a_located_error(tmp_path):
    root = _scratch_site(
        tmp_path / "site",
        {"experiments/testikokeilu.md": VALID_EXPERIMENT, "content/teemat/kiertotalos.md": "Johdanto.\n"},
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "content/teemat/kiertotalos.md:1:1: error:" in result.stderr and "[unknown-intro]" in result.stderr


def test_an_experiment_page_does_not_grow_when_the_catalogue_grows_tenfold(tmp_path):
    sizes = {}
    for count in (12, 120):
        root = _scratch_site(tmp_path / f"site{count}", _experiments(count))
        site = build_site(root / "mkdocs.yml", tmp_path / f"built{count}")
        sizes[count] = len((site / "kokeilut/kokeilu-0000/index.html").read_bytes())
    # Same page, ten times the catalogue: only the related list's contents may differ.
    assert sizes[120] <= sizes[12] * 1.02, sizes


def test_the_plugin_watches_the_experiments_folder_during_serve(fixture_site):
    from mkdocs.config import load_config

    config = load_config(str(fixture_site / "mkdocs.yml"))
    plugin = config.plugins["catalogue"]
    plugin.on_config(config)
    watched: list[str] = []

    class Server:
        def watch(self, path: str) -> None:
            watched.append(path)

    plugin.on_serve(Server(), config=config, builder=None)
    assert str(fixture_site.resolve() / "experiments") in watched
    assert str(fixture_site.resolve() / "content/sanastot") in watched


def test_the_rendered_tree_builds_without_the_plugin_into_the_same_pages(
    fixture_site, built_fixture_site, tmp_path
):
    out = tmp_path / "rendered"
    render_site(fixture_site, out)
    assert "catalogue" not in (out / "mkdocs.yml").read_text(encoding="utf-8")
    site = build_site(out / "mkdocs.yml", tmp_path / "rendered-site")
    assert _site_files(site) == _site_files(built_fixture_site)
    assert broken_links(site) == []
    # The plugin sets our HTML blocks aside while Markdown runs; only blank lines may differ.
    same_pages = (
        "kokeilut/kiertotalous-tampere/index.html",
        "teemat/kiertotalous/index.html",
        "haku/index.html",
    )
    for same in (*same_pages, "index.html"):
        rendered, built = ((s / same).read_text(encoding="utf-8") for s in (site, built_fixture_site))
        # Structured data in <head> needs the plugin (it alone may set it; docs/open-data.md).
        built = re.sub(r'\n\s*<script type="application/ld\+json">.*?</script>', "", built)
        assert re.sub(r"\n\s*\n", "\n", rendered) == re.sub(r"\n\s*\n", "\n", built), same
        # finder.js is loaded by the finder's own page, and by no other.
        loads_finder = re.search(r"<script src=\"(?:\.\./)*assets/haku/finder\.js[?\"]", rendered)
        assert bool(loads_finder) == (same == "haku/index.html"), same
    # Without the plugin, Material prints the front matter's title and description unescaped:
    # the tree carries them escaped, so the hostile title stays text.
    hostile = (site / "kokeilut/erikoismerkit/index.html").read_text(encoding="utf-8")
    assert "<script>window.kkInjected" not in hostile
    assert "&lt;/title&gt;&lt;script&gt;" in hostile[: hostile.index("</head>")]
    # The finder's data and scripts are part of the tree, byte for byte.
    for data in ("haku/data/meta.json", "assets/haku/finder.js", "assets/haku/lunr.fi.js"):
        assert (site / data).read_bytes() == (built_fixture_site / data).read_bytes(), data


def test_render_refuses_a_folder_it_did_not_write_and_keeps_the_old_tree_on_errors(fixture_site, tmp_path):
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "tärkeä.txt").write_text("älä poista", encoding="utf-8")
    with pytest.raises(ConfigError):
        render_site(fixture_site, foreign)
    assert (foreign / "tärkeä.txt").is_file()

    out = tmp_path / "out"
    render_site(fixture_site, out)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    assert (out / MARKER).is_file()
    broken = tmp_path / "broken"
    write_catalogue(broken, {"mkdocs.yml": SMALL_CONFIG, "experiments/rikki.md": "ei etutietoja\n"})
    with pytest.raises(CatalogueError):
        render_site(broken, out)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging left behind


def test_kokeilu_render_reports_content_errors_without_a_traceback(tmp_path):
    broken = write_catalogue(
        tmp_path / "broken", {"mkdocs.yml": SMALL_CONFIG, "experiments/rikki.md": "ei etutietoja\n"}
    )
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(broken), "render", "--out", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "experiments/rikki.md:1:1: error:" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_shipped_site_renders(shipped_root, shipped, tmp_path):
    plan = render_site(shipped_root, tmp_path / "out")
    # Every generated page is <its URL>/index.md, so every engine reads its links alike.
    for entry in [*shipped.experiments.values(), *shipped.learnings.values()]:
        folder = tmp_path / "out/docs" / entry.url.strip("/")
        assert (folder / "index.md").is_file() and not folder.with_suffix(".md").exists(), entry.url
    urls = {page.url for page in plan.pages}
    assert {e.url for e in shipped.experiments.values()} <= urls
    for page in plan.pages:
        assert (tmp_path / "out/docs" / page.url.strip("/") / "index.md").is_file(), page.url


def test_mkdocs_serve_rebuilds_when_an_experiment_changes(tmp_path):
    import socket
    import time
    import urllib.request

    root = _scratch_site(tmp_path / "site", {"experiments/testikokeilu.md": VALID_EXPERIMENT})
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )

    def page_text() -> str:
        url = f"http://127.0.0.1:{port}/kokeilut/testikokeilu/"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return ""

    def wait_for(text: str) -> bool:
        deadline = time.monotonic() + 90  # a generous bound, not a performance assertion
        while time.monotonic() < deadline:
            if text in page_text():
                return True
            time.sleep(0.5)
        return False

    try:
        assert wait_for("<h1>Testikokeilu</h1>")
        source = root / "experiments/testikokeilu.md"
        source.write_text(
            VALID_EXPERIMENT.replace("title: Testikokeilu", "title: Muokattu kokeilu"), encoding="utf-8"
        )
        assert wait_for("<h1>Muokattu kokeilu</h1>")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_content_warnings_are_shown_but_do_not_fail_a_strict_build(tmp_path):
    ended = VALID_EXPERIMENT.replace("end: 2019\n", "")  # a finished experiment without an end date
    root = _scratch_site(tmp_path / "site", {"experiments/testikokeilu.md": ended})
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "out")],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert "experiments/testikokeilu.md:10:9: warning:" in result.stderr and "[end-missing]" in result.stderr
    assert (tmp_path / "out/kokeilut/testikokeilu/index.html").is_file()
