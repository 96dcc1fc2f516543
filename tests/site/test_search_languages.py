"""The Swedish and English finders (/sv/haku/, /en/haku/): their pipelines, indexes and queries
give the same answers in Python (lunr.py) and in JavaScript (lunr.js with lunr.sv, and finder.js),
and their data is in their language.

The JavaScript side runs in Node (tests/js/languages.js). Without Node the tests fail, they do
not skip: the equivalence is what makes an index built in Python safe to search in a browser.

The words come from a Swedish and an English text written for these tests
(tests/fixtures/search/), from whatever the translators have written (content/sv/, content/en/,
translated bodies, the entries' translated titles and summaries, the vocabularies' labels), and
from generated words that end in every suffix the stemmers know.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from lunr.builder import Builder
from lunr.stemmer import porter_stemmer

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.core.urls import BROWSER_FILES, FINDER_SCRIPT
from generator.core.urls import FINDER_ASSET_DIR as ASSET_DIR
from generator.i18n.languages import localized
from generator.search.english import english_pipeline, porter_stem
from generator.search.finnish import finnish_pipeline
from generator.search.index import (
    FINNISH_FIELD,
    SearchData,
    data_dir,
    finder_assets,
    finder_script,
    search_data,
)
from generator.search.lunr import load_index, merge_shards, needed_shards, search, search_passes, shard_file
from generator.search.pipelines import (
    find_lunr_files,
    finnish_remainder,
    js_text,
    pipeline_for,
    query_stems,
    split_words,
)
from generator.search.swedish import swedish_pipeline
from tests.support import (
    REPO_ROOT,
    assert_same_lunr_index,
    copy_fixture_site,
    published_finder,
    run_node,
    synthetic_catalogue,
)

NODE = shutil.which("node")
CORPUS = REPO_ROOT / "tests" / "fixtures" / "search"
LANGUAGES = ("sv", "en")

# Queries a visitor might type on each finder: inflected forms, compounds, several words, stop
# words, case, punctuation, numbers, single letters, nonsense, and Finnish words (the second pass).
FINNISH_QUERIES = ["perustulon", "kunnissa", "kuntien", "Pohjois-Savo", "sosiaaliturva", "nuorten työllisyys"]
QUERIES = {
    "sv": [
        "basinkomst",
        "basinkomsten",
        "Basinkomstförsöket",
        "kommun",
        "kommunerna",
        "kommunernas",
        "försök",
        "försöket",
        "lärdomar",
        "sysselsättning",
        "arbetslösa kommuner",
        "Helsingfors",
        "skola",
        "Södra Savolax",
        "och",
        "och i",
        "i",
        "",
        "  ",
        "a",
        "ö",
        "kommun,",
        "(basinkomst)",
        "”basinkomst”",
        "KOMMUN",
        "FPA",
        "2017",
        "xyzzy",
        "kommun xyzzy",
    ],
    "en": [
        "basic income",
        "basic",
        "income",
        "Basic income experiment",
        "municipality",
        "municipalities",
        "experiments",
        "experimenting",
        "learnings",
        "employment",
        "unemployed people",
        "Helsinki",
        "school",
        "schools",
        "always",
        "South Savo",
        "Jyväskylä",
        "the",
        "the and",
        "a",
        "",
        "   ",
        "ö",
        "income,",
        "(income)",
        "“income”",
        "INCOME",
        "Kela",
        "2017",
        "xyzzy",
        "basic xyzzy",
    ],
}

# Endings the stemmers know, for generated words (every branch of each algorithm).
SWEDISH_ENDINGS = str.split(
    "a arna erna heterna orna ad e ade ande arne are aste en anden aren heten ern ar er heter or "
    "s as arnas ernas ornas es ades andes ens arens hetens erns at andet het ast ig lig els fullt "
    "löst dd gd nn dt gt kt tt et ets ning ningar ningarna"
)
ENGLISH_ENDINGS = str.split(
    "s es ies sses eed ed ing y ational tional enci anci izer bli alli entli eli ousli ization "
    "ation ator alism iveness fulness ousness aliti iviti biliti logi icate ative alize iciti ical "
    "ful ness al ance ence er ic able ible ant ement ment ent ou ism ate iti ous ive ize sion tion "
    "e ll at bl iz"
)


def _generated(alphabet: str, endings: list[str], count: int, seed: int) -> list[str]:
    """Made-up words: random stems, alone and with one or two endings (deterministic)."""
    rng = random.Random(seed)
    words = set()
    for _ in range(count):
        stem = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8)))
        words.update((stem, stem + rng.choice(endings), stem + rng.choice(endings) + rng.choice(endings)))
    return sorted(words)


def _translated_texts(catalogue, language: str) -> list[str]:
    """Everything the translators have written in ``language`` so far."""
    root = catalogue.root
    texts = []
    for folder in (root / "content" / language,):
        texts += (
            [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.md"))] if folder.is_dir() else []
        )
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob(f"experiments/*.{language}.md"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted(root.glob(f"content/opit/*.{language}.md"))]
    for entry in [*catalogue.experiments.values(), *catalogue.learnings.values()]:
        local = localized(entry, language)
        if local.text_language == language:
            texts += [local.title, local.summary]
    for vocabulary in catalogue.vocabularies.values():
        texts += [term.label(language) for term in vocabulary]
    return texts


def _corpus_words(catalogue, language: str) -> list[str]:
    name = {"sv": "svenska.txt", "en": "english.txt"}[language]
    texts = [(CORPUS / name).read_text(encoding="utf-8"), *_translated_texts(catalogue, language)]
    return sorted({word for text in texts for word in split_words(text)})


def _words(catalogue, language: str) -> list[str]:
    corpus = _corpus_words(catalogue, language)
    if language == "sv":
        made = _generated("abcdefghijklmnopqrstuvwxyzåäöéü", SWEDISH_ENDINGS, 8000, seed=9)
    else:
        made = _generated("abcdefghijklmnopqrstuvwxyzäöéy", ENGLISH_ENDINGS, 8000, seed=9)
        # Characters outside the BMP are two code units in JavaScript: not stemmed (stemmer-kk-en).
        made += ["smile😀ing", "😀😀ing", "ba😀😀ed", "y😀s", "𝔞𝔟𝔠ations"]
    return sorted(set(corpus) | set(made))


@pytest.fixture(scope="module")
def catalogues(shipped, tmp_path_factory) -> dict:
    """The shipped catalogue (with its first translations), a synthetic one (Finnish only: every
    entry falls back) and the fixture site's hostile text."""
    fixture = check_catalogue(copy_fixture_site(tmp_path_factory.mktemp("fixture") / "site"), load_schema())
    return {
        "shipped": shipped,
        "synthetic": synthetic_catalogue(tmp_path_factory.mktemp("synthetic"), 300, seed=5),
        "fixture": fixture,
    }


