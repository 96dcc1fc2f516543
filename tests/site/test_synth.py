"""``kokeilu synth`` (generator/synth/synthesis.py): a complete, valid, deterministic, varied catalogue."""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.cli import main
from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.synth import synthesis
from generator.synth.lexicon import GENERAL_NOUNS
from generator.synth.nouns import Noun
from tests.support import REPO_ROOT, build_site

_WORD = re.compile(r"[a-zåäö]+")


def synth(out: Path, count: int, seed: int, root: Path = REPO_ROOT) -> tuple[int, str, str]:
    """``kokeilu --root ROOT synth`` in this process: (exit code, stdout, stderr)."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = main(
            ["--root", str(root), "synth", "--count", str(count), "--seed", str(seed), "--out", str(out)]
        )
    return code, stdout.getvalue(), stderr.getvalue()


def tree(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, by relative path."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def entry_files(root: Path) -> dict[str, bytes]:
    paths = [*root.glob("experiments/*.md"), *root.glob("content/opit/*.md")]
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(paths) if p.name != "index.md"}


def bodies(root: Path) -> list[str]:
    return [text.decode().split("\n---\n", 1)[1] for text in entry_files(root).values()]


def words(root: Path) -> set[str]:
    return {w for body in bodies(root) for w in _WORD.findall(body.lower())}


PRINTED: dict[str, str] = {}


@pytest.fixture(scope="module")
def made(shipped_root, tmp_path_factory) -> dict[str, Path]:
    """Synthetic catalogues made from the shipped site (grown: its content is not known here)."""
    roots = {}
    for name, count, seed in (("a", 40, 3), ("b", 40, 3), ("c", 40, 4), ("small", 5, 3), ("large", 120, 1)):
        roots[name] = tmp_path_factory.mktemp(name) / "out"
        code, PRINTED[name], err = synth(roots[name], count, seed, shipped_root)
        assert (code, err) == (0, ""), err
        assert f"Kirjoitettiin {count} kokeilua" in PRINTED[name]
    return roots


def test_kokeilu_check_accepts_it(made, capsys):
    code = main(["--root", str(made["a"]), "check", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert report["problems"] == []
    assert report["summary"] == {"experiments": 40, "learnings": 10, "errors": 0, "warnings": 0}


def test_it_is_a_complete_catalogue_folder(made, shipped_root):
    root = made["a"]
    for path in (
        "mkdocs.yml",
        "content/sanastot/teemat.yml",
        "content/index.md",
        "content/opit/index.md",
        "content/osallistu/kentat.md",
        "content/schema/kokeilu.schema.json",
        ".github/ISSUE_TEMPLATE/kokeilu.yml",
        "theme/main.html",
    ):
        assert (root / path).is_file(), path
    assert "- catalogue" in (root / "mkdocs.yml").read_text(encoding="utf-8")
    # Nothing of the repository's own entries or build, and no staging folder left beside it.
    shipped = {p.name for p in (shipped_root / "content/opit").glob("*.md")} - {"index.md"}
    assert not shipped & {p.name for p in (root / "content/opit").iterdir()}
    assert not (root / "site").exists()
    assert [p.name for p in root.parent.iterdir()] == ["out"]


def test_same_seed_same_bytes_other_seed_other_text(made):
    first, again, other = (tree(made[name]) for name in "abc")
    assert first == again
    assert entry_files(made["a"]).keys() != entry_files(made["c"]).keys()
    assert first.keys() != other.keys()


def test_the_first_experiment_is_the_same_at_every_count(made):
    """What benchmarks/scale.py relies on to compare one experiment's page across sizes."""
    first = {
        name: re.search(r"Ensimmäinen kokeilu: (\S+\.md)$", PRINTED[name], re.MULTILINE)[1]
        for name in ("a", "small")
    }
    assert first["a"] == first["small"]
    assert (made["a"] / first["a"]).read_bytes() == (made["small"] / first["a"]).read_bytes()


