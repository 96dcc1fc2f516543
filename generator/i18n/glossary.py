"""The glossary of the entries' translations: generator/i18n/glossary.yml.

Each term says what Swedish and English call a recurring Finnish term of the catalogue and which
alternatives a translation must not use. :func:`find_avoided` finds those alternatives in one
translated text, given the Finnish text it translates (a term may be right where the Finnish says
something else: "pilot" for *pilotti*) and the entry file (an owner's official name may use it).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

GLOSSARY_FILE = Path(__file__).with_name("glossary.yml")


@dataclass(frozen=True, slots=True)
class Avoided:
    """A term a translation must not use, as written in the glossary, and its pattern."""

    term: str
    pattern: re.Pattern[str]
    # The term's words up to its first *, lower case and single-spaced: a quick test before the
    # pattern.
    needle: str
    # Stems of the Finnish text that make the term right (lower case).
    unless_finnish: tuple[str, ...] = ()
    # The Finnish term and the term to use, where they are not the glossary term's own (one
    # municipality of the municipalities' term).
    fi: str = ""
    instead: str = ""


@dataclass(frozen=True, slots=True)
class Exemption:
    """An entry file whose translation into ``language`` may use an avoided ``term``: the owner's
    official name uses it, as ``reason`` says (with its source)."""

    path: str
    language: str
    term: str
    reason: str


@dataclass(frozen=True, slots=True)
class GlossaryTerm:
    id: str
    fi: str
    preferred: dict[str, str]
    avoid: dict[str, tuple[Avoided, ...]]
    allow: dict[str, tuple[re.Pattern[str], ...]]
    exceptions: tuple[Exemption, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """An avoided term found in a text: the word as written, where (0-based offset), and the
    glossary term it breaks."""

    found: str
    offset: int
    avoided: str
    term: GlossaryTerm
    # The Finnish term and the term to use in the text's language.
    fi: str
    use: str


def term_pattern(term: str) -> re.Pattern[str]:
    """A glossary term as a case-insensitive pattern at word boundaries: a word ending in * takes
    any ending ("pilot*": pilots), a space any white space."""
    words = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w) for w in term.split()]
    phrase = r"\s+".join(words)
    return re.compile(rf"(?<![\w-]){phrase}(?![\w-])", re.IGNORECASE)


def _avoided(item: str | dict) -> Avoided:
    if isinstance(item, dict):
        stems = item.get("unless_finnish") or ()
        stems = (stems,) if isinstance(stems, str) else tuple(stems)
        return Avoided(
            item["term"], term_pattern(item["term"]), _needle(item["term"]), tuple(s.lower() for s in stems)
        )
    return Avoided(item, term_pattern(item), _needle(item))


def _needle(term: str) -> str:
    """The term's words up to its first *, lower case and single-spaced."""
    return " ".join(term.partition("*")[0].split()).lower()


def _term(raw: dict) -> GlossaryTerm:
    return GlossaryTerm(
        id=raw["id"],
        fi=raw["fi"],
        preferred={code: raw[code] for code in ("sv", "en")},
        avoid={code: tuple(map(_avoided, items)) for code, items in (raw.get("avoid") or {}).items()},
        allow={
            code: tuple(term_pattern(phrase) for phrase in phrases)
            for code, phrases in (raw.get("allow") or {}).items()
        },
        exceptions=tuple(
            Exemption(e["path"], e["language"], e["term"], " ".join(e["reason"].split()))
            for e in raw.get("exceptions") or ()
        ),
    )


