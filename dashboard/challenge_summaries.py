"""Text summaries of the challenge charts: what each shows, with its key numbers."""

from __future__ import annotations

from dashboard.exports import DataTable
from dashboard.i18n import format_date, format_number, format_percent, t


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


def by_field(table: DataTable, lang: str) -> str:
    return _extremes(table, "challenges_summary_field", lang)


def by_regierungsbezirk(table: DataTable, lang: str) -> str:
    return _extremes(table, "challenges_summary_regierungsbezirk", lang)


def by_association(table: DataTable, lang: str) -> str:
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


def by_district(table: DataTable, lang: str) -> str:
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


def timeline(table: DataTable, lang: str) -> str:
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


def coverage(table: DataTable, lang: str) -> str:
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
