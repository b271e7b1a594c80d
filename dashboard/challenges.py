"""Challenge statistics (/herausforderungen): the filter object, its reads, the tables behind
every chart with their text summaries, and the table of challenges without a solution."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from dashboard import db, tables, urls
from dashboard.i18n import format_date, format_number, format_percent, t
from dashboard.tables import DATE, INTEGER, PERCENT, Column, DataTable, TablePage

# URL parameters (German, like the other pages')
EVENT, FIELD, REGION, SORT, PAGE = "veranstaltung", "feld", "region", "sortierung", "seite"
# URL sort keys (German, like the other parameters) → the query's sort keys.
UNSOLVED_SORTS = {
    "titel": "title",
    "organisation": "organisation",
    "feld": "action_field",
    "kreis": "district",
    "datum": "posted_on",
}
DEFAULT_SORT = "datum"
UNSOLVED_PAGE_SIZE = 20
UNSOLVED_DATASET = "herausforderungen_ohne_loesung"


# --- what the database answers --------------------------------------------------------------


@dataclass(frozen=True)
class ChallengeOption:
    """A choice of a challenge filter: its code and its name in the active language."""

    code: str
    name: str


@dataclass(frozen=True)
class ChallengeDistrict:
    ags: str
    name: str
    regierungsbezirk: str


@dataclass(frozen=True)
class ChallengeKpis:
    challenges: int
    with_solution: int
    without_solution: int

    @property
    def share_covered(self) -> float | None:
        return self.with_solution / self.challenges if self.challenges else None


@dataclass(frozen=True)
class ChallengeCount:
    """Challenges of one group (action field, association); code None: none given."""

    code: str | None
    name: str | None
    challenges: int


@dataclass(frozen=True)
class RegierungsbezirkCount:
    regierungsbezirk: str
    challenges: int


@dataclass(frozen=True)
class DistrictCount:
    ags: str
    name: str
    regierungsbezirk: str
    challenges: int


@dataclass(frozen=True)
class TimelinePoint:
    period: date
    unit: str  # "day" or "week" (starting Monday)
    challenges: int


@dataclass(frozen=True)
class ChallengeCoverage:
    """Challenges of one action field by how many solutions they got: 0, 1, 2 or more."""

    code: str
    name: str
    none: int
    one: int
    two_plus: int


@dataclass(frozen=True)
class UnsolvedChallenge:
    challenge_id: str
    title: str
    organisation: str | None
    action_field: str | None
    district: str | None
    posted_on: date


challenges_event_options = db.reader("challenges_event_options", ChallengeOption)
challenges_field_options = db.reader("challenges_field_options", ChallengeOption)
challenges_region_options = db.reader("challenges_region_options", ChallengeDistrict)
challenges_kpis = db.reader("challenges_kpis", ChallengeKpis)
challenges_by_field = db.reader("challenges_by_field", ChallengeCount)
challenges_by_association = db.reader("challenges_by_association", ChallengeCount)
challenges_by_regierungsbezirk = db.reader("challenges_by_regierungsbezirk", RegierungsbezirkCount)
challenges_by_district = db.reader("challenges_by_district", DistrictCount)
challenges_timeline = db.reader("challenges_timeline", TimelinePoint)
challenges_coverage = db.reader("challenges_coverage", ChallengeCoverage)
challenges_unsolved = db.reader("challenges_unsolved", UnsolvedChallenge)


# --- the choices and the filter object ------------------------------------------------------


@dataclass(frozen=True)
class ChallengeFilterOptions:
    events: tuple[ChallengeOption, ...]
    fields: tuple[ChallengeOption, ...]
    districts: tuple[ChallengeDistrict, ...]

    @property
    def regierungsbezirke(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.regierungsbezirk for d in self.districts))


def options(lang: str) -> ChallengeFilterOptions:
    return ChallengeFilterOptions(
        events=challenges_event_options(),
        fields=challenges_field_options(lang=lang),
        districts=challenges_region_options(),
    )


@dataclass(frozen=True)
class ChallengeFilters:
    """The validated state of /herausforderungen: event, action field and region (None: all),
    and the unsolved table's sort (as in the URL: `titel`, `-datum`) and page as asked for.

    Built once from the URL (`from_url`), the one source of the SQL parameters (`sql`), the
    status sentence (`status`), the URL and the download links (`query`).
    """

    event_id: str | None = None
    action_field: str | None = None
    regierungsbezirk: str | None = None
    district_ags: str | None = None
    sort: str = DEFAULT_SORT
    page: int = 1

    @classmethod
    def from_url(cls, params: Mapping[str, Any], lang: str) -> ChallengeFilters:
        """The URL's filters, validated: an unknown code is ignored (shown as "all")."""
        known = options(lang)
        event, field, region = (urls.first(params.get(p)) for p in (EVENT, FIELD, REGION))
        sort, descending = tables.url_sort(urls.first(params.get(SORT)), UNSOLVED_SORTS,
                                           DEFAULT_SORT)  # fmt: skip
        try:
            page = max(1, int(urls.first(params.get(PAGE)) or 1))
        except ValueError:
            page = 1
        # `region` is a district's AGS or a Regierungsbezirk's name; the two never look alike.
        return cls(
            event_id=event if event in {e.code for e in known.events} else None,
            action_field=field if field in {f.code for f in known.fields} else None,
            regierungsbezirk=region if region in known.regierungsbezirke else None,
            district_ags=region if region in {d.ags for d in known.districts} else None,
            sort=("-" if descending else "") + sort,
            page=page,
        )

    @property
    def region(self) -> str | None:
        return self.regierungsbezirk or self.district_ags

    def sql(self) -> dict[str, str | None]:
        """The bound parameters of challenges_filtered."""
        return {
            "event_id": self.event_id,
            "action_field": self.action_field,
            "regierungsbezirk": self.regierungsbezirk,
            "district_ags": self.district_ags,
        }

    def url_values(self) -> dict[str, str | None]:
        return {EVENT: self.event_id, FIELD: self.action_field, REGION: self.region}

    def query(self, **extra: str | None) -> str:
        """The filters (and `extra`) as a query string: what a chart's download links carry."""
        return urls.encode({**self.url_values(), **extra})

    def active(self) -> int:
        """How many of the filters are set (a region counts once, a district or a Bezirk)."""
        region = self.district_ags or self.regierungsbezirk
        return sum(value is not None for value in (self.event_id, self.action_field, region))

    def status(self, lang: str) -> str:
        """What the page shows, in words: screen readers hear it when the filters change."""
        known = options(lang)
        names = {o.code: o.name for o in (*known.events, *known.fields)}
        names |= {d.ags: d.name for d in known.districts}
        region = self.regierungsbezirk and t(
            "challenges_regierungsbezirk_option", self.regierungsbezirk, lang=lang
        )
        chosen = [
            names.get(self.event_id) or t("challenges_status_all_events", lang=lang),
            names.get(self.action_field) or t("challenges_status_all_fields", lang=lang),
            region or names.get(self.district_ags) or t("challenges_status_all_regions", lang=lang),
        ]
        total = kpis(self).challenges
        return t("challenges_status", format_number(total, lang=lang), ", ".join(chosen),
                 lang=lang)  # fmt: skip


