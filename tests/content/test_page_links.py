"""Check what the build checks (issue 18, finding J): relative links that would stop a strict
build, hand-written files where the site generates its own, and pages MkDocs would drop."""

from __future__ import annotations

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from generator.content.catalogue import Catalogue
from generator.content.site_map import map_site, page_address
from generator.engines.render import docs_files
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located

CONFIG = (
    "site_name: Testi\ndocs_dir: content\nstrict: true\ntheme:\n  name: material\nplugins:\n  - catalogue\n"
)
LEARNING = "content/opit/testioppi.md"
EXPERIMENT = "experiments/testikokeilu.md"
ENTRIES = {EXPERIMENT: VALID_EXPERIMENT, LEARNING: VALID_LEARNING}
BODY_LINE = VALID_EXPERIMENT.count("\n")  # the experiment's last line: its body


def with_body(text: str, body: str) -> str:
    """An entry with ``body`` as the last line of its description."""
    return text.rstrip("\n").rsplit("\n", 1)[0] + "\n" + body + "\n"


def problems(catalogue: Catalogue) -> set[tuple[str, int, int, str]]:
    return {p for p in located(catalogue) if p[3] in {"broken-link", "page-clash", "page-dropped"}}


def message(catalogue: Catalogue, path: str, line: int = 1) -> str:
    return next(p.message for p in catalogue.problems if p.path == path and p.line == line)


def refused_by_the_build(catalogue: Catalogue) -> str:
    """The plugin's on_config on the catalogue: what stops `mkdocs build` (nothing is built)."""
    (catalogue.root / "mkdocs.yml").write_text(CONFIG, encoding="utf-8")
    config = load_config(str(catalogue.root / "mkdocs.yml"))
    with pytest.raises(PluginError) as refusal:
        config.plugins.on_config(config)
    return str(refusal.value)


# --- broken links ---------------------------------------------------------------------------


def test_a_link_to_a_missing_page_in_a_body_is_located_at_its_target(check):
    body = "Katso [oppi](../opit/testioppi.md), [puuttuva](../olematon.md) ja [teemat](../teemat/)."
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body)})
    assert problems(catalogue) == {(EXPERIMENT, BODY_LINE, 48, "broken-link")}
    text = message(catalogue, EXPERIMENT, BODY_LINE)
    assert (
        '"../olematon.md"' in text
        and "/kokeilut/testikokeilu/" in text
        and "kokeilut/testikokeilu.md" in text
    )
    assert "[broken-link]" in refused_by_the_build(catalogue)


def test_links_mkdocs_leaves_alone_pass(check):
    body = (
        "[a](https://example.fi/x.md) [b](#kohta) [c](../osallistu/) [d](mailto:a@example.fi) "
        "[e](/kokeilut/) [f](testikokeilu.md#kohta) [g](../haku/index.md?tulos=toimi) <https://example.fi>"
    )
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body)})
    assert problems(catalogue) == set()


def test_every_page_a_body_is_shown_on_is_checked(check):
    """The open data is at /data/ in every language: from /sv/kokeilut/x/, ../data/ is /sv/data/."""
    body = "Aineisto: [CSV](../data/kokeilut.csv)."
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body)})
    assert problems(catalogue) == {(EXPERIMENT, BODY_LINE, 17, "broken-link")}
    text = message(catalogue, EXPERIMENT, BODY_LINE)
    assert "/sv/kokeilut/testikokeilu/" in text and "sv/data/kokeilut.csv" in text
    fixed = "Aineisto: [CSV](../../data/kokeilut.csv)."  # wrong in Finnish: outside the site
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, fixed)})
    assert problems(catalogue) == {(EXPERIMENT, BODY_LINE, 17, "broken-link")}
    assert "sivuston ulkopuolelle" in message(catalogue, EXPERIMENT, BODY_LINE)


def test_a_translated_body_is_checked_on_its_own_page(check):
    catalogue = check(
        {
            **ENTRIES,
            "experiments/testikokeilu.sv.md": "Se [lärdomen](../opit/testioppi.md).\n\nOch [x](saknas.md).\n",
        }
    )
    assert problems(catalogue) == {("experiments/testikokeilu.sv.md", 3, 9, "broken-link")}
    assert "/sv/kokeilut/testikokeilu/" in message(catalogue, "experiments/testikokeilu.sv.md", 3)


def test_links_in_a_learning_a_reference_and_an_image_are_located(check):
    body = "Katso [kokeilu][k] ja ![kaavio](kaavio.png).\n\n[k]: ../kokeilut/puuttuu.md"
    catalogue = check({**ENTRIES, LEARNING: with_body(VALID_LEARNING, body)})
    line = VALID_LEARNING.count("\n")
    assert problems(catalogue) == {
        (LEARNING, line, 33, "broken-link"),
        (LEARNING, line + 2, 6, "broken-link"),
    }


def test_the_same_broken_link_twice_is_reported_at_each_place(check):
    body = "[a](x.md) ja [b](x.md)"
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body)})
    assert problems(catalogue) == {
        (EXPERIMENT, BODY_LINE, 5, "broken-link"),
        (EXPERIMENT, BODY_LINE, 18, "broken-link"),
    }


def test_a_link_in_an_intro_and_in_a_hand_written_page(check):
    catalogue = check(
        {
            **ENTRIES,
            "content/teemat/index.md": "\nTeemat. Ks. [ohje](../ohje.md) ja [x](../ohjee.md).\n",
            "content/ohje.md": "# Ohje\n\n[Teemat](teemat/index.md), [opit](opit/testioppi.md), [y](osalistu/index.md)\n",
            "content/osallistu/index.md": "# Osallistu\n",
        }
    )
    assert problems(catalogue) == {
        ("content/teemat/index.md", 2, 39, "broken-link"),
        ("content/ohje.md", 3, 59, "broken-link"),
    }
    assert 'Tarkoititko "../ohje.md"?' in message(catalogue, "content/teemat/index.md", 2)
    assert 'Tarkoititko "osallistu/index.md"?' in message(catalogue, "content/ohje.md", 3)


