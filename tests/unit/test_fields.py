"""FieldChecker: one rule id per kind of mistake, reported at the value it is about."""

from __future__ import annotations

import pytest

from generator.content.fields import INVALID, FieldChecker, url_problem
from generator.content.yamltree import Mapping, compose
from generator.core.dates import PartialDate
from generator.core.model import UNKNOWN
from generator.core.problems import ProblemSink
from generator.core.schema import load_schema
from tests.support import VALID_EXPERIMENT, located

SCHEMA = load_schema()
PATH = "experiments/testikokeilu.md"


@pytest.fixture(scope="module")
def vocabularies(fixture_vocabularies):
    return fixture_vocabularies


@pytest.fixture
def field(vocabularies):
    """``field("level: x")`` → (value, [(line, col, rule)], problems) for one experiment field."""

    def run(text: str, kind: str = "experiment"):
        sink = ProblemSink(PATH)
        node = compose(text, 1, sink, SCHEMA.max_depth)
        assert sink.problems == [] and isinstance(node, Mapping)
        key, value_node = node.pairs[0]
        spec = SCHEMA.entry(kind).field(key.value)
        checker = FieldChecker(sink, vocabularies, SCHEMA.unknown_value)
        value = checker.check(spec, value_node, (key.value,))
        return value, [(p.line, p.column, p.rule) for p in sink.problems], sink.problems

    return run


def experiment(*extra_lines: str, replace: dict[str, str] | None = None) -> str:
    """VALID_EXPERIMENT with whole lines replaced and lines added before the closing ---."""
    lines = VALID_EXPERIMENT.split("\n")
    for old, new in (replace or {}).items():
        lines[lines.index(old)] = new
    closing = lines.index("---", 1)
    return "\n".join(lines[:closing] + list(extra_lines) + lines[closing:])


# -- text ----------------------------------------------------------------------------------------


def test_valid_experiment_has_no_problems(check):
    assert located(check({PATH: VALID_EXPERIMENT})) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: abc", "abc"),
        ("title: " + "x" * 120, "x" * 120),
        ("title: '  Monta   välilyöntiä '", "Monta välilyöntiä"),
    ],
)
def test_text_within_bounds(field, text, expected):
    assert field(text)[:2] == (expected, [])


def test_text_too_short(field):
    value, where, problems = field("title: ab")
    assert (value, where) == (INVALID, [(1, 8, "too-short")])
    assert "vähintään 3 merkkiä" in problems[0].message


def test_text_too_long(field):
    value, where, problems = field("title: " + "x" * 121)
    assert (value, where) == (INVALID, [(1, 8, "too-long")])
    assert "Lyhennä sitä 1 merkillä" in problems[0].message


def test_summary_too_long_says_to_move_the_rest_to_the_description(field):
    _, where, problems = field("summary: " + "sana " * 70)
    assert where == [(1, 10, "too-long")]
    assert "siirrä loput kuvaukseen" in problems[0].message


@pytest.mark.parametrize(
    ("summary", "markup"),
    [
        ("Tämä tiivistelmä on tarpeeksi pitkä ja <b>lihavoitu</b> kohta.", "<b"),
        ("Tämä tiivistelmä on tarpeeksi pitkä ja [linkki](https://x.fi).", "[linkki](https://x.fi)"),
    ],
)
def test_summary_must_be_plain_text(field, summary, markup):
    _, where, problems = field(f"summary: {summary}")
    assert where == [(1, 10, "not-plain-text")]
    assert f'("{markup}")' in problems[0].message


def test_title_is_not_checked_for_markup(field):
    assert field("title: Kokeilu <3")[1] == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("title: yes", "yaml-truthy"),
        ("title: 2017", "yaml-number"),
        ("title: 2017-08-01", "yaml-date"),
    ],
)
def test_plain_value_read_as_another_type_is_a_trap(field, text, rule):
    _, where, problems = field(text)
    assert where == [(1, 8, rule)]
    assert f'title: "{text.split(": ")[1]}"' in problems[0].message


@pytest.mark.parametrize("text", ["title:", "title: ~", "title: '   '"])
def test_empty_text(field, text):
    _, where, _ = field(text)
    assert [rule for *_, rule in where] == ["empty-value"]


def test_text_given_a_list(field):
    _, where, problems = field("title: [a]")
    assert where == [(1, 8, "wrong-type")]
    assert "nyt se on lista" in problems[0].message


