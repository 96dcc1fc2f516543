"""split_front_matter() and normalise_newlines(): every broken block is a located problem."""

from __future__ import annotations

import pytest

from generator.content.frontmatter import FrontMatter, normalise_newlines, split_front_matter
from generator.core.problems import ProblemSink

PATH = "experiments/x.md"


def split(text: str):
    sink = ProblemSink(PATH)
    front = split_front_matter(text, sink)
    return front, [(p.line, p.column, p.rule) for p in sink.problems], sink.problems


def test_line_numbers_of_a_well_formed_file():
    front, located, _ = split("---\ntitle: A\nlevel: b\n---\n\nKuvaus.\n")

    assert located == []
    assert front == FrontMatter(
        yaml="title: A\nlevel: b\n",
        yaml_line=2,
        opening_line=1,
        closing_line=4,
        body="\nKuvaus.\n",
        body_line=5,
    )


def test_three_dots_close_the_block():
    front, located, _ = split("---\ntitle: A\n...\nKuvaus.\n")
    assert located == []
    assert (front.yaml, front.closing_line, front.body, front.body_line) == ("title: A\n", 3, "Kuvaus.\n", 4)


def test_trailing_spaces_and_tabs_on_the_delimiters_are_accepted():
    front, located, _ = split("--- \ntitle: A\n---\t \nKuvaus.\n")
    assert located == []
    assert (front.yaml, front.opening_line, front.closing_line, front.body) == (
        "title: A\n",
        1,
        3,
        "Kuvaus.\n",
    )


def test_a_longer_dash_line_inside_the_block_does_not_close_it():
    front, _, _ = split("---\na: 1\n----\nb\n---\nKuvaus.\n")
    assert (front.yaml, front.closing_line) == ("a: 1\n----\nb\n", 5)


def test_file_ending_at_the_closing_delimiter_has_an_empty_body():
    front, located, _ = split("---\ntitle: A\n---")
    assert located == []
    assert (front.body, front.body_line) == ("", 4)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "title: A\n",
        "Kuvaus ilman etutietoja.\n",
        "----\ntitle: A\n---\n",
        "---title\n",
        "\n\nKuvaus\n---\n",
    ],
)
def test_missing_block_is_reported_at_the_first_line(text):
    front, located, problems = split(text)
    assert front is None
    assert located == [(1, 1, "frontmatter-missing")]
    assert "Aloita tiedosto rivillä ---" in problems[0].message


def test_blank_lines_before_the_block_are_reported_at_the_opening_line_and_parsing_continues():
    front, located, problems = split("\n\n---\ntitle: A\n---\nKuvaus.\n")

    assert located == [(3, 1, "frontmatter-not-first")]
    assert "riviä 3" in problems[0].message
    assert front == FrontMatter(
        yaml="title: A\n", yaml_line=4, opening_line=3, closing_line=5, body="Kuvaus.\n", body_line=6
    )


def test_whitespace_only_lines_before_the_block_count_as_blank():
    front, located, _ = split("  \n\t\n---\ntitle: A\n---\nKuvaus.\n")
    assert located == [(3, 1, "frontmatter-not-first")]
    assert front.yaml_line == 4


@pytest.mark.parametrize("text", ["---\ntitle: A\n\nKuvaus.\n", "---\n", "---"])
def test_unterminated_block_is_reported_at_its_opening_line(text):
    front, located, problems = split(text)
    assert front is None
    assert located == [(1, 1, "frontmatter-unterminated")]
    assert "Rivillä 1" in problems[0].message


def test_unterminated_block_after_blank_lines_reports_both():
    front, located, _ = split("\n---\ntitle: A\n")
    assert front is None
    assert located == [(2, 1, "frontmatter-not-first"), (2, 1, "frontmatter-unterminated")]


def test_empty_block_gives_empty_yaml():
    front, located, _ = split("---\n---\nKuvaus.\n")
    assert located == []
    assert front == FrontMatter(
        yaml="", yaml_line=2, opening_line=1, closing_line=2, body="Kuvaus.\n", body_line=3
    )


# -- normalise_newlines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "normalised"),
    [
        ("\ufeff---\ntitle: A\n", "---\ntitle: A\n"),
        ("---\r\ntitle: A\r\n", "---\ntitle: A\n"),
        ("---\rtitle: A\r", "---\ntitle: A\n"),
        ("a\r\r\nb", "a\n\nb"),  # a lone CR, then CRLF: two line breaks
        ("\ufeffa\r\nb\rc\n", "a\nb\nc\n"),
        ("ei rivinvaihtoja", "ei rivinvaihtoja"),
    ],
)
def test_normalise_newlines(raw, normalised):
    assert normalise_newlines(raw) == normalised


def test_only_a_leading_bom_is_dropped():
    assert normalise_newlines("a\ufeffb") == "a\ufeffb"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_line_numbers_survive_windows_and_old_mac_line_endings(newline):
    raw = "\ufeff" + newline.join(["", "---", "title: A", "---", "Kuvaus."])
    front, located, _ = split(normalise_newlines(raw))

    assert located == [(2, 1, "frontmatter-not-first")]
    assert (front.opening_line, front.yaml_line, front.closing_line, front.body_line) == (2, 3, 4, 5)
    assert front.yaml == "title: A\n"
