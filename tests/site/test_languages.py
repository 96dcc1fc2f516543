"""The site in Finnish (/), Swedish (/sv/) and English (/en/): what a reader of each version sees.

Plan-level tests read the page plan of the shipped catalogue (grown by tests/growth.py);
site-level tests read the one session build (``built_site``). Each checks every entry against its
own data, never a particular entry.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
import yaml
from markupsafe import escape

from generator.i18n import translation
from generator.i18n.languages import CODES, LANGUAGES, translations_of, url_in
from generator.site.planner import plan_site

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def plan(shipped):
    return plan_site(shipped, site_url="https://example.fi/kk/")


def _html(site, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


# -- the plan ---------------------------------------------------------------------------------


def test_every_page_exists_in_every_language_at_the_same_path(plan, shipped):
    by_language = {code: {p.url for p in plan.pages if p.language == code} for code in CODES}
    finnish = by_language["fi"]
    assert finnish, "no Finnish pages"
    for code in ("sv", "en"):
        # Plus the fallbacks of hand-written pages without a translation: the field reference
        # (generated from the Finnish schema) and the guide for experimenters.
        fallbacks = {f"/{code}/osallistu/kentat/", f"/{code}/opas/"}
        assert by_language[code] - {url_in(url, code) for url in finnish} == fallbacks
        assert {url_in(url, code) for url in finnish} <= by_language[code], code
    slug = next(iter(shipped.experiments))
    assert f"/sv/kokeilut/{slug}/" in by_language["sv"]


def test_every_word_the_pages_use_is_translated(shipped, monkeypatch):
    """Plans the whole site with strict translators: a text missing from translations.yml fails."""
    strict = {code: translation.Translator(code, strict=True) for code in CODES}
    monkeypatch.setattr("generator.site.planner.translator", strict.__getitem__)
    monkeypatch.setattr("generator.site.feed.translator", strict.__getitem__)
    plan_site(shipped, site_url="https://example.fi/kk/")
    # mkdocs.yml's navigation titles are translated by the plugin from the same catalogue.
    config = (shipped.root / "mkdocs.yml").read_text(encoding="utf-8")
    nav = re.findall(r"^\s*- ([^:\n]+):", config.split("\nnav:\n", 1)[1], re.M)
    assert "Osallistu" in nav
    for title in nav:
        for code in ("sv", "en"):
            strict[code].gettext(title)
    # And so are the theme's own words (the header search, the feed link, the switcher).
    for text in translation.THEME_WORDS.values():
        for code in ("sv", "en"):
            strict[code].gettext(text)


NOTES = {
    "sv": "Det här innehållet har inte översatts ännu. Det visas på originalspråket ({}).",
    "en": "This content has not been translated yet. It is shown in its original language ({}).",
}


def _shown_languages(entry, code: str, bodies: dict) -> tuple[str, str, str]:
    """(title, summary, body) languages on the page in ``code``: each translated part in
    ``code``, the rest in the entry's own language."""
    original = entry.values.get("language") or "fi"
    if code == original:
        return code, code, code
    translation = translations_of(entry).get(code) or {}
    title = code if translation.get("title") else original
    summary = code if title == code and translation.get("summary") else original
    return title, summary, code if code in bodies else original


def test_every_entry_shows_its_translation_and_says_what_is_not_translated(plan, shipped):
    """On the Swedish and English page of every experiment and learning: the translated title,
    summary and body where there are ones, the rest in the original language marked with lang,
    and a note exactly when anything is not translated."""
    pages = {p.url: p for p in plan.pages}
    seen = set()
    for entry in [*shipped.experiments.values(), *shipped.learnings.values()]:
        original = entry.values.get("language") or "fi"
        bodies = shipped.bodies.get(entry.path, {})
        for code in ("sv", "en"):
            page = pages[url_in(entry.url, code)]
            title, summary, body = _shown_languages(entry, code, bodies)
            text = (translations_of(entry).get(code) or {}).get("title") if title != original else entry.title
            assert page.title == text, page.url
            lang = "" if title == code else f' lang="{title}"'
            assert f"<h1{lang}>{escape(text)}</h1>" in page.markdown, page.url
            if entry.kind == "experiment":
                lead = "" if summary == code else f' lang="{summary}"'
                assert f'<p class="kk-lead"{lead}>' in page.markdown, page.url
            note = NOTES[code].format(LANGUAGES[original].names[code])
            untranslated = code not in {title, summary, body} or {title, summary, body} != {code}
            assert (note in page.markdown) is untranslated, page.url
            wrapper = f'<div class="kk-original" lang="{original}" markdown="1">'
            assert (wrapper in page.markdown) is (body != code), page.url
            organisers = entry.values.get("organisers")
            if original != code and isinstance(organisers, list):
                # Names stay as they are, marked with their language: "Kansaneläkelaitos (Kela)".
                for organiser in organisers:
                    assert f'<span lang="{original}">{escape(organiser["name"])}</span>' in page.markdown
            seen.add((entry.kind, "note" if untranslated else "translated", title == code))
    # Whatever the catalogue holds, the growth has each case: wholly translated, a title only
    # over the original summary, and nothing translated.
    assert {("experiment", "translated", True), ("experiment", "note", True)} <= seen
    assert {("experiment", "note", False), ("learning", "note", False)} <= seen


def test_links_on_a_swedish_page_stay_in_swedish_and_files_are_shared(plan):
    page = next(p for p in plan.pages if p.url == "/sv/avoin-data/")
    links = re.findall(r"\]\(([^)]+)\)|href=\"([^\"]+)\"", page.markdown)
    targets = [a or b for a, b in links if not (a or b).startswith(("http", "#"))]
    # Pages: ../teemat/ from /sv/avoin-data/ stays under /sv/; files: ../../data/… are shared.
    assert any(t.endswith(".json") and t.startswith("../../") for t in targets)
    assert "../../feed.sv.xml" in targets  # the Swedish feed
    assert all(not t.endswith("/") or not t.startswith("../../") for t in targets), targets


