"""Facts marked unconfirmed (``unconfirmed: [funding.call, start]``): each name must be a fact
of the entry's kind and be given in the file; the page marks each such fact."""

from __future__ import annotations

import difflib
from typing import Any

from generator.core.model import UNKNOWN, Entry
from generator.core.problems import Problem, ProblemSink
from generator.core.schema import EntrySchema

FIELD = "unconfirmed"


def fact_value(entry: Entry, path: str) -> Any:
    """The value a dotted field name points to ("funding.call"), or None."""
    name, _, sub = path.partition(".")
    value = entry.values.get(name)
    if sub:
        return value.get(sub) if isinstance(value, dict) else None
    return value


def check_unconfirmed(entry: Entry, entry_schema: EntrySchema) -> list[Problem]:
    """``unconfirmed-path`` at each name that is not a fact of this kind, or not in the file."""
    paths = entry.values.get(FIELD)
    if not paths:
        return []
    known = entry_schema.field_paths()
    problems: list[Problem] = []
    sink = ProblemSink(entry.path, problems)
    for index, path in enumerate(paths):
        line, column = entry.location(FIELD, index)
        if path not in known:
            close = difflib.get_close_matches(path, known, n=1, cutoff=0.6)
            hint = f'Tarkoititko "{close[0]}"?' if close else "Sallitut nimet: " + ", ".join(known) + "."
            sink.error(
                line,
                column,
                "unconfirmed-path",
                f'Kenttää "{path}" ei ole, joten sitä ei voi merkitä vahvistamattomaksi. {hint} '
                "Ryhmän alakenttä kirjoitetaan pisteellä, esimerkiksi funding.call.",
            )
            continue
        value = fact_value(entry, path)
        if value is UNKNOWN:
            sink.error(
                line,
                column,
                "unconfirmed-path",
                f'Kentän "{path}" arvo on tuntematon: vahvistamattomaksi merkitään vain tieto, joka '
                f'on annettu. Poista "{path}" listasta.',
            )
        elif value is None:
            sink.error(
                line,
                column,
                "unconfirmed-path",
                f'Kenttää "{path}" ei ole tiedostossa, joten sitä ei voi merkitä '
                f'vahvistamattomaksi. Lisää kenttä tai poista "{path}" listasta.',
            )
    return problems
