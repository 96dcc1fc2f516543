"""Which language a translation is written in, and whether it is a copy of the original.

The language is identified with langdetect (Google's language-detection profiles, offline) where
it is installed: it is an optional dependency (``pip install -e ".[test]"`` brings it), so
``kokeilu check`` runs without it and then skips the language rule. Seeded, so the same text
always gets the same answer.

Identification is reliable only on enough text: :data:`MIN_LETTERS` letters. Measured on the
catalogue's own translations (docs/languages.md): a title alone (40–120 letters) was taken for
another language 7 times in 257, while every title with its summary and every body (540) was
identified right. So the checks identify a title together with its summary, and a body, never a
title alone; a short text is only checked for being a copy (:func:`is_copy`).

langdetect takes about 3 ms a text, which at 10,000 entries would be most of ``kokeilu check``'s
time. :func:`clearly_in` first counts the function words of each site language, a few
microseconds: a text with at least three of its language's and three times as many as of any
other is accepted without asking langdetect (533 of the catalogue's 540 texts, 2026-12-07).
"""

from __future__ import annotations

import re
from functools import cache

MIN_LETTERS = 40
# A copy of a name ("HuleRuoko", "Kokeilun paikka") is the right translation of it; a copy of
# three words or more is an untranslated text.
MIN_COPY_WORDS = 3


@cache
def _detector():
    """langdetect's ``detect_langs``, seeded, or None where langdetect is not installed."""
    try:
        from langdetect import DetectorFactory, detect_langs
    except ImportError:
        return None
    DetectorFactory.seed = 0
    return detect_langs


def load_profiles() -> None:
    """Load langdetect's language profiles now (about half a second, once a process), where it
    is installed: before worker processes are forked, so that they inherit them."""
    if _detector() is not None:
        from langdetect.detector_factory import init_factory

        init_factory()


def identification_available() -> bool:
    return _detector() is not None


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def identify(text: str) -> str | None:
    """The language code langdetect finds most likely for ``text`` ("sv", "en", "fi", "no", …),
    or None where the text is too short to tell or langdetect is not installed."""
    detect_langs = _detector()
    if detect_langs is None or letters(text) < MIN_LETTERS:
        return None
    try:
        return detect_langs(text)[0].lang
    except Exception:  # langdetect raises LangDetectException on text without features
        return None


# Frequent short words of each site language that the others do not use.
_FUNCTION_WORDS = {
    "fi": "ja on oli että ovat olivat myös kun tai ei sekä mutta jotka joka jossa sen kuin vain",
    "sv": "och att är var inte för från också som med av det ett till på om har blev eller även",
    "en": "the and of to is was were for with that by from on an as also or but not which",
}
FUNCTION_WORDS = {code: frozenset(words.split()) for code, words in _FUNCTION_WORDS.items()}
MIN_FUNCTION_WORDS = 3
# Each function word's languages (a word may be one of several: "on" in Finnish and English).
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {
    word: tuple(code for code, words in FUNCTION_WORDS.items() if word in words)
    for word in sorted(set().union(*FUNCTION_WORDS.values()))
}
_ANY_FUNCTION_WORD = frozenset(_LANGUAGES_OF)
_WORD = re.compile(r"\w+")


def clearly_in(text: str, language: str) -> bool:
    """Whether ``text`` has at least :data:`MIN_FUNCTION_WORDS` function words of ``language`` and
    three times as many as of any other site language: plainly written in it."""
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in filter(_ANY_FUNCTION_WORD.__contains__, _WORD.findall(text.lower())):
        for code in _LANGUAGES_OF[word]:
            counts[code] += 1
    own = counts.pop(language, 0)
    return own >= MIN_FUNCTION_WORDS and all(own >= 3 * other for other in counts.values())


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_copy(translation: str, original: str) -> bool:
    """Whether ``translation`` is the original text unchanged (case and white space aside), for
    an original of at least :data:`MIN_COPY_WORDS` words."""
    return len(original.split()) >= MIN_COPY_WORDS and _normalized(translation) == _normalized(original)
