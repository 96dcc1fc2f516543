"""Web and e-mail addresses: what the fields that hold one accept."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

_ALLOWED_SCHEMES = ("http", "https")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def is_email(value: str) -> bool:
    """name@domain.tld: one @, something on each side, a dot inside the domain, no spaces.
    (Written without a regular expression: a pattern for this backtracks on long input.)"""
    local, at, domain = value.partition("@")
    return (
        bool(local and at)
        and "@" not in domain
        and "." in domain[1:-1]
        and not any(c.isspace() for c in value)
    )


def url_problem(value: str) -> str | None:
    """Why ``value`` is not an acceptable web address (http or https), or None."""
    if _SPACE_OR_CONTROL.search(value):
        return (
            "Osoitteessa on välilyönti tai ohjausmerkki. Tarkista, että osoite on kokonainen; "
            "korvaa välilyönnit merkillä %20."
        )
    try:
        parts = urlsplit(value)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        return f'"{value}" ei ole kelvollinen osoite. Kopioi osoite selaimen osoiteriviltä.'
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        if scheme and scheme not in _ALLOWED_SCHEMES:
            return _scheme_message(scheme)
        return (
            "Osoitteesta puuttuu alku https://. Kirjoita koko osoite, esimerkiksi "
            "https://www.example.fi/sivu."
        )
    if scheme not in _ALLOWED_SCHEMES:
        return _scheme_message(scheme)
    return _host_problem(host, parts.netloc)


def _host_problem(host: str | None, netloc: str) -> str | None:
    """Why the host name of an http(s) address is not acceptable, or None."""
    if not host or "." not in host.strip("."):
        return f'Osoitteen palvelimen nimi "{netloc}" ei ole kelvollinen. Tarkista osoite.'
    if "" in host.split("."):
        # "issuu.com." is the same host to a browser, but not to the editors' JSON Schema, and a
        # doubled or trailing dot is almost always a copying slip.
        fixed = ".".join(label for label in host.split(".") if label)
        return f'Osoitteen palvelimen nimessä "{host}" on ylimääräinen piste. Kirjoita se muodossa {fixed}.'
    return None


def _scheme_message(scheme: str) -> str:
    return (
        f'"{scheme}:"-alkuiset osoitteet eivät ole sallittuja. Lähteen ja verkkosivun pitää alkaa '
        "http:// tai https://."
    )
