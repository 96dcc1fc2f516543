"""The growth proof: a copy of the shipped catalogue grown as a contributor's pull request would
grow it, so that every test that reads the shipped content reads it with content it has never
seen (issue 19: "content can grow without touching tests").

``grow(root)`` adds to a copy of the repository 20 valid experiments on all three levels, each
translated into one language only (some Swedish, some English; a title, and for some a summary
and a translated body; one written in Swedish with an English translation), 3 learnings that
name them (one translated into English only) and one new theme, used by some of them; then it
rewrites the files derived from the vocabularies, as ``kokeilu schema --write`` does. Every slug
and the theme id start with ``kasvukoe-`` so that no contributor's real entry can collide.

The session fixture ``shipped_root`` (tests/conftest.py) is such a copy, committed to git in two
commits (the repository, then the growth) so that the pages get their dates as in a checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.content.vocabulary import load_vocabularies
from generator.core.schema import load_schema
from generator.derived.files import write_derived_files
from generator.i18n.languages import CODES, url_in

PREFIX = "kasvukoe-"
THEME = "kasvukoe-vesihuolto"
THEME_TERM = f"""\
- id: {THEME}
  fi: Vesihuolto ja jätevedet
  sv: Vattenförsörjning och avloppsvatten
  en: Water supply and wastewater
"""
# What a copy of the repository holds: the entries, the pages and vocabularies, the theme and
# the site's configuration (the rest of the repository is code, which the copy imports).
COPIED = ("experiments", "content", "theme", "mkdocs.yml")
SOURCE = "https://www.example.fi/kasvukoe/"

EXPERIMENTS: dict[str, str] = {
    "kasvukoe-kotihoidon-etakaynnit": f"""\
---
title: Kotihoidon etäkäynnit
summary: >-
  Sosiaali- ja terveysministeriö kokeili kahdessatoista kunnassa, voiko osan kotihoidon
  käynneistä tehdä kuvapuheluna ilman, että asiakkaiden turvallisuus heikkenee.
translations:
  sv:
    title: Distansbesök inom hemvården
    summary: >-
      Social- och hälsovårdsministeriet prövade i tolv kommuner om en del av hemvårdens besök
      kan göras som videosamtal utan att klienternas trygghet försämras.
level: valtakunnallinen
themes: [ikaantyneet, digitalisaatio, sosiaali-ja-terveyspalvelut]
regions: []
organisers:
  - name: Sosiaali- ja terveysministeriö
    type: ministerio
  - name: Terveyden ja hyvinvoinnin laitos
    type: virasto
status: paattynyt
start: 2020-09
end: 2022-06
funding:
  amount_eur: 3500000
  funder: Sosiaali- ja terveysministeriö
sources:
  - {SOURCE}kotihoito
contact:
  organisation: Sosiaali- ja terveysministeriö
evaluation:
  design: vertailuryhma
  evaluator: Terveyden ja hyvinvoinnin laitos
  status: julkaistu
  reports:
    - {SOURCE}kotihoito/arviointi.pdf
result:
  outcome: osittain
  evidence:
    - https://www.example.fi/kasvukoe/tulos
  summary: >-
    Etäkäynnit säästivät hoitajien ajoaikaa, mutta lääkityksen tarkistus ja haavanhoito
    vaativat edelleen käynnin paikan päällä.
---

Kokeilussa kotihoidon asiakkaat saivat tabletin, jolla hoitaja soitti kuvapuhelun sovittuun
aikaan. Etäkäynniksi muutettiin vain käyntejä, joissa tarkistettiin vointia tai muistutettiin
lääkkeistä.

Vertailuryhmänä olivat samojen kuntien asiakkaat, joiden käynnit pysyivät ennallaan.
""",
    "kasvukoe-nuorten-kesatyoseteli": f"""\
---
title: Nuorten kesätyöseteli Tampereen seudulla
summary: >-
  Seudun kunnat antoivat 16–17-vuotiaille setelin, jonka esittämällä yritys sai tuen nuoren
  kesätyön palkkaan.
translations:
  en:
    title: Summer job voucher for young people in the Tampere region
