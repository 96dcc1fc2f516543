"""The synthetic catalogue of the benchmarks (benchmarks/synthetic.py): valid, deterministic, varied."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.catalogue import check_catalogue
from generator.schema import load_schema
from tests.support import REPO_ROOT

_spec = importlib.util.spec_from_file_location("synthetic", REPO_ROOT / "benchmarks" / "synthetic.py")
synthetic = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(synthetic)

_WORD = re.compile(r"[a-zåäö]+")


def entry_files(root: Path) -> dict[str, bytes]:
    paths = [*root.glob("experiments/*.md"), *root.glob("content/opit/*.md")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(paths) if p.name != "index.md"}


def bodies(root: Path) -> list[str]:
    return [text.decode().split("\n---\n", 1)[1] for text in entry_files(root).values()]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> dict[str, Path]:
    roots = {}
    for name, count, seed in (("a", 30, 1), ("b", 30, 1), ("c", 30, 2), ("large", 120, 1)):
        roots[name] = tmp_path_factory.mktemp(name)
        synthetic.make_synthetic(roots[name], count, seed)
    return roots


def test_passes_the_checker(made):
    catalogue = check_catalogue(made["a"], load_schema())
    assert [f"{p.path}:{p.line}: {p.message} [{p.rule}]" for p in catalogue.problems] == []
    assert len(catalogue.experiments) == 30
    assert len(catalogue.learnings) == 7
    # A complete site: vocabularies, hand-written pages, theme and MkDocs configuration.
    for path in ("content/sanastot/teemat.yml", "content/index.md", "theme", "mkdocs.yml"):
        assert (made["a"] / path).exists(), path


def test_same_seed_same_bytes_other_seed_other_text(made):
    first, again, other = (entry_files(made[name]) for name in "abc")
    assert first == again
    assert first.keys() != other.keys()


def test_front_matter_is_varied(made):
    texts = [t.decode() for t in entry_files(made["large"]).values()]
    levels = Counter(m for t in texts for m in re.findall(r"^level: (\S+)$", t, re.MULTILINE))
    assert set(levels) == {"valtakunnallinen", "alueellinen", "ruohonjuuri"}
    assert levels["ruohonjuuri"] > levels["alueellinen"] > levels["valtakunnallinen"]
    assert len(set(re.findall(r"^status: (\S+)$", "\n".join(texts), re.MULTILINE))) >= 4
    assert "start: tuntematon" in "\n".join(texts)


def test_text_is_varied_finnish(made):
    small, large = bodies(made["a"]), bodies(made["large"])
    # No two entries share a body, and sentences are rarely repeated.
    assert len(set(large)) == len(large)
    sentences = [s for body in large for s in re.split(r"(?<=\.)\s+", body.strip())]
    assert len(set(sentences)) > 0.9 * len(sentences)
    # Bodies of realistic length.
    words = [len(_WORD.findall(body.lower())) for body in large]
    assert 100 < sorted(words)[len(words) // 2] < 450
    # The vocabulary keeps growing with the catalogue (Heaps' law), not capped by the corpus.
    forms_small = {w for body in small for w in _WORD.findall(body.lower())}
    forms_large = {w for body in large for w in _WORD.findall(body.lower())}
    assert len(forms_large) > 1.6 * len(forms_small)
    # One lemma in many inflected forms: what stemming is for.
    kunta = set(synthetic.Noun("kunta:kunnan").forms.values())
    assert len(kunta & forms_large) >= 5
    # Compounds made of two lexicon nouns.
    assert any(w.endswith("kokeilu") and len(w) > 10 for w in forms_large)
