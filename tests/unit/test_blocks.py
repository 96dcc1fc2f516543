from __future__ import annotations

import markdown

from generator.engines.blocks import HtmlBlocks

PAGE = """\
<header class="kk-header">
<h1>Otsikko</h1>
</header>

Kuvaus **Markdownina**.

<aside class="kk-facts">
<dl><dt>Tila</dt><dd>Päättynyt</dd></dl>
</aside>

## Opit

<ul class="kk-listing">
<li>yksi</li>
</ul>
"""


def _normalise(html: str) -> str:
    return "\n".join(line for line in html.splitlines() if line.strip())


def test_blocks_come_back_exactly_as_markdown_would_pass_them_through():
    blocks = HtmlBlocks()
    text = blocks.set_aside(PAGE)
    assert "<aside" not in text and "Kuvaus **Markdownina**." in text
    assert len(blocks.blocks) == 3
    assert _normalise(blocks.restore(markdown.markdown(text))) == _normalise(markdown.markdown(PAGE))


def test_only_our_own_whole_elements_are_set_aside():
    blocks = HtmlBlocks()
    text = '<div>vieras</div>\n\n<aside class="kk-facts">\n\nkesken\n'
    assert blocks.set_aside(text) == text
    assert blocks.blocks == {}
