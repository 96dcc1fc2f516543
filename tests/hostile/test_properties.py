"""Property-based tests: whatever a contributor's file holds, ``kokeilu check`` reports it and never raises.

Hypothesis writes arbitrary text, YAML-looking token soup, valid entries with one value swapped
for arbitrary YAML, raw bytes and arbitrary file names into a scratch catalogue (a fresh
temporary folder per example). For every example:

- ``check_catalogue`` returns (a content problem is never an exception);
- every problem is on the file written, at a line and column that exist in it (lines and
  columns as ``kokeilu check`` counts them: after dropping a BOM and reading CR and CRLF as line
  feeds, so never on the empty "line" after a final line feed; a column may be one past the end
  of its line, where something is missing);
- a byte order mark and Windows line endings change nothing;
- every rule id is registered and every message is Finnish;
- ``kokeilu check --format json`` exits 0 or 1 (1 exactly when there are errors), writes nothing
  on stderr and reports the same problems.

Runs are derandomised and keep no example database, so CI sees the same examples every time.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.content.check import check_catalogue
from generator.content.frontmatter import normalise_newlines
from generator.core.problems import Problem, Severity
from generator.core.rules import RULES
from generator.core.schema import load_schema
from generator.derived.files import write_derived_files
from tests.support import VALID_EXPERIMENT, VALID_LEARNING, write_catalogue

SCHEMA = load_schema()
EXPERIMENT = "experiments/kokeilu.md"
LEARNING = "content/opit/oppi.md"
INTRO = "content/teemat/index.md"

PROPERTY_SETTINGS = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Every message is Finnish: leaving out the parser's own English detail in parentheses at the end,
# it has a common Finnish word or a word with ä or ö.
FINNISH_WORD = re.compile(
    r"\b(ei|eivät|ole|ovat|tai|ja|kuin|pitää|puuttuu|kirjoita|poista|tarkista|laita|anna|sallitut|"
    r"[a-zåäö]*[äö][a-zåäö]*)\b",
    re.IGNORECASE,
)


def is_finnish(message: str) -> bool:
    return FINNISH_WORD.search(re.sub(r"\([^()]*\)$", "", message)) is not None


# -- the catalogue each example is written into ----------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A valid catalogue: the vocabularies, the derived files and the experiment learnings name."""
    root = write_catalogue(
        tmp_path_factory.mktemp("template") / "catalogue",
        {"experiments/testikokeilu.md": VALID_EXPERIMENT},
    )
    write_derived_files(root, SCHEMA, check_catalogue(root, SCHEMA).vocabularies)
    return root


def checker_text(content: bytes) -> str:
    """The text ``kokeilu check`` counts lines and columns in."""
    return normalise_newlines(content.decode("utf-8", errors="replace"))


def assert_well_located(problems: list[Problem], rel: str, content: bytes) -> None:
    lines = checker_text(content).split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()  # the file ends with a line feed: nothing is ever located after it
    for problem in problems:
        where = f"{problem}"
        assert problem.path == rel, where
        assert problem.rule in RULES, where
        assert problem.severity in (Severity.ERROR, Severity.WARNING), where
        assert 1 <= problem.line <= len(lines), where
        assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, where
        if problem.rule == "encoding":
            assert lines[problem.line - 1][problem.column - 1] == "\ufffd", where
        assert is_finnish(problem.message), where


@contextlib.contextmanager
def placed(root: Path, rel: str | bytes, content: bytes) -> Iterator[None]:
    """``content`` written at ``rel`` in ``root`` for the duration; then ``root`` is as it was.

    Writing one file into one copy of the template and taking it out again, rather than copying
    the template for every example, keeps an example's time in the checker and not in the file
    system (a copy and a removal of the catalogue took most of it)."""
    target = os.path.join(os.fsencode(root), os.fsencode(rel))
    made: list[bytes] = []
    folder = os.path.dirname(target)
    while not os.path.isdir(folder):
        made.append(folder)
        folder = os.path.dirname(folder)
    previous = None
    if os.path.isfile(target):
        with open(target, "rb") as file:
            previous = file.read()
    os.makedirs(os.path.dirname(target), exist_ok=True)
    try:
        with open(target, "wb") as file:
            file.write(content)
        yield
    finally:
        if previous is None:
            os.unlink(target)
        else:
            with open(target, "wb") as file:
                file.write(previous)
        for folder in made:  # the deepest first
            os.rmdir(folder)


