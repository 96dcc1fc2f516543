"""The finder's pipeline and queries give the same answers in Python (lunr.py) and in JavaScript
(lunr.js with lunr.fi, and finder.js), on the words and index of the shipped catalogue and of a
synthetic one (benchmarks/synthetic.py: many more inflected forms, compounds and ties).

The JavaScript side runs in Node (tests/js/equivalence.js). Without Node the tests fail, they do
not skip: the equivalence is what makes an index built in Python safe to search in a browser.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.search.finnish import find_lunr_files, finnish_pipeline, query_stems, split_words
from generator.search.index import body_text
from generator.search.lunr import load_index, merge_shards, needed_shards, search, shard_file
from generator.site.planner import SitePlanner
from tests.support import copy_fixture_site, published_finder, run_node, synthetic_catalogue

NODE = shutil.which("node")

# Queries a visitor might type: inflected forms, compounds, several words, stop words, case,
# punctuation, hyphens, numbers, single letters and unusual spaces.
QUERIES = [
    "perustulo",
    "perustulon",
    "Perustulokokeilu",
    "kunta",
    "kunnissa",
    "kuntien",
    "kuntaan",
    "nuoret",
    "nuorten työllisyys",
    "työllisyyden kuntakokeilu",
    "kiertotalous",
    "kiertotalouden",
    "ruoka",
    "ruokahävikki",
    "koulu",
    "kouluissa",
    "kylä",
    "kylien",
    "Etelä-Savo",
    "etelä savo",
    "Pohjois-Pohjanmaa",
    "digitalisaatio",
    "sote",
    "liikenne",
    "Tampere",
    "Tampereella",
    "Helsingin kaupunki",
    "Sitra",
    "kokeilu",
    "kokeilut",
    "kokeiluja",
    "2017",
    "2019 kunta",
    "ja",
    "ja tai",
    "a",
    "ö",
    "",
    "   ",
    "kunta,",
    "(kunta)",
    "”perustulo”",
    "KUNTA",
    "kunta\u00a0nuoret",
    "kunta\u2003nuoret",
    "kunta\u202fnuoret",
    "asukkaat osallistuivat",
    "yrittäjä",
    "yrittäjien",
    "ilmasto",
    "energia",
    "terveys",
    "vanhukset",
    "lapset",
    "maahanmuuttajat",
    "kulttuuri",
    "xyzzy",
    "kunta xyzzy",
]


def _words_and_texts(search_data) -> tuple[list[str], list[str]]:
    texts = []
    for entry in search_data.documents:
        texts += [entry.title, entry.summary, search_data.keywords(entry), body_text(entry.body)]
        texts.append(search_data.morphology_text(entry))  # base forms and compound parts
    words = sorted({word for text in texts for word in split_words(text)})
    return words, texts


@pytest.fixture(scope="module", params=["shipped", "synthetic", "fixture"])
def finder_data(request, shipped, tmp_path_factory) -> tuple[object, Path]:
    """A catalogue's finder data, written to a folder as the site publishes it. The fixture
    site brings hostile text: markup and addresses inside titles and bodies."""
    if request.param == "shipped":
        catalogue = shipped
    elif request.param == "synthetic":
        catalogue = synthetic_catalogue(tmp_path_factory.mktemp("synthetic"), 400, seed=3)
    else:
        catalogue = check_catalogue(
            copy_fixture_site(tmp_path_factory.mktemp("fixture") / "site"), load_schema()
        )
    data = SitePlanner(catalogue).search
    folder = tmp_path_factory.mktemp("finder")
    for file in data.files():
        target = folder / file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
    return data, folder / "haku" / "data"


def _queries(words: list[str]) -> list[str]:
    """The fixed queries, plus words of the catalogue itself, alone and in pairs."""
    sample = words[:: max(1, len(words) // 60)]
    return QUERIES + sample + [f"{a} {b}" for a, b in zip(sample[::2], sample[1::2], strict=False)]


@pytest.fixture(scope="module")
def javascript(finder_data, tmp_path_factory) -> dict:
    """What Node, lunr.js, lunr.fi and finder.js answer for the catalogue's words and queries."""
    if NODE is None:
        pytest.fail("Node.js is needed for the Python/JavaScript equivalence tests (apt-get install nodejs).")
    data, folder = finder_data
    words, texts = _words_and_texts(data)
    job = {
        "lunr": {name: str(path) for name, path in find_lunr_files().paths.items()},
        # The script as the site publishes it: built from its modules and minified.
        "finder": str(published_finder(tmp_path_factory.mktemp("finder"))),
        "data": str(folder),
        "words": words,
        "texts": [
            *texts,
            "a\u2003b",
            "x\u202fy\u3000z",
            "  Etelä-Savo -- 2017 ",
            "\ufeffalku",
            "tab\tväli",
            "a\x1cb\x85c",
            "sana-\u2028rivi",
        ],
        "queries": _queries(words),
    }
    return run_node("equivalence.js", job)


def test_every_word_of_the_catalogue_is_trimmed_filtered_and_stemmed_the_same(javascript):
    pipeline = finnish_pipeline()
    words = javascript["job"]["words"]
    assert len(words) > 150  # the whole vocabulary of the catalogue, not a sample
    python = []
    for word in words:
        trimmed = pipeline.trim(word)
        stop = pipeline.is_stop_word(trimmed)
        # lunr.fi's stemmer and snowballstemmer are the same algorithm on plain words; tokens
        # with other characters inside are not stemmed on either side (stemmer-kk).
        plain = not stop and pipeline.is_plain(trimmed)
        python.append({"trimmed": trimmed, "stop": stop, "stem": pipeline.stem(trimmed) if plain else None})
    javascript_words = [
        {
            "trimmed": j["trimmed"],
            "stop": j["stop"],
            "stem": j["stem"] if not j["stop"] and pipeline.is_plain(j["trimmed"]) else None,
        }
        for j in javascript["words"]
    ]
    differences = [(w, p, j) for w, p, j in zip(words, python, javascript_words, strict=True) if p != j]
    assert differences == [], f"{len(differences)} words differ, first: {differences[:5]}"
    # The whole pipeline, as the index and the finder's queries run it, word by word.
    queries = [(w, query_stems(w), j["query"]) for w, j in zip(words, javascript["words"], strict=True)]
    assert [q for q in queries if q[1] != q[2]] == []


def test_texts_split_into_the_same_tokens(javascript):
    texts = javascript["job"]["texts"]
    python = [split_words(text) for text in texts]
    assert python == javascript["texts"]


def test_queries_find_the_same_documents_in_the_same_order(javascript, finder_data):
    _, folder = finder_data
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    shards = [json.loads((folder / "terms" / f"{shard_file(p)}.json").read_text()) for p in meta["shards"]]
    index = load_index(merge_shards(meta["index"], shards))
    found = 0
    for answer in javascript["queries"]:
        query = answer["query"]
        assert query_stems(query) == answer["stems"], query
        assert needed_shards(answer["stems"], meta["shards"]) == answer["shards"], query
        python = search(index, query)
        assert answer["whole"] == python, query
        assert answer["reloaded"] == python, query
        assert answer["partial"] == python, f"{query}: the shards it needs do not give the whole answer"
        assert answer["direct"] == python, f"{query}: finder.js's own scoring differs from lunr's"
        found += len(python)
    # The queries are not vacuous: many find several documents, which then need ordering.
    several = sum(1 for a in javascript["queries"] if len(a["whole"]) > 1)
    assert several > len(javascript["queries"]) / 5
    assert found > len(javascript["queries"])
