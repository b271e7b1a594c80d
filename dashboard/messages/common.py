"""UI strings shared by every page: shell, navigation, footer, common states."""

MESSAGES: dict[str, tuple[str, str]] = {
    "loading": ("Wird geladen …", "Loading …"),
    "skip_to_content": ("Zum Inhalt springen", "Skip to content"),
    "nav_label": ("Hauptnavigation", "Main navigation"),
    "nav_menu": ("Menü", "Menu"),
    "in_german": ("auf Deutsch", "in German"),
    "table_region": ("Tabelle: {}", "Table: {}"),
    "filter_summary": ("Filter{} · {}", "Filters{} · {}"),
    "nav_public": ("Seiten des Portals", "Portal pages"),
    "nav_internal": ("Interner Bereich", "Internal area"),
    "nav_home": ("Überblick", "Overview"),
    "nav_challenges": ("Herausforderungen", "Challenges"),
    "nav_solutions": ("Lösungen", "Solutions"),
    "nav_funding": ("Förderung", "Funding"),
    "nav_programme": ("Programm", "Programme"),
    "language_switch": ("English", "Deutsch"),
    "language_switch_label": ("Switch to English", "Auf Deutsch umschalten"),
    "footer_label": ("Fußzeile", "Footer"),
    "imprint": ("Impressum", "Imprint"),
    "privacy": ("Datenschutz", "Privacy"),
    "accessibility": ("Barrierefreiheit", "Accessibility"),
    "easy_language": ("Leichte Sprache", "Easy to read"),
    "demo_data": ("Beispieldaten", "Sample data"),
    "demo_data_note": (
        "Diese Zahlen stammen aus Beispieldaten und zeigen, wie das Portal mit echten Daten "
        "aussieht.",
        "These figures come from sample data and show how the portal looks with real data.",
    ),
    "home_title": ("Überblick", "Overview"),
    "home_intro": (
        "Wohlfahrtsverbände stellen Herausforderungen, Teams antworten mit Lösungen, Patinnen und "
        "Paten fördern die besten Ideen, und Stiftungen finanzieren die Digitalisierung.",
        "Welfare organisations post challenges, teams answer with solutions, patrons fund the "
        "best ideas, and foundations finance digitalisation.",
    ),
    "key_figures": ("Kennzahlen", "Key figures"),
    "kpi_challenges": ("Herausforderungen", "Challenges"),
    "kpi_solutions": ("Lösungen", "Solutions"),
    "kpi_grants": ("Förderungen", "Grants"),
    "kpi_eur_total": ("Fördersumme", "Total funding"),
    "kpi_eur_total_note": (
        "Summe der Förderungen in Euro",
        "Sum of grants in euro",
    ),
    "kpi_other_currencies": (
        "Dazu Förderungen in anderen Währungen: {}",
        "Plus grants in other currencies: {}",
    ),
    "no_data": (
        "Die Daten können gerade nicht gelesen werden. Bitte versuchen Sie es später erneut.",
        "The data cannot be read right now. Please try again later.",
    ),
    "not_found_title": ("Seite nicht gefunden", "Page not found"),
    "not_found_text": (
        "Diese Seite gibt es nicht. Vielleicht hilft der Überblick weiter.",
        "This page does not exist. The overview may help.",
    ),
    "back_home": ("Zum Überblick", "Go to the overview"),
    "forbidden_title": ("Kein Zugang", "No access"),
    "forbidden_text": (
        "Diese Seite ist für eine andere Rolle im internen Bereich bestimmt. Wenn Sie sie "
        "brauchen, bitten Sie die Administration um die passende Rolle.",
        "This page is meant for another role of the internal area. If you need it, ask the "
        "administrators for the matching role.",
    ),
    "legal_sample": (
        "Muster: Dieser Text ist ein Beispiel. Der Betreiber ersetzt ihn durch eine eigene Datei "
        "in INSTANCE_DIR/legal/.",
        "Sample: this text is an example. The operator replaces it with a file of its own in "
        "INSTANCE_DIR/legal/.",
    ),
    "show_table": ("Tabelle anzeigen", "Show table"),
    "download_csv": ("CSV herunterladen", "Download CSV"),
    "download_xlsx": ("Excel herunterladen (XLSX)", "Download Excel (XLSX)"),
    "downloads_label": ("Daten herunterladen: {}", "Download data: {}"),
    "no_data_for_filters": (
        "Für diese Auswahl gibt es keine Daten. Bitte Filter lockern.",
        "There is no data for this selection. Please widen the filters.",
    ),
}