@pytest.fixture(scope="module")
def workspace(template, tmp_path_factory) -> Path:
    """One copy of the template that the examples write their file into, one at a time."""
    root = tmp_path_factory.mktemp("workspace") / "catalogue"
    shutil.copytree(template, root)
    return root


def run_checker(
    workspace: Path, capsys, rel: str | bytes, content: bytes, scoped: bool = True
) -> list[Problem]:
    """Write ``content`` at ``rel`` into the template's copy, check it and run the CLI on it.

    ``scoped`` runs ``kokeilu check FILE`` (the same checks, without rebuilding the files derived
    from the schema, which is most of the time of a whole ``kokeilu check``).
    """
    target = os.path.join(os.fsencode(workspace), os.fsencode(rel))
    with placed(workspace, rel, content):
        problems = check_catalogue(workspace).problems
        capsys.readouterr()
        code = main(
            ["--root", str(workspace), "check", "--format", "json", *([target.decode()] if scoped else [])]
        )
        out, err = capsys.readouterr()
    assert err == ""
    report = json.loads(out)
    assert code == (1 if report["summary"]["errors"] else 0)
    assert report["problems"] == [
        {
            "path": p.path,
            "line": p.line,
            "column": p.column,
            "rule": p.rule,
            "severity": p.severity.value,
            "message": p.message,
        }
        for p in problems
    ]
    return problems


# -- (a) arbitrary text ------------------------------------------------------------------------------

# Characters and pieces that have tripped up parsers: NUL and other controls, a BOM anywhere,
# every line ending, Unicode line separators (YAML's, not the file's), bidi controls,
# non-characters, astral characters, combining marks, and the markup of YAML and Markdown.
WEIRD = [
    "\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1c", "\x7f", "\x80", "\x85", "\x9f", "\xa0",
    "\ufeff", "\r", "\n", "\r\n", "\n\r", "\t",
    "\u2028", "\u2029", "\u200b", "\u200d", "\u200e", "\u202a", "\u202e", "\u2066", "\u2069",
    "TÄYDENNÄ", "\ufffd", "\ufffe", "\uffff", "\U0001f600", "\U0010ffff", "a\u0308", "ä", "Ö", "å", "—", "€",
    "---", "...", "--- ", ": ", ":", "- ", "-", "#", "? ", "&a ", "*a", "!!str ", "|", ">", "%",
    "<", "<b>", "</", "<!--", "&#x6A;", "&", "[", "]", "](", "]:", "(", ")", "{", "}", "{: onclick=x}",
    "`", "```", "*", "_", "\\", "'", '"', "!", "@", "  ", "    ", "\n\n", "> ", "1. ", "!!! note",
]  # fmt: skip

pieces = st.one_of(
    st.sampled_from(WEIRD),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=8),
)
noise = st.lists(pieces, max_size=40).map("".join)


@st.composite
def spliced(draw, valid: str) -> str:
    """``valid`` with noise inserted at one place, or a stretch of it replaced by noise."""
    start = draw(st.integers(0, len(valid)))
    end = draw(st.integers(start, min(len(valid), start + draw(st.sampled_from([0, 0, 1, 5, 40])))))
    return valid[:start] + draw(noise) + valid[end:]


entry_texts = st.one_of(
    noise,
    st.builds(
        lambda head, text: head + text, st.sampled_from(["---\n", "\ufeff---\r\n", "---\n---\n"]), noise
    ),
    spliced(VALID_EXPERIMENT),
    spliced(VALID_LEARNING),
)
entry_paths = st.sampled_from([EXPERIMENT, EXPERIMENT, LEARNING, INTRO])


@PROPERTY_SETTINGS
@given(rel=entry_paths, text=entry_texts)
def test_arbitrary_text_gives_located_problems(workspace, capsys, rel, text):
    content = text.encode("utf-8")
    problems = run_checker(workspace, capsys, rel, content)
    assert_well_located(problems, rel, content)
    if "\r" not in text and not text.startswith("\ufeff"):
        # The same text with a byte order mark and Windows line endings: the very same problems.
        windows = ("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8")
        assert run_checker(workspace, capsys, rel, windows) == problems


# -- (b) YAML-looking token soup in the front matter ----------------------------------------------

