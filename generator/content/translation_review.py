"""Warnings about the words of a translation: a term the glossary avoids (``glossary-term``),
a text in another language than its code says (``translation-language``), and a text that is a
copy of the original (``translation-copy``).

Each translated text is reviewed against the original text it translates: the translated title
and summary (``translations: {sv: {title, summary}}``) against the entry's own, and a translated
body (``x.sv.md``) against the entry's body. The glossary (generator/i18n/glossary.yml) is of
Finnish terms, so it applies to translations of a Finnish entry into Swedish and English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from generator.content.vocabulary import Vocabulary
from generator.core.model import Entry
from generator.core.problems import Problem, ProblemSink
from generator.i18n.glossary import GlossaryTerm, find_avoided, municipality_terms, municipality_vocabulary
from generator.i18n.language_id import clearly_in, identify, is_copy
from generator.i18n.languages import BODY_SUFFIX, PRIMARY, original_language, translations_of

FIELD_NAMES = {"title": "otsikko", "summary": "tiivistelmä"}
# "in Swedish" (ruotsiksi) and "Swedish text" (ruotsia), for the messages.
TRANSLATIVE = {"fi": "suomeksi", "sv": "ruotsiksi", "en": "englanniksi"}
PARTITIVE = {
    "fi": "suomea",
    "sv": "ruotsia",
    "en": "englantia",
    "no": "norjaa",
    "da": "tanskaa",
    "de": "saksaa",
    "nl": "hollantia",
    "et": "viroa",
}
# A title identified together with its summary.
TITLE_AND_SUMMARY = "title+summary"


@dataclass(frozen=True, slots=True)
class TranslatedText:
    """One translated text, the original it translates, and where it is."""

    path: str
    language: str
    # "title", "summary", "body" or TITLE_AND_SUMMARY.
    field: str
    text: str
    original: str
    # Where the text starts: a front-matter value, or 1:1 of a body file.
    line: int
    column: int

    @property
    def label(self) -> str:
        if self.field == "body":
            return "käännetty kuvaus"
        if self.field == TITLE_AND_SUMMARY:
            return f"kentät translations.{self.language}.title ja summary, otsikko ja tiivistelmä"
        return f"kenttä translations.{self.language}.{self.field}, {FIELD_NAMES[self.field]}"


def body_path(entry: Entry, language: str) -> str:
    """The translated body file of ``entry``: experiments/x.md → experiments/x.sv.md."""
    return entry.path.removesuffix(BODY_SUFFIX) + f".{language}{BODY_SUFFIX}"


def translated_texts(entry: Entry, bodies: Mapping[str, str]) -> Iterator[TranslatedText]:
    """Every translated title, summary and body of ``entry`` (``bodies``: its translated bodies
    by language), by language."""
    translations = translations_of(entry)
    # A translation into the entry's own language is an error of its own (translation-same-language).
    for code in sorted((set(translations) | set(bodies)) - {original_language(entry)}):
        for field in ("title", "summary"):
            text = translations.get(code, {}).get(field)
            if isinstance(text, str) and text:
                line, column = entry.location("translations", code, field)
                yield TranslatedText(entry.path, code, field, text, entry.values[field], line, column)
        if code in bodies:
            yield TranslatedText(body_path(entry, code), code, "body", bodies[code], entry.body, 1, 1)


def glossary_names(vocabularies: Mapping[str, Vocabulary]) -> tuple[GlossaryTerm, ...]:
    """The glossary's terms taken from the vocabularies: the municipalities' Swedish names."""
    vocabulary = vocabularies.get(municipality_vocabulary())
    if vocabulary is None:
        return ()
    return municipality_terms(tuple((t.fi, t.sv) for t in vocabulary.terms))


def review_translations(
    entry: Entry, bodies: Mapping[str, str], problems: list[Problem], names: tuple[GlossaryTerm, ...] = ()
) -> None:
    """Warn at every avoided term, text in another language and copy among the translations
    (``names``: :func:`glossary_names`)."""
    texts = list(translated_texts(entry, bodies))
    for text in texts:
        sink = ProblemSink(text.path, problems)
        if original_language(entry) == PRIMARY:
            check_glossary(text, entry.path, sink, names)
        if is_copy(text.text, text.original):
            sink.warning(
                text.line,
                text.column,
                "translation-copy",
                f"Käännös ({text.label}) on sama kuin alkuperäinen teksti. Käännä se "
                f"{TRANSLATIVE[text.language]} tai poista käännös: silloin sivu näyttää alkuperäisen "
                "tekstin ja kertoo, ettei sitä ole käännetty.",
            )
    for text in identified_texts(texts):
        if clearly_in(text.text, text.language):
            continue
        found = identify(text.text)
        if found is not None and found != text.language:
            ProblemSink(text.path, problems).warning(
                text.line,
                text.column,
                "translation-language",
                f"Käännöksen ({text.label}) pitäisi olla {PARTITIVE[text.language]}, mutta "
                f"kielentunnistuksen mukaan se on {_language_name(found)}. Tarkista, että teksti on "
                "käännetty ja että se on oikean kielikoodin alla.",
            )


def identified_texts(texts: list[TranslatedText]) -> Iterator[TranslatedText]:
    """The texts whose language is identified: each body, and each title together with its
    summary (a title alone is too short to identify reliably), at the title."""
    summaries = {t.language: t for t in texts if t.field == "summary"}
    for text in texts:
        if text.field == "body":
            yield text
        elif text.field == "title" and text.language in summaries:
            together = f"{text.text}. {summaries[text.language].text}"
            yield TranslatedText(
                text.path, text.language, TITLE_AND_SUMMARY, together, "", text.line, text.column
            )


def check_glossary(
    text: TranslatedText, entry_path: str, sink: ProblemSink, names: tuple[GlossaryTerm, ...] = ()
) -> None:
    """Warn at each term of ``text`` that the glossary says to avoid, with the term to use."""
    for finding in find_avoided(text.text, text.original, text.language, entry_path, names):
        line, column = text.line, text.column
        if text.field == "body":
            line, column = position(text.text, finding.offset)
        sink.warning(
            line,
            column,
            "glossary-term",
            f'Käännöksessä ({text.label}) on termi "{finding.found}". Sanaston mukaan suomen '
            f'"{finding.fi}" on {TRANSLATIVE[text.language]} "{finding.use}". Vaihda termi; jos '
            "omistajan virallinen nimi käyttää sitä, lisää poikkeus perusteluineen tiedostoon "
            "generator/i18n/glossary.yml.",
        )


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``."""
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def _language_name(code: str) -> str:
    return PARTITIVE.get(code, f'kieltä "{code}"')
