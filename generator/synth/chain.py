"""The text model of the synthetic catalogue: a bigram Markov chain trained on the catalogue the
command runs in (its experiments and learnings: titles, summaries and bodies).

Nouns of the lexicon and place names become *slots* that keep their case ("<N:iness>",
"<P:loc>"), and years "<YEAR>": a synthetic entry fills them with its own words
(generator/synth/writer.py). Every other word the chain emits is a word of the corpus.
"""

from __future__ import annotations

import random
import re
from itertools import pairwise
from pathlib import Path

import yaml

from generator.core.schema import Schema
from generator.synth.nouns import Noun

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n(.*)\Z", re.DOTALL)
_TOKEN = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+(?:[-:'’][0-9A-Za-zÅÄÖåäöÉéÜü]+)*-?|[.,;:?!]")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-ZÅÄÖ0-9])")
_YEAR = re.compile(r"20[0-3][0-9]")
END = "."
# How often a walk follows its source documents (see Chain): higher clusters the corpus's words
# in related entries, lower mixes sentences more.
STICK = 0.6

Document = tuple[list[str], list[str]]  # (themes, texts)
# libyaml's safe loader where PyYAML has it (ten times faster on the corpus): the entries are
# valid, checked files, read here only for their words.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_corpus(repo: Path, schema: Schema) -> list[Document]:
    """(themes, texts) of each experiment and learning of the catalogue at ``repo``, in file
    order: the title, the summary and each paragraph of the body."""
    paths = [path for entry in schema.entries for path in sorted((repo / entry.directory).glob("*.md"))]
    documents = (_document(path.read_text(encoding="utf-8")) for path in paths)
    return [document for document in documents if document is not None]


def _document(text: str) -> Document | None:
    """The themes and texts of one entry file; None for a file without a title and summary."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return None
    meta = yaml.load(match.group(1), Loader=_LOADER)
    if not isinstance(meta, dict) or "title" not in meta or "summary" not in meta:
        return None
    texts = [str(meta["title"]) + ".", str(meta["summary"])]
    body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2))
    body = re.sub(r"https?://\S+", "", body)
    texts.extend(p.replace("\n", " ") for p in re.split(r"\n\s*\n", body) if p.strip())
    return list(meta.get("themes") or []), texts


class Chain:
    """A bigram chain over tokens in which nouns and place names are slots ("<N:iness>").

    It remembers which shipped document each transition came from. A synthetic entry walks it
    preferring the transitions of a few source documents that share its themes, so the corpus's
    own words cluster in related entries (as real vocabulary does) instead of being spread evenly
    over the whole catalogue."""

    def __init__(self, documents: list[Document], nouns: dict[str, Noun], places: dict[str, str]) -> None:
        sentences = [
            (source, _TOKEN.findall(s))
            for source, (_, texts) in enumerate(documents)
            for t in texts
            for s in _SENTENCE_END.split(t)
        ]
        sentences = [(source, s) for source, s in sentences if len(s) >= 4]
        lower = {w for _, s in sentences for w in s[1:] if w[0].islower()}
        states = _States(nouns, places, lower)
        self.counts = states.counts  # corpus frequency of each lexicon noun
        self.by_theme: dict[str, list[int]] = {}
        for source, (themes, _) in enumerate(documents):
            for theme in themes:
                self.by_theme.setdefault(theme, []).append(source)
        self.sources = len(documents)
        self.next: dict[str, list[str]] = {END: [END]}
        self.next_in: dict[tuple[str, int], list[str]] = {}
        self.starts: list[str] = []
        self.starts_in: dict[int, list[str]] = {}
        for source, sentence in sentences:
            self._learn(source, states.of(sentence))

    def _learn(self, source: int, states: list[str]) -> None:
        """The start and the transitions of one sentence of document ``source``."""
        self.starts.append(states[0])
        self.starts_in.setdefault(source, []).append(states[0])
        for a, b in pairwise(states):
            self.next.setdefault(a, []).append(b)
            self.next_in.setdefault((a, source), []).append(b)

    def pick_sources(self, rng: random.Random, themes: list[str]) -> tuple[int, ...]:
        """Two shipped documents sharing a theme (when there are any) and one at random."""
        candidates = sorted({s for t in themes for s in self.by_theme.get(t, [])})
        chosen = rng.sample(candidates, min(2, len(candidates)))
        chosen.append(rng.randrange(self.sources))
        return tuple(dict.fromkeys(chosen))

    def walk(self, rng: random.Random, max_tokens: int, sources: tuple[int, ...]) -> list[str]:
        """One sentence as a list of states, ending with END. At each step the chain follows a
        source document's own transition with probability STICK, else any document's."""
        source = rng.choice(sources)
        state = rng.choice(self.starts_in.get(source) or self.starts)
        states = [state]
        while state != END and len(states) < max_tokens:
            options, source = self._own_transitions(rng, state, source, sources)
            state = rng.choice(options or self.next.get(state, [END]))
            states.append(state)
        if states[-1] != END:
            while states and states[-1] in ",;:":
                states.pop()
            states.append(END)
        return states

    def _own_transitions(
        self, rng: random.Random, state: str, source: int, sources: tuple[int, ...]
    ) -> tuple[list[str] | None, int]:
        """With probability STICK, the transitions from ``state`` in the walk's document, or else
        in the first of its other documents that has any (which the walk follows from then on);
        and the document followed."""
        if rng.random() >= STICK:
            return None, source
        options = self.next_in.get((state, source))
        if options is not None:
            return options, source
        for other in sources:
            options = self.next_in.get((state, other))
            if options is not None:
                return options, other
        return None, source


class _States:
    """Tokens made into the chain's states: a noun of the lexicon becomes the slot of its case,
    a place name the slot of its form, a year "<YEAR>"; and how often each noun was seen."""

    def __init__(self, nouns: dict[str, Noun], places: dict[str, str], lower: set[str]) -> None:
        self.slots: dict[str, str] = {}
        for noun in nouns.values():
            for case, form in noun.forms.items():
                self.slots.setdefault(form.lower(), f"<N:{case}>")
        self.lemmas = {form.lower(): noun.nom for noun in nouns.values() for form in noun.forms.values()}
        self.places = places
        self.lower = lower  # words the corpus writes in lower case after a sentence's start
        self.counts: dict[str, int] = {}

    def of(self, sentence: list[str]) -> list[str]:
        states = [self._state(position, token) for position, token in enumerate(sentence)]
        if states[-1] != END:
            states.append(END)
        return states

    def _state(self, position: int, token: str) -> str:
        if position == 0 and token.lower() in self.lower:
            token = token.lower()
        key = token.lower()
        if token in self.places:
            return self.places[token]
        if key in self.slots and (token[0].islower() or position == 0 or key not in self.lower):
            self.counts[self.lemmas[key]] = self.counts.get(self.lemmas[key], 0) + 1
            return self.slots[key]
        if _YEAR.fullmatch(token):
            return "<YEAR>"
        return token
