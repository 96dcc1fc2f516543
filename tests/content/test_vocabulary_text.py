"""Vocabulary texts are plain text, and the field reference shows them as text (issue 18, E).

A theme label ``fi: "<img src=x onerror=…>"`` used to pass ``kokeilu check``, and ``kokeilu
schema --write`` put it unescaped into content/osallistu/kentat.md, where it ran on
/osallistu/kentat/ in every language. Now every text a vocabulary carries is checked like a
plain-text field (``not-plain-text``, with length bounds), and the reference's template
autoescapes, escaping vocabulary text for Markdown, so even a label the check did not see is
shown as the characters it is.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from generator.cli import main
from generator.content.check import check_catalogue
from generator.content.vocabulary import Term, Vocabulary
from generator.derived.reference import markdown_text, render_field_reference
from tests.hostile.test_injection_corpus import script_in, site_markdown
from tests.support import FIXTURE_SITE, located

THEMES = "content/sanastot/teemat.yml"
LEVELS = "content/sanastot/tasot.yml"
TWO_LEVELS = """\
- id: valtakunnallinen
  fi: Valtakunnallinen
  sv: Nationell
  en: National
  description_fi: Koko maata koskevat kokeilut.
- id: alueellinen
  fi: Alueellinen
  sv: Regional
  en: Regional
"""
PAYLOAD = "<img src=x onerror=window.kkPwned=1>"


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("fi: Valtakunnallinen", f'fi: "{PAYLOAD}"', (2, 7)),
        ("sv: Nationell", "sv: Nationell <b>", (3, 7)),
        ("en: National", "en: '[National](javascript:alert(1))'", (4, 7)),
        (
            "description_fi: Koko maata koskevat kokeilut.",
            "description_fi: Koko maata <script>x</script> koskevat.",
            (5, 19),
        ),
        ("en: Regional", "en: Regional</a>", (9, 7)),
    ],
)
def test_markup_in_any_vocabulary_text_is_refused_at_the_value(check, old, new, where):
    catalogue = check({LEVELS: TWO_LEVELS.replace(old, new)})
    assert located(catalogue) == {(LEVELS, *where, "not-plain-text")}
    message = catalogue.problems[0].message
    assert "pelkkänä tekstinä" in message and "sanaston nimet ja kuvaukset" in message


def test_the_attack_of_the_issue_is_refused_and_schema_write_changes_nothing(make_catalogue, capsys):
    themes = (FIXTURE_SITE / THEMES).read_text(encoding="utf-8")
    hostile = themes + f'- id: hyokkays\n  fi: "{PAYLOAD}"\n  sv: Attack\n  en: Attack\n'
    root = make_catalogue({THEMES: hostile, "content/osallistu/kentat.md": "ennallaan\n"})
    line = hostile.count("\n") - 2
    assert located(check_catalogue(root)) >= {(THEMES, line, 7, "not-plain-text")}
    assert main(["--root", str(root), "schema", "--write"]) == 1
    assert f"{THEMES}:{line}:7" in capsys.readouterr().err
    assert (root / "content/osallistu/kentat.md").read_text(encoding="utf-8") == "ennallaan\n"


@pytest.mark.parametrize(("label", "rule"), [("A", "too-short"), ("x" * 81, "too-long")])
def test_labels_have_length_bounds(check, label, rule):
    catalogue = check({LEVELS: TWO_LEVELS.replace("sv: Regional", f"sv: {label}")})
    assert located(catalogue) == {(LEVELS, 8, 7, rule)}


# -- the field reference -------------------------------------------------------------------------


class _Cells(HTMLParser):
    """Every element's tag, and the text of each table cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.cells: list[str] = []
        self._cell: list[str] | None = None

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append(tag)
        if tag == "td":
            self._cell = []

    def handle_endtag(self, tag) -> None:
        if tag == "td" and self._cell is not None:
            self.cells.append("".join(self._cell))
            self._cell = None

    def handle_data(self, data) -> None:
        if self._cell is not None:
            self._cell.append(data)


def rendered_reference(shipped, labels: list[str]) -> tuple[str, _Cells]:
    """The field reference with the themes replaced by one term per label, as HTML."""
    terms = tuple(Term(f"termi-{n}", label, label, label) for n, label in enumerate(labels))
    themes = shipped.vocabularies["teemat"]
    vocabularies = {
        **shipped.vocabularies,
        "teemat": Vocabulary("teemat", themes.label_fi, themes.path, terms),
    }
    text = render_field_reference(shipped.schema, vocabularies)
    page = site_markdown().convert(text)
    cells = _Cells()
    cells.feed(page)
    return text, cells


# Labels that pass the plain-text check but are Markdown or HTML syntax when written as they are.
TRICKY = [
    "Ruoka *ja* _juoma_",
    "Putki | ja \\ kenoviiva",
    "`koodi` ja {: .luokka }",
    "a < b & c > d",
    "&lt;b&gt; ja &amp;",
    "[viite] ja ![kuva]",
]


def test_vocabulary_text_is_shown_exactly_as_written_in_the_field_reference(shipped):
    _, cells = rendered_reference(shipped, TRICKY)
    for label in TRICKY:
        assert cells.cells.count(label) == 3, label  # the Finnish, Swedish and English columns
    # No label made an element of its own: the page has the elements it has with plain labels.
    _, plain = rendered_reference(shipped, [f"Teema {n}" for n in range(len(TRICKY))])
    assert cells.tags == plain.tags


@pytest.mark.parametrize(
    "label",
    [
        PAYLOAD,
        "<script>window.kkPwned=1</script>",
        '"><svg onload=window.kkPwned=1>',
        "[x](javascript:window.kkPwned=1)",
        '<https://www.example.fi/"onmouseover="window.kkPwned=1>',
    ],
)
def test_a_hostile_label_the_check_never_saw_cannot_reach_the_page_as_markup(shipped, label):
    """Defence in depth: the reference escapes even a label that skipped the check."""
    text, cells = rendered_reference(shipped, [label])
    assert label not in text
    assert script_in(site_markdown().convert(text)) == []
    assert cells.cells.count(label) == 3


def test_markdown_text_puts_a_label_on_one_line():
    assert markdown_text("kaksi\nriviä\t ja  välit") == "kaksi riviä ja välit"