@pytest.fixture(scope="module")
def finders(catalogues, tmp_path_factory) -> dict[tuple[str, str], tuple[SearchData, Path]]:
    """Each catalogue's Swedish and English finder data, written out as the site publishes it."""
    out = {}
    for name, catalogue in catalogues.items():
        folder = tmp_path_factory.mktemp(f"finder-{name}")
        for language in LANGUAGES:
            data = search_data(catalogue, language)
            for file in data.files():
                target = folder / file.src_uri
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(file.content)
            out[(name, language)] = (data, folder / data.data_dir)
    return out


def _queries(data: SearchData, language: str) -> list[str]:
    """The fixed queries, plus words of the index's own texts, alone and in pairs."""
    texts = [t for n in range(len(data.documents)) for t in data.fields(n)[:4]]
    words = sorted({w for t in texts for w in split_words(t)})
    sample = words[:: max(1, len(words) // 50)]
    pairs = [f"{a} {b}" for a, b in zip(sample[::2], sample[1::2], strict=False)]
    return QUERIES[language] + FINNISH_QUERIES + sample + pairs


@pytest.fixture(scope="module")
def javascript(catalogues, finders, tmp_path_factory) -> dict:
    """What Node, lunr.js, lunr.fi, lunr.sv and finder.js answer for the words and queries."""
    if NODE is None:
        pytest.fail("Node.js is needed for the Python/JavaScript equivalence tests (apt-get install nodejs).")
    words = {language: _words(catalogues["shipped"], language) for language in LANGUAGES}
    indexes = [
        {"name": f"{name}/{language}", "data": str(folder), "queries": _queries(data, language)}
        for (name, language), (data, folder) in finders.items()
    ]
    job = {
        "lunr": {name: str(path) for name, path in find_lunr_files().paths.items()},
        # The script as the site publishes it: built from its modules and minified.
        "finder": str(published_finder(tmp_path_factory.mktemp("finder"))),
        "words": words,
        "indexes": indexes,
    }
    return run_node("languages.js", job)


# -- the pipelines ------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_word_is_trimmed_filtered_and_stemmed_as_lunr_js_does(javascript, shipped, language):
    pipeline = pipeline_for(language)
    words = javascript["job"]["words"][language]
    assert len(words) > 20_000  # the corpus, the translations and the generated words
    assert len(_corpus_words(shipped, language)) > 400  # real words, not only generated ones
    differences = []
    for word, js in zip(words, javascript["words"][language], strict=True):
        trimmed = pipeline.trim(word)
        python = {"trimmed": trimmed, "stop": pipeline.is_stop_word(trimmed)}
        if python != {"trimmed": js["trimmed"], "stop": js["stop"]}:
            differences.append((word, python, js))
        # The stemmers agree on every token our step lets them see (all but the few with
        # characters they treat differently, which are searched unstemmed on both sides).
        elif pipeline.is_plain(trimmed) and pipeline.stem_word(trimmed) != js["stem"]:
            differences.append((word, pipeline.stem_word(trimmed), js["stem"]))
        # The whole pipeline, as the index and the finder's queries run it.
        if pipeline.query_stems(word) != js["query"]:
            differences.append((word, pipeline.query_stems(word), js["query"]))
    assert differences == [], f"{len(differences)} words differ, first: {differences[:5]}"


def test_lunr_py_s_own_english_pipeline_is_not_lunr_js_s(javascript):
    """Why generator/search/english.py ports lunr.js: lunr.py's Porter stemmer turns a final "y" after
    a vowel into "i", lunr.js's does not."""
    words = javascript["job"]["words"]["en"]
    stems = dict(zip(words, (j["stem"] for j in javascript["words"]["en"]), strict=True))
    assert stems["always"] == "alway" == porter_stem("always")
    assert porter_stemmer.stem("always") == "alwai"
    differ = [w for w in words if w.isascii() and w.isalpha() and porter_stemmer.stem(w) != stems[w]]
    assert len(differ) > 10


def test_the_hints_examples_hold():
    """The finder page's hint in each language: an inflected form finds the base form."""
    assert query_stems("kunnissa", "fi") == ["kun"] and "kunta".startswith(query_stems("kunta", "fi")[0])
    assert query_stems("kommunerna", "sv") == query_stems("kommun", "sv") == ["kommun"]
    assert query_stems("municipalities", "en") == query_stems("municipality", "en") == ["municip"]


def test_stop_words_and_word_characters_come_from_the_installed_files():
    sv, en = swedish_pipeline(), english_pipeline()
    assert {"och", "att", "för", "på"} <= sv.rules.stop_words and "kommun" not in sv.rules.stop_words
    assert {"the", "and", "of", "a"} <= en.stop_words and "income" not in en.stop_words
    assert sv.trim("»kommun«") == "kommun" and en.trim("“income”") == "income"
    assert en.trim("jyväskylä") == "jyväskyl"  # lunr.js's ASCII \W, on both sides


# -- the index ----------------------------------------------------------------------------------


def _finnish_field_terms(parts) -> str:
    """The ``fi`` field's terms, joined: each text's words through its own pipeline."""
    terms = []
    for part in parts:
        text, pipeline = part if isinstance(part, tuple) else (part, finnish_pipeline())
        terms += [t for t in map(pipeline.index_term, split_words(text)) if t is not None]
    return " ".join(terms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_merged_shards_are_the_index_plain_lunr_py_builds(shipped, language):
    """Plain lunr.py, with the page language's functions on the page's fields, builds the same
    index; the ``fi`` field's terms are given to it as they are (the next test says which)."""
    data = search_data(shipped, language)
    own = pipeline_for(language)
    builder = Builder()
    names = data.field_names
    for name in own.index_names:
        builder.pipeline.add(own.functions[name])
        builder.pipeline.skip(own.functions[name], [FINNISH_FIELD])
    builder.search_pipeline.add(*(data.index.search_pipeline._stack))
    builder.ref("ref")
    for name, boost in data.field_specs:
        builder.field(name, boost=boost)
    for number in range(len(data.documents)):
        *texts, finnish = data.fields(number)
        builder.add(
            {
                "ref": str(number),
                **{n: js_text(t) for n, t in zip(names, texts, strict=False)},
                FINNISH_FIELD: _finnish_field_terms(finnish),
            }
        )
    plain = builder.build().serialize()
    published = {f.src_uri: f.content for f in data.files()}
    meta = json.loads(published[data.data_dir + "meta.json"])
    shards = [json.loads(published[f"{data.data_dir}terms/{shard_file(p)}.json"]) for p in meta["shards"]]
    ours = merge_shards(meta["index"], shards)

    assert_same_lunr_index(ours, plain)
    assert ours["pipeline"] == list(own.search_names)


def test_the_finnish_remainder_keeps_only_what_the_page_terms_do_not_reach():
    remainder = finnish_remainder("sv")
    # Swedish "kunnill" starts with Finnish "kun": the page field reaches it.
    assert pipeline_for("sv").index_term("kunnille") == "kunnill" and remainder.index_term("kunnille") is None
    # Swedish "vuod" does not start with Finnish "vuode": kept.
    assert remainder.index_term("vuoden") == "vuode"
    assert remainder.index_term("ja") is None  # a Finnish stop word
    # English pages strip a final "ä" (lunr.js's ASCII trimmer): "kylä" is "kyl" there.
    assert finnish_remainder("en").index_term("kylä") == "kylä"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_finnish_word_of_an_entry_finds_it_on_the_other_finders(shipped, language):
    """What a whole Finnish field would find, the passes find: every word of the Finnish title
    and summary of every entry, searched alone (unless it is a stop word on either side)."""
    data = search_data(shipped, language)
    published = {f.src_uri: f.content for f in data.files()}
    meta = json.loads(published[data.data_dir + "meta.json"])
    shards = [json.loads(published[f"{data.data_dir}terms/{shard_file(p)}.json"]) for p in meta["shards"]]
    index = load_index(merge_shards(meta["index"], shards))
    passes = search_passes(meta)
    missed, tried = [], 0
    for number, entry in enumerate(data.documents):
        finnish = localized(entry, "fi")
        if finnish.text_language != "fi":
            continue
        for word in sorted(set(split_words(f"{finnish.title} {finnish.summary}"))):
            if not query_stems(word, language) or not query_stems(word, "fi"):
                continue
            tried += 1
            if number not in search(index, word, passes):
                missed.append((entry.slug, word))
    assert tried > 1000
    assert missed == []


# -- the queries --------------------------------------------------------------------------------


def test_queries_find_the_same_documents_in_the_same_order(javascript, finders):
    by_name = {f"{name}/{language}": (data, folder) for (name, language), (data, folder) in finders.items()}
    second_pass_found = several_in_all = queries = 0
    for index_answers in javascript["indexes"]:
        _, folder = by_name[index_answers["name"]]
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        passes = search_passes(meta)
        assert [
            (p["language"], p["fields"], frozenset(p["except"]))
            for p in index_answers["queries"][0]["passes"]
        ] == passes
        shards = [
            json.loads((folder / "terms" / f"{shard_file(p)}.json").read_text()) for p in meta["shards"]
        ]
        index = load_index(merge_shards(meta["index"], shards))
        several = 0
        for answer in index_answers["queries"]:
            query = answer["query"]
            where = f"{index_answers['name']}: {query!r}"
            stems = [query_stems(query, language) for language, *_ in passes]
            assert [p["stems"] for p in answer["passes"]] == stems, where
            union = list(dict.fromkeys(s for group in stems for s in group))
            assert needed_shards(union, meta["shards"]) == answer["shards"], where
            python = search(index, query, passes)
            assert answer["whole"] == python, where
            assert answer["reloaded"] == python, where
            assert answer["partial"] == python, f"{where}: the shards it needs do not give the whole answer"
            assert answer["direct"] == python, f"{where}: finder.js's own scoring differs from lunr's"
            first = search(index, query, passes[:1])
            assert python[: len(first)] == first, where
            second_pass_found += len(python) - len(first)
            several += len(python) > 1
        # The queries are not vacuous: many find several documents, which then need ordering.
        assert several >= 5, index_answers["name"]
        several_in_all += several
        queries += len(index_answers["queries"])
    assert several_in_all > queries / 4
    assert second_pass_found > 0  # Finnish words found more in their Finnish passes


def _search(data: SearchData, query: str) -> list[str]:
    published = {f.src_uri: f.content for f in data.files()}
    meta = json.loads(published[data.data_dir + "meta.json"])
    shards = [json.loads(published[f"{data.data_dir}terms/{shard_file(p)}.json"]) for p in meta["shards"]]
    index = load_index(merge_shards(meta["index"], shards))
    return [data.documents[n].slug for n in search(index, query, search_passes(meta))]


# The fixture site's entries (tests/fixtures/site/): the shipped catalogue's are not known.
BASIC_INCOME, ITS_LEARNING = "perustulokoe-tyottomille", "perustulo-ei-lisannyt-tyollisyytta"
VILLAGE_SCHOOL = "kylakoulu-iltaisin"


@pytest.fixture(scope="module")
def swedish(catalogues) -> SearchData:
    return search_data(catalogues["fixture"], "sv")


@pytest.fixture(scope="module")
def english(catalogues) -> SearchData:
    return search_data(catalogues["fixture"], "en")


def test_a_swedish_query_finds_the_basic_income_experiment(swedish):
    assert _search(swedish, "basinkomst") == [ITS_LEARNING, BASIC_INCOME]
    assert BASIC_INCOME in _search(swedish, "basinkomsten")
    assert _search(swedish, "basic income") == []  # English words are not Swedish ones


def test_an_english_query_finds_the_basic_income_experiment(english):
    assert _search(english, "basic income") == [ITS_LEARNING, BASIC_INCOME]
    assert BASIC_INCOME in _search(english, "incomes")
    assert _search(english, "basinkomst") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_finnish_words_still_find_untranslated_and_translated_entries(catalogues, language):
    data = search_data(catalogues["fixture"], language)
    untranslated = next(local for local in data.local if local.slug == VILLAGE_SCHOOL)
    assert untranslated.text_language == "fi"
    assert VILLAGE_SCHOOL in _search(data, "kunnissa")  # its summary says "Kunta"
    assert VILLAGE_SCHOOL in _search(data, "kyläkoulun")
    # "perustulon" is not a Swedish or English form: only the Finnish pass reduces it.
    assert BASIC_INCOME in _search(data, "perustulon")


# -- the data -----------------------------------------------------------------------------------


def test_each_language_publishes_only_its_own_data_under_its_folder(shipped):
    seen = {}
    for language in ("fi", *LANGUAGES):
        data = search_data(shipped, language)
        assert (
            data.data_dir
            == data_dir(language)
            == {"fi": "haku/data/"}.get(language, f"{language}/haku/data/")
        )
        names = [f.src_uri for f in data.files()]
        assert names and all(n.startswith(data.data_dir) for n in names), language
        assert f"{data.data_dir}meta.json" in names and f"{data.data_dir}docs/0.json" in names
        seen[language] = data.version
    assert len(set(seen.values())) == 3


def test_the_scripts_are_published_once_and_the_same_for_every_language():
    first, again = finder_assets(), finder_assets()
    assert [(f.src_uri, f.content) for f in first] == [(f.src_uri, f.content) for f in again]
    paths = find_lunr_files().paths
    assert [f.src_uri for f in first] == [ASSET_DIR + n for n in BROWSER_FILES] + [ASSET_DIR + FINDER_SCRIPT]
    assert "lunr.sv.js" in BROWSER_FILES
    for file in first[:-1]:
        assert file.content == paths[file.src_uri.removeprefix(ASSET_DIR)].read_bytes()
    assert first[-1].content == finder_script()


def test_the_order_and_facet_values_are_computed_once_for_all_languages(shipped):
    fi, sv, en = (search_data(shipped, language) for language in ("fi", *LANGUAGES))
    assert fi.shared is sv.shared is en.shared
    assert fi.documents is sv.documents and fi.values is en.values
    assert fi.counts() == sv.counts() == en.counts()


@pytest.mark.parametrize("language", LANGUAGES)
def test_facets_and_kinds_are_labelled_in_the_language(shipped, language):
    data = search_data(shipped, language)
    meta = json.loads(next(f.content for f in data.files() if f.src_uri.endswith("meta.json")))
    facets = {f["param"]: f for f in meta["facets"]}
    expected = {
        "sv": ("Typ", "Försök", "Lärdomar", "Tema", "Område", "Målnivå", "Status", "År"),
        "en": ("Kind", "Experiments", "Learnings", "Theme", "Region", "Goal level", "Status", "Year"),
    }[language]
    assert facets["laji"]["label"] == expected[0]
    assert [v["label"] for v in facets["laji"]["values"]] == list(expected[1:3])
    assert [facets[p]["label"] for p in ("teema", "alue", "taso", "tila", "vuosi")] == list(expected[3:])
    themes = shipped.vocabularies["teemat"]
    assert {v["label"] for v in facets["teema"]["values"]} <= {t.label(language) for t in themes}
    statuses = shipped.vocabularies["tilat"]
    assert {v["label"] for v in facets["tila"]["values"]} <= {t.label(language) for t in statuses}
    assert [k["label"] for k in meta["kinds"]] == {
        "sv": ["Försök", "Lärdom"],
        "en": ["Experiment", "Learning"],
    }[language]
    assert [k["url"] for k in meta["kinds"]] == ["kokeilut/", "opit/"]  # finder.js adds the prefix
    assert meta["language"] == language
    not_finnish = [n for n, local in enumerate(data.local) if local.text_language != "fi"]
    assert 0 < len(not_finnish) < len(data.local)
    assert meta["passes"] == [
        {"language": language, "fields": ["title", "summary", "keywords", "body"]},
        {"language": "fi", "fields": ["title", "summary", "body", FINNISH_FIELD], "except": not_finnish},
        {"language": "fi", "fields": [FINNISH_FIELD]},
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_record_names_the_language_of_a_fallback_text(shipped, language):
    """Every record: its title and summary in the language, or the title's language after it;
    a title translated alone is followed by the title's and then the summary's language."""
    data = search_data(shipped, language)
    seen = set()
    for record, entry in zip(data.records(), data.documents, strict=True):
        local = localized(entry, language, shipped.bodies.get(entry.path))
        assert record[1:4] == [entry.slug, local.title, local.summary], entry.slug
        title, summary = local.text_language, local.summary_language
        if title == summary == language:
            expected = []
        elif title == summary:
            expected = [title]
        else:
            expected = [title, summary]
        assert record[5:] == expected, entry.slug
        seen.add(tuple(expected))
    # Translated, untranslated and a title translated alone (the growth has each).
    assert {(), ("fi",), (language, "fi")} <= seen


def test_the_finnish_data_is_as_before(shipped):
    """No language key, no passes, and records of Finnish entries without a language."""
    data = search_data(shipped, "fi")
    meta = json.loads(next(f.content for f in data.files() if f.src_uri == "haku/data/meta.json"))
    assert "passes" not in meta and "language" not in meta
    # "fi": the base forms and compound parts of the entries' words (generator/search/morphology.py).
    assert meta["index"]["fields"] == ["title", "summary", "keywords", "body", "fi"]
    for record, entry in zip(data.records(), data.documents, strict=True):
        written = entry.values.get("language") or "fi"  # an entry written in Swedish says so
        assert record[5:] == ([] if written == "fi" else [written]), entry.slug


def test_the_messages_are_in_each_language(javascript):
    assert javascript["messages"] == {
        "fi": [
            "1 tulos haulla ”kunta”",
            "12 tulosta haulla ”kunta”",
            "3 tulosta",
            "Ei tuloksia haulla ”xyz”. Kokeile toista sanaa.",
            "Ei tuloksia haulla ”xyz”. Kokeile toista sanaa tai poista rajauksia.",
            "Ei tuloksia valituilla rajauksilla. Poista rajauksia.",
        ],
        "sv": [
            "1 träff för ”kunta”",
            "12 träffar för ”kunta”",
            "3 träffar",
            "Inga träffar för ”xyz”. Pröva ett annat ord.",
            "Inga träffar för ”xyz”. Pröva ett annat ord eller ta bort några val.",
            "Inga träffar med de valda avgränsningarna. Ta bort några val.",
        ],
        "en": [
            "1 result for “kunta”",
            "12 results for “kunta”",
            "3 results",
            "No results for “xyz”. Try another word.",
            "No results for “xyz”. Try another word or remove some of the choices.",
            "No results with the chosen options. Remove some of the choices.",
        ],
    }
    assert javascript["defaults"]["passes"] == [{"language": "fi", "fields": None, "except": None}]
    assert javascript["defaults"]["textLanguage"] == [None, "fi", None, None]
    assert javascript["defaults"]["summaryLanguage"] == [None, "fi", "fi", None, None]
