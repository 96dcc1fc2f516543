"""Bodies are Markdown only: raw HTML, script links and injected attributes are located errors."""

from __future__ import annotations

import pytest

from generator.content.body import check_body
from generator.content.markup import link_scheme
from generator.core.problems import ProblemSink
from tests.support import VALID_EXPERIMENT, located

BODY_LINE = VALID_EXPERIMENT.splitlines().index("---", 1) + 2  # the line after the closing ---


def _with_body(body: str) -> str:
    return VALID_EXPERIMENT.replace("\nKokeilun kuvaus.\n", "\n" + body)


def _problems(text: str) -> set[tuple[int, int, str]]:
    sink = ProblemSink("x.md")
    check_body(text, 1, sink)
    return {(p.line, p.column, p.rule) for p in sink.problems}


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("https://example.fi", "https"),
        ("mailto:a@example.fi", "mailto"),
        ("../opit/x.md", None),
        ("#kohta", None),
        ("javascript:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        (" javascript:alert(1)", "javascript"),
        ("jav\tascript:alert(1)", "javascript"),
        ("jav&#x09;ascript:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("&amp;#106;avascript:alert(1)", "javascript"),
        ("data:text/html;base64,PHNjcmlwdD4=", "data"),
        ("vbscript:msgbox(1)", "vbscript"),
    ],
)
def test_the_scheme_is_read_the_way_a_browser_reads_it(url, scheme):
    assert link_scheme(url) == scheme


def test_plain_markdown_passes():
    text = (
        "Kuvaus, jossa on **lihavointi**, [linkki](https://example.fi) ja ![kuva](kuva.png).\n\n"
        "Vertailu: 3 < 5 ja 5 > 3.\n\n`<script>` koodina on tekstiä.\n\n"
        "    <b>sisennetty koodi</b>\n\n```\n<div>koodilohko</div>\n```\n\n"
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n\n## Otsikko { #oma-tunniste .luokka }\n\n<https://example.fi>\n"
    )
    assert _problems(text) == set()


def test_raw_html_blocks_and_inline_html_are_refused_where_they_are():
    text = "Alku.\n\n<script>alert(1)</script>\n\nTeksti ja <img src=x onerror=alert(1)> kuva.\n"
    assert _problems(text) == {(3, 1, "raw-html"), (5, 11, "raw-html")}


def test_html_comments_and_autolinks_to_other_schemes_are_refused():
    assert _problems("Teksti <!-- piilo --> ja lisää.\n") == {(1, 8, "raw-html")}
    assert _problems("Linkki <javascript:alert(1)>\n") == {(1, 8, "raw-html")}


@pytest.mark.parametrize(
    "link",
    [
        "[klikkaa](javascript:alert(1))",
        "[klikkaa](JAVASCRIPT:alert(1))",
        "[klikkaa](jav&#x09;ascript:alert(1))",
        "![kuva](data:image/svg+xml;base64,PHN2Zz4=)",
        "[klikkaa][viite]\n\n[viite]: vbscript:msgbox(1)",
    ],
)
def test_links_with_a_script_scheme_are_refused(link):
    problems = _problems("Teksti.\n\n" + link + "\n")
    assert {rule for _, _, rule in problems} == {"unsafe-link"}


def test_the_unsafe_link_is_located_at_its_address():
    assert _problems("Teksti.\n\nLue [tästä](javascript:alert(1)).\n") == {(3, 13, "unsafe-link")}


def test_attr_list_may_not_set_event_handlers_or_override_links():
    text = '[ok](https://example.fi){ onclick="alert(1)" }\n\n[x](https://example.fi){ href="javascript:alert(1)" }\n'
    rules = sorted(rule for _, _, rule in _problems(text))
    assert rules == ["unsafe-attribute", "unsafe-link"]


