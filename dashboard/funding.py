"""Funding statistics (/foerderung): the filter object, its reads and the tables behind every
chart, the treemap and the grants table (each downloadable as /daten/<name>.csv|xlsx)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from typing import Any

from dashboard import db, tables, urls
from dashboard.i18n import format_money_whole, format_number, t
from dashboard.tables import DATE, INTEGER, MONEY, Column, DataTable, TablePage

# URL parameters (German, like the other pages')
YEAR_FROM, YEAR_TO, FIELD, ASSOCIATION = "von", "bis", "feld", "verband"
REGION, PROGRAMME, BAND = "region", "programm", "betrag"
SORT, PAGE = "sortierung", "seite"
FILTER_PARAMS = (YEAR_FROM, YEAR_TO, FIELD, ASSOCIATION, REGION, PROGRAMME, BAND)
# In the URL, "ohne" chooses the grants without an action field or association ("ohne Zuordnung").
UNASSIGNED = "ohne"
# URL sort keys → the query's sort keys; `-` in front: descending.
SORTS = {
    "titel": "title",
    "empfaenger": "recipient",
    "feld": "field",
    "kreis": "district",
    "betrag": "amount",
    "datum": "award_date",
}
DEFAULT_SORT = "-datum"
PAGE_SIZE = 20
TOP_RECIPIENTS = 15  # the recipient level shows the largest as bars; the grants table has all
GROUPS = ("field", "association", "regierungsbezirk", "district", "month", "band", "recipient")
GRANTS_DATASET, TREE_DATASET = "foerderungen", "foerderung_baum"


# --- what the database answers --------------------------------------------------------------


@dataclass(frozen=True)
class OptionRow:
    kind: str  # year, field, association, programme, district
    code: str
    name: str
    parent: str | None  # a district's Regierungsbezirk


@dataclass(frozen=True)
class KpiRow:
    currency: str
    grants: int
    total: Decimal
    median: Decimal | None
    at_cap: int
    recipients: int


@dataclass(frozen=True)
class FundingGroup:
    """Grants of one group; key "" (and label None): without a field, association or district."""

    key: str
    label: str | None
    parent: str | None
    eur_total: Decimal
    eur_grants: int
    other_grants: int


@dataclass(frozen=True)
class FundingGrant:
    grant_id: str
    title: str
    recipient: str
    action_field: str | None
    association: str | None
    district: str | None
    amount: Decimal
    currency: str
    award_date: date


funding_options = db.reader("funding_options", OptionRow)
funding_kpis = db.reader("funding_kpis", KpiRow)
funding_grouped = db.reader("funding_grouped", FundingGroup)
funding_grants = db.reader("funding_grants", FundingGrant)


@dataclass(frozen=True)
class PopulationRow:
    ags: str
    population: int


district_population = db.reader("district_population", PopulationRow)


def populations() -> dict[str, int]:
    """Each district's population where the export gives one (the optional column)."""
    return {r.ags: r.population for r in district_population()}


# --- the choices and the filter object ------------------------------------------------------


@dataclass(frozen=True)
class FundingOption:
    """A choice of a funding filter: its code, its name, and its parent (a district's RB)."""

    code: str
    name: str
    parent: str | None = None


@dataclass(frozen=True)
class FundingOptions:
    """What the filters can choose: the years with grants, the codes, the amount bands."""

    years: tuple[int, ...]
    fields: tuple[FundingOption, ...]
    associations: tuple[FundingOption, ...]
    programmes: tuple[FundingOption, ...]
    districts: tuple[FundingOption, ...]
    edges: tuple[Decimal, ...]  # lower euro edges of the amount bands after the first

    @property
    def regierungsbezirke(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.parent for d in self.districts if d.parent))

    @property
    def bands(self) -> tuple[tuple[Decimal | None, Decimal | None], ...]:
        return amount_bands(self.edges)

    def band_label(self, index: int, lang: str) -> str:
        return band_label(self.edges, index, lang)


def amount_bands(edges: tuple[Decimal, ...]) -> tuple[tuple[Decimal | None, Decimal | None], ...]:
    """(min, max) of each euro amount band: under the first edge, …, the last edge and more."""
    bounds = (None, *edges, None)
    return tuple(zip(bounds[:-1], bounds[1:], strict=True))


