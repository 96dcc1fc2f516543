"""``kokeilu render``: the whole site as plain Markdown, for engines that cannot run our plugin.

The output folder holds ``docs/`` (the hand-written pages plus every generated page),
``theme/`` (a copy of the overrides) and an ``mkdocs.yml`` without the catalogue plugin. It is
built in a temporary folder beside the target and swapped in at the end, so a failed render
never leaves a half-written or mixed tree.
"""

from __future__ import annotations

import html
import json
import shutil
from pathlib import Path
from typing import Any

import yaml

from generator.catalogue import load_catalogue
from generator.history import last_commit_dates
from generator.output import discard, staging_folder, swap_in
from generator.pages import REQUIRED_EXTENSION, SitePlan, plan_site
from generator.problems import ConfigError

PLUGIN_NAME = "catalogue"
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
    """mkdocs.yml for the rendered tree: our plugin removed, the generated pages out of the nav."""
    config = dict(config)
    plugins = [
        p
        for p in config.get("plugins") or ()
        if p != PLUGIN_NAME and not (isinstance(p, dict) and PLUGIN_NAME in p)
    ]
    config["plugins"] = plugins
    config["docs_dir"] = "docs"
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = THEME_DIRECTORY
    config["theme"] = theme
    folders = sorted({p.src_uri.split("/", 1)[0] for p in plan.pages if "/" in p.src_uri})
    patterns = [f"/{folder}/**" for folder in folders]
    patterns += [f"!/{p.src_uri}" for p in plan.pages if p.in_nav and "/" in p.src_uri]
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
        replaced = set(plan.replaces)
        shutil.copytree(
            docs,
            staging / "docs",
            ignore=lambda folder, names: [
                n for n in names if (Path(folder) / n).relative_to(docs).as_posix() in replaced
            ],
        )
        for page in plan.pages:
            target = staging / "docs" / page.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(escaped_front_matter(page.markdown), encoding="utf-8", newline="\n")
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
