"""Translations: checked like the originals, located, and shown (or not) on each language's pages."""

from __future__ import annotations

import pytest

from generator.editorial.report import editorial_report
from generator.i18n.languages import localized
from generator.i18n.translation import load_translations
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located

TRANSLATED = VALID_EXPERIMENT.replace(
    "level: alueellinen\n",
    "translations:\n"
    "  sv:\n"
    "    title: Testförsök\n"
    "    summary: Den här sammanfattningen är tillräckligt lång och berättar vad som prövades.\n"
    "  en:\n"
    "    title: Test experiment\n"
    "    summary: This summary is long enough and tells what was tried in the experiment.\n"
    "level: alueellinen\n",
)


def test_a_translated_title_and_summary_are_shown_in_their_language(check):
    catalogue = check({"experiments/testikokeilu.md": TRANSLATED})
    assert located(catalogue) == set()
    entry = catalogue.experiments["testikokeilu"]
    swedish = localized(entry, "sv")
    assert (swedish.title, swedish.text_language) == ("Testförsök", "sv")
    # No Swedish body file: the body stays in Finnish, and the page says so.
    assert (swedish.body_language, swedish.other_language) == ("fi", True)
    finnish = localized(entry, "fi")
    assert (finnish.title, finnish.other_language) == ("Testikokeilu", False)


def test_a_translation_is_checked_like_the_original(check):
    text = TRANSLATED.replace("    title: Testförsök\n", "    title: Ts\n").replace(
        "    summary: This summary is long enough and tells what was tried in the experiment.\n",
        "    summary: Too short.\n",
    )
    assert located(check({"experiments/testikokeilu.md": text})) == {
        ("experiments/testikokeilu.md", 6, 12, "too-short"),
        ("experiments/testikokeilu.md", 10, 14, "too-short"),
    }


def test_an_unknown_language_code_in_translations_is_refused_with_a_suggestion(check):
    text = TRANSLATED.replace("  sv:\n", "  se:\n")
    catalogue = check({"experiments/testikokeilu.md": text})
    assert located(catalogue) == {("experiments/testikokeilu.md", 5, 3, "unknown-field")}
    assert "sv, en, fi" in catalogue.problems[0].message


def test_a_translation_into_the_entrys_own_language_is_refused(check):
    text = TRANSLATED.replace("  en:\n", "  fi:\n")
    assert located(check({"experiments/testikokeilu.md": text})) == {
        ("experiments/testikokeilu.md", 9, 5, "translation-same-language")
    }
    # Written in Swedish: a Finnish translation is fine, a Swedish one is not.
    swedish = text.replace("level: alueellinen\n", "language: sv\nlevel: alueellinen\n")
    assert located(check({"experiments/testikokeilu.md": swedish})) == {
        ("experiments/testikokeilu.md", 6, 5, "translation-same-language"),
        # The "fi" translation is the English text: a warning of its own.
        ("experiments/testikokeilu.md", 9, 12, "translation-language"),
    }


def test_a_translated_body_file_is_read_and_checked(check):
    catalogue = check(
        {
            "experiments/testikokeilu.md": TRANSLATED,
            "experiments/testikokeilu.sv.md": "Försökets beskrivning.\n\n[Mer](javascript:alert(1))\n",
            "experiments/testikokeilu.en.md": "The experiment's description.\n",
        }
    )
    assert located(catalogue) == {("experiments/testikokeilu.sv.md", 3, 7, "unsafe-link")}
    entry = catalogue.experiments["testikokeilu"]
    english = localized(entry, "en", catalogue.bodies[entry.path])
    assert (english.body, english.other_language) == ("The experiment's description.\n", False)
    assert "sv" not in catalogue.bodies[entry.path]


@pytest.mark.parametrize(
    ("name", "content", "rule", "hint"),
    [
        ("experiments/testikokeilu.de.md", "Beschreibung.\n", "unknown-language", "sv (ruotsi)"),
        ("experiments/toinen.sv.md", "Beskrivning.\n", "orphan-translation", "experiments/toinen.md"),
        (
            "experiments/testikokeilu.fi.md",
            "Kuvaus.\n",
            "translation-same-language",
            "experiments/testikokeilu.md",
        ),
        (
            "experiments/testikokeilu.sv.md",
            "---\ntitle: Testförsök\n---\n\nText.\n",
            "translation-front-matter",
            "kenttään translations (sv: title, summary)",
        ),
        ("experiments/testikokeilu.en.md", "\n\n", "empty-body", "käännetty kuvaus"),
        ("content/opit/testioppi.xx.md", "Text.\n", "unknown-language", "testioppi.<kieli>.md"),
    ],
)
def test_a_translated_body_file_problem_is_located_and_explained(check, name, content, rule, hint):
    catalogue = check(
        {
            "experiments/testikokeilu.md": TRANSLATED,
            "content/opit/testioppi.md": VALID_LEARNING,
            name: content,
        }
    )
    assert located(catalogue) == {(name, 1, 1, rule)}
    # The message names the file the contributor should look at or the codes to use.
    message = catalogue.problems[0].message
    assert hint in message
    # The entry itself is unaffected.
    assert "testikokeilu" in catalogue.experiments


def test_the_report_lists_untranslated_entries(check):
    catalogue = check(
        {
            "experiments/testikokeilu.md": TRANSLATED,
            "experiments/testikokeilu.sv.md": "Beskrivning.\n",
            "content/opit/testioppi.md": VALID_LEARNING,
        }
    )
    import datetime as dt

    report = editorial_report(catalogue, dt.date(2026, 11, 29), reviewed=lambda root, path: None)
    section = next(s for s in report.sections if s.title == "Kääntämättä")
    details = {item.path: item.detail for item in section.items}
    assert details == {
        "content/opit/testioppi.md": "otsikko ja tiivistelmä: sv, en; kuvaus: sv, en",
        "experiments/testikokeilu.md": "kuvaus: en",
    }


def test_every_translation_has_swedish_and_english():
    for key, value in load_translations().items():
        assert set(value) == {"sv", "en"}, key
        if "|" in key:
            assert all(isinstance(value[c], list) and len(value[c]) == 2 for c in ("sv", "en")), key
        else:
            # The same {fields} as the Finnish text, so formatting never fails.
            import string

            fields = {f for _, f, _, _ in string.Formatter().parse(key) if f}
            for code in ("sv", "en"):
                assert {f for _, f, _, _ in string.Formatter().parse(value[code]) if f} == fields, (key, code)
