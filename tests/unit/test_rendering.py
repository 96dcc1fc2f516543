"""kokeilu render's tree: every generated page at <its URL>/index.md, links moved with it."""

from __future__ import annotations

import pytest

from generator.engines.render import moved_links

FILES = frozenset({"tasot/index.md", "teemat/kiertotalous.md", "data/kokeilut.json", "kuvat/kartta.png"})
OLD, NEW = "teemat/kiertotalous.md", "teemat/kiertotalous/index.md"


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        # Links MkDocs resolves from the source file to a file of the site go one level deeper.
        ("[tasot](../tasot/index.md).", "[tasot](../../tasot/index.md)."),
        ("[tasot](<../tasot/index.md>)", "[tasot](<../../tasot/index.md>)"),
        ('[tasot](../tasot/index.md "Tasot")', '[tasot](../../tasot/index.md "Tasot")'),
        ("[tasot](../tasot/index.md#alueellinen)", "[tasot](../../tasot/index.md#alueellinen)"),
        ("[tasot][t]\n\n[t]: ../tasot/index.md\n", "[tasot][t]\n\n[t]: ../../tasot/index.md\n"),
        ("![kartta](../kuvat/kartta.png)", "![kartta](../../kuvat/kartta.png)"),
        ("[data](../data/kokeilut.json)", "[data](../../data/kokeilut.json)"),
        # Links every engine reads from the page's URL stay: folders, fragments, other sites.
        ("[osallistu](../../osallistu/)", "[osallistu](../../osallistu/)"),
        ("[alku](#alku)", "[alku](#alku)"),
        ("[ulos](https://example.fi/a.md)", "[ulos](https://example.fi/a.md)"),
        ("[juuri](/tasot/index.md)", "[juuri](/tasot/index.md)"),
        ("[puuttuu](../ei-ole.md)", "[puuttuu](../ei-ole.md)"),
    ],
)
def test_links_to_files_move_with_the_page(markdown, expected):
    page = '---\ntitle: "Kiertotalous"\n---\n\n' + markdown
    assert moved_links(page, OLD, NEW, FILES) == '---\ntitle: "Kiertotalous"\n---\n\n' + expected


def test_our_html_blocks_and_the_front_matter_are_left_alone():
    block = (
        '<header class="kk-header">\n<p class="kk-kicker"><a href="../../teemat/">Teemat</a></p>\n</header>'
    )
    page = f'---\ntitle: "A](../tasot/index.md)"\n---\n\n{block}\n\n[tasot](../tasot/index.md)\n'
    moved = moved_links(page, OLD, NEW, FILES)
    assert moved == page.replace("\n[tasot](../tasot/index.md)", "\n[tasot](../../tasot/index.md)")


def test_a_page_without_markdown_links_is_returned_as_it_is():
    page = '---\ntitle: "X"\n---\n\n<p class="kk-count">3 kokeilua.</p>\n'
    assert moved_links(page, OLD, NEW, FILES) == page
