"""``kokeilu render``: the whole site as plain Markdown, for engines that cannot run our plugin.

The output folder holds ``docs/`` (the hand-written pages plus every generated page, the
finder's index and scripts, the open data and the feed), ``theme/`` (a copy of the overrides)
and an ``mkdocs.yml`` without the catalogue plugin, which MkDocs, ProperDocs and Zensical all
read. It is built in a temporary folder beside the target and swapped in at the end, so a failed
render never leaves a half-written or mixed tree.

Every generated page is written as ``<its URL>/index.md``, so the folder of its source is the
folder of its URL. Engines disagree on a relative link in a page whose source is not an
``index.md``: MkDocs reads a link to a folder (``../../alueet/``) from the page's URL and leaves
raw HTML alone, while Zensical reads every relative link, raw HTML included, from the source
file. Where the two folders are the same, both readings meet. A link in an author's Markdown (an
intro or a body) that MkDocs resolved from the old source path to a file (``../tasot/index.md``)
is rewritten one level deeper, so it still reaches the same file.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit, urlunsplit
from xml.etree.ElementTree import Element

import markdown
import yaml
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.content.catalogue import Catalogue
from generator.content.check import load_catalogue
from generator.content.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS, URL_ATTRIBUTES
from generator.core.history import last_commit_dates
from generator.core.output import discard, staging_folder, swap_in
from generator.core.problems import ConfigError
from generator.engines.blocks import HtmlBlocks
from generator.i18n.languages import alternates, split_src_uri
from generator.i18n.presentation import src_uri_for
from generator.i18n.translation import theme_words
from generator.site.planner import REQUIRED_EXTENSION, PageSpec, SitePlan, plan_site

PLUGIN_NAME = "catalogue"
SEARCH_PLUGIN = "search"
MARKER = ".kokeilu-render"
CONFIG_FILE = "mkdocs.yml"
THEME_DIRECTORY = "theme"


def read_site_config(root: Path) -> dict[str, Any]:
    """The repository's mkdocs.yml as data (plain YAML; no engine needed)."""
    path = root / CONFIG_FILE
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"Tiedostoa {path} ei ole.") from None
    except yaml.YAMLError as error:
        raise ConfigError(f"{path} ei ole luettavaa YAMLia: {error}") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: asetusten pitää olla avain–arvo-pareja.")
    return data


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options given to the catalogue plugin in mkdocs.yml, or {}."""
    for item in config.get("plugins") or ():
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return dict(item[PLUGIN_NAME] or {})
    return {}


def engine_config(config: dict[str, Any], plan: SitePlan) -> dict[str, Any]:
    """mkdocs.yml for the rendered tree: our plugin removed, the generated pages out of the nav.

    The same file serves every engine. Two settings are there for Zensical, and MkDocs and
    ProperDocs ignore them in effect: ``search`` off (the finder at /haku/ is the site's only
    search; Zensical turns its own on when the file does not name it) and the theme's ``variant:
    classic`` (Material's look rather than Zensical's "modern" one)."""
    config = dict(config)
    plugins = [
        p
        for p in config.get("plugins") or ()
        if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)
    ]
    if not any(p == SEARCH_PLUGIN or (isinstance(p, dict) and SEARCH_PLUGIN in p) for p in plugins):
        plugins.append({SEARCH_PLUGIN: {"enabled": False}})
    config["plugins"] = plugins
    config["docs_dir"] = "docs"
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = THEME_DIRECTORY
    theme.setdefault("variant", "classic")
    config["theme"] = theme
    sources = [tree_src_uri(p) for p in plan.pages]
    folders = sorted({src.split("/", 1)[0] for src in sources if "/" in src})
    patterns = [f"/{folder}/**" for folder in folders]
    patterns += [f"!/{tree_src_uri(p)}" for p in plan.pages if p.in_nav and "/" in tree_src_uri(p)]
    config["not_in_nav"] = "\n".join(patterns) + "\n"
    extensions = list(config.get("markdown_extensions") or ())
    names = {e if isinstance(e, str) else next(iter(e)) for e in extensions}
    if REQUIRED_EXTENSION not in names:
        config["markdown_extensions"] = [*extensions, REQUIRED_EXTENSION]
    scripts = list(config.get("extra_javascript") or ())
    config["extra_javascript"] = scripts + [s for s in plan.scripts if s not in scripts]
    return config


def render_site(root: Path, out: Path) -> SitePlan:
    """Write the rendered tree to ``out``; raises CatalogueError for an invalid catalogue."""
    root = root.resolve()
    out = out.resolve()
    config = read_site_config(root)
    catalogue = load_catalogue(root)
    options = plugin_options(config)
    plan = plan_site(
        catalogue,
        str(options.get("edit_url") or ""),
        options.get("page_size"),
        str(config.get("site_url") or ""),
        last_commit_dates(root),
    )
    docs = root / catalogue.schema.site.docs_directory
    if out == root or out.is_relative_to(docs) or root.is_relative_to(out):
        raise ConfigError(f"Kohdekansio {out} ei voi olla kokoelman tai sen sisältökansion sisällä.")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise ConfigError(
            f"Kansio {out} ei ole tyhjä eikä aiempi kokeilu render -tulos. Valitse toinen kansio."
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = staging_folder(out)
    try:
        copy_hand_written(docs, staging / "docs", catalogue)
        files = docs_files(catalogue, plan)
        pages = frozenset(f for f in files if f.endswith(".md"))
        site_url = str(config.get("site_url") or "")
        generated = {page.src_uri for page in plan.pages}
        moved = {
            page.src_uri: tree_src_uri(page) for page in plan.pages if tree_src_uri(page) != page.src_uri
        }
        for src_uri in sorted(pages - generated):  # the hand-written pages, as copied
            path = staging / "docs" / src_uri
            text = language_meta(path.read_text(encoding="utf-8"), src_uri, pages, site_url)
            text = moved_links(text, src_uri, src_uri, files, moved)
            path.write_text(text, encoding="utf-8", newline="\n")
        for page in plan.pages:
            src_uri = tree_src_uri(page)
            text = language_meta(page.markdown, page.src_uri, pages, site_url)
            text = moved_links(text, page.src_uri, src_uri, files, moved)
            target = staging / "docs" / src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(escaped_front_matter(text), encoding="utf-8", newline="\n")
        for data in plan.files:
            target = staging / "docs" / data.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data.content)
        if (root / THEME_DIRECTORY).is_dir():
            shutil.copytree(root / THEME_DIRECTORY, staging / THEME_DIRECTORY)
        text = yaml.dump(engine_config(config, plan), Dumper=_Dumper, allow_unicode=True, sort_keys=False)
        (staging / CONFIG_FILE).write_text(text, encoding="utf-8", newline="\n")
        (staging / MARKER).write_text("kokeilu render\n", encoding="utf-8")
        swap_in(staging, out)
    except BaseException:
        discard(staging)
        raise
    return plan


LANGUAGE_KEYS = ("kk_lang", "kk_alternates", "kk_ui")


def language_meta(markdown: str, src_uri: str, pages: frozenset[str], site_url: str) -> str:
    """The page with what the plugin sets in ``page.meta`` for the theme, written into its front
    matter: its language, its other languages (the switcher and hreflang) and the theme's words
    in its language. JSON values are YAML flow values; they replace any the page set itself."""
    language = split_src_uri(src_uri)[0]
    lines = [
        f"kk_lang: {language}",
        f"kk_alternates: {json.dumps(alternates(src_uri, pages, site_url), ensure_ascii=False)}",
        f"kk_ui: {json.dumps(theme_words(language), ensure_ascii=False, sort_keys=True)}",
    ]
    if markdown.startswith("---\n") and "\n---\n" in markdown[3:]:
        end = markdown.index("\n---\n", 3)
        kept = [line for line in markdown[4:end].split("\n") if not line.startswith(LANGUAGE_KEYS)]
        return "---\n" + "\n".join([*kept, *lines]) + markdown[end:]
    return "---\n" + "\n".join(lines) + "\n---\n\n" + markdown


def tree_src_uri(page: PageSpec) -> str:
    """Where the rendered tree keeps a generated page: ``<its URL>/index.md`` (module doc)."""
    return src_uri_for(page.url, index=True)


def copy_hand_written(docs: Path, target: Path, catalogue: Catalogue) -> None:
    """Copy the catalogue's hand-written files from ``docs`` to ``target``: nothing else from the
    docs folder (the checker refuses anything else there), and never a symbolic link."""
    for src_uri in sorted(catalogue.hand_written_files):
        source = docs / src_uri
        if source.is_symlink():  # the checker refuses links; they may not appear since
            raise ConfigError(f"{source} on symbolinen linkki, joten sitä ei kopioida.")
        destination = target / src_uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, destination, follow_symlinks=False)


def docs_files(catalogue: Catalogue, plan: SitePlan) -> frozenset[str]:
    """Every docs-relative file of the site as the plugin's build sees it: the hand-written
    files, the generated pages at their plan paths and the generated data files."""
    return catalogue.hand_written_files | {p.src_uri for p in plan.pages} | {f.src_uri for f in plan.files}


_LINK_TRIGGERS = ("](", "]:")


def moved_links(
    markdown: str, old: str, new: str, files: frozenset[str], moved: Mapping[str, str] | None = None
) -> str:
    """The page's Markdown, moved from ``old`` to ``new`` (docs-relative source paths): each
    relative link or image in an author's Markdown that MkDocs resolves from ``old`` to one of
    ``files`` is rewritten to reach the same file from ``new``, where ``moved`` (a generated
    page's plan path → its path in the tree) says the file went. Links an engine reads from the
    page's URL (a folder such as ``../../osallistu/``) and our own HTML blocks stay as they are.
    """
    moved = moved or {}
    front = ""
    if markdown.startswith("---\n"):  # the title and description, never links
        end = markdown.index("\n---\n", 3) + 5
        front, markdown = markdown[:end], markdown[end:]
    blocks = HtmlBlocks()
    text = blocks.set_aside(markdown)
    if not any(trigger in text for trigger in _LINK_TRIGGERS):
        return front + markdown  # no Markdown link at all: most generated pages
    rewritten: dict[str, str] = {}
    for url in _markdown_links(text):
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or not parts.path or url.startswith(("/", "\\")):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(old), unquote(parts.path)))
        if target not in files:
            continue
        path = posixpath.relpath(moved.get(target, target), posixpath.dirname(new) or ".")
        if path != parts.path:
            rewritten[url] = urlunsplit(parts._replace(path=path))
    if not rewritten:
        return front + markdown
    for url, relinked in rewritten.items():
        destination = re.compile(
            r"(\]\([ \t]*\n?[ \t]*<?|^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*<?)"
            + re.escape(url)
            + r"(?=[\s)>]|$)",
            re.MULTILINE,
        )
        text = destination.sub(lambda match, relinked=relinked: match.group(1) + relinked, text)
    for key, block in blocks.blocks.items():
        text = text.replace(key, block, 1)
    return front + text


class _Links(Treeprocessor):
    def run(self, root: Element) -> None:
        self.md.kk_links = [  # type: ignore[attr-defined]
            value.replace(AMP_SUBSTITUTE, "&")
            for element in root.iter()
            for name, value in element.attrib.items()
            if name in URL_ATTRIBUTES
        ]


def _markdown_links(text: str) -> list[str]:
    """The href and src of every link and image Markdown makes of ``text``, in order."""
    # md_in_html: an intro shown in its original language is Markdown inside <div markdown="1">.
    md = markdown.Markdown(extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)
    md.treeprocessors.register(_Links(md), "kokeilu-links", 0)
    md.convert(text)
    return md.kk_links  # type: ignore[attr-defined]


def escaped_front_matter(markdown: str) -> str:
    """The page with its title and description HTML-escaped in the front matter.

    Material prints ``page.meta.title`` and ``page.meta.description`` into ``<head>`` without
    escaping them. Under MkDocs our plugin escapes them; an engine building the rendered tree
    runs without it, so the tree carries them escaped already."""
    if not markdown.startswith("---\n"):
        return markdown
    end = markdown.index("\n---\n", 3)
    lines = []
    for line in markdown[4:end].split("\n"):
        key, _, value = line.partition(": ")
        if key in ("title", "description") and value.startswith('"'):
            line = f"{key}: {json.dumps(html.escape(json.loads(value)), ensure_ascii=False)}"
        lines.append(line)
    return "---\n" + "\n".join(lines) + markdown[end:]


class _Dumper(yaml.SafeDumper):
    """Writes multi-line strings as literal blocks, so the written mkdocs.yml reads like ours."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)
