"""Deterministic demo data: two NRW welfare hackathons, patronships, a digitalisation programme."""

from __future__ import annotations

import argparse
import bisect
import csv
import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import permutations
from pathlib import Path
from typing import Any

from dashboard import contract

DEFAULT_GRANTS = 667
DEFAULT_SOLUTIONS = 1540  # 40 at the small event + 1,500 at the large one
DEFAULT_SEED = 2020
FORMATS = ("csv", "parquet")
REFERENCE_DISTRICTS = Path(__file__).resolve().parents[1] / "data/reference/nrw_districts.csv"

SMALL_EVENT_SOLUTIONS = 40
SMALL_EVENT_CHALLENGES = 21
SMALL_EVENT_WINNERS = 3
SMALL_EVENT_FINALISTS = 5
SMALL_EVENT_PARTICIPANTS = 331
PLEDGE_DAY = date(2020, 4, 26)  # award ceremony of the small event

PROGRAMME = "Zugänge erhalten – Digitalisierung stärken (Beispiel)"
FUNDER = "Stiftung Wohlfahrtspflege NRW (Beispiel)"
GRANT_MIN, GRANT_CAP, GRANT_MEAN, CAP_SHARE = 5_000, 100_000, 63_700, 0.35
CENT = Decimal("0.01")

Columns = dict[str, list[Any]]

# Vocabulary tables below are packed by hand; one item per line would bury them.
# fmt: off

ACTION_FIELDS = (
    ("KJF", "Kinder, Jugend und Familie", "Children, youth and family",
     "Angebote für Kinder, Jugendliche und Familien – von der Kita über die offene "
     "Ganztagsschule bis zur Erziehungsberatung.",
     "Services for children, young people and families – from day care and all-day schools "
     "to parenting advice."),
    ("EGH", "Eingliederungshilfe (Menschen mit Behinderung)", "Disability support",
     "Unterstützung für Menschen mit Behinderung beim Wohnen, Arbeiten und bei der Teilhabe am "
     "gesellschaftlichen Leben.",
     "Support for people with disabilities in housing, work and taking part in society."),
    ("AP", "Alter und Pflege", "Old age and care",
     "Pflege und Begleitung älterer Menschen im Heim, in der Tagespflege und zu Hause sowie "
     "Entlastung pflegender Angehöriger.",
     "Care and companionship for older people in care homes, day care and at home, and relief "
     "for family carers."),
    ("WA", "Wohnungslosen- und Armutshilfe", "Homelessness and poverty",
     "Hilfen für wohnungslose und arme Menschen, etwa Fachberatung, Notschlafstellen, Tafeln "
     "und Straßensozialarbeit.",
     "Help for homeless and poor people, such as advice centres, night shelters, food banks "
     "and street work."),
    ("SB", "Sucht- und Beratungsdienste", "Addiction and counselling services",
     "Sucht-, Schuldner-, Lebens- und Schwangerschaftsberatung und weitere Beratungsdienste.",
     "Addiction, debt, life and pregnancy counselling and other advisory services."),
    ("MI", "Migration und Integration", "Migration and integration",
     "Beratung und Begleitung von Zugewanderten und Geflüchteten, Sprachförderung und "
     "interkulturelle Öffnung.",
     "Advice and support for immigrants and refugees, language support and intercultural "
     "opening."),
)
FIELD_CODES = tuple(row[0] for row in ACTION_FIELDS)

ASSOCIATIONS = (
    ("AWO", "Arbeiterwohlfahrt (AWO)", "Workers' Welfare Association (AWO)"),
    ("CARITAS", "Deutscher Caritasverband", "German Caritas Association"),
    ("PARITAET", "Der Paritätische", "The Paritätische (German Parity Welfare Association)"),
    ("DRK", "Deutsches Rotes Kreuz (DRK)", "German Red Cross (DRK)"),
    ("DIAKONIE", "Diakonie", "Diakonie (Protestant welfare)"),
    ("ZWST", "Zentralwohlfahrtsstelle der Juden in Deutschland (ZWST)",
     "Central Welfare Board of Jews in Germany (ZWST)"),
    ("OTHER", "Sonstige Träger", "Other providers"),
)
ASSOCIATION_CODES = tuple(row[0] for row in ASSOCIATIONS)
# Rough shares among NRW welfare providers: the two church associations are the largest.
ASSOCIATION_WEIGHTS = (15, 26, 22, 9, 24, 1.5, 2.5)

EVENTS = (
    ("E1", "SozialHack NRW – 24 Stunden gegen Corona", "hackathon",
     date(2020, 4, 17), date(2020, 4, 18)),
    ("E2", "#GemeinsamFürNRW Hackathon", "hackathon", date(2020, 5, 15), date(2020, 5, 17)),
    ("E3", PROGRAMME, "programme", date(2020, 5, 4), date(2021, 12, 31)),
)

# ags: (population in thousands as weight, towns of a Kreis, quarters of a big city)
DISTRICT_DETAILS: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "05111": (620, (), ("Bilk", "Garath", "Eller", "Flingern", "Rath")),
    "05112": (495, (), ("Marxloh", "Hochfeld", "Rheinhausen", "Meiderich")),
    "05113": (580, (), ("Nord", "Altenessen", "Steele", "Katernberg", "Rüttenscheid")),
    "05114": (225, (), ()),
    "05116": (260, (), ("Rheydt", "Hardt")),
    "05117": (170, (), ()),
    "05119": (210, (), ("Sterkrade", "Osterfeld")),
    "05120": (110, (), ()),
    "05122": (160, (), ()),
    "05124": (355, (), ("Elberfeld", "Barmen", "Vohwinkel")),
    "05154": (310, ("Kleve", "Goch", "Geldern", "Emmerich am Rhein", "Kevelaer"), ()),
    "05158": (485, ("Ratingen", "Velbert", "Hilden", "Langenfeld", "Mettmann", "Erkrath"), ()),
    "05162": (450, ("Neuss", "Grevenbroich", "Dormagen", "Meerbusch", "Kaarst"), ()),
    "05166": (298, ("Viersen", "Nettetal", "Willich", "Kempen", "Tönisvorst"), ()),
    "05170": (460, ("Wesel", "Moers", "Dinslaken", "Kamp-Lintfort", "Voerde"), ()),
    "05314": (330, (), ("Bad Godesberg", "Beuel", "Tannenbusch")),
    "05315": (1085, (), ("Ehrenfeld", "Kalk", "Chorweiler", "Nippes", "Porz", "Mülheim")),
    "05316": (163, (), ()),
    "05334": (555, ("Aachen", "Eschweiler", "Stolberg", "Herzogenrath", "Alsdorf", "Würselen"),
              ()),
    "05358": (265, ("Düren", "Jülich", "Kreuzau", "Nideggen"), ()),
    "05362": (470, ("Kerpen", "Bergheim", "Hürth", "Frechen", "Brühl", "Erftstadt"), ()),
    "05366": (193, ("Euskirchen", "Mechernich", "Zülpich", "Schleiden"), ()),
    "05370": (255, ("Heinsberg", "Erkelenz", "Geilenkirchen", "Hückelhoven"), ()),
    "05374": (272, ("Gummersbach", "Wiehl", "Radevormwald", "Wipperfürth"), ()),
    "05378": (283, ("Bergisch Gladbach", "Leichlingen", "Overath", "Wermelskirchen"), ()),
    "05382": (600, ("Siegburg", "Troisdorf", "Sankt Augustin", "Bornheim", "Hennef (Sieg)"), ()),
    "05512": (117, (), ()),
    "05513": (260, (), ("Buer", "Ückendorf", "Horst")),
    "05515": (315, (), ("Kinderhaus", "Hiltrup", "Coerde")),
    "05554": (370, ("Borken", "Bocholt", "Ahaus", "Gronau (Westf.)", "Stadtlohn"), ()),
    "05558": (220, ("Coesfeld", "Dülmen", "Lüdinghausen", "Nottuln"), ()),
    "05562": (615, ("Recklinghausen", "Marl", "Gladbeck", "Dorsten", "Castrop-Rauxel", "Herten"),
              ()),
    "05566": (450, ("Rheine", "Ibbenbüren", "Steinfurt", "Emsdetten", "Greven"), ()),
    "05570": (277, ("Ahlen", "Warendorf", "Beckum", "Oelde"), ()),
    "05711": (334, (), ("Sennestadt", "Brackwede", "Baumheide")),
    "05754": (364, ("Gütersloh", "Rheda-Wiedenbrück", "Verl", "Harsewinkel"), ()),
    "05758": (250, ("Herford", "Bünde", "Löhne", "Vlotho"), ()),
    "05762": (140, ("Höxter", "Brakel", "Warburg", "Bad Driburg"), ()),
    "05766": (348, ("Detmold", "Lemgo", "Bad Salzuflen", "Lage"), ()),
    "05770": (310, ("Minden", "Bad Oeynhausen", "Lübbecke", "Porta Westfalica"), ()),
    "05774": (307, ("Paderborn", "Delbrück", "Büren", "Bad Lippspringe"), ()),
    "05911": (365, (), ("Wattenscheid", "Langendreer", "Gerthe")),
    "05913": (588, (), ("Nordstadt", "Hörde", "Scharnhorst", "Eving")),
    "05914": (188, (), ()),
    "05915": (179, (), ()),
    "05916": (156, (), ()),
    "05954": (324, ("Witten", "Hattingen", "Schwelm", "Gevelsberg", "Ennepetal"), ()),
    "05958": (260, ("Arnsberg", "Meschede", "Sundern", "Brilon", "Schmallenberg"), ()),
    "05962": (412, ("Lüdenscheid", "Iserlohn", "Menden (Sauerland)", "Hemer", "Plettenberg"), ()),
    "05966": (134, ("Olpe", "Attendorn", "Lennestadt", "Finnentrop"), ()),
    "05970": (278, ("Siegen", "Kreuztal", "Bad Berleburg", "Netphen"), ()),
    "05974": (301, ("Soest", "Lippstadt", "Werl", "Warstein"), ()),
    "05978": (394, ("Unna", "Lünen", "Kamen", "Schwerte", "Bergkamen", "Selm"), ()),
}

# fmt: on


# ---------------------------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------------------------


class Picker:
    """Uniform and weighted picks from one seeded Random, cheaper per row than rng.choice(s)."""

    def __init__(self, rng: random.Random) -> None:
        self.random = rng.random

    def __call__(self, seq: Sequence[Any]) -> Any:
        return seq[int(self.random() * len(seq))]

    def weighted(self, seq: Sequence[Any], cum_weights: Sequence[float]) -> Any:
        return seq[bisect.bisect(cum_weights, self.random() * cum_weights[-1], 0, len(seq) - 1)]


def _cumulate(weights: Iterable[float]) -> list[float]:
    total, out = 0.0, []
    for w in weights:
        total += w
        out.append(total)
    return out


def _covering(
    rng: random.Random, values: Sequence[Any], cum_weights: Sequence[float], k: int
) -> list[Any]:
    """k weighted draws that hold every value at least once when k allows, in random order."""
    if k < len(values):
        return rng.choices(values, cum_weights=cum_weights, k=k)
    drawn = list(values) + rng.choices(values, cum_weights=cum_weights, k=k - len(values))
    rng.shuffle(drawn)
    return drawn


def _distinct_indices(rng: random.Random, n: int, total: int) -> list[int]:
    """n indices below total without repeats until all are used, so titles rarely repeat."""
    out: list[int] = []
    while len(out) < n:
        out += rng.sample(range(total), min(total, n - len(out)))
    return out


def _distinct_combinations(
    rng: random.Random, keys: Sequence[str], parts: Callable[[str], Sequence[Sequence[Any]]]
) -> list[tuple[Any, ...]]:
    """Per row, one combination of the key's vocabularies (one item of each), drawn without
    repeats per key; combinations are decoded from an index rather than all built."""
    out: list[tuple[Any, ...]] = [()] * len(keys)
    for key in sorted(set(keys)):
        rows = [i for i, k in enumerate(keys) if k == key]
        vocabularies = parts(key)
        total = 1
        for vocabulary in vocabularies:
            total *= len(vocabulary)
        for row, index in zip(rows, _distinct_indices(rng, len(rows), total), strict=True):
            combination = []
            for vocabulary in reversed(vocabularies):
                index, item = divmod(index, len(vocabulary))
                combination.append(vocabulary[item])
            out[row] = tuple(reversed(combination))
    return out


