"""Control characters and bidi controls are refused in every file and every value (issue 18, I).

Written into a file, each is reported at its own line and column; written as a YAML escape in a
double-quoted value ("\\e", "\\x01", "\\u202e"), at the value. Either way it is one problem,
``control-character``, and nothing of the file is published.
"""

from __future__ import annotations

import pytest

from generator.cli import main
from tests.content.test_issue_form import COMPLETE, problems_of, replace_answer
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located

EXPERIMENT = "experiments/testikokeilu.md"
LEARNING = "content/opit/testioppi.md"
RULE = "control-character"

# One of each kind: C0 (NUL, SOH, BS, VT, FF, ESC, US), DEL, C1 (PAD, NEL, CSI, APC), and
# every bidi embedding, override and isolate.
REFUSED = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x80", "\x85", "\x9b", "\x9f",
    "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069",
]  # fmt: skip
# Invisible or unusual characters that text legitimately holds: tab, zero-width joiner and
# non-joiner, LRM and RLM marks, Arabic letter mark, soft hyphen, no-break spaces, word joiner.
ALLOWED = ["\t", "\u200d", "\u200c", "\u200e", "\u200f", "\u061c", "\u00ad", "\u00a0", "\u202f", "\u2060"]


def experiment(old: str, new: str) -> str:
    assert old in VALID_EXPERIMENT
    return VALID_EXPERIMENT.replace(old, new)


def code(char: str) -> str:
    return f"U+{ord(char):04X}"


# -- written in the file ----------------------------------------------------------------------------


@pytest.mark.parametrize("char", REFUSED, ids=code)
def test_a_character_in_a_body_is_refused_at_its_line_and_column(check, char):
    catalogue = check({EXPERIMENT: experiment("Kokeilun kuvaus.", f"Kokeilun{char} kuvaus.")})
    assert located(catalogue) == {(EXPERIMENT, 20, 9, RULE)}
    assert f"{code(char)} (" in catalogue.problems[0].message
    assert catalogue.experiments == {}


@pytest.mark.parametrize("char", ALLOWED, ids=code)
def test_legitimate_invisible_characters_pass(check, char):
    text = experiment("title: Testikokeilu", f"title: Testi{char}kokeilu")
    text = text.replace("Kokeilun kuvaus.", f"Kokeilun{char}kuvaus.")
    catalogue = check({EXPERIMENT: text})
    assert catalogue.problems == []
    assert f"Kokeilun{char}kuvaus." in catalogue.experiments["testikokeilu"].body


def test_the_terminal_spoof_of_the_issue_is_refused_in_a_body(check):
    spoof = "\x1b[2K\r\x1b[32m✓ 0 virhettä. Kokoelma on kunnossa.\x1b[8m"
    catalogue = check({EXPERIMENT: experiment("Kokeilun kuvaus.", f"Kuvaus. {spoof}")})
    # A lone CR is a line ending: the spoof is on lines 20 and 21, each reported at its first.
    assert located(catalogue) == {(EXPERIMENT, 20, 9, RULE), (EXPERIMENT, 21, 1, RULE)}
    assert "U+001B (ESC)" in catalogue.problems[0].message
    assert "Rivillä on lisäksi yksi toinen" in catalogue.problems[1].message


def test_one_problem_per_line_names_the_others_on_it(check):
    body = "Alku \u202eyksi\u202c ja \u2066kaksi\u2069.\n\nToinen \x01 rivi.\n"
    catalogue = check({EXPERIMENT: experiment("Kokeilun kuvaus.\n", body)})
    assert located(catalogue) == {(EXPERIMENT, 20, 6, RULE), (EXPERIMENT, 22, 8, RULE)}
    first, second = catalogue.problems
    assert "U+202E (RLO)" in first.message and "lisäksi 3 muuta" in first.message
    assert "U+0001 (SOH)" in second.message and "lisäksi" not in second.message


def test_a_bidi_override_in_a_plain_value_is_at_the_character(check):
    catalogue = check({EXPERIMENT: experiment("title: Testikokeilu", "title: Testi\u202ekokeilu")})
    assert located(catalogue) == {(EXPERIMENT, 2, 13, RULE)}
    assert "suunnan" in catalogue.problems[0].message


