"""``kokeilu new``: a valid entry file from a title, never overwriting, asking for what is missing."""

from __future__ import annotations

import io

import pytest

from generator.cli import main
from generator.content.check import check_catalogue
from generator.core.model import UNKNOWN
from tests.support import VALID_EXPERIMENT

FLAGS = ["--level", "alueellinen", "--theme", "kiertotalous", "--theme", "ruoka", "--region", "pirkanmaa"]


def new(root, *args: str) -> int:
    return main(["--root", str(root), "new", *args])


def only_placeholders(problems) -> bool:
    """The file is valid: its only problems are the placeholder warnings it was written with."""
    return bool(problems) and all(p.rule == "placeholder" and not p.is_error for p in problems)


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
    assert only_placeholders(catalogue.problems)
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
    assert only_placeholders(check_catalogue(root).problems)


def test_unknown_theme_suggests_the_closest(make_catalogue, capsys):
    root = make_catalogue()
    assert (
        new(root, "Väärä teema", "--level", "alueellinen", "--theme", "kiertotalos", "--region", "uusimaa")
        == 1
    )
    err = capsys.readouterr().err
    assert 'Teemat: "kiertotalos" ei ole sanaston content/sanastot/teemat.yml tunniste eikä nimi.' in err
    assert "Tarkoititko: kiertotalous?" in err


@pytest.mark.parametrize(("region", "expected"), [("tuntematon", UNKNOWN), ("koko-suomi", [])])
def test_unknown_and_nationwide_regions(make_catalogue, region, expected):
    root = make_catalogue()
    assert new(root, "Aluekokeilu", "--level", "alueellinen", "--theme", "ruoka", "--region", region) == 0
    catalogue = check_catalogue(root)
    assert only_placeholders(catalogue.problems)
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
    assert only_placeholders(catalogue.problems)
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


def test_placeholders_are_warned_at_their_lines(make_catalogue, capsys):
    root = make_catalogue()
    assert new(root, "Kylätalon energiakokeilu", *FLAGS) == 0
    rel = "experiments/kylatalon-energiakokeilu.md"
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    capsys.readouterr()
    assert main(["--root", str(root), "check", rel]) == 0  # valid: warnings only
    out = capsys.readouterr().out
    warned = [line.split(": warning:")[0] for line in out.splitlines() if "[placeholder]" in line]
    summary = lines.index("summary: >-") + 2
    source = lines.index("sources:") + 2
    body = len(lines)
    assert warned == [f"{rel}:{summary}:3", f"{rel}:{source}:5", f"{rel}:{body}:1"]
    assert lines[summary - 1].startswith("  TÄYDENNÄ:") and lines[body - 1].startswith("TÄYDENNÄ:")
    assert main(["--root", str(root), "check", "--strict", rel]) == 1


def test_filled_in_file_has_no_placeholder_warnings(make_catalogue):
    root = make_catalogue()
    assert new(root, "Kylätalon energiakokeilu", *FLAGS) == 0
    path = root / "experiments/kylatalon-energiakokeilu.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        "https://www.example.fi/korvaa-tama-lahteen-osoitteella", "https://www.kyla.fi/energia"
    )
    text = text.replace(
        "TÄYDENNÄ: kerro yhdellä tai kahdella virkkeellä, mitä kokeiltiin, kuka kokeili ja missä.",
        "Kylätalo lämpeni aurinkosähköllä talven yli.",
    )
    text = text.replace("TÄYDENNÄ: kirjoita tähän kokeilun kuvaus", "Kuvaus:")
    path.write_text(text, encoding="utf-8")
    # The hint comments still say how to fill in the optional fields; they are not placeholders.
    assert "# " in text
    assert check_catalogue(root).problems == []


# -- every problem at once, labels, --slug ---------------------------------------------------------


def test_every_bad_flag_is_reported_in_one_run(make_catalogue, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    root = make_catalogue()
    args = ["--level", "ei", "--theme", "asuminen", "--theme", "xyz", "--region", "koko-suomi"]
    assert new(root, "Monta virhettä", *args, "--region", "uusimaa", "--slug", "Ä b") == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1].strip() for line in lines] == [
        "--slug",
        "Tavoitetaso",
        "Teemat",
        "Teemat",
        "Alueet",
    ]
    assert all(line.startswith("kokeilu new: ") for line in lines)
    assert 'Tavoitetaso: "ei" ei ole sanaston content/sanastot/tasot.yml tunniste eikä nimi.' in lines[1]
    # The obvious match first: the theme whose id starts with what was typed.
    assert "Tarkoititko: asuminen-ja-rakentaminen," in lines[2]
    assert "Anna tunniste tai nimi suomeksi, ruotsiksi tai englanniksi" in lines[3]
    assert "esimerkiksi --slug a-b." in lines[0]
    assert not (root / "experiments/monta-virhetta.md").exists()