# -- ids and lists of ids ------------------------------------------------------------------------


def test_ids_given_a_scalar_suggests_brackets(field):
    _, where, problems = field("themes: kiertotalous")
    assert where == [(1, 9, "wrong-type")]
    assert "themes: [kiertotalous]" in problems[0].message


def test_duplicate_item_is_reported_at_the_second(field):
    _, where, problems = field("themes:\n  - kiertotalous\n  - ruoka\n  - kiertotalous\n")
    assert where == [(4, 5, "duplicate-item")]
    assert "rivillä 2" in problems[0].message


def test_too_few_items(field):
    _, where, problems = field("themes: []")
    assert where == [(1, 9, "too-few-items")]
    assert "themes: [kiertotalous, ruoka]" in problems[0].message


def test_too_many_items_is_reported_at_the_list(field):
    _, where, _ = field("themes: [kiertotalous, ruoka, kulttuuri, koulutus, maaseutu, osallisuus, tekoaly]")
    assert where == [(1, 9, "too-many-items")]


@pytest.mark.parametrize(
    ("text", "position", "suggestion"),
    [
        ("themes: [kiertotalo]", (1, 10), '"kiertotalous"'),
        ("regions: [Pirkanmaa]", (1, 11), '"pirkanmaa"'),
        ("level: kansallinen", (1, 8), '"valtakunnallinen"'),
    ],
)
def test_unknown_term_suggests_the_closest(field, text, position, suggestion):
    _, where, problems = field(text)
    assert where == [(*position, "unknown-term")]
    assert f"Tarkoititko {suggestion}" in problems[0].message


def test_small_vocabulary_lists_every_term(field):
    _, _, problems = field("level: xyz")
    assert "Sallitut: valtakunnallinen, alueellinen, ruohonjuuri." in problems[0].message


def test_large_vocabulary_points_to_its_file(field):
    _, _, problems = field("themes: [xyzzy]")
    assert "content/sanastot/teemat.yml" in problems[0].message


def test_id_given_a_list(field):
    _, where, _ = field("level: [alueellinen]")
    assert where == [(1, 8, "wrong-type")]


def test_ids_plain_number_is_a_trap(field):
    _, where, problems = field("regions: [06]")
    assert where == [(1, 11, "yaml-number")]
    assert 'Tarkoititko "pirkanmaa"?' in problems[0].message


# -- tuntematon ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["regions", "start", "organisers", "contact", "end"])
def test_tuntematon_is_accepted_where_the_schema_allows(field, name):
    assert field(f"{name}: tuntematon")[:2] == (UNKNOWN, [])


def test_tuntematon_as_a_title_is_just_text(field):
    assert field("title: tuntematon")[:2] == ("tuntematon", [])


def test_tuntematon_is_a_term_of_the_status_vocabulary(field):
    assert field("status: tuntematon")[:2] == ("tuntematon", [])


def test_tuntematon_level_is_an_unknown_term(field):
    value, where, _ = field("level: tuntematon")
    assert (value, where) == (INVALID, [(1, 8, "unknown-term")])


@pytest.mark.parametrize("text", ["level: tuntematon", "themes: [tuntematon]"])
def test_tuntematon_where_not_allowed_does_not_suggest_tuntematon(field, text):
    name = text.split(":")[0]
    _, _, problems = field(text)
    assert [p.rule for p in problems] == ["unknown-term"]
    assert f"{name}: tuntematon" not in problems[0].message


def test_tuntematon_in_brackets_says_to_drop_the_brackets(field):
    _, where, problems = field("regions: [tuntematon]")
    assert where == [(1, 11, "unknown-term")]
    assert "regions: tuntematon ilman hakasulkeita" in problems[0].message


def test_regions_as_a_scalar_mentions_tuntematon(field):
    _, where, problems = field("regions: Pirkanmaa")
    assert where == [(1, 10, "wrong-type")]
    assert "regions: [Pirkanmaa] (tai regions: tuntematon" in problems[0].message


def test_empty_regions_list_means_all_of_finland(field):
    assert field("regions: []")[:2] == ([], [])