KEYS = sorted(
    {spec.name for entry in SCHEMA.entries for spec in entry.fields}
    | {sub.name for entry in SCHEMA.entries for spec in entry.fields for sub in spec.fields}
    | {"otsikko", "Title", "x", "tuntematon", "<<", "title ", " title"}
)
TOKENS = [
    ":", ": ", "-", "- ", "[", "]", "{", "}", ",", ", ", "&a ", "*a", "&b ", "*b", "<<: *a",
    "!!str ", "!!python/object/apply:os.system ", "!x ", "! ", "!<tag:yaml.org,2002:str> ",
    "|", "|-", "|+2", ">", ">-", "'", '"', "''", '\\"', "\t", "\n", "\n  ", "\n    ", "\n- ",
    "\n  - ", " ", "  ", "? ", "#", " # kommentti", "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "---",
    "...", "\n---\n", "tuntematon", "2017", "2017-08", "2017-08-01", "2017-13-45", "2017-08-01 12:00",
    "yes", "NO", "on", "Off", "true", "06", "0x1F", "0o17", "1e3", "1_000", "12:30", ".inf", "-.nan",
    "~", "null", "https://www.example.fi", "javascript:alert(1)", "a@b.fi", "kiertotalous",
    "pirkanmaa", "alueellinen", "kunta", "paattynyt", "testikokeilu", "\\", "\\x00", "\x00",
    "\u2028", "\x85", "\ufeff", "ä", "@", "`", "%", "[" * 12, "{a: " * 12, "- " * 12,
]  # fmt: skip
BODIES = ["Kuvaus.\n", "", "\n", "<b>lihava</b>\n", "[linkki](javascript:alert(1))\n", "x {: onclick=y}\n"]

tokens = st.one_of(st.sampled_from(KEYS), st.sampled_from(TOKENS), st.text(max_size=4))


@PROPERTY_SETTINGS
@given(
    rel=st.sampled_from([EXPERIMENT, LEARNING]),
    front=st.lists(tokens, max_size=50).map("".join),
    body=st.one_of(st.sampled_from(BODIES), noise),
)
def test_yaml_token_soup_gives_located_problems(workspace, capsys, rel, front, body):
    content = f"---\n{front}\n---\n{body}".encode()
    problems = run_checker(workspace, capsys, rel, content)
    assert_well_located(problems, rel, content)


# -- (c) a valid entry with one value replaced by arbitrary YAML ---------------------------------


def _front_matter(text: str) -> dict:
    return yaml.safe_load(text.split("---\n")[1])


VALID_DATA = {EXPERIMENT: _front_matter(VALID_EXPERIMENT), LEARNING: _front_matter(VALID_LEARNING)}
BODY = {EXPERIMENT: VALID_EXPERIMENT.split("---\n", 2)[2], LEARNING: VALID_LEARNING.split("---\n", 2)[2]}
# Where a value can go: every field of both kinds (present or not) and the sub-fields of groups.
VALUE_PATHS = {
    EXPERIMENT: [
        *[(spec.name,) for spec in SCHEMA.entry("experiment").fields],
        ("organisers", 0, "name"),
        ("organisers", 0, "type"),
        ("organisers", 1),
        ("contact", "organisation"),
        ("contact", "url"),
        ("contact", "email"),
        ("funding", "amount_eur"),
        ("sources", 0),
        ("themes", 1),
        ("x",),
    ],
    LEARNING: [*[(spec.name,) for spec in SCHEMA.entry("learning").fields], ("experiments", 0), ("y",)],
}
# Plain scalars YAML 1.1 reads as something else than text, and plain text that looks odd;
# written into the dumped YAML as they are, unquoted.
RAW_SCALARS = [
    "yes", "No", "ON", "off", "y", "n", "06", "0x1F", "0o17", "0b101", "1_000", "1e5", "-1", "1:20",
    ".inf", "-.Inf", ".NaN", "~", "Null", "", "2017-08-01", "2017-8-1", "2017-08-01 12:00:00",
    "2017-08-01T12:00:00Z", "31.12.2017", "8/2017", "tuntematon", "Tuntematon", "=", "<<", "- x",
    "[a, b", "{a: 1}", "&x y", "*x", "!!binary aGVsbG8=", "| x", "'x", "\"x\\u0000\"", "a: b",
    "x #y", "#x", "`x`", "%x", "@x", "?", "-", ":", ",",
]  # fmt: skip
RAW = "RAWVALUEPLACEHOLDER"

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(st.characters(exclude_categories=("Cs",)), max_size=30),
    st.sampled_from(WEIRD),
    st.dates(),
    st.datetimes(),
    st.just(RAW),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=6)), children, max_size=5),
    ),
    max_leaves=12,
)