def test_each_language_has_its_feed_with_links_to_the_others(plan, shipped):
    feeds = {f.src_uri: f.content for f in plan.files if re.fullmatch(r"feed(\.\w\w)?\.xml", f.src_uri)}
    assert set(feeds) == {"feed.xml", "feed.sv.xml", "feed.en.xml"}
    root = ET.fromstring(feeds["feed.sv.xml"])
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    assert root.find(f"{ATOM}title").text == "Försökskatalogen: de senaste försöken och lärdomarna"
    for item in root.findall(f"{ATOM}entry"):
        links = {link.get("hreflang"): link.get("href") for link in item.findall(f"{ATOM}link")}
        assert set(links) == {"fi", "sv", "en"}
        assert links["sv"].startswith("https://example.fi/kk/sv/")
        # A title shown in its original language says which.
        slug = links["fi"].rstrip("/").rsplit("/", 1)[-1]
        entry = shipped.experiments.get(slug) or shipped.learnings.get(slug)
        # (a title written in Swedish, or translated into it, is in the feed's language)
        swedish = entry.values.get("language") == "sv" or "sv" in translations_of(entry)
        assert (item.get("{http://www.w3.org/XML/1998/namespace}lang") is None) == swedish, slug
    # The ids are the same in every feed.
    ids = {
        code: [e.find(f"{ATOM}id").text for e in ET.fromstring(feeds[name]).findall(f"{ATOM}entry")]
        for code, name in (("fi", "feed.xml"), ("sv", "feed.sv.xml"))
    }
    assert ids["fi"] == ids["sv"]


def test_the_export_carries_every_language(plan, shipped):
    import json

    data = json.loads(next(f.content for f in plan.files if f.src_uri == "data/kokeilut.json"))
    records = data["experiments"] if isinstance(data, dict) else data
    assert [r["slug"] for r in records] == sorted(shipped.experiments)
    for record in records:
        given = translations_of(shipped.experiments[record["slug"]])
        exported = {code: value for code, value in (record["translations"] or {}).items() if value}
        assert set(exported) == set(given), record["slug"]
        for code, value in given.items():
            assert exported[code]["title"] == value["title"], (record["slug"], code)
            assert exported[code].get("summary") == value.get("summary"), (record["slug"], code)


# -- the built site ---------------------------------------------------------------------------


@pytest.mark.e2e
def test_each_version_is_in_its_language(built_site):
    for url, code in (
        ("/", "fi"),
        ("/sv/", "sv"),
        ("/en/", "en"),
        ("/sv/kokeilut/", "sv"),
        ("/en/haku/", "en"),
    ):
        html = _html(built_site, url)
        assert f'<html lang="{code}"' in html, url
    # Material's own words follow the page: its "skip to content" link.
    assert "Gå till innehållet" in _html(built_site, "/sv/")
    assert "Skip to content" in _html(built_site, "/en/")


@pytest.mark.e2e
def test_the_navigation_is_translated_and_stays_in_the_language(built_site):
    html = _html(built_site, "/sv/teemat/")
    nav = re.findall(
        r'<a href="([^"]+)" class="md-nav__link[^"]*"[^>]*>\s*<span class="md-ellipsis">\s*([^<]+?)\s*<', html
    )
    titles = [title for _, title in nav]
    assert {"Startsida", "Försök", "Lärdomar", "Teman", "Sök", "Öppna data"} <= set(titles), titles
    for href, _ in nav:
        # From /sv/teemat/, a link that climbs two levels would leave the Swedish version.
        assert not href.startswith("../../"), href


@pytest.mark.e2e
def test_the_switcher_and_hreflang_name_the_same_page_in_each_language(built_site, shipped):
    base = yaml.safe_load((shipped.root / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
    for entry in [*shipped.experiments.values(), *shipped.learnings.values()]:
        path = entry.url.lstrip("/")  # kokeilut/<slug>/
        for code in ("sv", "en"):
            html = _html(built_site, url_in(entry.url, code))
            switcher = dict(
                re.findall(r'<a href="([^"]+)" hreflang="(\w\w)" lang="\w\w" class="md-select__link"', html)
            )
            other = "en" if code == "sv" else "sv"
            assert switcher == {f"../../../{path}": "fi", f"../../../{other}/{path}": other, "./": code}, path
            alternates = dict(re.findall(r'<link rel="alternate " hreflang="([\w-]+)" href="([^"]+)">', html))
            assert alternates == {
                "fi": base + path,
                "x-default": base + path,
                "sv": base + "sv/" + path,
                "en": base + "en/" + path,
            }, path


@pytest.mark.e2e
def test_translated_content_pages_and_fallbacks(built_site):
    # The contributor guide is translated; the field reference is shown in Finnish with a note.
    guide = _html(built_site, "/sv/osallistu/")
    assert "Delta" in guide and "kk-translation-note" not in guide
    reference = _html(built_site, "/sv/osallistu/kentat/")
    assert "Den här sidan har inte översatts ännu" in reference
    assert '<div class="kk-original" lang="fi">' in reference
    # The Swedish home page has its own introduction and Swedish headings.
    home = _html(built_site, "/sv/")
    assert "De senaste försöken" in home
    # The header search sends Swedish queries to the Swedish finder (/sv/kokeilut/ → /sv/haku/).
    assert 'class="kk-header-search" role="search" action="../haku/"' in _html(built_site, "/sv/kokeilut/")
    # (tests/site/test_site_build.py checks every link of every page, in every language.)