# -- urls ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["https://www.example.fi/kokeilu", "http://example.fi", "HTTPS://EXAMPLE.FI", "https://a.fi/?q=1#x"],
)
def test_url_ok(url):
    assert url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "hint"),
    [
        ("javascript:alert(1)", '"javascript:"-alkuiset osoitteet eivät ole sallittuja'),
        ("JavaScript:alert(1)", '"javascript:"-alkuiset osoitteet eivät ole sallittuja'),
        ("data:text/html,<script>alert(1)</script>", '"data:"-alkuiset'),
        ("vbscript:msgbox(1)", '"vbscript:"-alkuiset'),
        ("ftp://example.fi/x", '"ftp:"-alkuiset'),
        ("www.example.fi/sivu", "puuttuu alku https://"),
        ("//example.fi/sivu", "puuttuu alku https://"),
        ("https://www.example .fi", "välilyönti"),
        ("https://localhost/sivu", 'palvelimen nimi "localhost"'),
        ("https://.fi", 'palvelimen nimi ".fi"'),
        ("https://example.fi:99999/", "ei ole kelvollinen osoite"),
        ("https://issuu.com./savogrow/docs/x", "Kirjoita se muodossa issuu.com."),
        ("https://www..example.fi/", "Kirjoita se muodossa www.example.fi."),
    ],
)
def test_url_problem(url, hint):
    assert hint in url_problem(url)


def test_bad_source_is_reported_at_the_item(field):
    _, where, _ = field("sources:\n  - https://example.fi\n  - javascript:alert(1)\n")
    assert where == [(3, 5, "bad-url")]


def test_a_trailing_dot_in_a_host_is_reported_at_the_item(field):
    """The editors' JSON Schema refuses "issuu.com.", so the checker does too, at the address."""
    _, where, _ = field("sources:\n  - https://example.fi\n  - https://issuu.com./x/y\n")
    assert where == [(3, 5, "bad-url")]


def test_sources_given_a_scalar(field):
    _, where, problems = field("sources: https://example.fi")
    assert where == [(1, 10, "wrong-type")]
    assert "sources: [https://example.fi]" in problems[0].message


# -- email ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("email", "value"), [("info@kela.fi", "info@kela.fi"), ("mailto:info@kela.fi", "info@kela.fi")]
)
def test_email_ok(field, email, value):
    value_, where, _ = field(f"contact:\n  organisation: Kela\n  email: {email}\n")
    assert where == []
    assert value_["email"] == value


@pytest.mark.parametrize("email", ["info(at)kela.fi", "info@kela", "'@kela.fi'", "info kela@kela.fi"])
def test_bad_email(field, email):
    _, where, _ = field(f"contact:\n  organisation: Kela\n  email: {email}\n")
    assert where == [(3, 10, "bad-email")]


# -- numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "value"), [("5000", 5000), ("5000.5", 5000.5), ("0", 0)])
def test_number_ok(field, written, value):
    result, where, _ = field(f"funding:\n  amount_eur: {written}\n")
    assert where == []
    assert result["amount_eur"] == value


@pytest.mark.parametrize(
    ("written", "suggestion"), [("'5 000 €'", "amount_eur: 5000"), ('"12000 euroa"', "amount_eur: 12000")]
)
def test_number_written_as_text_suggests_the_digits(field, written, suggestion):
    _, where, problems = field(f"funding:\n  amount_eur: {written}\n")
    assert where == [(2, 15, "wrong-type")]
    assert suggestion in problems[0].message


def test_negative_number_is_out_of_range(field):
    _, where, problems = field("funding:\n  amount_eur: -5\n")
    assert where == [(2, 15, "out-of-range")]
    assert "pienempi kuin 0" in problems[0].message


@pytest.mark.parametrize("written", ["[1]", "yes"])
def test_not_a_number(field, written):
    _, where, _ = field(f"funding:\n  amount_eur: {written}\n")
    assert where == [(2, 15, "wrong-type")]


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("2017", PartialDate(2017)),  # a plain int
        ("2017-08-01", PartialDate(2017, 8, 1)),  # a plain timestamp
        ("2017-08", PartialDate(2017, 8)),  # plain text
        ("'2017'", PartialDate(2017)),  # quoted
        ('"2017-08-01"', PartialDate(2017, 8, 1)),
    ],
)
def test_date_ok(field, written, value):
    assert field(f"start: {written}")[:2] == (value, [])


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2017-08-01 10:00:00", "ilman kellonaikaa, esimerkiksi 2017-08-01"),
        ("2017-08-01T10:00:00Z", "ilman kellonaikaa, esimerkiksi 2017-08-01"),
        ("17", "17 ei ole vuosiluku"),
        ("1.8.2016", "2016-08-01"),
        ("2017-13", "Kuukausi 13"),
        ("2019-02-29", "28 päivää"),
        ("2017-8", "2017-08"),
    ],
)
def test_bad_date(field, written, hint):
    _, where, problems = field(f"start: {written}")
    assert where == [(1, 8, "bad-date")]
    assert hint in problems[0].message