def _replace(data, path: tuple, value):
    """A copy of ``data`` with the value at ``path`` set (list indexes past the end append)."""
    if not path:
        return value
    head, *rest = path
    if isinstance(data, list) and isinstance(head, int):
        copy = list(data)
        if head < len(copy):
            copy[head] = _replace(copy[head], tuple(rest), value)
        else:
            copy.append(_replace(None, tuple(rest), value))
        return copy
    copy = dict(data) if isinstance(data, dict) else {}
    copy[head] = _replace(copy.get(head), tuple(rest), value)
    return copy


@st.composite
def entries_with_one_value_replaced(draw) -> tuple[str, str]:
    rel = draw(st.sampled_from([EXPERIMENT, LEARNING]))
    path = draw(st.sampled_from(VALUE_PATHS[rel]))
    data = _replace(VALID_DATA[rel], path, draw(yaml_values))
    front = yaml.safe_dump(
        data,
        allow_unicode=draw(st.booleans()),
        sort_keys=False,
        default_flow_style=draw(st.sampled_from([False, True, None])),
        width=draw(st.sampled_from([20, 80, 10**6])),
    )
    while RAW in front:
        front = front.replace(RAW, draw(st.sampled_from(RAW_SCALARS)), 1)
    return rel, f"---\n{front}---\n{BODY[rel]}"


@PROPERTY_SETTINGS
@given(entry=entries_with_one_value_replaced())
def test_one_arbitrary_value_in_a_valid_entry_gives_located_problems(workspace, capsys, entry):
    rel, text = entry
    content = text.encode("utf-8")
    problems = run_checker(workspace, capsys, rel, content)
    assert_well_located(problems, rel, content)


# -- (d) bytes that are not UTF-8 -------------------------------------------------------------------


@st.composite
def byte_files(draw) -> bytes:
    kind = draw(st.sampled_from(["bytes", "spliced", "encoded"]))
    if kind == "bytes":
        return draw(st.binary(max_size=400))
    if kind == "encoded":
        # A valid file saved in another encoding, with its Finnish letters.
        text = VALID_EXPERIMENT.replace("Testikokeilu", "Testikokeilu Hämeessä, ÅÄÖ")
        text = text.replace("\n", draw(st.sampled_from(["\n", "\r\n", "\r"])))
        encoding = draw(st.sampled_from(["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32", "mac-roman"]))
        return text.encode(encoding)
    valid = VALID_EXPERIMENT.encode("utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(valid)))
        valid = valid[:at] + draw(st.binary(min_size=1, max_size=6)) + valid[at:]
    return valid


@PROPERTY_SETTINGS
@given(content=byte_files())
def test_arbitrary_bytes_give_located_problems(workspace, capsys, content):
    problems = run_checker(workspace, capsys, EXPERIMENT, content)
    assert_well_located(problems, EXPERIMENT, content)


# -- (e) arbitrary file names ------------------------------------------------------------------------

names = st.one_of(
    st.text(st.characters(exclude_categories=("Cs",), exclude_characters="/\x00"), min_size=1, max_size=40),
    st.binary(min_size=1, max_size=60).filter(lambda b: b"/" not in b and b"\x00" not in b),
).filter(lambda name: name not in ("", ".", "..", b".", b".."))


@settings(PROPERTY_SETTINGS, max_examples=40)
@given(name=names, markdown=st.booleans())
def test_any_file_name_in_an_entry_folder_is_reported_printably(workspace, capsys, name, markdown):
    """Names come from contributors too: ones that are not UTF-8 must still print in a UTF-8 terminal."""
    raw = os.fsencode(name) + (b".md" if markdown else b"")
    problems = run_checker(workspace, capsys, b"experiments/" + raw, VALID_EXPERIMENT.encode(), scoped=False)
    for problem in problems:
        assert problem.path.startswith("experiments/"), problem
        assert problem.rule in RULES, problem
        assert (problem.line, problem.column) == (1, 1), problem
        problem.path.encode("utf-8")  # printable: no lone surrogates
        problem.message.encode("utf-8")
        assert is_finnish(problem.message), problem


# -- what the properties found ---------------------------------------------------------------------


@pytest.fixture
def check_one(template, tmp_path):
    """``check_one(rel, content)``: the problems of one file added to the template catalogue."""

    def run(rel: str | bytes, content: bytes) -> set[tuple[str, int, int, str]]:
        root = tmp_path / "catalogue"
        shutil.copytree(template, root, dirs_exist_ok=True)
        target = os.path.join(os.fsencode(root), os.fsencode(rel))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as file:
            file.write(content)
        catalogue = check_catalogue(root)
        run.problems = catalogue.problems
        return {(p.path, p.line, p.column, p.rule) for p in catalogue.problems}

    return run


@pytest.mark.parametrize("separator", ["\x85", "\u2028", "\u2029"])
def test_yaml_line_separators_do_not_shift_the_lines_of_later_problems(check_one, separator):
    """YAML also breaks lines at NEL, LS and PS, which editors and the file's line numbers do not."""
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", f"title: Testi{separator} kokeilu").replace(
        "status: paattynyt", "status: valmis"
    )
    # NEL is also a C1 control character, refused where it is (control-character).
    refused = {(EXPERIMENT, 2, 13, "control-character")} if separator == "\x85" else set()
    assert check_one(EXPERIMENT, text.encode()) == {(EXPERIMENT, 10, 9, "unknown-term")} | refused


