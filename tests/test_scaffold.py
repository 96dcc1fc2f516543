"""``kokeilu new``: a valid entry file from a title, never overwriting, asking for what is missing."""

from __future__ import annotations

import io

import pytest

from generator.catalogue import check_catalogue
from generator.cli import main
from generator.model import UNKNOWN
from tests.support import VALID_EXPERIMENT

FLAGS = ["--level", "alueellinen", "--theme", "kiertotalous", "--theme", "ruoka", "--region", "pirkanmaa"]


def new(root, *args: str) -> int:
    return main(["--root", str(root), "new", *args])


def test_slug_from_title_with_scandinavian_letters(make_catalogue, capsys):
    root = make_catalogue()
    assert new(root, "Äänestyskokeilu Åland-säätiössä – Öljyvahinko", *FLAGS) == 0
    rel = "experiments/aanestyskokeilu-aland-saatiossa-oljyvahinko.md"
    assert (root / rel).is_file()
    out = capsys.readouterr().out
    assert rel in out
    assert "kokeilu check" in out and "pull request" in out


def test_generated_file_passes_check(make_catalogue, capsys):
    root = make_catalogue()
    assert new(root, "Kylätalon energiakokeilu", *FLAGS) == 0
    catalogue = check_catalogue(root)
    assert catalogue.problems == []
    assert "kylatalon-energiakokeilu" in catalogue.experiments
    entry = catalogue.experiments["kylatalon-energiakokeilu"]
    assert entry["themes"] == ["kiertotalous", "ruoka"]
    assert entry["regions"] == ["pirkanmaa"]
    assert main(["--root", str(root), "check", "experiments/kylatalon-energiakokeilu.md"]) == 0


def test_every_optional_field_is_a_commented_hint(make_catalogue, schema):
    root = make_catalogue()
    assert new(root, "Vihjekokeilu", *FLAGS) == 0
    text = (root / "experiments/vihjekokeilu.md").read_text(encoding="utf-8")
    for spec in schema.experiment.fields:
        if not spec.required:
            assert f"# {spec.name}:" in text, spec.name
        else:
            assert f"\n{spec.name}:" in text, spec.name
    assert "organisers: tuntematon" in text
    assert "start: tuntematon" in text


def test_output_is_deterministic(make_catalogue, tmp_path):
    first = make_catalogue()
    assert new(first, "Sama kokeilu", *FLAGS) == 0
    text = (first / "experiments/sama-kokeilu.md").read_text(encoding="utf-8")
    (first / "experiments/sama-kokeilu.md").unlink()
    assert new(first, "Sama kokeilu", *FLAGS) == 0
    assert (first / "experiments/sama-kokeilu.md").read_text(encoding="utf-8") == text


def test_refuses_to_overwrite(make_catalogue, capsys):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    assert new(root, "Testikokeilu", *FLAGS) == 1
    assert "on jo olemassa" in capsys.readouterr().err
    assert (root / "experiments/testikokeilu.md").read_text(encoding="utf-8") == VALID_EXPERIMENT


def test_missing_flags_without_tty(make_catalogue, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    root = make_catalogue()
    assert new(root, "Puuttuvat tiedot", "--level", "alueellinen", "--theme", "ruoka") == 1
    err = capsys.readouterr().err
    assert "Alueet puuttuu" in err and "--region" in err
    assert "Traceback" not in err
    assert not (root / "experiments/puuttuvat-tiedot.md").exists()


def test_asks_for_missing_values_on_a_tty(make_catalogue, monkeypatch, capsys):
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Tty(""))
    answers = iter(["alueelinen", "alueellinen", "kiertotalous, ruoka", "uusimaa"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(answers))
    root = make_catalogue()
    assert new(root, "Kysytty kokeilu") == 0
    assert "Tarkoititko: alueellinen" in capsys.readouterr().err
    assert check_catalogue(root).problems == []


def test_unknown_theme_suggests_the_closest(make_catalogue, capsys):
    root = make_catalogue()
    assert (
        new(root, "Väärä teema", "--level", "alueellinen", "--theme", "kiertotalos", "--region", "uusimaa")
        == 1
    )
    err = capsys.readouterr().err
    assert 'Teemat: "kiertotalos" ei ole sanastossa' in err
    assert "Tarkoititko: kiertotalous?" in err


@pytest.mark.parametrize(("region", "expected"), [("tuntematon", UNKNOWN), ("koko-suomi", [])])
def test_unknown_and_nationwide_regions(make_catalogue, region, expected):
    root = make_catalogue()
    assert new(root, "Aluekokeilu", "--level", "alueellinen", "--theme", "ruoka", "--region", region) == 0
    catalogue = check_catalogue(root)
    assert catalogue.problems == []
    assert (
        catalogue.experiments["aluekokeilu"]["regions"] is expected
        or catalogue.experiments["aluekokeilu"]["regions"] == expected
    )


def test_learning_variant(make_catalogue, capsys):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    args = ["--learning", "--theme", "kiertotalous", "--kind", "toimi", "--experiment", "testikokeilu"]
    assert new(root, "Pieni avustus riitti", *args) == 0
    assert (root / "content/opit/pieni-avustus-riitti.md").is_file()
    catalogue = check_catalogue(root)
    assert catalogue.problems == []
    assert catalogue.learnings["pieni-avustus-riitti"]["experiments"] == ["testikokeilu"]


def test_learning_with_unknown_experiment(make_catalogue, capsys):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    args = ["--learning", "--theme", "kiertotalous", "--kind", "toimi", "--experiment", "testikokeilut"]
    assert new(root, "Pieni avustus riitti", *args) == 1
    assert "Tarkoititko: testikokeilu?" in capsys.readouterr().err


def test_title_without_letters_is_refused(make_catalogue, capsys):
    root = make_catalogue()
    assert new(root, "!!! ???", *FLAGS) == 1
    assert "Otsikosta ei saa tiedoston nimeä" in capsys.readouterr().err
