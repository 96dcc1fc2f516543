"""Hostile files are refused within a bound: alias bombs, deep nesting, huge scalars and lines,
floods of keys and items, deep Markdown and inputs aimed at the checker's own regular expressions.

Each case runs ``kokeilu check`` in a child process (a fork of a server that imported the
generator once) whose address space is capped (``RLIMIT_AS``, 1 GiB) and which is killed after a
generous hang guard (60 s). So a blow-up fails as a crash and a hang as a timeout, never a slow
machine: no timing is asserted.
Each run's time and peak memory are printed (``pytest -rP tests/hostile/test_limits.py`` shows them); the
"Limits on hostile input" of docs/security.md documents the bound they support.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.content.check import check_catalogue
from generator.core.schema import load_schema
from generator.derived.files import write_derived_files
from tests.support import VALID_EXPERIMENT, write_catalogue

SCHEMA = load_schema()
MAX_BYTES = SCHEMA.max_file_bytes
MAX_DEPTH = SCHEMA.max_depth
MEMORY_CAP = 1 << 30  # bytes of address space for the child
HANG_GUARD = 60  # seconds; far above the few seconds the worst case here takes
PATH = "experiments/vihamielinen.md"

# The valid experiment of tests/support.py around a front-matter line of our own: the extra line
# is line 2 and the fields of the valid experiment follow it, so locations stay easy to read.
HEAD = "---\n"
TAIL = VALID_EXPERIMENT.removeprefix("---\n")


def with_line(line: str) -> str:
    """The valid experiment with ``line`` as the first front-matter line (file line 2)."""
    return HEAD + line + "\n" + TAIL


def with_body(body: str) -> str:
    """The valid experiment with ``body`` below its front matter, from file line ``BODY_LINE``."""
    return VALID_EXPERIMENT.removesuffix("Kokeilun kuvaus.\n") + body


BODY_LINE = VALID_EXPERIMENT.count("\n", 0, VALID_EXPERIMENT.index("Kokeilun kuvaus.")) + 1


@dataclass
class Run:
    code: int
    problems: list[dict]
    stderr: str
    seconds: float
    peak_mib: float

    def located(self) -> set[tuple[str, int, int, str]]:
        return {(p["path"], p["line"], p["column"], p["rule"]) for p in self.problems}

    def rules(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.problems:
            counts[p["rule"]] = counts.get(p["rule"], 0) + 1
        return counts


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A valid catalogue (vocabularies and derived files) for the hostile file to be added to."""
    root = write_catalogue(tmp_path_factory.mktemp("limits") / "catalogue", {})
    write_derived_files(root, SCHEMA, check_catalogue(root, SCHEMA).vocabularies)
    return root


@pytest.fixture
def check(template, checker, tmp_path, request):
    """``check({path: text or bytes})`` runs ``kokeilu check --format json`` in a capped child."""
    runs = iter(range(1, 100))

    def run(files: dict[str, str | bytes]) -> Run:
        root = tmp_path / f"run{next(runs)}" / "catalogue"
        shutil.copytree(template, root)
        for rel, content in files.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        result = run_check(checker, root)
        print(
            f"{request.node.name}: {result.seconds:.2f} s, peak {result.peak_mib:.0f} MiB, "
            f"exit {result.code}, {len(result.problems)} problems"
        )
        return result

    return run


# The cases run in forks of one small server process (module fixture ``checker``) that has
# imported the generator and checked the valid template once, so the modules a check loads on
# its way are loaded: each fork caps its own address space, runs ``kokeilu check``'s main() with
# its output in files, and exits; the server waits for it under the hang guard and reports its
# exit status and peak memory (wait4's, the fork's own; never pytest's). Forking saves each case
# the start of a new Python and those imports, about a second each.
SERVER = """
import json, os, resource, signal, sys, threading, traceback
import generator.cli
cap, guard, template = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
with open(os.devnull, "w") as sink:  # a first check: the modules it loads on the way are loaded
    sys.stdout = sink
    generator.cli.main(["--root", template, "check", "--format", "json"])
    sys.stdout = sys.__stdout__
for line in sys.stdin:
    job = json.loads(line)
    pid = os.fork()
    if pid == 0:
        code = 70
        try:
            resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
            for fd, name in ((1, "stdout"), (2, "stderr")):
                os.dup2(os.open(job[name], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), fd)
            os.chdir(job["cwd"])
            code = generator.cli.main(job["argv"])
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
        except BaseException:
            traceback.print_exc()
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)
    timer = threading.Timer(guard, os.kill, (pid, signal.SIGKILL))
    timer.start()
    _, status, usage = os.wait4(pid, 0)
    timer.cancel()
    timer.join()  # no thread is left when the next case forks
    answer = {"code": os.waitstatus_to_exitcode(status), "peak_kib": usage.ru_maxrss}
    print(json.dumps(answer), flush=True)
"""


