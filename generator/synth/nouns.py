"""Finnish nouns and their inflection: the forms of the cases the synthetic text uses.

A noun is given as nominative and genitive singular ("kunta:kunnan"); its forms come from the
genitive (the weak stem) and a handful of stem classes, with consonant gradation taken from the
genitive and vowel harmony from the last vowel that is not neutral. They are right for most
nouns and plausible for the rest, which is what a benchmark needs.
"""

from __future__ import annotations

import re
from typing import NamedTuple

SG_CASES = ("nom", "gen", "part", "iness", "elat", "illat", "adess", "ablat", "allat", "ess", "transl")
PL_CASES = ("pl_nom", "pl_gen", "pl_part", "pl_iness", "pl_elat", "pl_illat", "pl_adess", "pl_allat")
CASES = SG_CASES + PL_CASES
_VOWELS = "aeiouyäö"
# Local-case endings on the weak stem, in back-vowel form (a → ä in front-vowel words).
_WEAK_ENDINGS = {
    "iness": "ssa",
    "elat": "sta",
    "adess": "lla",
    "ablat": "lta",
    "allat": "lle",
    "transl": "ksi",
}


def _syllables(word: str) -> int:
    return len(re.findall(f"[{_VOWELS}]+", word))


def _front(word: str) -> bool:
    """Front-vowel harmony, decided by the last vowel that is not neutral (e, i): a compound
    follows its last part ("nuorisotyössä", "sähköautossa")."""
    for c in reversed(word):
        if c in "aou":
            return False
        if c in "äöy":
            return True
    return True


def _harmonise(ending: str, front: bool) -> str:
    return ending.translate(str.maketrans("aou", "äöy")) if front else ending


class Noun:
    """A Finnish noun given as nominative and genitive singular ("kunta:kunnan"), optionally with
    the partitive singular and the genitive plural where the rules get them wrong
    ("nuori:nuoren:nuorta:nuorten")."""

    __slots__ = ("forms", "nom")

    def __init__(self, spec: str) -> None:
        parts = spec.split(":")
        nom, gen = parts[0], parts[1]
        self.nom = nom
        self.forms = _inflect(nom, gen, parts[2] if len(parts) > 2 else None)
        if len(parts) > 3:
            self.forms["pl_gen"] = parts[3]

    @classmethod
    def compound(cls, modifier: str, head: Noun) -> Noun:
        """``modifier`` + ``head``, inflected like ``head``: "kunta" + "kokeilu" → "kuntakokeilu"."""
        noun = cls.__new__(cls)
        if modifier.endswith("nen"):
            modifier = modifier[:-3] + "s"  # kotoutuminen → kotoutumiskokeilu
        joint = "-" if modifier[-1] in _VOWELS and modifier[-1] == head.nom[0] else ""
        noun.nom = modifier + joint + head.nom
        noun.forms = {case: modifier + joint + form for case, form in head.forms.items()}
        return noun


class _Word(NamedTuple):
    """What the forms of a noun are made from."""

    nom: str
    weak: str  # the weak stem: kunna, hankkee, yritykse, nuore, työllisyyde, kansalaise
    a: str  # "a" or "ä" by vowel harmony
    long_stem: bool  # asukas:asukkaan, hanke:hankkeen
    short: bool  # one syllable
    # työ, tie, maa: -iden, -itä and -ihin in the plural, like one-syllable words.
    long_end: bool


class _Stems(NamedTuple):
    """The stems of a noun's stem class, and the forms that class makes its own way."""

    strong: str  # the essive and illative stem
    part: str  # the partitive singular
    pl_weak: str
    pl_strong: str
    pl_gen: str


def _inflect(nom: str, gen: str, partitive: str | None) -> dict[str, str]:
    front = _front(nom)
    weak = gen[:-1]
    word = _Word(
        nom,
        weak,
        "ä" if front else "a",
        weak[-2:] in ("aa", "ää", "ee"),
        _syllables(nom) == 1,
        nom[-2:] in ("ie", "uo", "yö") or (nom[-1] in _VOWELS and nom[-2] == nom[-1]),
    )
    stems = _stems(word, gen)
    forms = {
        "nom": nom,
        "gen": gen,
        "part": partitive or stems.part,
        "pl_nom": weak + "t",
        "pl_gen": stems.pl_gen,
    }
    for case, ending in _WEAK_ENDINGS.items():
        forms[case] = weak + _harmonise(ending, front)
        if case != "transl":
            forms["pl_" + case] = stems.pl_weak + _harmonise(ending, front)
    forms["ess"] = stems.strong + "n" + word.a
    forms["illat"] = _illative(word, stems.strong)
    forms["pl_part"], forms["pl_illat"] = _plural_partitive_and_illative(word, stems.pl_strong)
    return forms