def band_label(edges: tuple[Decimal, ...], index: int, lang: str) -> str:
    """`unter 10.000 €`, `10.000 € bis unter 25.000 €`, `100.000 € und mehr`."""
    low, high = amount_bands(edges)[index]
    money = [format_money_whole(v, lang=lang) for v in (low, high) if v is not None]
    if low is None:
        return t("funding_band_under", money[0], lang=lang)
    if high is None:
        return t("funding_band_over", money[0], lang=lang)
    return t("funding_band_between", *money, lang=lang)


def band_edges() -> tuple[Decimal, ...]:
    """The amount bands the operator set (FUNDING_BANDS)."""
    return db.settings().funding_band_edges


def options(lang: str) -> FundingOptions:
    """The choices of the filter bar, in `lang`, with the configured amount bands."""
    found: dict[str, list[FundingOption]] = {}
    for row in funding_options(lang=lang):
        found.setdefault(row.kind, []).append(FundingOption(row.code, row.name, row.parent))
    return FundingOptions(
        years=tuple(int(o.code) for o in found.get("year", ())),
        fields=tuple(found.get("field", ())),
        associations=tuple(found.get("association", ())),
        programmes=tuple(found.get("programme", ())),
        districts=tuple(found.get("district", ())),
        edges=band_edges(),
    )


@dataclass(frozen=True)
class FundingFilters:
    """The validated state of /foerderung: its filters (None: all; "": the grants without a
    field or association, "ohne Zuordnung"; `band` an index into the amount bands) and the
    grants table's sort and page. A treemap tile, a bar or a map district sets a filter too:
    the treemap's level follows the field and association filters.

    Built once from the URL (`from_url`), it is the one source of the SQL parameters (`sql`),
    the status sentence, the URL and the download links (`query`).
    """

    year_from: int | None = None
    year_to: int | None = None
    action_field: str | None = None
    association: str | None = None
    regierungsbezirk: str | None = None
    district_ags: str | None = None
    programme: str | None = None
    band: int | None = None
    edges: tuple[Decimal, ...] = field(default_factory=band_edges)
    sort: str = DEFAULT_SORT  # the grants table's, as in the URL: `betrag`, `-datum`
    page: int = 1  # the grants table's page as asked for (clamped when read)

    @classmethod
    def from_url(cls, params: Mapping[str, Any], lang: str) -> FundingFilters:
        """The URL's state, validated against the choices there are: an unknown value means
        "all", years out of order are swapped."""
        known = options(lang)
        value = {name: urls.first(params.get(name)) for name in (*FILTER_PARAMS, SORT)}
        low, high = (_year(value[p], known.years) for p in (YEAR_FROM, YEAR_TO))
        if low is not None and high is not None and low > high:
            low, high = high, low
        band = value[BAND]
        region = value[REGION]
        sort, descending = tables.url_sort(value[SORT], SORTS, DEFAULT_SORT)
        return cls(
            year_from=low,
            year_to=high,
            action_field=_code(value[FIELD], {o.code for o in known.fields}),
            association=_code(value[ASSOCIATION], {o.code for o in known.associations}),
            regierungsbezirk=region if region in known.regierungsbezirke else None,
            district_ags=region if region in {d.code for d in known.districts} else None,
            programme=value[PROGRAMME] if value[PROGRAMME] in {o.code for o in known.programmes}
            else None,
            band=int(band) if band.isdigit() and int(band) < len(known.bands) else None,
            edges=known.edges,
            sort=("-" if descending else "") + sort,
            page=_page(params.get(PAGE)),
        )  # fmt: skip

    @property
    def amount_range(self) -> tuple[Decimal | None, Decimal | None]:
        """The euro bounds of the chosen band (min inclusive, max exclusive)."""
        if self.band is None:
            return None, None
        low, high = amount_bands(self.edges)[self.band]
        return (low if low is not None else Decimal(0)), high

    def active(self) -> int:
        """How many of the filters are set (a region counts once, a district or a Bezirk)."""
        region = self.regierungsbezirk if self.district_ags is None else self.district_ags
        chosen = (self.year_from, self.year_to, self.action_field, self.association, region,
                  self.programme, self.band)  # fmt: skip
        return sum(value is not None for value in chosen)

    def sql(self) -> dict[str, Any]:
        """The bound parameters of grants_filtered (and the band edges)."""
        amount_min, amount_max = self.amount_range
        return {
            "year_from": self.year_from,
            "year_to": self.year_to,
            "action_field": self.action_field,
            "association": self.association,
            "regierungsbezirk": self.regierungsbezirk,
            "district_ags": self.district_ags,
            "programme": self.programme,
            "amount_min": amount_min,
            "amount_max": amount_max,
            "edges": list(self.edges),
        }

    def url_values(self) -> dict[str, str | None]:
        """The filters as URL parameters (None: all)."""

        def coded(value: str | None) -> str | None:
            return UNASSIGNED if value == "" else value

        return {
            YEAR_FROM: None if self.year_from is None else str(self.year_from),
            YEAR_TO: None if self.year_to is None else str(self.year_to),
            FIELD: coded(self.action_field),
            ASSOCIATION: coded(self.association),
            REGION: self.regierungsbezirk or self.district_ags,
            PROGRAMME: self.programme,
            BAND: None if self.band is None else str(self.band),
        }

    def query(self, **extra: str | None) -> str:
        """The filters (and `extra`) as a query string: what a chart's download links carry."""
        return urls.encode({**self.url_values(), **extra})

    @property
    def sort_key(self) -> str:
        return SORTS[self.sort.removeprefix("-")]

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")


