"""What files get published (issue 18, findings B and F): symbolic links, submodules and files
that are not content are located errors, hand-written pages are checked like bodies, and
neither the build, ``kokeilu render`` nor ``kokeilu diff`` lets any of them through."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import get_files

from generator.cli import main
from generator.content.check import check_catalogue
from generator.core.problems import CatalogueError, ConfigError
from generator.derived.reference import render_field_reference
from generator.editorial.diff import diff_catalogues
from generator.editorial.diff_formats import format_markdown
from generator.engines.render import copy_hand_written, render_site
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located

SECRET = "kk-salaisuus-4711"  # what a link's target holds: it must reach no output
ENTRIES = {"experiments/testikokeilu.md": VALID_EXPERIMENT, "content/opit/testioppi.md": VALID_LEARNING}
CONFIG = (
    "site_name: Testi\ndocs_dir: content\nstrict: true\ntheme:\n  name: material\nplugins:\n  - catalogue\n"
)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder outside the catalogue, as /etc is: a file and a page with a script in it."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "secret.txt").write_text(f"TOKEN={SECRET}\n", encoding="utf-8")
    (folder / "sivu.md").write_text(f"# {SECRET}\n\n<script>alert(1)</script>\n", encoding="utf-8")
    (folder / "kokeilu.md").write_text(VALID_EXPERIMENT.replace("Testikokeilu", SECRET), encoding="utf-8")
    return folder


def refused_by_the_build(root: Path) -> str:
    """What stops ``mkdocs build`` on the catalogue at ``root``: the plugin's on_config, which
    checks the catalogue before MkDocs reads a file (nothing is built)."""
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"))
    with pytest.raises(PluginError) as refusal:
        config.plugins.on_config(config)
    return str(refusal.value)


def leaks(root: Path) -> bool:
    """Whether anything the checker says, or the catalogue it loaded, holds the secret."""
    catalogue = check_catalogue(root)
    said = "".join(p.message + p.path for p in catalogue.problems)
    loaded = "".join(e.title + e.body for e in catalogue.experiments.values())
    loaded += "".join(p.markdown for p in catalogue.pages.values())
    return SECRET in said + loaded


# --- B: symbolic links ----------------------------------------------------------------------


def test_a_file_link_in_content_is_refused_unread(make_catalogue, outside):
    root = make_catalogue(ENTRIES)
    os.symlink(outside / "secret.txt", root / "content/leak.txt")
    catalogue = check_catalogue(root)
    assert located(catalogue) == {("content/leak.txt", 1, 1, "symlink")}
    assert "symbolinen linkki" in catalogue.problems[0].message
    assert "leak.txt" not in catalogue.hand_written_files
    assert not leaks(root)
    assert "content/leak.txt:1:1: error:" in refused_by_the_build(root)


def test_a_folder_link_under_the_learnings_is_refused_and_not_entered(make_catalogue, outside):
    root = make_catalogue(ENTRIES)
    os.symlink(outside, root / "content/opit/ulko")
    catalogue = check_catalogue(root)
    # The page with a script and the experiment in the linked folder are never read.
    assert located(catalogue) == {("content/opit/ulko", 1, 1, "symlink")}
    assert not leaks(root)
    assert "content/opit/ulko:1:1: error:" in refused_by_the_build(root)


def test_a_linked_experiment_is_not_an_entry(make_catalogue, outside):
    root = make_catalogue(ENTRIES)
    os.symlink(outside / "kokeilu.md", root / "experiments/x.md")
    catalogue = check_catalogue(root)
    assert located(catalogue) == {("experiments/x.md", 1, 1, "symlink")}
    assert list(catalogue.experiments) == ["testikokeilu"]
    assert not leaks(root)
    assert "[symlink]" in refused_by_the_build(root)


def test_a_link_to_the_runners_environment_is_refused(make_catalogue):
    """content/x -> /proc/self/environ would put the CI runner's secrets on Pages."""
    root = make_catalogue(ENTRIES)
    os.symlink("/proc/self/environ", root / "content/x")
    assert located(check_catalogue(root)) == {("content/x", 1, 1, "symlink")}
    assert "content/x:1:1: error:" in refused_by_the_build(root)