level: alueellinen
themes: [lapset-ja-nuoret, tyollisyys]
regions: [pirkanmaa]
municipalities: [tampere, nokia, ylojarvi, kangasala, lempaala]
area: Tampereen seutu
organisers:
  - name: Tampereen kaupunki
    type: kunta
status: skaalattu
start: 2019-05-01
end: 2019-08-31
funding:
  amount_min_eur: 200
  amount_max_eur: 400
  funder: Seudun kunnat
  note: Tuki nuorta kohden riippui työsuhteen pituudesta.
sources:
  - {SOURCE}kesatyo
contact:
  organisation: Tampereen kaupunki
  url: https://www.example.fi/tampere
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Kesätyöseteli jaettiin kaikille seudun 16–17-vuotiaille koulujen kautta. Yritys, joka palkkasi
nuoren vähintään kahdeksi viikoksi, sai kunnalta tuen palkkakuluihin.

Seuraavana kesänä seteli otettiin käyttöön myös muissa Pirkanmaan kunnissa.
""",
    "kasvukoe-saariston-vesiosuuskunta": f"""\
---
title: Saariston vesiosuuskunta yhteisen kaivon ylläpitäjänä
summary: >-
  Saaristokylän asukkaat perustivat osuuskunnan, joka huoltaa yhteistä porakaivoa ja mittaa
  veden laatua itse.
translations:
  sv:
    title: Skärgårdens vattenandelslag sköter den gemensamma brunnen
    summary: >-
      Invånarna i en skärgårdsby grundade ett andelslag som sköter den gemensamma borrbrunnen
      och själva mäter vattnets kvalitet.
level: ruohonjuuri
themes: [{THEME}, maaseutu, luonto-ja-vesistot]
regions: [varsinais-suomi]
municipalities: [parainen]
organisers:
  - name: Saariston vesiosuuskunta
    type: jarjesto
status: kaynnissa
start: 2023-04
funding:
  amount_eur: 45000
  amount_precision: noin
  funder: Maa- ja metsätalousministeriö
sources:
  - {SOURCE}vesiosuuskunta
contact:
  organisation: Saariston vesiosuuskunta
evaluation:
  design: ennen-jalkeen
  status: kaynnissa
---

Kylän talot olivat hakeneet vetensä omista kaivoistaan, joista osa kuivui kesäisin. Osuuskunta
porasi yhteisen kaivon ja veti vesijohdon kahteentoista taloon.

Jäsenet ottavat vesinäytteet vuorotellen ja julkaisevat tulokset kylän ilmoitustaululla.
""",
    "kasvukoe-kaukolammon-hukkalampo": f"""\
---
title: Jätevedenpuhdistamon hukkalämpö kaukolämmöksi
summary: >-
  Energiayhtiö kokeili lämpöpumppua, joka otti lämmön puhdistetusta jätevedestä ja siirsi sen
  kaupungin kaukolämpöverkkoon.
translations:
  en:
    title: Waste heat from a wastewater treatment plant for district heating
    summary: >-
      An energy company tested a heat pump that took heat from treated wastewater and fed it
      into the city's district heating network.
level: alueellinen
themes: [ilmasto, {THEME}]
regions: [pohjois-pohjanmaa]
municipalities: [oulu]
organisers:
  - name: Oulun Energia
    type: yritys
status: paattynyt
start: 2021
end: 2023
sources:
  - {SOURCE}hukkalampo
contact:
  organisation: Oulun Energia
evaluation:
  design: laadullinen
result:
  outcome: ei-toiminut
  evidence:
    - https://www.example.fi/kasvukoe/tulos
  summary: >-
    Lämpöpumppu toimi teknisesti, mutta sähkön hinnan noustua lämmön tuottaminen sillä tuli
    kalliimmaksi kuin muilla tavoilla.
---

Lämpöpumppu asennettiin puhdistamon purkuputken viereen. Talvella jäteveden lämpötila laski
niin paljon, että pumpun teho jäi arvioitua pienemmäksi.
""",
    "kasvukoe-kirjaston-kielikahvila": f"""\