def test_a_finnish_page_is_checked_where_its_swedish_version_falls_back_to_it(check):
    """sv/ohje.md is the Finnish page when there is no Swedish one, and the vocabulary file is
    published once, at /sanastot/, not under /sv/."""
    page = "# Ohje\n\n[Sanasto](sanastot/teemat.yml)\n"
    catalogue = check({**ENTRIES, "content/ohje.md": page})
    assert problems(catalogue) == {("content/ohje.md", 3, 11, "broken-link")}
    assert "/sv/ohje/" in message(catalogue, "content/ohje.md", 3)
    catalogue = check(
        {
            **ENTRIES,
            "content/ohje.md": page,
            "content/sv/ohje.md": "# Hjälp\n",
            "content/en/ohje.md": "# Help\n",
        }
    )
    assert problems(catalogue) == set()


def test_a_link_to_a_listing_continuation_page_is_refused(check):
    body = "Lisää: [sivu 2](../kokeilut/sivu/2.md)."
    catalogue = check({**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body)})
    assert problems(catalogue) == {(EXPERIMENT, BODY_LINE, 17, "broken-link")}
    assert "jatkosivulle" in message(catalogue, EXPERIMENT, BODY_LINE)


def test_a_link_to_an_entry_with_errors_is_not_reported_twice(check):
    broken = VALID_EXPERIMENT.replace("level: alueellinen", "level: kansainvalinen")
    body = "Ks. [toinen](toinen.md)."
    catalogue = check(
        {**ENTRIES, EXPERIMENT: with_body(VALID_EXPERIMENT, body), "experiments/toinen.md": broken}
    )
    assert problems(catalogue) == set()
    assert {p.rule for p in catalogue.problems} == {"unknown-term"}


# --- clashes and dropped pages --------------------------------------------------------------


def test_a_page_where_the_site_makes_its_own_is_a_clash(check):
    catalogue = check(
        {
            **ENTRIES,
            "content/sv/opit/testioppi.md": "# Lärdom\n",
            "content/en/kokeilut/testikokeilu.md": "# Experiment\n",
            "content/tilastot/index.md": "# Tilastot\n",
            "content/opit/sivu/2.md": "# Sivu 2\n",
        }
    )
    assert problems(catalogue) == {
        ("content/sv/opit/testioppi.md", 1, 1, "page-clash"),
        ("content/tilastot/index.md", 1, 1, "page-clash"),
        ("content/opit/sivu/2.md", 1, 1, "page-clash"),
    }
    # content/en/kokeilut/ holds only the listing's intro, which says so already.
    assert ("content/en/kokeilut/testikokeilu.md", 1, 1, "unknown-intro") in located(catalogue)
    assert "content/opit/testioppi.sv.md" in message(catalogue, "content/sv/opit/testioppi.md")
    assert "[page-clash]" in refused_by_the_build(catalogue)


def test_a_page_at_the_address_of_another_is_dropped(check):
    catalogue = check(
        {
            **ENTRIES,
            "content/opit/testioppi/index.md": "# Oppi\n",
            "content/README.md": "# Lue minut\n",
            "content/ohje.md": "# Ohje\n",
            "content/ohje/index.md": "# Toinen ohje\n",
            "content/sv/opas.md": "# Guide\n",
            "content/opas/index.md": "# Opas\n",
        }
    )
    assert problems(catalogue) == {
        ("content/opit/testioppi/index.md", 1, 1, "page-dropped"),
        ("content/README.md", 1, 1, "page-dropped"),
        ("content/ohje.md", 1, 1, "page-dropped"),
        ("content/ohje/index.md", 1, 1, "page-dropped"),
        ("content/sv/opas.md", 1, 1, "page-dropped"),
    }
    assert "content/opit/testioppi.md" in message(catalogue, "content/opit/testioppi/index.md")
    assert "/opit/testioppi/" in message(catalogue, "content/opit/testioppi/index.md")
    assert "content/ohje/index.md" in message(catalogue, "content/ohje.md")
    assert "[page-dropped]" in refused_by_the_build(catalogue)


def test_page_addresses_follow_mkdocs():
    assert page_address("opit/x.md") == page_address("opit/x/index.md") == "opit/x/index.html"
    assert page_address("README.md") == page_address("index.md") == "index.html"
    assert page_address("sv/osallistu/kentat.md") == "sv/osallistu/kentat/index.html"


# --- the site map is the plan's --------------------------------------------------------------


def _planned(catalogue, plan) -> set[str]:
    site = map_site(catalogue)
    return {f for f in docs_files(catalogue, plan) if not site.is_changing(f)}


def test_the_site_map_is_the_plan_of_the_fixture_site(fixture_site, fixture_plan):
    from generator.content.check import load_catalogue

    catalogue = load_catalogue(fixture_site)
    site = map_site(catalogue)
    assert site.files == _planned(catalogue, fixture_plan)
    # The fixture's page size of 2 gives continuation pages, which the map sets aside.
    assert any(site.is_changing(p.src_uri) for p in fixture_plan.pages)


def test_the_site_map_is_the_plan_of_the_shipped_catalogue(shipped):
    from generator.site.planner import plan_site

    assert map_site(shipped).files == _planned(shipped, plan_site(shipped))