def _code(value: str, codes: set[str]) -> str | None:
    """A validated code; "ohne" → "" (without one); unknown → None ("all")."""
    if value == UNASSIGNED:
        return ""
    return value if value in codes else None


def _year(value: str, years: tuple[int, ...]) -> int | None:
    return int(value) if value.isdigit() and int(value) in years else None


def _page(value: Any) -> int:
    try:
        return max(1, int(urls.first(value) or 1))
    except ValueError:
        return 1


def chips(filters: FundingFilters, lang: str) -> tuple[tuple[str, str], ...]:
    """(URL parameter, "Handlungsfeld: Kinder, Jugend und Familie") of each filter that is set,
    in the filter bar's order: what the page shows as removable chips."""
    known = options(lang)
    names = {
        FIELD: {o.code: o.name for o in known.fields},
        ASSOCIATION: {o.code: o.name for o in known.associations},
        PROGRAMME: {o.code: o.name for o in known.programmes},
        REGION: {d.code: d.name for d in known.districts}
        | {
            rb: t("funding_regierungsbezirk_option", rb, lang=lang)
            for rb in known.regierungsbezirke
        },
    }
    labels = {
        YEAR_FROM: "funding_filter_year_from",
        YEAR_TO: "funding_filter_year_to",
        FIELD: "funding_filter_field",
        ASSOCIATION: "funding_filter_association",
        REGION: "funding_filter_region",
        PROGRAMME: "funding_filter_programme",
        BAND: "funding_filter_band",
    }
    found = []
    for param, value in filters.url_values().items():
        if value is None:
            continue
        if value == UNASSIGNED and param in (FIELD, ASSOCIATION):
            shown = t("funding_unassigned", lang=lang)
        elif param == BAND:
            shown = band_label(filters.edges, int(value), lang)
        else:
            shown = names.get(param, {}).get(value, value)
        found.append((param, f"{t(labels[param], lang=lang)}: {shown}"))
    return tuple(found)


# --- key figures ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CurrencyTotal:
    """Grants in one currency and their total (never added to another currency's)."""

    currency: str
    grants: int
    total: Decimal


@dataclass(frozen=True)
class FundingKpis:
    """Key figures: euro figures count EUR grants; other currencies stand beside, never added."""

    grants: int  # all currencies
    recipients: int  # all currencies
    eur_grants: int
    eur_total: Decimal
    eur_median: Decimal | None
    eur_at_cap: int  # EUR grants at their programme's largest amount
    other_currencies: tuple[CurrencyTotal, ...]

    @classmethod
    def from_rows(cls, rows: tuple[KpiRow, ...]) -> FundingKpis:
        eur = next((r for r in rows if r.currency == "EUR"), None)
        return cls(
            grants=sum(r.grants for r in rows),
            recipients=rows[0].recipients if rows else 0,
            eur_grants=eur.grants if eur else 0,
            eur_total=eur.total if eur else Decimal("0.00"),
            eur_median=eur.median if eur else None,
            eur_at_cap=eur.at_cap if eur else 0,
            other_currencies=tuple(
                CurrencyTotal(r.currency, r.grants, r.total) for r in rows if r.currency != "EUR"
            ),
        )

    @property
    def eur_mean(self) -> Decimal | None:
        if not self.eur_grants:
            return None
        return (self.eur_total / self.eur_grants).quantize(Decimal("0.01"))

    @property
    def cap_share(self) -> float | None:
        return self.eur_at_cap / self.eur_grants if self.eur_grants else None