---
title: Kirjaston kielikahvila
summary: >-
  Vaasan kaupunginkirjastossa vapaaehtoiset keskustelivat viikoittain suomeksi ja ruotsiksi
  kielen oppijoiden kanssa.
translations:
  sv:
    title: Bibliotekets språkcafé
level: ruohonjuuri
themes: [kotoutuminen, kulttuuri]
regions: [pohjanmaa]
municipalities: [vaasa]
organisers:
  - name: Vaasan kaupunginkirjasto
    type: kunta
  - name: Vaasan kielikahvilan vapaaehtoiset
    type: tuntematon
status: paattynyt
start: 2022-01
end: 2022-12
sources:
  - {SOURCE}kielikahvila
contact:
  organisation: Vaasan kaupunginkirjasto
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
ethics:
  participants: Kahvilaan sai tulla kuka tahansa ilman ilmoittautumista.
---

Kielikahvila kokoontui kirjaston lehtisalissa torstai-iltaisin. Pöydät oli jaettu kielen
mukaan, ja jokaisessa oli yksi vapaaehtoinen keskustelun vetäjä.
""",
    "kasvukoe-kuntouttava-tyotoiminta-verkossa": f"""\
---
title: Kuntouttava työtoiminta verkossa
summary: >-
  Työ- ja elinkeinoministeriö kokeili, voiko osan kuntouttavasta työtoiminnasta järjestää
  verkossa pitkään työttömänä olleille.
translations:
  en:
    title: Rehabilitative work activities online
level: valtakunnallinen
themes: [tyollisyys, digitalisaatio]
regions: []
organisers:
  - name: Työ- ja elinkeinoministeriö
    type: ministerio
legal_basis:
  name: Laki kuntouttavasta työtoiminnasta
status: keskeytetty
start: 2020-03
end: 2020-11
funding:
  funder: Työ- ja elinkeinoministeriö
sources:
  - {SOURCE}tyotoiminta
contact:
  organisation: Työ- ja elinkeinoministeriö
result:
  outcome: liian-aikaista
---

Kokeilu keskeytettiin, kun kunnat siirsivät työvoimansa koronaepidemian hoitoon. Osallistujia
ehti olla mukana vain muutamia kymmeniä.
""",
    "kasvukoe-kouluruoan-kasvisvaihtoehto": f"""\
---
title: Kouluruoan kasvisvaihtoehto joka päivä
summary: >-
  Jyväskylän koulut tarjosivat lukuvuoden ajan joka päivä kasvisvaihtoehdon ja mittasivat,
  väheneekö ruokahävikki.
translations:
  en:
    title: A vegetarian option in school meals every day
    summary: >-
      For a school year, schools in Jyväskylä offered a vegetarian option every day and measured
      whether food waste decreased.
level: alueellinen
themes: [ruoka, lapset-ja-nuoret, kestava-kulutus]
regions: [keski-suomi]
municipalities: [jyvaskyla]
organisers:
  - name: Jyväskylän kaupunki
    type: kunta
status: paattynyt
start: 2018-08
end: 2019-05
funding:
  amount_eur: 12000
  funder: Jyväskylän kaupunki
sources:
  - {SOURCE}kouluruoka
contact:
  organisation: Jyväskylän kaupunki
evaluation:
  design: ennen-jalkeen
  status: julkaistu
  reports:
    - {SOURCE}kouluruoka/raportti
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
  summary: >-
    Lautashävikki väheni kokeilukouluissa noin viidenneksen, ja kasvisvaihtoehdon valitsi
    keskimäärin joka neljäs oppilas.
---

Koulut punnitsivat jäljelle jääneen ruoan joka päivä kaksi kuukautta ennen kokeilua ja koko
kokeilun ajan.
""",
    "kasvukoe-lahiruoka-automaatti": f"""\
---
title: Lähiruoka-automaatti kylän raitilla
summary: >-
  Seinäjoen seudun lähiruokapiiri suunnittelee kylälle automaattia, josta voisi ostaa
  tilojen tuotteita vuorokauden ympäri.
translations:
  sv:
    title: Automat för närproducerad mat på bygatan
