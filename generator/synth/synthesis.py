"""A synthetic catalogue: ``kokeilu synth --count N --seed S --out DIR``.

It writes a complete catalogue folder, N experiments and about N/4 learnings with the
vocabularies, the hand-written pages, the theme, the files derived from the schema and an
mkdocs.yml with the catalogue plugin, so that ``kokeilu check`` and ``mkdocs build --strict``
accept it inside DIR. The scale benchmark (benchmarks/scale.py) and the finder's benchmark
(benchmarks/search.py) measure the catalogue on it. The text is generated, not cloned, so that a
search index over it grows the way a real one would:

- The sentences come from a bigram Markov chain trained on the catalogue the command runs in
  (the repository: its experiments and learnings, titles, summaries and bodies). Every word the
  chain emits is a word of that corpus, except in the noun slots below.
- Nouns recognised in the corpus (a lexicon of about 300 Finnish nouns, grouped by theme, with
  their inflection: consonant gradation, vowel harmony, the common stem classes) become *slots*
  that keep their case: "kokeiltiin kunnassa" can become "kokeiltiin nuorisotalossa". A slot is
  filled with one of the entry's topic nouns (from its themes), a noun drawn from the whole
  lexicon with a Zipf-like skew, or a new compound ("kuntakokeilu", "asukasraha"), always in
  the slot's case. Place names become slots filled with the entry's own municipality or region.
- So the same lemma appears in many inflected forms (kunta, kunnan, kunnissa, kuntien), which is
  what stemming is for, and compounds make the number of distinct word forms keep growing with
  the catalogue, sub-linearly (Heaps' law), instead of levelling off at the corpus vocabulary.

The front matter follows generator/core/schema.yml and the corpus's vocabularies (every theme and
region: 23 and 19 as shipped), with skewed distributions: levels about 5 % valtakunnallinen, 35 %
alueellinen and 60 % ruohonjuuri; one to three themes, a few common and a long tail (Zipf over a
seeded order); one or two regions weighted by population (a nationwide experiment usually has
``regions: []``, Koko Suomi); statuses consistent with the dates; start years 2008–2026, some
unknown; an evaluation design and a result for every completed experiment (and some others),
mostly of unknown design, a published evaluation always with its report. A learning names one
to three experiments and shares their themes. A hand-written page's link to a real entry the
synthetic catalogue lacks (the guide's examples) keeps its text and loses its target.

Output is deterministic for a seed: one ``random.Random(seed)``, sorted inputs, nothing
time-based; two runs write byte-identical folders. The first experiment is the same at every
count for a seed (only what refers to it changes), so a benchmark can compare its page across
sizes. The folder is written to a staging folder beside DIR and swapped in whole
(generator/core/output.py); a non-empty DIR is refused.

Benchmark data, not the runtime: only ``kokeilu synth`` imports this module (generator/cli.py
loads it inside that command), and it never imports MkDocs.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import random
import re
import shutil
from bisect import bisect
from dataclasses import dataclass
from itertools import accumulate, pairwise
from pathlib import Path

import yaml

from generator.content.vocabulary import load_vocabularies
from generator.core.output import discard, staging_folder, swap_in
from generator.core.problems import ConfigError
from generator.core.schema import Schema, load_schema
from generator.core.slug import slugify
from generator.derived.files import write_derived_files

# --- Finnish nouns -----------------------------------------------------------------------------

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
    the partitive singular and the genitive plural where the rules below get them wrong
    ("nuori:nuoren:nuorta:nuorten").

    The forms come from the genitive (the weak stem) and a handful of stem classes; they are
    right for most nouns and plausible for the rest, which is what a benchmark needs."""

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