def kpis(filters: ChallengeFilters) -> ChallengeKpis:
    return challenges_kpis.one(**filters.sql())


# --- the charts' tables -----------------------------------------------------------------------


def _share(count: int, total: int) -> float:
    # Four places: 33,49 % in the table, and a CSV cell that stays readable (0,3349).
    return round(count / total, 4)


def _counts(name: str, title: str, label: str, rows: list[tuple], lang: str) -> DataTable:
    """(label, challenges) rows with each one's share of the selection."""
    total = sum(n for _, n in rows)
    return DataTable(
        name=name,
        title=title,
        columns=(
            Column("label", label),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
            Column("share", t("challenges_col_share", lang=lang), PERCENT),
        ),
        # No challenge at all: no rows, so the page says "no data" instead of drawing zero bars.
        rows=tuple((label, n, _share(n, total)) for label, n in rows) if total else (),
    )


@tables.dataset("herausforderungen_handlungsfelder", parse=ChallengeFilters.from_url)
def by_field(filters: ChallengeFilters, lang: str) -> DataTable:
    counts = challenges_by_field(**filters.sql(), lang=lang)
    return _counts(
        "herausforderungen_handlungsfelder",
        t("challenges_by_field_title", lang=lang),
        t("challenges_col_field", lang=lang),
        [(c.name, c.challenges) for c in counts],
        lang,
    )


@tables.dataset("herausforderungen_spitzenverbaende", parse=ChallengeFilters.from_url)
def by_association(filters: ChallengeFilters, lang: str) -> DataTable:
    counts = challenges_by_association(**filters.sql(), lang=lang)
    unassigned = t("challenges_no_association", lang=lang)
    return _counts(
        "herausforderungen_spitzenverbaende",
        t("challenges_by_association_title", lang=lang),
        t("challenges_col_association", lang=lang),
        [(c.name if c.code else unassigned, c.challenges) for c in counts],
        lang,
    )


