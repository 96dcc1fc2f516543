"""The issue form and ``kokeilu from-issue`` on realistic issue bodies."""

from __future__ import annotations

import io

import pytest
import yaml

from generator.cli import main
from generator.content.check import check_catalogue
from generator.editorial.issue_entry import MAX_BODY_CHARS
from generator.editorial.issue_form import FORM_FILE, render_issue_form
from tests.support import REPO_ROOT, VALID_EXPERIMENT

COMPLETE = (REPO_ROOT / "tests/fixtures/issues/complete.md").read_text(encoding="utf-8")
SLUG = "kylatalon-energiakokeilu-saraisniemella"


def replace_answer(body: str, label: str, answer: str) -> str:
    """``body`` with the answer under ``### label`` replaced."""
    head, _, rest = body.partition(f"### {label}\n\n")
    assert rest, label
    _, _, tail = rest.partition("\n\n###")
    return f"{head}### {label}\n\n{answer}\n\n###{tail}" if tail else f"{head}### {label}\n\n{answer}\n"


def from_issue(root, body: str, *args: str, monkeypatch) -> int:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(body.encode("utf-8"))))
    return main(["--root", str(root), "from-issue", "-", *args])


def test_complete_issue_gives_a_valid_file(make_catalogue, capsys, monkeypatch):
    root = make_catalogue()
    assert from_issue(root, COMPLETE, monkeypatch=monkeypatch) == 0
    text = capsys.readouterr().out
    (root / "experiments").mkdir(exist_ok=True)
    (root / f"experiments/{SLUG}.md").write_text(text, encoding="utf-8")
    catalogue = check_catalogue(root)
    assert catalogue.problems == []
    entry = catalogue.experiments[SLUG]
    assert entry["themes"] == ["ilmasto", "lapset-ja-nuoret", "maaseutu"]
    assert [o["type"] for o in entry["organisers"]] == ["jarjesto", "kunta"]
    assert len(entry["sources"]) == 2
    assert entry["evaluation"] == {
        "design": "ennen-jalkeen",
        "evaluator": "Säräisniemen kyläyhdistys",
        "status": "julkaistu",
        "reports": ["https://www.example.fi/raportti", "https://www.example.fi/mittaukset"],
    }
    assert entry["result"]["outcome"] == "osittain"
    assert entry["result"]["summary"].startswith("Kylätalon ostosähkö väheni kesällä, mutta")
    assert entry["ethics"] == {
        "consent": None,
        "harms": None,
        "participants": "Kaikki kylätalon käyttäjät olivat mukana.",
    }


