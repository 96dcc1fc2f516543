"""The injection corpus against the checker, without a browser.

tests/injection/ places every payload in every field and body. Here: every refused placement is
refused with its rule at the exact line and column of the value; every accepted placement passes
the check; addresses a browser would run (javascript:, data:, vbscript:, disguised or not) are
refused in every address field and never come out of Markdown as a link; and the accepted
bodies render, with the site's own Markdown extensions, to HTML without script. The browser test
(tests/browser/test_injection_in_browser.py) then builds the accepted placements and visits them.
"""

from __future__ import annotations

import base64
import html
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml

from generator.content.body import check_body
from generator.content.characters import CONTROL_CHARACTER
from generator.content.check import check_catalogue
from generator.content.markup import violations
from generator.core.problems import ProblemSink
from tests.engines import ENGINES, page_file
from tests.injection.allowlist import body_region
from tests.injection.corpus import (
    MARKER_WORD,
    build_corpus,
    normalise,
    places,
    write_accepted,
    write_rejected,
)
from tests.injection.payloads import BY_ID, FLAG, LINK_FORMS, PAYLOADS, link_form
from tests.support import REPO_ROOT, located

SCRIPT_SCHEMES = {"javascript", "data", "vbscript"}
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.\-]*):")


def browser_scheme(value: str) -> str | None:
    """The scheme a browser reads from an attribute value (WHATWG HTML and URL): character
    references decoded, NUL replaced, C0 controls and spaces stripped at both ends, tabs and
    newlines removed anywhere. None for a relative address."""
    value = html.unescape(value).replace("\x00", "\ufffd")
    value = value.strip("".join(map(chr, range(0x21)))).replace("\t", "").replace("\n", "").replace("\r", "")
    match = _SCHEME.match(value)
    return match.group(1).lower() if match else None


