"""Reading files: encodings, line endings, size limits, stray files and hostile YAML."""

from __future__ import annotations

import tracemalloc

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, located


def test_bom_and_crlf_line_endings_are_fine(check):
    text = "\ufeff" + VALID_EXPERIMENT.replace("\n", "\r\n")
    catalogue = check({"experiments/windows.md": text.encode("utf-8")})
    assert catalogue.problems == []
    assert catalogue.experiments["windows"].title == "Testikokeilu"


def test_crlf_keeps_line_numbers(check):
    text = VALID_EXPERIMENT.replace("level: alueellinen", "level: kansallinen").replace("\n", "\r\n")
    catalogue = check({"experiments/windows.md": text.encode("utf-8")})
    assert located(catalogue) == {("experiments/windows.md", 4, 8, "unknown-term")}


def test_non_utf8_bytes_are_located_and_the_rest_is_still_checked(check):
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", "title: Testikokeilu Hämeessä").replace(
        "level: alueellinen", "level: kansallinen"
    )
    data = text.encode("latin-1")
    catalogue = check({"experiments/latin1.md": data})
    assert located(catalogue) == {
        ("experiments/latin1.md", 2, 22, "encoding"),
        ("experiments/latin1.md", 4, 8, "unknown-term"),
    }
    message = next(p.message for p in catalogue.problems if p.rule == "encoding")
    assert "0xE4" in message and "UTF-8" in message and "6 muuta" in message


def test_a_file_over_the_size_limit_is_refused_unread(check):
    limit = load_schema().max_file_bytes
    text = VALID_EXPERIMENT + ("Pitkä kuvaus. " * (limit // 10))
    catalogue = check({"experiments/iso.md": text})
    assert located(catalogue) == {("experiments/iso.md", 1, 1, "file-too-large")}
    assert f"{limit:,}".replace(",", " ") in catalogue.problems[0].message


def test_case_insensitive_duplicate_slugs_are_reported_on_both_files(check):
    catalogue = check(
        {"experiments/kokeilu.md": VALID_EXPERIMENT, "experiments/Kokeilu.md": VALID_EXPERIMENT}
    )
    assert located(catalogue) == {
        ("experiments/Kokeilu.md", 1, 1, "bad-slug"),
        ("experiments/Kokeilu.md", 1, 1, "duplicate-slug"),
        ("experiments/kokeilu.md", 1, 1, "duplicate-slug"),
    }


def test_readme_index_and_hidden_files_are_not_entries(check):
    catalogue = check(
        {
            "experiments/README.md": "# Ohje\n",
            "experiments/.gitkeep": "",
            "experiments/testikokeilu.md": VALID_EXPERIMENT,
            "content/opit/index.md": "# Opit\n",
            "content/opit/ohjeet/sivu.md": "# Sivu\n",  # a hand-written page (tests/content/test_files.py)
            "content/opit/testioppi.md": VALID_LEARNING,
        }
    )
    assert catalogue.problems == []
    assert list(catalogue.experiments) == ["testikokeilu"]
    assert list(catalogue.learnings) == ["testioppi"]


def test_an_alias_bomb_is_refused_without_expanding(make_catalogue):
    """Ten levels of nine aliases would expand to 10⁹ strings; it must cost next to nothing."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    text = VALID_EXPERIMENT.replace("end: 2019\n", "end: 2019\n" + "\n".join(lines) + "\n")
    root = make_catalogue({"experiments/pommi.md": text})
    tracemalloc.start()
    try:
        catalogue = check_catalogue(root)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert located(catalogue) == {("experiments/pommi.md", 14, 10, "yaml-alias")}
    assert "81 viittausta" in catalogue.problems[0].message
    assert peak < 20_000_000  # bytes; a full expansion would need many gigabytes


def test_every_problem_of_every_file_is_reported_in_one_run(check):
    catalogue = check(
        {
            "experiments/yksi.md": VALID_EXPERIMENT.replace("status: paattynyt", "status: valmis"),
            "experiments/kaksi.md": VALID_EXPERIMENT.replace("start: 2018", "start: 2018-13"),
            "content/opit/kolme.md": VALID_LEARNING.replace("[testikokeilu]", "[yksi, puuttuu]"),
        }
    )
    assert located(catalogue) == {
        ("experiments/yksi.md", 10, 9, "unknown-term"),
        ("experiments/kaksi.md", 11, 8, "bad-date"),
        ("content/opit/kolme.md", 4, 21, "missing-reference"),
    }


def test_a_stray_intro_beside_a_broken_vocabulary_is_reported_not_raised(check):
    """With teemat.yml unreadable there are no theme ids to suggest; the checker still reports."""
    catalogue = check(
        {
            "content/sanastot/teemat.yml": "- id: [rikki\n",
            "content/teemat/vanha-teema.md": "Johdanto.\n",
        }
    )
    rules = {(p.path, p.rule) for p in catalogue.problems}
    assert ("content/teemat/vanha-teema.md", "unknown-intro") in rules
    assert any(path == "content/sanastot/teemat.yml" for path, _ in rules)