def test_a_linked_vocabulary_is_reported_once_and_not_read(make_catalogue, outside):
    root = make_catalogue(ENTRIES)
    vocabulary = root / "content/sanastot/tilat.yml"
    shutil.copy(vocabulary, outside / "tilat.yml")
    vocabulary.unlink()
    os.symlink(outside / "tilat.yml", vocabulary)
    catalogue = check_catalogue(root)
    assert [(p.path, p.rule) for p in catalogue.problems if p.path == "content/sanastot/tilat.yml"] == [
        ("content/sanastot/tilat.yml", "symlink")
    ]
    assert list(catalogue.vocabularies["tilat"]) == []  # its terms were not read through the link


def test_a_dangling_link_and_a_link_inside_a_subfolder_are_refused(make_catalogue):
    root = make_catalogue({**ENTRIES, "content/ohjeet/sivu.md": "# Sivu\n"})
    os.symlink("/nonexistent/x.md", root / "content/ohjeet/rikki.md")
    os.symlink("../../experiments", root / "content/ohjeet/kokeilut")
    assert located(check_catalogue(root)) == {
        ("content/ohjeet/kokeilut", 1, 1, "symlink"),
        ("content/ohjeet/rikki.md", 1, 1, "symlink"),
    }


def test_a_linked_docs_or_entry_folder_is_refused_whole(make_catalogue, outside):
    root = make_catalogue({"content/opit/testioppi.md": VALID_LEARNING})
    os.symlink(outside, root / "experiments")
    catalogue = check_catalogue(root)
    assert ("experiments", 1, 1, "symlink") in located(catalogue)
    assert catalogue.experiments == {}
    assert not leaks(root)


def test_a_fifo_is_refused_without_waiting_on_it(make_catalogue):
    root = make_catalogue(ENTRIES)
    os.mkfifo(root / "content/putki.md")
    os.mkfifo(root / "experiments/putki.md")
    (root / "content/sanastot/tilat.yml").unlink()
    os.mkfifo(root / "content/sanastot/tilat.yml")  # a vocabulary is read by its path: once, unopened
    catalogue = check_catalogue(root)
    assert {p for p in located(catalogue) if p[3] == "unexpected-file"} == {
        ("content/putki.md", 1, 1, "unexpected-file"),
        ("content/sanastot/tilat.yml", 1, 1, "unexpected-file"),
        ("experiments/putki.md", 1, 1, "unexpected-file"),
    }
    assert len([p for p in catalogue.problems if p.path == "content/sanastot/tilat.yml"]) == 1


def test_a_folder_named_in_bytes_that_are_not_utf8_is_refused_and_still_searched_for_links(make_catalogue):
    root = make_catalogue(ENTRIES)
    folder = os.path.join(os.fsencode(root), b"content/k\xe4ns")
    os.makedirs(folder)
    with open(os.path.join(folder, b"sivu.md"), "w", encoding="utf-8") as page:
        page.write("<script>alert(1)</script>\n")
    os.symlink("/etc/passwd", os.path.join(folder, b"leak"))
    assert located(check_catalogue(root)) == {
        ("content/k\\xe4ns", 1, 1, "unexpected-file"),
        ("content/k\\xe4ns/leak", 1, 1, "symlink"),
    }


def test_checking_a_link_by_its_path_reports_it(make_catalogue, outside, capsys):
    root = make_catalogue(ENTRIES)
    os.symlink(outside / "secret.txt", root / "content/leak.txt")
    assert main(["--root", str(root), "check", str(root / "content/leak.txt")]) == 1
    out = capsys.readouterr().out
    assert "content/leak.txt:1:1: error:" in out and "[symlink]" in out and SECRET not in out


# --- B: submodules --------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["file", "folder"])
def test_a_folder_with_git_in_it_is_a_submodule_and_is_not_entered(make_catalogue, marker):
    root = make_catalogue({**ENTRIES, "content/ulkoinen/sivu.md": "<script>alert(1)</script>\n"})
    git = root / "content/ulkoinen/.git"
    if marker == "file":
        git.write_text("gitdir: ../../.git/modules/ulkoinen\n", encoding="utf-8")
    else:
        git.mkdir()
    catalogue = check_catalogue(root)
    assert located(catalogue) == {("content/ulkoinen", 1, 1, "submodule")}
    assert "git rm content/ulkoinen" in catalogue.problems[0].message
    assert "[submodule]" in refused_by_the_build(root)