def test_a_bidi_override_inside_double_quotes_is_reported_once_at_the_character(check):
    catalogue = check({EXPERIMENT: experiment("title: Testikokeilu", 'title: "Testi\u202ekokeilu"')})
    assert located(catalogue) == {(EXPERIMENT, 2, 14, RULE)}


def test_a_character_yaml_refuses_does_not_hide_the_other_problems(check):
    """YAML's reader stops at a C0 control; the checker reads on past it and reports the rest."""
    text = experiment("title: Testikokeilu", "title: Testi\x01kokeilu").replace(
        "status: paattynyt", "status: valmis"
    )
    assert located(check({EXPERIMENT: text})) == {
        (EXPERIMENT, 2, 13, RULE),
        (EXPERIMENT, 10, 9, "unknown-term"),
    }


def test_a_character_in_a_front_matter_comment_is_refused(check):
    text = experiment("level: alueellinen", "level: alueellinen  # huom\u202e")
    assert located(check({EXPERIMENT: text})) == {(EXPERIMENT, 4, 27, RULE)}


def test_windows_line_endings_and_a_byte_order_mark_are_no_control_characters(check):
    text = "\ufeff" + experiment("Kokeilun kuvaus.", "Kokeilun\tkuvaus.").replace("\n", "\r\n")
    assert check({EXPERIMENT: text}).problems == []


# -- written as YAML escapes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "name"),
    [
        ("\\e", "U+001B (ESC)"),
        ("\\x01", "U+0001 (SOH)"),
        ("\\r", "U+000D (CR)"),
        ("\\a", "U+0007 (BEL)"),
        ("\\0", "U+0000 (NUL)"),
        ("\\x7f", "U+007F (DEL)"),
        ("\\N", "U+0085 (NEL)"),
        ("\\x9b", "U+009B (CSI)"),
        ("\\u202e", "U+202E (RLO)"),
        ("\\U00002066", "U+2066 (LRI)"),
    ],
)
def test_an_escape_in_a_value_is_refused_at_the_value(check, escape, name):
    catalogue = check({EXPERIMENT: experiment("title: Testikokeilu", f'title: "Testi{escape}kokeilu"')})
    assert located(catalogue) == {(EXPERIMENT, 2, 8, RULE)}
    assert name in catalogue.problems[0].message
    assert "kenoviivakoodina" in catalogue.problems[0].message


def test_the_terminal_spoof_of_the_issue_is_one_problem_at_the_value(check):
    spoof = '"\\e[2K\\r\\e[32m… 0 virhettä. Kokoelma on kunnossa.\\e[8m"'
    catalogue = check({EXPERIMENT: experiment("title: Testikokeilu", f"title: {spoof}")})
    assert located(catalogue) == {(EXPERIMENT, 2, 8, RULE)}
    assert "\x1b" not in catalogue.problems[0].message


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        # every kind of field: plain text, text, a list's text, an address, an e-mail address,
        # a vocabulary id, a date, a translation and a group's sub-field
        (
            "summary: Tämä tiivistelmä on tarpeeksi pitkä ja kertoo, mitä kokeiltiin.",
            'summary: "\\x1bTämä tiivistelmä on tarpeeksi pitkä ja kertoo, mitä kokeiltiin."',
            (3, 10),
        ),
        ("  - name: Tampereen kaupunki", '  - name: "Tampereen\\x0b kaupunki"', (8, 11)),
        ("  - https://www.example.fi/kokeilu", '  - "https://www.example.fi/\\u202ekokeilu"', (14, 5)),
        ("  organisation: Tampereen kaupunki", '  organisation: "Tampereen\\e kaupunki"', (16, 17)),
        ("themes: [kiertotalous]", 'themes: ["kierto\\u2066talous"]', (5, 10)),
        ("start: 2018", 'start: "2018\\x08"', (11, 8)),
        (
            "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}",
            'result: {outcome: toimi, summary: "Toimi\\x9b.", evidence: [https://www.example.fi/raportti]}',
            (17, 35),
        ),
    ],
)
def test_an_escape_is_refused_in_every_kind_of_field_and_nothing_else_is_said(check, old, new, where):
    assert located(check({EXPERIMENT: experiment(old, new)})) == {(EXPERIMENT, *where, RULE)}


