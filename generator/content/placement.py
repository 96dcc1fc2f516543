"""Hand-written files where the site has something of its own: a file where the build writes
one (``page-clash``), or a page at the address of another page, of which MkDocs would keep only
one (``page-dropped``). The site is the :class:`~generator.content.site_map.SiteMap`."""

from __future__ import annotations

from collections import defaultdict

from generator.content.catalogue import Catalogue
from generator.content.site_map import SiteMap, fallback_pages, page_address, page_folder
from generator.core.problems import Problem, ProblemSink
from generator.i18n.languages import PRIMARY, split_src_uri


def check_placement(catalogue: Catalogue, site: SiteMap, problems: list[Problem]) -> None:
    """A hand-written file must neither be where the build writes a file of its own
    (``page-clash``) nor be a page at the address of another page (``page-dropped``)."""
    clashing = _report_clashes(catalogue, site, problems)
    fallbacks = fallback_pages(catalogue, site.generated)
    # The hand-written pages and their fallbacks by address; a generated page is looked up by
    # the two paths that give an address (x.md and x/index.md), not listed: there are many.
    addresses: dict[str, list[str]] = defaultdict(list)
    for uri in sorted({*catalogue.pages, *fallbacks}):
        addresses[page_address(uri)].append(uri)
    docs = catalogue.schema.site.docs_directory
    for uri in sorted(catalogue.pages):
        if uri in clashing:
            continue
        others = [o for o in addresses[page_address(uri)] if o != uri] + _generated_at(uri, site)
        if others:
            what = _describe(others[0], catalogue, site, fallbacks)
            ProblemSink(f"{docs}/{uri}", problems).error(
                1,
                1,
                "page-dropped",
                f"Sivu julkaistaisiin osoitteeseen /{page_folder(uri)}, johon tulee jo {what}. Vain "
                "toinen niistä jäisi sivustolle. Nimeä tiedosto uudelleen tai siirrä se toiseen "
                "kansioon.",
            )


def _report_clashes(catalogue: Catalogue, site: SiteMap, problems: list[Problem]) -> set[str]:
    """A page-clash for each hand-written file where the build writes a file; their paths."""
    docs = catalogue.schema.site.docs_directory
    clashing: set[str] = set()
    for uri in [*catalogue.pages, *(p.removeprefix(docs + "/") for p in catalogue.static_files)]:
        source = site.generated.get(uri)
        if source is None and not site.is_changing(uri):
            continue
        clashing.add(uri)
        ProblemSink(f"{docs}/{uri}", problems).error(1, 1, "page-clash", _clash_message(uri, source, docs))
    return clashing


def _generated_at(uri: str, site: SiteMap) -> list[str]:
    """The generated pages published at the address of the page ``uri``."""
    folder = page_folder(uri).rstrip("/")
    if not folder:
        return ["index.md"] if "index.md" in site.generated else []
    return [g for g in (f"{folder}.md", f"{folder}/index.md") if g in site.generated]


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