def _stems(word: _Word, gen: str) -> _Stems:
    """The stems by the noun's stem class, told from its nominative and genitive."""
    nom, weak, a = word.nom, word.weak, word.a
    if nom.endswith("nen") and gen.endswith("sen"):  # kansalainen
        return _Stems(weak, nom[:-3] + "st" + a, weak[:-1] + "i", weak[:-1] + "i", nom[:-3] + "sten")
    if nom.endswith("s") and gen.endswith("den"):  # työllisyys:työllisyyden
        plural = nom[:-1] + "ksi"
        return _Stems(nom[:-1] + "te", nom[:-1] + "tt" + a, plural, plural, plural + "en")
    if nom.endswith("s") and gen.endswith("ksen"):  # yritys:yrityksen
        return _Stems(weak, nom + "t" + a, weak[:-1] + "i", weak[:-1] + "i", nom + "ten")
    if nom[-1] not in _VOWELS or word.long_stem:  # asukas:asukkaan, hanke:hankkeen
        part = nom + ("tt" + a if nom.endswith("e") else "t" + a)
        return _Stems(weak, part, weak[:-1] + "i", weak[:-1] + "i", weak[:-1] + "i" + "den")
    if nom.endswith("i") and weak.endswith("e"):  # nuori:nuoren, tuki:tuen, lahti:lahden
        strong = nom[:-1] + "e"
        return _Stems(strong, strong + a, weak[:-1] + "i", nom[:-1] + "i", nom[:-1] + "i" + "en")
    return _vowel_stems(word)


def _vowel_stems(word: _Word) -> _Stems:
    """kunta, kokeilu, kaupunki, kylä, työ, maa: the nominative is the strong stem."""
    nom, a = word.nom, word.a
    part = nom + ("t" + a if word.short or word.long_end else a)
    pl_strong = _plural_stem(nom, nom)
    if pl_strong[-2] not in _VOWELS:
        pl_gen = pl_strong + "en"  # kuntien, kylien
    elif word.short or word.long_end:
        pl_gen = pl_strong + "den"  # töiden, maiden, nuorisotöiden
    elif nom.endswith("i"):
        pl_gen = pl_strong[:-2] + "ien"  # kaupunkien
    else:
        pl_gen = pl_strong[:-1] + "jen"  # kokeilujen, tilojen
    return _Stems(nom, part, _plural_stem(word.weak, nom), pl_strong, pl_gen)


def _illative(word: _Word, strong: str) -> str:
    """kuntaan, kokeiluun, työhön, hankkeeseen, yritykseen, nuoreen."""
    if word.long_stem and not word.short:
        return word.weak + "seen"
    if strong[-1] in _VOWELS and strong[-2] in _VOWELS:
        return strong + "h" + strong[-1] + "n"
    return strong + strong[-1] + "n"


def _plural_partitive_and_illative(word: _Word, pl_strong: str) -> tuple[str, str]:
    if pl_strong[-2] not in _VOWELS:  # kuntia, kuntiin; yrityksiä, yrityksiin
        return pl_strong + word.a, pl_strong + "in"
    if word.long_stem or word.short or word.long_end:  # asukkaita, asukkaisiin; töitä, töihin
        return pl_strong + "t" + word.a, pl_strong + ("hin" if word.short or word.long_end else "siin")
    # kokeiluja, kokeiluihin; kaupunkeja, kaupunkeihin
    return pl_strong[:-1] + "j" + word.a, pl_strong + "hin"


def _plural_stem(stem: str, nom: str) -> str:
    """kunna → kunni, kala → kaloi, opettaja → opettaji, kokeilu → kokeilui, kaupunki → kaupunkei,
    työ → töi, maa → mai."""
    last = stem[-1]
    if stem[-2:] in ("ie", "uo", "yö"):
        return stem[0:-2] + stem[-1] + "i"
    if stem[-2:] in ("aa", "ää", "ee", "oo", "uu", "yy", "öö"):
        return stem[:-1] + "i"
    if last == "a":
        first = next(c for c in nom if c in _VOWELS)
        if _syllables(nom) == 2 and first in "aei":
            return stem[:-1] + "oi"
        return stem[:-1] + "i"
    if last in "äe":
        return stem[:-1] + "i"
    if last == "i":
        return stem[:-1] + "ei"
    return stem + "i"