@tables.dataset("herausforderungen_regierungsbezirke", parse=ChallengeFilters.from_url)
def by_regierungsbezirk(filters: ChallengeFilters, lang: str) -> DataTable:
    counts = challenges_by_regierungsbezirk(**filters.sql())
    return _counts(
        "herausforderungen_regierungsbezirke",
        t("challenges_by_regierungsbezirk_title", lang=lang),
        t("challenges_col_regierungsbezirk", lang=lang),
        [(c.regierungsbezirk, c.challenges) for c in counts],
        lang,
    )


@tables.dataset("herausforderungen_kreise", parse=ChallengeFilters.from_url)
def by_district(filters: ChallengeFilters, lang: str) -> DataTable:
    """Every district of the chosen region, also those without a challenge (that is news too)."""
    counts = challenges_by_district(**filters.sql())
    total = sum(c.challenges for c in counts)
    return DataTable(
        name="herausforderungen_kreise",
        title=t("challenges_by_district_title", lang=lang),
        columns=(
            Column("label", t("challenges_col_district", lang=lang)),
            Column("regierungsbezirk", t("challenges_col_regierungsbezirk", lang=lang)),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
            Column("share", t("challenges_col_share", lang=lang), PERCENT),
        ),
        rows=tuple(
            (c.name, c.regierungsbezirk, c.challenges, _share(c.challenges, total)) for c in counts
        )
        if total
        else (),
    )


@tables.dataset("herausforderungen_zeitverlauf", parse=ChallengeFilters.from_url)
def timeline(filters: ChallengeFilters, lang: str) -> DataTable:
    """Challenges posted per day, or per week when the period is longer than two months."""
    points = challenges_timeline(**filters.sql())
    unit = points[0].unit if points else "day"
    period = "challenges_col_day" if unit == "day" else "challenges_col_week"
    return DataTable(
        name="herausforderungen_zeitverlauf",
        title=t("challenges_timeline_title", lang=lang),
        columns=(
            Column(unit, t(period, lang=lang), DATE),
            Column("challenges", t("challenges_col_challenges", lang=lang), INTEGER),
        ),
        rows=tuple((p.period, p.challenges) for p in points),
    )


@tables.dataset("herausforderungen_loesungsabdeckung", parse=ChallengeFilters.from_url)
def coverage(filters: ChallengeFilters, lang: str) -> DataTable:
    """Per action field: challenges with no solution, exactly one, two or more."""
    found = challenges_coverage(**filters.sql(), lang=lang)
    rows = tuple((c.name, c.none, c.one, c.two_plus) for c in found)
    if not any(sum(row[1:]) for row in rows):
        rows = ()
    return DataTable(
        name="herausforderungen_loesungsabdeckung",
        title=t("challenges_coverage_title", lang=lang),
        columns=(
            Column("label", t("challenges_col_field", lang=lang)),
            Column("none", t("challenges_col_none", lang=lang), INTEGER),
            Column("one", t("challenges_col_one", lang=lang), INTEGER),
            Column("two_plus", t("challenges_col_two_plus", lang=lang), INTEGER),
        ),
        rows=rows,
    )


# --- the table of challenges without a solution ----------------------------------------------


def _unsolved(filters: ChallengeFilters, lang: str, limit: int | None, offset: int) -> tuple:
    return challenges_unsolved(
        **filters.sql(),
        lang=lang,
        sort_key=UNSOLVED_SORTS[filters.sort.removeprefix("-")],
        descending=filters.sort.startswith("-"),
        limit=limit,
        offset=offset,
    )


def unsolved_page(filters: ChallengeFilters, lang: str) -> TablePage:
    """The page `filters.page` (clamped to the pages there are) of the unsolved challenges."""
    total = kpis(filters).without_solution
    page, pages = tables.url_page(filters.page, total, UNSOLVED_PAGE_SIZE)
    rows = _unsolved(filters, lang, UNSOLVED_PAGE_SIZE, (page - 1) * UNSOLVED_PAGE_SIZE)
    sort, descending = filters.sort.removeprefix("-"), filters.sort.startswith("-")
    return TablePage(_unsolved_table(rows, lang), sort, descending, page, pages, total)


@tables.dataset(UNSOLVED_DATASET, parse=ChallengeFilters.from_url)
def unsolved(filters: ChallengeFilters, lang: str) -> DataTable:
    """Every challenge without a solution under the filters, in the table's sort order."""
    return _unsolved_table(_unsolved(filters, lang, None, 0), lang)


