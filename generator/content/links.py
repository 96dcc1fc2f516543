"""Relative links in the published texts: each must reach a file of the site on every page the
text is shown on (``broken-link``); MkDocs stops a strict build at one that does not.

A relative link is resolved the way MkDocs resolves it, from the docs-relative path of the page
it is published on (:func:`generator.content.site_map.published_texts`). Like MkDocs, a link
without a file extension in its last part (a folder such as ``../osallistu/``) is left alone.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.content.markup import site_markdown
from generator.content.site_map import SiteMap, Text, page_folder
from generator.core.problems import ProblemSink
from generator.i18n.languages import split_src_uri

# Broken links in one file that get a suggestion (each costs a search among the site's files).
MAX_SUGGESTIONS = 20
# Text that may hold a relative link: "](" or "]:" not followed by an absolute address or "#".
_MAYBE_RELATIVE = re.compile(r"\][(:][ \t]*\n?[ \t]*<?(?!https?:|mailto:|#)", re.IGNORECASE)


class _Links(Treeprocessor):
    """The href of every link and the src of every image, in document order: what MkDocs
    resolves (it looks at no other element)."""

    def run(self, root: Element) -> None:
        found = self.md.kk_links  # type: ignore[attr-defined]
        for element in root.iter():
            key = {"a": "href", "img": "src"}.get(element.tag)
            if key is not None and element.get(key) is not None:
                found.append(element.get(key))


@functools.cache
def _parser() -> markdown.Markdown:
    md = site_markdown()
    md.treeprocessors.register(_Links(md), "kokeilu-links", 0)  # after the inline patterns
    return md


@functools.lru_cache(maxsize=4096)
def relative_links(text: str) -> tuple[str, ...]:
    """Every link and image address of ``text`` that MkDocs would resolve as a relative path."""
    if not _MAYBE_RELATIVE.search(text):
        return ()  # most bodies: absolute addresses only, no parsing
    md = _parser()
    md.reset()
    md.kk_links = []  # type: ignore[attr-defined]
    md.convert(text)
    found = []
    for url in md.kk_links:  # type: ignore[attr-defined]
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("/", "\\")) or AMP_SUBSTITUTE in url:
            continue  # another site, an absolute path, an obfuscated e-mail address
        if parts.path:
            found.append(url)
    return tuple(found)


def link_target(page: str, url: str) -> str:
    """The docs-relative file a relative link on ``page`` reaches, as MkDocs resolves it."""
    path = unquote(urlsplit(url).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), path).lstrip("/"))


def check_links(text: Text, site: SiteMap, sink: ProblemSink) -> None:
    """A relative link to a file (``x.md``, ``kuva.png``) must reach one on every page the text is
    shown on; MkDocs stops a strict build at one that does not."""
    searched_from: dict[str, int] = {}
    broken = 0
    for url in relative_links(text.markdown):
        path = unquote(urlsplit(url).path)
        if not posixpath.splitext(path)[1]:
            continue  # a folder or a page address: MkDocs leaves it as it is
        for page in text.pages:
            target = link_target(page, url)
            if target in site.files:
                continue
            line, column = _locate(text, url, searched_from)
            hint = _suggestion(page, target, site) if broken < MAX_SUGGESTIONS else ""
            sink.error(line, column, "broken-link", _broken_message(url, page, target, site, hint))
            broken += 1
            break


def _locate(text: Text, url: str, searched_from: dict[str, int]) -> tuple[int, int]:
    """The line and column of ``url`` in the text, after its previous occurrence."""
    markdown_text = text.markdown
    start = searched_from.get(url, 0)
    index = -1
    for needle in (url, urlsplit(url).path, posixpath.basename(urlsplit(url).path)):
        if needle:
            index = markdown_text.find(needle, start)
            if index != -1:
                break
    if index == -1:
        return text.first_line, 1
    searched_from[url] = index + 1
    line_start = markdown_text.rfind("\n", 0, index) + 1
    return text.first_line + markdown_text.count("\n", 0, index), index - line_start + 1


def _broken_message(url: str, page: str, target: str, site: SiteMap, hint: str) -> str:
    address = "/" + page_folder(page)
    if site.is_changing(target):
        return (
            f'Linkki "{url}" osoittaa listan jatkosivulle tai haun tiedostoon ({target}). Ne '
            "vaihtuvat kokoelman kasvaessa, joten niihin ei voi linkittää. Linkitä listan "
            "ensimmäiseen sivuun."
        )
    where = "sivuston ulkopuolelle" if target.startswith("../") or target == ".." else f"tiedostoon {target}"
    return (
        f'Linkin "{url}" kohdetta ei ole sivustolla: sivulla {address} se osoittaisi {where}. '
        f"Suhteellinen linkki luetaan kuin sivu olisi tiedosto {page}.{hint} Korjaa linkki tai "
        "poista se; muiden sivustojen osoitteet alkavat https://."
    )


def _suggestion(page: str, target: str, site: SiteMap) -> str:
    """ " Tarkoititko …?" with the link to the file a link to ``target`` most likely meant, or ""."""
    found = _meant_file(page, target, site)
    if found is None:
        return ""
    return f' Tarkoititko "{posixpath.relpath(found, posixpath.dirname(page) or ".")}"?'


def _meant_file(page: str, target: str, site: SiteMap) -> str | None:
    """The published file a link from ``page`` to ``target`` was most likely meant for: one of
    the same name in a folder much like its own (a typo in a folder, one ../ too many), else
    one with a name much like its own in its folder (a typo in the name)."""
    name, folder = posixpath.basename(target), posixpath.dirname(target)
    language = split_src_uri(page)[0]
    same_name = {
        posixpath.dirname(f): f
        for f in site.by_name.get(name, ())
        if f != page and split_src_uri(f)[0] == language
    }
    same_folder = {posixpath.basename(f): f for f in site.by_folder.get(folder, ()) if f != page}
    found = _closest(folder, same_name) or _closest(name, same_folder)
    if found is None and len(same_name) == 1 and name not in ("index.md", "README.md"):
        (found,) = same_name.values()
    return found


def _closest(word: str, choices: dict[str, str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.8)
    return choices[close[0]] if close else None
