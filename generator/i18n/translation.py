"""The site's own words in Swedish and English: generator/i18n/translations.yml.

The Finnish text is the key, as in gettext: templates and page code write ``_("Kokeilun tiedot")``
and the Swedish and English pages show the catalogue's translation. Counts use a pair of Finnish
forms, ``n_("kokeilu", "kokeilua", count)``, whose entry in the catalogue has the singular and
plural of each language.

A text missing from the catalogue shows in Finnish; tests/site/test_languages.py renders every page of
the sample site with ``strict=True``, so a missing translation fails the tests instead.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import yaml

from generator.core.problems import ConfigError
from generator.i18n.languages import PRIMARY

CATALOGUE_FILE = "translations.yml"


@functools.cache
def load_translations() -> dict[str, dict[str, Any]]:
    """Finnish text → {"sv": …, "en": …}; a count's key is "one|many" and its values pairs."""
    text = resources.files("generator.i18n").joinpath(CATALOGUE_FILE).read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ConfigError(f"generator/i18n/{CATALOGUE_FILE}: expected a mapping of Finnish texts")
    for key, value in data.items():
        if not isinstance(key, str) or not isinstance(value, dict):
            raise ConfigError(f"generator/i18n/{CATALOGUE_FILE}: {key!r}: expected sv: and en: below it")
    return data


class MissingTranslation(KeyError):
    pass


@dataclass
class Translator:
    """The words of one site language."""

    language: str
    strict: bool = False
    missing: set[str] = field(default_factory=set)

    def gettext(self, text: str, /, **values: Any) -> str:
        """``text`` in this language, with ``{name}`` fields filled from ``values``."""
        translated = text
        if self.language != PRIMARY:
            found = load_translations().get(text, {}).get(self.language)
            if isinstance(found, str):
                translated = found
            else:
                self._missing(text)
        return translated.format(**values) if values else translated

    def ngettext(self, one: str, many: str, count: int, /) -> str:
        """ "1 kokeilu", "2 kokeilua"; in Swedish "1 försök", "2 försök"."""
        forms = (one, many)
        if self.language != PRIMARY:
            found = load_translations().get(f"{one}|{many}", {}).get(self.language)
            if isinstance(found, list) and len(found) == 2 and all(isinstance(f, str) for f in found):
                forms = (found[0], found[1])
            else:
                self._missing(f"{one}|{many}")
        return f"{count} {forms[0] if count == 1 else forms[1]}"

    def _missing(self, key: str) -> None:
        self.missing.add(key)
        if self.strict:
            raise MissingTranslation(f"generator/i18n/{CATALOGUE_FILE} has no {self.language} for {key!r}")


@functools.cache
def translator(language: str) -> Translator:
    return Translator(language)


# The words theme/ templates print, by the name they use (page.meta.kk_ui.<name>). The templates
# fall back to the Finnish text, so an engine without our plugin still shows a working header.
THEME_WORDS = {
    "search": "Hae",
    "search_label": "Hae kokeiluista ja opeista",
    "feed_title": "Kokeilukatalogi: uusimmat kokeilut ja opit",
    "choose_language": "Valitse kieli",
    "skip": "Siirry sisältöön",
    "dark_scheme": "Vaihda tummaan teemaan",
    "light_scheme": "Vaihda vaaleaan teemaan",
    "publisher": "Kokeileva Suomi -kokeilukatalogi",
    "licence": "Sisältö: CC BY 4.0",
    "updated": "Luettelo päivitetty",
    "source": "Lähdekoodi",
}


def theme_words(language: str) -> dict[str, str]:
    t = translator(language)
    return {name: t.gettext(text) for name, text in THEME_WORDS.items()}