# --- F: files that are not content ----------------------------------------------------------


def vocabulary_files(schema) -> set[str]:
    return {f"sanastot/{vocabulary.file}" for vocabulary in schema.vocabularies}


def test_files_that_are_not_content_are_refused_wherever_they_are(check, schema):
    catalogue = check(
        {
            **ENTRIES,
            "content/evil.html": "<script>alert(1)</script>",
            "content/opit/kuvat/kaavio.svg": '<svg onload="alert(1)"/>',
            "content/osallistu/skripti.js": "alert(1)",
            "content/sanastot/omat.yml": "- id: x\n",
            "content/schema/oma.schema.json": "{}",
            "content/.well-known/security.txt": "x",
            "content/opit/.luonnos.md": "# x\n",
            "content/templates/sivu.md": "# x\n",
        }
    )
    assert located(catalogue) == {
        ("content/.well-known", 1, 1, "unexpected-file"),
        ("content/evil.html", 1, 1, "unexpected-file"),
        ("content/opit/.luonnos.md", 1, 1, "unexpected-file"),
        ("content/opit/kuvat/kaavio.svg", 1, 1, "unexpected-file"),
        ("content/osallistu/skripti.js", 1, 1, "unexpected-file"),
        ("content/sanastot/omat.yml", 1, 1, "unexpected-file"),
        ("content/schema/oma.schema.json", 1, 1, "unexpected-file"),
        ("content/templates", 1, 1, "unexpected-file"),
    }
    assert catalogue.hand_written_files == vocabulary_files(schema)  # none of them is published
    assert "content/evil.html:1:1: error:" in refused_by_the_build(catalogue.root)


def test_the_allowed_files_pass(check, schema):
    catalogue = check(
        {
            **ENTRIES,
            "experiments/README.md": "# Ohje\n",
            "experiments/.gitkeep": "",
            "content/index.md": "Johdanto.\n",
            "content/opit/ohjeet/sivu.md": "# Sivu\n",
            "content/sv/ohje.md": "# Hjälp\n",
            "content/schema/kokeilu.schema.json": "{}",
        }
    )
    assert catalogue.problems == []
    assert catalogue.hand_written_files == {
        "opit/ohjeet/sivu.md",
        "sv/ohje.md",
        "schema/kokeilu.schema.json",
        *vocabulary_files(schema),
    }


def test_a_hand_written_page_in_a_learnings_subfolder_is_checked_like_a_body(check):
    page = "# Sivu\n\nTekstiä.\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n"
    catalogue = check({**ENTRIES, "content/opit/alikansio/sivu.md": page})
    assert located(catalogue) == {
        ("content/opit/alikansio/sivu.md", 5, 1, "raw-html"),
        ("content/opit/alikansio/sivu.md", 7, 5, "unsafe-link"),
    }
    assert "[raw-html]" in refused_by_the_build(catalogue.root)


def test_a_hand_written_page_front_matter_is_read_by_our_parser(check):
    catalogue = check(
        {
            **ENTRIES,
            "content/rikki.md": "---\ntitle: [auki\n---\n\nTekstiä <b>x</b>.\n",
            "content/avain.md": "---\ntitle: Sivu\ntemplate: 404.html\n---\n\n# Sivu\n",
            "content/kesken.md": "---\ntitle: Sivu\n\n# Sivu\n",
            "content/lista.md": "---\n- a\n---\n\nTekstiä.\n",
            "content/hyva.md": "---\ntitle: Hyvä sivu\ndescription: Kuvaus.\n---\n\n# Hyvä\n",
        }
    )
    assert located(catalogue) == {
        ("content/rikki.md", 3, 1, "yaml-syntax"),  # where the parser finds the list unclosed
        ("content/rikki.md", 5, 9, "raw-html"),  # the body is still checked, at its file line
        ("content/avain.md", 3, 1, "unknown-field"),
        ("content/kesken.md", 1, 1, "frontmatter-unterminated"),
        ("content/lista.md", 2, 1, "frontmatter-not-mapping"),
    }
    assert catalogue.pages["hyva.md"].title == "Hyvä sivu"


