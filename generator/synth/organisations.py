"""The organisations of the synthetic catalogue: the organisers of each level (ministries and
agencies nationwide, cities, regional councils and companies regionally, associations at the
grass roots), the funders and the goals."""

from __future__ import annotations

import random

from generator.synth.places import REGIONS

MINISTRIES = (
    "Sosiaali- ja terveysministeriö",
    "Työ- ja elinkeinoministeriö",
    "Opetus- ja kulttuuriministeriö",
    "Valtiovarainministeriö",
    "Ympäristöministeriö",
    "Liikenne- ja viestintäministeriö",
    "Valtioneuvoston kanslia",
    "Maa- ja metsätalousministeriö",
)
AGENCIES = (
    "Kansaneläkelaitos (Kela)",
    "Opetushallitus",
    "Business Finland",
    "Liikenne- ja viestintävirasto Traficom",
    "Terveyden ja hyvinvoinnin laitos (THL)",
    "Digi- ja väestötietovirasto",
    "Ruokavirasto",
)
UNIVERSITIES = (
    "Tampereen yliopisto",
    "Helsingin yliopisto",
    "Aalto-yliopisto",
    "Oulun yliopisto",
    "Jyväskylän yliopisto",
    "Metropolia Ammattikorkeakoulu",
    "Laurea-ammattikorkeakoulu",
    "Diakonia-ammattikorkeakoulu",
    "Lapin ammattikorkeakoulu",
    "Savonia-ammattikorkeakoulu",
    "Turun ammattikorkeakoulu",
)
FUNDERS = (
    "Suomen itsenäisyyden juhlarahasto Sitra",
    "Euroopan sosiaalirahasto (ESR)",
    "Euroopan aluekehitysrahasto (EAKR)",
    "Valtioneuvoston kanslia",
    "Kokeilun paikka",
    "Business Finland",
    "Maaseuturahasto",
    "Opetus- ja kulttuuriministeriö",
    "Sosiaali- ja terveysministeriö",
    "6Aika",
)
GOALS = (
    "Kokeileva Suomi -kärkihanke",
    "Hallitusohjelman kärkihanke",
    "Hiilineutraali Suomi 2035",
    "Kestävän kehityksen tavoitteet",
    "Kuntien digitalisaation edistäminen",
)
CORP_WORDS = ("Nordic", "Solutions", "Labs", "Innovations", "Tech", "Data", "Green", "Digital", "Smart")


def pick_organisers(
    rng: random.Random, level: str, town: tuple[str, ...], region: str, word: str
) -> list[tuple[str, str]]:
    """One to three (name, type) organisers of an experiment of ``level`` in ``town`` of
    ``region``; ``word`` names its associations ("Lahden <word>yhdistys ry")."""
    options = _organiser_options(rng, town, region, word)[level]
    count = rng.choices((1, 2, 3), weights=(60, 30, 10))[0]
    chosen = [options[0] if rng.random() < 0.6 else rng.choice(options)]
    while len(chosen) < count:
        option = rng.choice(options)
        if option not in chosen:
            chosen.append(option)
        elif len(chosen) >= len(options):
            break
        else:
            count -= 1
    return chosen


def _organiser_options(
    rng: random.Random, town: tuple[str, ...], region: str, word: str
) -> dict[str, list[tuple[str, str]]]:
    """The organisers each level chooses from. Every level's are drawn, whichever is used, so
    that the random stream (and the catalogue of a seed) stays the same."""
    return {
        "valtakunnallinen": [
            (rng.choice(MINISTRIES), "ministerio"),
            (rng.choice(AGENCIES), "virasto"),
            (rng.choice(UNIVERSITIES), "korkeakoulu"),
        ],
        "alueellinen": [
            (f"{town[1]} kaupunki", "kunta"),
            (f"{REGIONS[region][1]} liitto", "maakunta"),
            (rng.choice(UNIVERSITIES), "korkeakoulu"),
            (f"{rng.choice(CORP_WORDS)} {rng.choice(CORP_WORDS)} Oy", "yritys"),
            (f"{town[1]} {word}yhdistys ry", "jarjesto"),
        ],
        "ruohonjuuri": [
            (f"{town[1]} {word}yhdistys ry", "jarjesto"),
            (f"{town[1]} {word}porukka", "kansalaisryhma"),
            (f"{town[1]} kyläyhdistys ry", "jarjesto"),
            (f"{town[1]} seurakunta", "muu"),
            (f"{town[1]} kaupunki", "kunta"),
        ],
    }
