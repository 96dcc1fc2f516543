"""ASCII slugs for file names and URLs (ä→a, ö→o, å→a)."""

from __future__ import annotations

import re
import unicodedata

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_SLUG = re.compile(SLUG_PATTERN)
_SPECIAL = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "đ": "d", "ł": "l", "þ": "th"})
MAX_SLUG_LENGTH = 80


def is_slug(text: str) -> bool:
    return len(text) <= MAX_SLUG_LENGTH and _SLUG.match(text) is not None


def slugify(text: str, max_length: int = 60) -> str:
    """Lower-case ASCII words joined by hyphens: "Särkifood – Ravintolapäivä" → "sarkifood-ravintolapaiva"."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_SPECIAL))
    text = "".join(c for c in text if not unicodedata.combining(c))
    # Everything that is not an ASCII letter or digit separates words: spaces, dashes of any
    # kind, punctuation and letters with no ASCII form.
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    if len(text) > max_length:
        cut = text[: max_length + 1]
        text = cut.rsplit("-", 1)[0] if "-" in cut else text[:max_length]
    return text
