"""UI strings of the programme page (/programm) and its link list of digital tools."""

MESSAGES: dict[str, tuple[str, str]] = {
    "programme_title": ("Förderprogramm", "Funding programme"),
    "programme_sample": (
        "Muster: Dieser Text ist ein Beispiel. Der Betreiber ersetzt ihn durch eine eigene Datei "
        "INSTANCE_DIR/content/programm.de.md (und programm.en.md).",
        "Sample: this text is an example. The operator replaces it with a file of its own, "
        "INSTANCE_DIR/content/programm.en.md (and programm.de.md).",
    ),
    "programme_figures": ("Kennzahlen des Programms", "The programme in figures"),
    "programme_period": ("Laufzeit: {} – {}", "Period: {} – {}"),
    "programme_kpi_grants": ("Förderungen", "Grants"),
    "programme_kpi_recipients": ("Geförderte Träger", "Funded providers"),
    "programme_kpi_eur_total": ("Fördersumme", "Total funding"),
    "programme_kpi_eur_total_note": ("Summe der Förderungen in Euro", "Sum of grants in euro"),
    "programme_kpi_other_currencies": (
        "Dazu Förderungen in anderen Währungen: {}",
        "Plus grants in other currencies: {}",
    ),
    "programme_kpi_average": ("Durchschnitt je Förderung", "Average per grant"),
    "programme_kpi_average_note": ("über die Förderungen in Euro", "over the grants in euro"),
    "programme_no_programme": (
        "In den Daten gibt es noch kein Förderprogramm.",
        "The data holds no funding programme yet.",
    ),
    "programme_tools": ("Linkliste digitaler Werkzeuge", "Link list of digital tools"),
    "programme_tools_intro": (
        "Werkzeuge, die sich in geförderten Vorhaben bewährt haben. Prüfen Sie vor dem Einsatz, "
        "ob ein Werkzeug zu Ihren Datenschutzvorgaben passt.",
        "Tools that proved useful in funded projects. Before you use one, check whether it meets "
        "your data-protection requirements.",
    ),
    "programme_tools_filters": ("Werkzeuge durchsuchen", "Search the tools"),
    "programme_tools_search": ("Suche in Name und Beschreibung", "Search name and description"),
    "programme_tools_category": ("Kategorie", "Category"),
    "programme_tools_all_categories": ("Alle Kategorien", "All categories"),
    "programme_tools_count": ("{} von {} Werkzeugen", "{} of {} tools"),
    "programme_tools_empty": (
        "Kein Werkzeug passt zu dieser Suche. Bitte Suchbegriff oder Kategorie ändern.",
        "No tool matches this search. Please change the search term or the category.",
    ),
    "programme_tools_cost": ("Kosten", "Cost"),
    "programme_tools_privacy": ("Datenschutz", "Privacy"),
    "programme_tools_new_window": ("(öffnet in neuem Fenster)", "(opens in a new window)"),
}
