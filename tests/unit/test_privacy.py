"""Personal data in content is flagged for the editor, at its line and column."""

from __future__ import annotations

import pytest

from generator.content.check import check_catalogue
from generator.content.privacy import check_personal_data
from generator.core.problems import ProblemSink
from tests.support import VALID_EXPERIMENT


def warnings(text: str) -> list[tuple[int, int, str]]:
    problems: list = []
    check_personal_data(text, ProblemSink("experiments/x.md", problems))
    assert all(p.rule == "personal-data" and not p.is_error for p in problems)
    return [(p.line, p.column, p.message.split('"')[1]) for p in problems]


@pytest.mark.parametrize(
    "address",
    ["matti.meikalainen@tampere.fi", "Maija-Liisa.Virtanen@kunta.fi", "anna_korhonen@yritys.com"],
)
def test_a_persons_email_address_is_flagged(address):
    assert warnings(f"---\ntitle: x\n---\nLisätietoja: {address}.\n") == [(4, 14, address)]


@pytest.mark.parametrize(
    "address",
    [
        "kirjaamo@tampere.fi",
        "info@kokeilu.fi",
        "asiakaspalvelu.tampere@tampere.fi",
        "kirjaamo.kainuu@kainuu.fi",
        "matti@firma.fi",  # one word: cannot tell
    ],
)
def test_an_organisations_address_is_not(address):
    assert warnings(f"---\ntitle: x\n---\n{address}\n") == []


@pytest.mark.parametrize(
    ("number", "column"),
    [
        ("040 123 4567", 8),
        ("050-1234567", 8),
        ("+358 44 123 4567", 8),
        ("0451234567", 8),
        ("+358501234567", 8),
    ],
)
def test_a_mobile_number_is_flagged(number, column):
    assert warnings(f"---\ntitle: x\n---\nSoita: {number} arkisin.\n") == [(4, column, number)]


@pytest.mark.parametrize(
    "text",
    [
        "Vaihde 09 310 1691.",  # a switchboard
        "Kokeiluun osallistui 4050 asukasta ja 5012345 euroa.",
        "https://www.example.fi/uutiset/0401234567",
        "Y-tunnus 0401234-5",
        "Aikaleima 0479-07-23 13:22:11",
    ],
)
def test_other_numbers_are_not(text):
    assert warnings(f"---\ntitle: x\n---\n{text}\n") == []


def test_front_matter_values_are_read_and_comments_skipped():
    text = (
        "---\n"
        "title: x\n"
        "# contact: liisa.laine@kunta.fi (a commented hint, not published)\n"
        "contact:\n"
        "  organisation: Kunta\n"
        "  email: liisa.laine@kunta.fi\n"
        "---\n"
        "# Otsikko 040 123 4567\n"
    )
    assert warnings(text) == [(6, 10, "liisa.laine@kunta.fi"), (8, 11, "040 123 4567")]


def test_check_reports_it_as_a_warning_in_a_real_entry(make_catalogue):
    text = VALID_EXPERIMENT.rstrip("\n") + "\n\nYhteyshenkilö: pekka.puupaa@kunta.fi, puh. 040 765 4321.\n"
    catalogue = check_catalogue(make_catalogue({"experiments/testikokeilu.md": text}))
    line = text.splitlines().index("Yhteyshenkilö: pekka.puupaa@kunta.fi, puh. 040 765 4321.") + 1
    assert [(p.path, p.line, p.column, p.rule) for p in catalogue.problems] == [
        ("experiments/testikokeilu.md", line, 16, "personal-data"),
        ("experiments/testikokeilu.md", line, 44, "personal-data"),
    ]
    assert catalogue.errors == []
    assert "testikokeilu" in catalogue.experiments  # a warning does not keep it out
