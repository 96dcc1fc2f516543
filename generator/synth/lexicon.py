"""The words of the synthetic text that are not learned from the corpus: a lexicon of about 300
Finnish nouns grouped by theme, the heads of compounds and titles, and the adjectives of titles;
and :class:`Lexicon`, which draws nouns with a Zipf-like skew and makes compounds."""

from __future__ import annotations

import random
from bisect import bisect
from itertools import accumulate

from generator.synth.nouns import Noun

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


def group_nouns(themes: list[str]) -> tuple[dict[str, Noun], dict[str, list[Noun]]]:
    """Every noun of the lexicon by its nominative, and each theme's topic nouns (a theme without
    any, added to teemat.yml after this file was written, gets ten general ones)."""
    nouns: dict[str, Noun] = {}
    by_theme: dict[str, list[Noun]] = {}
    for theme in themes:
        specs = THEME_NOUNS.get(theme, "").split()
        by_theme[theme] = [nouns.setdefault(spec.split(":")[0], Noun(spec)) for spec in specs]
    general = [nouns.setdefault(spec.split(":")[0], Noun(spec)) for spec in GENERAL_NOUNS.split()]
    for theme, group in by_theme.items():
        if not group:
            by_theme[theme] = general[:10]
    return nouns, by_theme