def _inflect(nom: str, gen: str, partitive: str | None) -> dict[str, str]:
    front = _front(nom)
    weak = gen[:-1]  # kunna, hankkee, yritykse, nuore, työllisyyde, kansalaise
    a = "ä" if front else "a"
    long_stem = weak[-2:] in ("aa", "ää", "ee")  # asukas:asukkaan, hanke:hankkeen
    short = _syllables(nom) == 1
    # työ, tie, maa: -iden, -itä and -ihin in the plural, like one-syllable words.
    long_end = nom[-2:] in ("ie", "uo", "yö") or (nom[-1] in _VOWELS and nom[-2] == nom[-1])
    if nom.endswith("nen") and gen.endswith("sen"):  # kansalainen
        strong, part = weak, nom[:-3] + "st" + a
        pl_weak = pl_strong = weak[:-1] + "i"
        pl_gen = nom[:-3] + "sten"
    elif nom.endswith("s") and gen.endswith("den"):  # työllisyys:työllisyyden
        strong, part = nom[:-1] + "te", nom[:-1] + "tt" + a
        pl_weak = pl_strong = nom[:-1] + "ksi"
        pl_gen = pl_strong + "en"
    elif nom.endswith("s") and gen.endswith("ksen"):  # yritys:yrityksen
        strong, part = weak, nom + "t" + a
        pl_weak = pl_strong = weak[:-1] + "i"
        pl_gen = nom + "ten"
    elif nom[-1] not in _VOWELS or long_stem:  # asukas:asukkaan, hanke:hankkeen
        strong = weak
        part = nom + ("tt" + a if nom.endswith("e") else "t" + a)
        pl_weak, pl_strong = weak[:-1] + "i", weak[:-1] + "i"
        pl_gen = pl_strong + "den"
    elif nom.endswith("i") and weak.endswith("e"):  # nuori:nuoren, tuki:tuen, lahti:lahden
        strong = nom[:-1] + "e"
        part = strong + a
        pl_weak, pl_strong = weak[:-1] + "i", nom[:-1] + "i"
        pl_gen = pl_strong + "en"
    else:  # kunta, kokeilu, kaupunki, kylä, työ, maa
        strong = nom
        part = nom + ("t" + a if short or long_end else a)
        pl_weak, pl_strong = _plural_stem(weak, nom), _plural_stem(nom, nom)
        if pl_strong[-2] not in _VOWELS:
            pl_gen = pl_strong + "en"  # kuntien, kylien
        elif short or long_end:
            pl_gen = pl_strong + "den"  # töiden, maiden, nuorisotöiden
        elif nom.endswith("i"):
            pl_gen = pl_strong[:-2] + "ien"  # kaupunkien
        else:
            pl_gen = pl_strong[:-1] + "jen"  # kokeilujen, tilojen
    partitive = partitive or part
    forms = {"nom": nom, "gen": gen, "part": partitive, "pl_nom": weak + "t", "pl_gen": pl_gen}
    for case, ending in _WEAK_ENDINGS.items():
        forms[case] = weak + _harmonise(ending, front)
        if case != "transl":
            forms["pl_" + case] = pl_weak + _harmonise(ending, front)
    forms["ess"] = strong + "n" + a
    # Illative: kuntaan, kokeiluun, työhön, hankkeeseen, yritykseen, nuoreen.
    if long_stem and not short:
        forms["illat"] = weak + "seen"
    elif strong[-1] in _VOWELS and strong[-2] in _VOWELS:
        forms["illat"] = strong + "h" + strong[-1] + "n"
    else:
        forms["illat"] = strong + strong[-1] + "n"
    if pl_strong[-2] not in _VOWELS:  # kuntia, kuntiin; yrityksiä, yrityksiin
        forms["pl_part"], forms["pl_illat"] = pl_strong + a, pl_strong + "in"
    elif long_stem or short or long_end:  # asukkaita, asukkaisiin; töitä, töihin
        forms["pl_part"] = pl_strong + "t" + a
        forms["pl_illat"] = pl_strong + ("hin" if short or long_end else "siin")
    else:  # kokeiluja, kokeiluihin; kaupunkeja, kaupunkeihin
        forms["pl_part"] = pl_strong[:-1] + "j" + a
        forms["pl_illat"] = pl_strong + "hin"
    return forms


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