def test_date_given_a_list(field):
    assert field("start: [2017]")[1] == [(1, 8, "wrong-type")]


# -- objects -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "position", "unknown"),
    [("contact: Kela", (1, 10), True), ("funding: 5000", (1, 10), False)],
)
def test_object_given_a_scalar(field, text, position, unknown):
    _, where, problems = field(text)
    assert where == [(*position, "wrong-type")]
    message = problems[0].message
    assert "Kirjoita alakentät kentän alle sisennettyinä omille riveilleen tai aaltosulkeisiin" in message
    # The example on one line is the "samalle riville" form the words offer.
    name = text.split(":")[0]
    assert f"samalle riville, esimerkiksi {name}: {{" in message
    assert (f"Jos tietoa ei ole, kirjoita {name}: tuntematon." in message) is unknown


def test_empty_funding_group(field):
    _, where, problems = field("funding: {}")
    assert where == [(1, 10, "empty-group")]
    assert (
        "amount_eur, amount_min_eur, amount_max_eur, amount_precision, funder, call, note"
        in problems[0].message
    )


def test_empty_object_value(field):
    assert field("contact:")[1] == [(1, 9, "empty-value")]


@pytest.mark.parametrize(
    ("text", "position", "suggestion"),
    [
        ("contact:\n  organisation: Kela\n  website: https://kela.fi\n", (3, 3), "url"),
        ("funding:\n  summa: 5000\n", (2, 3), "amount_eur"),
        ("organisers:\n  - name: Kela\n    typo: virasto\n    type: virasto\n", (3, 5), "type"),
    ],
)
def test_nested_unknown_key_with_did_you_mean(field, text, position, suggestion):
    _, where, problems = field(text)
    assert where == [(*position, "unknown-field")]
    assert f'Tarkoititko "{suggestion}"?' in problems[0].message


def test_nested_missing_field_is_reported_at_the_group(field):
    _, where, problems = field("organisers:\n  - name: Kela\n")
    assert where == [(2, 5, "missing-field")]
    assert '"type"' in problems[0].message


# -- through a whole catalogue -------------------------------------------------------------------


def test_funding_group_in_a_file(check):
    catalogue = check({PATH: experiment("funding: {}")})
    assert located(catalogue) == {(PATH, 18, 10, "empty-group")}


def test_unknown_top_level_field_in_a_file(check):
    catalogue = check({PATH: experiment("otsikko: Toinen")})
    assert located(catalogue) == {(PATH, 18, 1, "unknown-field")}
    assert 'Tarkoititko "title"?' in catalogue.problems[0].message


def test_missing_field_is_reported_at_the_opening_line(check):
    catalogue = check({PATH: experiment(replace={"level: alueellinen": ""})})
    assert located(catalogue) == {(PATH, 1, 1, "missing-field")}
    assert "level: alueellinen" in catalogue.problems[0].message


def test_tuntematon_regions_and_contact_in_a_file(check):
    catalogue = check(
        {
            PATH: experiment(
                replace={
                    "regions: [pirkanmaa]": "regions: tuntematon",
                    "contact:": "contact: tuntematon",
                    "  organisation: Tampereen kaupunki": "",
                }
            )
        }
    )
    assert located(catalogue) == set()
    entry = catalogue.experiments["testikokeilu"]
    assert (entry["regions"], entry["contact"]) == (UNKNOWN, UNKNOWN)


@pytest.mark.parametrize(
    ("text", "offers", "not_offered"),
    [
        ("regions:", ["regions: [pirkanmaa]", "[]", "tuntematon"], []),
        ("themes:", ["themes: [kiertotalous, ruoka]"], ["[]", "tuntematon"]),
        ("municipalities:", ["municipalities: [tampere, sastamala]", "[]", "poista rivi"], ["tuntematon"]),
    ],
)
def test_an_empty_list_field_offers_only_what_its_schema_allows(field, text, offers, not_offered):
    value, where, problems = field(text)
    assert (value, where) == (INVALID, [(1, len(text) + 1, "empty-value")])
    for fix in offers:
        assert fix in problems[0].message
    for fix in not_offered:
        assert fix not in problems[0].message