def test_an_escape_in_an_email_and_a_translation_is_refused_at_the_value(check):
    text = experiment(
        "  organisation: Tampereen kaupunki",
        '  organisation: Tampereen kaupunki\n  email: "info\\e@example.fi"',
    ).replace(
        "result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}",
        'result: {outcome: toimi, evidence: [https://www.example.fi/raportti]}\ntranslations:\n  sv:\n    title: "Test\\u202eförsök"\n'
        "    summary: Den här sammanfattningen är tillräckligt lång för kontrollen.",
    )
    assert located(check({EXPERIMENT: text})) == {(EXPERIMENT, 17, 10, RULE), (EXPERIMENT, 21, 12, RULE)}


def test_an_escape_in_a_key_is_refused_at_the_key_without_an_unknown_field(check):
    text = experiment("title: Testikokeilu", 'title: Testikokeilu\n"not\\ees": x')
    assert located(check({EXPERIMENT: text})) == {(EXPERIMENT, 3, 1, RULE)}


# -- other files: translated bodies, intros, learnings, vocabularies --------------------------------


def test_a_translated_body_an_intro_and_a_learning_are_scanned(check):
    catalogue = check(
        {
            EXPERIMENT: VALID_EXPERIMENT,
            "experiments/testikokeilu.sv.md": "Svensk text.\n\nMed \u202ebidi.\n",
            "content/teemat/kiertotalous.md": "Johdanto \x1b[31m punaisena.\n",
            LEARNING: VALID_LEARNING.replace("Opin kuvaus.", "Opin\x7f kuvaus."),
        }
    )
    assert located(catalogue) == {
        ("experiments/testikokeilu.sv.md", 3, 5, RULE),
        ("content/teemat/kiertotalous.md", 1, 10, RULE),
        (LEARNING, 11, 5, RULE),
    }
    assert catalogue.bodies == {} and catalogue.learnings == {}


LEVELS = "content/sanastot/tasot.yml"
TWO_LEVELS = """\
- id: valtakunnallinen
  fi: Valtakunnallinen
  sv: Nationell
  en: National
- id: alueellinen
  fi: Alueellinen
  sv: Regional
  en: Regional
"""


def test_vocabulary_labels_written_or_escaped_are_refused(check):
    text = TWO_LEVELS.replace("sv: Nationell", 'sv: "Natio\\enell"').replace(
        "en: Regional", "en: Regio\u202enal"
    )
    assert located(check({LEVELS: text})) == {(LEVELS, 3, 7, RULE), (LEVELS, 8, 12, RULE)}


def test_kokeilu_schema_write_refuses_a_vocabulary_with_a_control_character(make_catalogue, capsys):
    root = make_catalogue({LEVELS: TWO_LEVELS.replace("fi: Alueellinen", 'fi: "Alue\\x1b[8mellinen"')})
    assert main(["--root", str(root), "schema", "--write"]) == 1
    assert f"{LEVELS}:6:7" in capsys.readouterr().err
    assert not (root / "content/osallistu/kentat.md").exists()


# -- kokeilu from-issue ------------------------------------------------------------------------------


def test_from_issue_refuses_control_characters_in_answers_and_description(
    make_catalogue, capsys, monkeypatch
):
    body = replace_answer(COMPLETE, "Otsikko", "Kylätalon energiakokeilu\x1b[2K Säräisniemellä")
    body = replace_answer(body, "Kuvaus", "Kuvaus \u202etakaperin\u202c tekstiä.")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Otsikko": Arvossa on ohjausmerkki U+001B (ESC)' in err
    assert 'Kenttä "Kuvaus": Tässä kohdassa on näkymätön tekstin suunnan ohjausmerkki U+202E' in err
    assert "\x1b" not in err and "\u202e" not in err


def test_from_issue_refuses_a_bidi_override_in_a_list_answer(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Lähteet", "https://www.example.fi/\u2066raportti")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Lähteet": Tässä kohdassa on näkymätön tekstin suunnan ohjausmerkki U+2066' in err
