"""The site builds from the repository with ``mkdocs build --strict`` and stays self-hosted."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.e2e


def test_the_site_builds_with_the_contributor_pages(built_site):
    for page in ("index.html", "osallistu/index.html", "osallistu/kentat/index.html"):
        assert (built_site / page).is_file(), page
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fi"' in home


def test_the_field_reference_page_is_generated_from_the_schema(built_site):
    page = (built_site / "osallistu/kentat/index.html").read_text(encoding="utf-8")
    assert 'id="experiment-regions"' in page
    assert "pohjois-savo" in page


def test_the_json_schemas_are_published(built_site):
    assert (built_site / "schema/kokeilu.schema.json").is_file()
    assert (built_site / "schema/oppi.schema.json").is_file()


def test_no_page_loads_anything_from_another_host(built_site):
    """No Google Fonts, CDNs or analytics: every asset is served by the site itself."""
    pattern = re.compile(r'<(?:link|script|img)\b[^>]*\b(?:href|src)="(?:https?:)?//', re.IGNORECASE)
    for page in built_site.rglob("*.html"):
        assert not pattern.search(page.read_text(encoding="utf-8")), page