@pytest.fixture(scope="module")
def checker(template) -> Iterator[subprocess.Popen]:
    """The server the cases fork from, for this module; it checks the valid template once."""
    server = subprocess.Popen(
        [sys.executable, "-c", SERVER, str(MEMORY_CAP), str(HANG_GUARD), str(template)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    yield server
    assert server.stdin is not None
    server.stdin.close()
    server.wait(timeout=30)


def run_check(checker: subprocess.Popen, root: Path) -> Run:
    assert checker.stdin is not None and checker.stdout is not None
    folder = root.parent
    job = {
        "argv": ["--root", str(root), "check", "--format", "json"],
        "cwd": str(root),
        "stdout": str(folder / "stdout"),
        "stderr": str(folder / "stderr"),
    }
    start = time.perf_counter()
    checker.stdin.write(json.dumps(job) + "\n")
    checker.stdin.flush()
    answer = checker.stdout.readline()
    seconds = time.perf_counter() - start
    assert answer, f"the check server stopped (exit {checker.poll()})"
    usage = json.loads(answer)
    stderr = (folder / "stderr").read_text(encoding="utf-8", errors="replace")
    assert usage["code"] != -9, f"kokeilu check did not finish in {HANG_GUARD} s"
    assert stderr == "", stderr[-3000:]  # no traceback, no MemoryError
    assert usage["code"] in (0, 1)
    report = json.loads((folder / "stdout").read_bytes())
    return Run(usage["code"], report["problems"], stderr, seconds, usage["peak_kib"] / 1024)


# -- YAML aliases ------------------------------------------------------------------------------------


def test_billion_laughs_is_refused_before_any_expansion(check):
    """Nine levels of nine aliases mean 9⁹ (387 million) strings expanded, far over the memory cap.

    The checker counts alias events and never builds what they refer to, so it finishes within the
    cap, at the first alias, with the number of aliases written rather than expanded.
    """
    lines = ["lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]" for i in range(1, 10)]
    result = check({PATH: with_line("\n".join(lines))})
    assert result.code == 1
    assert result.located() == {(PATH, 3, 12, "yaml-alias")}
    assert "81 viittausta" in result.problems[0]["message"]


def test_merge_key_bomb_of_mappings_is_refused_the_same_way(check):
    lines = ["m0: &m0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7, h: 8, i: 9}"]
    lines += [f"m{i}: &m{i} [{', '.join([f'*m{i - 1}'] * 9)}]" for i in range(1, 10)]
    lines += ["m10:", "  <<: *m9", "  x: 1"]
    result = check({PATH: with_line("\n".join(lines))})
    assert result.located() == {(PATH, 3, 10, "yaml-alias")}
    assert "82 viittausta" in result.problems[0]["message"]


def test_thirty_thousand_aliases_to_one_long_anchor_are_one_problem(check):
    anchor = "a: &a " + "x" * 30_000
    aliases = "b: [" + ", ".join(["*a"] * 15_000) + "]"
    result = check({PATH: with_line(anchor + "\n" + aliases)})
    assert result.located() == {(PATH, 3, 5, "yaml-alias")}
    assert "15000 viittausta" in result.problems[0]["message"]


# -- nesting -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "column"),
    [
        # libyaml reads a run of [ ahead and stops at its own limit, the 1,000th level.
        ("[" * 10_000 + "]" * 10_000, 8 + 1_000),
        ("[" * 10_000, 8 + 1_000),  # never closed: refused before the end is seen
        ("[" * 100 + "]" * 100 + "\n", 9 + MAX_DEPTH - 1),  # a shorter run: at the first level too deep
        ("{a: " * 10_000 + "}" * 10_000, 9 + 4 * (MAX_DEPTH - 1)),
        ("[{a: " * 5_000 + "}]" * 5_000, 25),
    ],
    ids=["flow-lists", "flow-lists-unclosed", "flow-lists-100", "flow-mappings", "flow-mixed"],
)
def test_ten_thousand_levels_of_flow_nesting_are_refused_at_the_first_level_too_deep(check, value, column):
    result = check({PATH: with_line("themes: " + value)})
    assert result.code == 1
    assert result.located() == {(PATH, 2, column, "yaml-too-deep")}


def test_block_nesting_as_deep_as_the_size_limit_allows_is_refused(check):
    # Each level one space deeper: about 440 levels fit in the file size limit.
    levels = 440
    nested = "\n".join(" " * depth + "a:" for depth in range(levels))
    text = with_line(nested)
    assert len(text.encode()) < MAX_BYTES
    result = check({PATH: text})
    # The mapping of level n starts on file line n + 1, column n; the front matter is level 1.
    assert result.located() == {(PATH, 2 + MAX_DEPTH, 1 + MAX_DEPTH, "yaml-too-deep")}


def test_ten_thousand_nested_block_lists_on_one_line_are_refused(check):
    result = check({PATH: with_line("themes:\n  " + "- " * 10_000 + "x")})
    assert result.located() == {(PATH, 3, 3 + 2 * (MAX_DEPTH - 1), "yaml-too-deep")}


# -- size ----------------------------------------------------------------------------------------------


def test_a_file_one_byte_over_the_limit_is_refused_unread(check):
    text = with_body("Kuvaus. " + "x" * MAX_BYTES)
    text = text[: MAX_BYTES + 1 - (len(text.encode()) - len(text))]
    assert len(text.encode()) == MAX_BYTES + 1
    result = check({PATH: text})
    assert result.code == 1
    assert result.located() == {(PATH, 1, 1, "file-too-large")}


def test_a_file_exactly_at_the_limit_is_read_and_valid(check):
    text = with_body("Kuvaus.\n")
    text = text.removesuffix("\n") + " " + "x" * (MAX_BYTES - len(text.encode()) - 1) + "\n"
    assert len(text.encode()) == MAX_BYTES
    result = check({PATH: text})
    assert (result.code, result.problems) == (0, [])


def test_a_huge_scalar_under_the_limit_is_too_long_at_its_place(check):
    text = with_line("title: " + "Otsikko " * 12_000)
    result = check({PATH: text})
    # The valid experiment's own title is then a duplicate key.
    assert result.located() == {(PATH, 2, 8, "too-long"), (PATH, 3, 1, "duplicate-key")}
    assert "95999 merkkiä" in result.problems[0]["message"]  # the final space is not part of it


def test_a_huge_key_is_a_located_problem(check):
    # YAML allows an implicit key of at most 1024 characters; after a longer one the colon is a
    # syntax error.
    result = check({PATH: with_line("k" * 90_000 + ": arvo")})
    assert result.located() == {(PATH, 2, 90_001, "yaml-syntax")}
    result = check({PATH: with_line("? " + "k" * 90_000 + "\n: arvo")})
    assert result.located() == {(PATH, 2, 3, "unknown-field")}


def test_a_single_99_kb_line_of_body_is_checked_to_its_end(check):
    line = "Sana " * 19_800 + "<b>"
    result = check({PATH: with_body(line + "\n")})
    assert result.located() == {(PATH, BODY_LINE, len(line) - 2, "raw-html")}


def test_a_single_99_kb_line_of_front_matter_is_checked_to_its_end(check):
    names = ", ".join(f"Kunta {i}" for i in range(8_000))
    assert len(names) > 90_000
    result = check({PATH: with_line(f"goals: [{names}]")})
    assert result.located() == {(PATH, 2, 8, "too-many-items")}


# -- floods ----------------------------------------------------------------------------------------


def test_ten_thousand_unknown_keys_are_each_reported(check):
    keys = "\n".join(f"k{i}: 1" for i in range(10_000))
    result = check({PATH: with_line(keys)})
    assert result.rules() == {"unknown-field": 10_000}
    assert (PATH, 10_001, 1, "unknown-field") in result.located()


def test_fifty_thousand_keys_in_one_flow_mapping_are_each_reported(check):
    # "{a,a,…}" is the densest mapping YAML allows: two bytes a key, so 49,000 keys in the limit.
    text = "---\n{" + "a," * 49_000 + "}\n---\n\nKuvaus.\n"
    assert len(text.encode()) < MAX_BYTES
    result = check({PATH: text})
    counts = result.rules()
    assert counts["unknown-field"] == 49_000
    assert counts["duplicate-key"] == 48_999
    assert counts["missing-field"] == len([f for f in SCHEMA.experiment.fields if f.required])
    assert (PATH, 2, 2 * 49_000, "duplicate-key") in result.located()


def test_a_vocabulary_flooded_with_empty_terms_stays_within_the_memory_cap(check):
    vocabulary = "content/sanastot/teemat.yml"
    result = check({vocabulary: "[" + "{}," * 330_000 + "]\n"})
    assert result.code == 1
    assert {p["path"] for p in result.problems if p["rule"] != "stale-derived-file"} == {vocabulary}


@pytest.mark.parametrize(
    ("field", "item", "rule", "per_item"),
    [
        ("themes", "ei-teema", "unknown-term", True),
        ("sources", "ftp://x", "bad-url", True),
        ("municipalities", "tampere", "duplicate-item", True),
        ("organisers", "{name: Kela, type: virasto}", "too-many-items", False),
    ],
)
def test_ten_thousand_list_items_are_each_checked(check, field, item, rule, per_item):
    count = (MAX_BYTES - 1_000) // (len(item) + 2)
    items = ", ".join([item] * count)
    text = HEAD + f"{field}: [{items}]\n" + TAIL
    # The valid experiment's own field (if it has one) is then a duplicate key.
    result = check({PATH: text})
    assert (PATH, 2, len(f"{field}: ["), "too-many-items") in result.located()
    counts = result.rules()
    assert counts.pop("too-many-items") == 1
    counts.pop("duplicate-key", None)
    if per_item:
        expected = count - 1 if rule == "duplicate-item" else count
        assert counts == {rule: expected}
    else:
        assert counts == {}


# -- Markdown bodies --------------------------------------------------------------------------------


def test_a_blockquote_nested_99_000_levels_deep_is_refused_unparsed(check):
    result = check({PATH: with_body(">" * 99_000 + " <b>\n")})
    assert result.located() == {(PATH, BODY_LINE, 1, "body-too-complex")}


def test_blockquotes_nested_one_more_on_each_line_are_refused_at_the_first_too_deep(check):
    body = "".join(">" * depth + " rivi\n" for depth in range(1, 440)) + "<b>\n"
    result = check({PATH: with_body(body)})
    assert result.located() == {(PATH, BODY_LINE + 40, 1, "body-too-complex")}  # depth 41


def test_blockquotes_as_deep_as_the_limit_allows_are_checked(check):
    body = "".join(">" * depth + " rivi\n" for depth in range(1, 41)) + "\n<b>\n"
    result = check({PATH: with_body(body)})
    assert result.located() == {(PATH, BODY_LINE + 41, 1, "raw-html")}


def test_lists_nested_by_indentation_as_deep_as_the_limit_allows_are_checked(check):
    body = "".join("    " * depth + "- kohta\n" for depth in range(40)) + "\n<b>\n"
    result = check({PATH: with_body(body)})
    assert result.located() == {(PATH, BODY_LINE + 41, 1, "raw-html")}


def test_lists_nested_by_indentation_deeper_than_the_limit_are_refused(check):
    body = "".join("    " * depth + "- kohta\n" for depth in range(215)) + "\n<b>\n"
    result = check({PATH: with_body(body)})
    assert result.located() == {(PATH, BODY_LINE + 40, 1, "body-too-complex")}  # depth 41


def test_list_items_nested_on_one_line_are_a_located_problem_not_a_crash(check):
    result = check({PATH: with_body("- " * 5_000 + "<b>\n")})
    assert result.code == 1
    assert result.located() == {(PATH, BODY_LINE, 1, "body-too-complex")}


def test_a_paragraph_of_unclosed_brackets_is_checked_within_the_bound(check):
    result = check({PATH: with_body("[" * 90_000 + "](javascript:alert(1))\n")})
    assert result.code == 1
    assert result.located() == {(PATH, BODY_LINE, 1, "body-too-complex")}


# -- the checker's own regular expressions ----------------------------------------------------------


def test_a_long_email_address_of_dots_is_refused_within_the_bound(check):
    text = VALID_EXPERIMENT.replace(
        "  organisation: Tampereen kaupunki\n",
        "  organisation: Tampereen kaupunki\n  email: a@" + "." * 95_000 + "@\n",
    )
    result = check({PATH: text})
    assert result.located() == {(PATH, 17, 10, "bad-email")}


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("2017-" + "0" * 90_000, "bad-date"),  # dates.py patterns
        ('"' + "1" * 90_000 + '.1.2017"', "bad-date"),
        ("1." * 45_000, "bad-date"),
        ("0" * 90_000, "bad-date"),  # a plain number as a year
    ],
    ids=["iso", "finnish", "dots", "digits"],
)
def test_long_dates_are_refused_at_their_place(check, value, rule):
    text = VALID_EXPERIMENT.replace("start: 2018", f"start: {value}")
    result = check({PATH: text})
    assert result.located() == {(PATH, 11, 8, rule)}


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("https://" + "." * 90_000, "bad-url"),
        ("https://x.fi/" + "%" * 90_000, None),
        ("http://[" + ":" * 90_000 + "]", "bad-url"),
        ("javascript:" + "\u200b" * 30_000 + "x", "bad-url"),
    ],
    ids=["host-dots", "path-percents", "ipv6-colons", "invisible"],
)
def test_long_urls_are_checked_at_their_place(check, value, rule):
    text = VALID_EXPERIMENT.replace("  - https://www.example.fi/kokeilu", f'  - "{value}"')
    result = check({PATH: text})
    assert result.located() == ({(PATH, 14, 5, rule)} if rule else set())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # body.py: invisible characters dropped before the scheme is read, a long scheme
        ("[x](" + "\u200b" * 30_000 + "javascript:alert(1))\n", {(BODY_LINE, 5, "unsafe-link")}),
        ("[x](" + "a" * 90_000 + ":x)\n", {(BODY_LINE, 5, "unsafe-link")}),
        # a tag never closed is text on its own, but runs over the end of the language wrapper
        ("<" + "a" * 90_000 + "\n", {(BODY_LINE, 1, "html-in-code")}),
        ("{" + " ." * 45_000 + "\n", set()),  # attr_list braces never closed
    ],
    ids=["invisible", "scheme", "tag", "attributes"],
)
def test_long_runs_in_a_body_are_checked(check, body, expected):
    result = check({PATH: with_body(body)})
    assert {(line, column, rule) for _, line, column, rule in result.located()} == expected


def test_a_long_line_that_starts_like_a_delimiter_is_not_one(check):
    # frontmatter.py: "---" and trailing blanks close the block; this line does not, so YAML
    # reads it as the start of a second document, which is refused.
    line = "---" + " " * 90_000 + "x"
    last = "  organisation: Tampereen kaupunki\n"
    result = check({PATH: VALID_EXPERIMENT.replace(last, last + line + "\n")})
    assert result.located() == {(PATH, 17, 1, "yaml-syntax")}


@pytest.mark.parametrize(
    ("files", "count"),
    [
        ({PATH: with_body("\x1b\n" * 45_000)}, 45_000),  # one on each line of a body
        ({PATH: with_line("k: [" + ", ".join(['"\\e"'] * 16_000) + "]")}, 16_000),  # as escapes
        ({PATH: with_line("\n".join(f"k{n}: a\x01" for n in range(8_000)))}, 8_000),  # YAML refuses
    ],
    ids=["body-lines", "escaped-values", "yaml-controls"],
)
def test_floods_of_control_characters_are_each_located(check, files, count):
    result = check(files)
    assert result.rules()["control-character"] == count