def test_missing_flags_are_all_named_at_once(make_catalogue, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    root = make_catalogue()
    assert new(root, "Puuttuu kaksi", "--level", "alueellinen") == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[1].strip().split()[0] for line in lines] == ["Teemat", "Alueet"]
    assert "--theme" in lines[0] and "--region" in lines[1]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            ["koko-suomi", "uusimaa"],
            "--region koko-suomi tarkoittaa koko Suomea, joten sitä ei voi antaa yhdessä",
        ),
        (["Koko Suomi", "uusimaa"], "--region koko-suomi tarkoittaa koko Suomea"),
        (
            ["uusimaa", "tuntematon"],
            "--region tuntematon tarkoittaa, ettei aluetta tiedetä, joten sitä ei voi",
        ),
    ],
)
def test_nationwide_and_unknown_regions_stand_alone(make_catalogue, capsys, given, message):
    root = make_catalogue()
    regions = [arg for region in given for arg in ("--region", region)]
    assert new(root, "Aluekokeilu", "--level", "alueellinen", "--theme", "ruoka", *regions) == 1
    err = capsys.readouterr().err
    assert message in err
    assert "keski-suomi" not in err


def test_labels_work_as_well_as_ids(make_catalogue):
    root = make_catalogue()
    args = ["--level", "Alueellinen", "--theme", "tekoäly", "--theme", "Asuminen ja rakentaminen"]
    args += ["--region", "Keski-Suomi", "--region", "Nyland", "--region", "south ostrobothnia"]
    assert new(root, "Nimillä annettu", *args) == 0
    entry = check_catalogue(root).experiments["nimilla-annettu"]
    assert entry["level"] == "alueellinen"
    assert entry["themes"] == ["tekoaly", "asuminen-ja-rakentaminen"]
    assert entry["regions"] == ["keski-suomi", "uusimaa", "etela-pohjanmaa"]


def test_a_learning_kind_by_its_label(make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    args = ["--learning", "--theme", "Kiertotalous", "--kind", "Toimi", "--experiment", "testikokeilu"]
    assert new(root, "Labeloitu oppi", *args) == 0
    assert check_catalogue(root).learnings["labeloitu-oppi"]["kind"] == "toimi"


def test_slug_overrides_the_one_made_from_the_title(make_catalogue, capsys):
    root = make_catalogue()
    assert new(root, "Hyvin pitkä otsikko, josta tulisi pitkä tiedostonimi", *FLAGS, "--slug", "lyhyt") == 0
    assert "experiments/lyhyt.md" in capsys.readouterr().out
    entry = check_catalogue(root).experiments["lyhyt"]
    assert entry.title == "Hyvin pitkä otsikko, josta tulisi pitkä tiedostonimi"
    assert new(root, "Toinen", *FLAGS, "--slug", "lyhyt") == 1
    assert "Tiedosto experiments/lyhyt.md on jo olemassa" in capsys.readouterr().err


def test_the_learning_scaffold_speaks_of_a_learning(make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    args = ["--learning", "--theme", "kiertotalous", "--kind", "toimi", "--experiment", "testikokeilu"]
    assert new(root, "Pieni avustus riitti", *args) == 0
    text = (root / "content/opit/pieni-avustus-riitti.md").read_text(encoding="utf-8")
    assert "  TÄYDENNÄ: kerro yhdellä tai kahdella virkkeellä, mitä kokeilusta opittiin.\n" in text
    assert text.endswith(
        "TÄYDENNÄ: kirjoita tähän oppi Markdownina: mitä kokeilussa huomattiin, mistä sen tietää ja "
        "mitä muiden kannattaa tehdä toisin sen perusteella.\n"
    )
    assert "# Ajankohta – Milloin oppi havaittiin tai julkaistiin" in text
    assert "kohteessa" not in text and "mitä tehtiin, kuka, missä" not in text
