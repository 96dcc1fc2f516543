"""A generated file of the site that is not a page: data, scripts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SiteFile:
    """Bytes published at ``src_uri`` (docs-relative, like a page's source path)."""

    src_uri: str
    content: bytes