@cache
def _entries(path: Path = GLOSSARY_FILE) -> tuple[dict, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(yaml.safe_load(handle))


@cache
def load_glossary() -> tuple[GlossaryTerm, ...]:
    """The glossary's terms, in file order (without the municipalities', see
    :func:`municipality_terms`)."""
    return tuple(_term(raw) for raw in _entries() if "municipalities" not in raw)


def municipality_vocabulary() -> str:
    """The vocabulary the municipality entry of the glossary takes its names from."""
    return next(r["municipalities"] for r in _entries() if "municipalities" in r)


@cache
def municipality_terms(names: tuple[tuple[str, str], ...]) -> tuple[GlossaryTerm, ...]:
    """The glossary's municipality term (``names``: (Finnish, Swedish) from the municipality
    vocabulary): a Swedish translation avoids the Finnish name of every municipality whose
    Swedish name differs, but in the phrases the term allows."""
    raw = next(r for r in _entries() if "municipalities" in r)
    avoid = tuple(
        dataclasses.replace(_avoided(finnish), fi=finnish, instead=swedish)
        for finnish, swedish in names
        if swedish != finnish
    )
    return (dataclasses.replace(_term(raw), avoid={"sv": avoid}),)


def find_avoided(
    text: str, finnish: str, language: str, path: str, more: tuple[GlossaryTerm, ...] = ()
) -> list[Finding]:
    """Every avoided term in ``text`` (a translation into ``language`` of ``finnish``, in the
    entry file ``path``), by position; ``more``: terms besides the glossary's own (the
    municipalities')."""
    # A term is looked for with its pattern only where its words occur at all: a substring test
    # is a hundred times faster than a pattern with lookarounds, and most texts have no term.
    folded = " ".join(text.split()).lower()
    finnish = finnish.lower()
    found: list[Finding] = []
    present, terms = _needles(language, more).candidates(folded)
    for term, avoid in terms:
        hits = [
            a for a in avoid if a.needle in present and not any(stem in finnish for stem in a.unless_finnish)
        ]
        if not hits:
            continue
        allowed = [m.span() for p in term.allow.get(language, ()) for m in p.finditer(text)]
        excepted = {e.term for e in term.exceptions if e.path == path and e.language == language}
        for avoided in hits:
            if avoided.term in excepted:
                continue
            for match in avoided.pattern.finditer(text):
                if not _inside(match.span(), allowed):
                    use = avoided.instead or term.preferred[language]
                    finding = Finding(
                        match.group(), match.start(), avoided.term, term, avoided.fi or term.fi, use
                    )
                    found.append(finding)
    return _outermost(found)


class _Needles:
    """The avoided terms of one language by their needles, found in a text in one pass: a pattern
    of every needle as a trie matches the longest needle starting at each position of the text,
    and with it come the needles it starts with (a needle starting elsewhere is matched at its
    own position). Only the terms with a needle in the text are looked at further."""

    def __init__(self, terms: tuple[GlossaryTerm, ...], language: str) -> None:
        self.terms = tuple((t, t.avoid[language]) for t in terms if t.avoid.get(language))
        needles = sorted({a.needle for _, avoid in self.terms for a in avoid})
        self.always = {n for n in needles if not n}  # "" is in every text
        words = [n for n in needles if n]
        self.prefixes = {n: {m for m in words if n.startswith(m)} for n in words}
        self.pattern = re.compile(f"(?=({_trie_pattern(words)}))") if words else None
        # Per needle, the positions in ``terms`` of the terms that avoid it.
        self.owners: dict[str, set[int]] = {}
        for index, (_, avoid) in enumerate(self.terms):
            for avoided in avoid:
                self.owners.setdefault(avoided.needle, set()).add(index)

    def candidates(self, folded: str) -> tuple[set[str], list[tuple[GlossaryTerm, tuple[Avoided, ...]]]]:
        """The needles in ``folded``, and the terms that avoid any of them, in glossary order."""
        present = set(self.always)
        if self.pattern is not None:
            for match in self.pattern.finditer(folded):
                present |= self.prefixes[match.group(1)]
        if not present:
            return present, []
        indices = set().union(*(self.owners[n] for n in present))
        return present, [self.terms[i] for i in sorted(indices)]


def _trie_pattern(words: list[str]) -> str:
    """A pattern matching the longest of ``words`` (none empty) that starts where it is tried."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


# The needles of each language with each set of extra terms (the municipalities', cached).
_NEEDLES: dict[tuple[str, int], tuple[tuple[GlossaryTerm, ...], _Needles]] = {}


def _needles(language: str, more: tuple[GlossaryTerm, ...]) -> _Needles:
    found = _NEEDLES.get((language, id(more)))
    if found is None or found[0] is not more:
        if len(_NEEDLES) > 64:
            _NEEDLES.clear()
        found = (more, _Needles((*load_glossary(), *more), language))
        _NEEDLES[(language, id(more))] = found
    return found[1]


def _inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(start <= span[0] and span[1] <= end for start, end in spans)


def _outermost(findings: list[Finding]) -> list[Finding]:
    """The findings by position, without those inside a longer one ("trial" in "basic income
    trial" is one finding, of the longer term)."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.offset, -len(f.found), f.term.id)):
        span = (finding.offset, finding.offset + len(finding.found))
        if not _inside(span, [(k.offset, k.offset + len(k.found)) for k in kept]):
            kept.append(finding)
    return kept
