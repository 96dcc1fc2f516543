"""The English search pipeline of /en/haku/: lunr.js's own default pipeline, ported to Python.

lunr.js searches English with ``lunr.trimmer``, ``lunr.stopWordFilter`` and ``lunr.stemmer``
(Porter). lunr.py has functions of the same names, but they do not give the same terms, so an
index built with them would not be found by the browser's query:

- lunr.py's Porter stemmer is the reference C/Python version, which turns a final "y" into "i"
  after any vowel in the stem ("always" → "alwai", "array" → "arrai"); lunr.js's only after a
  consonant ("alway", "array"). About 1 % of English words differ;
- lunr.py's trimmer uses Unicode word characters and leaves a token with punctuation inside
  untouched ("(x.y)"); lunr.js's uses JavaScript's ASCII ``\\W`` and strips both ends
  ("Jyväskylä" → "jyväskyl" in the browser, and so here).

So this module ports the three from lunr.js 2.3.9 (the stop words are read from the installed
lunr.js) and registers them under names of our own: ``trimmer-en``, ``stopWordFilter-en``,
``stemmer-en``, with ``stemmer-kk-en``, which stems every token without characters outside the
Basic Multilingual Plane (JavaScript's regular expressions see those as two code units; Python's
as one). The serialized index names lunr.js's ``stemmer`` as its search pipeline, which lunr.js
has built in; finder.js stems queries itself. tests/site/test_search_languages.py runs every word of
the English corpus, the translated pages and generated words through both sides in Node.
"""

from __future__ import annotations

import functools
import re

from generator.core.problems import ConfigError
from generator.search.pipelines import LanguagePipeline, find_lunr_files

_STOP_WORD_LIST = re.compile(r"lunr\.stopWordFilter\s*=\s*lunr\.generateStopWordFilter\(\s*\[([^\]]*)\]\s*\)")
_QUOTED = re.compile(r"'([^']*)'")

# lunr.trimmer: s.replace(/^\W+/, '').replace(/\W+$/, ''), with JavaScript's ASCII \W.
_LEADING = re.compile(r"\A[^A-Za-z0-9_]+")
_TRAILING = re.compile(r"[^A-Za-z0-9_]+\Z")

# lunr.stemmer (lunr.js 2.3.9, after tartarus.org/~martin/PorterStemmer/js.txt), line by line.
_STEP2 = {
    "ational": "ate",
    "tional": "tion",
    "enci": "ence",
    "anci": "ance",
    "izer": "ize",
    "bli": "ble",
    "alli": "al",
    "entli": "ent",
    "eli": "e",
    "ousli": "ous",
    "ization": "ize",
    "ation": "ate",
    "ator": "ate",
    "alism": "al",
    "iveness": "ive",
    "fulness": "ful",
    "ousness": "ous",
    "aliti": "al",
    "iviti": "ive",
    "biliti": "ble",
    "logi": "log",
}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": ""}
_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
_MGR0 = re.compile("^(" + _C + ")?" + _V + _C)  # [C]VC... is m>0
_MEQ1 = re.compile("^(" + _C + ")?" + _V + _C + "(" + _V + r")?\Z")  # [C]VC[V] is m=1
_MGR1 = re.compile("^(" + _C + ")?" + _V + _C + _V + _C)  # [C]VCVC... is m>1
_S_V = re.compile("^(" + _C + ")?" + _v)  # vowel in stem
_1A = re.compile(r"^(.+?)(ss|i)es\Z")
_1A2 = re.compile(r"^(.+?)([^s])s\Z")
_1B = re.compile(r"^(.+?)eed\Z")
_1B2 = re.compile(r"^(.+?)(ed|ing)\Z")
_1B_AT = re.compile(r"(at|bl|iz)\Z")
_1B_DOUBLE = re.compile(r"([^aeiouylsz])\1\Z")
_1B_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")
_1C = re.compile(r"^(.+?[^aeiou])y\Z")
_2 = re.compile(r"^(.+?)(" + "|".join(_STEP2) + r")\Z")
_3 = re.compile(r"^(.+?)(" + "|".join(_STEP3) + r")\Z")
_4 = re.compile(r"^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)\Z")
_4B = re.compile(r"^(.+?)(s|t)(ion)\Z")
_5 = re.compile(r"^(.+?)e\Z")
_5_LL = re.compile(r"ll\Z")
_5_CVC = re.compile("^" + _C + _v + r"[^aeiouwxy]\Z")