def kpis(filters: FundingFilters) -> FundingKpis:
    return FundingKpis.from_rows(funding_kpis(**filters.sql()))


def status(filters: FundingFilters, lang: str) -> str:
    """ "667 Förderungen in dieser Auswahl": what screen readers hear when the filters change."""
    return t("funding_status", format_number(kpis(filters).grants, lang=lang), lang=lang)


def groups(filters: FundingFilters, group: str, lang: str) -> tuple[FundingGroup, ...]:
    """Grants grouped by `group` (one of GROUPS), the largest euro total first."""
    if group not in GROUPS:
        raise ValueError(f"unknown group {group!r}")
    return funding_grouped(**filters.sql(), group=group, lang=lang)


# --- the charts' tables -----------------------------------------------------------------------


def _money_counts(
    name: str, title: str, label: str, rows: list[tuple[str, FundingGroup]], lang: str
) -> DataTable:
    """(label, group) rows: € total and number of EUR grants; grants in other currencies in a
    column of their own when there are any (never added to the euros)."""
    others = any(g.other_grants for _, g in rows)
    columns = [
        Column("label", label),
        Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
        Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
    ]
    if others:
        columns.append(Column("other_grants", t("funding_col_other_grants", lang=lang), INTEGER))
    return DataTable(
        name=name,
        title=title,
        columns=tuple(columns),
        rows=tuple(
            (text, g.eur_total, g.eur_grants, *((g.other_grants,) if others else ()))
            for text, g in rows
        ),
    )


def _named(group: FundingGroup, lang: str) -> str:
    return group.label if group.key else t("funding_unassigned", lang=lang)


@dataclass(frozen=True)
class FundingChart:
    """A chart whose bars are filters: its table, each row's URL value (`keys`, "" where a row
    cannot be chosen) and the value the page is filtered by (`chosen`; the other bars stay in
    grey beside it, for context)."""

    table: DataTable
    keys: tuple[str, ...]
    chosen: str | None


def _key(group: FundingGroup) -> str:
    return group.key or UNASSIGNED


def field_chart(filters: FundingFilters, lang: str) -> FundingChart:
    """€ by action field; with a field filtered, every field (the chosen one in colour)."""
    found = groups(replace(filters, action_field=None), "field", lang)
    table = _money_counts(
        "foerderung_handlungsfelder",
        t("funding_by_field_title", lang=lang),
        t("funding_col_field", lang=lang),
        [(_named(g, lang), g) for g in found],
        lang,
    )
    return FundingChart(table, tuple(_key(g) for g in found), filters.url_values()[FIELD])


def region_chart(filters: FundingFilters, lang: str) -> FundingChart:
    """€ by Regierungsbezirk; with a region or district filtered, every Bezirk (its own in
    colour)."""
    found = groups(replace(filters, regierungsbezirk=None, district_ags=None), "regierungsbezirk",
                   lang)  # fmt: skip
    chosen = filters.regierungsbezirk
    if filters.district_ags:
        parents = {d.code: d.parent for d in options(lang).districts}
        chosen = parents.get(filters.district_ags)
    table = _money_counts(
        "foerderung_regierungsbezirke",
        t("funding_by_regierungsbezirk_title", lang=lang),
        t("funding_col_regierungsbezirk", lang=lang),
        [(_named(g, lang), g) for g in found],
        lang,
    )
    return FundingChart(table, tuple(g.key for g in found), chosen)


@tables.dataset("foerderung_handlungsfelder", parse=FundingFilters.from_url)
def by_field(filters: FundingFilters, lang: str) -> DataTable:
    return field_chart(filters, lang).table


@tables.dataset("foerderung_regierungsbezirke", parse=FundingFilters.from_url)
def by_regierungsbezirk(filters: FundingFilters, lang: str) -> DataTable:
    return region_chart(filters, lang).table