# Nouns by theme (topic words), then general ones. "nominative:genitive[:partitive]".
THEME_NOUNS = {
    "asuminen-ja-rakentaminen": "asunto:asunnon talo:talon kortteli:korttelin rakennus:rakennuksen "
    "vuokra:vuokran remontti:remontin kerrostalo:kerrostalon puu:puun kaava:kaavan asukas:asukkaan",
    "digitalisaatio": "sovellus:sovelluksen palvelu:palvelun alusta:alustan data:datan verkko:verkon "
    "laite:laitteen digituki:digituen neuvonta:neuvonnan järjestelmä:järjestelmän etäyhteys:etäyhteyden",
    "hyvinvointi": "terveys:terveyden liikunta:liikunnan hyvinvointi:hyvinvoinnin ikäihminen:ikäihmisen "
    "yksinäisyys:yksinäisyyden mieli:mielen:mieltä uni:unen:unta ravinto:ravinnon harrastus:harrastuksen",
    "ilmasto": "energia:energian päästö:päästön aurinkopaneeli:aurinkopaneelin lämpö:lämmön "
    "sähkö:sähkön ilmasto:ilmaston hiili:hiilen lämpöpumppu:lämpöpumpun tuuli:tuulen",
    "julkinen-hallinto": "kunta:kunnan virasto:viraston päätös:päätöksen hankinta:hankinnan "
    "budjetti:budjetin lainsäädäntö:lainsäädännön kokeilukulttuuri:kokeilukulttuurin ministeriö:ministeriön "
    "valtuusto:valtuuston lupa:luvan",
    "kaupunkikehitys": "kaupunki:kaupungin keskusta:keskustan tori:torin katu:kadun puisto:puiston "
    "kaupunginosa:kaupunginosan tila:tilan aukio:aukion",
    "kiertotalous": "jäte:jätteen kierrätys:kierrätyksen materiaali:materiaalin sivuvirta:sivuvirran "
    "muovi:muovin tekstiili:tekstiilin korjaus:korjauksen biokaasu:biokaasun lajittelu:lajittelun",
    "kotoutuminen": "maahanmuuttaja:maahanmuuttajan kieli:kielen:kieltä:kielten kotoutuminen:kotoutumisen "
    "kielikurssi:kielikurssin kansalaisuus:kansalaisuuden perhe:perheen kulttuuri:kulttuurin",
    "koulutus": "koulu:koulun oppilas:oppilaan opettaja:opettajan opetus:opetuksen oppiminen:oppimisen "
    "lukio:lukion opiskelija:opiskelijan tutkinto:tutkinnon kurssi:kurssin luokka:luokan",
    "kulttuuri": "taide:taiteen museo:museon kirjasto:kirjaston teatteri:teatterin musiikki:musiikin "
    "taiteilija:taiteilijan festivaali:festivaalin näyttely:näyttelyn konsertti:konsertin",
    "lapset-ja-nuoret": "nuori:nuoren:nuorta:nuorten lapsi:lapsen:lasta:lasten nuoriso:nuorison "
    "perhe:perheen harrastus:harrastuksen nuorisotyö:nuorisotyön vanhempi:vanhemman koululainen:koululaisen",
    "liikkuminen": "bussi:bussin joukkoliikenne:joukkoliikenteen pyörä:pyörän sähköauto:sähköauton "
    "liikenne:liikenteen kyyti:kyydin matka:matkan pysäkki:pysäkin lippu:lipun auto:auton",
    "luonto-ja-vesistot": "järvi:järven:järveä:järvien vedenlaatu:vedenlaadun metsä:metsän luonto:luonnon "
    "vesistö:vesistön ranta:rannan kala:kalan suo:suon lintu:linnun",
    "maaseutu": "kylä:kylän maaseutu:maaseudun maatila:maatilan kyläkoulu:kyläkoulun viljelijä:viljelijän "
    "kyläyhdistys:kyläyhdistyksen haja-asutusalue:haja-asutusalueen",
    "osallisuus": "osallisuus:osallisuuden demokratia:demokratian äänestys:äänestyksen vaikuttaminen:"
    "vaikuttamisen budjetointi:budjetoinnin kansalainen:kansalaisen ehdotus:ehdotuksen foorumi:foorumin",
    "ruoka": "ruoka:ruoan lounas:lounaan ravintola:ravintolan ruokahävikki:ruokahävikin "
    "kasvis:kasviksen tuottaja:tuottajan keittiö:keittiön lähiruoka:lähiruoan",
    "sosiaali-ja-terveyspalvelut": "asiakas:asiakkaan sote:soten hoito:hoidon potilas:potilaan "
    "terveysasema:terveysaseman kotihoito:kotihoidon hoitaja:hoitajan vastaanotto:vastaanoton "
    "sosiaalityö:sosiaalityön",
    "sosiaaliturva": "perustulo:perustulon tuki:tuen etuus:etuuden työtön:työttömän:työtöntä "
    "toimeentulo:toimeentulon Kela:Kelan byrokratia:byrokratian tulo:tulon",
    "tekoaly": "tekoäly:tekoälyn chatbot:chatbotin robotti:robotin algoritmi:algoritmin "
    "automaatio:automaation data:datan malli:mallin",
    "tyollisyys": "työllisyys:työllisyyden työ:työn työnhakija:työnhakijan työpaikka:työpaikan "
    "työnantaja:työnantajan palkka:palkan valmennus:valmennuksen työttömyys:työttömyyden",
    "varhaiskasvatus": "päiväkoti:päiväkodin varhaiskasvatus:varhaiskasvatuksen lapsi:lapsen:lasta:lasten "
    "kasvattaja:kasvattajan esiopetus:esiopetuksen leikki:leikin ryhmä:ryhmän",
    "yhteisollisyys": "yhteisö:yhteisön naapuri:naapurin talkootyö:talkootyön kohtaaminen:kohtaamisen "
    "kahvila:kahvilan vapaaehtoinen:vapaaehtoisen tapahtuma:tapahtuman asukastila:asukastilan",
    "yrittajyys": "yritys:yrityksen yrittäjä:yrittäjän elinkeino:elinkeinon tuote:tuotteen "
    "liiketoiminta:liiketoiminnan asiakas:asiakkaan kauppa:kaupan markkina:markkinan",
}
GENERAL_NOUNS = (
    "kokeilu:kokeilun hanke:hankkeen toiminta:toiminnan ryhmä:ryhmän verkosto:verkoston "
    "tulos:tuloksen tavoite:tavoitteen rahoitus:rahoituksen yhteistyö:yhteistyön alue:alueen "
    "työpaja:työpajan kysely:kyselyn ratkaisu:ratkaisun tieto:tiedon kehittäminen:kehittämisen "
    "osallistuja:osallistujan kumppani:kumppanin järjestö:järjestön yhdistys:yhdistyksen "
    "pilotti:pilotin selvitys:selvityksen arviointi:arvioinnin raportti:raportin menetelmä:menetelmän "
    "käytäntö:käytännön opas:oppaan koulutus:koulutuksen kokemus:kokemuksen haaste:haasteen "
    "muutos:muutoksen prosessi:prosessin viikko:viikon ohjelma:ohjelman kokeilija:kokeilijan "
    "asukas:asukkaan idea:idean toimija:toimijan aika:ajan raha:rahan osaaminen:osaamisen "
    "suunnitelma:suunnitelman kunta:kunnan kaupunki:kaupungin maakunta:maakunnan palvelu:palvelun "
    "malli:mallin keskus:keskuksen tila:tilan paja:pajan kulu:kulun ihminen:ihmisen"
)
# Heads that make plausible compounds with almost any modifier ("kuntakokeilu", "nuorisopaja").
HEADS = (
    "kokeilu", "hanke", "malli", "palvelu", "ohjelma", "toiminta", "verkosto", "tila", "paja", "ryhmä",
    "alusta", "keskus", "raha", "tuki", "kahvila", "foorumi", "pilotti", "opas", "kysely",
)  # fmt: skip
ADJECTIVES = (
    "Uusi", "Yhteinen", "Paikallinen", "Digitaalinen", "Maksuton", "Kestävä", "Avoin", "Liikkuva",
    "Vihreä", "Älykäs", "Joustava", "Monikielinen", "Vertainen", "Yhteisöllinen", "Matalan kynnyksen",
)  # fmt: skip
TITLE_HEADS = ("kokeilu", "kokeilu", "kokeilu", "hanke", "malli", "pilotti", "palvelu", "ohjelma")

