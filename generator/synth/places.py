"""The places of the synthetic catalogue: the regions and a few municipalities of each, with the
forms the text uses (nominative, genitive, locative), and how often each region is chosen."""

from __future__ import annotations

from generator.core.slug import slugify

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