level: ruohonjuuri
themes: [ruoka, maaseutu]
regions: [etela-pohjanmaa]
municipalities: [seinajoki]
organisers:
  - name: Seinäjoen seudun lähiruokapiiri
    type: kansalaisryhma
status: idea
start: tuntematon
sources:
  - {SOURCE}lahiruoka
contact:
  organisation: Seinäjoen seudun lähiruokapiiri
---

Idea syntyi, kun kylän ainoa kauppa sulki ovensa. Lähiruokapiiri etsii automaatille paikkaa ja
tilaa, joka huolehtisi sen täyttämisestä.
""",
    "kasvukoe-jatevesien-seuranta": f"""\
---
title: Jätevesien seuranta kansanterveyden apuna
summary: >-
  Terveyden ja hyvinvoinnin laitos seurasi puhdistamoille tulevasta jätevedestä
  taudinaiheuttajia ja huumeiden jäämiä koko maassa.
translations:
  en:
    title: Wastewater monitoring for public health
    summary: >-
      The Finnish Institute for Health and Welfare monitored pathogens and drug residues in the
      wastewater arriving at treatment plants across the country.
level: valtakunnallinen
themes: [hyvinvointi, {THEME}]
regions: []
organisers:
  - name: Terveyden ja hyvinvoinnin laitos
    type: virasto
status: paattynyt
start: 2021-02
end: 2023-12
funding:
  amount_eur: 1200000
  amount_precision: noin
  funder: Sosiaali- ja terveysministeriö
sources:
  - {SOURCE}jatevesi
contact:
  organisation: Terveyden ja hyvinvoinnin laitos
evaluation:
  design: laadullinen
  status: julkaistu
  reports:
    - {SOURCE}jatevesi/loppuraportti.pdf
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Puhdistamot ottivat näytteen kerran viikossa, ja laboratorio analysoi sen kahden päivän
kuluessa. Tulokset julkaistiin avoimena datana.
""",
    "kasvukoe-jatevesien-seuranta-kuopio": f"""\
---
title: Jätevesien seuranta Kuopion ja Iisalmen puhdistamoilla
summary: >-
  Kuopion kaupunki otti osana valtakunnallista seurantaa näytteet kahdelta puhdistamolta
  kahdesti viikossa.
translations:
  sv:
    title: Övervakning av avloppsvatten vid reningsverken i Kuopio och Idensalmi
level: alueellinen
themes: [hyvinvointi, {THEME}]
regions: [pohjois-savo]
municipalities: [kuopio, iisalmi]
organisers:
  - name: Kuopion kaupunki
    type: kunta
status: paattynyt
start: 2021-05
end: 2022-12
part_of: kasvukoe-jatevesien-seuranta
sources:
  - {SOURCE}jatevesi/kuopio
contact:
  organisation: Kuopion kaupunki
result:
  outcome: osittain
  evidence:
    - https://www.example.fi/kasvukoe/tulos
  summary: >-
    Tiheämpi näytteenotto näytti tautiaallon alun muutamaa päivää aiemmin, mutta näytteiden
    kuljetus laboratorioon viivästyi usein.
---

Kuopio liittyi valtakunnalliseen seurantaan ensimmäisten kuntien joukossa ja kokeili
tiheämpää näytteenottoa kuin muut.
""",
    "kasvukoe-saamenkielinen-etaopetus": f"""\
---
title: Saamenkielinen etäopetus
summary: >-
  Opetushallitus ja saamelaiskäräjät kokeilevat saamen kielten opetusta etäyhteydellä
  oppilaille, joiden koulussa ei ole saamen opettajaa.
translations:
  en:
    title: Sámi language teaching at a distance
    summary: >-
      The Finnish National Agency for Education and the Sámi Parliament are testing remote
      teaching of the Sámi languages for pupils whose school has no Sámi teacher.
level: valtakunnallinen
themes: [koulutus, yhdenvertaisuus, digitalisaatio]
regions: [lappi]
municipalities: [inari, sodankyla]
organisers:
  - name: Opetushallitus
    type: virasto
  - name: Saamelaiskäräjät
    type: muu
status: kaynnissa
start: 2022-08
sources:
  - {SOURCE}saame
