"""compose(): YAML to a located node tree, refusing what a front matter block never needs."""

from __future__ import annotations

import pytest

from generator.content.yamltree import Mapping, Scalar, Sequence, compose, to_data
from generator.core.problems import ProblemSink

PATH = "experiments/x.md"


def run(text: str, first_line: int = 1, max_depth: int = 8):
    """Compose ``text`` as if it started on file line ``first_line``: (node, problems)."""
    sink = ProblemSink(PATH)
    node = compose(text, first_line, sink, max_depth)
    return node, sink.problems


def where(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.rule) for p in problems]


def value_of(text: str) -> Scalar:
    """The scalar value of the one key in ``text``."""
    node, problems = run(text)
    assert problems == []
    assert isinstance(node, Mapping)
    value = node.pairs[0][1]
    assert isinstance(value, Scalar)
    return value


# -- the tree and its positions ------------------------------------------------------------------


def test_positions_are_file_lines_and_one_based_columns():
    node, problems = run("title: Kokeilu\nthemes: [ruoka, 'kulttuuri']\n", first_line=5)

    assert problems == []
    assert isinstance(node, Mapping)
    assert (node.line, node.column) == (5, 1)
    (title_key, title), (themes_key, themes) = node.pairs
    assert (title_key.value, title_key.line, title_key.column) == ("title", 5, 1)
    assert (title.value, title.line, title.column) == ("Kokeilu", 5, 8)
    assert (themes_key.line, themes_key.column) == (6, 1)
    assert isinstance(themes, Sequence)
    assert (themes.line, themes.column) == (6, 9)
    assert [(i.value, i.line, i.column) for i in themes.items] == [("ruoka", 6, 10), ("kulttuuri", 6, 17)]


def test_block_sequence_of_mappings_keeps_positions():
    text = "organisers:\n  - name: Kela\n    type: virasto\n"
    node, _ = run(text, first_line=2)

    organisers = node.get("organisers")
    assert isinstance(organisers, Sequence)
    item = organisers.items[0]
    assert isinstance(item, Mapping)
    assert (item.line, item.column) == (3, 5)
    type_value = item.get("type")
    assert (type_value.value, type_value.line, type_value.column) == ("virasto", 4, 11)


def test_mapping_get_returns_none_for_a_missing_key():
    node, _ = run("a: 1\n")
    assert node.get("b") is None


# -- scalar kinds --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "kind"),
    [
        ("yes", "bool"),
        ("NO", "bool"),
        ("on", "bool"),
        ("off", "bool"),
        ("True", "bool"),
        ("12", "int"),
        ("0x1F", "int"),
        ("1.5", "float"),
        (".inf", "float"),
        ("~", "null"),
        ("null", "null"),
        ("2017-08-01", "timestamp"),
        ("2017-08", "str"),
        ("Kokeilu", "str"),
        ("tuntematon", "str"),
    ],
)
def test_plain_scalar_kind_is_the_yaml_1_1_type(written, kind):
    value = value_of(f"key: {written}\n")
    assert (value.value, value.kind, value.plain) == (written, kind, True)


def test_an_empty_value_is_a_null():
    value = value_of("key:\n")
    assert (value.value, value.kind, value.is_null) == ("", "null", True)


@pytest.mark.parametrize("written", ["'yes'", '"NO"', "'12'", '"1.5"', "'~'", '"2017-08-01"'])
def test_quoted_scalar_stays_text(written):
    value = value_of(f"key: {written}\n")
    assert value.value == written[1:-1]
    assert (value.kind, value.plain) == ("str", False)


@pytest.mark.parametrize("text", ["key: |\n  yes\n", "key: >-\n  12\n"])
def test_block_scalar_stays_text(text):
    value = value_of(text)
    assert (value.kind, value.plain) == ("str", False)


# -- duplicate keys ------------------------------------------------------------------------------


def test_duplicate_key_is_reported_at_the_second_key_naming_the_first_line():
    node, problems = run("title: A\nlevel: x\ntitle: B\n", first_line=2)

    assert where(problems) == [(4, 1, "duplicate-key")]
    assert "rivillä 2" in problems[0].message
    assert node is not None  # still usable; the field checks skip the second value


def test_duplicate_key_in_a_nested_mapping():
    _, problems = run("contact:\n  url: a\n  url: b\n", first_line=3)
    assert where(problems) == [(5, 3, "duplicate-key")]
    assert "rivillä 4" in problems[0].message


def test_same_key_in_different_mappings_is_not_a_duplicate():
    _, problems = run("organisers:\n  - name: A\n  - name: B\n")
    assert problems == []


# -- aliases -------------------------------------------------------------------------------------


def test_one_alias_is_refused_at_the_alias():
    node, problems = run("a: &x 1\nb: *x\n", first_line=2)

    assert node is None
    assert where(problems) == [(3, 4, "yaml-alias")]
    assert "viittausta" not in problems[0].message  # no count for a single alias


def test_several_aliases_give_one_problem_at_the_first_with_the_count():
    node, problems = run("a: &x 1\nb: *x\nc: [*x, *x]\n", first_line=2)

    assert node is None
    assert where(problems) == [(3, 4, "yaml-alias")]
    assert "3 viittausta" in problems[0].message


def test_billion_laughs_is_refused_without_expansion():
    lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, 10):
        refs = ", ".join([f"*l{level - 1}"] * 9)
        lines.append(f"l{level}: &l{level} [{refs}]")
    node, problems = run("\n".join(lines) + "\n", first_line=2)

    assert node is None
    assert where(problems) == [(3, 10, "yaml-alias")]
    assert f"{9 * 9} viittausta" in problems[0].message