def test_refuses_a_non_empty_folder(tmp_path):
    out = tmp_path / "full"
    out.mkdir()
    (out / "muistiinpano.txt").write_text("älä kirjoita päälle", encoding="utf-8")
    code, stdout, stderr = synth(out, 5, 1)
    assert code == 2 and stdout == ""
    assert "kokeilu: Kansio" in stderr and "ei ole tyhjä" in stderr
    assert [p.name for p in tmp_path.iterdir()] == ["full"]
    assert [p.name for p in out.iterdir()] == ["muistiinpano.txt"]
    (tmp_path / "tiedosto").write_text("", encoding="utf-8")
    code, _, stderr = synth(tmp_path / "tiedosto", 5, 1)
    assert code == 2 and "ei ole kansio" in stderr


def test_an_empty_folder_is_fine_and_the_count_must_be_positive(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    assert synth(tmp_path / "empty", 3, 1)[0] == 0
    assert len(list((tmp_path / "empty/experiments").glob("*.md"))) == 3
    with pytest.raises(SystemExit) as exit_:
        main(["--root", str(REPO_ROOT), "synth", "--count", "0", "--out", str(tmp_path / "zero")])
    assert exit_.value.code == 2
    assert "positiivinen kokonaisluku" in capsys.readouterr().err


def test_taxonomy_distributions(made):
    texts = [t.decode() for t in entry_files(made["large"]).values()]
    experiments = [t for t in texts if "\nlevel: " in t]
    assert len(experiments) == 120
    levels = Counter(m for t in experiments for m in re.findall(r"^level: (\S+)$", t, re.MULTILINE))
    # About 5 % nationwide, 35 % regional and 60 % grassroots.
    assert set(levels) == {"valtakunnallinen", "alueellinen", "ruohonjuuri"}
    assert levels["ruohonjuuri"] > levels["alueellinen"] > levels["valtakunnallinen"]
    assert 0.45 < levels["ruohonjuuri"] / 120 < 0.75
    themes = Counter(
        t for e in experiments for t in re.search(r"^themes: \[(.*)\]$", e, re.MULTILINE)[1].split(", ")
    )
    regions = Counter(
        r
        for e in experiments
        for line in re.findall(r"^regions: \[(.*)\]$", e, re.MULTILINE)
        for r in line.split(", ")
        if r
    )
    # Several themes and regions, skewed: the commonest is well above the median one.
    assert len(themes) >= 12 and len(regions) >= 8
    assert themes.most_common(1)[0][1] >= 2 * sorted(themes.values())[len(themes) // 2]
    assert regions.most_common(1)[0][0] == "uusimaa"
    assert "regions: []" in "\n".join(experiments)  # Koko Suomi
    assert len(set(re.findall(r"^status: (\S+)$", "\n".join(texts), re.MULTILINE))) >= 4
    assert "start: tuntematon" in "\n".join(texts)
    # Learnings name existing experiments.
    catalogue = check_catalogue(made["large"], load_schema())
    assert catalogue.errors == [] and len(catalogue.learnings) == 30


def test_completed_experiments_have_results_and_designs_vary(made):
    catalogue = check_catalogue(made["large"], load_schema())
    assert [p for p in catalogue.problems if p.rule in {"result-missing", "report-missing"}] == []
    experiments = list(catalogue.experiments.values())
    completed = [e for e in experiments if e["status"] in {"paattynyt", "skaalattu"}]
    assert completed and all(e["result"] for e in completed)
    designs = Counter(e["evaluation"]["design"] for e in experiments if e["evaluation"])
    assert designs.most_common(1)[0][0] == "tuntematon" and len(designs) >= 4
    published = [e for e in experiments if (e["evaluation"] or {}).get("status") == "julkaistu"]
    assert published and all(e["evaluation"]["reports"] for e in published)


def test_the_guides_links_to_real_entries_become_text(made, shipped_root):
    guide = (made["a"] / "content/opas/index.md").read_text(encoding="utf-8")
    real = (shipped_root / "content/opas/index.md").read_text(encoding="utf-8")
    examples = re.findall(r"\[([^\]]+)\]\(\.\./(?:kokeilut|opit)/[a-z0-9-]+\.md\)", real)
    assert examples  # the guide links to real experiments and learnings as examples
    assert "](../kokeilut/" not in guide and "](../opit/" not in guide.replace("](../opit/index.md)", "")
    for text in examples:  # the link text stays
        assert text in guide, text
    assert "](../osallistu/index.md)" in guide and "](../haku/index.md)" in guide


def test_text_is_varied_inflected_finnish(made):
    large = bodies(made["large"])
    # No two entries share a body, and sentences are rarely repeated.
    assert len(set(large)) == len(large)
    sentences = [s for body in large for s in re.split(r"(?<=\.)\s+", body.strip())]
    assert len(set(sentences)) > 0.9 * len(sentences)
    # Bodies of realistic length.
    counts = [len(_WORD.findall(body.lower())) for body in large]
    assert 100 < sorted(counts)[len(counts) // 2] < 450
    # The vocabulary keeps growing with the catalogue (Heaps' law), not capped by the corpus.
    forms_small, forms_large = words(made["a"]), words(made["large"])
    assert len(forms_large) > 1.5 * len(forms_small)
    # One lemma in many inflected forms: what stemming is for.
    kunta = Noun("kunta:kunnan").forms
    assert len(set(kunta.values()) & forms_large) >= 5
    assert {"kunta", "kunnassa"} <= forms_large or {"kunnan", "kunnissa"} <= forms_large
    # Even in 40 experiments, several lemmas occur both in the nominative and the inessive.
    lexicon = [Noun(spec) for spec in GENERAL_NOUNS.split()]
    both = [n.nom for n in lexicon if {n.forms["nom"], n.forms["iness"]} <= forms_small]
    assert len(both) >= 3, both
    # Compounds made of two lexicon nouns.
    assert any(w.endswith("kokeilu") and len(w) > 10 for w in forms_large)


def test_inflection_rules():
    forms = Noun("kunta:kunnan").forms
    assert (forms["iness"], forms["pl_gen"], forms["illat"], forms["part"]) == (
        "kunnassa",
        "kuntien",
        "kuntaan",
        "kuntaa",
    )
    työ = Noun("työ:työn").forms
    assert (työ["iness"], työ["pl_gen"], työ["pl_illat"]) == ("työssä", "töiden", "töihin")
    hanke = Noun("hanke:hankkeen").forms
    assert (hanke["illat"], hanke["part"], hanke["pl_part"]) == ("hankkeeseen", "hanketta", "hankkeita")
    compound = Noun.compound("nuoriso", Noun("talo:talon"))
    assert compound.forms["iness"] == "nuorisotalossa"


def test_the_benchmarks_shim_writes_the_same_catalogue(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("synthetic", REPO_ROOT / "benchmarks" / "synthetic.py")
    shim = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(shim)
    made = shim.make_synthetic(tmp_path / "shim", 5, 3)
    synthesis.synthesise(tmp_path / "core", 5, 3, REPO_ROOT)
    assert tree(tmp_path / "shim") == tree(tmp_path / "core")
    assert len(made.experiments) == 5 and len(made.learnings) == 1


@pytest.mark.e2e
def test_mkdocs_builds_it_strictly(made, tmp_path):
    site = build_site(made["small"] / "mkdocs.yml", tmp_path / "site")
    pages = {p.parent.name for p in (site / "kokeilut").glob("*/index.html")}
    experiments = {p.stem for p in (made["small"] / "experiments").glob("*.md")}
    assert experiments <= pages
    assert (site / "haku/data/meta.json").is_file()
