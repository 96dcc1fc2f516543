"""The files of one language's finder data (the contract is in generator/search/index.py):
meta.json's kinds, the records of docs/<n>.json, and the versioned set of files."""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from generator.core.dates import PartialDate
from generator.core.model import Entry
from generator.core.schema import Schema
from generator.core.sitefile import SiteFile
from generator.core.urls import FINDER_DATA_DIR
from generator.i18n.languages import LocalEntry, src_uri_in
from generator.i18n.presentation import experiment_years
from generator.i18n.translation import translator
from generator.search.facets import translated
from generator.search.lunr import shard_file

# Display records per docs/<n>.json: a results page of 20 touches a few small files.
CHUNK = 10
# The kinds of entry in meta.json "kinds", whose positions the records give.
KINDS = ("experiment", "learning")


def data_dir(language: str) -> str:
    """The site-relative folder of a language's finder data: "haku/data/", "sv/haku/data/"."""
    return src_uri_in(FINDER_DATA_DIR, language)


def kinds_meta(schema: Schema, language: str) -> list[dict[str, str]]:
    """meta.json's "kinds": each kind's id (its value in the kind facet), label and listing."""
    ids = {v.kind: v.id for spec in schema.facets if spec.derived == "kind" for v in spec.values}
    return [
        {
            "id": ids.get(kind, kind),
            "label": translated(schema.entry(kind).label_fi, language),
            "url": schema.entry(kind).listing_url[1:],
        }
        for kind in KINDS
    ]


def records(documents: Sequence[Entry], local: Sequence[LocalEntry], language: str) -> list[list[Any]]:
    """docs/<n>.json's records: [kind, slug, title, summary, years], and the language of the
    title and summary when it is not the page's (the finder marks them with ``lang``), then
    the summary's when it differs from the title's (a title translated without its summary)."""

    def record(entry: Entry, local: LocalEntry) -> list[Any]:
        if entry.kind == "experiment":
            years = experiment_years(entry, language, translator(language).gettext)  # as the cards
        else:
            date = entry.values.get("date")
            years = str(date.year) if isinstance(date, PartialDate) else ""
        found = [KINDS.index(entry.kind), entry.slug, local.title, local.summary, years]
        if local.text_language != language or local.summary_language != local.text_language:
            found.append(local.text_language)
        if local.summary_language != local.text_language:  # a title translated alone
            found.append(local.summary_language)
        return found

    return [record(entry, found) for entry, found in zip(documents, local, strict=True)]


def data_files(
    folder: str,
    meta: Mapping[str, Any],
    shards: Mapping[str, bytes],
    rows: Sequence[list[Any]],
    tops: Mapping[str, bytes],
) -> tuple[str, list[SiteFile]]:
    """The version and the files of one language's data: meta.json (``meta`` and the version),
    the shards under terms/, their likely first results under tops/ (generator/search/tops.py)
    and the records in chunks under docs/."""
    chunks = {
        f"{folder}docs/{n // CHUNK}.json": to_json(rows[n : n + CHUNK]) for n in range(0, len(rows), CHUNK)
    }
    # The version names this build's data: meta.json holds it, so it is hashed without it.
    digest = hashlib.sha256(to_json(meta))
    for prefix, content in shards.items():
        digest.update(prefix.encode() + b"\0" + content)
    for content in chunks.values():
        digest.update(content)
    for prefix, content in tops.items():
        digest.update(prefix.encode() + b"\1" + content)
    version = digest.hexdigest()[:16]
    files = [SiteFile(f"{folder}meta.json", to_json({"version": version, **meta}))]
    files += [SiteFile(f"{folder}terms/{shard_file(p)}.json", content) for p, content in shards.items()]
    files += [SiteFile(f"{folder}tops/{shard_file(p)}.json", content) for p, content in tops.items()]
    files += [SiteFile(name, content) for name, content in chunks.items()]
    return version, files


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while millions of small, acyclic objects are made: it would
    scan them again and again for nothing (reference counting still frees them)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def to_json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