contact:
  organisation: Opetushallitus
evaluation:
  design: laadullinen
  status: kaynnissa
---

Opettaja pitää tunnit Inarista, ja oppilaat osallistuvat niihin omassa koulussaan. Koulun
aikuinen on luokassa tukena.
""",
    "kasvukoe-kotkan-satama-aurinkosahko": f"""\
---
title: Sataman aurinkosähkö Kotkassa
summary: >-
  Kotkan kaupunki ja satamayhtiö rakensivat varastojen katoille aurinkovoimalan ja kokeilivat
  sähkön jakamista sataman yrityksille.
translations:
  sv:
    title: Solel i hamnen i Kotka
    summary: >-
      Kotka stad och hamnbolaget byggde ett solkraftverk på lagrens tak och prövade att dela
      elen med företagen i hamnen.
level: alueellinen
themes: [ilmasto, yrittajyys]
regions: [kymenlaakso]
municipalities: [kotka]
organisers:
  - name: Kotkan kaupunki
    type: kunta
  - name: Kotkan satamayhtiö
    type: yritys
status: paattynyt
start: 2019
end: 2021
funding:
  amount_min_eur: 150000
  funder: Kotkan kaupunki ja satamayhtiö
sources:
  - {SOURCE}satama
contact:
  organisation: Kotkan kaupunki
evaluation:
  design: ei-arviointia
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Voimala tuotti kesäisin enemmän sähköä kuin varastot käyttivät, ja ylijäämä jaettiin sataman
yrityksille sovitulla hinnalla.
""",
    "kasvukoe-kylakauppa-palvelupisteena": f"""\
---
title: Kyläkauppa kunnan palvelupisteenä
summary: >-
  Suomussalmen kunta ja kyläkauppa kokeilevat, voiko kaupassa hoitaa myös kunnan asioita ja
  noutaa kirjaston varauksia.
translations:
  en:
    title: The village shop as a municipal service point
level: ruohonjuuri
themes: [maaseutu, yhteisollisyys]
regions: [kainuu]
municipalities: [suomussalmi]
organisers:
  - name: Kylän kauppa
    type: yritys
  - name: Suomussalmen kunta
    type: kunta
status: kaynnissa
start: 2024-02
funding:
  amount_eur: 8000
  call: Kokeilun paikka
unconfirmed: [funding.call]
sources:
  - {SOURCE}kylakauppa
contact:
  organisation: Suomussalmen kunta
---

Kaupan nurkkaan tuotiin tietokone ja tulostin, ja kauppias neuvoo asiakkaita kunnan
sähköisissä palveluissa. Kirjastoauto jättää varaukset kauppaan.
""",
    "kasvukoe-taiteilija-hoivakodissa": f"""\
---
title: Taiteilija hoivakodissa
summary: >-
  Mikkelin ja Savonlinnan hoivakodeissa työskenteli puolen vuoden ajan taiteilija, joka
  maalasi ja lauloi asukkaiden kanssa.
translations:
  sv:
    title: Konstnär på vårdhemmet
    summary: >-
      En konstnär arbetade i ett halvår på vårdhem i S:t Michel och Nyslott och målade och sjöng
      tillsammans med de boende.
level: ruohonjuuri
themes: [kulttuuri, ikaantyneet]
regions: [etela-savo]
municipalities: [mikkeli, savonlinna]
organisers:
  - name: Mikkelin taideyhdistys
    type: jarjesto
status: paattynyt
start: 2019-09
end: 2020-03
sources:
  - {SOURCE}taiteilija
contact:
  organisation: Mikkelin taideyhdistys
evaluation:
  design: laadullinen
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
ethics:
  consent: Asukkaat ja heidän omaisensa saivat kieltäytyä kuvaamisesta.
---

Taiteilija kävi kummassakin hoivakodissa kahtena päivänä viikossa. Hoitajat kertoivat
asukkaiden odottaneen taidepäiviä ja puhuneen niistä pitkään.
""",
    "kasvukoe-yhteisomistettu-saunalautta": f"""\
---
title: Yhteisomistettu saunalautta
summary: >-
  Joensuulaiset naapurit rakensivat saunalautan, jota käytettiin varausvuoroin yhden kesän
  ajan Pielisjoella.
