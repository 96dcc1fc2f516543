"""The finder's scripts, published under ``assets/haku/`` and shared by every language: lunr.js
and the lunr-languages files unchanged from the installed package, and finder.js, built here
from the modules in generator/search/assets/finder/ (its README says what each does).

The build is a concatenation and a minification, with no network and no Node: the modules, in
the order of :data:`FINDER_MODULES`, share one function scope (each declares what the later
ones use; main.js starts the script), and rjsmin removes the comments and the whitespace.
"""

from __future__ import annotations

import functools
from importlib import resources

import rjsmin

from generator.core.sitefile import SiteFile
from generator.core.urls import BROWSER_FILES, FINDER_ASSET_DIR, FINDER_SCRIPT
from generator.search.pipelines import find_lunr_files

# finder.js's modules, in order: the pure core (no DOM, no network; exported for Node), then
# the browser part, then the start.
FINDER_MODULES = (
    "languages.js",
    "stems.js",
    "shards.js",
    "scoring.js",
    "passes.js",
    "tolerance.js",
    "facets.js",
    "results.js",
    "state.js",
    "messages.js",
    "core.js",
    "loading.js",
    "ui.js",
    "render.js",
    "page.js",
    "main.js",
)
# The one comment the published script keeps.
_BANNER = (
    "/*! Kokeilukatalogi: the finder at /haku/, /sv/haku/ and /en/haku/, built from"
    " generator/search/assets/finder/ */"
)


def finder_source() -> str:
    """finder.js before minification: the modules in one strict function scope."""
    folder = resources.files("generator.search").joinpath("assets", "finder")
    modules = [folder.joinpath(name).read_text(encoding="utf-8") for name in FINDER_MODULES]
    return "\n".join([_BANNER, "(function () {", "'use strict';", "", *modules, "})();", ""])


@functools.cache
def finder_script() -> bytes:
    """finder.js as the site publishes it (assets/haku/finder.js): built and minified."""
    return (rjsmin.jsmin(finder_source(), keep_bang_comments=True) + "\n").encode("utf-8")


def finder_assets() -> list[SiteFile]:
    """The finder's scripts, shared by every language, under ``assets/haku/``: lunr.js,
    lunr.stemmer.support.js, lunr.fi.js and lunr.sv.js unchanged from the installed package,
    and finder.js."""
    lunr_files = find_lunr_files()
    scripts = [
        SiteFile(FINDER_ASSET_DIR + name, lunr_files.paths[name].read_bytes()) for name in BROWSER_FILES
    ]
    return [*scripts, SiteFile(FINDER_ASSET_DIR + FINDER_SCRIPT, finder_script())]