# Regions: (id, nominative, genitive, locative) and municipalities (nominative, genitive, locative).
REGIONS = {
    "uusimaa": ("Uusimaa", "Uudenmaan", "Uudellamaalla"),
    "varsinais-suomi": ("Varsinais-Suomi", "Varsinais-Suomen", "Varsinais-Suomessa"),
    "satakunta": ("Satakunta", "Satakunnan", "Satakunnassa"),
    "kanta-hame": ("Kanta-Häme", "Kanta-Hämeen", "Kanta-Hämeessä"),
    "pirkanmaa": ("Pirkanmaa", "Pirkanmaan", "Pirkanmaalla"),
    "paijat-hame": ("Päijät-Häme", "Päijät-Hämeen", "Päijät-Hämeessä"),
    "kymenlaakso": ("Kymenlaakso", "Kymenlaakson", "Kymenlaaksossa"),
    "etela-karjala": ("Etelä-Karjala", "Etelä-Karjalan", "Etelä-Karjalassa"),
    "etela-savo": ("Etelä-Savo", "Etelä-Savon", "Etelä-Savossa"),
    "pohjois-savo": ("Pohjois-Savo", "Pohjois-Savon", "Pohjois-Savossa"),
    "pohjois-karjala": ("Pohjois-Karjala", "Pohjois-Karjalan", "Pohjois-Karjalassa"),
    "keski-suomi": ("Keski-Suomi", "Keski-Suomen", "Keski-Suomessa"),
    "etela-pohjanmaa": ("Etelä-Pohjanmaa", "Etelä-Pohjanmaan", "Etelä-Pohjanmaalla"),
    "pohjanmaa": ("Pohjanmaa", "Pohjanmaan", "Pohjanmaalla"),
    "keski-pohjanmaa": ("Keski-Pohjanmaa", "Keski-Pohjanmaan", "Keski-Pohjanmaalla"),
    "pohjois-pohjanmaa": ("Pohjois-Pohjanmaa", "Pohjois-Pohjanmaan", "Pohjois-Pohjanmaalla"),
    "kainuu": ("Kainuu", "Kainuun", "Kainuussa"),
    "lappi": ("Lappi", "Lapin", "Lapissa"),
    "ahvenanmaa": ("Ahvenanmaa", "Ahvenanmaan", "Ahvenanmaalla"),
}
# Municipality ids (content/sanastot/kunnat.yml) that are not the slug of the name used in text.
MUNICIPALITY_IDS = {"Maarianhamina": "maarianhamina-mariehamn"}


def municipality_id(name: str) -> str:
    return MUNICIPALITY_IDS.get(name) or slugify(name)


# Rough population weights, so that Uusimaa and Pirkanmaa get more experiments than Kainuu.
REGION_WEIGHTS = (30, 9, 4, 3, 10, 4, 3, 2, 3, 5, 3, 5, 4, 3, 1, 8, 1, 3, 1)
MUNICIPALITIES = {
    "uusimaa": "Helsinki/Helsingin/Helsingissä Espoo/Espoon/Espoossa Vantaa/Vantaan/Vantaalla "
    "Porvoo/Porvoon/Porvoossa Lohja/Lohjan/Lohjalla Hyvinkää/Hyvinkään/Hyvinkäällä "
    "Järvenpää/Järvenpään/Järvenpäässä Raasepori/Raaseporin/Raaseporissa",
    "varsinais-suomi": "Turku/Turun/Turussa Salo/Salon/Salossa Kaarina/Kaarinan/Kaarinassa "
    "Raisio/Raision/Raisiossa Uusikaupunki/Uudenkaupungin/Uudessakaupungissa",
    "satakunta": "Pori/Porin/Porissa Rauma/Rauman/Raumalla Ulvila/Ulvilan/Ulvilassa "
    "Kankaanpää/Kankaanpään/Kankaanpäässä",
    "kanta-hame": "Hämeenlinna/Hämeenlinnan/Hämeenlinnassa Riihimäki/Riihimäen/Riihimäellä "
    "Forssa/Forssan/Forssassa",
    "pirkanmaa": "Tampere/Tampereen/Tampereella Nokia/Nokian/Nokialla Ylöjärvi/Ylöjärven/Ylöjärvellä "
    "Kangasala/Kangasalan/Kangasalla Sastamala/Sastamalan/Sastamalassa "
    "Valkeakoski/Valkeakosken/Valkeakoskella",
    "paijat-hame": "Lahti/Lahden/Lahdessa Heinola/Heinolan/Heinolassa Orimattila/Orimattilan/Orimattilassa "
    "Hollola/Hollolan/Hollolassa",
    "kymenlaakso": "Kouvola/Kouvolan/Kouvolassa Kotka/Kotkan/Kotkassa Hamina/Haminan/Haminassa",
    "etela-karjala": "Lappeenranta/Lappeenrannan/Lappeenrannassa Imatra/Imatran/Imatralla",
    "etela-savo": "Mikkeli/Mikkelin/Mikkelissä Savonlinna/Savonlinnan/Savonlinnassa "
    "Pieksämäki/Pieksämäen/Pieksämäellä",
    "pohjois-savo": "Kuopio/Kuopion/Kuopiossa Iisalmi/Iisalmen/Iisalmessa Varkaus/Varkauden/Varkaudessa "
    "Siilinjärvi/Siilinjärven/Siilinjärvellä",
    "pohjois-karjala": "Joensuu/Joensuun/Joensuussa Kitee/Kiteen/Kiteellä Lieksa/Lieksan/Lieksassa "
    "Nurmes/Nurmeksen/Nurmeksessa",
    "keski-suomi": "Jyväskylä/Jyväskylän/Jyväskylässä Jämsä/Jämsän/Jämsässä "
    "Äänekoski/Äänekosken/Äänekoskella Saarijärvi/Saarijärven/Saarijärvellä",
    "etela-pohjanmaa": "Seinäjoki/Seinäjoen/Seinäjoella Lapua/Lapuan/Lapualla "
    "Kauhajoki/Kauhajoen/Kauhajoella Alavus/Alavuden/Alavudella",
    "pohjanmaa": "Vaasa/Vaasan/Vaasassa Pietarsaari/Pietarsaaren/Pietarsaaressa "
    "Mustasaari/Mustasaaren/Mustasaaressa Kristiinankaupunki/Kristiinankaupungin/Kristiinankaupungissa",
    "keski-pohjanmaa": "Kokkola/Kokkolan/Kokkolassa Kannus/Kannuksen/Kannuksessa "
    "Kaustinen/Kaustisen/Kaustisella",
    "pohjois-pohjanmaa": "Oulu/Oulun/Oulussa Raahe/Raahen/Raahessa Kuusamo/Kuusamon/Kuusamossa "
    "Ylivieska/Ylivieskan/Ylivieskassa Kempele/Kempeleen/Kempeleellä",
    "kainuu": "Kajaani/Kajaanin/Kajaanissa Kuhmo/Kuhmon/Kuhmossa Sotkamo/Sotkamon/Sotkamossa "
    "Suomussalmi/Suomussalmen/Suomussalmella",
    "lappi": "Rovaniemi/Rovaniemen/Rovaniemellä Tornio/Tornion/Torniossa Kemi/Kemin/Kemissä "
    "Inari/Inarin/Inarissa Sodankylä/Sodankylän/Sodankylässä",
    "ahvenanmaa": "Maarianhamina/Maarianhaminan/Maarianhaminassa Jomala/Jomalan/Jomalassa",
}
PLACE_CASES = ("nom", "gen", "loc")

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


