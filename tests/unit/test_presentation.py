from __future__ import annotations

import pytest

from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN
from generator.i18n.presentation import (
    finnish_key,
    format_date,
    format_euros,
    format_years,
    relative_url,
    src_uri_for,
)


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (PartialDate(2017), "2017"),
        (PartialDate(2017, 8), "elokuu 2017"),
        (PartialDate(2017, 8, 1), "1.8.2017"),
        (UNKNOWN, "tuntematon"),
        (None, "tuntematon"),
    ],
)
def test_dates_read_the_finnish_way(value, shown):
    assert format_date(value) == shown


@pytest.mark.parametrize(
    ("start", "end", "shown"),
    [
        (PartialDate(2017), PartialDate(2018, 12), "2017–2018"),
        (PartialDate(2019, 3), PartialDate(2019, 9), "2019"),
        (PartialDate(2019), None, "2019–"),
        (PartialDate(2019), UNKNOWN, "2019–?"),
        (UNKNOWN, None, "aika tuntematon"),
        (UNKNOWN, PartialDate(2020), "?–2020"),
    ],
)
def test_year_spans(start, end, shown):
    assert format_years(start, end) == shown


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (20000000, "20\u00a0000\u00a0000\u00a0€"),
        (500, "500\u00a0€"),
        (1234.5, "1\u00a0234,50\u00a0€"),
        (0, "0\u00a0€"),
    ],
)
def test_euro_amounts_use_finnish_grouping_and_decimal_comma(amount, shown):
    assert format_euros(amount) == shown


def test_finnish_alphabetical_order_puts_a_ring_a_umlaut_and_o_umlaut_after_z():
    words = ["Öljy", "Äänestys", "Åland", "Zeta", "autio", "Émile", "Kokeilu"]
    assert sorted(words, key=finnish_key) == [
        "autio",
        "Émile",
        "Kokeilu",
        "Zeta",
        "Åland",
        "Äänestys",
        "Öljy",
    ]


@pytest.mark.parametrize(
    ("source", "target", "link"),
    [
        ("/kokeilut/x/", "/teemat/y/", "../../teemat/y/"),
        ("/", "/teemat/", "teemat/"),
        ("/teemat/", "/teemat/", "../teemat/"),
        ("/teemat/x/sivu/2/", "/teemat/x/", "../../../../teemat/x/"),
        ("/opit/", "/opit/sivu/2/#teema-ruoka", "../opit/sivu/2/#teema-ruoka"),
        ("/opit/", "#teema-ruoka", "#teema-ruoka"),
        ("/", "/", ""),
    ],
)
def test_links_climb_to_the_root_so_the_site_works_under_any_base_path(source, target, link):
    assert relative_url(source, target) == link


def test_source_paths_of_generated_pages():
    assert src_uri_for("/") == "index.md"
    assert src_uri_for("/kokeilut/testikokeilu/") == "kokeilut/testikokeilu.md"
    assert src_uri_for("/teemat/", index=True) == "teemat/index.md"
    assert src_uri_for("/teemat/x/sivu/2/") == "teemat/x/sivu/2.md"
