"""Text for one synthetic entry: the chain's sentences with their slots filled by the entry's own
topic nouns, places and years, or by nouns and compounds from the whole lexicon."""

from __future__ import annotations

from generator.synth.nouns import Noun
from generator.synth.places import PLACE_CASES


class Writer:
    """Text for one entry: its topic nouns, places and years fill the chain's slots."""

    def __init__(self, rng, chain, lexicon, themes, topics, places, years) -> None:
        self.rng, self.chain, self.lexicon = rng, chain, lexicon
        self.topics, self.places, self.years = topics, places, years
        self.sources = chain.pick_sources(rng, themes)

    def noun(self) -> Noun:
        roll = self.rng.random()
        if roll < 0.45:
            return self.topics[min(int(self.rng.expovariate(0.6)), len(self.topics) - 1)]
        if roll < 0.85:
            return self.lexicon.draw(self.rng)
        return self.lexicon.compound(self.rng)

    def sentence(self, max_tokens: int = 28, min_tokens: int = 6) -> str:
        for _ in range(20):
            states = self.chain.walk(self.rng, max_tokens, self.sources)
            if len(states) > min_tokens:
                break
        words: list[str] = []
        for state in states:
            if state.startswith("<N:"):
                word = self.noun().forms[state[3:-1]]
            elif state.startswith("<P:"):
                word = self.rng.choice(self.places)[PLACE_CASES.index(state[3:-1])]
            elif state == "<YEAR>":
                word = str(self.rng.choice(self.years))
            else:
                word = state
            if words and (word in ".,;:?!"):
                if words[-1] in ".,;:?!":
                    continue
                words[-1] += word
            else:
                words.append(word)
        text = " ".join(words)
        return text[0].upper() + text[1:]

    def text(self, low: int, high: int, max_chars: int) -> str:
        for _ in range(50):
            text = self.sentence()
            while len(text) < low and len(text) < max_chars:
                text += " " + self.sentence()
            if low <= len(text) <= high:
                return text
        return text[: high - 1].rsplit(" ", 1)[0].rstrip(",;:") + "."

    def body(self, low: int, high: int) -> str:
        target = self.rng.randint(low, high)
        paragraphs, words = [], 0
        while words < target:
            sentences = [self.sentence() for _ in range(self.rng.randint(2, 5))]
            paragraph = " ".join(sentences)
            paragraphs.append(paragraph)
            words += paragraph.count(" ") + 1
        return "\n\n".join(paragraphs) + "\n"
