"""Numbers YAML 1.1 reads otherwise than they look are located errors (issue 18, J).

``amount_eur: 190:20:30`` was 685230 (sexagesimal), and ``0x10``, ``0b101``, ``017`` and
``1_000`` were read as numbers without a word. A number field takes a plain decimal only (an
optional sign, digits without a leading zero, decimals after a point): the number every YAML
reader, editor and the JSON Schema see alike. Anything else YAML would read as a number is
``yaml-number`` at the value.
"""

from __future__ import annotations

import pytest

from tests.content.test_issue_form import COMPLETE, problems_of, replace_answer
from tests.support import VALID_EXPERIMENT, located

EXPERIMENT = "experiments/testikokeilu.md"


def with_amount(written: str) -> str:
    return VALID_EXPERIMENT.replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}",
        f"result: {{outcome: toimi, evidence: [https://www.example.fi/raportti]}}\nfunding:\n  amount_eur: {written}",
    )


@pytest.mark.parametrize(
    ("written", "reading", "suggestion"),
    [
        ("190:20:30", "kuusikymmenjärjestelmän lukuna 685230", "amount_eur: 1000."),
        ("1:20.5", "kuusikymmenjärjestelmän lukuna 80.5", "amount_eur: 1000."),
        ("0x10", "heksadesimaalilukuna 16", "amount_eur: 16."),
        ("0b101", "binäärilukuna 5", "amount_eur: 5."),
        ("017", "oktaalilukuna 15", "amount_eur: 17."),
        (
            "0o17",
            "tekstinä, mutta YAML 1.2 ja sitä noudattavat editorit lukevat sen lukuna 15",
            "amount_eur: 15.",
        ),
        (
            "08",
            "tekstinä, mutta YAML 1.2 ja sitä noudattavat editorit lukevat sen lukuna 8",
            "amount_eur: 8.",
        ),
        ("1_000", "lukuna 1000 (alaviivat ohittaen)", "amount_eur: 1000."),
        ("1_000.5", "lukuna 1000.5 (alaviivat ohittaen)", "amount_eur: 1000.5."),
        (
            "1e3",
            "tekstinä, mutta YAML 1.2 ja sitä noudattavat editorit lukevat sen lukuna 1000",
            "amount_eur: 1000.",
        ),
        ("1.5e+3", "lukuna 1500", "amount_eur: 1500."),
        (".5", "lukuna 0.5", "amount_eur: 0.5."),
        (".inf", "äärettömäksi", "amount_eur: 1000."),
        ("-.inf", "äärettömäksi", "amount_eur: 1000."),
        (".NaN", "ei-luvuksi (NaN)", "amount_eur: 1000."),
    ],
)
def test_a_number_not_written_as_a_plain_decimal_is_located(check, written, reading, suggestion):
    catalogue = check({EXPERIMENT: with_amount(written)})
    assert located(catalogue) == {(EXPERIMENT, 19, 15, "yaml-number")}
    message = catalogue.problems[0].message
    assert message.startswith(f"YAML lukee arvon {written} {reading}. Kirjoita luku tavallisin numeroin")
    assert message.endswith(f"esimerkiksi {suggestion}")


@pytest.mark.parametrize(
    ("written", "value"),
    [("1000", 1000), ("0", 0), ("12.5", 12.5), ("0.25", 0.25), ("+12", 12), ("20000000", 20000000)],
)
def test_plain_decimals_pass(check, written, value):
    catalogue = check({EXPERIMENT: with_amount(written)})
    assert catalogue.problems == []
    assert catalogue.experiments["testikokeilu"]["funding"]["amount_eur"] == value


def test_a_very_long_number_is_not_repeated_in_the_message(check):
    catalogue = check({EXPERIMENT: with_amount("0x" + "f" * 200)})
    assert located(catalogue) == {(EXPERIMENT, 19, 15, "yaml-number")}
    assert "heksadesimaalilukuna. Kirjoita" in catalogue.problems[0].message


def test_a_sexagesimal_number_in_a_text_field_says_how_yaml_reads_it(check):
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", "title: 190:20:30")
    catalogue = check({EXPERIMENT: text})
    assert located(catalogue) == {(EXPERIMENT, 2, 8, "yaml-number")}
    assert catalogue.problems[0].message == (
        "YAML lukee arvon 190:20:30 kuusikymmenjärjestelmän lukuna 685230, mutta tässä pitää olla "
        'tekstiä. Laita arvo lainausmerkkeihin: title: "190:20:30"'
    )


@pytest.mark.parametrize("written", ["1e3", "0o17", "1.0e3"])
def test_what_yaml_1_1_reads_as_text_is_text_in_a_text_field(check, written):
    catalogue = check({EXPERIMENT: VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: {written}")})
    assert catalogue.problems == []
    assert catalogue.experiments["testikokeilu"]["title"] == written


@pytest.mark.parametrize("written", ["2018", "2018-05", "2018-05-01"])
def test_years_and_dates_still_pass(check, written):
    catalogue = check({EXPERIMENT: VALID_EXPERIMENT.replace("start: 2018", f"start: {written}")})
    assert catalogue.problems == []


@pytest.mark.parametrize("written", ["0x7E2", "2_018", "33:38", "02018"])
def test_a_year_in_another_notation_is_not_a_year(check, written):
    catalogue = check({EXPERIMENT: VALID_EXPERIMENT.replace("start: 2018", f"start: {written}")})
    assert located(catalogue) == {(EXPERIMENT, 11, 8, "bad-date")}


def test_from_issue_refuses_an_octal_amount(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Rahoitus: Summa euroina", "017")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Rahoitus: Summa euroina": YAML lukee arvon 017 oktaalilukuna 15.' in err
