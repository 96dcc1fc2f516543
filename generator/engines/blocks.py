"""Set the pre-rendered HTML blocks of a generated page aside while Markdown runs.

Python-Markdown passes raw HTML blocks through unchanged, but only after parsing them tag by
tag, which costs more than the rest of a generated page. An engine adapter can swap each block
our templates wrote for a placeholder paragraph before Markdown and put the block back after:
the HTML comes out byte for byte the same, without the parsing.

Only blocks that open a line with one of our own elements (``<aside class="kk-…``) and run
to a blank line are set aside; a contributor body or intro never contains raw HTML (rule
``raw-html``), so nothing of theirs is touched.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field

_BLOCK = re.compile(
    r'^<(header|aside|div|ol|ul|nav|table|p|section) class="kk-[^"]*"[^\n]*(?:\n(?![ \t]*\n)[^\n]*)*',
    re.MULTILINE,
)


@dataclass
class HtmlBlocks:
    """Placeholders → blocks for one page."""

    token: str = field(default_factory=lambda: f"kkblock{secrets.token_hex(6)}x")
    blocks: dict[str, str] = field(default_factory=dict)

    def set_aside(self, markdown: str) -> str:
        """``markdown`` with each of our HTML blocks replaced by a placeholder paragraph."""

        def swap(match: re.Match[str]) -> str:
            block = match.group(0)
            if not block.rstrip().endswith(f"</{match.group(1)}>"):
                return block  # not one whole element: leave it to Markdown
            key = f"{self.token}{len(self.blocks)}"
            self.blocks[key] = block.rstrip()
            return key

        return _BLOCK.sub(swap, markdown)

    def restore(self, html: str) -> str:
        """Put every block back where Markdown left its placeholder paragraph."""
        for key, block in self.blocks.items():
            html = html.replace(f"<p>{key}</p>", block, 1)
        return html