translations:
  en:
    title: A jointly owned sauna raft
level: ruohonjuuri
themes: [yhteisollisyys, {THEME}]
regions: [pohjois-karjala]
municipalities: [joensuu]
organisers: tuntematon
status: paattynyt
start: 2021-06
end: 2021-09
sources:
  - {SOURCE}saunalautta
contact: tuntematon
result:
  outcome: tuntematon
---

Lautalla oli puulämmitteinen sauna ja harmaavesien suodatin. Vuorot varattiin kylän
viestiryhmässä.
""",
    "kasvukoe-korkeakoulujen-yhteinen-hakupalvelu": f"""\
---
title: Korkeakoulujen yhteinen jatkuvan haun palvelu
summary: >-
  Opetus- ja kulttuuriministeriö suunnittelee kokeilua, jossa aikuiset voisivat hakea
  yhdellä lomakkeella minkä tahansa korkeakoulun avoimiin opintoihin.
translations:
  sv:
    title: Högskolornas gemensamma tjänst för kontinuerlig ansökan
level: valtakunnallinen
themes: [koulutus, digitalisaatio]
regions: []
organisers:
  - name: Opetus- ja kulttuuriministeriö
    type: ministerio
  - name: Jyväskylän yliopisto
    type: korkeakoulu
status: suunniteltu
start: 2026
sources:
  - {SOURCE}hakupalvelu
contact:
  organisation: Opetus- ja kulttuuriministeriö
---

Palvelu kokoaisi korkeakoulujen avoimet opinnot yhteen hakuun. Kokeilun ehtona on, että
korkeakoulut sopivat yhteisestä hinnoittelusta.
""",
    "kasvukoe-anropsstyrd-skargardsfarja": f"""\
---
title: Anropsstyrd skärgårdsfärja på Åland
summary: >-
  Landskapsregeringen prövade en färja som bara gick när någon hade beställt resan, i stället
  för enligt en fast tidtabell.
language: sv
translations:
  en:
    title: On-demand archipelago ferry in Åland
    summary: >-
      The Government of Åland tested a ferry that only sailed when someone had booked the trip,
      instead of running to a fixed timetable.
level: alueellinen
themes: [liikkuminen, maaseutu]
regions: [ahvenanmaa]
municipalities: [maarianhamina-mariehamn]
organisers:
  - name: Ålands landskapsregering
    type: maakunta
status: paattynyt
start: 2020
end: 2021
sources:
  - {SOURCE}farja
contact:
  organisation: Ålands landskapsregering
result:
  outcome: osittain
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Resenärerna beställde turen senast kvällen före. Färjan sparade bränsle under vintern, men
sommargästerna tyckte att beställningen var krånglig.
""",
    "kasvukoe-maahanmuuttajien-yrittajyysneuvonta": f"""\
---
title: Maahanmuuttajien yrittäjyysneuvonta omalla kielellä
summary: >-
  Espoo ja Turku tarjosivat yritystä perustaville maahanmuuttajille neuvontaa arabiaksi,
  somaliksi, venäjäksi ja englanniksi.
translations:
  en:
    title: Business advice for immigrants in their own language
    summary: >-
      Espoo and Turku offered immigrants starting a business advice in Arabic, Somali, Russian
      and English.
level: alueellinen
themes: [kotoutuminen, yrittajyys]
regions: [uusimaa, varsinais-suomi]
municipalities: [espoo, turku]
organisers:
  - name: Espoon kaupunki
    type: kunta
  - name: Turun kaupunki
    type: kunta
status: skaalattu
start: 2018-01
end: 2019-12
funding:
  amount_min_eur: 50000
  amount_max_eur: 120000
  funder: Työ- ja elinkeinoministeriö
  note: Kumpikin kaupunki sai avustuksen tältä väliltä hakemuksensa mukaan.
sources:
  - {SOURCE}yrittajyys
contact:
  organisation: Espoon kaupunki
evaluation:
  design: vertailuryhma
  status: julkaistu
  reports:
    - {SOURCE}yrittajyys/arviointi
