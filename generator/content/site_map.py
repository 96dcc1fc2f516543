"""The site as the build will publish it, known before it is planned.

``kokeilu check`` must refuse what would stop ``mkdocs build --strict`` or silently lose a page
(docs/rules.md): a relative link to a file the site does not have (``broken-link``,
:mod:`generator.content.links`), a hand-written file where the catalogue generates a page or a
file (``page-clash``), and a hand-written page published at the address of another page, of which
MkDocs would keep only one (``page-dropped``; both :mod:`generator.content.placement`). Planning
the site renders every page in every language, several times the cost of the check, so the
:class:`SiteMap` is predicted from the checked files instead; a test holds it to the plan of
:func:`generator.site.planner.plan_site`.

A text is published on the pages :func:`published_texts` gives: an experiment's body on
``kokeilut/<slug>.md`` and on ``sv/kokeilut/<slug>.md`` and ``en/kokeilut/<slug>.md`` unless a
translated body replaces it there; a learning's on ``opit/<slug>.md``; an intro on its page; a
hand-written Finnish page on its own path and, where that language has no version of it, on
``sv/`` and ``en/``. The continuation pages of a listing (``…/sivu/2/``) and the finder's data
files are not linkable: they change with the catalogue.
"""

from __future__ import annotations

import functools
import posixpath
from collections import defaultdict
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass

from generator.content.catalogue import Catalogue
from generator.content.taxonomy import term_ids
from generator.content.vocabulary import Vocabulary
from generator.core.model import Entry
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
    finnish, listings = _finnish_pages(catalogue)
    sources = {src_uri_for(catalogue.schema.entry(f.kind).url_for(f.slug)): f.path for f in catalogue.files}
    generated: dict[str, str] = {}
    for code in CODES:
        generated.update({src_uri_in(uri, code): "" for uri in finnish})
        generated.update({src_uri_in(uri, code): source for uri, source in sources.items()})
        generated[feed_file(code)] = ""
    generated.update(dict.fromkeys((FINDER_ASSET_DIR + name for name in (*BROWSER_FILES, FINDER_SCRIPT)), ""))
    generated.update(dict.fromkeys(OPEN_DATA_FILES, ""))
    written = catalogue.hand_written_files - generated.keys()
    changing = [f"{url.strip('/')}/{PAGE_SEGMENT}/" for url in listings] + [FINDER_DATA_DIR]
    return SiteMap(
        files=frozenset(generated.keys() | written | set(fallback_pages(catalogue, generated))),
        generated=generated,
        changing=tuple(sorted(src_uri_in(folder, code) for code in CODES for folder in changing)),
    )


def _finnish_pages(catalogue: Catalogue) -> tuple[list[str], list[str]]:
    """The Finnish pages the site makes of its own, but for the entries' (docs-relative), and
    the addresses of the listings among them, which continue on pages that come and go."""
    schema = catalogue.schema
    listings = [schema.experiment.listing_url, schema.learning.listing_url]
    urls = [HOME_URL, FINDER_URL, STATISTICS_URL, OPEN_DATA_URL, *listings]
    finnish = [src_uri_for(url, index=True) for url in urls]
    experiments = list(catalogue.experiments.values())
    for taxonomy in schema.taxonomies:
        finnish.append(src_uri_for(taxonomy.url, index=True))
        vocabulary = catalogue.vocabularies.get(taxonomy.vocabulary)
        if vocabulary is not None:
            terms = [taxonomy.term_url(term) for term in _term_pages(taxonomy, vocabulary, experiments)]
            finnish += [src_uri_for(url) for url in terms]
            listings += terms
    return finnish, listings


def _term_pages(taxonomy: TaxonomySpec, vocabulary: Vocabulary, experiments: list[Entry]) -> list[str]:
    """The terms with a page, as :func:`generator.content.taxonomy.group_terms` gives them: every term of
    the vocabulary, and the extra terms (nationwide, unknown) some experiment is listed under."""
    extra = [x.id for x in (taxonomy.empty_term, taxonomy.unknown_term) if x is not None]
    used = {term for e in experiments for term in term_ids(e, taxonomy)} if extra else set()
    return [t.id for t in vocabulary] + [term for term in extra if term in used]


def fallback_pages(catalogue: Catalogue, generated: dict[str, str]) -> dict[str, str]:
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


def page_address(src_uri: str) -> str:
    """The file MkDocs writes a page to (directory URLs): "opit/x.md" and "opit/x/index.md" both
    go to "opit/x/index.html"; README.md counts as index.md."""
    folder, name = posixpath.split(src_uri.removesuffix(".md"))
    if name in ("index", "README"):
        return posixpath.join(folder, "index.html")
    return posixpath.join(folder, name, "index.html")


def page_folder(src_uri: str) -> str:
    """The address of a page's folder, without the leading slash: "opit/x.md" → "opit/x/"."""
    return page_address(src_uri).removesuffix("index.html")
