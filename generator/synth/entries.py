"""The entries of the synthetic catalogue, one at a time, from one random stream.

The front matter follows generator/core/schema.yml and the corpus's vocabularies (every theme and
region), with skewed distributions: levels about 5 % valtakunnallinen, 35 % alueellinen and
60 % ruohonjuuri; one to three themes, a few common and a long tail (Zipf over a seeded order);
one or two regions weighted by population (a nationwide experiment usually has ``regions: []``,
Koko Suomi); statuses consistent with the dates; start years 2008–2026, some unknown; an
evaluation design and a result for every completed experiment (and some others), mostly of
unknown design, a published evaluation always with its report. A learning names one to three
experiments and shares their themes.

The order of the draws is the catalogue of a seed: a change that draws in another order (or
draws one more or one less) changes every synthetic catalogue.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.core.problems import ConfigError
from generator.core.schema import Schema
from generator.core.slug import slugify
from generator.synth.chain import Chain, read_corpus
from generator.synth.lexicon import ADJECTIVES, TITLE_HEADS, Lexicon, group_nouns
from generator.synth.nouns import Noun
from generator.synth.organisations import FUNDERS, GOALS, pick_organisers
from generator.synth.places import MUNICIPALITIES, PLACE_CASES, REGION_WEIGHTS, REGIONS, municipality_id
from generator.synth.writer import Writer

STATUS_WEIGHTS = {
    "old": {"paattynyt": 60, "skaalattu": 10, "keskeytetty": 7, "tuntematon": 20, "kaynnissa": 3},
    "recent": {"paattynyt": 35, "kaynnissa": 35, "skaalattu": 5, "keskeytetty": 5, "tuntematon": 20},
    "new": {"kaynnissa": 50, "suunniteltu": 25, "idea": 15, "tuntematon": 10},
    "unknown": {"tuntematon": 50, "paattynyt": 30, "kaynnissa": 20},
}
ENDED = ("paattynyt", "skaalattu", "keskeytetty")
# Completed experiments carry a result (kokeilu check warns otherwise, rule result-missing).
COMPLETED = ("paattynyt", "skaalattu")
DESIGN_WEIGHTS = {
    "tuntematon": 45,
    "laadullinen": 20,
    "ennen-jalkeen": 14,
    "ei-arviointia": 10,
    "vertailuryhma": 8,
    "satunnaistettu": 3,
}
OUTCOME_WEIGHTS = {"toimi": 35, "osittain": 25, "ei-toiminut": 15, "tuntematon": 25}
YEARS = range(2008, 2027)
YEAR_WEIGHTS = (2, 2, 3, 3, 4, 5, 6, 8, 10, 11, 10, 9, 7, 7, 7, 7, 6, 5, 3)
LEVELS = {"valtakunnallinen": 5, "alueellinen": 35, "ruohonjuuri": 60}
NATIONWIDE = ("Suomi", "Suomen", "Suomessa")
LEARNING_KINDS = {"toimi": 45, "ei-toiminut": 25, "tee-toisin": 30}


@dataclass(frozen=True)
class Experiment:
    """What a learning needs of an experiment made: its slug, themes, places and start year."""

    slug: str
    themes: list[str]
    places: list[tuple[str, ...]]
    year: int | None


def _load_vocabulary(repo: Path, schema: Schema, name: str) -> list[dict]:
    return yaml.safe_load((repo / schema.vocabulary_directory / f"{name}.yml").read_text(encoding="utf-8"))


def _date(rng: random.Random, year: int) -> str:
    roll = rng.random()
    if roll < 0.5:
        return str(year)
    if roll < 0.85:
        return f"{year}-{rng.randint(1, 12):02d}"
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _era(start_year: int | None) -> str:
    """Which statuses an experiment that started in ``start_year`` may have (STATUS_WEIGHTS)."""
    if start_year is None:
        return "unknown"
    if start_year <= 2019:
        return "old"
    return "recent" if start_year <= 2024 else "new"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _organiser_lines(organisers: list[tuple[str, str]] | None) -> list[str]:
    if organisers is None:
        return ["organisers: tuntematon"]
    lines = ["organisers:"]
    for name, kind in organisers:
        lines += [f"  - name: {_q(name)}", f"    type: {kind}"]
    return lines


def _evidence(rng: random.Random, status: str, report: str) -> list[str]:
    """The evaluation and result lines of one experiment; ``report`` is the report's address."""
    lines: list[str] = []
    if status in COMPLETED or rng.random() < 0.4:
        design = _weighted(rng, DESIGN_WEIGHTS)
        lines += ["evaluation:", f"  design: {design}"]
        if design not in ("tuntematon", "ei-arviointia"):
            state = "julkaistu" if status in COMPLETED and rng.random() < 0.6 else "kaynnissa"
            lines.append(f"  status: {state}")
            if state == "julkaistu":  # a published evaluation links its report (report-missing)
                lines += ["  reports:", f"    - {report}"]
    if status in COMPLETED:
        outcome = _weighted(rng, OUTCOME_WEIGHTS)
        lines += ["result:", f"  outcome: {outcome}"]
        if outcome not in ("tuntematon", "liian-aikaista"):  # a verdict cites it (evidence-missing)
            lines += ["  evidence:", f"    - {report}"]
    return lines


