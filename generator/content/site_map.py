"""The site as the build will publish it, known before it is planned, and the checks that need it.

``kokeilu check`` must refuse what would stop ``mkdocs build --strict`` or silently lose a page
(docs/rules.md): a relative link to a file the site does not have (``broken-link``), a
hand-written file where the catalogue generates a page or a file (``page-clash``), and a
hand-written page published at the address of another page, of which MkDocs would keep only
one (``page-dropped``). Planning the site renders every page in every language, several times the
cost of the check, so the :class:`SiteMap` is predicted from the checked files instead; a test
holds it to the plan of :func:`generator.site.planner.plan_site`.

A relative link is resolved the way MkDocs resolves it, from the docs-relative path of the page
it is published on: an experiment's body on ``kokeilut/<slug>.md`` and on
``sv/kokeilut/<slug>.md`` and ``en/kokeilut/<slug>.md`` unless a translated body replaces it
there; a learning's on ``opit/<slug>.md``; an intro on its page; a hand-written Finnish page on
its own path and, where that language has no version of it, on ``sv/`` and ``en/``. Like MkDocs,
a link without a file extension in its last part (a folder such as ``../osallistu/``) is left
alone. The continuation pages of a listing (``…/sivu/2/``) and the finder's data files are not
linkable: they change with the catalogue.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from generator.content.catalogue import Catalogue
from generator.content.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS
from generator.content.taxonomy import term_ids
from generator.content.vocabulary import Vocabulary
from generator.core.model import Entry
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import TaxonomySpec
from generator.core.urls import (
    BROWSER_FILES,
    FINDER_ASSET_DIR,
    FINDER_DATA_DIR,
    FINDER_SCRIPT,
    FINDER_URL,
    HOME_URL,
    OPEN_DATA_FILES,
    OPEN_DATA_URL,
    PAGE_SEGMENT,
    STATISTICS_URL,
)
from generator.i18n.languages import CODES, PRIMARY, feed_file, split_src_uri, src_uri_in
from generator.i18n.presentation import src_uri_for

# Broken links in one file that get a suggestion (each costs a search among the site's files).
MAX_SUGGESTIONS = 20
# Text that may hold a relative link: "](" or "]:" not followed by an absolute address or "#".
_MAYBE_RELATIVE = re.compile(r"\][(:][ \t]*\n?[ \t]*<?(?!https?:|mailto:|#)", re.IGNORECASE)


@dataclass(frozen=True)
class SiteMap:
    """Every docs-relative file the build publishes (``files``), the generated ones among them
    with the root-relative file each is made from ("" for none), and the folders where the
    build writes files that come and go with the catalogue: the continuation pages of each
    listing (``kokeilut/sivu/``) and the finder's data (``haku/data/``)."""

    files: frozenset[str]
    generated: dict[str, str]
    changing: tuple[str, ...]

    def is_changing(self, src_uri: str) -> bool:
        return src_uri.startswith(self.changing)

    @functools.cached_property
    def by_name(self) -> dict[str, list[str]]:
        """The files by their name, then by their folder (for suggestions)."""
        return _group(self.files, posixpath.basename)

    @functools.cached_property
    def by_folder(self) -> dict[str, list[str]]:
        return _group(self.files, posixpath.dirname)


