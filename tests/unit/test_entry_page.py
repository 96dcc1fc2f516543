"""What a visitor reads on the entry, listing and term pages (issue 22): unknowns said once and
quietly, years that never make an unknown status look ongoing, the key facts first, Finnish text
marked on Swedish and English pages, and ways into the finder. One scratch catalogue, planned
once (no site build)."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from generator.content.check import load_catalogue
from generator.site.planner import plan_site
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, write_catalogue


def experiment(slug: str, **replace: str) -> str:
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: Kokeilu {slug}")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


FILES = {
    # Status unknown, no end, no region but three municipalities, organisers and contact unknown.
    "experiments/hamara.md": experiment(
        "hämärä",
        **{
            "status: paattynyt": "status: tuntematon",
            "end: 2019\n": "",
            "regions: [pirkanmaa]": "regions: tuntematon\nmunicipalities: [espoo, helsinki, vantaa]",
            "organisers:\n  - name: Tampereen kaupunki\n    type: kunta\n": "organisers: tuntematon\n",
            "contact:\n  organisation: Tampereen kaupunki\n": "contact: tuntematon\n",
            "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}": (
                "result:\n  outcome: toimi\n  summary: Kokeilu toimi hyvin kaikissa kolmessa kunnassa.\n"
                "  evidence: [https://www.example.fi/raportti]"
            ),
            "https://www.example.fi/kokeilu": "https://www.example.fi/raportit/2019/loppuraportti-hamara.pdf",
        },
    ),
    "experiments/kaynnissa.md": experiment(
        "käynnissä",
        **{"status: paattynyt": "status: kaynnissa", "start: 2018": "start: 2020", "end: 2019\n": ""},
    ),
    "content/opit/oppi.md": VALID_LEARNING.replace("experiments: [testikokeilu]", "experiments: [hamara]"),
    "content/osallistu/kentat.md": "# Kenttäviite\n\nKentät.\n",
}
DATES = {"experiments/hamara.md": dt.date(2025, 4, 3)}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    root = write_catalogue(tmp_path_factory.mktemp("entry") / "catalogue", FILES)
    return plan_site(load_catalogue(root), dates=DATES)


def page(plan, src_uri: str) -> str:
    return plan.page(src_uri).markdown


def card(markdown: str, slug: str) -> str:
    """The listing card of ``slug`` on a page."""
    return re.search(
        rf'<li class="kk-card"[^>]*><h\d class="kk-card__title"><a href="[^"]*{slug}/".*?</li>', markdown
    ).group(0)


def test_a_card_shows_no_unknowns_and_no_ongoing_dash_for_an_unknown_status(plan):
    listing = page(plan, "kokeilut/index.md")
    quiet = card(listing, "hamara")
    assert "alkoi 2018" in quiet and "2018–" not in quiet
    assert "Tuntematon" not in quiet and "tuntematon" not in quiet
    assert "3 kuntaa" in quiet  # the municipalities the data holds, not "Alue tuntematon"
    assert "2020–" in card(listing, "kaynnissa")  # running: the dash is right
    assert "started 2018" in card(page(plan, "en/kokeilut/index.md"), "hamara")


def test_the_missing_facts_are_named_once_with_a_way_to_add_them(plan):
    markdown = page(plan, "kokeilut/hamara.md")
    assert markdown.count("Puuttuvat tiedot") == 1
    line = re.search(r'<p class="kk-missing">Puuttuvat tiedot: (.*?)\. <a href="([^"]+)">', markdown)
    assert line.group(1) == "järjestäjät, tila, yhteystaho"  # not the region: municipalities known
    assert line.group(2) == "../../osallistu/#puuttuvat-tiedot"
    assert "tuntematon" not in markdown.lower().replace("kk-status--tuntematon", "")
    assert "Puuttuvat tiedot" not in page(plan, "kokeilut/kaynnissa.md")
    assert "Missing information: organisers, status, contact." in page(plan, "en/kokeilut/hamara.md")


def test_the_key_facts_come_before_the_story_and_the_full_facts_after(plan):
    markdown = page(plan, "kokeilut/kaynnissa.md")
    order = [
        markdown.index(mark)
        for mark in (
            'class="kk-breadcrumb"',
            "<h1",
            "kk-keyfacts",
            "Kokeilun kuvaus.",
            '<aside class="kk-facts"',
        )
    ]
    assert order == sorted(order)
    keyfacts = markdown[markdown.index("kk-keyfacts") : markdown.index("</section>")]
    assert re.findall(r"<dt>(.*?)</dt>", keyfacts) == [
        "Tila",
        "Tavoitetaso",
        "Alueet",
        "Järjestäjät",
        "Tulos",
        "Näyttö",  # the evidence right after the verdict
    ]
    # No row of the key facts is repeated below, and no badge repeats them above.
    full = markdown[markdown.index('<aside class="kk-facts"') :]
    assert not {"Tila", "Tavoitetaso", "Alueet", "Järjestäjät", "Tulos"} & set(
        re.findall(r"<dt>(.*?)</dt>", full)
    )
    assert "kk-badge" not in markdown[: markdown.index("kk-keyfacts")]
    crumb = re.search(
        r'<nav class="kk-breadcrumb" aria-label="Murupolku"><ol>(.*?)</ol></nav>', markdown
    ).group(1)
    assert (
        crumb
        == '<li><a href="../../kokeilut/">Kokeilut</a></li><li aria-current="page">Kokeilu käynnissä</li>'
    )


def test_a_source_link_reads_as_its_host_and_file_not_the_whole_address(plan):
    markdown = page(plan, "kokeilut/hamara.md")
    link = re.search(
        r'<a href="https://www.example.fi/raportit/2019/loppuraportti-hamara.pdf" rel="noopener">(.*?)</a>',
        markdown,
    )
    assert link.group(1) == "example.fi/…/loppuraportti-hamara.pdf"


def test_the_update_date_comes_from_git_and_is_left_out_without_it(plan):
    assert 'Päivitetty <time datetime="2025-04-03">3.4.2025</time>' in page(plan, "kokeilut/hamara.md")
    assert "Päivitetty" not in page(plan, "kokeilut/kaynnissa.md")
    assert "Uppdaterad" in page(plan, "sv/kokeilut/hamara.md")


@pytest.mark.parametrize(("language", "tag"), [("sv", "på finska"), ("en", "in Finnish")])
def test_finnish_text_on_a_swedish_or_english_page_carries_a_visible_tag(plan, language, tag):
    markdown = page(plan, f"{language}/kokeilut/hamara.md")
    result = re.search(r'<dd class="kk-facts__result">(.*?)</dd>', markdown).group(1)
    assert re.search(
        rf'<span class="kk-line" lang="fi">Kokeilu toimi hyvin kaikissa kolmessa kunnassa\.</span> <span class="kk-lang-tag" lang="{language}">{tag}</span>',
        result,
    )
    # A Finnish title on a listing says so on its card, in the page's language.
    assert f'<span class="kk-lang-tag">{tag}</span>' in card(
        page(plan, f"{language}/kokeilut/index.md"), "hamara"
    )
    # The Finnish story too, once above it.
    assert (
        f'<p class="kk-lang-note"><span class="kk-lang-tag">{tag}</span></p>\n\n<div class="kk-original" lang="fi"'
        in markdown
    )
    assert "kk-lang-tag" not in page(plan, "kokeilut/hamara.md")


def test_an_untranslated_page_is_titled_in_the_menu_language(plan):
    assert plan.page("sv/osallistu/kentat.md").title == "Fältreferens"
    assert plan.page("en/osallistu/kentat.md").title == "Field reference"
    assert "# Kenttäviite" in plan.page("sv/osallistu/kentat.md").markdown  # the text stays Finnish


def test_a_term_page_lists_its_learnings_and_links_into_the_finder(plan):
    theme = page(plan, "teemat/kiertotalous.md")
    assert '<a href="../../haku/?teema=kiertotalous">' in theme
    assert "## Opit { #opit }" in theme and "Testioppi" in theme
    level = page(plan, "sv/tasot/alueellinen.md")
    assert '<a href="../../../sv/haku/?taso=alueellinen">' in level and "Testioppi" in level


def test_the_experiments_listing_groups_by_start_year_with_jump_links(plan):
    listing = page(plan, "kokeilut/index.md")
    assert '<a href="../haku/?laji=kokeilu">' in listing
    assert re.findall(r'<h2 class="kk-year" id="(vuosi-[^"]+)">', listing) == ["vuosi-2020", "vuosi-2018"]
    assert re.findall(r'<li><a href="#(vuosi-\d+)">', listing) == ["vuosi-2020", "vuosi-2018"]


@pytest.mark.parametrize(
    ("prefix", "years"), [("", "alkoi 2018"), ("sv/", "började 2018"), ("en/", "started 2018")]
)
def test_a_finder_result_reads_the_years_as_the_card_does(plan, prefix, years):
    """The finder's records carry the years the cards show: a status of tuntematon without an
    end never reads "2018–" (ongoing) in a result either."""
    records = [
        record
        for file in plan.files
        if file.src_uri.startswith(f"{prefix}haku/data/docs/")
        for record in json.loads(file.content)
    ]
    [hamara] = [record for record in records if record[1] == "hamara"]
    assert hamara[4] == years