# --- The corpus and its Markov chain -----------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n(.*)\Z", re.DOTALL)
_TOKEN = re.compile(r"[0-9A-Za-zÅÄÖåäöÉéÜü]+(?:[-:'’][0-9A-Za-zÅÄÖåäöÉéÜü]+)*-?|[.,;:?!]")
_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-ZÅÄÖ0-9])")
END = "."
# How often a walk follows its source documents (see Chain): higher clusters the corpus's words
# in related entries, lower mixes sentences more.
STICK = 0.6


def _corpus(repo: Path, schema: Schema) -> list[tuple[list[str], list[str]]]:
    """(themes, texts) of each experiment and learning of the catalogue at ``repo``, in file
    order: the title, the summary and each paragraph of the body."""
    documents = []
    paths = [path for entry in schema.entries for path in sorted((repo / entry.directory).glob("*.md"))]
    for path in paths:
        match = _FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match is None:
            continue
        meta = yaml.safe_load(match.group(1))
        if not isinstance(meta, dict) or "title" not in meta or "summary" not in meta:
            continue
        texts = [str(meta["title"]) + ".", str(meta["summary"])]
        body = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2))
        body = re.sub(r"https?://\S+", "", body)
        texts.extend(p.replace("\n", " ") for p in re.split(r"\n\s*\n", body) if p.strip())
        documents.append((list(meta.get("themes") or []), texts))
    return documents


class Chain:
    """A bigram chain over tokens in which nouns and place names are slots ("<N:iness>").

    It remembers which shipped document each transition came from. A synthetic entry walks it
    preferring the transitions of a few source documents that share its themes, so the corpus's
    own words cluster in related entries (as real vocabulary does) instead of being spread evenly
    over the whole catalogue."""

    def __init__(
        self, documents: list[tuple[list[str], list[str]]], nouns: dict[str, Noun], places: dict[str, str]
    ) -> None:
        sentences = [
            (source, _TOKEN.findall(s))
            for source, (_, texts) in enumerate(documents)
            for t in texts
            for s in _SENTENCE_END.split(t)
        ]
        sentences = [(source, s) for source, s in sentences if len(s) >= 4]
        lower = {w for _, s in sentences for w in s[1:] if w[0].islower()}
        forms: dict[str, str] = {}
        for noun in nouns.values():
            for case, form in noun.forms.items():
                forms.setdefault(form.lower(), f"<N:{case}>")
        self.counts: dict[str, int] = {}  # corpus frequency of each lexicon noun
        index = {form.lower(): noun.nom for noun in nouns.values() for form in noun.forms.values()}
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
            states = []
            for position, token in enumerate(sentence):
                if position == 0 and token.lower() in lower:
                    token = token.lower()
                key = token.lower()
                if token in places:
                    states.append(places[token])
                elif key in forms and (token[0].islower() or position == 0 or key not in lower):
                    states.append(forms[key])
                    self.counts[index[key]] = self.counts.get(index[key], 0) + 1
                elif re.fullmatch(r"20[0-3][0-9]", token):
                    states.append("<YEAR>")
                else:
                    states.append(token)
            if states[-1] != END:
                states.append(END)
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
            options = None
            if rng.random() < STICK:
                options = self.next_in.get((state, source))
                if options is None:
                    for other in sources:
                        options = self.next_in.get((state, other))
                        if options is not None:
                            source = other
                            break
            state = rng.choice(options or self.next.get(state, [END]))
            states.append(state)
        if states[-1] != END:
            while states and states[-1] in ",;:":
                states.pop()
            states.append(END)
        return states