result:
  outcome: toimi
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Neuvojat olivat itse maahanmuuttajataustaisia yrittäjiä. Neuvontaa saaneista useampi perusti
yrityksen kuin vertailuryhmästä.
""",
    "kasvukoe-ikaantyneiden-digituki-kirjastossa": f"""\
---
title: Ikääntyneiden digituki kirjastossa
summary: >-
  Porin senioriyhdistyksen vapaaehtoiset neuvoivat ikääntyneitä pankkitunnusten,
  ajanvarausten ja videopuhelujen käytössä pääkirjastossa.
translations:
  sv:
    title: Digitalt stöd för äldre på biblioteket
level: ruohonjuuri
themes: [ikaantyneet, digitalisaatio]
regions: [satakunta]
municipalities: [pori]
organisers:
  - name: Porin senioriyhdistys
    type: jarjesto
status: paattynyt
start: 2022-03
end: 2022-11
sources:
  - {SOURCE}digituki
contact:
  organisation: Porin senioriyhdistys
result:
  outcome: osittain
  evidence:
    - https://www.example.fi/kasvukoe/tulos
---

Neuvontaa oli kahtena aamupäivänä viikossa. Jonot olivat pitkiä syksyllä, kun kaupunki
siirsi ajanvarauksensa verkkoon.
""",
    "kasvukoe-tekoalyavusteinen-asiointi": f"""\
---
title: Tekoälyavusteinen asiointi verotoimistossa
summary: >-
  Verohallinto kokeilee tekoälyä, joka ehdottaa asiakaspalvelijalle vastauksia yleisimpiin
  kysymyksiin ennen kuin hän vastaa asiakkaalle.
translations:
  en:
    title: AI-assisted customer service at the tax office
level: valtakunnallinen
themes: [tekoaly, julkinen-hallinto]
regions: tuntematon
organisers:
  - name: Verohallinto
    type: virasto
status: kaynnissa
start: 2024-09
scale: vahva-kokeilu
sources:
  - {SOURCE}tekoaly
contact:
  organisation: Verohallinto
evaluation:
  design: vertailuryhma
  status: suunniteltu
---

Asiakaspalvelija näkee ehdotuksen omalla näytöllään ja päättää itse, käyttääkö sitä. Asiakkaan
tiedot eivät poistu Verohallinnon järjestelmistä.
""",
}

# A translated body: the one entry whose Swedish version has its own text.
TRANSLATED_BODIES: dict[str, str] = {
    "kasvukoe-saariston-vesiosuuskunta.sv.md": """\
Byns hus hade hämtat sitt vatten ur egna brunnar, av vilka en del torkade ut om somrarna.
Andelslaget borrade en gemensam brunn och drog en vattenledning till tolv hus.

Medlemmarna tar vattenprov i tur och ordning och publicerar resultaten på byns anslagstavla.
""",
}

LEARNINGS: dict[str, str] = {
    "kasvukoe-etakaynti-ei-korvaa-kaikkia-kaynteja": """\
---
title: Etäkäynti ei korvaa käyntejä, joissa hoitajan pitää koskea
summary: >-
  Kuvapuhelu sopi voinnin tarkistamiseen ja muistutuksiin, mutta lääkityksen tarkistus ja
  haavanhoito vaativat edelleen käynnin paikan päällä.
translations:
  en:
    title: A remote visit does not replace visits where the nurse has to touch
    summary: >-
      A video call worked for checking how clients felt and for reminders, but checking
      medication and treating wounds still required a visit in person.
experiments: [kasvukoe-kotihoidon-etakaynnit]
themes: [ikaantyneet, sosiaali-ja-terveyspalvelut]
kind: tee-toisin
evidence:
  - https://www.example.fi/kasvukoe/raportti
date: 2022-09
---

Valitkaa etäkäynneiksi vain käynnit, joissa ei tarvita käsiä. Muut käynnit kannattaa pitää
ennallaan.
""",
    "kasvukoe-jatevesiseuranta-kannattaa-yhdistaa": """\