def _group(files: Iterable[str], key: Callable[[str], str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for file in sorted(files):
        groups[key(file)].append(file)
    return groups


@dataclass(frozen=True, slots=True)
class Text:
    """Markdown of one file and the docs-relative paths of the pages it is published on."""

    path: str  # root-relative file
    markdown: str
    first_line: int
    pages: tuple[str, ...]


def map_site(catalogue: Catalogue) -> SiteMap:
    """The site of a checked catalogue (valid or not: every entry file found has its page, so a
    link to an entry that has errors is not reported as broken too)."""
    schema = catalogue.schema
    generated: dict[str, str] = {}
    finnish = [
        src_uri_for(url, index=True)
        for url in (
            HOME_URL,
            FINDER_URL,
            STATISTICS_URL,
            OPEN_DATA_URL,
            schema.experiment.listing_url,
            schema.learning.listing_url,
        )
    ]
    sources = {src_uri_for(schema.entry(f.kind).url_for(f.slug)): f.path for f in catalogue.files}
    experiments = list(catalogue.experiments.values())
    listings = [schema.experiment.listing_url, schema.learning.listing_url]
    for taxonomy in schema.taxonomies:
        finnish.append(src_uri_for(taxonomy.url, index=True))
        vocabulary = catalogue.vocabularies.get(taxonomy.vocabulary)
        if vocabulary is not None:
            urls = [taxonomy.term_url(term) for term in _term_pages(taxonomy, vocabulary, experiments)]
            finnish += [src_uri_for(url) for url in urls]
            listings += urls
    changing = [f"{url.strip('/')}/{PAGE_SEGMENT}/" for url in listings] + [FINDER_DATA_DIR]
    for code in CODES:
        generated.update({src_uri_in(uri, code): "" for uri in finnish})
        generated.update({src_uri_in(uri, code): source for uri, source in sources.items()})
        generated[feed_file(code)] = ""
    generated.update(dict.fromkeys((FINDER_ASSET_DIR + name for name in (*BROWSER_FILES, FINDER_SCRIPT)), ""))
    generated.update(dict.fromkeys(OPEN_DATA_FILES, ""))
    written = catalogue.hand_written_files - generated.keys()
    return SiteMap(
        files=frozenset(generated.keys() | written | set(_fallbacks(catalogue, generated))),
        generated=generated,
        changing=tuple(sorted(src_uri_in(folder, code) for code in CODES for folder in changing)),
    )


def _term_pages(taxonomy: TaxonomySpec, vocabulary: Vocabulary, experiments: list[Entry]) -> list[str]:
    """The terms with a page, as :func:`generator.content.taxonomy.group_terms` gives them: every term of
    the vocabulary, and the extra terms (nationwide, unknown) some experiment is listed under."""
    extra = [x.id for x in (taxonomy.empty_term, taxonomy.unknown_term) if x is not None]
    used = {term for e in experiments for term in term_ids(e, taxonomy)} if extra else set()
    return [t.id for t in vocabulary] + [term for term in extra if term in used]


def _fallbacks(catalogue: Catalogue, generated: dict[str, str]) -> dict[str, str]:
    """The Swedish and English versions the plan makes of a Finnish hand-written page that has
    none (:func:`generator.site.planner.fallback_pages`), each with its Finnish page."""
    found: dict[str, str] = {}
    for uri in catalogue.pages:
        if split_src_uri(uri)[0] != PRIMARY or uri in generated:
            continue
        for code in CODES:
            target = src_uri_in(uri, code)
            if code != PRIMARY and target not in catalogue.pages and target not in generated:
                found[target] = uri
    return found


def published_texts(catalogue: Catalogue) -> Iterator[Text]:
    """Every body, intro and hand-written page, with the pages it is shown on."""
    for entry in (*catalogue.experiments.values(), *catalogue.learnings.values()):
        page = src_uri_for(entry.url)
        translated = catalogue.bodies.get(entry.path, {})
        shown = tuple(src_uri_in(page, code) for code in CODES if code not in translated)
        yield Text(entry.path, entry.body, entry.body_line, shown)
        for code, text in sorted(translated.items()):
            translation = f"{entry.path.removesuffix('.md')}.{code}.md"
            yield Text(translation, text, 1, (src_uri_in(page, code),))
    for uri, intro in sorted(catalogue.intros.items()):
        yield Text(intro.path, intro.markdown, intro.first_line, _shown_at(uri, catalogue.intros))
    for uri, page in sorted(catalogue.pages.items()):
        yield Text(page.path, page.markdown, page.first_line, _shown_at(uri, catalogue.pages))


def _shown_at(uri: str, own: Container[str]) -> tuple[str, ...]:
    """A Finnish intro or page is also shown in each language that has no version of its own."""
    if split_src_uri(uri)[0] != PRIMARY:
        return (uri,)
    return (uri, *(src_uri_in(uri, c) for c in CODES if c != PRIMARY and src_uri_in(uri, c) not in own))


def check_site(catalogue: Catalogue, problems: list[Problem]) -> None:
    """Report broken relative links, page clashes and dropped pages.

    The links of a file with an error are looked at once that error is fixed: its body may be
    one the body rules refuse unparsed (``body-too-complex``), which must never be parsed."""
    site = map_site(catalogue)
    failed = {p.path for p in problems if p.is_error}
    for text in published_texts(catalogue):
        if text.path not in failed:
            check_links(text, site, ProblemSink(text.path, problems))
    check_placement(catalogue, site, problems)


# --- links -----------------------------------------------------------------------------------


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
    md = markdown.Markdown(extensions=list(SITE_EXTENSIONS), extension_configs=SITE_EXTENSION_CONFIGS)
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
    address = "/" + _directory(page)
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
    """A link from ``page`` to the published file ``target`` was most likely meant for: one of
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
    if found is None:
        return ""
    return f' Tarkoititko "{posixpath.relpath(found, posixpath.dirname(page) or ".")}"?'


def _closest(word: str, choices: dict[str, str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(choices), n=1, cutoff=0.8)
    return choices[close[0]] if close else None


# --- clashes and dropped pages -------------------------------------------------------------


def page_address(src_uri: str) -> str:
    """The file MkDocs writes a page to (directory URLs): "opit/x.md" and "opit/x/index.md" both
    go to "opit/x/index.html"; README.md counts as index.md."""
    folder, name = posixpath.split(src_uri.removesuffix(".md"))
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return posixpath.join(folder, name, "index.html")


def _directory(src_uri: str) -> str:
    return page_address(src_uri).removesuffix("index.html")


def check_placement(catalogue: Catalogue, site: SiteMap, problems: list[Problem]) -> None:
    """A hand-written file must neither be where the build writes a file of its own
    (``page-clash``) nor be a page at the address of another page (``page-dropped``)."""
    docs = catalogue.schema.site.docs_directory
    clashing: set[str] = set()
    for uri in [*catalogue.pages, *(p.removeprefix(docs + "/") for p in catalogue.static_files)]:
        source = site.generated.get(uri)
        if source is None and not site.is_changing(uri):
            continue
        clashing.add(uri)
        ProblemSink(f"{docs}/{uri}", problems).error(1, 1, "page-clash", _clash_message(uri, source, docs))
    fallbacks = _fallbacks(catalogue, site.generated)
    # The hand-written pages and their fallbacks by address; a generated page is looked up by
    # the two paths that give an address (x.md and x/index.md), not listed: there are many.
    addresses: dict[str, list[str]] = defaultdict(list)
    for uri in sorted({*catalogue.pages, *fallbacks}):
        addresses[page_address(uri)].append(uri)
    for uri in sorted(catalogue.pages):
        if uri in clashing:
            continue
        folder = _directory(uri).rstrip("/")
        generated = [g for g in (f"{folder}.md", f"{folder}/index.md") if folder and g in site.generated]
        generated += ["index.md"] if not folder and "index.md" in site.generated else []
        others = [o for o in addresses[page_address(uri)] if o != uri] + generated
        if others:
            what = _describe(others[0], catalogue, site, fallbacks)
            ProblemSink(f"{docs}/{uri}", problems).error(
                1,
                1,
                "page-dropped",
                f"Sivu julkaistaisiin osoitteeseen /{_directory(uri)}, johon tulee jo {what}. Vain "
                "toinen niistä jäisi sivustolle. Nimeä tiedosto uudelleen tai siirrä se toiseen "
                "kansioon.",
            )


def _describe(uri: str, catalogue: Catalogue, site: SiteMap, fallbacks: dict[str, str]) -> str:
    docs = catalogue.schema.site.docs_directory
    if uri in catalogue.pages:
        return f"sivu {docs}/{uri}"
    if uri in fallbacks:
        return f"sivun {docs}/{fallbacks[uri]} kieliversio"
    source = site.generated.get(uri)
    return f"tiedostosta {source} tehty sivu" if source else "sivuston itse tekemä sivu"


def _clash_message(uri: str, source: str | None, docs: str) -> str:
    """Why a hand-written file cannot be at ``uri`` (``source``: None in a reserved folder)."""
    if source is None:
        return (
            f"Sivusto kirjoittaa listojen jatkosivut ja haun tiedostot kansioon, jossa {docs}/{uri} "
            "on, joten tätä tiedostoa ei voi julkaista. Siirrä se toiseen kansioon."
        )
    language = split_src_uri(uri)[0]
    if not source:
        fix = "Siirrä tiedosto toiseen kansioon tai nimeä se uudelleen."
    elif language != PRIMARY:
        fix = (
            "Käännetty kuvaus kirjoitetaan alkuperäisen tiedoston viereen, esimerkiksi "
            f"{source.removesuffix('.md')}.{language}.md, ja käännetty otsikko ja tiivistelmä sen "
            "kenttään translations."
        )
    else:
        fix = f"Muokkaa tiedostoa {source} tai poista tämä tiedosto."
    made = f"tiedostosta {source}" if source else "itse"
    return (
        f"Sivusto tekee sivun tai tiedoston {uri} {made}, joten tiedostoa {docs}/{uri} ei voi "
        f"julkaista: rakennus pysähtyisi. {fix}"
    )
