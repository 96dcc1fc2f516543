"""Each Swedish translation is Swedish, each English one English, and none is a copy of the
original: in every shipped entry (langdetect, seeded), and as `kokeilu check` warnings."""

from __future__ import annotations

import pytest

import generator.i18n.language_id as language_id
from generator.content.translation_review import identified_texts, translated_texts
from generator.i18n.language_id import MIN_LETTERS, clearly_in, identify, is_copy, letters
from tests.support import VALID_EXPERIMENT, entry_at, entry_files, located

ENTRY_FILES = entry_files()

FINNISH_SUMMARY = "Tämä tiivistelmä on tarpeeksi pitkä ja kertoo, mitä kokeiltiin."


@pytest.mark.parametrize("path", ENTRY_FILES)
def test_every_translation_is_in_its_language_and_no_copy(shipped, path):
    entry = entry_at(shipped, path)
    texts = list(translated_texts(entry, shipped.bodies.get(path, {})))
    copies = [f"{t.path}:{t.line} ({t.field}, {t.language})" for t in texts if is_copy(t.text, t.original)]
    assert copies == [], "translations that repeat the original text"
    # A title alone is too short to identify; it is identified with its summary.
    wrong = {
        f"{t.path}:{t.line} ({t.field}, {t.language})": identify(t.text)
        for t in identified_texts(texts)
        if letters(t.text) >= MIN_LETTERS and identify(t.text) != t.language
    }
    assert wrong == {}, "translations identified as another language"


def _translated(sv_title: str, sv_summary: str) -> str:
    return VALID_EXPERIMENT.replace(
        "level: alueellinen\n",
        "translations:\n"
        "  sv:\n"
        f"    title: {sv_title}\n"
        f"    summary: {sv_summary}\n"
        "  en:\n"
        "    title: Test experiment\n"
        "    summary: This summary is long enough and tells what was tried in the experiment.\n"
        "level: alueellinen\n",
    )


def test_check_warns_at_a_copy_of_the_original_and_at_finnish_under_sv(check):
    catalogue = check({"experiments/testikokeilu.md": _translated("Testförsök", FINNISH_SUMMARY)})
    assert located(catalogue) == {
        ("experiments/testikokeilu.md", 7, 14, "translation-copy"),
        # The title with its summary, at the title.
        ("experiments/testikokeilu.md", 6, 12, "translation-language"),
    }
    language = next(p for p in catalogue.problems if p.rule == "translation-language")
    assert "pitäisi olla ruotsia" in language.message and "se on suomea" in language.message
    assert not catalogue.errors


def test_check_warns_at_english_under_sv(check):
    text = _translated("Test case", "This summary is long enough and tells what was tried, in English.")
    assert located(check({"experiments/testikokeilu.md": text})) == {
        ("experiments/testikokeilu.md", 6, 12, "translation-language")
    }


def test_check_warns_at_a_translated_body_in_finnish(check):
    body = "Kokeilussa kaupunki antoi asukkaille mahdollisuuden\nlainata tavaroita kirjastosta.\n"
    catalogue = check(
        {
            "experiments/testikokeilu.md": _translated(
                "Testförsök", "Den här sammanfattningen är tillräckligt lång och berättar vad som prövades."
            ),
            "experiments/testikokeilu.sv.md": body,
        }
    )
    assert located(catalogue) == {("experiments/testikokeilu.sv.md", 1, 1, "translation-language")}


def test_a_name_may_stay_as_it_is_but_a_sentence_may_not():
    assert not is_copy("HuleRuoko", "HuleRuoko")
    assert not is_copy("Kokeilun paikka", "Kokeilun paikka")
    assert is_copy("Tämä  tiivistelmä on\npitkä.", "tämä tiivistelmä on pitkä.")


def test_without_langdetect_the_copy_is_still_reported(check, monkeypatch):
    monkeypatch.setattr(language_id, "_detector", lambda: None)
    assert not language_id.identification_available()
    catalogue = check({"experiments/testikokeilu.md": _translated("Testförsök", FINNISH_SUMMARY)})
    assert located(catalogue) == {("experiments/testikokeilu.md", 7, 14, "translation-copy")}


@pytest.mark.parametrize(
    ("text", "language", "clear"),
    [
        ("Försöket pågick i två år och det var kommunen som betalade för det.", "sv", True),
        ("The experiment ran for two years and the municipality paid for it.", "en", True),
        (FINNISH_SUMMARY, "sv", False),
        (FINNISH_SUMMARY, "en", False),
        ("The experiment ran for two years and the municipality paid for it.", "sv", False),
    ],
)
def test_only_a_plainly_written_text_skips_language_identification(text, language, clear):
    assert clearly_in(text, language) is clear
