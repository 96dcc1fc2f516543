"""Bodies as each engine renders them, held to the allowlist of generator/content/markup.py.

- :func:`engine_markdown` is Python-Markdown configured the way an engine configures it for the
  site: MkDocs (and ProperDocs, its fork, which loads the same) from mkdocs.yml through MkDocs'
  own config loader, Zensical through its own (which adds SuperFences);
- :func:`body_region` cuts the body or intro out of a built page: the part of the article between
  an experiment's key facts (or the page header and its notes) and the facts panel or the first
  generated section after it;
- :func:`plain_code` turns Zensical's highlighted code blocks into plain ones (named difference
  "code-highlighting", tests/engines.py), so that the same allowlist applies.
"""

from __future__ import annotations

import functools
import html
import re
import tempfile
from pathlib import Path

import markdown
import yaml

from tests.support import REPO_ROOT

MARKDOWN_ENGINES = ("mkdocs", "zensical")
_HIGHLIGHT = re.compile(
    r'<div(?: id="[^"]*")? class="highlight"><pre>(?:<span></span>)?<code>(.*?)</code></pre></div>', re.DOTALL
)
_TAG = re.compile(r"<[^>]+>")
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
# The body ends at the first generated section or listing after it.
_END = re.compile(
    r'<h2 id="(?:opit|kokeilut|samankaltaisia)"|<p class="kk-(?:count|empty)"|<aside class="kk-facts"'
)


@functools.cache
def engine_markdown(engine: str) -> markdown.Markdown:
    """Python-Markdown with the extensions ``engine`` loads for the repository's mkdocs.yml."""
    if engine == "mkdocs":
        from mkdocs.config import load_config

        config = load_config(str(REPO_ROOT / "mkdocs.yml"))
        return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
    if engine == "zensical":
        from zensical.config import parse_mkdocs_config

        shipped = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory() as folder:
            (Path(folder) / "docs").mkdir()
            config_file = Path(folder) / "mkdocs.yml"
            config_file.write_text(
                yaml.safe_dump({"site_name": "x", "markdown_extensions": shipped["markdown_extensions"]}),
                encoding="utf-8",
            )
            config = parse_mkdocs_config(str(config_file))
        return markdown.Markdown(
            extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"]
        )
    raise ValueError(engine)


def render(engine: str, text: str) -> str:
    md = engine_markdown(engine)
    md.reset()
    return plain_code(md.convert(text))


def plain_code(rendered: str) -> str:
    """Highlighted code blocks (``div.highlight`` with token spans) as ``<pre><code>`` of their text."""
    return _HIGHLIGHT.sub(
        lambda m: "<pre><code>" + html.escape(html.unescape(_TAG.sub("", m.group(1)))) + "</code></pre>",
        rendered,
    )


def body_region(page: str) -> str:
    """The body or intro of a built page: the part of the article after the key facts (an
    experiment) or the page's header and its translation notes (a learning, an intro) up to
    the facts panel or the first generated section or listing."""
    found = _ARTICLE.search(page)
    assert found, "no Material article"
    article = found.group(1)
    # An experiment's story follows its key facts; a learning's, its header (and the notes
    # under it), and the facts panel follows the story.
    start = article.find('<section class="kk-keyfacts"')
    if start != -1:
        start = article.index("</section>", start) + len("</section>")
    else:
        start = article.index("</header>") + len("</header>")
        notes = re.match(
            r'(?:\s*<p class="kk-(?:note kk-translated-by|translation-note)">.*?</p>)+', article[start:]
        )
        if notes:
            start += notes.end()
    # A body in another language than the page's has our "in Finnish" note above it.
    note = re.match(r'\s*<p class="kk-lang-note">.*?</p>', article[start:])
    if note:
        start += note.end()
    end = _END.search(article, start)
    return plain_code(article[start : end.start() if end else len(article)])