def _unsolved_table(rows: tuple[UnsolvedChallenge, ...], lang: str) -> DataTable:
    return DataTable(
        name=UNSOLVED_DATASET,
        title=t("challenges_unsolved_title", lang=lang),
        columns=(
            Column("titel", t("challenges_col_title", lang=lang)),
            Column("organisation", t("challenges_col_organisation", lang=lang)),
            Column("feld", t("challenges_col_field", lang=lang)),
            Column("kreis", t("challenges_col_district", lang=lang)),
            Column("datum", t("challenges_col_posted_on", lang=lang), DATE),
        ),
        rows=tuple(
            (r.title, r.organisation, r.action_field, r.district, r.posted_on) for r in rows
        ),
    )


# --- the charts' text summaries ---------------------------------------------------------------


def _extremes(table: DataTable, key: str, lang: str) -> str:
    """Most and fewest of a chart that shows every group, also those with none (that is news)."""
    pairs = list(zip(table.column("label"), table.column("challenges"), strict=True))
    if not pairs:
        return ""
    n = format_number
    (top, most), (bottom, fewest) = max(pairs, key=lambda p: p[1]), min(pairs, key=lambda p: p[1])
    if len(pairs) == 1:
        return t(f"{key}_one", n(most, lang=lang), top, lang=lang)
    return t(key, n(most, lang=lang), top, n(fewest, lang=lang), bottom, lang=lang)


def summary_by_field(table: DataTable, lang: str) -> str:
    return _extremes(table, "challenges_summary_field", lang)


def summary_by_regierungsbezirk(table: DataTable, lang: str) -> str:
    return _extremes(table, "challenges_summary_regierungsbezirk", lang)


def summary_by_association(table: DataTable, lang: str) -> str:
    """The association whose organisations posted most (with its share), and the next one."""
    pairs = zip(table.column("label"), table.column("challenges"), strict=True)
    ranked = sorted(((label, n) for label, n in pairs if n), key=lambda p: -p[1])
    if not ranked:
        return ""
    total = sum(n for _, n in ranked)
    top, most = ranked[0]
    most_text, share = format_number(most, lang=lang), format_percent(most / total, lang=lang)
    text = t("challenges_summary_association", top, most_text, share, lang=lang)
    if len(ranked) > 1:
        second, count = ranked[1]
        count_text = format_number(count, lang=lang)
        text += " " + t("challenges_summary_association_next", second, count_text, lang=lang)
    return text


def summary_by_district(table: DataTable, lang: str) -> str:
    """The two districts with most, and from how many of the districts shown they came."""
    pairs = list(zip(table.column("label"), table.column("challenges"), strict=True))
    if not pairs:
        return ""
    ranked = sorted(pairs, key=lambda p: -p[1])
    n = format_number
    (top, most), with_any = ranked[0], sum(1 for _, count in pairs if count)
    text = t("challenges_summary_district", top, n(most, lang=lang), lang=lang)
    if len(pairs) > 1:
        text += " " + t(
            "challenges_summary_district_spread", n(with_any, lang=lang), n(len(pairs), lang=lang),
            lang=lang,
        )  # fmt: skip
    return text


def summary_timeline(table: DataTable, lang: str) -> str:
    """The posting period, the unit counted (day or week, and why), the busiest day or week."""
    if table.empty:
        return ""
    unit = table.columns[0].key
    periods, counts = table.column(unit), table.column("challenges")
    peak = counts.index(max(counts))
    most, peak_day = format_number(counts[peak], lang=lang), format_date(periods[peak], lang=lang)
    if unit == "week":
        weeks = format_number(len(periods), lang=lang)
        return t("challenges_summary_timeline_week", weeks, most, peak_day, lang=lang)
    first, last = (format_date(d, lang=lang) for d in (periods[0], periods[-1]))
    return t("challenges_summary_timeline_day", first, last, most, peak_day, lang=lang)


def summary_coverage(table: DataTable, lang: str) -> str:
    """How many got no solution, one, two or more; the action field most often left without."""
    if table.empty:
        return ""
    none, one, two_plus = (sum(table.column(key)) for key in ("none", "one", "two_plus"))
    n, pct = format_number, format_percent
    text = t(
        "challenges_summary_coverage",
        n(none + one + two_plus, lang=lang),
        n(none, lang=lang),
        pct(none / (none + one + two_plus), lang=lang),
        n(one, lang=lang),
        n(two_plus, lang=lang),
        lang=lang,
    )
    shares = [(row[1] / sum(row[1:]), row[0]) for row in table.rows if sum(row[1:])]
    if len(shares) > 1:
        share, field = max(shares)
        worst = t("challenges_summary_coverage_worst", field, pct(share, lang=lang), lang=lang)
        text += " " + worst
    return text