def porter_stem(w: str) -> str:
    """lunr.js's ``porterStemmer`` (its regular expressions and their order, JavaScript's
    ``replace`` as a first-match ``sub``)."""
    if len(w) < 3:
        return w
    firstch = w[0]
    if firstch == "y":
        w = "Y" + w[1:]

    # Step 1a
    if _1A.search(w):
        w = _1A.sub(r"\1\2", w, count=1)
    elif _1A2.search(w):
        w = _1A2.sub(r"\1\2", w, count=1)

    # Step 1b
    found = _1B.search(w)
    if found:
        if _MGR0.search(found.group(1)):
            w = w[:-1]
    else:
        found = _1B2.search(w)
        if found:
            stem = found.group(1)
            if _S_V.search(stem):
                w = stem
                if _1B_AT.search(w):
                    w = w + "e"
                elif _1B_DOUBLE.search(w):
                    w = w[:-1]
                elif _1B_CVC.search(w):
                    w = w + "e"

    # Step 1c
    found = _1C.search(w)
    if found:
        w = found.group(1) + "i"

    # Step 2
    found = _2.search(w)
    if found and _MGR0.search(found.group(1)):
        w = found.group(1) + _STEP2[found.group(2)]

    # Step 3
    found = _3.search(w)
    if found and _MGR0.search(found.group(1)):
        w = found.group(1) + _STEP3[found.group(2)]

    # Step 4
    found = _4.search(w)
    if found:
        if _MGR1.search(found.group(1)):
            w = found.group(1)
    else:
        found = _4B.search(w)
        if found:
            stem = found.group(1) + found.group(2)
            if _MGR1.search(stem):
                w = stem

    # Step 5
    found = _5.search(w)
    if found:
        stem = found.group(1)
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _5_CVC.search(stem)):
            w = stem
    if _5_LL.search(w) and _MGR1.search(w):
        w = w[:-1]

    if firstch == "y":
        w = "y" + w[1:]
    return w


@functools.cache
def english_stop_words() -> frozenset[str]:
    """lunr.js's English stop words, read from the installed lunr.js."""
    found = _STOP_WORD_LIST.search(find_lunr_files().read("lunr.js"))
    if found is None:
        raise ConfigError("lunr.js has an unexpected shape: no lunr.stopWordFilter word list")
    return frozenset(_QUOTED.findall(found.group(1)))


class EnglishPipeline(LanguagePipeline):
    code = "en"
    # lunr.js's built-in stemmer: what lunr.Index.load expects for an English index.
    search_names = ("stemmer",)
    trimmer_name = "trimmer-en"
    stop_word_name = "stopWordFilter-en"
    stemmer_name = "stemmer-en"
    word_stemmer_name = "stemmer-kk-en"

    def __init__(self, stop_words: frozenset[str]) -> None:
        self.stop_words = stop_words
        super().__init__()

    def trim(self, word: str) -> str:
        return _TRAILING.sub("", _LEADING.sub("", word))

    def is_stop_word(self, word: str) -> bool:
        return word in self.stop_words

    def stem_word(self, word: str) -> str:
        return porter_stem(word)

    def is_plain(self, token: str) -> bool:
        """No character outside the Basic Multilingual Plane (a surrogate pair in JavaScript)."""
        return token.isascii() or all(ord(c) <= 0xFFFF for c in token)


@functools.cache
def english_pipeline() -> EnglishPipeline:
    """The pipeline; its functions are registered with lunr.py (once per process)."""
    pipeline = EnglishPipeline(english_stop_words())
    pipeline.register()
    return pipeline


def make_pipeline() -> EnglishPipeline:
    return english_pipeline()