def test_an_answered_group_needs_its_required_answer(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Arviointi: Asetelma", "_No response_")
    body = replace_answer(body, "Tulos: Lopputulos", "Toimi hyvin")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Arviointi: Asetelma": vastaus puuttuu' in err
    assert 'Kenttä "Tulos: Lopputulos": "Toimi hyvin" ei ole vaihtoehtojen joukossa.' in err


def test_unanswered_evidence_groups_are_left_out(make_catalogue, capsys, monkeypatch):
    body = COMPLETE
    for label in (
        "Arviointi: Asetelma",
        "Arviointi: Arvioija",
        "Arviointi: Arvioinnin tila",
        "Arviointi: Raportit",
        "Tulos: Lopputulos",
        "Tulos: Yhteenveto",
        "Tulos: Näyttö",
        "Etiikka: Osallistujien valinta",
    ):
        body = replace_answer(body, label, "_No response_")
    body = replace_answer(body, "Tila", "Käynnissä")
    body = replace_answer(body, "Päättyi", "_No response_")
    root = make_catalogue()
    assert from_issue(root, body, monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    assert "evaluation" not in out and "result" not in out and "ethics" not in out


def test_write_creates_the_file_and_refuses_to_overwrite(make_catalogue, capsys, monkeypatch):
    root = make_catalogue()
    assert from_issue(root, COMPLETE, "--write", monkeypatch=monkeypatch) == 0
    assert (root / f"experiments/{SLUG}.md").is_file()
    assert check_catalogue(root).problems == []
    capsys.readouterr()
    assert from_issue(root, COMPLETE, "--write", monkeypatch=monkeypatch) == 1
    assert "on jo tiedosto" in capsys.readouterr().err


def test_reads_a_file_argument(make_catalogue, capsys):
    root = make_catalogue()
    path = root / "issue.md"
    path.write_text(COMPLETE, encoding="utf-8")
    assert main(["--root", str(root), "from-issue", str(path)]) == 0
    assert capsys.readouterr().out.startswith("---\ntitle: Kylätalon")


def test_crlf_body(make_catalogue, capsys, monkeypatch):
    root = make_catalogue()
    assert from_issue(root, COMPLETE.replace("\n", "\r\n"), monkeypatch=monkeypatch) == 0
    assert "\r" not in capsys.readouterr().out


def test_no_response_answers_become_unknown(make_catalogue, capsys, monkeypatch):
    body = COMPLETE
    for label in ("Alueet", "Järjestäjät", "Alkoi", "Yhteystaho: Organisaatio", "Rahoitus: Summa euroina"):
        body = replace_answer(body, label, "_No response_")
    root = make_catalogue()
    assert from_issue(root, body, monkeypatch=monkeypatch) == 0
    out = capsys.readouterr().out
    for line in ("regions: tuntematon", "organisers: tuntematon", "start: tuntematon", "contact: tuntematon"):
        assert line in out
    assert "funding" not in out


def problems_of(root, body: str, capsys, monkeypatch) -> str:
    assert from_issue(root, body, monkeypatch=monkeypatch) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    assert "Lomakkeesta ei voitu tehdä kokeilua" in captured.err
    return captured.err


def test_missing_required_answers(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Tavoitetaso", "_No response_")
    body = replace_answer(body, "Lähteet", "_No response_")
    body = replace_answer(body, "Tiivistelmä", "")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Tavoitetaso": vastaus puuttuu' in err
    assert 'Kenttä "Lähteet": vastaus puuttuu' in err
    assert 'Kenttä "Tiivistelmä": vastaus puuttuu' in err
    assert "missing-field" not in err and "Pakollinen kenttä" not in err


def test_malformed_date_and_url_name_the_form_field(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Alkoi", "toukokuu 2019")
    body = replace_answer(body, "Lähteet", "www.example.fi/ilman-skeemaa")
    body = replace_answer(body, "Rahoitus: Summa euroina", "5 000 €")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Alkoi": "toukokuu 2019" ei ole aika' in err
    assert 'Kenttä "Lähteet":' in err
    assert 'Kenttä "Rahoitus: Summa euroina":' in err


def test_a_bad_report_address_names_its_question(make_catalogue, capsys, monkeypatch):
    body = replace_answer(
        COMPLETE, "Arviointi: Raportit", "https://www.example.fi/raportti\nftp://example.fi/r"
    )
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Arviointi: Raportit": "ftp:"-alkuiset osoitteet eivät ole sallittuja.' in err


def test_unknown_dropdown_values_suggest_the_closest(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Alueet", "Pohjois-Pohjanma")
    body = replace_answer(body, "Teemat", "Ilmasto ja energia, Ruokaa")
    body = replace_answer(body, "Järjestäjät", "Kyläyhdistys (yhdistys)\nPelkkä nimi")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert (
        'Kenttä "Alueet": "Pohjois-Pohjanma" ei ole vaihtoehtojen joukossa. Tarkoititko: Pohjois-Pohjanmaa'
        in err
    )
    assert 'Kenttä "Teemat": "Ruokaa"' in err
    assert 'Kenttä "Järjestäjät": tyyppi "yhdistys" ei ole sanastossa' in err
    assert "Pelkkä nimi" not in err  # a name alone is an organiser whose type is not known


def test_extra_and_duplicate_headings(make_catalogue, capsys, monkeypatch):
    body = COMPLETE.replace("### Kuvaus\n", "### Muuta\n\nJotain\n\n### Kunnat\n\nOulu\n\n### Kuvaus\n")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Muuta": lomakkeessa ei ole tätä kenttää' in err
    assert 'Kenttä "Kunnat": kenttä on tekstissä kahdesti' in err


def test_text_that_is_not_a_form(make_catalogue, capsys, monkeypatch):
    err = problems_of(make_catalogue(), "Hei, lisätkää meidän kokeilu!", capsys, monkeypatch)
    assert 'Kenttä "Otsikko": vastaus puuttuu' in err


def test_huge_input_is_refused(make_catalogue, capsys, monkeypatch):
    body = COMPLETE + "x" * (MAX_BODY_CHARS + 1)
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert "liian pitkä" in err


def test_huge_answer_is_refused(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Tiivistelmä", "a" * 20_000)
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Tiivistelmä": vastaus on liian pitkä' in err


@pytest.mark.parametrize("title", ["../../etc/passwd", "..", "Kokeilu/../../x"])
def test_title_cannot_escape_the_experiments_folder(make_catalogue, capsys, monkeypatch, title):
    root = make_catalogue()
    body = replace_answer(COMPLETE, "Otsikko", title)
    code = from_issue(root, body, "--write", monkeypatch=monkeypatch)
    written = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.md"))
    assert all(p.startswith("experiments/") and "/" not in p.removeprefix("experiments/") for p in written)
    assert code in {0, 1}


def test_yaml_in_answers_is_data(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Otsikko", "!!python/object:os.system 'ls'")
    body = replace_answer(body, "Laajemmat tavoitteet", "{a: b}\n[1, 2]\n&anchor *alias")
    root = make_catalogue()
    assert from_issue(root, body, monkeypatch=monkeypatch) == 0
    text = capsys.readouterr().out
    (root / "experiments").mkdir(exist_ok=True)
    (root / "experiments/python-object-os-system-ls.md").write_text(text, encoding="utf-8")
    catalogue = check_catalogue(root)
    assert catalogue.problems == []
    assert catalogue.experiments["python-object-os-system-ls"]["title"] == "!!python/object:os.system 'ls'"


def test_existing_experiment_is_not_overwritten(make_catalogue, capsys, monkeypatch):
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    body = replace_answer(COMPLETE, "Otsikko", "Testikokeilu")
    err = problems_of(root, body, capsys, monkeypatch)
    assert "experiments/testikokeilu.md" in err


# --- the form -------------------------------------------------------------------------------


def test_committed_form_equals_the_generated_form(schema, repository_vocabularies):
    committed = (REPO_ROOT / FORM_FILE).read_text(encoding="utf-8")
    assert committed == render_issue_form(schema, repository_vocabularies)


def test_form_is_a_valid_github_issue_form(schema):
    form = yaml.safe_load((REPO_ROOT / FORM_FILE).read_text(encoding="utf-8"))
    assert {"name", "description", "body"} <= set(form)
    assert isinstance(form["labels"], list)
    ids, labels = set(), set()
    for item in form["body"]:
        assert item["type"] in {"markdown", "input", "textarea", "dropdown", "checkboxes"}
        attributes = item["attributes"]
        if item["type"] == "markdown":
            assert attributes["value"]
            continue
        assert item["id"] not in ids and attributes["label"] not in labels
        ids.add(item["id"])
        labels.add(attributes["label"])
        if item["type"] == "dropdown":
            options = attributes["options"]
            assert options and len(options) == len(set(options))
            assert "None" not in options
    # Every field of an experiment is asked.
    for spec in schema.experiment.fields:
        assert spec.name in ids or any(i.startswith(f"{spec.name}_") for i in ids), spec.name


def test_issue_template_config_is_valid():
    config = yaml.safe_load((REPO_ROOT / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    assert isinstance(config["blank_issues_enabled"], bool)
    for link in config["contact_links"]:
        assert {"name", "url", "about"} <= set(link)


def test_pre_commit_hook_runs_kokeilu_check():
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (hook,) = repo["hooks"]
    assert hook["entry"] == "kokeilu check" and hook["pass_filenames"] is True


# --- the facts of issue 19 --------------------------------------------------------------------


def add_answer(body: str, label: str, answer: str) -> str:
    """``body`` with a question the fixture does not answer answered, before the description."""
    return body.replace("### Kuvaus\n", f"### {label}\n\n{answer}\n\n### Kuvaus\n", 1)


def written(root, body: str, capsys, monkeypatch) -> tuple[str, object]:
    """The file ``from-issue`` prints for ``body``, and the catalogue checked with it."""
    assert from_issue(root, body, monkeypatch=monkeypatch) == 0
    text = capsys.readouterr().out
    (root / "experiments").mkdir(exist_ok=True)
    (root / f"experiments/{SLUG}.md").write_text(text, encoding="utf-8")
    return text, check_catalogue(root)


def test_municipalities_are_typed_by_name_in_finnish_or_swedish(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Kunnat", "Vaala, Utajärvi\nMuhos")
    text, catalogue = written(make_catalogue(), body, capsys, monkeypatch)
    assert "municipalities: [vaala, utajarvi, muhos]\n" in text
    assert catalogue.problems == []
    (catalogue.root / f"experiments/{SLUG}.md").unlink()
    body = replace_answer(COMPLETE, "Kunnat", "Vaala, Esbo")
    _, catalogue = written(catalogue.root, body, capsys, monkeypatch)
    # Espoo is not in Pohjois-Pohjanmaa, the region the form gave: a warning at it.
    assert [(p.line, p.rule) for p in catalogue.problems] == [(7, "municipality-region-missing")]


def test_an_unknown_municipality_gets_the_closest_names(make_catalogue, capsys, monkeypatch):
    err = problems_of(make_catalogue(), replace_answer(COMPLETE, "Kunnat", "Vala"), capsys, monkeypatch)
    assert 'Kenttä "Kunnat": "Vala" ei ole vaihtoehtojen joukossa. Tarkoititko: Vaala' in err


def test_unconfirmed_facts_are_chosen_by_their_questions(make_catalogue, capsys, monkeypatch):
    body = add_answer(COMPLETE, "Vahvistamattomat tiedot", "Alkoi, Rahoitus: Summa euroina")
    text, catalogue = written(make_catalogue(), body, capsys, monkeypatch)
    assert text.count("unconfirmed: [start, funding.amount_eur]\n") == 1
    assert catalogue.problems == []
    body = add_answer(COMPLETE, "Vahvistamattomat tiedot", "Alkoi, Otsikko")
    err = problems_of(make_catalogue(), body, capsys, monkeypatch)
    assert 'Kenttä "Vahvistamattomat tiedot": "Otsikko" ei ole vaihtoehtojen joukossa.' in err


def test_an_organiser_without_a_type_and_a_part_of_a_larger_experiment(make_catalogue, capsys, monkeypatch):
    body = replace_answer(COMPLETE, "Järjestäjät", "Säräisniemen kyläyhdistys\nVaalan kunta (tuntematon)")
    body = add_answer(body, "Osa kokeilua", "testikokeilu")
    body = add_answer(body, "Säädösperusta: Nimi", "Laki kuntakokeiluista (1234/2019)")
    root = make_catalogue({"experiments/testikokeilu.md": VALID_EXPERIMENT})
    text, catalogue = written(root, body, capsys, monkeypatch)
    assert "  - name: Säräisniemen kyläyhdistys\n    type: tuntematon\n" in text
    assert "  - name: Vaalan kunta\n    type: tuntematon\n" in text
    assert catalogue.problems == []
    entry = catalogue.experiments[SLUG]
    assert (entry["part_of"], entry["legal_basis"]["name"]) == (
        "testikokeilu",
        "Laki kuntakokeiluista (1234/2019)",
    )


def test_the_form_asks_for_municipalities_by_name_and_unconfirmed_facts_by_question(
    schema, fixture_vocabularies
):
    form = yaml.safe_load(render_issue_form(schema, fixture_vocabularies))
    by_id = {item.get("id"): item for item in form["body"]}
    assert by_id["municipalities"]["type"] == "textarea"
    assert by_id["municipalities"]["attributes"]["placeholder"] == "Tampere, Sastamala"
    options = by_id["unconfirmed"]["attributes"]["options"]
    assert {"Alkoi", "Rahoitus: Kokeiluhaku", "Säädösperusta: Linkki"} <= set(options)
    assert "Otsikko" not in options and "Lähteet" not in options
    assert by_id["funding_amount_precision"]["attributes"]["options"] == [
        "Tarkka summa",
        "Noin (likimääräinen summa)",
    ]
    assert all(len(item["attributes"].get("options", [])) <= 50 for item in form["body"])