def _subset(rng: random.Random, values: Sequence[str], k: int) -> list[str]:
    """k distinct values, kept in their canonical order for readable cells."""
    return [values[i] for i in sorted(rng.sample(range(len(values)), min(k, len(values))))]


def _ids(prefix: str, n: int, width: int) -> list[str]:
    width = max(width, len(str(n)))
    return [f"{prefix}{i:0{width}d}" for i in range(1, n + 1)]


def _money(euros: int) -> Decimal:
    return Decimal(euros).quantize(CENT)


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def _rows_to_columns(rows: Sequence[Sequence[Any]], table_name: str) -> Columns:
    names = contract.table(table_name).column_names
    return {name: [row[i] for row in rows] for i, name in enumerate(names)}


# ---------------------------------------------------------------------------------------------
# Volumes
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Volume:
    """How many rows each table gets; everything follows from grants and solutions."""

    grants: int
    solutions: int

    @property
    def e1_solutions(self) -> int:
        return min(SMALL_EVENT_SOLUTIONS, max(1, self.solutions // 2))

    @property
    def e2_solutions(self) -> int:
        return self.solutions - self.e1_solutions

    @property
    def e1_challenges(self) -> int:
        return min(SMALL_EVENT_CHALLENGES, self.e1_solutions)

    @property
    def e2_challenges(self) -> int:
        return max(1, round(self.e2_solutions / 3.75))

    @property
    def recipients(self) -> int:
        return max(1, round(self.grants * 653 / 667))  # 667 grants went to 653 providers

    @property
    def posters(self) -> int:
        return max(1, round((self.e1_challenges + self.e2_challenges) * 0.8))

    @property
    def patrons(self) -> int:
        return 25 + max(0, self.solutions - DEFAULT_SOLUTIONS) // 2000


# ---------------------------------------------------------------------------------------------
# Geography
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class District:
    """One district with what the generator needs to place organisations in it."""

    ags: str
    name: str
    weight: int
    towns: tuple[str, ...]
    quarters: tuple[str, ...]
    label: str  # how an organisation's name refers to the district, e.g. "Kreis Unna"


@dataclass(frozen=True)
class Geography:
    """The districts as read from the reference file, with population weights."""

    rows: tuple[tuple[str, str, str, str], ...]
    districts: tuple[District, ...]
    cum_weights: tuple[float, ...]

    def draw(self, rng: random.Random, k: int) -> list[District]:
        return rng.choices(self.districts, cum_weights=self.cum_weights, k=k)

    def covering(self, rng: random.Random, k: int) -> list[District]:
        return _covering(rng, self.districts, self.cum_weights, k)


def load_geography(path: Path = REFERENCE_DISTRICTS) -> Geography:
    """Read the district reference file (the AGS stays text with its leading zero)."""
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = tuple(
            (r["ags"], r["name"], r["kind"], r["regierungsbezirk"]) for r in csv.DictReader(f)
        )
    districts = tuple(_district(ags, name, kind) for ags, name, kind, _ in rows)
    return Geography(rows, districts, tuple(_cumulate(d.weight for d in districts)))


def _district(ags: str, name: str, kind: str) -> District:
    weight, towns, quarters = DISTRICT_DETAILS.get(ags, (250, (), ()))
    if kind != "Kreis" or "Kreis" in name or "Städteregion" in name:
        label = name
    else:
        label = f"Kreis {name}"
    return District(ags, name, weight, towns or (name,), quarters, label)


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrgType:
    """A kind of welfare facility: its action field and how names and texts refer to it."""

    name: str
    field: str
    weight: float
    words: tuple[str, ...]  # used inside organisation names
    elements: tuple[str, ...]  # the distinctive part of a name ("Regenbogen", "Haus am Park")
    indefinite: str  # "eine Kita", for challenge texts
    grant_object: str  # "die Kita {element}", for grant titles


def _split(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# fmt: off
ORG_TYPES = tuple(OrgType(name, field, weight, _split(words), _split(elements), indefinite, obj)
                  for name, field, weight, words, elements, indefinite, obj in (
    ("Kita", "KJF", 12, "Kita|Kindertagesstätte|Kindergarten",
     "Regenbogen|Sonnenschein|Pusteblume|Kunterbunt|Löwenzahn|Arche Noah|Zwergenland|"
     "Sternschnuppe|Spatzennest|Wirbelwind|Purzelbaum|Abenteuerland|St. Marien|St. Josef|"
     "Rappelkiste|Schatzkiste|Lindenstraße|Gartenstraße|Am Mühlenbach|Sonnenblume",
     "eine Kita", "die Kita {element}"),
    ("Familienzentrum", "KJF", 5, "Familienzentrum",
     "Regenbogen|Am Park|Nordstadt|Kleeblatt|Mittendrin|St. Michael|Arche|Lummerland",
     "ein Familienzentrum", "das Familienzentrum {element}"),
    ("Offene Ganztagsschule", "KJF", 6, "OGS|Offene Ganztagsschule",
     "Lindenschule|Regenbogenschule|Schillerschule|Overbergschule|Astrid-Lindgren-Schule|"
     "Pestalozzischule|Erich-Kästner-Schule|Matthias-Claudius-Schule|Grundschule Am Wald|"
     "Grundschule Kirchstraße",
     "eine offene Ganztagsschule", "die OGS {element}"),
    ("Jugendzentrum", "KJF", 6, "Jugendzentrum|Jugendtreff|Jugendhaus|Kinder- und Jugendzentrum",
     "Alte Post|Oase|Come In|Treffpunkt Nord|Kraftwerk|Checkpoint|Die Insel|Teestube|"
     "Café Klatsch|Bahnhof",
     "ein Jugendzentrum", "das Jugendzentrum {element}"),
    ("Erziehungsberatung", "KJF", 3,
     "Erziehungsberatungsstelle|Beratungsstelle für Eltern, Kinder und Jugendliche",
     "Lotse|Kompass|Leuchtturm|Brücke|Am Markt",
     "eine Erziehungsberatungsstelle", "die Erziehungsberatung {element}"),
    ("Sportverein", "KJF", 3, "Sportverein",
     "Adler|Arminia|Germania|Eintracht|Concordia|Fortuna|Westfalia|Rhenania",
     "ein Sportverein", "den Sportverein in {town}"),
    ("Werkstatt für Menschen mit Behinderung", "EGH", 4,
     "Werkstatt|Werkstätten|Werkstatt für Menschen mit Behinderung",
     "Am Hafen|Am Hellweg|Haus Bethesda|St. Vincenz|Ruhrtal|Lippeaue|Werkhof|Gartenwerk|Mosaik",
     "eine Werkstatt für Menschen mit Behinderung", "die Werkstatt {element}"),
    ("Wohnstätte", "EGH", 4, "Wohnstätte|Wohnheim|Wohnverbund",
     "Haus Lindenhof|Am Kirchberg|Haus Sonnenhang|Villa Mittendrin|Haus Regenbogen|"
     "Wohnen am Bach|Haus Emmaus|Haus St. Franziskus",
     "eine Wohnstätte für Menschen mit Behinderung", "die Wohnstätte {element}"),
    ("Ambulant Betreutes Wohnen", "EGH", 3, "Ambulant Betreutes Wohnen|Betreutes Wohnen",
     "Mittendrin|Selbstbestimmt|im Quartier|Brücke|Nord",
     "ein Dienst für ambulant betreutes Wohnen", "das Betreute Wohnen {element}"),
    ("Tagesstätte", "EGH", 2, "Tagesstätte|Kontakt- und Beratungsstelle",
     "Lichtblick|Atempause|Oase|Haltestelle|Anker",
     "eine Tagesstätte für Menschen mit psychischer Erkrankung", "die Tagesstätte {element}"),
    ("Pflegeheim", "AP", 9, "Seniorenzentrum|Altenheim|Pflegeheim|Seniorenheim|Altenpflegeheim",
     "Haus am Park|Haus Abendsonne|St. Josef|Haus Elisabeth|Am Mühlenbach|Lindenhof|"
     "Haus Rheinblick|St. Anna|Haus Simeon|Am Stadtgarten|Haus Ruhrblick|"
     "Haus an der Bahnhofstraße|Kastanienhof|St. Hedwig|Haus Salem|Marie-Juchacz-Haus|"
     "Haus an der Mühlenstraße",
     "ein Pflegeheim", "das Seniorenzentrum {element}"),
    ("Ambulanter Pflegedienst", "AP", 6, "Pflegedienst|Ambulanter Pflegedienst|Sozialstation",
     "Nord|Mitte|Am Dom|Rhein-Ruhr|Zuhause|St. Martin|Lebensnah",
     "ein ambulanter Pflegedienst", "den Pflegedienst {element}"),
    ("Tagespflege", "AP", 3, "Tagespflege",
     "Am Brunnen|Lebensbaum|Sonnenuhr|Kastanienhof|Zeitlos|Altstadt",
     "eine Tagespflege", "die Tagespflege {element}"),
    ("Seniorenbegegnungsstätte", "AP", 3,
     "Seniorenbegegnungsstätte|Seniorentreff|Begegnungszentrum",
     "Café Kränzchen|Treffpunkt Mitte|Alte Schule|Netzwerk 60plus|Mehrgenerationenhaus",
     "eine Begegnungsstätte für ältere Menschen", "die Begegnungsstätte {element}"),
    ("Wohnungslosenhilfe", "WA", 5,
     "Wohnungslosenhilfe|Fachberatung für Wohnungslose|Tagesaufenthalt|Notschlafstelle",
     "Gleis 1|Café Bahnhofstraße|Haus Horizont|Am Hafen|Nachtcafé|Anlaufstelle Mitte|"
     "Die Brücke|Straßenengel",
     "eine Einrichtung der Wohnungslosenhilfe", "die Wohnungslosenhilfe {element}"),
    ("Tafel", "WA", 2, "Tafel|Lebensmittelausgabe",
     "Ausgabestelle Nord|Ausgabestelle Süd|Ausgabestelle Mitte",
     "eine Tafel", "die Tafel, {element}"),
    ("Bahnhofsmission", "WA", 1, "Bahnhofsmission", "Hauptbahnhof",
     "eine Bahnhofsmission", "die Bahnhofsmission am {element}"),
    ("Arbeitslosenzentrum", "WA", 2,
     "Arbeitslosenzentrum|Erwerbslosenberatung|Beschäftigungsprojekt",
     "Neue Arbeit|Perspektive|Werkstatt Zukunft|Chance|Startklar",
     "ein Arbeitslosenzentrum", "das Arbeitslosenzentrum {element}"),
    ("Suchtberatung", "SB", 4,
     "Suchtberatung|Fachstelle Sucht|Suchtberatungsstelle|Drogenberatung",
     "Neustart|Kompass|Wendepunkt|Horizont|Klarsicht|Nord",
     "eine Suchtberatungsstelle", "die Suchtberatung {element}"),
    ("Suchthilfe", "SB", 2, "Suchthilfe|Suchthilfezentrum|Kontaktcafé",
     "Café Relax|Krisenhilfe|Lichtblick|Ankerplatz",
     "eine Einrichtung der Suchthilfe", "die Suchthilfe {element}"),
    ("Schuldnerberatung", "SB", 2, "Schuldnerberatung|Schuldner- und Insolvenzberatung",
     "Mitte|Perspektive|Neuanfang|Nord",
     "eine Schuldnerberatung", "die Schuldnerberatung {element}"),
    ("Beratungsstelle", "SB", 4,
     "Lebensberatung|Ehe-, Familien- und Lebensberatung|Schwangerschaftsberatung|Beratungsstelle",
     "Am Dom|Im Zentrum|Offene Tür|Lotsenpunkt|Haus der Beratung",
     "eine Beratungsstelle", "die Beratungsstelle {element}"),
    ("Migrationsdienst", "MI", 4, "Migrationsdienst|Migrationsberatung|Jugendmigrationsdienst",
     "Mitte|Nord|Brückenschlag|Ankommen|Vielfalt",
     "ein Migrationsdienst", "den Migrationsdienst {element}"),
    ("Integrationsagentur", "MI", 2, "Integrationsagentur|Interkulturelles Zentrum",
     "Miteinander|Bunt|Weltoffen|Begegnung",
     "eine Integrationsagentur", "die Integrationsagentur {element}"),
    ("Flüchtlingsberatung", "MI", 3, "Flüchtlingsberatung|Beratungsstelle für Geflüchtete",
     "Ankommen|Neue Heimat|Willkommen|Café International|Zuflucht",
     "eine Flüchtlingsberatung", "die Flüchtlingsberatung {element}"),
))
SPORTS = "Sportverein"
# The Jewish welfare board runs a narrower range of services than the large associations.
ZWST_TYPES = ("Kita", "Jugendzentrum", "Seniorenbegegnungsstätte", "Ambulanter Pflegedienst",
              "Beratungsstelle", "Migrationsdienst", "Integrationsagentur")
NAME_TEMPLATES = {
    "AWO": ("AWO {word} {element} {place}", "AWO {word} {element}, {place}", "AWO-{word} {place}"),
    "CARITAS": ("Caritas-{word} {place}", "Caritas {word} {element} {place}",
                "{word} {element} des Caritasverbandes {place}"),
    "PARITAET": ("{word} {element} e. V., {place}", "Verein {element} e. V. – {word} {place}",
                 "{word} {element} gGmbH, {place}", "Sozialwerk {place} e. V. – {word}"),
    "DRK": ("DRK-{word} {element}, {place}", "DRK {word} {place}",
            "{word} {element} des DRK {place}"),
    "DIAKONIE": ("Diakonie {word} {place}", "Ev. {word} {element} {place}",
                 "Diakonisches Werk {place} – {word} {element}"),
    "ZWST": ("{word} der Jüdischen Gemeinde {place}", "Jüdische Gemeinde {place} – {word}"),
    "OTHER": ("{word} {element} {place} gGmbH", "Bürgerverein {place} e. V. – {word}",
              "{word} {element} e. V., {place}"),
    SPORTS: ("TuS {town} {year} e. V.", "SV Blau-Weiß {town} e. V.",
             "Turnverein {town} {year} e. V.", "DJK {element} {town} e. V.",
             "SC Grün-Weiß {town} {year} e. V.", "Sportfreunde {town} e. V."),
}
# fmt: on


@dataclass
class Organisations:
    """Organisation columns plus what later tables reuse (type, district, town, element)."""

    ids: list[str]
    names: list[str]
    associations: list[str]
    types: list[OrgType]
    districts: list[District]
    towns: list[str]
    elements: list[str]

    def columns(self) -> Columns:
        return {
            "org_id": self.ids,
            "name": self.names,
            "association": self.associations,
            "org_type": [t.name for t in self.types],
            "district_ags": [d.ags for d in self.districts],
        }


def _type_sampler(association: str) -> tuple[tuple[OrgType, ...], list[float]]:
    if association == "ZWST":
        types = tuple(t for t in ORG_TYPES if t.name in ZWST_TYPES)
    elif association == "OTHER":
        types = ORG_TYPES
    else:
        types = tuple(t for t in ORG_TYPES if t.name != SPORTS)
    # Sports clubs belong to no welfare association, so they make up much of "OTHER".
    return types, _cumulate(30.0 if t.name == SPORTS else t.weight for t in types)


def _place(pick: Picker, district: District, town: str) -> str:
    roll = pick.random()
    if district.quarters and roll < 0.3:
        return f"{town}-{pick(district.quarters)}"
    if len(district.towns) > 1 and roll < 0.15:
        return district.label
    return town


def build_organisations(
    rng: random.Random, geo: Geography, recipients: int, posters: int
) -> Organisations:
    """Grant recipients first (covering every district and association), then challenge posters."""
    pick = Picker(rng)
    weights = _cumulate(ASSOCIATION_WEIGHTS)
    associations = _covering(rng, ASSOCIATION_CODES, weights, recipients)
    associations += rng.choices(ASSOCIATION_CODES, cum_weights=weights, k=posters)
    districts = geo.covering(rng, recipients) + geo.draw(rng, posters)
    samplers = {code: _type_sampler(code) for code in ASSOCIATION_CODES}
    orgs = Organisations(_ids("O", len(districts), 5), [], associations, [], districts, [], [])
    for association, district in zip(associations, districts, strict=True):
        org_type = pick.weighted(*samplers[association])
        town = pick(district.towns)
        element = pick(org_type.elements)
        template = pick(NAME_TEMPLATES[SPORTS if org_type.name == SPORTS else association])
        place = _place(pick, district, town)
        year = 1880 + int(pick.random() * 110)
        word = pick(org_type.words)
        orgs.names.append(
            template.format(word=word, element=element, town=town, place=place, year=year)
        )
        orgs.types.append(org_type)
        orgs.towns.append(town)
        orgs.elements.append(element)
    return orgs


# ---------------------------------------------------------------------------------------------
# Challenges
# ---------------------------------------------------------------------------------------------

# fmt: off
CHALLENGE_NEEDS = {
    "KJF": _split("Digitale Hausaufgabenhilfe für Kinder|Kontakt zu Familien halten|"
                  "Online-Elterncafé|Offene Jugendarbeit|Bewegungsangebote für Kinder|"
                  "Lernbegleitung für Grundschulkinder|Beratung für Eltern in Krisen|"
                  "Vorlesen und Sprachförderung|Kinderschutz im Blick behalten|"
                  "Training für Jugendliche im Sportverein|Ferienprogramm|"
                  "Austausch mit Kita-Eltern|Jugendberatung per Chat|"
                  "Gruppenangebote für Alleinerziehende"),
    "EGH": _split("Tagesstruktur für Werkstattbeschäftigte|Barrierefreie Informationen zu Corona|"
                  "Kontakt zu Bewohnerinnen und Bewohnern im Wohnheim|"
                  "Unterstützte Kommunikation per Video|Arbeitsangebote für Beschäftigte|"
                  "Beratung in Leichter Sprache|Freizeitangebote für Menschen mit Behinderung|"
                  "Assistenz im Alltag|Gruppenangebote für Menschen mit psychischer Erkrankung|"
                  "Teilhabe an Kultur und Freizeit|Einkaufen mit Assistenzbedarf"),
    "AP": _split("Kontakt zu Bewohnerinnen im Pflegeheim|Videotelefonie mit Angehörigen|"
                 "Einkaufshilfe für Seniorinnen und Senioren|Entlastung für pflegende Angehörige|"
                 "Beschäftigung für Menschen mit Demenz|Dienstplanung im Pflegedienst|"
                 "Seelsorge im Altenheim|Bewegung und Gedächtnistraining|"
                 "Gottesdienst für Seniorinnen und Senioren|"
                 "Schulung der Altenpflege in digitaler Dokumentation|"
                 "Nachbarschaftshilfe für Ältere|Sterbebegleitung|Einarbeitung neuer Pflegekräfte"),
    "WA": _split("Beratung für Wohnungslose|Essensausgabe|Notübernachtung|"
                 "Hygieneangebote für Menschen auf der Straße|"
                 "Postadresse und Erreichbarkeit für Wohnungslose|Straßensozialarbeit|"
                 "Lebensmittelausgabe der Tafel|Hilfe beim Antrag auf Grundsicherung|"
                 "Aufsuchende Hilfe für Menschen in Wohnungsnot|"
                 "Medizinische Versorgung Wohnungsloser|Kleiderkammer"),
    "SB": _split("Suchtberatung|Schuldnerberatung|Gruppenangebote der Selbsthilfe|"
                 "Schwangerschaftsberatung|Krisenberatung|Beratung bei häuslicher Gewalt|"
                 "Kontakt zu Substituierten|Beratung für Jugendliche mit Suchtproblemen|"
                 "Nachsorge nach der Therapie|Erreichbarkeit der Beratungsstelle|Paarberatung"),
    "MI": _split("Mehrsprachige Corona-Informationen|Sprachkurs|"
                 "Hausaufgabenhilfe für geflüchtete Kinder|Beratung zu Aufenthalt und Asyl|"
                 "Kontakt zu Geflüchteten in Gemeinschaftsunterkünften|"
                 "Dolmetschen in der Beratung|Begleitung zu Behörden|Frauencafé für Migrantinnen|"
                 "Unterstützung bei Bewerbungen|Integrationskurs"),
}
COMMON_CONSTRAINTS = ("trotz Kontaktsperre|während der Corona-Pandemie|im ländlichen Raum|"
                      "ohne Budget|mit Ehrenamtlichen|in der Quarantäne|"
                      "ohne eigene IT-Abteilung|auch nach der Pandemie")
CHALLENGE_CONSTRAINTS = {field: _split(f"{specific}|{COMMON_CONSTRAINTS}") for field, specific in (
    ("KJF", "ohne Endgerät zu Hause|bei geschlossener Kita|während der Schulschließung|"
            "ohne Sporthalle|für Familien ohne WLAN|in beengten Wohnungen"),
    ("EGH", "trotz geschlossener Werkstatt|für Menschen mit Sehbehinderung|"
            "für gehörlose Menschen|ohne Assistenz vor Ort|mit einfacher Bedienung"),
    ("AP", "trotz Besuchsverbot|ohne eigenes Smartphone|bei Quarantäne im Wohnbereich|"
           "mit wenig Personal|ohne WLAN im Haus|für Menschen mit Hörminderung"),
    ("WA", "ohne Smartphone|mit Abstand und Hygieneregeln|bei geschlossenem Tagesaufenthalt|"
           "ohne festen Wohnsitz|nach Schließung der Ämter"),
    ("SB", "per Video und datenschutzkonform|ohne persönlichen Termin|anonym und sicher|"
           "bei geschlossener Beratungsstelle|für Menschen ohne Computer"),
    ("MI", "in vielen Sprachen|ohne WLAN in der Unterkunft|für Menschen ohne Deutschkenntnisse|"
           "per Messenger|ohne Dolmetscherin vor Ort"),
)}
CLIENTS = {
    "KJF": _split("Kinder und ihre Familien|Kinder und Jugendliche aus dem Stadtteil|"
                  "Familien mit kleinen Kindern|Schulkinder im Ganztag"),
    "EGH": _split("Menschen mit geistiger Behinderung|Menschen mit psychischer Erkrankung|"
                  "Beschäftigte mit Behinderung"),
    "AP": _split("ältere Menschen und ihre Angehörigen|Menschen mit "
                 "Pflegebedarf|Menschen mit Demenz|pflegende Angehörige"),
    "WA": _split("Menschen ohne Wohnung|Menschen, die auf der Straße leben|Familien in Armut"),
    "SB": _split("Menschen mit Suchterkrankung|Ratsuchende in Krisen|überschuldete Haushalte"),
    "MI": _split("Geflüchtete und Zugewanderte|Familien aus über 30 Ländern|"
                 "junge Menschen mit Migrationsgeschichte"),
}
PROBLEMS = {
    "KJF": ("Seit der Schließung erreichen wir viele Kinder nur noch über die Eltern.",
            "Viele Familien haben zu Hause nur ein Smartphone für alle.",
            "Unsere Gruppenangebote sind ausgefallen, die Jugendlichen fehlen uns.",
            "Eltern wünschen sich Austausch, dürfen aber die Einrichtung nicht betreten."),
    "EGH": ("Die Werkstatt ist geschlossen, vielen fehlt die gewohnte Tagesstruktur.",
            "Informationen zu Corona gibt es kaum in Leichter Sprache.",
            "Besuche und Ausflüge fallen aus, die Stimmung im Haus ist gedrückt.",
            "Unsere Beschäftigten können mit Videokonferenzen bisher wenig anfangen."),
    "AP": ("Seit dem Besuchsverbot sehen viele Bewohnerinnen und Bewohner ihre Familien nicht.",
           "Pflegende Angehörige sind am Ende ihrer Kräfte, weil die Tagespflege geschlossen ist.",
           "Unser Pflegedienst dokumentiert noch auf Papier, das kostet Zeit bei jeder Übergabe.",
           "Ehrenamtliche dürfen das Haus nicht betreten, Gruppenangebote fallen aus."),
    "WA": ("Viele unserer Gäste haben kein Handy oder keinen Strom zum Laden.",
           "Der Tagesaufenthalt musste schließen, Beratung findet nur noch an der Tür statt.",
           "Ämter sind geschlossen, Anträge bleiben liegen.",
           "Die Tafel hat kaum noch Ehrenamtliche, weil viele zur Risikogruppe gehören."),
    "SB": ("Unsere Gruppen dürfen sich nicht mehr treffen, Rückfälle nehmen zu.",
           "Persönliche Beratung ist nur noch in Ausnahmefällen möglich.",
           "Viele Ratsuchende haben Angst, dass Gespräche am Telefon mitgehört werden.",
           "Die Wartelisten werden länger, weil Termine ausfallen."),
    "MI": ("Viele Regeln zur Pandemie verstehen unsere Klientinnen und Klienten nicht.",
           "In den Unterkünften gibt es kein WLAN, Sprachkurse fallen aus.",
           "Ohne Dolmetscherinnen vor Ort ist Beratung kaum möglich.",
           "Kinder aus geflüchteten Familien verlieren beim Lernen den Anschluss."),
}
WISHES = ("Wir suchen eine einfache Lösung, die ohne Vorkenntnisse funktioniert.",
          "Gesucht ist eine Idee, die auch mit wenig Geld umsetzbar ist.",
          "Die Lösung muss datenschutzkonform sein und sollte nichts kosten.",
          "Wir freuen uns über analoge wie digitale Ideen.",
          "Wichtig ist uns, dass auch Menschen ohne Smartphone mitmachen können.",
          "Ideal wäre etwas, das wir nach der Pandemie weiter nutzen können.",
          "Unsere Fachkräfte bringen gern ihre Erfahrung ins Team ein.",
          "Wir brauchen etwas, das Ehrenamtliche schnell bedienen können.")
CHALLENGE_DAYS = {"E1": _days(date(2020, 4, 6), date(2020, 4, 16)),
                  "E2": _days(date(2020, 4, 27), date(2020, 5, 13))}
# fmt: on


def _challenge_description(pick: Picker, org_type: OrgType, town: str) -> str:
    field = org_type.field
    return (
        f"Wir sind {org_type.indefinite} in {town} und begleiten {pick(CLIENTS[field])}. "
        f"{pick(PROBLEMS[field])} {pick(WISHES)}"
    )


def build_challenges(rng: random.Random, vol: Volume, orgs: Organisations) -> Columns:
    """The small event's challenges, then the large event's; each posted by one organisation."""
    pick = Picker(rng)
    n = vol.e1_challenges + vol.e2_challenges
    poster_of = list(range(vol.recipients, vol.recipients + vol.posters))
    poster_of += [rng.randrange(len(orgs.ids)) for _ in range(n - len(poster_of))]
    rng.shuffle(poster_of)
    events = ["E1"] * vol.e1_challenges + ["E2"] * vol.e2_challenges
    fields = [orgs.types[o].field for o in poster_of]
    titles = _distinct_combinations(
        rng, fields, lambda f: (CHALLENGE_NEEDS[f], CHALLENGE_CONSTRAINTS[f])
    )
    return {
        "challenge_id": _ids("C", n, 4),
        "event_id": events,
        "title": [f"{need} {constraint}" for need, constraint in titles],
        "description": [
            _challenge_description(pick, orgs.types[o], orgs.towns[o]) for o in poster_of
        ],
        "org_id": [orgs.ids[o] for o in poster_of],
        "action_field": fields,
        "district_ags": [orgs.districts[o].ags for o in poster_of],
        "posted_on": [pick(CHALLENGE_DAYS[e]) for e in events],
    }


# ---------------------------------------------------------------------------------------------
# Solutions
# ---------------------------------------------------------------------------------------------

# fmt: off
BRANDS = tuple(head + tail for head in _split(
    "Kiez|Nachbar|Lern|Pflege|Hilfe|Brücken|Quartier|Herz|Mut|Klar|Sozial|Straßen|Zusammen|Nah|"
    "Familien|Senioren|Weit|Bunt|Hoffnungs|Mitmach") for tail in _split(
    "Brücke|Lotse|Funk|Netz|Box|Kompass|Radar|Café|Post|Werk|Buddy|Fenster|Kiste|Kette|Zeit|"
    "Welt|Hub|Taxi|Koffer|Stube"))
# Per field: (idea, is_digital), the digital ideas first.
SOLUTION_IDEAS = {field: tuple((idea, True) for idea in _split(digital))
                  + tuple((idea, False) for idea in _split(analog))
                  for field, digital, analog in (
    ("KJF", "Hausaufgabenhilfe per Videochat|Online-Elterncafé mit Kinderecke|"
            "Lernplattform für die OGS|Bastelvideos für zu Hause|Jugendtreff im Messenger|"
            "Digitale Vorlesestunde|Sport-Challenges per App|Tablet-Verleih für Familien|"
            "Chatberatung für Jugendliche|Digitale Pinnwand für Kita-Eltern|"
            "Gaming-Treff für Jugendliche",
            "Lernpakete an der Haustür|Briefpatenschaften für Kinder|Spielekisten zum Ausleihen"),
    ("EGH", "Corona-Infos in Leichter Sprache als Video|Tagesstruktur-App mit Piktogrammen|"
            "Werkstattarbeit im Homeoffice|Videosprechstunde mit Gebärdensprache|"
            "Barrierefreier Veranstaltungskalender|Online-Disco für Bewohnerinnen und Bewohner|"
            "Sprachassistent für den Alltag|Digitale Assistenz beim Einkaufen",
            "Telefonkette für Beschäftigte|Bastelpost aus der Werkstatt|"
            "Balkonkonzerte im Wohnheim"),
    ("AP", "Tablet-Sprechstunde für Angehörige|Videobesuch im Pflegeheim|"
           "Einkaufshilfe per Hotline und App|Gedächtnistraining am Tablet|"
           "Digitale Dienstplanung für den Pflegedienst|"
           "Online-Selbsthilfegruppe für pflegende Angehörige|Gottesdienst im Livestream|"
           "Sprachnachrichten zwischen Enkeln und Großeltern|Schulungsvideos für die Altenpflege|"
           "Digitale Pflegedokumentation für kleine Dienste",
           "Fensterbesuche mit Gegensprechanlage|Telefonpatenschaften für Seniorinnen und Senioren|"
           "Briefe gegen die Einsamkeit|Einkaufsdienst aus der Nachbarschaft"),
    ("WA", "Digitale Postadresse für Wohnungslose|Karte der offenen Hilfsangebote|"
           "Handy-Ladestationen mit WLAN|Online-Terminvergabe für die Tafel|"
           "Messenger-Beratung für Menschen auf der Straße|Spendenplattform für Hygieneartikel",
           "Gabenzaun an der Bahnhofstraße|Mobile Duschen für Menschen auf der Straße|"
           "Lunchpakete aus der Vereinsküche|Straßenzeitung mit Hilfeadressen"),
    ("SB", "Anonyme Chatberatung bei Sucht|Video-Selbsthilfegruppe|"
           "Online-Schuldnerberatung mit Dokumenten-Upload|Krisen-Chat am Wochenende|"
           "Sichere Videoberatung für die Schwangerschaftsberatung|Rückfallprophylaxe-App|"
           "Terminbuchung für die Beratungsstelle",
           "Spaziergangsberatung an der frischen Luft|Beratungstelefon mit Rückrufservice"),
    ("MI", "Mehrsprachige Corona-Infos per Messenger|Dolmetsch-Pool per Videoanruf|"
           "Sprachcafé online|Lern-App für den Integrationskurs|"
           "WLAN für Gemeinschaftsunterkünfte|Digitale Behördenlotsen|Bewerbungstraining per Video",
           "Sprachpatenschaften am Telefon|Infoblätter in zwölf Sprachen|"
           "Hausaufgabenhilfe am Gartenzaun"),
)}
TARGETS = {
    "KJF": _split("Kinder und Jugendliche|Familien mit kleinen Kindern|"
                  "Schülerinnen und Schüler im Ganztag|Alleinerziehende"),
    "EGH": _split("Menschen mit Behinderung|Beschäftigte der Werkstätten|"
                  "Menschen mit psychischer Erkrankung|gehörlose Menschen"),
    "AP": _split("pflegende Angehörige|Bewohnerinnen und Bewohner von Pflegeheimen|"
                 "Menschen mit Demenz|Teams in der Altenpflege|Mitarbeitende im Pflegedienst"),
    "WA": _split("Menschen auf der Straße|Menschen in Wohnungsnot|Familien in Armut|"
                 "Gäste der Tafel"),
    "SB": _split("Menschen mit Suchterkrankung|Ratsuchende in Krisen|überschuldete Haushalte|"
                 "Schwangere und junge Eltern"),
    "MI": _split("Geflüchtete|zugewanderte Familien|Menschen ohne Deutschkenntnisse|"
                 "junge Menschen mit Migrationsgeschichte"),
}
SOLUTION_VERBS = ("unterstützt", "erreicht", "begleitet", "entlastet")
APPROACHES = {
    True: _split("über eine einfache App mit großen Schaltflächen|"
                 "per Videochat, der ohne Installation im Browser läuft|"
                 "über einen verschlüsselten Messenger|"
                 "mit geliehenen Tablets und einer kurzen Einführung|"
                 "über eine Lernplattform auf Basis von Moodle|"
                 "mit einer Website in Leichter Sprache|"
                 "über eine Hotline, die Anrufe an Ehrenamtliche weiterleitet|"
                 "mit kurzen Erklärvideos|mit einer Karte, die Ehrenamtliche laufend pflegen"),
    False: _split("mit einer Telefonkette aus Ehrenamtlichen|"
                  "mit Briefen, Paketen und festen Rückrufzeiten|"
                  "über Aushänge im Quartier und an der Straßenecke|"
                  "mit festen Treffpunkten unter freiem Himmel"),
}
BENEFITS = ("So bleibt der Kontakt auch während der Kontaktsperre bestehen.",
            "Das Konzept lässt sich ohne großen Aufwand auf andere Einrichtungen übertragen.",
            "Fachkräfte gewinnen dadurch Zeit für die persönliche Begleitung.",
            "Die Lösung kommt ohne Anmeldung und ohne Datenweitergabe an Dritte aus.",
            "Ehrenamtliche können sich mit wenigen Handgriffen beteiligen.",
            "Alles funktioniert auch mit älteren Smartphones.",
            "Die laufenden Kosten liegen bei wenigen Euro im Monat.",
            "Alle Beteiligten behalten so den Überblick.")
STATUS_SENTENCES = {
    "idea": ("Bisher ist es eine Idee, für die wir Partner suchen.",
             "Wir suchen eine Einrichtung, die die Idee mit uns erprobt."),
    "prototype": ("Ein erster Prototyp ist während des Hackathons entstanden.",
                  "Ein Klick-Prototyp zeigt, wie es funktionieren soll."),
    "pilot": ("Seit dem Hackathon testen wir die Lösung in {town}.",
              "Ein Pilot läuft mit einer Einrichtung in {town}."),
    "in_use": ("Die Lösung ist in {town} bereits im Einsatz.",
               "Mehrere Einrichtungen in {town} nutzen die Lösung schon."),
}
TEAM_WORDS = _split("Brückenbauer|Kiezhelden|Lichtblick|Nahdran|Rückenwind|Zukunftswerk|"
                    "Mutmacher|Weitblick|Lindenstraße|Sonnenseite|Sozialpiraten|Codeschmiede|"
                    "Pflegeglück|Wegbegleiter|Ruhrpott|Rheinkraft|Münsterland|Sauerland Digital|"
                    "Kaffeeklatsch|Tüftelstube|Fußgängerzone")
TEAM_PLURALS = _split("Straßenfeger|Möglichmacher|Weltverbesserer|Quartiershelden|Lötkolben|"
                      "Datenschützer|Brückenköpfe|Nachteulen|Kümmerer|Erklärbären|Pflegeprofis|"
                      "Grünschnäbel|Großstadtgärtner|Spätzünder")
TEAM_FIRMS = ("Söhne Digital", "Töchter", "Freunde")
SURNAMES = _split("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|"
                  "Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|"
                  "Braun|Krüger|Hartmann|Lange|Werner|Krause|Lehmann|Köhler|Yılmaz|Kaya|Nowak|"
                  "Kowalski|Öztürk|Große|Weiß|Jäger|Voß|Strauß")
FIRST_NAMES = _split("Anna|Jonas|Fatma|Lukas|Marie|Ahmet|Sophie|Paul|Elif|Felix|Hannah|Leon|"
                     "Katharina|Mehmet|Ursula|Klaus|Ingrid|Jürgen|Agnieszka|Dimitri")
HASHTAGS = _split("#PflegeVernetzt|#KeinerBleibtAllein|#HilfeNebenan|#DigitalDabei|"
                  "#Zusammenhalt|#GemeinsamStark|#LernenTrotzCorona|#StraßeDigital")
FIELD_TAGS = {
    "KJF": _split("Bildung|Familie|Jugendarbeit|Lernplattform|Sport|Medienkompetenz"),
    "EGH": _split("Inklusion|Barrierefreiheit|Leichte Sprache|Arbeit|Digitale Teilhabe"),
    "AP": _split("Pflege|Demenz|Angehörige|Einsamkeit|Altenpflege"),
    "WA": _split("Wohnungslosigkeit|Straßensozialarbeit|Spenden|Gesundheit|Logistik"),
    "SB": _split("Sucht|Schulden|Onlineberatung|Selbsthilfe|Krisenhilfe"),
    "MI": _split("Integration|Sprachförderung|Geflüchtete|Mehrsprachigkeit"),
}
MODE_TAGS = {
    True: _split("Messenger|App|Tablet|Datenschutz|Open Source|Videoberatung|Vernetzung|"
                 "Digitale Teilhabe"),
    False: _split("Ehrenamt|Telefon|Nachbarschaftshilfe|Quartier|Kultur|Hotline"),
}
TEAM_SIZE_WEIGHTS = (4, 10, 16, 18, 16, 12, 8, 6, 4, 3, 2, 1)  # sizes 1 to 12
MATURITY_WEIGHTS = {False: (45, 35, 14, 6), True: (5, 45, 35, 15)}  # keyed by "has an award"
VOTE_PARAMETERS = {"winner": (5.3, 0.5), "finalist": (4.5, 0.5), None: (2.3, 1.1)}
VIDEO_ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"
SUBMISSION_DAYS = {"E1": (date(2020, 4, 18), date(2020, 4, 19), date(2020, 4, 20)),
                   "E2": (date(2020, 5, 17), date(2020, 5, 18), date(2020, 5, 19))}
# fmt: on


def _team_name(pick: Picker) -> str:
    roll = pick.random()
    if roll < 0.35:
        return f"Team {pick(TEAM_WORDS)}"
    if roll < 0.6:
        return f"Die {pick(TEAM_PLURALS)}"
    if roll < 0.75:
        return f"{pick(SURNAMES)} & {pick(SURNAMES)}"
    if roll < 0.87:
        return f"{pick(SURNAMES)} & {pick(TEAM_FIRMS)}"
    return pick(HASHTAGS)


def _video_url(rng: random.Random) -> str | None:
    roll = rng.random()
    if roll < 0.05:
        return None
    video_id = "".join(rng.choices(VIDEO_ID_CHARS, k=11))
    if roll < 0.7:
        return f"https://www.youtube.com/watch?v={video_id}"
    return f"https://youtu.be/{video_id}"


def _tags(rng: random.Random, field: str, digital: bool) -> list[str]:
    # The first tag always names the field's theme, so a tag facet stays meaningful.
    first = rng.choice(FIELD_TAGS[field])
    pool = sorted(set(FIELD_TAGS[field] + MODE_TAGS[digital]) - {first})
    count = rng.choices((1, 2, 3, 4), weights=(2, 4, 3, 1))[0]
    return [first, *rng.sample(pool, count - 1)]


def _summary(pick: Picker, brand: str, field: str, digital: bool, maturity: str, town: str) -> str:
    sentences = [
        f"{brand} {pick(SOLUTION_VERBS)} {pick(TARGETS[field])} {pick(APPROACHES[digital])}."
    ]
    if pick.random() < 0.7:
        sentences.append(pick(BENEFITS))
    if pick.random() < 0.6:
        sentences.append(pick(STATUS_SENTENCES[maturity]).format(town=town))
    return " ".join(sentences)


def _solution_challenges(rng: random.Random, vol: Volume) -> list[int | None]:
    """Each solution's challenge index: every small-event challenge gets an answer; the large
    event's popularity is skewed, so many of its challenges stay open; a few free ideas."""
    small = list(range(vol.e1_challenges))
    small += [rng.randrange(vol.e1_challenges) for _ in range(vol.e1_solutions - len(small))]
    rng.shuffle(small)
    popularity = [
        0.0 if rng.random() < 0.4 else rng.lognormvariate(0, 0.9) for _ in range(vol.e2_challenges)
    ]
    if not any(popularity):
        popularity[0] = 1.0
    offered = range(vol.e1_challenges, vol.e1_challenges + vol.e2_challenges)
    large = rng.choices(offered, weights=popularity, k=vol.e2_solutions)
    return small + [None if rng.random() < 0.03 else c for c in large]


def _awards(rng: random.Random, vol: Volume, challenge_of: list[int | None]) -> list[str | None]:
    awards: list[str | None] = [None] * vol.solutions
    answered: list[int | None] = []
    picked: list[int] = []
    for i in rng.sample(range(vol.e1_solutions), vol.e1_solutions):
        # The jury chose the best answers to eight different challenges.
        if challenge_of[i] not in answered:
            answered.append(challenge_of[i])
            picked.append(i)
    for rank, i in enumerate(picked[: SMALL_EVENT_WINNERS + SMALL_EVENT_FINALISTS]):
        awards[i] = "winner" if rank < SMALL_EVENT_WINNERS else "finalist"
    winners = round(vol.e2_solutions * 20 / 1500)
    finalists = round(vol.e2_solutions * 60 / 1500)
    large = range(vol.e1_solutions, vol.solutions)
    for rank, i in enumerate(rng.sample(large, min(len(large), winners + finalists))):
        awards[i] = "winner" if rank < winners else "finalist"
    return awards


def _solution_fields(
    rng: random.Random, challenges: Columns, challenge_of: list[int | None]
) -> list[str]:
    # Teams mostly stay in their challenge's field; free ideas and a few others wander.
    return [
        rng.choice(FIELD_CODES)
        if c is None or rng.random() < 0.1
        else challenges["action_field"][c]
        for c in challenge_of
    ]


def build_solutions(
    rng: random.Random, vol: Volume, challenges: Columns, geo: Geography
) -> Columns:
    """Both events' solutions with challenge, team, video, tags, maturity and public votes."""
    pick = Picker(rng)
    challenge_of = _solution_challenges(rng, vol)
    awards = _awards(rng, vol, challenge_of)
    fields = _solution_fields(rng, challenges, challenge_of)
    ideas = _distinct_combinations(rng, fields, lambda f: (BRANDS, SOLUTION_IDEAS[f]))
    digital = [is_digital for _, (_, is_digital) in ideas]
    events = ["E1"] * vol.e1_solutions + ["E2"] * vol.e2_solutions
    maturity = [
        rng.choices(contract.MATURITIES, MATURITY_WEIGHTS[a is not None])[0] for a in awards
    ]
    districts = [d if rng.random() < 0.85 else None for d in geo.draw(rng, vol.solutions)]
    towns = [pick((d or pick(geo.districts)).towns) for d in districts]
    return {
        "solution_id": _ids("S", vol.solutions, 5),
        "event_id": events,
        "challenge_id": [
            None if c is None else challenges["challenge_id"][c] for c in challenge_of
        ],
        "title": [f"{brand}: {idea}" for brand, (idea, _) in ideas],
        "summary": [
            _summary(pick, idea[0], f, d, m, t)
            for idea, f, d, m, t in zip(ideas, fields, digital, maturity, towns, strict=True)
        ],
        "team_name": [_team_name(pick) for _ in range(vol.solutions)],
        "team_size": rng.choices(range(1, 13), TEAM_SIZE_WEIGHTS, k=vol.solutions),
        "district_ags": [d.ags if d else None for d in districts],
        "video_url": [_video_url(rng) for _ in range(vol.solutions)],
        "tags": [_tags(rng, f, d) for f, d in zip(fields, digital, strict=True)],
        "is_digital": digital,
        "maturity": maturity,
        "action_field": fields,
        "submitted_on": [rng.choices(SUBMISSION_DAYS[e], (7, 2, 1))[0] for e in events],
        "award": awards,
        "votes": [int(rng.lognormvariate(*VOTE_PARAMETERS[a])) for a in awards],
    }


# ---------------------------------------------------------------------------------------------
# Patrons and patronships
# ---------------------------------------------------------------------------------------------

# fmt: off
REGIONS = _split("Rhein|Ruhr|Lippe|Emscher|Sauerland|Münsterland|Niederrhein|Siegerland|Eifel|"
                 "Westfalen|Ostwestfalen|Bergland")
COMPANY_BRANCHES = _split("Digital|Software|Logistik|Bau|Medien|Systemhaus|Consulting|Mobilität|"
                          "Textil|Feinkost")
LEGAL_FORMS = ("GmbH", "AG", "GmbH & Co. KG", "eG")
FOUNDATION_VALUES = _split("Miteinander|Zukunft|Zusammenhalt|Nachbarschaft|Chancengleichheit|"
                           "Lebensfreude")
PUBLIC_BODIES = _split("Kommunaler Sozialfonds|Förderlinie Digitale Teilhabe|"
                       "Regionalfonds Soziales|Zweckverband Quartiersentwicklung")
PATRON_KIND_WEIGHTS = (40, 30, 16, 14)  # company, foundation, person, public
PERSON_BUDGETS = (5_000, 7_500, 10_000, 15_000, 20_000, 25_000)
OTHER_BUDGETS = (10_000, 20_000, 25_000, 30_000, 50_000, 75_000, 100_000, 150_000, 200_000,
                 250_000)
PLEDGES = (2_500, 5_000, 7_500, 10_000, 12_500, 15_000, 20_000, 25_000)
# fmt: on


def _patron_names(kind: str) -> list[str]:
    if kind == "company":
        return [f"{r} {b} {lf}" for r in REGIONS for b in COMPANY_BRANCHES for lf in LEGAL_FORMS]
    if kind == "foundation":
        return [f"{f} {s} Stiftung" for f in FIRST_NAMES for s in SURNAMES] + [
            f"Stiftung {v} {r}" for v in FOUNDATION_VALUES for r in REGIONS
        ]
    if kind == "person":
        return [f"{title}{f} {s}" for title in ("", "Dr. ") for f in FIRST_NAMES for s in SURNAMES]
    return [f"{body} {r} (Beispiel)" for body in PUBLIC_BODIES for r in REGIONS]


def build_patrons(rng: random.Random, count: int, geo: Geography) -> Columns:
    """Invented companies, foundations, persons and public bodies with interests and a budget."""
    kinds = rng.choices(contract.PATRON_KINDS, PATRON_KIND_WEIGHTS, k=count)
    names = _distinct_combinations(rng, kinds, lambda kind: (_patron_names(kind),))
    ags = [d.ags for d in geo.districts]
    return {
        "patron_id": _ids("P", count, 3),
        "name": [name for (name,) in names],
        "kind": kinds,
        "action_fields": [_subset(rng, FIELD_CODES, rng.randint(1, 3)) for _ in kinds],
        "districts": [_subset(rng, ags, rng.choice((0, 0, 1, 2, 3, 5))) for _ in kinds],
        "budget_eur": [
            _money(rng.choice(PERSON_BUDGETS if k == "person" else OTHER_BUDGETS)) for k in kinds
        ],
    }


def _pick_patron(
    rng: random.Random,
    interests: list[list[str]],
    left: list[int],
    field: str,
    amount: int,
    taken: list[int],
) -> int | None:
    # Patrons back what they care about and never pledge beyond their budget.
    able = [p for p in range(len(left)) if left[p] >= amount and p not in taken]
    keen = [p for p in able if field in interests[p]]
    pool = keen or able
    return rng.choice(pool) if pool else None


def build_patronships(rng: random.Random, solutions: Columns, patrons: Columns) -> Columns:
    """Pledges at the small event's award ceremony: one or two patrons per awarded solution."""
    left = [int(budget) for budget in patrons["budget_eur"]]
    cols: Columns = {"solution_id": [], "patron_id": [], "amount_eur": [], "pledged_on": []}
    for i, award in enumerate(solutions["award"]):
        if award is None or solutions["event_id"][i] != "E1":
            continue
        taken: list[int] = []
        for _ in range(rng.choice((1, 2))):
            amount = rng.choice(PLEDGES)
            field = solutions["action_field"][i]
            patron = _pick_patron(rng, patrons["action_fields"], left, field, amount, taken)
            if patron is None:
                continue
            left[patron] -= amount
            taken.append(patron)
            cols["solution_id"].append(solutions["solution_id"][i])
            cols["patron_id"].append(patrons["patron_id"][patron])
            cols["amount_eur"].append(_money(amount))
            cols["pledged_on"].append(PLEDGE_DAY)
    return cols


# ---------------------------------------------------------------------------------------------
# Grants
# ---------------------------------------------------------------------------------------------

# fmt: off
GRANT_ITEMS = _split("WLAN und Tablets|Neue Laptops und Headsets|"
                     "Cloud-Zugang und sichere Datenablage|Videokonferenz-Technik|"
                     "Medienkompetenz-Schulungen im Team|WLAN im ganzen Haus|"
                     "Endgeräte und Softwarelizenzen|Digitale Dienstplanung|Tablets und Lern-Apps|"
                     "Digitale Dokumentation|Mobile Endgeräte und Diensthandys|"
                     "Sichere Messenger-Kommunikation")
GRANT_SERVICES = {
    "KJF": (("Digitale Lernbegleitung", "Digitale Angebote", "Online-Beratung"),
            ("Kinder und Jugendliche", "Familien im Quartier", "junge Menschen im Stadtteil")),
    "EGH": (("Barrierefreie Kommunikation", "Digitale Teilhabe", "Unterstützte Kommunikation"),
            ("Menschen mit Behinderung", "Beschäftigte der Werkstatt",
             "Bewohnerinnen und Bewohner")),
    "AP": (("Videotelefonie", "Digitale Pflegedokumentation", "Digitale Beschäftigungsangebote"),
           ("Bewohnerinnen und Bewohner", "Menschen mit Demenz", "pflegende Angehörige")),
    "WA": (("Digitale Beratung", "Erreichbarkeit per Smartphone", "Digitale Antragshilfe"),
           ("Menschen in Wohnungsnot", "Menschen auf der Straße", "Menschen ohne Arbeit")),
    "SB": (("Onlineberatung", "Sichere Videoberatung", "Digitale Selbsthilfegruppen"),
           ("Menschen mit Suchterkrankung", "Ratsuchende", "überschuldete Familien")),
    "MI": (("Mehrsprachige Onlineberatung", "Digitales Sprachlernen",
            "Digitale Behördenbegleitung"),
           ("Geflüchtete", "zugewanderte Familien", "junge Zugewanderte")),
}
GRANT_PURCHASES = _split("WLAN-Access-Points für alle Räume|"
                         "Tablets für die Arbeit mit Klientinnen und Klienten|"
                         "Laptops für mobiles Arbeiten|Headsets und Webcams|"
                         "ein sicherer Cloud-Zugang|Lizenzen für Videokonferenzen|"
                         "Medienkompetenz-Schulungen für das Team|"
                         "die Einrichtung der Technik durch einen externen IT-Dienstleister|"
                         "ein Glasfaseranschluss|Smartphones für die aufsuchende Arbeit|"
                         "eine Software für die digitale Dokumentation|Datenschutz-Schulungen")
GRANT_BENEFITS = {
    "KJF": "So bleiben Kinder und Eltern auch bei geschlossener Einrichtung erreichbar.",
    "EGH": "So können Menschen mit Behinderung selbstbestimmt an digitalen Angeboten teilnehmen.",
    "AP": "So halten Bewohnerinnen, Bewohner und Angehörige Kontakt, und die Pflege spart Wege.",
    "WA": "So bleiben Menschen ohne Wohnung für Beratung und Ämter erreichbar.",
    "SB": "So ist Beratung auch ohne persönlichen Termin vertraulich möglich.",
    "MI": "So erreichen Beratung und Sprachförderung auch Menschen in Gemeinschaftsunterkünften.",
}
# Awards came in waves after the November 2020 deadline, most of them in winter 2020/21.
AWARD_MONTH_WEIGHTS = ((2020, 10, 3), (2020, 11, 6), (2020, 12, 14), (2021, 1, 16),
                       (2021, 2, 15), (2021, 3, 14), (2021, 4, 8), (2021, 5, 7), (2021, 6, 6),
                       (2021, 7, 4), (2021, 8, 3), (2021, 9, 4))
DURATIONS, DURATION_WEIGHTS = (12, 6, 9, 18, 24), (85, 3, 4, 5, 3)
# fmt: on

# Built once: a million grants then share a few thousand description strings.
GRANT_DESCRIPTIONS = {
    field: [
        f"Gefördert werden {a}, {b} und {c}. {benefit}"
        for a, b, c in permutations(GRANT_PURCHASES, 3)
    ]
    for field, benefit in GRANT_BENEFITS.items()
}
GRANT_SERVICE_TITLES = {
    field: [f"{service} für {target}" for service in services for target in targets]
    for field, (services, targets) in GRANT_SERVICES.items()
}


def _grant_amounts(rng: random.Random, n: int) -> list[int]:
    capped = round(n * CAP_SHARE)
    raw = [rng.triangular(GRANT_MIN, 99_000, 28_500) for _ in range(n - capped)]
    # Scale the uncapped amounts so that the programme's total matches the published average.
    factor = (n * GRANT_MEAN - capped * GRANT_CAP) / sum(raw) if raw else 1.0
    amounts = [GRANT_CAP] * capped + [_round_amount(rng, x * factor) for x in raw]
    rng.shuffle(amounts)
    return amounts


def _round_amount(rng: random.Random, euros: float) -> int:
    roll = rng.random()
    step = 1_000 if roll < 0.3 else 100 if roll < 0.8 else 1
    return min(max(round(euros / step) * step, GRANT_MIN), GRANT_CAP)


def _award_dates(rng: random.Random, n: int) -> list[date]:
    days: list[date] = []
    weights: list[float] = []
    for year, month, weight in AWARD_MONTH_WEIGHTS:
        first = date(year, month, 1)
        last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
        workdays = [d for d in _days(first, last) if d.weekday() < 5]
        days += workdays
        weights += [weight / len(workdays)] * len(workdays)
    return sorted(rng.choices(days, cum_weights=_cumulate(weights), k=n))


def _grant_title(pick: Picker, org_type: OrgType, element: str, town: str) -> str:
    if pick.random() < 0.55:
        return f"{pick(GRANT_ITEMS)} für {org_type.grant_object.format(element=element, town=town)}"
    return pick(GRANT_SERVICE_TITLES[org_type.field])


def build_grants(rng: random.Random, vol: Volume, orgs: Organisations) -> Columns:
    """The programme's grants in order of award; every recipient organisation gets one or more."""
    pick = Picker(rng)
    n = vol.grants
    recipient_of = list(range(vol.recipients))
    recipient_of += [rng.randrange(vol.recipients) for _ in range(n - vol.recipients)]
    rng.shuffle(recipient_of)
    types = [orgs.types[o] for o in recipient_of]
    amounts = _grant_amounts(rng, n)
    money = {a: _money(a) for a in sorted(set(amounts))}
    return {
        "grant_id": _ids("G", n, 6),
        "programme": [PROGRAMME] * n,
        "funder_name": [FUNDER] * n,
        "title": [
            _grant_title(pick, t, orgs.elements[o], orgs.towns[o])
            for t, o in zip(types, recipient_of, strict=True)
        ],
        "description": [pick(GRANT_DESCRIPTIONS[t.field]) for t in types],
        "recipient_org_id": [orgs.ids[o] for o in recipient_of],
        "recipient_name": [orgs.names[o] for o in recipient_of],
        "recipient_city": [orgs.towns[o] for o in recipient_of],
        "association": [orgs.associations[o] for o in recipient_of],
        "action_field": [t.field for t in types],
        "district_ags": [orgs.districts[o].ags for o in recipient_of],
        "amount": [money[a] for a in amounts],
        "currency": ["EUR"] * n,
        "award_date": _award_dates(rng, n),
        "duration_months": rng.choices(DURATIONS, DURATION_WEIGHTS, k=n),
    }


# ---------------------------------------------------------------------------------------------
# Tools: the programme's link list
# ---------------------------------------------------------------------------------------------

FREE, OPEN = "kostenlos", "Open Source / kostenlos"
# fmt: off
TOOLS = (
    ("jitsi-meet", "Jitsi Meet", "Videokonferenz", "https://jitsi.org/jitsi-meet/",
     "Videokonferenzen im Browser ohne Konto, auch als App.",
     "Video meetings in the browser without an account; apps available.", OPEN,
     "Open Source, selbst hostbar; die öffentliche Instanz meet.jit.si betreibt 8x8 (USA)."),
    ("bigbluebutton", "BigBlueButton", "Videokonferenz", "https://bigbluebutton.org/",
     "Webkonferenzen für Online-Seminare mit Whiteboard, Gruppenräumen und Umfragen.",
     "Web conferencing for online classes with whiteboard, breakout rooms and polls.", OPEN,
     "Open Source, selbst hostbar oder bei Hostern mit Servern in der EU."),
    ("zoom", "Zoom", "Videokonferenz", "https://zoom.us/",
     "Verbreitete Software für Videokonferenzen und Webinare.",
     "Widely used software for video meetings and webinars.", "Freemium",
     "US-Anbieter; Ende-zu-Ende-Verschlüsselung optional; Auftragsverarbeitungsvertrag nötig."),
    ("microsoft-teams", "Microsoft Teams", "Videokonferenz",
     "https://www.microsoft.com/de-de/microsoft-teams/group-chat-software",
     "Chat, Videokonferenzen und Dateiablage innerhalb von Microsoft 365.",
     "Chat, video meetings and file sharing within Microsoft 365.",
     "kostenpflichtig (Rabatte für Gemeinnützige)",
     "US-Anbieter; Datenhaltung in der EU möglich, Übermittlung in die USA nicht ausgeschlossen."),
    ("webex", "Webex", "Videokonferenz", "https://www.webex.com/",
     "Videokonferenzen und Webinare von Cisco.", "Video meetings and webinars by Cisco.",
     "Freemium",
     "US-Anbieter; Rechenzentren in der EU wählbar; Ende-zu-Ende-Verschlüsselung optional."),
    ("signal", "Signal", "Messenger", "https://signal.org/",
     "Messenger für Nachrichten, Sprach- und Videoanrufe.",
     "Messenger for texts, voice and video calls.", FREE,
     "Ende-zu-Ende-verschlüsselt, Open Source, kaum Metadaten; braucht eine Telefonnummer."),
    ("threema", "Threema", "Messenger", "https://threema.ch/de",
     "Schweizer Messenger; mit Threema Work für Organisationen zentral verwaltbar.",
     "Swiss messenger; Threema Work lets organisations manage it centrally.",
     "kostenpflichtig",
     "Ende-zu-Ende-verschlüsselt, Server in der Schweiz, keine Telefonnummer nötig."),
    ("element", "Element", "Messenger", "https://element.io/",
     "Messenger auf Basis des offenen Matrix-Protokolls.",
     "Messenger based on the open Matrix protocol.",
     "Open Source / kostenlos, Hosting kostenpflichtig",
     "Ende-zu-Ende-verschlüsselt, Open Source, selbst hostbar."),
    ("wire", "Wire", "Messenger", "https://wire.com/de",
     "Messenger mit Videokonferenzen für Teams.", "Messenger with video calls for teams.",
     "kostenpflichtig", "Ende-zu-Ende-verschlüsselt, Open Source; Server in der EU."),
    ("whatsapp", "WhatsApp", "Messenger", "https://www.whatsapp.com/",
     "Weit verbreiteter Messenger.", "Widely used messenger.", FREE,
     "Inhalte Ende-zu-Ende-verschlüsselt, Metadaten gehen an Meta (USA); dienstlich "
     "datenschutzrechtlich umstritten."),
    ("rocket-chat", "Rocket.Chat", "Teamchat", "https://www.rocket.chat/",
     "Team-Chat mit Kanälen, auch für externe Kontakte.",
     "Team chat with channels, also for external contacts.",
     "Open Source / kostenlos, Cloud kostenpflichtig", "Open Source, selbst hostbar."),
    ("mattermost", "Mattermost", "Teamchat", "https://mattermost.com/",
     "Team-Chat für Organisationen als Alternative zu Slack.",
     "Team chat for organisations, an alternative to Slack.",
     "Open Source / kostenlos, Enterprise kostenpflichtig", "Open Source, selbst hostbar."),
    ("zulip", "Zulip", "Teamchat", "https://zulip.com/",
     "Team-Chat, der Gespräche nach Themen ordnet.", "Team chat organised by topic threads.",
     "Open Source / kostenlos, Cloud Freemium",
     "Open Source, selbst hostbar; die Cloud-Version läuft in den USA."),
    ("nextcloud", "Nextcloud", "Zusammenarbeit", "https://nextcloud.com/de/",
     "Dateiablage, Kalender und gemeinsames Arbeiten auf eigenen Servern.",
     "File sharing, calendars and collaboration on your own servers.",
     "Open Source / kostenlos, Support kostenpflichtig",
     "Open Source, selbst hostbar; Anbieter aus Deutschland."),
    ("etherpad", "Etherpad", "Zusammenarbeit", "https://etherpad.org/",
     "Gemeinsam in Echtzeit an Texten schreiben.", "Write texts together in real time.", OPEN,
     "Open Source, selbst hostbar; wer den Link eines Pads kennt, kann es lesen."),
    ("edupad", "edupad", "Zusammenarbeit", "https://edupad.ch/",
     "Etherpad-Angebot für Schulen und Bildungsarbeit.",
     "An Etherpad service for schools and education.", FREE,
     "Server in der Schweiz; wer den Link eines Pads kennt, kann es lesen."),
    ("cryptpad", "CryptPad", "Zusammenarbeit", "https://cryptpad.org/",
     "Verschlüsselte Dokumente, Tabellen und Umfragen im Browser.",
     "Encrypted documents, spreadsheets and polls in the browser.", OPEN,
     "Ende-zu-Ende-verschlüsselt, Open Source, selbst hostbar; Hauptinstanz in Frankreich."),
    ("padlet", "Padlet", "Zusammenarbeit", "https://padlet.com/",
     "Digitale Pinnwand für Ideen, Links und Bilder.",
     "Digital pinboard for ideas, links and pictures.", "Freemium",
     "US-Anbieter; Server in den USA."),
    ("taskcards", "TaskCards", "Zusammenarbeit", "https://www.taskcards.de/",
     "Digitale Pinnwand aus Deutschland, verbreitet in Schulen.",
     "Digital pinboard from Germany, common in schools.", "kostenpflichtig",
     "Deutscher Anbieter; Server in Deutschland."),
    ("miro", "Miro", "Zusammenarbeit", "https://miro.com/de/",
     "Online-Whiteboard für Workshops und Planung.",
     "Online whiteboard for workshops and planning.", "Freemium",
     "US-Anbieter; Datenhaltung in der EU nur in Bezahltarifen."),
    ("trello", "Trello", "Projektmanagement", "https://trello.com/",
     "Aufgaben auf Kanban-Boards planen.", "Plan tasks on Kanban boards.", "Freemium",
     "Anbieter Atlassian; Server in den USA, EU-Datenhaltung nur in Bezahltarifen."),
    ("openproject", "OpenProject", "Projektmanagement", "https://www.openproject.org/de/",
     "Projektplanung mit Aufgaben, Zeitplänen und Boards.",
     "Project planning with tasks, timelines and boards.",
     "Open Source / kostenlos, Enterprise kostenpflichtig",
     "Open Source, selbst hostbar; Cloud-Angebot mit Servern in der EU."),
    ("moodle", "Moodle", "E-Learning", "https://moodle.org/",
     "Lernplattform für Kurse, Aufgaben und Tests.",
     "Learning platform for courses, assignments and quizzes.", OPEN,
     "Open Source, selbst hostbar."),
    ("ilias", "ILIAS", "E-Learning", "https://www.ilias.de/",
     "Lernmanagementsystem für Schulungen und Fortbildungen.",
     "Learning management system for training courses.", OPEN,
     "Open Source, selbst hostbar; getragen von einem Verein in Deutschland."),
    ("kahoot", "Kahoot!", "E-Learning", "https://kahoot.com/",
     "Quiz-Spiele für Gruppen und Schulungen.", "Quiz games for groups and training.",
     "Freemium", "Norwegischer Anbieter; Daten werden auch in den USA verarbeitet."),
    ("mentimeter", "Mentimeter", "Umfragen & Termine", "https://www.mentimeter.com/",
     "Live-Umfragen und Wortwolken in Präsentationen.",
     "Live polls and word clouds in presentations.", "Freemium",
     "Schwedischer Anbieter; Server in der EU."),
    ("limesurvey", "LimeSurvey", "Umfragen & Termine", "https://www.limesurvey.org/de",
     "Online-Umfragen mit vielen Fragetypen.", "Online surveys with many question types.",
     "Open Source / kostenlos, Cloud kostenpflichtig",
     "Open Source, selbst hostbar; Cloud-Server in Deutschland."),
    ("nuudel", "Nuudel", "Umfragen & Termine", "https://nuudel.digitalcourage.de/",
     "Terminabstimmungen und einfache Umfragen ohne Anmeldung.",
     "Scheduling and simple polls without registration.", FREE,
     "Betrieben von Digitalcourage e. V. in Deutschland; ohne Tracking."),
    ("dfn-terminplaner", "DFN-Terminplaner", "Umfragen & Termine",
     "https://terminplaner.dfn.de/",
     "Terminabstimmungen des Deutschen Forschungsnetzes.",
     "Scheduling polls run by the German research network DFN.", FREE,
     "Server in Deutschland; ohne Werbung."),
    ("canva", "Canva", "Gestaltung & Medien", "https://www.canva.com/",
     "Flyer, Plakate und Social-Media-Bilder mit Vorlagen gestalten.",
     "Design flyers, posters and social media images from templates.",
     "Freemium (für Gemeinnützige kostenlos)",
     "Australischer Anbieter; Daten werden auch in den USA gespeichert."),
    ("obs-studio", "OBS Studio", "Gestaltung & Medien", "https://obsproject.com/",
     "Videos aufnehmen und live streamen.", "Record videos and stream live.", OPEN,
     "Open Source; läuft lokal auf dem eigenen Rechner."),
    ("audacity", "Audacity", "Gestaltung & Medien", "https://www.audacityteam.org/",
     "Audio aufnehmen und schneiden, etwa für Podcasts.",
     "Record and edit audio, e.g. for podcasts.", OPEN,
     "Open Source; läuft lokal, Cloud-Funktionen sind abschaltbar."),
    ("kdenlive", "Kdenlive", "Gestaltung & Medien", "https://kdenlive.org/",
     "Videoschnitt, etwa für Erklärvideos.", "Video editing, e.g. for explainer videos.", OPEN,
     "Open Source; läuft lokal."),
    ("gimp", "GIMP", "Gestaltung & Medien", "https://www.gimp.org/",
     "Bildbearbeitung für Fotos und Grafiken.", "Image editing for photos and graphics.", OPEN,
     "Open Source; läuft lokal."),
    ("libreoffice", "LibreOffice", "Büro", "https://de.libreoffice.org/",
     "Textverarbeitung, Tabellen und Präsentationen.",
     "Word processing, spreadsheets and presentations.", OPEN,
     "Open Source; läuft lokal, keine Cloud nötig."),
    ("thunderbird", "Thunderbird", "Büro", "https://www.thunderbird.net/",
     "E-Mail-Programm mit Kalender und eingebauter OpenPGP-Verschlüsselung.",
     "E-mail client with calendar and built-in OpenPGP encryption.", OPEN,
     "Open Source; läuft lokal, E-Mails lassen sich Ende-zu-Ende verschlüsseln."),
    ("microsoft-365", "Microsoft 365", "Büro", "https://www.microsoft.com/de-de/microsoft-365",
     "Office-Programme, E-Mail und Cloud-Speicher.", "Office apps, e-mail and cloud storage.",
     "kostenpflichtig (Spendenprogramm für Gemeinnützige)",
     "US-Anbieter; Speicherort in der EU wählbar, Übermittlungen in die USA möglich."),
    ("google-workspace", "Google Workspace", "Büro", "https://workspace.google.com/",
     "E-Mail, Kalender, Dokumente und Videokonferenzen in der Cloud.",
     "E-mail, calendars, documents and video meetings in the cloud.",
     "kostenpflichtig (Angebot für Gemeinnützige)",
     "US-Anbieter; Datenregion EU nur in höheren Tarifen."),
    ("keepassxc", "KeePassXC", "Sicherheit", "https://keepassxc.org/",
     "Passwortmanager, der eine verschlüsselte Datei lokal speichert.",
     "Password manager that keeps an encrypted file locally.", OPEN,
     "Open Source; die Daten bleiben auf dem eigenen Gerät."),
    ("bitwarden", "Bitwarden", "Sicherheit", "https://bitwarden.com/",
     "Passwortmanager für Teams mit Synchronisation.", "Password manager for teams with sync.",
     "Freemium",
     "Ende-zu-Ende-verschlüsselt, Open Source; Cloud in den USA oder der EU, selbst hostbar."),
    ("veracrypt", "VeraCrypt", "Sicherheit", "https://www.veracrypt.fr/",
     "Festplatten und USB-Sticks verschlüsseln.", "Encrypt disks and USB sticks.", OPEN,
     "Open Source; läuft lokal."),
    ("teamviewer", "TeamViewer", "Fernwartung", "https://www.teamviewer.com/",
     "Fernzugriff und Fernwartung für IT-Unterstützung.", "Remote access and IT support.",
     "kostenpflichtig (privat kostenlos)",
     "Deutscher Anbieter; Verbindungen verschlüsselt, Vermittlungsserver auch außerhalb der EU."),
    ("anydesk", "AnyDesk", "Fernwartung", "https://anydesk.com/",
     "Fernwartung mit schneller Bildübertragung.", "Remote desktop with fast screen transfer.",
     "kostenpflichtig (privat kostenlos)", "Deutscher Anbieter; Verbindungen verschlüsselt."),
)
# fmt: on
# The English of the tools' German category, cost and privacy note (columns `*_en`).
TOOL_CATEGORIES_EN = {
    "Büro": "Office",
    "E-Learning": "E-learning",
    "Fernwartung": "Remote support",
    "Gestaltung & Medien": "Design & media",
    "Messenger": "Messenger",
    "Projektmanagement": "Project management",
    "Sicherheit": "Security",
    "Teamchat": "Team chat",
    "Umfragen & Termine": "Polls & scheduling",
    "Videokonferenz": "Video conferencing",
    "Zusammenarbeit": "Collaboration",
}  # fmt: skip
TOOL_COSTS_EN = {
    "Freemium": "Freemium",
    "Freemium (für Gemeinnützige kostenlos)": "Freemium (free for non-profits)",
    OPEN: "Open source / free",
    "Open Source / kostenlos, Cloud Freemium": "Open source / free, cloud freemium",
    "Open Source / kostenlos, Cloud kostenpflichtig": "Open source / free, cloud paid",
    "Open Source / kostenlos, Enterprise kostenpflichtig": "Open source / free, enterprise paid",
    "Open Source / kostenlos, Hosting kostenpflichtig": "Open source / free, hosting paid",
    "Open Source / kostenlos, Support kostenpflichtig": "Open source / free, support paid",
    FREE: "free",
    "kostenpflichtig": "paid",
    "kostenpflichtig (Angebot für Gemeinnützige)": "paid (offer for non-profits)",
    "kostenpflichtig (Rabatte für Gemeinnützige)": "paid (discounts for non-profits)",
    "kostenpflichtig (Spendenprogramm für Gemeinnützige)": "paid (donation programme for "
    "non-profits)",
    "kostenpflichtig (privat kostenlos)": "paid (free for private use)",
}
TOOL_PRIVACY_NOTES_EN = {
    "Open Source, selbst hostbar; die öffentliche Instanz meet.jit.si betreibt 8x8 (USA).":
        "Open source, self-hostable; the public instance meet.jit.si is run by 8x8 (USA).",
    "Open Source, selbst hostbar oder bei Hostern mit Servern in der EU.":
        "Open source, self-hostable or with hosters that have servers in the EU.",
    "US-Anbieter; Ende-zu-Ende-Verschlüsselung optional; Auftragsverarbeitungsvertrag nötig.":
        "US provider; end-to-end encryption optional; a data processing agreement is needed.",
    "US-Anbieter; Datenhaltung in der EU möglich, Übermittlung in die USA nicht ausgeschlossen.":
        "US provider; data can be kept in the EU, transfers to the USA are not ruled out.",
    "US-Anbieter; Rechenzentren in der EU wählbar; Ende-zu-Ende-Verschlüsselung optional.":
        "US provider; data centres in the EU can be chosen; end-to-end encryption optional.",
    "Ende-zu-Ende-verschlüsselt, Open Source, kaum Metadaten; braucht eine Telefonnummer.":
        "End-to-end encrypted, open source, hardly any metadata; needs a phone number.",
    "Ende-zu-Ende-verschlüsselt, Server in der Schweiz, keine Telefonnummer nötig.":
        "End-to-end encrypted, servers in Switzerland, no phone number needed.",
    "Ende-zu-Ende-verschlüsselt, Open Source, selbst hostbar.":
        "End-to-end encrypted, open source, self-hostable.",
    "Ende-zu-Ende-verschlüsselt, Open Source; Server in der EU.":
        "End-to-end encrypted, open source; servers in the EU.",
    "Inhalte Ende-zu-Ende-verschlüsselt, Metadaten gehen an Meta (USA); dienstlich "
    "datenschutzrechtlich umstritten.":
        "Content end-to-end encrypted, metadata goes to Meta (USA); its use at work is "
        "disputed under data protection law.",
    "Open Source, selbst hostbar.": "Open source, self-hostable.",
    "Open Source, selbst hostbar; die Cloud-Version läuft in den USA.":
        "Open source, self-hostable; the cloud version runs in the USA.",
    "Open Source, selbst hostbar; Anbieter aus Deutschland.":
        "Open source, self-hostable; provider from Germany.",
    "Open Source, selbst hostbar; wer den Link eines Pads kennt, kann es lesen.":
        "Open source, self-hostable; anyone who knows a pad's link can read it.",
    "Server in der Schweiz; wer den Link eines Pads kennt, kann es lesen.":
        "Servers in Switzerland; anyone who knows a pad's link can read it.",
    "Ende-zu-Ende-verschlüsselt, Open Source, selbst hostbar; Hauptinstanz in Frankreich.":
        "End-to-end encrypted, open source, self-hostable; main instance in France.",
    "US-Anbieter; Server in den USA.": "US provider; servers in the USA.",
    "Deutscher Anbieter; Server in Deutschland.": "German provider; servers in Germany.",
    "US-Anbieter; Datenhaltung in der EU nur in Bezahltarifen.":
        "US provider; data kept in the EU on paid plans only.",
    "Anbieter Atlassian; Server in den USA, EU-Datenhaltung nur in Bezahltarifen.":
        "Provider Atlassian; servers in the USA, data kept in the EU on paid plans only.",
    "Open Source, selbst hostbar; Cloud-Angebot mit Servern in der EU.":
        "Open source, self-hostable; cloud offer with servers in the EU.",
    "Open Source, selbst hostbar; getragen von einem Verein in Deutschland.":
        "Open source, self-hostable; backed by an association in Germany.",
    "Norwegischer Anbieter; Daten werden auch in den USA verarbeitet.":
        "Norwegian provider; data is also processed in the USA.",
    "Schwedischer Anbieter; Server in der EU.": "Swedish provider; servers in the EU.",
    "Open Source, selbst hostbar; Cloud-Server in Deutschland.":
        "Open source, self-hostable; cloud servers in Germany.",
    "Betrieben von Digitalcourage e. V. in Deutschland; ohne Tracking.":
        "Run by Digitalcourage e. V. in Germany; no tracking.",
    "Server in Deutschland; ohne Werbung.": "Servers in Germany; no advertising.",
    "Australischer Anbieter; Daten werden auch in den USA gespeichert.":
        "Australian provider; data is also stored in the USA.",
    "Open Source; läuft lokal auf dem eigenen Rechner.":
        "Open source; runs locally on your own computer.",
    "Open Source; läuft lokal, Cloud-Funktionen sind abschaltbar.":
        "Open source; runs locally, cloud features can be switched off.",
    "Open Source; läuft lokal.": "Open source; runs locally.",
    "Open Source; läuft lokal, keine Cloud nötig.": "Open source; runs locally, no cloud needed.",
    "Open Source; läuft lokal, E-Mails lassen sich Ende-zu-Ende verschlüsseln.":
        "Open source; runs locally, e-mails can be end-to-end encrypted.",
    "US-Anbieter; Speicherort in der EU wählbar, Übermittlungen in die USA möglich.":
        "US provider; storage in the EU can be chosen, transfers to the USA are possible.",
    "US-Anbieter; Datenregion EU nur in höheren Tarifen.":
        "US provider; EU data region on higher plans only.",
    "Open Source; die Daten bleiben auf dem eigenen Gerät.":
        "Open source; the data stays on your own device.",
    "Ende-zu-Ende-verschlüsselt, Open Source; Cloud in den USA oder der EU, selbst hostbar.":
        "End-to-end encrypted, open source; cloud in the USA or the EU, self-hostable.",
    "Deutscher Anbieter; Verbindungen verschlüsselt, Vermittlungsserver auch außerhalb der EU.":
        "German provider; connections encrypted, relay servers also outside the EU.",
    "Deutscher Anbieter; Verbindungen verschlüsselt.":
        "German provider; connections encrypted.",
}  # fmt: skip


def _tools() -> Columns:
    """The link list, with the English of each tool's category, cost and privacy note."""
    rows = [
        (*tool, TOOL_CATEGORIES_EN[tool[2]], TOOL_COSTS_EN[tool[6]], TOOL_PRIVACY_NOTES_EN[tool[7]])
        for tool in TOOLS
    ]
    return _rows_to_columns(rows, "tools")


# ---------------------------------------------------------------------------------------------
# The whole dataset
# ---------------------------------------------------------------------------------------------


def build_tables(
    vol: Volume, seed: int = DEFAULT_SEED, geo: Geography | None = None
) -> dict[str, Columns]:
    """Every contract table as columns of Python values (Decimal money, date dates, lists)."""
    geo = geo or load_geography()

    def rng(table: str) -> random.Random:
        # One stream per table: changing one table's recipe leaves the other tables as they are.
        return random.Random(f"{seed}/{table}")

    orgs = build_organisations(rng("organisations"), geo, vol.recipients, vol.posters)
    challenges = build_challenges(rng("challenges"), vol, orgs)
    solutions = build_solutions(rng("solutions"), vol, challenges, geo)
    patrons = build_patrons(rng("patrons"), vol.patrons, geo)
    return {
        "action_fields": _rows_to_columns(ACTION_FIELDS, "action_fields"),
        "associations": _rows_to_columns(ASSOCIATIONS, "associations"),
        # No population: the demo ships no sourced figure, so its map offers no € per inhabitant.
        "districts": _rows_to_columns([(*row, None) for row in geo.rows], "districts"),
        "organisations": orgs.columns(),
        "events": _events(vol),
        "challenges": challenges,
        "solutions": solutions,
        "patrons": patrons,
        "patronships": build_patronships(rng("patronships"), solutions, patrons),
        "grants": build_grants(rng("grants"), vol, orgs),
        "tools": _tools(),
    }


def _events(vol: Volume) -> Columns:
    participants = (SMALL_EVENT_PARTICIPANTS, round(vol.e2_solutions * 1.43), None)
    rows = [(*event, count) for event, count in zip(EVENTS, participants, strict=True)]
    return _rows_to_columns(rows, "events")


# ---------------------------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------------------------


def _csv_cell(kind: str) -> Callable[[Any], str]:
    if kind == contract.MONEY:
        return lambda v: "" if v is None else f"{v:.2f}"
    if kind == contract.DATE:
        return lambda v: "" if v is None else v.isoformat()
    if kind == contract.BOOLEAN:
        return lambda v: "" if v is None else ("true" if v else "false")
    if kind == contract.TEXT_LIST:
        return lambda v: contract.LIST_SEPARATOR.join(v or ())
    return lambda v: "" if v is None else str(v)


def write_csv(path: Path, table: contract.Table, columns: Columns) -> None:
    """UTF-8 without BOM, comma, `\\n`, a header row: the form the import reads back."""
    cells = [list(map(_csv_cell(c.kind), columns[c.name])) for c in table.columns]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(table.column_names)
        writer.writerows(zip(*cells, strict=True))


def write_parquet(path: Path, table: contract.Table, columns: Columns) -> None:
    """Parquet with the contract's types (DECIMAL(14,2) money, date32 dates, string lists)."""
    import pyarrow as pa  # only the Parquet path needs it
    import pyarrow.parquet as pq

    types = {
        contract.INTEGER: pa.int64(),
        contract.MONEY: pa.decimal128(14, 2),
        contract.DATE: pa.date32(),
        contract.BOOLEAN: pa.bool_(),
        contract.TEXT_LIST: pa.list_(pa.string()),
    }
    schema = pa.schema([pa.field(c.name, types.get(c.kind, pa.string())) for c in table.columns])
    arrays = []
    for c in table.columns:
        values = columns[c.name]
        if c.kind == contract.TEXT_LIST:
            # An empty list is stored as null, the value an empty CSV cell stands for.
            values = [v or None for v in values]
        arrays.append(pa.array(values, type=schema.field(c.name).type))
    pq.write_table(pa.Table.from_arrays(arrays, schema=schema), path)


def generate(
    out_dir: Path,
    grants: int = DEFAULT_GRANTS,
    solutions: int = DEFAULT_SOLUTIONS,
    fmt: str = "csv",
    seed: int = DEFAULT_SEED,
) -> dict[str, int]:
    """Write one file per contract table into out_dir (<table>.csv or <table>.parquet); return
    row counts per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")
    if grants < 1 or solutions < 2:
        raise ValueError("the demo needs at least 1 grant and 2 solutions")
    tables = build_tables(Volume(grants, solutions), seed)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    write = write_csv if fmt == "csv" else write_parquet
    counts: dict[str, int] = {}
    for table in contract.TABLES:
        columns = tables[table.name]
        if list(columns) != table.column_names:
            raise ValueError(
                f"{table.name}: generated columns {list(columns)} differ from the contract's "
                f"{table.column_names}"
            )
        write(out_dir / f"{table.name}.{fmt}", table, columns)
        counts[table.name] = len(columns[table.column_names[0]])
    return counts


def main(argv: Sequence[str] | None = None) -> None:
    """`python -m dashboard.demo --out DIR [--grants N] [--solutions N] [--format F]`."""
    parser = argparse.ArgumentParser(description="Write the demo dataset, one file per table.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--grants", type=int, default=DEFAULT_GRANTS)
    parser.add_argument("--solutions", type=int, default=DEFAULT_SOLUTIONS)
    parser.add_argument("--format", choices=FORMATS, default="csv")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    for name, count in generate(
        args.out, args.grants, args.solutions, args.format, args.seed
    ).items():
        print(f"{name}: {count}")


if __name__ == "__main__":
    main()