@tables.dataset("foerderung_kreise", parse=FundingFilters.from_url)
def by_district(filters: FundingFilters, lang: str) -> DataTable:
    """Every district (the map shows them all), most euros first; € per grant beside."""
    found = {g.key: g for g in groups(filters, "district", lang)}
    if not found:
        return DataTable("foerderung_kreise", t("funding_by_district_title", lang=lang), (), ())
    districts = options(lang).districts
    if filters.regierungsbezirk or filters.district_ags:
        districts = tuple(
            d for d in districts if filters.district_ags in (None, d.code)
            and filters.regierungsbezirk in (None, d.parent)
        )  # fmt: skip
    empty = FundingGroup("", None, None, Decimal("0.00"), 0, 0)
    rows = sorted(
        ((d, found.get(d.code, empty)) for d in districts),
        key=lambda pair: (-pair[1].eur_total, pair[0].name),
    )
    mean = [
        (g.eur_total / g.eur_grants).quantize(Decimal("0.01")) if g.eur_grants else None
        for _, g in rows
    ]
    columns = [
        Column("ags", t("funding_col_ags", lang=lang)),
        Column("label", t("funding_col_district", lang=lang)),
        Column("regierungsbezirk", t("funding_col_regierungsbezirk", lang=lang)),
        Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
        Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
        Column("eur_mean", t("funding_col_eur_mean", lang=lang), MONEY),
    ]
    table_rows = [
        (d.code, d.name, d.parent, g.eur_total, g.eur_grants, m)
        for (d, g), m in zip(rows, mean, strict=True)
    ]
    people = populations()
    if people:  # the optional column: € per inhabitant beside (None where it is unknown)
        columns += [
            Column("population", t("funding_col_population", lang=lang), INTEGER),
            Column("eur_per_inhabitant", t("funding_col_eur_per_inhabitant", lang=lang), MONEY),
        ]
        table_rows = [
            (*row, people.get(row[0]), per_inhabitant(row[3], people.get(row[0])))
            for row in table_rows
        ]
    return DataTable(
        name="foerderung_kreise",
        title=t("funding_by_district_title", lang=lang),
        columns=tuple(columns),
        rows=tuple(table_rows),
    )


def per_inhabitant(total: Decimal, population: int | None) -> Decimal | None:
    """Euros per inhabitant to the cent (exact: Decimal), None without a population."""
    if not population:
        return None
    return (total / population).quantize(Decimal("0.01"))


@tables.dataset("foerderung_monate", parse=FundingFilters.from_url)
def by_month(filters: FundingFilters, lang: str) -> DataTable:
    """€ and EUR grants per award month, months without a grant in between as 0."""
    found = {date.fromisoformat(g.key): g for g in groups(filters, "month", lang) if g.eur_grants}
    months: list[date] = []
    if found:
        month, last = min(found), max(found)
        while month <= last:
            months.append(month)
            month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return DataTable(
        name="foerderung_monate",
        title=t("funding_by_month_title", lang=lang),
        columns=(
            Column("month", t("funding_col_month", lang=lang), DATE),
            Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
            Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
        ),
        rows=tuple(
            (m, found[m].eur_total, found[m].eur_grants) if m in found else (m, Decimal("0.00"), 0)
            for m in months
        ),
    )


def band_chart(filters: FundingFilters, lang: str) -> FundingChart:
    """EUR grants per amount band (setting FUNDING_BANDS), every band, smallest first; with a
    band filtered, every band (the chosen one in colour)."""
    found = {int(g.key): g for g in groups(replace(filters, band=None), "band", lang) if g.key}
    bands = range(len(amount_bands(filters.edges)))
    rows = tuple(
        (
            band_label(filters.edges, i, lang),
            found[i].eur_grants if i in found else 0,
            found[i].eur_total if i in found else Decimal("0.00"),
        )
        for i in bands
    )
    table = DataTable(
        name="foerderung_betragsklassen",
        title=t("funding_by_band_title", lang=lang),
        columns=(
            Column("band", t("funding_col_band", lang=lang)),
            Column("eur_grants", t("funding_col_eur_grants", lang=lang), INTEGER),
            Column("eur_total", t("funding_col_eur_total", lang=lang), MONEY),
        ),
        rows=rows if any(r[1] for r in rows) else (),
    )
    chosen = None if filters.band is None else str(filters.band)
    return FundingChart(table, tuple(str(i) for i in bands) if table.rows else (), chosen)