class Lexicon:
    """Every noun, weighted for a Zipf-like draw (corpus frequency first), and compounding."""

    def __init__(self, nouns: dict[str, Noun], counts: dict[str, int]) -> None:
        ranked = sorted(nouns.values(), key=lambda n: (-counts.get(n.nom, 0), n.nom))
        self.nouns = ranked
        self.cumulative = list(accumulate(1.0 / (rank + 3) for rank in range(len(ranked))))
        self.heads = [nouns[h] for h in HEADS]
        self.head_cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(len(self.heads))))
        self._compounds: dict[tuple[str, str], Noun] = {}

    def draw(self, rng: random.Random) -> Noun:
        return self.nouns[bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def compound(self, rng: random.Random, head: Noun | None = None, modifier: Noun | None = None) -> Noun:
        modifier = modifier or self.draw(rng)
        if head is None:
            if rng.random() < 0.5:
                head = self.heads[bisect(self.head_cumulative, rng.random() * self.head_cumulative[-1])]
            else:
                head = self.draw(rng)
        if modifier is head or modifier.nom[0].isupper() or head.nom[0].isupper():
            return head
        # Most compounds take the nominative, some the genitive ("kaupunginosa").
        first = modifier.forms["gen"] if rng.random() < 0.15 else modifier.nom
        key = (first, head.nom)
        noun = self._compounds.get(key)
        if noun is None:
            noun = self._compounds[key] = Noun.compound(first, head)
        return noun


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


# --- Entries -------------------------------------------------------------------------------------


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
        lines += ["result:", f"  outcome: {_weighted(rng, OUTCOME_WEIGHTS)}"]
    return lines


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


class Generator:
    """The entries, one at a time, from one random stream; trained on the catalogue at ``repo``."""

    def __init__(self, rng: random.Random, repo: Path, schema: Schema) -> None:
        self.rng = rng
        self.themes = [t["id"] for t in _load_vocabulary(repo, schema, "teemat")]
        self.regions = [t["id"] for t in _load_vocabulary(repo, schema, "alueet")]
        if sorted(self.regions) != sorted(REGIONS):
            raise ConfigError(
                "Synteettinen kokoelma tuntee vain nykyiset 19 aluetta; alueet.yml on muuttunut. "
                "Päivitä REGIONS ja MUNICIPALITIES tiedostossa generator/synth/synthesis.py."
            )
        nouns: dict[str, Noun] = {}
        self.theme_nouns: dict[str, list[Noun]] = {}
        for theme in self.themes:
            group = []
            for spec in THEME_NOUNS.get(theme, "").split():
                noun = nouns.setdefault(spec.split(":")[0], Noun(spec))
                group.append(noun)
            self.theme_nouns[theme] = group
        general = [nouns.setdefault(spec.split(":")[0], Noun(spec)) for spec in GENERAL_NOUNS.split()]
        for theme, group in self.theme_nouns.items():
            if not group:  # a theme added to teemat.yml after this file was written
                self.theme_nouns[theme] = general[:10]
        self.municipalities = {
            region: [tuple(m.split("/")) for m in MUNICIPALITIES[region].split()] for region in self.regions
        }
        places: dict[str, str] = {}
        for region in self.regions:
            for place in (REGIONS[region], *self.municipalities[region]):
                for case, form in zip(PLACE_CASES, place, strict=True):
                    places.setdefault(form, f"<P:{case}>")
        corpus = _corpus(repo, schema)
        if not corpus:
            raise ConfigError(
                f"Kokoelmassa {repo} ei ole yhtään kokeilua tai oppia, joista tekstiä voisi oppia. "
                "Aja komento repositorion juuressa tai anna --root."
            )
        self.chain = Chain(corpus, nouns, places)
        self.nouns = nouns
        self.lexicon = Lexicon(nouns, self.chain.counts)
        # Themes skewed: a few common, a long tail (Zipf over a seeded order).
        order = sorted(self.themes)
        rng.shuffle(order)
        self.theme_weights = {theme: 1.0 / (rank + 4) for rank, theme in enumerate(order)}
        # "sivu" is where listings continue (/kokeilut/sivu/2/), never an entry's slug.
        self.slugs: set[str] = {"sivu"}

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

    def experiment(self) -> tuple[str, str, dict]:
        rng = self.rng
        level = rng.choices(("valtakunnallinen", "alueellinen", "ruohonjuuri"), weights=(5, 35, 60))[0]
        themes = self.pick_themes()
        if level == "valtakunnallinen" and rng.random() < 0.75:
            regions: list[str] | None = []
        elif rng.random() < 0.04:
            regions = None  # tuntematon
        else:
            regions = []
            for _ in range(1 if rng.random() < 0.75 else 2):
                region = rng.choices(self.regions, weights=REGION_WEIGHTS)[0]
                if region not in regions:
                    regions.append(region)
        towns = [rng.choice(self.municipalities[r]) for r in regions or []]
        towns = list(dict.fromkeys(towns))
        places = towns + [REGIONS[r] for r in regions or []] or [("Suomi", "Suomen", "Suomessa")]
        start_year = None if rng.random() < 0.08 else rng.choices(YEARS, weights=YEAR_WEIGHTS)[0]
        era = (
            "unknown"
            if start_year is None
            else "old"
            if start_year <= 2019
            else "recent"
            if start_year <= 2024
            else "new"
        )
        status = _weighted(rng, STATUS_WEIGHTS[era])
        years = [start_year or 2018, (start_year or 2018) + 1]
        topics = self.topics(themes)
        writer = Writer(rng, self.chain, self.lexicon, themes, topics, places, years)
        title = self.title(topics, places)
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(writer.text(60, 280, 200))}",
            f"level: {level}",
            f"themes: [{', '.join(themes)}]",
            "regions: " + ("tuntematon" if regions is None else f"[{', '.join(regions)}]"),
        ]
        if towns and rng.random() < 0.6:
            lines.append(f"municipalities: [{', '.join(municipality_id(t[0]) for t in towns)}]")
        organisers = self.organisers(level, towns, regions)
        if organisers is None:
            lines.append("organisers: tuntematon")
        else:
            lines.append("organisers:")
            for name, kind in organisers:
                lines += [f"  - name: {_q(name)}", f"    type: {kind}"]
        lines.append(f"status: {status}")
        lines.append("start: " + ("tuntematon" if start_year is None else _date(rng, start_year)))
        if status in ENDED:
            if start_year is None:
                lines.append("end: tuntematon" if rng.random() < 0.6 else f"end: {rng.choice(YEARS)}")
            else:
                end = min(start_year + rng.choice((0, 1, 1, 2, 2, 3)), 2026)
                lines.append(f"end: {end}" if end == start_year or rng.random() < 0.6 else f"end: {end}-06")
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
        info = {"lines": lines, "organisers": organisers, "places": places, "status": status}
        info.update(themes=themes, year=start_year)
        return title, writer.body(150, 400), info

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

    def organisers(self, level, towns, regions) -> list[tuple[str, str]] | None:
        rng = self.rng
        if rng.random() < 0.04:
            return None
        town = towns[0] if towns else rng.choice(self.municipalities[rng.choice(self.regions)])
        region = regions[0] if regions else rng.choice(self.regions)
        word = self.lexicon.draw(rng).nom
        options = {
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
        }[level]
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

    def learning(self, experiments: list[tuple[str, dict]]) -> tuple[str, list[str]]:
        rng = self.rng
        chosen = rng.sample(experiments, rng.choices((1, 2, 3), weights=(75, 20, 5))[0])
        themes = list(dict.fromkeys(t for _, e in chosen for t in e["themes"]))[:3]
        if rng.random() < 0.2:
            extra = self.pick_themes()[0]
            if extra not in themes:
                themes.append(extra)
        topics = self.topics(themes)
        places = chosen[0][1]["places"]
        year = chosen[0][1]["year"] or 2018
        writer = Writer(rng, self.chain, self.lexicon, themes, topics, places, [year, year + 1])
        title = ""
        while not 10 <= len(title) <= 110:
            title = writer.sentence(max_tokens=14).rstrip(".?!:;,")
        kind = rng.choices(("toimi", "ei-toiminut", "tee-toisin"), weights=(45, 25, 30))[0]
        date = "tuntematon" if rng.random() < 0.1 else _date(rng, min(year + rng.choice((0, 1, 2)), 2026))
        lines = [
            "---",
            f"title: {_q(title)}",
            f"summary: {_q(writer.text(60, 280, 200))}",
            f"experiments: [{', '.join(slug for slug, _ in chosen)}]",
            f"themes: [{', '.join(themes)}]",
            f"kind: {kind}",
            f"date: {date}",
        ]
        if rng.random() < 0.7:
            lines += ["sources:", f"  - https://www.kokeilunpaikka.fi/fi/oppi/{slugify(title, 40)}"]
        return title, [*lines, "---", "", writer.body(80, 250)]


