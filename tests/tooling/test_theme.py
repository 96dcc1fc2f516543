"""The theme overrides stay what they say they are."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from tests.support import REPO_ROOT

_SEARCH_BLOCK = re.compile(
    r'( *){% if "material/search" in config\.plugins %}\n.*?\n\1{% endif %}\n', re.DOTALL
)
_ALTERNATE_BLOCK = re.compile(r"( *){% if config\.extra\.alternate %}\n.*?\n\1{% endif %}\n", re.DOTALL)
_COMMENT = re.compile(r"\A{#-.*?-#}\n", re.DOTALL)


def test_the_header_is_materials_with_only_the_search_and_language_blocks_replaced():
    spec = importlib.util.find_spec("material")
    assert spec is not None and spec.submodule_search_locations
    material = Path(next(iter(spec.submodule_search_locations))) / "templates/partials/header.html"
    theirs = material.read_text(encoding="utf-8")
    ours = (REPO_ROOT / "theme/partials/header.html").read_text(encoding="utf-8")
    expected, replaced = _SEARCH_BLOCK.subn(r'\1{% include "partials/kk-search.html" %}\n', theirs)
    assert replaced == 1, "Material's header no longer has the search block this override replaces"
    # Material's language selector links to the other languages' home pages; ours to the same page.
    expected, replaced = _ALTERNATE_BLOCK.subn(r'\1{% include "partials/kk-languages.html" %}\n', expected)
    assert replaced == 1, "Material's header no longer has the language selector this override replaces"
    assert _COMMENT.sub("", ours) == _COMMENT.sub("", expected), (
        "theme/partials/header.html drifted from Material's partials/header.html: copy it again and "
        "replace only the search and language blocks"
    )
