"""UI strings of the overview page."""

MESSAGES: dict[str, tuple[str, str]] = {
    "overview_event_label": ("Veranstaltung", "Event"),
    "overview_all_events": ("Alle Veranstaltungen", "All events"),
    "overview_kpi_participants": ("Teilnehmende", "Participants"),
    "overview_kpi_awarded": ("Ausgezeichnete Lösungen", "Awarded solutions"),
    "overview_kpi_patrons": ("Patinnen und Paten", "Patrons"),
    "overview_kpi_pledged": ("Zugesagt von Paten", "Pledged by patrons"),
    "overview_kpi_granted": ("Bewilligt", "Granted"),
    "overview_kpi_pledges": ("{} Patenschaften, in Euro", "{} patronships, in euro"),
    "overview_kpi_recipients": ("Empfänger", "Recipients"),
    "overview_story_heading": ("Was daraus wurde", "What came of it"),
    "overview_chain_money": ("Vom Geld zu den Empfängern", "From money to recipients"),
    "overview_chain_results": (
        "Von der Herausforderung zur Patenschaft",
        "From challenge to patronship",
    ),
    "overview_headline_money": (
        "{} in {} Förderungen an {} Empfänger",
        "{} in {} grants to {} recipients",
    ),
    "overview_headline_results": (
        "aus {} Herausforderungen wurden {} Lösungen, {} davon ausgezeichnet",
        "{} challenges led to {} solutions, {} of them awarded",
    ),
    "overview_headline_both": ("{} – und {}.", "{} – and {}."),
    "overview_by_field_more": (
        "Alle Förderungen nach Handlungsfeld, Region und Zeit",
        "All grants by action field, region and time",
    ),
    "overview_explore": ("Entdecken", "Explore"),
    "overview_link_challenges": (
        "Welche Herausforderungen die Wohlfahrtsverbände gestellt haben – nach Handlungsfeld, "
        "Verband und Region.",
        "Which challenges welfare organisations posted – by action field, association and region.",
    ),
    "overview_link_solutions": (
        "Alle Lösungen der Teams mit Videos, Suche und Filtern.",
        "All the teams' solutions with videos, search and filters.",
    ),
    "overview_link_funding": (
        "Wohin die Fördermittel geflossen sind – nach Handlungsfeld, Region und Zeit.",
        "Where the funding went – by action field, region and time.",
    ),
    "overview_link_programme": (
        "Das Förderprogramm, seine Ergebnisse und digitale Werkzeuge für die Praxis.",
        "The funding programme, its findings and digital tools for practice.",
    ),
    "overview_events_heading": ("Veranstaltungen im Vergleich", "Events compared"),
    "overview_col_figure": ("Kennzahl", "Figure"),
    "overview_kind_hackathon": ("Hackathon", "Hackathon"),
    "overview_kind_programme": ("Förderprogramm", "Funding programme"),
}