# -- tags and depth ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "title: !!python/object/apply:os.system [echo]\n",
        "title: !!str 2017\n",
        "title: !custom [a]\n",
        "title: !!map {a: 1}\n",
    ],
)
def test_explicit_tag_is_refused(text):
    node, problems = run(text, first_line=2)
    assert node is None
    assert where(problems) == [(2, 8, "yaml-tag")]


def test_nesting_up_to_max_depth_is_accepted():
    node, problems = run("a: [[x]]\n", max_depth=3)
    assert problems == []
    assert to_data(node) == {"a": [["x"]]}


def test_nesting_beyond_max_depth_is_refused_at_the_first_level_too_deep():
    node, problems = run("a: [[[x]]]\n", first_line=4, max_depth=3)
    assert node is None
    assert where(problems) == [(4, 6, "yaml-too-deep")]
    assert "yli 3 tasoa" in problems[0].message


def test_block_nesting_beyond_max_depth():
    node, problems = run("a:\n  b:\n    c: 1\n", first_line=10, max_depth=2)
    assert node is None
    assert where(problems) == [(12, 5, "yaml-too-deep")]


# -- syntax errors -------------------------------------------------------------------------------


def test_colon_space_in_a_value_is_reported_at_the_file_line():
    node, problems = run("level: x\ntitle: Kokeilu: uusi malli\n", first_line=2)
    assert node is None
    assert where(problems) == [(3, 15, "yaml-syntax")]
    assert "lainausmerkkeihin" in problems[0].message


def test_missing_colon_is_reported_at_the_line_of_the_key():
    text = "title: Testi\nlevel: alueellinen\nstatus paattynyt\nstart: 2018\nend: 2019\n"
    node, problems = run(text, first_line=2)
    assert node is None
    assert where(problems) == [(4, 1, "yaml-syntax")]
    assert "avain: arvo" in problems[0].message


def test_tab_indentation_is_a_syntax_error_at_the_tab():
    node, problems = run("contact:\n  organisation: Kela\n\turl: https://kela.fi\n", first_line=2)
    assert node is None
    assert where(problems) == [(4, 1, "yaml-syntax")]


@pytest.mark.parametrize("text", ["title: ok\n\tlevel: x\n", "title:\n\tok\n"])
def test_tab_indentation_names_the_tab(text):
    _, problems = run(text, first_line=2)
    assert where(problems) == [(3, 1, "yaml-syntax")]
    assert "Sarkainmerkki" in problems[0].message


@pytest.mark.parametrize("value", ["@kela", "`koodi`"])
def test_value_starting_with_a_reserved_character_suggests_quotes(value):
    _, problems = run(f"title: {value}\n", first_line=2)
    assert where(problems) == [(2, 8, "yaml-syntax")]
    assert "Laita arvo lainausmerkkeihin" in problems[0].message


def test_unclosed_quote_is_reported_at_the_opening_quote_with_its_hint():
    node, problems = run("title: 'Kokeilu\nlevel: alueellinen\n", first_line=2)
    assert node is None
    assert where(problems) == [(2, 8, "yaml-syntax")]
    assert "Lainausmerkki tai sulje jäi sulkematta" in problems[0].message


def test_unclosed_flow_sequence():
    _, problems = run("themes: [ruoka, kulttuuri\nlevel: x\n", first_line=2)
    assert where(problems) == [(3, 6, "yaml-syntax")]
    assert "suljetaan merkillä ]" in problems[0].message


# -- empty documents -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "\n\n", "# vain kommentti\n"])
def test_empty_document_gives_none_without_problems(text):
    assert run(text, first_line=2) == (None, [])


# -- to_data -------------------------------------------------------------------------------------


def test_to_data_gives_the_types_yaml_1_1_would():
    text = (
        "text: Kokeilu\n"
        "quoted: '12'\n"
        "yes_value: yes\n"
        "no_value: NO\n"
        "on_value: On\n"
        "off_value: off\n"
        "int: 12\n"
        "hex: 0x1F\n"
        "float: 1.5\n"
        "empty:\n"
        "tilde: ~\n"
        "date: 2017-08-01\n"
        "list: [a, 1]\n"
        "group: {b: true}\n"
    )
    node, problems = run(text)
    assert problems == []
    assert to_data(node) == {
        "text": "Kokeilu",
        "quoted": "12",
        "yes_value": True,
        "no_value": False,
        "on_value": True,
        "off_value": False,
        "int": 12,
        "hex": 31,
        "float": 1.5,
        "empty": None,
        "tilde": None,
        "date": "2017-08-01",  # dates stay text, as in JSON
        "list": ["a", 1],
        "group": {"b": True},
    }


def test_to_data_of_nothing_is_none():
    assert to_data(None) is None


def test_a_control_character_is_located_and_named_and_the_rest_is_still_read():
    node, problems = run("title: ok\nsummary: väli\x01lyönti\nlevel: NO\n", first_line=2)
    assert where(problems) == [(3, 14, "control-character")]
    assert "U+0001 (SOH)" in problems[0].message
    assert isinstance(node, Mapping)
    assert [key.value for key, _ in node.pairs] == ["title", "summary", "level"]
    assert node.get("summary").control and not node.get("title").control


def test_a_character_yaml_refuses_that_is_no_control_character_is_a_syntax_error():
    _, problems = run("title: ok\nsummary: väli\ufffelyönti\n", first_line=2)
    assert where(problems) == [(3, 14, "yaml-syntax")]
    assert "U+FFFE" in problems[0].message