# --- The catalogue folder --------------------------------------------------------------------------


@dataclass(frozen=True)
class Synthesis:
    """What was written: the slugs in the order they were made. For a seed, the first
    experiment is the same at every count."""

    experiments: tuple[str, ...]
    learnings: tuple[str, ...]


def _directories(schema: Schema) -> dict[str, str]:
    """Root-relative entry folders by kind: experiments and content/opit as shipped."""
    return {entry.kind: entry.directory for entry in schema.entries}


def _site_files(root: Path, repo: Path, schema: Schema) -> None:
    """Everything but the entries: the hand-written pages and intros with the vocabularies, the
    theme, mkdocs.yml, and the files derived from the schema (made, not copied)."""
    docs = schema.site.docs_directory
    entry_folders = {(repo / folder).resolve() for folder in _directories(schema).values()}

    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder).resolve() in entry_folders:  # content/opit/: its index.md only
            return [n for n in names if n.endswith(".md") and n != "index.md"]
        return []

    shutil.copytree(repo / docs, root / docs, ignore=ignore, dirs_exist_ok=True)
    if (repo / "theme").is_dir():
        shutil.copytree(repo / "theme", root / "theme", dirs_exist_ok=True)
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    problems: list = []
    vocabularies = load_vocabularies(root, schema, problems)
    if any(p.is_error for p in problems):
        raise ConfigError(f"Kokoelman {repo} sanastoissa on virheitä. Aja ensin kokeilu check.")
    write_derived_files(root, schema, vocabularies)