def test_a_yaml_line_separator_that_breaks_the_yaml_is_located_and_named(check_one):
    text = VALID_EXPERIMENT.replace("title: Testikokeilu", "title: Testi\u2028kokeilu")
    assert check_one(EXPERIMENT, text.encode()) == {(EXPERIMENT, 2, 14, "yaml-syntax")}
    assert "U+2028" in check_one.problems[0].message


def test_a_second_yaml_document_in_the_front_matter_is_refused_not_read_instead(check_one):
    """ "--- {}" would have replaced every field above it, each then reported missing."""
    text = VALID_EXPERIMENT.replace(
        "  organisation: Tampereen kaupunki\n", "  organisation: Tampereen kaupunki\n--- {}\n"
    )
    assert check_one(EXPERIMENT, text.encode()) == {(EXPERIMENT, 17, 1, "yaml-syntax")}


def test_a_bad_byte_in_a_file_with_old_mac_line_endings_is_on_its_line(check_one):
    text = VALID_EXPERIMENT.replace("level: alueellinen", "level: alueellinen  # Häme")
    content = text.replace("\n", "\r").encode("utf-8").replace("Häme".encode(), b"H\xe4me")
    column = len("level: alueellinen  # H") + 1
    assert check_one(EXPERIMENT, content) == {(EXPERIMENT, 4, column, "encoding")}


def test_a_bad_byte_on_the_first_line_after_a_bom_is_at_its_column(check_one):
    content = b"\xef\xbb\xbf---x\xff\n"
    assert check_one(EXPERIMENT, content) == {
        (EXPERIMENT, 1, 5, "encoding"),
        (EXPERIMENT, 1, 1, "frontmatter-missing"),
    }


def test_replacement_characters_written_in_the_file_are_not_counted_as_bad_bytes(check_one):
    text = VALID_EXPERIMENT.replace("Kokeilun kuvaus.", "Kuvaus \ufffd\ufffd\ufffd.")
    check_one(EXPERIMENT, text.encode() + b"\xff\n")
    (problem,) = [p for p in check_one.problems if p.rule == "encoding"]
    assert "muuta" not in problem.message and "toinen" not in problem.message


def test_a_file_name_that_is_not_utf8_is_reported_printably_with_a_suggestion(check_one, capsys):
    rel = "experiments/k\\xe4ytt\\xf6.md"
    assert check_one(b"experiments/k\xe4ytt\xf6.md", VALID_EXPERIMENT.encode()) == {(rel, 1, 1, "bad-slug")}
    assert "kaytto.md" in check_one.problems[0].message


def test_a_placeholder_after_a_unicode_line_separator_is_on_its_file_line(check_one):
    text = VALID_EXPERIMENT.replace("Kokeilun kuvaus.", "Kuvaus\u2028jatkuu TÄYDENNÄ.")
    assert check_one(EXPERIMENT, text.encode()) == {(EXPERIMENT, 20, 15, "placeholder")}


def test_an_intro_name_that_is_not_utf8_is_reported_printably(check_one):
    check_one(b"content/teemat/k\xe4.md", b"Johdanto.\n")
    for problem in check_one.problems:
        problem.path.encode("utf-8")
        problem.message.encode("utf-8")


def test_checking_a_file_whose_name_is_not_utf8_by_its_path_reports_it(template, tmp_path, capsys):
    root = tmp_path / "catalogue"
    shutil.copytree(template, root)
    target = os.path.join(os.fsencode(root), b"experiments/k\xe4.md")
    with open(target, "wb") as file:
        file.write(VALID_EXPERIMENT.encode())
    assert main(["--root", str(root), "check", os.fsdecode(target)]) == 1
    assert "[bad-slug]" in capsys.readouterr().out