---
title: Paikallinen jätevesiseuranta kannattaa kytkeä valtakunnalliseen
summary: >-
  Kuopion tiheämpi näytteenotto hyödytti eniten, kun tulokset julkaistiin samassa muodossa
  kuin valtakunnalliset.
translations:
  sv:
    title: Lokal övervakning av avloppsvatten lönar sig att koppla till den nationella
experiments: [kasvukoe-jatevesien-seuranta, kasvukoe-jatevesien-seuranta-kuopio]
themes: [hyvinvointi, kasvukoe-vesihuolto]
kind: toimi
evidence:
  - https://www.example.fi/kasvukoe/raportti
date: 2024
---

Yhteinen muoto teki paikallisista tuloksista vertailukelpoisia muiden kuntien kanssa.
""",
    "kasvukoe-hukkalammon-hinta-ratkaisi": """\
---
title: Hukkalämmön kannattavuus ratkesi sähkön hinnasta
summary: >-
  Jäteveden lämpöpumppu oli teknisesti toimiva, mutta sen kannattavuus riippui sähkön hinnasta
  enemmän kuin kokeilua suunniteltaessa arvioitiin.
experiments: [kasvukoe-kaukolammon-hukkalampo]
themes: [ilmasto]
kind: ei-toiminut
evidence:
  - https://www.example.fi/kasvukoe/raportti
date: tuntematon
---

Laskekaa kannattavuus usealla sähkön hinnalla ennen investointia.
""",
}


@dataclass(frozen=True)
class Growth:
    """What ``grow`` added: slugs of the experiments and learnings, and the theme id."""

    experiments: tuple[str, ...]
    learnings: tuple[str, ...]
    theme: str

    def urls(self) -> list[str]:
        """Every page the growth adds, in every language of the site."""
        finnish = [f"/kokeilut/{slug}/" for slug in self.experiments]
        finnish += [f"/opit/{slug}/" for slug in self.learnings]
        finnish.append(f"/teemat/{self.theme}/")
        return [url_in(url, code) for url in finnish for code in CODES]


GROWTH = Growth(tuple(EXPERIMENTS), tuple(LEARNINGS), THEME)


def grow(root: Path) -> Growth:
    """Add the growth to the catalogue at ``root`` and rewrite the derived files."""
    schema = load_schema()
    folders = {entry.kind: root / entry.directory for entry in schema.entries}
    files = {folders["experiment"] / f"{slug}.md": text for slug, text in EXPERIMENTS.items()}
    files |= {folders["experiment"] / name: text for name, text in TRANSLATED_BODIES.items()}
    files |= {folders["learning"] / f"{slug}.md": text for slug, text in LEARNINGS.items()}
    for path, text in files.items():
        assert not path.exists(), f"{path.name}: a growth entry may never replace a real one"
        path.write_text(text, encoding="utf-8", newline="\n")
    themes = root / schema.vocabulary_directory / schema.vocabulary("teemat").file
    with themes.open("a", encoding="utf-8", newline="\n") as file:
        file.write(THEME_TERM)
    problems: list = []
    vocabularies = load_vocabularies(root, schema, problems)
    assert problems == [], problems
    write_derived_files(root, schema, vocabularies)
    return GROWTH


GIT_ENV = {
    "GIT_AUTHOR_NAME": "Kasvukoe",
    "GIT_AUTHOR_EMAIL": "kasvukoe@example.fi",
    "GIT_COMMITTER_NAME": "Kasvukoe",
    "GIT_COMMITTER_EMAIL": "kasvukoe@example.fi",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_SYSTEM": os.devnull,
}


def _commit(root: Path, message: str, date: str) -> None:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    for args in (("add", "-A"), ("commit", "-q", "-m", message)):
        subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, check=True)


def grown_copy(repository: Path, root: Path) -> Growth:
    """Copy the repository's catalogue and site to ``root``, commit it, grow it and commit the
    growth (as a pull request would add it on top of the repository)."""
    for name in COPIED:
        source = repository / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            root.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, root / name)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, capture_output=True, check=True)
    _commit(root, "the repository", "2024-01-02T12:00:00+00:00")
    growth = grow(root)
    _commit(root, "the growth", "2024-06-03T12:00:00+00:00")
    return growth
