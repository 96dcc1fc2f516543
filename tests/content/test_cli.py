"""The ``kokeilu`` command line: exit codes, the three output formats, scoping, export, schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from generator.cli import main
from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.derived.files import write_derived_files
from tests.support import VALID_EXPERIMENT, VALID_LEARNING

BROKEN = VALID_EXPERIMENT.replace("level: alueellinen", "level: yes").replace(
    "regions: [pirkanmaa]", "regions: [Pirkanmaa]"
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def catalogue(make_catalogue):
    root = make_catalogue(
        {
            "experiments/testikokeilu.md": VALID_EXPERIMENT,
            "experiments/rikki.md": BROKEN,
            "content/opit/testioppi.md": VALID_LEARNING,
        }
    )
    schema = load_schema()
    write_derived_files(root, schema, check_catalogue(root, schema).vocabularies)
    return root


def test_check_reports_every_problem_sorted_with_a_summary(capsys, catalogue):
    code, out, _ = run(capsys, "--root", str(catalogue), "check")
    lines = out.splitlines()
    assert code == 1
    assert lines[0].startswith("experiments/rikki.md:4:8: error: YAML lukee arvon yes ")
    assert lines[0].endswith("[yaml-truthy]")
    assert lines[1].startswith('experiments/rikki.md:6:11: error: "Pirkanmaa" ei ole')
    assert 'Tarkoititko "pirkanmaa"?' in lines[1]
    assert lines[2] == (
        "Tarkistettiin 2 kokeilua ja 1 oppi: 2 virhettä, 0 varoitusta. "
        "Korjaa virheet ja aja tarkistus uudelleen."
    )
    assert len(lines) == 3


def test_check_reports_stale_derived_files_with_the_fix(capsys, catalogue):
    (catalogue / "content/schema/kokeilu.schema.json").unlink()
    code, out, _ = run(capsys, "--root", str(catalogue), "check")
    assert code == 1
    assert "content/schema/kokeilu.schema.json:1:1: error: Tiedosto puuttuu" in out
    assert out.splitlines()[0].endswith("[stale-derived-file]")
    assert "kokeilu schema --write" in out


def test_check_exits_zero_on_a_valid_catalogue_and_reports_counts(capsys, make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    assert main(["--root", str(root), "schema", "--write"]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0
    assert out == "Tarkistettiin 1 kokeilu ja 0 oppia: 0 virhettä, 0 varoitusta. Kokoelma on kunnossa.\n"


def test_check_given_files_reports_only_those_but_in_context(capsys, catalogue, monkeypatch):
    monkeypatch.chdir(catalogue)
    code, out, _ = run(capsys, "check", "content/opit/testioppi.md")
    # The learning is checked against the whole catalogue (its experiment exists): no problems.
    assert code == 0
    assert out.startswith("Tarkistettiin 0 kokeilua ja 1 oppi: 0 virhettä")
    code, out, _ = run(capsys, "check", "experiments/rikki.md")
    assert code == 1
    assert all(line.startswith("experiments/rikki.md:") for line in out.splitlines()[:-1])


def test_check_github_format_annotates_lines(capsys, catalogue):
    code, out, _ = run(capsys, "--root", str(catalogue), "check", "--format", "github")
    assert code == 1
    assert out.splitlines()[0].startswith(
        "::error file=experiments/rikki.md,line=4,col=8,title=yaml-truthy::YAML lukee arvon yes"
    )


def test_check_json_format(capsys, catalogue):
    code, out, _ = run(capsys, "--root", str(catalogue), "check", "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["summary"] == {"experiments": 2, "learnings": 1, "errors": 2, "warnings": 0}
    first = data["problems"][0]
    assert first == {
        "path": "experiments/rikki.md",
        "line": 4,
        "column": 8,
        "rule": "yaml-truthy",
        "severity": "error",
        "message": first["message"],
    }


def test_warnings_exit_zero_unless_strict(capsys, make_catalogue):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT.replace("end: 2019\n", "")})
    main(["--root", str(root), "schema", "--write"])
    capsys.readouterr()
    code, out, _ = run(capsys, "--root", str(root), "check")
    assert code == 0 and "[end-missing]" in out
    code, _, _ = run(capsys, "--root", str(root), "check", "--strict")
    assert code == 1


def test_usage_and_environment_errors_exit_two(capsys, tmp_path, catalogue):
    code, _, err = run(capsys, "--root", str(tmp_path), "check")
    assert code == 2 and "content/sanastot/" in err
    code, _, err = run(capsys, "--root", str(catalogue), "check", str(catalogue / "experiments/puuttuu.md"))
    assert code == 2 and "puuttuu.md" in err
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--format", "xml"])
    assert exit_info.value.code == 2


def test_root_is_found_from_a_subfolder(capsys, catalogue, monkeypatch):
    monkeypatch.chdir(catalogue / "experiments")
    _code, out, _ = run(capsys, "check", "--format", "json")
    assert json.loads(out)["summary"]["experiments"] == 2


def test_export_refuses_an_invalid_catalogue_with_the_same_problems(capsys, catalogue):
    code, out, err = run(capsys, "--root", str(catalogue), "export")
    assert code == 1
    assert out == ""
    assert "experiments/rikki.md:4:8: error:" in err


def test_export_prints_the_open_data_shape(capsys, make_catalogue):
    root = make_catalogue(
        {"experiments/testikokeilu.md": VALID_EXPERIMENT, "content/opit/testioppi.md": VALID_LEARNING}
    )
    code, out, _ = run(capsys, "--root", str(root), "export")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"experiments", "learnings"}
    experiment = data["experiments"][0]
    assert experiment["slug"] == "testikokeilu"
    assert experiment["url"] == "/kokeilut/testikokeilu/"
    assert experiment["level"] == "alueellinen"
    assert experiment["regions"] == ["pirkanmaa"]
    assert experiment["organisers"] == [{"name": "Tampereen kaupunki", "type": "kunta"}]
    assert experiment["start"] == "2018" and experiment["end"] == "2019"
    assert experiment["funding"] is None
    assert experiment["learnings"] == ["testioppi"]
    learning = data["learnings"][0]
    assert learning["url"] == "/opit/testioppi/"
    assert learning["experiments"] == ["testikokeilu"]
    assert learning["kind"] == "toimi"


def test_schema_reports_stale_files_and_write_fixes_them(capsys, make_catalogue):
    root = make_catalogue()
    (root / "content/osallistu").mkdir(parents=True)
    (root / "content/osallistu/kentat.md").write_text("# Vanha kenttäviite\n", encoding="utf-8")
    code, out, _ = run(capsys, "--root", str(root), "schema")
    assert code == 1
    assert "  content/schema/kokeilu.schema.json (puuttuu)\n" in out
    assert "  content/osallistu/kentat.md (vanhentunut)\n" in out
    assert "Aja kokeilu schema --write" in out
    # Stale files are not a clean catalogue: no "0 virhettä … Kokoelma on kunnossa" after them.
    assert "Kokoelma on kunnossa" not in out and "0 virhettä" not in out
    code, out, _ = run(capsys, "--root", str(root), "schema", "--write")
    assert code == 0 and "päivitetty content/osallistu/kentat.md" in out
    code, out, _ = run(capsys, "--root", str(root), "schema")
    assert code == 0


def test_console_script_and_module_run_the_same_command(repo_root):
    """``python -m generator`` works from the repository (the console script is the same main)."""
    env = {**os.environ, "PYTHONPATH": str(repo_root)}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"],
        cwd=repo_root,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Kokoelma on kunnossa." in result.stdout
    assert "Traceback" not in result.stderr
