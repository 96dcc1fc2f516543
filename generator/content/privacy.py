"""Personal data in content: flagged for the editor, as warnings.

The schema asks for organisations' general contacts, never a person's. A contributor may still
paste a person's address or mobile number into a field or the description, so ``kokeilu check``
warns at each one (rule ``personal-data``); the editor decides. Two patterns are flagged:

- an e-mail address whose local part reads as a person's name, ``etunimi.sukunimi@…`` (two or
  more words joined by ``.``, ``-`` or ``_``, none of them a generic mailbox word such as
  ``info`` or ``kirjaamo``);
- a Finnish mobile number (``040 123 4567``, ``050-1234567``, ``+358 44 123 4567``): in Finland
  a mobile number almost always belongs to a person, while an organisation publishes its
  switchboard (``09 310 1691``), which is not flagged.

YAML comment lines in the front matter are skipped; everything else in the file is read.
"""

from __future__ import annotations

import re

from generator.content.frontmatter import published_lines
from generator.core.problems import ProblemSink

EMAIL = re.compile(r"(?<![\w.+-])([A-Za-z0-9._%+-]{1,64})@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_NAME_LIKE = re.compile(r"^[a-zà-öø-ÿ]{2,}(?:[._-][a-zà-öø-ÿ]{2,})+$", re.IGNORECASE)
GENERIC_MAILBOXES = frozenset(
    [
        "info",
        "tiedotus",
        "viestinta",
        "kirjaamo",
        "asiakaspalvelu",
        "palaute",
        "neuvonta",
        "toimisto",
        "yhteys",
        "contact",
        "hello",
        "hei",
        "moi",
        "office",
        "support",
        "tuki",
        "kokeilut",
        "kokeilu",
        "hanke",
        "hankkeet",
        "projekti",
        "media",
        "press",
        "registry",
        "registratur",
        "kundtjanst",
        "noreply",
        "no",
        "reply",
        "admin",
        "webmaster",
        "posti",
        "mail",
        "kunta",
        "kaupunki",
        "palvelu",
        "palvelut",
        "opastus",
        "vaihde",
        "helpdesk",
        "kirjasto",
        "nuoriso",
        "sote",
    ]
)
MOBILE = re.compile(r"(?<![\w+/=.-])(?:\+358[ -]?|0)(?:4\d|50)(?:[ -]?\d){6,8}(?![\w:-])")


def is_personal_email(local_part: str) -> bool:
    if not _NAME_LIKE.match(local_part):
        return False
    words = re.split(r"[._-]", local_part.lower())
    return not any(word in GENERIC_MAILBOXES for word in words)


def check_personal_data(text: str, sink: ProblemSink) -> None:
    """Warn at every personal-looking e-mail address and mobile number in a file's ``text``."""
    if "@" not in text and not MOBILE.search(text):
        return  # most files: one pass in C, no line loop
    for number, line in published_lines(text):
        if "@" in line:
            for match in EMAIL.finditer(line):
                if is_personal_email(match.group(1)):
                    sink.warning(
                        number,
                        match.start() + 1,
                        "personal-data",
                        f'Sähköpostiosoite "{match.group(0)}" näyttää henkilön osoitteelta '
                        "(etunimi.sukunimi). Julkaise vain organisaation yleinen osoite, esimerkiksi "
                        "kirjaamo@… tai info@…, tai poista osoite.",
                    )
        for match in MOBILE.finditer(line):
            sink.warning(
                number,
                match.start() + 1,
                "personal-data",
                f'Puhelinnumero "{match.group(0).strip()}" on matkapuhelinnumero, eli todennäköisesti '
                "henkilön numero. Julkaise sen sijaan organisaation vaihteen numero tai verkkosivu, "
                "tai poista numero.",
            )