def test_the_generated_field_reference_passes_as_a_hand_written_page(check, schema):
    vocabularies = check({}).vocabularies
    reference = render_field_reference(schema, vocabularies)
    catalogue = check({**ENTRIES, schema.reference_file: reference})
    assert catalogue.problems == []


def test_the_shipped_hand_written_pages_pass(shipped):
    assert shipped.pages
    paths = {page.path for page in shipped.pages.values()}
    assert [p for p in shipped.problems if p.path in paths] == []


# --- the build and kokeilu render -----------------------------------------------------------


def test_the_plugin_refuses_a_file_that_appears_after_the_check(make_catalogue, outside, tmp_path):
    """Defence in depth: MkDocs walks the docs folder through links, after the plugin checked it."""
    root = make_catalogue(ENTRIES)
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin = config.plugins["catalogue"]
    config = config.plugins.on_config(config)
    try:
        os.symlink(outside / "secret.txt", root / "content/leak.txt")
        os.symlink(outside, root / "content/ulko")
        (root / "content/evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
        with pytest.raises(PluginError) as refusal:
            plugin.on_files(get_files(config), config=config)
    finally:
        plugin.on_build_error(error=RuntimeError())  # discard the staging folder
    message = str(refusal.value)
    for path in ("content/evil.html", "content/leak.txt", "content/ulko/secret.txt", "content/ulko/sivu.md"):
        assert path in message


def test_render_refuses_a_link_and_never_copies_one(make_catalogue, outside, tmp_path):
    root = make_catalogue({**ENTRIES, "content/ohje.md": "# Ohje\n"})
    (root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    os.symlink(outside / "secret.txt", root / "content/leak.txt")
    with pytest.raises(CatalogueError):
        render_site(root, tmp_path / "out")
    catalogue = check_catalogue(root)  # a page turned into a link after the check
    (root / "content/ohje.md").unlink()
    os.symlink(outside / "sivu.md", root / "content/ohje.md")
    with pytest.raises(ConfigError):
        copy_hand_written(root / "content", tmp_path / "copy", catalogue)


# --- kokeilu diff ---------------------------------------------------------------------------

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Testi",
    "GIT_AUTHOR_EMAIL": "testi@example.fi",
    "GIT_COMMITTER_NAME": "Testi",
    "GIT_COMMITTER_EMAIL": "testi@example.fi",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV}, capture_output=True, text=True, check=True
    )
    return done.stdout


@pytest.fixture
def repo(make_catalogue) -> Path:
    root = make_catalogue(ENTRIES)
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "base")
    git(root, "tag", "base")
    return root


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_lists_links_and_submodules_added_in_head(repo, capsys):
    os.symlink("/etc/passwd", repo / "content/leak.txt")
    os.symlink("/proc/self/environ", repo / "experiments/x.md")
    git(repo, "add", "-A")
    commit = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{commit},content/alimoduuli")
    git(repo, "commit", "-q", "-m", "links")
    report = diff_catalogues(repo, "base", "HEAD")
    assert not report.valid
    assert {(p.path, p.line, p.column, p.rule) for p in report.problems} == {
        ("content/alimoduuli", 1, 1, "submodule"),
        ("content/leak.txt", 1, 1, "symlink"),
        ("experiments/x.md", 1, 1, "symlink"),
    }
    assert "❌" in format_markdown(report) and "✅" not in format_markdown(report)
    assert main(["--root", str(repo), "diff", "base", "HEAD"]) == 1
    out = capsys.readouterr().out
    assert "content/leak.txt:1:1: error:" in out and "content/alimoduuli:1:1: error:" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_diff_lists_files_that_are_not_content_and_unsafe_pages(repo):
    (repo / "content/evil.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    page = repo / "content/opit/alikansio/sivu.md"
    page.parent.mkdir()
    page.write_text("# Sivu\n\n<script>alert(1)</script>\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "pages")
    report = diff_catalogues(repo, "base", "HEAD")
    assert report.entries == [] and not report.valid
    assert {(p.path, p.line, p.column, p.rule) for p in report.problems} == {
        ("content/evil.html", 1, 1, "unexpected-file"),
        ("content/opit/alikansio/sivu.md", 3, 1, "raw-html"),
    }