class Generator:
    """The entries, one at a time, from one random stream; trained on the catalogue at ``repo``."""

    def __init__(self, rng: random.Random, repo: Path, schema: Schema) -> None:
        self.rng = rng
        self.themes = [t["id"] for t in _load_vocabulary(repo, schema, "teemat")]
        self.regions = [t["id"] for t in _load_vocabulary(repo, schema, "alueet")]
        if sorted(self.regions) != sorted(REGIONS):
            raise ConfigError(
                "Synteettinen kokoelma tuntee vain nykyiset 19 aluetta; alueet.yml on muuttunut. "
                "Päivitä REGIONS ja MUNICIPALITIES tiedostossa generator/synth/places.py."
            )
        self.nouns, self.theme_nouns = group_nouns(self.themes)
        self.municipalities = {
            region: [tuple(m.split("/")) for m in MUNICIPALITIES[region].split()] for region in self.regions
        }
        corpus = read_corpus(repo, schema)
        if not corpus:
            raise ConfigError(
                f"Kokoelmassa {repo} ei ole yhtään kokeilua tai oppia, joista tekstiä voisi oppia. "
                "Aja komento repositorion juuressa tai anna --root."
            )
        self.chain = Chain(corpus, self.nouns, self._place_slots())
        self.lexicon = Lexicon(self.nouns, self.chain.counts)
        # Themes skewed: a few common, a long tail (Zipf over a seeded order).
        order = sorted(self.themes)
        rng.shuffle(order)
        self.theme_weights = {theme: 1.0 / (rank + 4) for rank, theme in enumerate(order)}
        # "sivu" is where listings continue (/kokeilut/sivu/2/), never an entry's slug.
        self.slugs: set[str] = {"sivu"}

    def _place_slots(self) -> dict[str, str]:
        """Each form of a region's or municipality's name → the chain's slot for its case."""
        places: dict[str, str] = {}
        for region in self.regions:
            for place in (REGIONS[region], *self.municipalities[region]):
                for case, form in zip(PLACE_CASES, place, strict=True):
                    places.setdefault(form, f"<P:{case}>")
        return places

    def slug(self, title: str) -> str:
        base = slugify(title, 50) or "kokeilu"
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    def pick_themes(self) -> list[str]:
        count = self.rng.choices((1, 2, 3), weights=(45, 40, 15))[0]
        chosen: list[str] = []
        while len(chosen) < count:
            theme = self.rng.choices(list(self.theme_weights), weights=list(self.theme_weights.values()))[0]
            if theme not in chosen:
                chosen.append(theme)
        return chosen

    def topics(self, themes: list[str]) -> list[Noun]:
        rng = self.rng
        topics = [rng.choice(self.theme_nouns[t]) for t in themes for _ in range(2)]
        topics.insert(2, self.lexicon.compound(rng, modifier=rng.choice(topics)))
        topics.append(self.lexicon.draw(rng))
        unique: dict[str, Noun] = {}
        for noun in topics:
            unique.setdefault(noun.nom, noun)
        return list(unique.values())

    # -- experiments ------------------------------------------------------------------------

    def experiment(self) -> tuple[Experiment, str]:
        """One experiment and the text of its file."""
        rng = self.rng
        level = _weighted(rng, LEVELS)
        themes = self.pick_themes()
        regions = self._regions(level)
        towns, places = self._places(regions)
        start_year = None if rng.random() < 0.08 else rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
        status = _weighted(rng, STATUS_WEIGHTS[_era(start_year)])
        topics = self.topics(themes)
        years = [start_year or 2018, (start_year or 2018) + 1]
        writer = Writer(rng, self.chain, self.lexicon, themes, topics, places, years)
        title = self.title(topics, places)
        lines = self._head_lines(title, writer, level, themes, regions, towns)
        organisers = self.organisers(level, towns, regions)
        lines += _organiser_lines(organisers)
        lines.append(f"status: {status}")
        lines.append("start: " + ("tuntematon" if start_year is None else _date(rng, start_year)))
        lines += self._end_lines(status, start_year) + self._more_lines(level, status)
        body = writer.body(150, 400)
        slug = self.slug(title)
        lines += self._sources_and_contact(slug, places[0], organisers)
        host = slugify(places[0][0]) or "kokeilu"
        lines += _evidence(rng, status, f"https://www.{host}.fi/kokeilut/{slug}/arviointi")
        return Experiment(slug, themes, places, start_year), "\n".join([*lines, "---", "", body])

    def _places(self, regions: list[str] | None) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
        """A town of each region, and the places the text names: the towns and the regions, or
        Finland for a nationwide experiment."""
        towns = list(dict.fromkeys([self.rng.choice(self.municipalities[r]) for r in regions or []]))
        return towns, towns + [REGIONS[r] for r in regions or []] or [NATIONWIDE]

    def _head_lines(
        self,
        title: str,
        writer: Writer,
        level: str,
        themes: list[str],
        regions: list[str] | None,
        towns: list[tuple[str, ...]],
    ) -> list[str]:
        """The front matter's opening fence and first fields, from the title to the municipalities."""
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(writer.text(60, 280, 200))}",
            f"level: {level}",
            f"themes: [{', '.join(themes)}]",
            "regions: " + ("tuntematon" if regions is None else f"[{', '.join(regions)}]"),
        ]
        if towns and self.rng.random() < 0.6:
            lines.append(f"municipalities: [{', '.join(municipality_id(t[0]) for t in towns)}]")
        return lines

    def _regions(self, level: str) -> list[str] | None:
        """The regions of an experiment of ``level``: [] for nationwide, None for unknown."""
        rng = self.rng
        if level == "valtakunnallinen" and rng.random() < 0.75:
            return []
        if rng.random() < 0.04:
            return None  # tuntematon
        regions: list[str] = []
        for _ in range(1 if rng.random() < 0.75 else 2):
            region = rng.choices(self.regions, weights=REGION_WEIGHTS)[0]
            if region not in regions:
                regions.append(region)
        return regions

    def _end_lines(self, status: str, start_year: int | None) -> list[str]:
        """An ended experiment's end: a year or a month, never before its start."""
        rng = self.rng
        if status not in ENDED:
            return []
        if start_year is None:
            return ["end: tuntematon" if rng.random() < 0.6 else f"end: {rng.choice(YEARS)}"]
        end = min(start_year + rng.choice((0, 1, 1, 2, 2, 3)), 2026)
        return [f"end: {end}" if end == start_year or rng.random() < 0.6 else f"end: {end}-06"]

    def _more_lines(self, level: str, status: str) -> list[str]:
        """The optional fields: funding, scale, goals and a scaled experiment's partners."""
        rng = self.rng
        lines = []
        if rng.random() < 0.4:
            lines.append("funding:")
            if rng.random() < 0.7:
                lines.append(f"  amount_eur: {round(10 ** rng.uniform(3.3, 6.7), -2):.0f}")
            lines.append(f"  funder: {_q(rng.choice(FUNDERS))}")
        if rng.random() < 0.3:
            lines.append(f"scale: {rng.choice(('pienkokeilu', 'vahva-kokeilu'))}")
        if level == "valtakunnallinen" or rng.random() < 0.05:
            lines.append(f"goals: [{_q(rng.choice(GOALS))}]")
        if status == "skaalattu":
            region = rng.choices(self.regions, weights=REGION_WEIGHTS)[0]
            town = rng.choice(self.municipalities[region])
            lines.append(f"scaling_partners: [{_q(town[1] + ' kaupunki')}]")
        return lines

    def _sources_and_contact(
        self, slug: str, place: tuple[str, ...], organisers: list[tuple[str, str]] | None
    ) -> list[str]:
        """The sources (on the site of the first place) and the contact, the first organiser."""
        rng = self.rng
        host = slugify(place[0]) or "kokeilu"
        lines = ["sources:", f"  - https://www.{host}.fi/kokeilut/{slug}"]
        if rng.random() < 0.3:
            lines.append(f"  - https://www.kokeilunpaikka.fi/fi/kokeilu/{slug}")
        if organisers is None or rng.random() < 0.1:
            return [*lines, "contact: tuntematon"]
        lines += ["contact:", f"  organisation: {_q(organisers[0][0])}"]
        if rng.random() < 0.5:
            lines.append(f"  url: https://www.{host}.fi/")
        return lines

    def title(self, topics: list[Noun], places: list[tuple[str, ...]]) -> str:
        rng = self.rng
        topic = topics[0]
        other, last = topics[-1], rng.choice(topics[1:-1] or topics)
        head = self.nouns[rng.choice(TITLE_HEADS)]
        name = head if topic is head or topic.nom[0].isupper() else Noun.compound(topic.nom, head)
        place = rng.choice(places)
        roll = rng.random()
        if roll < 0.25:
            title = name.nom  # Perustulokokeilu
        elif roll < 0.5:
            title = f"{place[1]} {name.nom}"  # Lahden kotihoitokokeilu
        elif roll < 0.7:
            title = f"{rng.choice(ADJECTIVES)} {other.nom} {place[2]}"  # Maksuton bussi Lahdessa
        elif roll < 0.85:
            title = f"{other.forms[rng.choice(('gen', 'pl_gen'))]} {name.nom}"  # Nuorten työllisyyskokeilu
        else:
            title = f"{name.nom} {place[2]}: {other.forms['part']} ja {last.forms['part']}"
        return title[0].upper() + title[1:]

    def organisers(self, level: str, towns: list, regions: list[str] | None) -> list[tuple[str, str]] | None:
        """The organisers (None: unknown), in the experiment's first town and region or anywhere."""
        rng = self.rng
        if rng.random() < 0.04:
            return None
        town = towns[0] if towns else rng.choice(self.municipalities[rng.choice(self.regions)])
        region = regions[0] if regions else rng.choice(self.regions)
        return pick_organisers(rng, level, town, region, self.lexicon.draw(rng).nom)

    # -- learnings --------------------------------------------------------------------------

    def learning(self, experiments: list[Experiment]) -> tuple[str, str]:
        """One learning about one to three of ``experiments``: its slug and the text of its file."""
        rng = self.rng
        chosen = rng.sample(experiments, rng.choices((1, 2, 3), weights=(75, 20, 5))[0])
        themes = list(dict.fromkeys(t for e in chosen for t in e.themes))[:3]
        if rng.random() < 0.2:
            extra = self.pick_themes()[0]
            if extra not in themes:
                themes.append(extra)
        topics = self.topics(themes)
        year = chosen[0].year or 2018
        writer = Writer(rng, self.chain, self.lexicon, themes, topics, chosen[0].places, [year, year + 1])
        title = ""
        while not 10 <= len(title) <= 110:
            title = writer.sentence(max_tokens=14).rstrip(".?!:;,")
        kind = _weighted(rng, LEARNING_KINDS)
        date = "tuntematon" if rng.random() < 0.1 else _date(rng, min(year + rng.choice((0, 1, 2)), 2026))
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(writer.text(60, 280, 200))}",
            f"experiments: [{', '.join(e.slug for e in chosen)}]",
            f"themes: [{', '.join(themes)}]",
            f"kind: {kind}",
            # A learning's kind is a verdict and cites its evidence (evidence-missing).
            "evidence:",
            f"  - https://www.kokeilunpaikka.fi/fi/oppi/{slugify(title, 40)}",
            f"date: {date}",
        ]
        if rng.random() < 0.7:
            lines += ["sources:", f"  - https://www.kokeilunpaikka.fi/fi/oppi/{slugify(title, 40)}"]
        return self.slug(title), "\n".join([*lines, "---", "", writer.body(80, 250)])
