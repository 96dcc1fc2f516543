"""The catalogue's own translations are shown as such: once, under the header, on every page of
an entry that shows a translated title or body, and on no other entry page."""

from __future__ import annotations

import pytest
from markupsafe import escape

from generator.content.check import load_catalogue
from generator.i18n.languages import CODES, localized, url_in
from generator.i18n.translation import load_translations

NOTE = "Sivun käännökset ovat katalogin omia."


@pytest.fixture(scope="module")
def catalogue(fixture_site):
    return load_catalogue(fixture_site)


def test_a_page_showing_the_catalogues_translation_says_so_once(fixture_plan, catalogue):
    words = load_translations()
    pages = {p.url: p for p in fixture_plan.pages}
    seen = set()
    for entry in [*catalogue.experiments.values(), *catalogue.learnings.values()]:
        for code in CODES:
            shown = localized(entry, code, catalogue.bodies.get(entry.path, {}))
            translated = shown.original != code and code in (shown.text_language, shown.body_language)
            note = str(escape(NOTE if code == "fi" else words[NOTE][code]))
            markdown = pages[url_in(entry.url, code)].markdown
            assert markdown.count(note) == (1 if translated else 0), (entry.path, code)
            if translated:
                # Under the header, before the facts.
                assert markdown.index("</header>") < markdown.index(note) < markdown.index("kk-facts")
            seen.add(translated)
    assert seen == {True, False}
