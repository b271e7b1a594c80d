"""UI strings of the leadership view and the curation statuses."""

MESSAGES: dict[str, tuple[str, str]] = {
    "nav_intern": ("Intern", "Internal"),
    "nav_scaling": ("Skalierung", "Scaling"),
    "nav_curation": ("Kuratierung", "Curation"),
    "nav_patrons": ("Paten", "Patrons"),
    "nav_audit": ("Protokoll", "Audit log"),
    "nav_data": ("Daten", "Data"),
    "intern_title": ("Interne Übersicht", "Internal overview"),
    "intern_intro": (
        "Stand der Kuratierung: wo die Ideen in der Auswahl stehen, was Patinnen und Paten "
        "zugesagt haben und welche Handlungsfelder auf der Shortlist vertreten sind.",
        "State of the curation: where ideas stand in the selection, what patrons pledged and "
        "which action fields are on the shortlist.",
    ),
    "intern_pipeline_title": ("Auswahlprozess je Veranstaltung", "Selection pipeline per event"),
    "intern_pipeline_summary": (
        "{} von {} Lösungen sind noch unbearbeitet; {} stehen auf der Shortlist, {} haben eine "
        "Patenschaft.",
        "{} of {} solutions are untouched; {} are shortlisted, {} have a patron.",
    ),
    "intern_budgets_title": ("Zusagen der Paten und Budgets", "Patrons' pledges and budgets"),
    "intern_budgets_summary": (
        "Zugesagt sind {} von {} Budget; {} stehen noch zur Verfügung.",
        "{} of a {} budget are pledged; {} remain.",
    ),
    "intern_shortlist_title": ("Shortlist nach Handlungsfeld", "Shortlist by action field"),
    "intern_shortlist_summary": (
        "{} Ideen stehen auf der Shortlist.",
        "{} ideas are on the shortlist.",
    ),
    "intern_col_status": ("Status", "Status"),
    "intern_col_total": ("Gesamt", "Total"),
    "intern_col_patron": ("Pate/Patin", "Patron"),
    "intern_col_pledged": ("Zugesagt", "Pledged"),
    "intern_col_remaining": ("Verfügbar", "Remaining"),
    "intern_col_budget": ("Budget", "Budget"),
    "intern_col_field": ("Handlungsfeld", "Action field"),
    "intern_col_shortlisted": ("Auf der Shortlist", "Shortlisted"),
    "status_new": ("Neu", "New"),
    "status_reviewing": ("In Prüfung", "Reviewing"),
    "status_shortlisted": ("Shortlist", "Shortlisted"),
    "status_matched": ("Pate gefunden", "Matched"),
    "status_funded": ("Gefördert", "Funded"),
    "status_scaling": ("Wird skaliert", "Scaling"),
    "status_declined": ("Abgelehnt", "Declined"),
    "intern_funnel_heading": ("Von der Lösung zur Skalierung", "From solution to scaling"),
    "intern_funnel_title": ("Stufen der Auswahl", "Stages of the selection"),
    "intern_funnel_headline": (
        "Von {} Lösungen sind {} gesichtet, {} kamen auf die Shortlist, {} fanden einen Paten, "
        "{} werden skaliert.",
        "Of {} solutions, {} have been reviewed, {} made the shortlist, {} found a patron, "
        "{} are being scaled.",
    ),
    "intern_funnel_all": ("Lösungen", "Solutions"),
    "intern_funnel_reviewed": ("gesichtet", "reviewed"),
    "intern_funnel_shortlisted": ("auf der Shortlist", "shortlisted"),
    "intern_funnel_matched": ("Pate gefunden", "patron found"),
    "intern_funnel_funded": ("gefördert", "funded"),
    "intern_funnel_scaling": ("wird skaliert", "being scaled"),
}
