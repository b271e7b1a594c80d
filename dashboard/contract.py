"""The data contract: every table an export may bring, its columns, types and rules (one source)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Column kinds. Each maps to one DuckDB type inside the portal.
TEXT = "text"
INTEGER = "integer"
MONEY = "money"  # DECIMAL(14,2), never float
DATE = "date"
BOOLEAN = "boolean"
TEXT_LIST = "list"  # `a|b|c` in one CSV cell
YOUTUBE_URL = "youtube_url"
CURRENCY = "currency"  # ISO 4217 code, three capital letters
HTTP_URL = "http_url"  # an external web address; never javascript: or data:

SQL_TYPES = {
    TEXT: "VARCHAR",
    INTEGER: "BIGINT",
    MONEY: "DECIMAL(14,2)",
    DATE: "DATE",
    BOOLEAN: "BOOLEAN",
    TEXT_LIST: "VARCHAR[]",
    YOUTUBE_URL: "VARCHAR",
    CURRENCY: "VARCHAR",
    HTTP_URL: "VARCHAR",
}

LIST_SEPARATOR = "|"
TRUE_WORDS = ("true", "ja", "1", "wahr", "yes", "j", "y")
FALSE_WORDS = ("false", "nein", "0", "falsch", "no", "n")
MONEY_MAX = 10**12  # DECIMAL(14,2) holds up to 999.999.999.999,99
YOUTUBE_ID = re.compile(r"[A-Za-z0-9_-]{11}")
YOUTUBE_URL_PATTERN = (
    r"https://(www\.|m\.)?(youtube\.com/watch\?v=|youtu\.be/|youtube\.com/embed/)"
    r"([A-Za-z0-9_-]{11})([&?#][^\s]*)?"
)
YOUTUBE_URL_RE = re.compile(YOUTUBE_URL_PATTERN)
CURRENCY_PATTERN = r"[A-Z]{3}"
HTTP_URL_PATTERN = r"https?://[^\s/$.?#][^\s]*"


@dataclass(frozen=True)
class Column:
    """One column of an export table."""

    name: str
    kind: str
    doc_de: str
    doc_en: str
    required: bool = True
    unique: bool = False
    allowed: tuple[str, ...] | None = None
    references: tuple[str, str] | None = None  # (table, column); for a list, each element
    non_negative: bool = False
    default: str | None = None  # used when the cell is empty (e.g. currency EUR)

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.kind]


@dataclass(frozen=True)
class Table:
    """One export table: one file per table."""

    name: str
    doc_de: str
    doc_en: str
    columns: tuple[Column, ...]
    unique_together: tuple[tuple[str, ...], ...] = field(default_factory=tuple)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(f"{self.name} has no column {name!r}; known: {', '.join(self.column_names)}")


ASSOCIATION_CODES = ("AWO", "CARITAS", "PARITAET", "DRK", "DIAKONIE", "ZWST", "OTHER")
EVENT_KINDS = ("hackathon", "programme")
MATURITIES = ("idea", "prototype", "pilot", "in_use")
AWARDS = ("finalist", "winner")  # empty means no award
PATRON_KINDS = ("company", "foundation", "person", "public")


def _c(name: str, kind: str, de: str, en: str, **kw) -> Column:
    return Column(name, kind, de, en, **kw)


TABLES: tuple[Table, ...] = (
    Table(
        "action_fields",
        "Handlungsfelder, nach denen Herausforderungen, Lösungen und Förderungen geordnet sind.",
        "Action fields by which challenges, solutions and grants are classified.",
        (
            _c("code", TEXT, "Kurzzeichen, z. B. `KJF`", "Short code, e.g. `KJF`", unique=True),
            _c("name_de", TEXT, "Name auf Deutsch", "Name in German"),
            _c("name_en", TEXT, "Name auf Englisch", "Name in English"),
            _c("description_de", TEXT, "Beschreibung (de)", "Description (de)", required=False),
            _c("description_en", TEXT, "Beschreibung (en)", "Description (en)", required=False),
        ),
    ),
    Table(
        "associations",
        "Spitzenverbände der Freien Wohlfahrtspflege.",
        "Umbrella associations of the voluntary welfare sector.",
        (
            _c(
                "code",
                TEXT,
                "Kurzzeichen: " + ", ".join(ASSOCIATION_CODES),
                "Code: " + ", ".join(ASSOCIATION_CODES),
                unique=True,
                allowed=ASSOCIATION_CODES,
            ),
            _c("name_de", TEXT, "Name auf Deutsch", "Name in German"),
            _c("name_en", TEXT, "Name auf Englisch", "Name in English"),
        ),
    ),
    Table(
        "districts",
        "Kreise und kreisfreie Städte (Vorgabe: die 53 in NRW).",
        "Districts and district-free cities (default: the 53 of NRW).",
        (
            _c(
                "ags",
                TEXT,
                "Amtlicher Gemeindeschlüssel (5 Stellen, als Text)",
                "Official municipality key (5 digits, as text)",
                unique=True,
            ),
            _c("name", TEXT, "Name", "Name"),
            _c("kind", TEXT, "Art, z. B. `Kreis`, `kreisfreie Stadt`", "Kind, e.g. `Kreis`"),
            _c("regierungsbezirk", TEXT, "Regierungsbezirk", "Government region"),
            _c(
                "population",
                INTEGER,
                "Einwohnerzahl (leer: unbekannt; mit ihr bietet die Karte „Euro je Einwohner“ an "
                "— nennen Sie Quelle und Stichtag dort, wo Sie die Daten veröffentlichen)",
                "Population (empty: unknown; with it the map offers “euros per inhabitant” — "
                "name source and reference date where you publish the data)",
                required=False,
                non_negative=True,
            ),
        ),
    ),
    Table(
        "organisations",
        "Organisationen, die Herausforderungen stellen oder Förderungen erhalten.",
        "Organisations that post challenges or receive grants.",
        (
            _c("org_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("name", TEXT, "Name", "Name"),
            _c(
                "association",
                TEXT,
                "Spitzenverband (Kurzzeichen)",
                "Umbrella association (code)",
                references=("associations", "code"),
            ),
            _c("org_type", TEXT, "Art der Einrichtung, z. B. `Kita`", "Type, e.g. `Kita`"),
            _c(
                "district_ags",
                TEXT,
                "Kreis (AGS)",
                "District (AGS)",
                references=("districts", "ags"),
            ),
        ),
    ),
    Table(
        "events",
        "Hackathons und Förderprogramme.",
        "Hackathons and funding programmes.",
        (
            _c("event_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("name", TEXT, "Name", "Name"),
            _c(
                "kind",
                TEXT,
                "Art: `hackathon` oder `programme`",
                "Kind: `hackathon` or `programme`",
                allowed=EVENT_KINDS,
            ),
            _c("starts_on", DATE, "Beginn", "Start date"),
            _c("ends_on", DATE, "Ende", "End date"),
            _c(
                "participants",
                INTEGER,
                "Teilnehmende (leer, wenn unbekannt)",
                "Participants (empty if unknown)",
                required=False,
                non_negative=True,
            ),
        ),
    ),
    Table(
        "challenges",
        "Herausforderungen, die Organisationen zu einem Hackathon einreichen.",
        "Challenges that organisations post to a hackathon.",
        (
            _c("challenge_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("event_id", TEXT, "Veranstaltung", "Event", references=("events", "event_id")),
            _c("title", TEXT, "Titel", "Title"),
            _c("description", TEXT, "Beschreibung", "Description"),
            _c(
                "org_id",
                TEXT,
                "Organisation",
                "Organisation",
                references=("organisations", "org_id"),
            ),
            _c(
                "action_field",
                TEXT,
                "Handlungsfeld (Kurzzeichen)",
                "Action field (code)",
                references=("action_fields", "code"),
            ),
            _c(
                "district_ags",
                TEXT,
                "Kreis (AGS)",
                "District (AGS)",
                references=("districts", "ags"),
            ),
            _c("posted_on", DATE, "Eingestellt am", "Posted on"),
        ),
    ),
    Table(
        "solutions",
        "Lösungen der Teams, präsentiert als Video.",
        "Solutions presented by teams as videos.",
        (
            _c("solution_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("event_id", TEXT, "Veranstaltung", "Event", references=("events", "event_id")),
            _c(
                "challenge_id",
                TEXT,
                "Herausforderung (leer: freie Idee)",
                "Challenge (empty: free idea)",
                required=False,
                references=("challenges", "challenge_id"),
            ),
            _c("title", TEXT, "Titel", "Title"),
            _c("summary", TEXT, "Kurzbeschreibung", "Summary"),
            _c("team_name", TEXT, "Teamname", "Team name"),
            _c("team_size", INTEGER, "Teamgröße", "Team size", non_negative=True),
            _c(
                "district_ags",
                TEXT,
                "Kreis des Teams (AGS, optional)",
                "Team's district (AGS, optional)",
                required=False,
                references=("districts", "ags"),
            ),
            _c(
                "video_url",
                YOUTUBE_URL,
                "Leer oder https-YouTube-URL (`youtube.com/watch?v=`, `youtu.be/`, "
                "`youtube.com/embed/`)",
                "Empty or an https YouTube URL",
                required=False,
            ),
            _c(
                "tags",
                TEXT_LIST,
                "Schlagworte, getrennt durch `|`",
                "Tags separated by `|`",
                required=False,
            ),
            _c(
                "is_digital",
                BOOLEAN,
                "Digitale Lösung (`true`/`false`, `ja`/`nein`)",
                "Digital (true/false)",
            ),
            _c(
                "maturity",
                TEXT,
                "Reifegrad: " + ", ".join(MATURITIES),
                "Maturity: " + ", ".join(MATURITIES),
                allowed=MATURITIES,
            ),
            _c(
                "action_field",
                TEXT,
                "Handlungsfeld (Kurzzeichen)",
                "Action field (code)",
                references=("action_fields", "code"),
            ),
            _c("submitted_on", DATE, "Eingereicht am", "Submitted on"),
            _c(
                "award",
                TEXT,
                "Auszeichnung: leer, `finalist` oder `winner`",
                "Award: empty, `finalist` or `winner`",
                required=False,
                allowed=AWARDS,
            ),
            _c("votes", INTEGER, "Publikumsstimmen", "Public votes", non_negative=True),
        ),
    ),
    Table(
        "patrons",
        "Paten und Patinnen, die Lösungen begleiten und finanzieren.",
        "Patrons who accompany and fund solutions.",
        (
            _c("patron_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("name", TEXT, "Name", "Name"),
            _c(
                "kind",
                TEXT,
                "Art: " + ", ".join(PATRON_KINDS),
                "Kind: " + ", ".join(PATRON_KINDS),
                allowed=PATRON_KINDS,
            ),
            _c(
                "action_fields",
                TEXT_LIST,
                "Handlungsfelder von Interesse, getrennt durch `|`",
                "Action fields of interest, separated by `|`",
                required=False,
                references=("action_fields", "code"),
            ),
            _c(
                "districts",
                TEXT_LIST,
                "Kreise von Interesse (AGS), getrennt durch `|`",
                "Districts of interest (AGS), separated by `|`",
                required=False,
                references=("districts", "ags"),
            ),
            _c("budget_eur", MONEY, "Budget in Euro", "Budget in euro", non_negative=True),
        ),
    ),
    Table(
        "patronships",
        "Patenschaften, die bei der Veranstaltung zugesagt wurden.",
        "Patronships pledged at the event.",
        (
            _c("solution_id", TEXT, "Lösung", "Solution", references=("solutions", "solution_id")),
            _c("patron_id", TEXT, "Pate/Patin", "Patron", references=("patrons", "patron_id")),
            _c(
                "amount_eur",
                MONEY,
                "Zugesagter Betrag in Euro",
                "Pledged amount in euro",
                non_negative=True,
            ),
            _c("pledged_on", DATE, "Zugesagt am", "Pledged on"),
        ),
        unique_together=(("solution_id", "patron_id"),),
    ),
    Table(
        "grants",
        "Förderungen (auch im 360Giving-Standard importierbar).",
        "Grants (also importable in the 360Giving standard).",
        (
            _c("grant_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("programme", TEXT, "Förderprogramm", "Grant programme"),
            _c("funder_name", TEXT, "Fördergeber", "Funder"),
            _c("title", TEXT, "Titel des Vorhabens", "Project title"),
            _c("description", TEXT, "Beschreibung", "Description", required=False),
            _c("recipient_org_id", TEXT, "Kennung der Empfängerin", "Recipient identifier"),
            _c("recipient_name", TEXT, "Name der Empfängerin", "Recipient name"),
            _c("recipient_city", TEXT, "Ort der Empfängerin", "Recipient city", required=False),
            _c(
                "association",
                TEXT,
                "Spitzenverband (leer: ohne Zuordnung)",
                "Umbrella association (empty: unassigned)",
                required=False,
                references=("associations", "code"),
            ),
            _c(
                "action_field",
                TEXT,
                "Handlungsfeld (leer: ohne Zuordnung)",
                "Action field (empty: unassigned)",
                required=False,
                references=("action_fields", "code"),
            ),
            _c(
                "district_ags",
                TEXT,
                "Kreis (AGS, leer: ohne Zuordnung)",
                "District (AGS, empty: unassigned)",
                required=False,
                references=("districts", "ags"),
            ),
            _c("amount", MONEY, "Bewilligter Betrag", "Amount awarded", non_negative=True),
            _c(
                "currency",
                CURRENCY,
                "Währung nach ISO 4217 (leer: EUR)",
                "ISO 4217 currency (empty: EUR)",
                required=False,
                default="EUR",
            ),
            _c("award_date", DATE, "Bewilligt am", "Award date"),
            _c(
                "duration_months",
                INTEGER,
                "Laufzeit in Monaten",
                "Duration in months",
                required=False,
                non_negative=True,
            ),
        ),
    ),
    Table(
        "tools",
        "Linkliste digitaler Werkzeuge für die soziale Arbeit.",
        "Link list of digital tools for social work.",
        (
            _c("tool_id", TEXT, "Kennung", "Identifier", unique=True),
            _c("name", TEXT, "Name", "Name"),
            _c("category", TEXT, "Kategorie", "Category"),
            _c("url", HTTP_URL, "Web-Adresse (http:// oder https://)", "Web address (http(s)://)"),
            _c("description_de", TEXT, "Beschreibung (de)", "Description (de)"),
            _c("description_en", TEXT, "Beschreibung (en)", "Description (en)"),
            _c("cost", TEXT, "Kosten, z. B. `kostenlos`", "Cost, e.g. `free`"),
            _c("privacy_note", TEXT, "Hinweis zum Datenschutz", "Privacy note"),
            # English beside the German; where one is empty, English pages show the German.
            _c(
                "category_en",
                TEXT,
                "Kategorie auf Englisch (leer: die deutsche, als deutsch markiert)",
                "Category in English (empty: the German one, marked as German)",
                required=False,
            ),
            _c(
                "cost_en",
                TEXT,
                "Kosten auf Englisch, z. B. `free` (leer: wie `category_en`)",
                "Cost in English, e.g. `free` (empty: as `category_en`)",
                required=False,
            ),
            _c(
                "privacy_note_en",
                TEXT,
                "Hinweis zum Datenschutz auf Englisch (leer: wie `category_en`)",
                "Privacy note in English (empty: as `category_en`)",
                required=False,
            ),
        ),
    ),
)

TABLES_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
TABLE_NAMES: tuple[str, ...] = tuple(TABLES_BY_NAME)


def table(name: str) -> Table:
    """The table called `name`, or a KeyError that lists the known ones."""
    try:
        return TABLES_BY_NAME[name]
    except KeyError:
        raise KeyError(f"unknown table {name!r}; known: {', '.join(TABLE_NAMES)}") from None


def dependency_order() -> list[str]:
    """Table names so that every referenced table comes before the tables that reference it."""
    done: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        for col in TABLES_BY_NAME[name].columns:
            if col.references and col.references[0] != name:
                visit(col.references[0])
        done.append(name)

    for name in TABLE_NAMES:
        visit(name)
    return done


def youtube_video_id(url: str | None) -> str | None:
    """The 11-character video id of an allowed YouTube URL, else None."""
    if not url:
        return None
    m = YOUTUBE_URL_RE.fullmatch(url.strip())
    return m.group(3) if m else None


KIND_DOCS = {
    TEXT: "Text",
    INTEGER: "ganze Zahl",
    MONEY: "Betrag, DECIMAL(14,2)",
    DATE: "Datum",
    BOOLEAN: "Wahrheitswert",
    TEXT_LIST: "Liste",
    YOUTUBE_URL: "YouTube-URL",
    CURRENCY: "Währung (ISO 4217)",
    HTTP_URL: "Web-Adresse",
}


def markdown_tables() -> str:
    """The contract as Markdown: the part of data/README.md that a test keeps in step."""
    out: list[str] = []
    for t in TABLES:
        out.append(f"### `{t.name}`\n\n{t.doc_de}\n")
        out.append("| Spalte | Typ | Pflicht | Regeln | Bedeutung |")
        out.append("|---|---|---|---|---|")
        for c in t.columns:
            out.append(
                f"| `{c.name}` | {KIND_DOCS[c.kind]} | {'ja' if c.required else 'nein'} "
                f"| {_md(_rules(c))} | {_md(c.doc_de)} |"
            )
        for names in t.unique_together:
            out.append(f"\nJede Kombination aus {', '.join(f'`{n}`' for n in names)} nur einmal.")
        out.append("")
    return "\n".join(out)


def _rules(c: Column) -> str:
    rules = []
    if c.unique:
        rules.append("eindeutig")
    if c.references:
        rules.append(f"verweist auf `{c.references[0]}.{c.references[1]}`")
    if c.allowed:
        rules.append("erlaubt: " + ", ".join(f"`{a}`" for a in c.allowed))
    if c.non_negative:
        rules.append("nicht negativ")
    if c.default:
        rules.append(f"leer heißt `{c.default}`")
    return "; ".join(rules) or "–"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


if __name__ == "__main__":
    print(markdown_tables())