class _Elements(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def script_in(rendered: str) -> list[str]:
    """What in ``rendered`` HTML could run script: script elements, event handlers, frames, and
    addresses with a script scheme."""
    parser = _Elements()
    parser.feed(rendered)
    found = []
    for tag, attrs in parser.tags:
        if tag in {"script", "iframe", "object", "embed", "frame", "base", "meta", "svg", "math", "style"}:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on") or name == "srcdoc":
                found.append(f"<{tag} {name}>")
            elif (
                name in {"href", "src", "action", "formaction"}
                and browser_scheme(value or "") in SCRIPT_SCHEMES
            ):
                found.append(f"<{tag} {name}={value!r}>")
    return found


def site_markdown() -> markdown.Markdown:
    """Python-Markdown with the extensions and settings of the shipped mkdocs.yml."""
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        names.append(name)
        settings[name] = options or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


@pytest.fixture(scope="module")
def corpus():
    return build_corpus()


# -- the corpus itself -------------------------------------------------------------------------


def test_the_corpus_has_enough_payloads_with_stable_ids():
    assert len(PAYLOADS) >= 40
    assert all(re.fullmatch(r"p\d\d", payload.id) for payload in PAYLOADS)
    assert len({payload.id for payload in PAYLOADS}) == len(PAYLOADS)
    # Each payload carries a script that sets the flag to the payload's own id (a data: address
    # carries it encoded).
    for payload in PAYLOADS:
        assert payload.script == f"window.{FLAG}=/{payload.id}/.source"
        encoded = payload.text.split("base64,", 1)[1] if "base64," in payload.text else ""
        assert payload.script in payload.text or payload.script in base64.b64decode(encoded).decode()


def test_the_places_are_every_leaf_of_the_schema(schema):
    """Read generator/core/schema.yml on its own: every field without sub-fields, per entry kind."""
    raw = yaml.safe_load((REPO_ROOT / "generator/core/schema.yml").read_text(encoding="utf-8"))

    def leaves(fields, prefix):
        for spec in fields:
            name = f"{prefix}{spec['name']}"
            if spec["type"] in {"texts", "ids", "refs", "paths", "urls", "objects"}:
                name += ".0"
            if spec.get("fields"):
                yield from leaves(spec["fields"], name + ".")
            else:
                yield name

    expected = {(entry["kind"], name) for entry in raw["entries"] for name in leaves(entry["fields"], "")}
    # Not translations.fi: the corpus entries are Finnish (corpus.OWN_LANGUAGE); sv and en stand in.
    expected = {(kind, name) for kind, name in expected if not name.startswith("translations.fi.")}
    assert {(place.kind, place.name) for place in places(schema)} == expected
    assert {
        ("experiment", "organisers.0.name"),
        ("experiment", "contact.email"),
        ("learning", "sources.0"),
    } <= expected


def test_every_payload_is_in_every_place(corpus, schema):
    where = {(pid, place) for pid, place, _ in corpus.placements}
    for payload in PAYLOADS:
        for place in places(schema):
            assert (payload.id, f"{place.kind}.{place.name}") in where
        for kind in ("experiment", "learning"):
            assert (payload.id, f"{kind}.body") in where
            for form in LINK_FORMS if payload.links else ():
                assert (payload.id, f"{kind}.body.{form}") in where


def test_every_payload_reaches_the_site_somewhere(corpus):
    """Each payload is accepted in some place, so the browser test really loads it; only the
    long text with HTML at its end is refused everywhere (too long for every text field), and
    the payloads with a control character (refused in every field and body)."""
    accepted = {pid for pid, _, ok in corpus.placements if ok}
    controls = {p.id for p in PAYLOADS if CONTROL_CHARACTER.search(p.text)}
    assert controls == {"p35", "p71", "p72", "p76", "p86"}
    assert set(BY_ID) - accepted == {"p58"} | controls
    assert not any(ok for pid, _, ok in corpus.placements if pid in controls)
    # And every other short payload is a title (shown in <title>, the h1, listings and the finder).
    for payload in PAYLOADS:
        if len(normalise(payload.text)) <= 120 and payload.id not in controls:
            assert (payload.id, "experiment.title", True) in corpus.placements
            assert (payload.id, "learning.title", True) in corpus.placements


# -- the checker ---------------------------------------------------------------------------------


# The corpus puts one payload in every field, the originals and their translations alike: the
# translation review's warnings about copies and languages (generator/content/translation_review.py)
# say nothing about injection.
REVIEW_RULES = {"translation-copy", "translation-language", "glossary-term"}


def test_every_refused_placement_is_refused_with_its_rule_at_the_value(corpus, tmp_path):
    root = tmp_path / "catalogue"
    write_rejected(root)
    catalogue = check_catalogue(root)
    reported = {p for p in located(catalogue) if p[3] not in REVIEW_RULES}
    missing = sorted(corpus.refusals - reported)
    unexpected = sorted(reported - corpus.refusals)
    assert missing == [] and unexpected == [], f"missing: {missing[:10]}\nunexpected: {unexpected[:10]}"
    # Nothing refused is published: only the base experiment is left in the catalogue.
    assert list(catalogue.experiments) == [corpus.base_experiment]
    assert list(catalogue.learnings) == []
    assert len(corpus.refusals) >= 1000


def test_every_accepted_placement_passes_the_check(corpus, tmp_path):
    root = tmp_path / "site"
    write_accepted(root)
    catalogue = check_catalogue(root)
    assert [p for p in catalogue.problems if p.rule not in REVIEW_RULES] == []
    published = {e.url for e in (*catalogue.experiments.values(), *catalogue.learnings.values())}
    assert {shown.url for shown in corpus.shown} <= published
    assert set(corpus.themes) <= set(catalogue.vocabularies["teemat"].ids)


def test_script_addresses_are_refused_in_every_address_field(corpus, schema):
    address_places = [p for p in places(schema) if p.spec.type == "url"]
    assert {(p.kind, p.name) for p in address_places} >= {
        ("experiment", "sources.0"),
        ("experiment", "contact.url"),
    }
    running = [p for p in PAYLOADS if browser_scheme(p.text) in SCRIPT_SCHEMES]
    assert len(running) >= 15
    for payload in running:
        for place in address_places:
            assert (payload.id, f"{place.kind}.{place.name}", False) in corpus.placements


def test_script_addresses_never_come_out_of_markdown_as_links(corpus):
    """In every link form a script address is refused, or Markdown makes no link of it (then
    it is text, and the browser test shows it harmless)."""
    md = site_markdown()
    running = [p for p in PAYLOADS if p.links is not None and browser_scheme(p.text) in SCRIPT_SCHEMES]
    refused = 0
    for payload in running:
        for form in LINK_FORMS:
            body = link_form(form, payload.id, payload.text)
            if (payload.id, f"experiment.body.{form}", False) in corpus.placements:
                refused += 1
                continue
            md.reset()
            assert script_in(md.convert(body)) == [], (payload.id, form)
    assert refused >= len(running) * 4


def test_accepted_bodies_render_without_script(corpus):
    md = site_markdown()
    bodies = [text for path, text in corpus.accepted.items() if path.startswith(("experiments/", "content/"))]
    assert len(bodies) > len(PAYLOADS)
    for text in bodies:
        body = text.split("\n---\n", 1)[1] if text.startswith("---\n") else text
        md.reset()
        assert script_in(md.convert(body)) == [], body[:200]


@pytest.mark.parametrize(
    ("address", "scheme"),
    [
        ("javascript:x", "javascript"),
        (" \x01JaVa\tScRiPt:x", "javascript"),
        ("&#106;avascript:x", "javascript"),
        ("&#0000106avascript:x", "javascript"),
        ("java&#x09;script:x", "javascript"),
        ("java\u200bscript:x", None),
        ("%6Aavascript:x", None),
        ("https://www.example.fi/", "https"),
    ],
)
def test_the_test_reads_schemes_the_way_a_browser_does(address, scheme):
    assert browser_scheme(address) == scheme


# -- regressions found with the corpus (generator/content/body.py) ------------------------------------


def _problems(text: str) -> set[tuple[int, int, str]]:
    sink = ProblemSink("x.md")
    check_body(text, 1, sink)
    return {(p.line, p.column, p.rule) for p in sink.problems}


def test_a_character_reference_is_text_whatever_else_the_body_holds():
    # Was raw-html when the body also had a link (then the body was parsed), and fine otherwise.
    assert _problems("R&amp;D ja &lt;b&gt;\n") == set()
    assert _problems("R&amp;D ja &lt;b&gt; [linkki](https://www.example.fi/)\n") == set()


def test_a_tab_inside_a_scheme_is_located_at_the_address():
    # Markdown expands the tab; the location was line 1, column 1.
    assert _problems("Teksti.\n\nLue [tästä](java\tscript:alert(1)).\n") == {(3, 13, "unsafe-link")}


@pytest.mark.parametrize("invisible", ["\u202e", "\u2066", "\u00ad", "\u00a0", "\u3000"])
def test_invisible_formatting_before_a_scheme_does_not_hide_it(invisible):
    # Bidi controls, the soft hyphen and no-break spaces were not dropped before the scheme was read.
    problems = _problems(f'[a](https://www.example.fi/){{ href="{invisible}javascript:x" }}\n')
    column = 38 if invisible.isspace() else 37  # at the address, or at the invisible character
    assert problems == {(1, column, "unsafe-link")}


def test_a_character_reference_in_an_attr_list_address_names_the_real_scheme():
    sink = ProblemSink("x.md")
    check_body('[a](https://www.example.fi/){ href="java&#x09;script:x" }\n', 1, sink)
    # Was a raw-html problem for the reference plus an unsafe-link for the scheme "?" at 1:1.
    assert [(p.line, p.column, p.rule) for p in sink.problems] == [(1, 37, "unsafe-link")]
    assert '"javascript:"' in sink.problems[0].message


def test_an_attribute_name_attr_list_rewrites_is_located_where_it_was_written():
    text = '[a](https://www.example.fi/){ #x"onclick="alert(1) }\n'
    assert _problems(text) == {(1, 34, "unsafe-attribute")}


# -- every engine renders the accepted bodies within the allowlist ----------------------------


def _body_pages(corpus) -> dict[str, bool]:
    """The site path of every page showing an accepted body or intro of the corpus, in every
    language, and whether the body is wrapped there (the corpus is written in Finnish)."""
    urls = [shown.url for shown in corpus.shown if shown.body]
    urls += [f"/teemat/{theme}/" for theme, payloads in corpus.intros.items() if payloads]
    return {f"{prefix}{url}": bool(prefix) for url in urls for prefix in ("", "/sv", "/en")}


@pytest.mark.e2e
@pytest.mark.parametrize("engine", ENGINES)
def test_accepted_bodies_render_within_the_allowlist_on_every_engine(engine, injection_site):
    """The differential test of issue 18: every accepted body and intro, on its Finnish page and
    wrapped on its Swedish and English pages, as MkDocs, ProperDocs and Zensical build it, holds
    only the elements and attributes of the allowlist (generator/content/markup.py), and on a page in
    another language the wrapper is its only top-level element."""
    corpus, _, site = injection_site(engine)
    pages = _body_pages(corpus)
    assert len(pages) >= 3 * len(PAYLOADS)
    problems = []
    for url, wrapped in sorted(pages.items()):
        region = body_region(page_file(site, url).read_text(encoding="utf-8"))
        if MARKER_WORD not in region:
            problems.append(f"{url}: no body")
        problems.extend(f"{url}: {found}" for found in violations(region, wrapped=wrapped))
    assert problems == []
