"""The Swedish search pipeline of /sv/haku/, identical in Python (lunr.py) and in the browser
(lunr.js + lunr.sv).

Like the Finnish one (generator/search/finnish.py), it registers lunr-languages' names with functions of
its own, read from the installed lunr.sv.js, so nothing is downloaded:

- ``trimmer-sv``: strips non-word characters from both ends of a token (lunr.sv's word
  characters);
- ``stopWordFilter-sv``: lunr.sv's stop words;
- ``stemmer-sv``: the Snowball Swedish stemmer of the ``snowballstemmer`` package. lunr.sv.js
  carries a 2010 JavaScript port of the same algorithm; the package pinned below 3.0 (2.2.0)
  gives the same stem for every word of the Swedish corpus, the translated pages and a few
  hundred thousand generated forms (tests/site/test_search_languages.py, in Node);
- ``stemmer-kk-sv``: our step, which stems plain words only (made of lunr.sv's word
  characters); any other token is searched as it is, as in Finnish.

Swedish has no consonant gradation: "kommun", "kommunen", "kommuner" and "kommunerna" all stem
to "kommun" by suffixes alone, and the finder's prefix search finds compounds that begin with a
query word ("basinkomst" finds "basinkomstförsöket").
"""

from __future__ import annotations

import functools

from generator.search.pipelines import LanguageRules, SnowballPipeline, find_lunr_files


@functools.cache
def swedish_rules() -> LanguageRules:
    return LanguageRules.from_lunr_language(find_lunr_files().read("lunr.sv.js"), "sv")


class SwedishPipeline(SnowballPipeline):
    def __init__(self, rules: LanguageRules) -> None:
        super().__init__("sv", rules, "swedish")


@functools.cache
def swedish_pipeline() -> SwedishPipeline:
    """The pipeline; its functions are registered with lunr.py (once per process)."""
    pipeline = SwedishPipeline(swedish_rules())
    pipeline.register()
    return pipeline


def make_pipeline() -> SwedishPipeline:
    return swedish_pipeline()