@tables.dataset("foerderung_betragsklassen", parse=FundingFilters.from_url)
def by_band(filters: FundingFilters, lang: str) -> DataTable:
    return band_chart(filters, lang).table


# --- the treemap ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FundingTreeLevel:
    """The treemap's level, set by the field and association filters: the fields (no field
    chosen), a field's associations, or one association's largest recipients (as bars).

    `path`: the chosen field's and association's URL values; `param`: the filter a tile sets
    (None at the recipients); `keys`: each row's value for it; `rest`: recipients not shown."""

    path: tuple[str, ...]
    param: str | None
    keys: tuple[str, ...]
    table: DataTable
    rest: int = 0

    @property
    def recipients(self) -> bool:
        return self.param is None


def tree_level(filters: FundingFilters, lang: str) -> FundingTreeLevel:
    values = filters.url_values()
    if filters.action_field is None:
        level, path = 0, ()
    elif filters.association is None:
        level, path = 1, (values[FIELD],)
    else:
        level, path = 2, (values[FIELD], values[ASSOCIATION])
    group = ("field", "association", "recipient")[level]
    found = groups(filters, group, lang)
    shown = found[:TOP_RECIPIENTS] if level == 2 else found
    label = ("funding_col_field", "funding_col_association", "funding_col_recipient")[level]
    table = _money_counts(
        TREE_DATASET,
        t("funding_tree_title", lang=lang),
        t(label, lang=lang),
        [(_named(g, lang), g) for g in shown],
        lang,
    )
    param = (FIELD, ASSOCIATION, None)[level]
    keys = tuple(_key(g) if param else "" for g in shown)
    return FundingTreeLevel(path, param, keys, table, rest=len(found) - len(shown))


@tables.dataset(TREE_DATASET, parse=FundingFilters.from_url)
def tree(filters: FundingFilters, lang: str) -> DataTable:
    """The treemap's current level, as the page shows it."""
    return tree_level(filters, lang).table


# --- the grants table -------------------------------------------------------------------------


def grants_page(filters: FundingFilters, lang: str) -> TablePage:
    """The page `filters.page` (clamped to the pages there are) of the grants, sorted."""
    total = kpis(filters).grants
    page, pages = tables.url_page(filters.page, total, PAGE_SIZE)
    rows = funding_grants(
        **filters.sql(),
        lang=lang,
        sort_key=filters.sort_key,
        descending=filters.descending,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )
    sort = filters.sort.removeprefix("-")
    return TablePage(_grants_table(rows, lang), sort, filters.descending, page, pages, total)


@tables.dataset(GRANTS_DATASET, parse=FundingFilters.from_url)
def grants(filters: FundingFilters, lang: str) -> DataTable:
    """Every grant under the filters, in the table's sort order."""
    rows = funding_grants(
        **filters.sql(),
        lang=lang,
        sort_key=filters.sort_key,
        descending=filters.descending,
        limit=None,
        offset=0,
    )
    return _grants_table(rows, lang)


def _grants_table(rows: tuple[FundingGrant, ...], lang: str) -> DataTable:
    """Amounts in the money column of their own currency; a table cell knows it (Column has one
    currency), so the currency stands in a column of its own too."""
    unassigned = t("funding_unassigned", lang=lang)
    return DataTable(
        name=GRANTS_DATASET,
        title=t("funding_grants_title", lang=lang),
        columns=(
            Column("id", t("funding_col_id", lang=lang)),
            Column("titel", t("funding_col_title", lang=lang)),
            Column("empfaenger", t("funding_col_recipient", lang=lang)),
            Column("feld", t("funding_col_field", lang=lang)),
            Column("verband", t("funding_col_association", lang=lang)),
            Column("kreis", t("funding_col_district", lang=lang)),
            Column("betrag", t("funding_col_amount", lang=lang), MONEY),
            Column("waehrung", t("funding_col_currency", lang=lang)),
            Column("datum", t("funding_col_award_date", lang=lang), DATE),
        ),
        rows=tuple(
            (
                r.grant_id,
                r.title,
                r.recipient,
                r.action_field or unassigned,
                r.association or unassigned,
                r.district or unassigned,
                r.amount,
                r.currency,
                r.award_date,
            )
            for r in rows
        ),
    )