_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _unlink_missing_entries(root: Path, schema: Schema, slugs: set[str]) -> None:
    """Hand-written pages (the guide for experimenters) link to real experiments and learnings
    as examples. A synthetic catalogue has other entries: such a link keeps its text and loses
    its target, so that ``mkdocs build --strict`` still finds every link."""
    docs = root / schema.site.docs_directory
    prefixes = tuple(entry.listing_url.strip("/") + "/" for entry in schema.entries)
    entry_folders = {(root / folder).resolve() for folder in _directories(schema).values()}
    for page in sorted(docs.rglob("*.md")):
        if page.parent.resolve() in entry_folders and page.name != "index.md":
            continue
        text = page.read_text(encoding="utf-8")
        folder = posixpath.dirname(page.relative_to(docs).as_posix())

        def unlink(match: re.Match, folder: str = folder) -> str:
            target = match.group(2).split("#", 1)[0].split("?", 1)[0]
            path = posixpath.normpath(posixpath.join(folder, target))
            if path.startswith(prefixes) and path.endswith(".md") and path.count("/") == 1:
                slug = path.split("/", 1)[1].removesuffix(".md")
                if slug != "index" and slug not in slugs:
                    return match.group(1)
            return match.group(0)

        changed = _LINK.sub(unlink, text)
        if changed != text:
            page.write_text(changed, encoding="utf-8", newline="\n")


def make_synthetic(root: Path, count: int, seed: int, repo: Path) -> Synthesis:
    """Write a synthetic catalogue of ``count`` experiments, trained on the catalogue at
    ``repo``, straight into the folder ``root`` (made if missing). :func:`synthesise` is the
    safe entry point: a new or empty folder, written whole."""
    root, repo = Path(root), Path(repo)
    schema = load_schema()
    folders = _directories(schema)
    rng = random.Random(seed)
    generator = Generator(rng, repo, schema)
    _site_files(root, repo, schema)
    experiments, learnings = root / folders["experiment"], root / folders["learning"]
    experiments.mkdir(parents=True, exist_ok=True)
    learnings.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, dict]] = []
    for _ in range(count):
        title, body, info = generator.experiment()
        slug = generator.slug(title)
        lines = info["lines"]
        organisers = info["organisers"]
        town = info["places"][0]
        host = slugify(town[0]) or "kokeilu"
        lines.append("sources:")
        lines.append(f"  - https://www.{host}.fi/kokeilut/{slug}")
        if rng.random() < 0.3:
            lines.append(f"  - https://www.kokeilunpaikka.fi/fi/kokeilu/{slug}")
        if organisers is None or rng.random() < 0.1:
            lines.append("contact: tuntematon")
        else:
            lines += ["contact:", f"  organisation: {_q(organisers[0][0])}"]
            if rng.random() < 0.5:
                lines.append(f"  url: https://www.{host}.fi/")
        lines += _evidence(rng, info["status"], f"https://www.{host}.fi/kokeilut/{slug}/arviointi")
        text = "\n".join([*lines, "---", "", body])
        (experiments / f"{slug}.md").write_text(text, encoding="utf-8", newline="\n")
        made.append((slug, info))
    learned: list[str] = []
    for _ in range(max(1, count // 4)):
        title, lines = generator.learning(made)
        slug = generator.slug(title)
        (learnings / f"{slug}.md").write_text("\n".join(lines), encoding="utf-8", newline="\n")
        learned.append(slug)
    _unlink_missing_entries(root, schema, {slug for slug, _ in made} | set(learned))
    return Synthesis(tuple(slug for slug, _ in made), tuple(learned))


def synthesise(out: Path, count: int, seed: int, repo: Path) -> Synthesis:
    """:func:`make_synthetic` into ``out``, which must be new or empty. The folder is written
    beside it and swapped in whole: an interrupted or failed run leaves ``out`` as it was."""
    if out.exists() and not out.is_dir():
        raise ConfigError(f"{out} ei ole kansio: anna uusi tai tyhjä kansio.")
    if out.is_dir() and any(out.iterdir()):
        raise ConfigError(
            f"Kansio {out} ei ole tyhjä. Synteettinen kokoelma kirjoitetaan vain uuteen tai tyhjään "
            "kansioon, jotta mitään ei kirjoiteta toisen kokoelman päälle."
        )
    staging = staging_folder(out)
    try:
        made = make_synthetic(staging, count, seed, repo)
    except BaseException:
        discard(staging)
        raise
    swap_in(staging, out)
    return made


# --- The command line ------------------------------------------------------------------------------


def run_synth(args: argparse.Namespace, root: Path) -> int:
    """``kokeilu synth``: the arguments are checked by the command line (generator/cli.py)."""
    made = synthesise(args.out, args.count, args.seed, root)
    folder = _directories(load_schema())["experiment"]
    print(
        f"Kirjoitettiin {len(made.experiments)} kokeilua ja {len(made.learnings)} oppia "
        f"kansioon {args.out} (siemen {args.seed})."
    )
    print(f"Ensimmäinen kokeilu: {folder}/{made.experiments[0]}.md")
    print(f"Tarkista ja rakenna kansiossa {args.out}: kokeilu check; mkdocs build --strict")
    return 0
