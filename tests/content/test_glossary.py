"""The glossary of the translations (generator/i18n/glossary.yml): every shipped translation
keeps to it, its exceptions are real, and `kokeilu check` warns where a translation does not."""

from __future__ import annotations

import pytest

from generator.content.translation_review import glossary_names, position, translated_texts
from generator.i18n.glossary import find_avoided, load_glossary, term_pattern
from generator.i18n.languages import original_language
from tests.support import VALID_EXPERIMENT, entry_at, entry_files, located

ENTRY_FILES = entry_files()


@pytest.mark.parametrize("path", ENTRY_FILES)
def test_every_translation_keeps_to_the_glossary(shipped, path):
    entry = entry_at(shipped, path)
    if original_language(entry) != "fi":
        return
    names = glossary_names(shipped.vocabularies)  # the municipalities' Swedish names
    wrong = [
        f"{text.path}:{_line(text, finding)} ({text.field}, {text.language}): "
        f'"{finding.found}" where the glossary says "{finding.use}" '
        f"(glossary term {finding.term.id}; an official name that differs is an exception in "
        "generator/i18n/glossary.yml)"
        for text in translated_texts(entry, shipped.bodies.get(path, {}))
        for finding in find_avoided(text.text, text.original, text.language, path, names)
    ]
    assert wrong == []


def _line(text, finding) -> int:
    """The line of a finding: the field's in the front matter, the term's in a body file."""
    return position(text.text, finding.offset)[0] if text.field == "body" else text.line


def test_every_exception_names_a_real_file_an_avoided_term_and_a_reason(shipped):
    for term in load_glossary():
        for exception in term.exceptions:
            avoided = {a.term for a in term.avoid.get(exception.language, ())}
            assert exception.term in avoided, (term.id, exception)
            assert exception.reason, (term.id, exception)
            entry = entry_at(shipped, exception.path)
            texts = translated_texts(entry, shipped.bodies.get(exception.path, {}))
            pattern = term_pattern(exception.term)
            # An exception the translation no longer needs is removed from the glossary.
            assert any(t.language == exception.language and pattern.search(t.text) for t in texts), (
                f"{exception.path} no longer uses {exception.term!r} in {exception.language}: "
                f"remove the exception from the glossary term {term.id}"
            )


def test_the_glossary_never_avoids_its_own_translation_of_a_term():
    terms = load_glossary()
    assert len({t.id for t in terms}) == len(terms)
    for term in terms:
        for language, preferred in term.preferred.items():
            found = find_avoided(preferred, term.fi, language, "experiments/x.md")
            assert found == [], (term.id, language)


@pytest.mark.parametrize(
    ("text", "finnish", "found"),
    [
        ("The pilots ended.", "Kokeilut päättyivät.", ["pilots"]),
        ("The pilots ended.", "Pilotit päättyivät.", []),  # pilotti is a pilot
        ("A mini-pilot model.", "Minipilottien malli.", []),  # in a compound too
        ("The autopilot was trialled.", "Kokeilu.", []),  # word boundaries; a verb is not the noun
        ("A randomised controlled trial.", "Kokeilu.", []),  # an allowed phrase
        ("The basic income trial and the trial.", "Kokeilu.", ["basic income trial", "trial"]),
        ("A TRIAL.", "Kokeilu.", ["TRIAL"]),  # case-insensitive
        # An official name, allowed in any entry.
        ("After the local government\npilots on employment, the pilots ended.", "Kuntakokeilut.", ["pilots"]),
    ],
)
def test_avoided_terms_are_words_in_context(text, finnish, found):
    assert [f.found for f in find_avoided(text, finnish, "en", "experiments/x.md")] == found


def test_swedish_experiment_is_avoided_but_experimentens_finland_is_a_name():
    text = "Experimentet ingick i Experimentens Finlands\nexperiment."
    findings = find_avoided(text, "Kokeilu.", "sv", "experiments/x.md")
    assert [(f.found, f.offset, f.use) for f in findings] == [
        ("Experimentet", 0, "försök"),
        ("experiment", 45, "försök"),
    ]


def test_an_exception_applies_to_its_own_file_only():
    term = next(t for t in load_glossary() if t.exceptions)
    exception = term.exceptions[0]
    word = exception.term.rstrip("*")
    text = f"The {word} areas."
    assert find_avoided(text, "Kokeilu.", exception.language, exception.path) == []
    assert [f.found for f in find_avoided(text, "Kokeilu.", exception.language, "experiments/x.md")] == [word]


TRANSLATED = VALID_EXPERIMENT.replace(
    "level: alueellinen\n",
    "translations:\n"
    "  sv:\n"
    "    title: Testförsök\n"
    "    summary: Den här sammanfattningen är tillräckligt lång och berättar vad som prövades.\n"
    "  en:\n"
    "    title: Test pilot\n"
    "    summary: This summary is long enough and tells what was tried in the experiment.\n"
    "level: alueellinen\n",
)


def test_check_warns_at_an_avoided_term_with_the_term_to_use(check):
    body = "The experiment was run in Tampere.\nIt was a trial of a new\nmodel in the city.\n"
    catalogue = check({"experiments/testikokeilu.md": TRANSLATED, "experiments/testikokeilu.en.md": body})
    assert located(catalogue) == {
        # The front matter's field, at its value.
        ("experiments/testikokeilu.md", 9, 12, "glossary-term"),
        # The body, at the term.
        ("experiments/testikokeilu.en.md", 2, 10, "glossary-term"),
    }
    assert not catalogue.errors
    body_problem, title = sorted(catalogue.problems)  # by path: x.en.md before x.md
    assert '"pilot"' in title.message and '"experiment"' in title.message
    assert "translations.en.title" in title.message
    assert '"trial"' in body_problem.message and "käännetty kuvaus" in body_problem.message


def test_a_swedish_translation_uses_the_swedish_name_of_a_municipality(check, fixture_vocabularies):
    names = glossary_names(fixture_vocabularies)
    assert {a.instead for t in names for a in t.avoid["sv"]} >= {"Helsingfors", "Tammerfors"}
    text = "Demos Helsinki gjorde en studie i Helsinki och Tampere."
    found = find_avoided(text, "", "sv", "experiments/x.md", names)
    # An organisation's name stays as it is; English keeps the Finnish names.
    assert [(f.found, f.use) for f in found] == [
        ("Helsinki", "Helsingfors"),
        ("Tampere", "Tammerfors"),
    ]
    assert find_avoided(text, "", "en", "experiments/x.md", names) == []
    catalogue = check(
        {
            "experiments/testikokeilu.md": TRANSLATED.replace("Test pilot", "Test case"),
            "experiments/testikokeilu.sv.md": "Försöket gjordes\ni staden Tampere.\n",
        }
    )
    assert located(catalogue) == {("experiments/testikokeilu.sv.md", 2, 10, "glossary-term")}
    assert '"Tammerfors"' in catalogue.problems[0].message
