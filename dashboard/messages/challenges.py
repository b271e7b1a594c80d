"""UI strings of the challenge statistics (/herausforderungen)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "challenges_title": ("Herausforderungen", "Challenges"),
    "challenges_intro": (
        "Welche Herausforderungen Organisationen der Freien Wohlfahrtspflege gestellt haben, aus "
        "welchen Handlungsfeldern und Regionen sie kommen und wie viele schon eine Lösung gefunden "
        "haben.",
        "Which challenges welfare organisations posted, which action fields and regions they come "
        "from, and how many have found a solution.",
    ),
    # Filters
    "challenges_filters": ("Filter", "Filters"),
    "challenges_filter_event": ("Veranstaltung", "Event"),
    "challenges_filter_field": ("Handlungsfeld", "Action field"),
    "challenges_filter_region": ("Region", "Region"),
    "challenges_all_events": ("Alle Veranstaltungen", "All events"),
    "challenges_all_fields": ("Alle Handlungsfelder", "All action fields"),
    "challenges_all_regions": ("Alle Regionen", "All regions"),
    "challenges_regierungsbezirk_option": ("Regierungsbezirk {}", "Government region {}"),
    "challenges_filter_found": ("{} Herausforderungen", "{} challenges"),
    "challenges_filter_found_one": ("{} Herausforderung", "{} challenge"),
    "challenges_status_all_events": ("alle Veranstaltungen", "all events"),
    "challenges_status_all_fields": ("alle Handlungsfelder", "all action fields"),
    "challenges_status_all_regions": ("alle Regionen", "all regions"),
    "challenges_reset": ("Filter zurücksetzen", "Reset filters"),
    "challenges_status": (
        "{} Herausforderungen in dieser Auswahl: {}.",
        "{} challenges in this selection: {}.",
    ),
    # Key figures
    "challenges_kpi_total": ("Herausforderungen", "Challenges"),
    "challenges_kpi_with_solution": ("mit mindestens einer Lösung", "with at least one solution"),
    "challenges_kpi_without_solution": ("ohne Lösung", "without a solution"),
    "challenges_kpi_share": ("Anteil mit Lösung", "Share with a solution"),
    # Tables and charts
    "challenges_col_field": ("Handlungsfeld", "Action field"),
    "challenges_col_association": ("Spitzenverband", "Umbrella association"),
    "challenges_col_regierungsbezirk": ("Regierungsbezirk", "Government region"),
    "challenges_col_district": ("Kreis / kreisfreie Stadt", "District"),
    "challenges_col_challenges": ("Herausforderungen", "Challenges"),
    "challenges_col_share": ("Anteil", "Share"),
    "challenges_col_day": ("Tag", "Day"),
    "challenges_col_week": ("Woche ab (Montag)", "Week from (Monday)"),
    "challenges_col_none": ("0 Lösungen", "0 solutions"),
    "challenges_col_one": ("1 Lösung", "1 solution"),
    "challenges_col_two_plus": ("2+ Lösungen", "2+ solutions"),
    "challenges_col_title": ("Titel", "Title"),
    "challenges_col_organisation": ("Organisation", "Organisation"),
    "challenges_col_posted_on": ("Eingestellt am", "Posted on"),
    "challenges_no_association": ("ohne Zuordnung", "not assigned"),
    "challenges_by_field_title": (
        "Herausforderungen nach Handlungsfeld",
        "Challenges by action field",
    ),
    "challenges_by_association_title": (
        "Herausforderungen nach Spitzenverband",
        "Challenges by umbrella association",
    ),
    "challenges_by_regierungsbezirk_title": (
        "Herausforderungen nach Regierungsbezirk",
        "Challenges by government region",
    ),
    "challenges_by_district_title": (
        "Herausforderungen nach Kreis und kreisfreier Stadt",
        "Challenges by district",
    ),
    "challenges_timeline_title": (
        "Eingestellte Herausforderungen im Zeitverlauf",
        "Challenges posted over time",
    ),
    "challenges_coverage_title": (
        "Lösungen je Herausforderung nach Handlungsfeld",
        "Solutions per challenge by action field",
    ),
    "challenges_unsolved_title": ("Herausforderungen ohne Lösung", "Challenges without a solution"),
    # Summaries
    "challenges_summary_field": (
        "Die meisten Herausforderungen ({}) kamen aus dem Handlungsfeld {}, die wenigsten ({}) "
        "aus dem Handlungsfeld {}.",
        "Most challenges ({}) came from the action field {}, the fewest ({}) from {}.",
    ),
    "challenges_summary_field_one": (
        "Alle {} Herausforderungen dieser Auswahl gehören zum Handlungsfeld {}.",
        "All {} challenges in this selection belong to the action field {}.",
    ),
    "challenges_summary_association": (
        "Die meisten Herausforderungen stellten Organisationen im Spitzenverband „{}“: {} ({} der "
        "Auswahl).",
        "Organisations in the umbrella association “{}” posted the most challenges: {} ({} of the "
        "selection).",
    ),
    "challenges_summary_association_next": (
        "Danach folgt „{}“ mit {}.",
        "Next comes “{}” with {}.",
    ),
    "challenges_summary_regierungsbezirk": (
        "Die meisten Herausforderungen ({}) kamen aus dem Regierungsbezirk {}, die wenigsten ({}) "
        "aus dem Regierungsbezirk {}.",
        "Most challenges ({}) came from the government region {}, the fewest ({}) from {}.",
    ),
    "challenges_summary_regierungsbezirk_one": (
        "Alle {} Herausforderungen dieser Auswahl kamen aus dem Regierungsbezirk {}.",
        "All {} challenges in this selection came from the government region {}.",
    ),
    "challenges_summary_district": (
        "Die meisten Herausforderungen kamen aus {} ({}).",
        "Most challenges came from {} ({}).",
    ),
    "challenges_summary_district_spread": (
        "Aus {} der {} gezeigten Kreise und kreisfreien Städte kam mindestens eine.",
        "At least one came from {} of the {} districts shown.",
    ),
    "challenges_summary_timeline_day": (
        "Die Herausforderungen wurden vom {} bis {} eingestellt, hier pro Tag gezählt (der "
        "Zeitraum ist kürzer als zwei Monate). Die meisten ({}) kamen am {}.",
        "The challenges were posted from {} to {}, counted per day here (the period is shorter "
        "than two months). Most ({}) came on {}.",
    ),
    "challenges_summary_timeline_week": (
        "Die Herausforderungen verteilen sich auf {} Wochen, hier pro Woche (ab Montag) gezählt, "
        "weil der Zeitraum länger als zwei Monate ist. Die meisten ({}) kamen in der Woche ab {}.",
        "The challenges spread over {} weeks, counted per week (from Monday) here because the "
        "period is longer than two months. Most ({}) came in the week from {}.",
    ),
    "challenges_summary_coverage": (
        "Von {} Herausforderungen erhielten {} keine Lösung ({}), {} genau eine und {} zwei oder "
        "mehr.",
        "Of {} challenges, {} got no solution ({}), {} exactly one and {} two or more.",
    ),
    "challenges_summary_coverage_worst": (
        "Den größten Anteil ohne Lösung hat das Handlungsfeld {} ({}).",
        "The action field {} has the largest share without a solution ({}).",
    ),
    # The table of challenges without a solution
    "challenges_unsolved_intro": (
        "Diese Herausforderungen warten noch auf eine Lösung. Ein Klick auf eine "
        "Spaltenüberschrift sortiert die Tabelle.",
        "These challenges are still waiting for a solution. Click a column heading to sort the "
        "table.",
    ),
    "challenges_unsolved_caption": (
        "{}, sortiert nach {} ({}), Seite {} von {}",
        "{}, sorted by {} ({}), page {} of {}",
    ),
    "challenges_sort_ascending": ("aufsteigend", "ascending"),
    "challenges_sort_descending": ("absteigend", "descending"),
    "challenges_unsolved_none": (
        "In dieser Auswahl hat jede Herausforderung mindestens eine Lösung.",
        "In this selection every challenge has at least one solution.",
    ),
    "challenges_pagination": ("Seiten der Tabelle", "Table pages"),
    "challenges_page_previous": ("Vorherige Seite", "Previous page"),
    "challenges_page_next": ("Nächste Seite", "Next page"),
    "challenges_page_word": ("Seite", "Page"),
    "challenges_page_range": (
        "Zeilen {} bis {} von {}",
        "Rows {} to {} of {}",
    ),
}