def test_body_problems_are_reported_at_file_lines(check):
    catalogue = check({"experiments/testikokeilu.md": _with_body("Kuvaus.\n\n<b>lihava</b>\n")})
    assert located(catalogue) == {("experiments/testikokeilu.md", BODY_LINE + 3, 1, "raw-html")}
    assert "testikokeilu" not in catalogue.experiments


def test_intro_problems_are_reported_at_file_lines(check):
    catalogue = check(
        {
            "experiments/testikokeilu.md": VALID_EXPERIMENT,
            "content/teemat/ruoka.md": "\n\nJohdanto.\n\n[x](javascript:void(0))\n",
        }
    )
    assert located(catalogue) == {("content/teemat/ruoka.md", 5, 5, "unsafe-link")}


def _messages(text: str) -> list[str]:
    sink = ProblemSink("x.md")
    check_body(text, 1, sink)
    return [p.message for p in sink.problems]


def test_a_class_the_theme_acts_on_is_refused_at_its_line():
    text = "Kappale.\n{: .mermaid }\n\n## Otsikko {.mermaid .oma}\n"
    assert _problems(text) == {(2, 5, "unsafe-attribute"), (4, 14, "unsafe-attribute")}
    assert all('".mermaid"' in m for m in _messages(text))
    assert _problems("Kappale.\n{: .oma-luokka #tunniste }\n") == set()


@pytest.mark.parametrize("name", ["glightbox", "pyodide"])
def test_the_classes_zensical_fetches_scripts_for_are_refused(name):
    # Zensical's bundle loads a lightbox or Pyodide from unpkg.com / jsdelivr.net for them.
    assert _problems(f"[kuva](kuva.png){{: .{name} }}\n") == {(1, 21, "unsafe-attribute")}


def test_deep_nesting_and_bracket_floods_are_refused_unparsed():
    # More cases, and the other floods: tests/unit/test_body_complexity.py.
    assert _problems("Johdanto.\n\n" + "> " * 41 + "lainaus\n") == {(3, 1, "body-too-complex")}
    assert _problems("Johdanto.\n\n" + "> " * 5 + "lainaus\n\n- a\n  - b\n    - c\n") == set()
    flood = "Alku.\n\nToinen kappale " + "[" * 501 + " sana" * 8000 + "\n"
    assert _problems(flood) == {(3, 16, "body-too-complex")}
    assert _problems("Alku " + "[x] " * 400 + "\n") == set()


@pytest.mark.parametrize(
    ("fence", "column"),
    [
        ('``` { .text onclick="window.kkPwned=1" }', 13),
        ("~~~ {style='color:red'}", 6),
        ("``` { .mermaid }", 8),
        ("```` { #koodi .python data-x=1 }", 23),
    ],
)
def test_a_fenced_code_block_may_not_set_attributes_or_theme_classes(fence, column):
    # MkDocs always enables fenced_code, which copies the keys of the { } onto <code>.
    text = f"Kuvaus.\n\n{fence}\nkoodi\n{fence.split()[0]}\n"
    assert _problems(text) == {(3, column, "unsafe-attribute")}
    assert "Koodilohkon" in _messages(text)[0]


def test_a_fenced_code_block_with_an_id_classes_or_a_language_passes():
    text = "``` { #esimerkki .python }\nprint(1)\n```\n\n```yaml\nlevel: alueellinen\n```\n"
    assert _problems(text) == set()


def test_the_checker_parses_with_the_markdown_mkdocs_loads():
    # MkDocs adds toc, tables and fenced_code to mkdocs.yml's list; the checker renders bodies
    # with exactly that (ProperDocs loads the same; Zensical's is tested in test_body_wrapping).
    from mkdocs.config import load_config

    from generator.content.markup import SITE_EXTENSION_CONFIGS, SITE_EXTENSIONS
    from tests.support import REPO_ROOT

    config = load_config(str(REPO_ROOT / "mkdocs.yml"))
    assert tuple(config.markdown_extensions) == SITE_EXTENSIONS
    assert config.mdx_configs == SITE_EXTENSION_CONFIGS
