"""UI strings of the funding statistics (/foerderung)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "funding_title": ("Förderung", "Funding"),
    "funding_intro": (
        "Wie viel Geld an welche Handlungsfelder, Spitzenverbände und Regionen ging, wann es "
        "bewilligt wurde und wie groß die einzelnen Förderungen sind. Euro-Beträge zählen die "
        "Förderungen in Euro; Förderungen in anderen Währungen stehen daneben und werden nie "
        "hinzugerechnet.",
        "How much money went to which action fields, umbrella associations and regions, when it "
        "was awarded and how large the single grants are. Euro figures count the grants in euros; "
        "grants in other currencies stand beside them and are never added in.",
    ),
    # Filters
    "funding_filters": ("Filter", "Filters"),
    "funding_filter_year_from": ("Bewilligt von (Jahr)", "Awarded from (year)"),
    "funding_filter_year_to": ("bis (Jahr)", "to (year)"),
    "funding_filter_field": ("Handlungsfeld", "Action field"),
    "funding_filter_association": ("Spitzenverband", "Umbrella association"),
    "funding_filter_region": ("Region", "Region"),
    "funding_filter_programme": ("Programm", "Programme"),
    "funding_filter_band": ("Betragsklasse", "Amount band"),
    "funding_any_year": ("alle Jahre", "any year"),
    "funding_all_fields": ("Alle Handlungsfelder", "All action fields"),
    "funding_all_associations": ("Alle Spitzenverbände", "All umbrella associations"),
    "funding_all_regions": ("Alle Regionen", "All regions"),
    "funding_all_programmes": ("Alle Programme", "All programmes"),
    "funding_all_bands": ("Alle Beträge", "All amounts"),
    "funding_regierungsbezirk_option": ("Regierungsbezirk {}", "Government region {}"),
    "funding_reset": ("Filter zurücksetzen", "Reset filters"),
    "funding_status": (
        "{} Förderungen in dieser Auswahl.",
        "{} grants in this selection.",
    ),
    "funding_band_under": ("unter {}", "under {}"),
    "funding_band_between": ("{} bis unter {}", "{} to under {}"),
    "funding_band_over": ("{} und mehr", "{} and more"),
    "funding_unassigned": ("ohne Zuordnung", "not assigned"),
    "funding_chips_label": ("Gewählte Filter", "Chosen filters"),
    "funding_chip_remove": ("Filter entfernen: {}", "Remove filter: {}"),
    "funding_bar_hint": (
        "Ein Klick auf einen Balken filtert die ganze Seite danach.",
        "Click a bar to filter the whole page by it.",
    ),
    # Key figures
    "funding_kpi_total": ("Fördersumme", "Total funding"),
    "funding_kpi_grants": ("Förderungen", "Grants"),
    "funding_kpi_median": ("Median je Förderung", "Median grant"),
    "funding_kpi_mean": ("Mittelwert je Förderung", "Mean grant"),
    "funding_kpi_cap_share": ("Anteil am Höchstbetrag", "Share at the cap"),
    "funding_kpi_recipients": ("Empfänger", "Recipients"),
    "funding_kpi_eur_only": ("nur Förderungen in Euro", "grants in euros only"),
    "funding_kpi_others": ("dazu {} in {}: {}", "plus {} in {}: {}"),
    "funding_kpi_eur_grants": ("davon {} in Euro", "{} of them in euros"),
    "funding_kpi_cap_note": (
        "{} Förderungen am Höchstbetrag ihres Programms",
        "{} grants at their programme's largest amount",
    ),
    # Charts and tables
    "funding_col_field": ("Handlungsfeld", "Action field"),
    "funding_col_association": ("Spitzenverband", "Umbrella association"),
    "funding_col_recipient": ("Empfänger", "Recipient"),
    "funding_col_regierungsbezirk": ("Regierungsbezirk", "Government region"),
    "funding_col_district": ("Kreis / kreisfreie Stadt", "District"),
    "funding_col_ags": ("Kreisschlüssel (AGS)", "District key (AGS)"),
    "funding_col_month": ("Bewilligungsmonat", "Award month"),
    "funding_col_band": ("Betragsklasse", "Amount band"),
    "funding_filter_found": ("{} Förderungen", "{} grants"),
    "funding_filter_found_one": ("{} Förderung", "{} grant"),
    "funding_col_eur_total": ("Summe in Euro", "Total in euros"),
    "funding_col_eur_grants": ("Anzahl Euro-Förderungen", "Number of euro grants"),
    "funding_col_eur_mean": ("Euro je Förderung", "Euros per grant"),
    "funding_col_population": ("Einwohnerzahl", "Population"),
    "funding_col_eur_per_inhabitant": ("Euro je Einwohner", "Euros per inhabitant"),
    "funding_col_other_grants": ("Förderungen in anderen Währungen", "Grants in other currencies"),
    "funding_col_id": ("Nr.", "No."),
    "funding_col_title": ("Titel", "Title"),
    "funding_col_amount": ("Betrag", "Amount"),
    "funding_col_currency": ("Währung", "Currency"),
    "funding_col_award_date": ("Bewilligt am", "Awarded on"),
    "funding_by_field_title": ("Fördersumme nach Handlungsfeld", "Funding by action field"),
    "funding_by_regierungsbezirk_title": (
        "Fördersumme nach Regierungsbezirk",
        "Funding by government region",
    ),
    "funding_by_district_title": (
        "Fördersumme nach Kreis und kreisfreier Stadt",
        "Funding by district",
    ),
    "funding_by_month_title": ("Bewilligungen nach Monat", "Awards by month"),
    "funding_by_band_title": ("Förderungen nach Betragsklasse", "Grants by amount band"),
    "funding_tree_title": (
        "Fördersumme: Handlungsfeld, Spitzenverband, Empfänger",
        "Funding: action field, umbrella association, recipient",
    ),
    "funding_grants_title": ("Die Förderungen", "The grants"),
    "funding_summary_largest": (
        "Am meisten Geld ging an {} ({}, {} Förderungen).",
        "Most money went to {} ({}, {} grants).",
    ),
    "funding_summary_month": (
        "Am meisten wurde im Monat {} bewilligt: {} in {} Förderungen.",
        "Most was awarded in {}: {} in {} grants.",
    ),
    "funding_summary_band": (
        "Die meisten Förderungen liegen in der Klasse {} ({} Förderungen).",
        "Most grants are in the band {} ({} grants).",
    ),
    "funding_summary_map": (
        "Die Karte zeigt je Kreis: {}. Am meisten: {} ({}).",
        "The map shows per district: {}. The most: {} ({}).",
    ),
    # Map
    "funding_map_metric": ("Die Karte zeigt", "The map shows"),
    "funding_map_total": ("Summe in Euro", "Total in euros"),
    "funding_map_mean": ("Euro je Förderung", "Euros per grant"),
    "funding_map_capita": ("Euro je Einwohner", "Euros per inhabitant"),
    "funding_map_hint": (
        "Ein Klick auf einen Kreis filtert die Seite nach diesem Kreis.",
        "Click a district to filter the page by it.",
    ),
    "funding_map_outside": (
        "nicht in der Auswahl (ein Klick wählt diesen Kreis)",
        "not in the selection (click to choose this district)",
    ),
    "funding_map_credit": (
        "Kartengrundlage: © GeoBasis-DE / BKG (Verwaltungsgebiete, vereinfacht)",
        "Map data: © GeoBasis-DE / BKG (administrative areas, simplified)",
    ),
    # Treemap
    "funding_tree_intro": (
        "Ein Klick auf eine Kachel filtert die ganze Seite danach und zeigt, wie sich ihr Geld "
        "aufteilt: Handlungsfeld, dann Spitzenverband, dann die größten Empfänger.",
        "Click a tile to filter the whole page by it and see how its money divides: action "
        "field, then umbrella association, then the largest recipients.",
    ),
    "funding_tree_intro_recipients": (
        "Die größten Empfänger dieser Auswahl ({}).",
        "The largest recipients of this selection ({}).",
    ),
    "funding_tree_rest": (
        "{} weitere stehen in der Liste der Förderungen unten.",
        "{} more are in the list of grants below.",
    ),
    "funding_leaders_total": (
        "Die Kreise mit der größten Fördersumme",
        "The districts with the most funding",
    ),
    "funding_leaders_capita": (
        "Die Kreise mit dem meisten Geld je Einwohner",
        "The districts with the most money per inhabitant",
    ),
    "funding_leaders_mean": (
        "Die Kreise mit dem höchsten Betrag je Förderung",
        "The districts with the largest mean grant",
    ),
    "funding_drill_field": (
        "Ein Handlungsfeld aufschlüsseln (nach Spitzenverband)",
        "Break down an action field (by umbrella association)",
    ),
    "funding_drill_association": (
        "Einen Spitzenverband aufschlüsseln (nach Empfänger)",
        "Break down an umbrella association (by recipient)",
    ),
    "funding_drill_choose": ("– bitte wählen –", "– please choose –"),
    "funding_drill_open": ("Aufschlüsseln", "Break down"),
    "funding_tree_path": ("Ebene der Kachelgrafik", "Level of the treemap"),
    "funding_tree_root": ("Alle Handlungsfelder", "All action fields"),
    # Grants table
    "funding_grants_intro": (
        "Alle Förderungen dieser Auswahl; ein Klick auf eine Spaltenüberschrift sortiert.",
        "Every grant of this selection; click a column heading to sort.",
    ),
    "funding_grants_none": ("Keine Förderung in dieser Auswahl.", "No grant in this selection."),
    "funding_grants_caption": (
        "{}, sortiert nach {} ({}), Seite {} von {}",
        "{}, sorted by {} ({}), page {} of {}",
    ),
    "funding_sort_ascending": ("aufsteigend", "ascending"),
    "funding_sort_descending": ("absteigend", "descending"),
    "funding_page_range": ("Förderungen {} bis {} von {}", "Grants {} to {} of {}"),
    "funding_page_previous": ("Vorherige Seite", "Previous page"),
    "funding_page_next": ("Nächste Seite", "Next page"),
    "funding_page_word": ("Seite", "Page"),
    "funding_pagination": ("Seiten der Förderliste", "Pages of the grants list"),
}
