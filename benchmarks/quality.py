"""The query set and its scores, for benchmarks/search_quality.py and tests/content/test_query_set.py.

The query set is benchmarks/queries.yaml (its header says what each field and class means). A
search system's answer to a query is its ranked list of result addresses; the entry a result
is (an experiment or a learning, by slug) is read from the address alone, so the same scoring
serves this repository's finder at any revision and Pagefind.

Scores, per class, per language and overall:
- recall@10: the share of queries whose expected entry is among the first 10 results;
- MRR: the mean over queries of 1/rank of the expected entry, 0 when it is not among the
  first 10 (MRR@10; the finder shows 10 results before "Näytä lisää").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

QUERIES_FILE = Path(__file__).resolve().parent / "queries.yaml"
LANGUAGES = ("fi", "sv", "en")
CLASSES = (
    "inflected",
    "compound-part",
    "topic",
    "typo",
    "no-diacritics",
    "other-language-label",
    "multi-word",
)
KINDS = ("experiment", "learning")
# Where each kind of entry is published (under the language's prefix, /sv/ or /en/).
KIND_OF_SECTION = {"kokeilut": "experiment", "opit": "learning"}
# Where each kind of entry is written in the repository.
SOURCE_DIRS = {"experiment": "experiments", "learning": "content/opit"}
TOP = 10
_ENTRY_PATH = re.compile(r"^/(?:(?:sv|en)/)?(kokeilut|opit)/([a-z0-9][a-z0-9-]*)/(?:index\.html)?$")


@dataclass(frozen=True)
class Query:
    q: str
    lang: str
    cls: str
    expect: str
    kind: str = "experiment"

    @property
    def target(self) -> tuple[str, str]:
        return (self.kind, self.expect)


def load_queries(path: Path = QUERIES_FILE) -> list[Query]:
    """The query set, in file order. Raises ValueError on an entry without q/lang/class/expect."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    queries = []
    for number, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not all(key in item for key in ("q", "lang", "class", "expect")):
            raise ValueError(f"{path}: query {number} needs q, lang, class and expect: {item!r}")
        queries.append(
            Query(
                q=str(item["q"]),
                lang=str(item["lang"]),
                cls=str(item["class"]),
                expect=str(item["expect"]),
                kind=str(item.get("kind", "experiment")),
            )
        )
    return queries


def entry_of(address: str) -> tuple[str, str] | None:
    """(kind, slug) of an entry page's address in any language, None for any other page."""
    match = _ENTRY_PATH.match(unquote(urlsplit(address).path))
    if not match or match.group(2) == "sivu":
        return None
    return (KIND_OF_SECTION[match.group(1)], match.group(2))


def rank_of(query: Query, results: list[tuple[str, str]]) -> int | None:
    """The 1-based rank of the expected entry among the first TOP results, or None."""
    for position, entry in enumerate(results[:TOP], 1):
        if entry == query.target:
            return position
    return None


def scores(queries: list[Query], ranks: list[int | None]) -> dict[str, dict]:
    """{group: {n, recall, mrr}} for every class, every language and "all"."""
    groups: dict[str, list[int | None]] = {name: [] for name in (*CLASSES, *LANGUAGES, "all")}
    for query, rank in zip(queries, ranks, strict=True):
        for group in (query.cls, query.lang, "all"):
            groups.setdefault(group, []).append(rank)
    return {
        group: {
            "n": len(values),
            "recall": sum(rank is not None for rank in values) / len(values) if values else 0.0,
            "mrr": sum(1 / rank for rank in values if rank) / len(values) if values else 0.0,
        }
        for group, values in groups.items()
    }


def markdown_table(queries: list[Query], runs: dict[str, list[int | None]]) -> str:
    """One row per class, per language and overall; recall@10 and MRR for each system."""
    table = {name: scores(queries, ranks) for name, ranks in runs.items()}
    head = ["group", "n"] + [f"{name} {metric}" for name in runs for metric in ("R@10", "MRR")]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    first = next(iter(table.values()))
    languages = [name for name in LANGUAGES if first[name]["n"]]
    # A language's row only when the queries have more than one language.
    for group in (*CLASSES, *(languages if len(languages) > 1 else ()), "all"):
        if not first[group]["n"]:
            continue
        cells = [f"**{group}**" if group == "all" else group, str(first[group]["n"])]
        for name in runs:
            row = table[name][group]
            cells += [f"{row['recall']:.1%}", f"{row['mrr']:.3f}"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def misses(queries: list[Query], ranks: list[int | None], answers: list[dict]) -> list[dict]:
    """The queries whose expected entry is not in the first TOP results, with the number of
    results and the top 3 (``answers``: {"entries": [(kind, slug), ...], "count": n} per query)."""
    return [
        {
            "q": query.q,
            "lang": query.lang,
            "class": query.cls,
            "expect": query.expect,
            "kind": query.kind,
            "count": answer["count"],
            "top3": [slug for _, slug in answer["entries"][:3]],
        }
        for query, rank, answer in zip(queries, ranks, answers, strict=True)
        if rank is None
    ]


def markdown_misses(name: str, missed: list[dict]) -> str:
    lines = [f"### Misses: {name} ({len(missed)})", ""]
    for miss in missed:
        top = ", ".join(miss["top3"]) if miss["top3"] else "nothing"
        lines.append(
            f"- `{miss['q']}` ({miss['lang']}, {miss['class']}) → expected {miss['expect']}; "
            f"{miss['count']} results, top 3: {top}"
        )
    return "\n".join(lines)
