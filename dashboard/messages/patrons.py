"""UI strings of patron matching (/admin/paten) and the shortlist for a patron meeting."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- /admin/paten
    "patrons_title": ("Paten und Patinnen", "Patrons"),
    "patrons_intro": (
        "Passende Paten für Lösungen auf der Shortlist finden, Lösungen anbieten und Zusagen "
        "erfassen. Budgets zählen die Zusagen der Veranstaltungen und der Kuratierung.",
        "Find fitting patrons for shortlisted solutions, offer solutions and record pledges. "
        "Budgets count the pledges made at the events and through curation.",
    ),
    "patrons_to_shortlist": (
        "Shortlist für das Patentreffen (Druckansicht und Excel)",
        "Shortlist for the patron meeting (print view and Excel)",
    ),
    "patrons_suggest_title": ("Vorschläge für eine Lösung", "Suggestions for a solution"),
    "patrons_suggest_intro": (
        "Paten sind nach Passung geordnet: Handlungsfeld (50 %), Region (30 %) und freies "
        "Budget (20 %; ab 25.000 € voll). Paten ohne freies Budget stehen am Ende.",
        "Patrons are ranked by fit: action field (50%), region (30%) and budget left (20%; full "
        "from €25,000). Patrons without budget left come last.",
    ),
    "patrons_solution_label": (
        "Lösung (Shortlist oder mit Pate)",
        "Solution (shortlisted or matched)",
    ),
    "patrons_choose_solution": ("– Lösung wählen –", "– choose a solution –"),
    "patrons_no_solutions": (
        "Noch steht keine Lösung auf der Shortlist. Lösungen kommen in der Kuratierung dorthin.",
        "No solution is on the shortlist yet. Solutions get there in the curation.",
    ),
    "patrons_to_curation": ("Zur Kuratierung", "Go to the curation"),
    "patrons_pick_hint": (
        "Wählen Sie eine Lösung, um passende Paten zu sehen.",
        "Choose a solution to see fitting patrons.",
    ),
    "patrons_solution_unknown": (
        "Diese Lösung gibt es nicht (mehr).",
        "This solution does not exist (any more).",
    ),
    "patrons_solution_facts": (
        "Handlungsfeld: {} · Region: {} · Status: {}",
        "Action field: {} · Region: {} · Status: {}",
    ),
    "patrons_region_unknown": ("unbekannt", "unknown"),
    "patrons_ranked_label": ("Paten nach Passung", "Patrons by fit"),
    "patrons_more": ("Weitere {} Paten anzeigen", "Show {} more patrons"),
    "patrons_fit": ("Passung {}", "Fit {}"),
    "patrons_badge_offered": ("Angeboten", "Offered"),
    "patrons_badge_pledged": ("Zugesagt: {}", "Pledged: {}"),
    "patrons_badge_exhausted": ("Kein Budget frei", "No budget left"),
    "patrons_offer": ("Anbieten", "Offer"),
    "patrons_offer_to": ("an {}", "to {}"),
    # "passt: …", not "passt (…)": a field's name may carry brackets of its own.
    "patrons_reason_field": ("Handlungsfeld passt: {}", "Action field matches: {}"),
    "patrons_reason_any_field": ("fördert alle Handlungsfelder", "funds any action field"),
    "patrons_reason_other_field": ("anderes Handlungsfeld", "other action field"),
    "patrons_reason_district": ("Region passt: {}", "Region matches: {}"),
    "patrons_reason_regierungsbezirk": (
        "gleicher Regierungsbezirk: {}",
        "same government region: {}",
    ),
    "patrons_reason_anywhere": ("keine regionale Einschränkung", "no regional restriction"),
    "patrons_reason_other_region": ("andere Region", "other region"),
    "patrons_reason_region_unknown": (
        "Region der Lösung unbekannt",
        "the solution's region is unknown",
    ),
    "patrons_reason_budget": ("Budget frei: {}", "Budget left: {}"),
    "patrons_reason_no_budget": ("kein Budget mehr frei", "no budget left"),
    "patrons_reason_mark_yes": ("passt:", "fits:"),
    "patrons_reason_mark_no": ("passt nicht:", "does not fit:"),
    "patrons_pledge_title": ("Zusage erfassen", "Record a pledge"),
    "patrons_pledge_patron": ("Zusage von (Pate/Patin)", "Pledge by (patron)"),
    "patrons_amount_label": (
        "Betrag in € (z. B. 12.500,00 oder 12500)",
        "Amount in € (German notation, e.g. 12.500,00 or 12500)",
    ),
    "patrons_date_label": ("Zugesagt am", "Pledged on"),
    "patrons_pledge_button": ("Zusage erfassen", "Record pledge"),
    "patrons_amount_empty": ("Bitte einen Betrag eingeben.", "Please enter an amount."),
    "patrons_amount_invalid": (
        "„{}“ ist kein Betrag. Bitte so eingeben: 12.500,00 oder 12500.",
        "“{}” is not an amount. Please enter it like this: 12.500,00 or 12500.",
    ),
    "patrons_amount_ambiguous": (
        "„{}“ ist mehrdeutig: Das Komma trennt die Cents ab, der Punkt die Tausender. Meinen Sie "
        "1.234,00 € oder 1,23 €?",
        "“{}” is ambiguous: the comma separates the cents, the point the thousands (German "
        "notation). Do you mean 1.234,00 € or 1,23 €?",
    ),
    "patrons_amount_too_precise": (
        "„{}“ hat mehr als zwei Nachkommastellen; Beträge gehen auf den Cent genau.",
        "“{}” has more than two decimals; amounts are exact to the cent.",
    ),
    "patrons_amount_not_positive": (
        "Der Betrag muss größer als 0 € sein.",
        "The amount must be more than €0.",
    ),
    "patrons_amount_too_large": ("Der Betrag ist zu groß.", "The amount is too large."),
    "patrons_amount_over_budget": (
        "Die Zusage übersteigt das freie Budget von {} ({}). Bitte zuerst das Budget in den "
        "Daten aktualisieren.",
        "The pledge exceeds the budget left of {} ({}). Please update the budget in the data "
        "first.",
    ),
    "patrons_date_invalid": (
        "Bitte ein gültiges Datum angeben.",
        "Please give a valid date.",
    ),
    "patrons_unknown_choice": (
        "Bitte eine Lösung und einen Paten wählen.",
        "Please choose a solution and a patron.",
    ),
    "patrons_offer_done": (
        "Die Lösung ist {} angeboten.",
        "The solution has been offered to {}.",
    ),
    "patrons_offer_already_pledged": (
        "{} hat für diese Lösung schon zugesagt.",
        "{} has already pledged to this solution.",
    ),
    "patrons_pledge_done": (
        "Zusage von {} über {} erfasst; die Lösung hat jetzt einen Paten. Noch frei: {}.",
        "Pledge of {} for {} recorded; the solution is now matched. Budget left: {}.",
    ),
    "patrons_stale": (
        "Nicht gespeichert: Die Lösung wurde geändert, seit Sie sie geöffnet haben. Bitte prüfen "
        "Sie den neuen Stand und entscheiden Sie dann erneut.",
        "Not saved: the solution was changed since you opened it. Please check the current "
        "state, then decide again.",
    ),
    "patrons_stale_changes": ("Inzwischen geändert:", "Changed meanwhile:"),
    "patrons_reload": ("Aktuellen Stand laden", "Load the current state"),
    "patrons_change": ("{} – {}: {}", "{} – {}: {}"),
    "patrons_view_title": ("Ansicht je Pate", "One patron's view"),
    "patrons_patron_label": ("Pate/Patin anzeigen", "Show patron"),
    "patrons_choose_patron": ("– Pate/Patin wählen –", "– choose a patron –"),
    "patrons_budget": ("Budget", "Budget"),
    "patrons_pledged": ("Zugesagt", "Pledged"),
    "patrons_remaining": ("Noch frei", "Budget left"),
    "patrons_interests": ("Interessen", "Interests"),
    "patrons_fields": ("Handlungsfelder", "Action fields"),
    "patrons_regions": ("Regionen", "Regions"),
    "patrons_all_fields": ("alle", "any"),
    "patrons_all_regions": ("überall", "anywhere"),
    "patrons_pledges_caption": ("Zusagen von {}", "Pledges of {}"),
    "patrons_offers_caption": ("Angeboten an {}", "Offered to {}"),
    "patrons_no_pledges": ("Noch keine Zusagen.", "No pledges yet."),
    "patrons_no_offers": ("Keine offenen Angebote.", "No open offers."),
    "patrons_source_event": ("Veranstaltung", "Event"),
    "patrons_source_curation": ("Kuratierung", "Curation"),
    "patrons_list_title": ("Alle Paten und Budgets", "All patrons and budgets"),
    "patrons_list_caption": (
        "Paten mit Interessen, Budget, Zusagen (Veranstaltungen und Kuratierung) und freiem Budget",
        "Patrons with interests, budget, pledges (events and curation) and budget left",
    ),
    "patrons_kpi_budget": ("Budget aller Paten", "All patrons' budget"),
    "patrons_kpi_pledged": ("Zugesagt", "Pledged"),
    "patrons_kpi_remaining": ("Noch frei", "Budget left"),
    "patrons_col_patron": ("Pate/Patin", "Patron"),
    "patrons_col_kind": ("Art", "Kind"),
    "patrons_col_date": ("Datum", "Date"),
    "patrons_col_amount": ("Betrag", "Amount"),
    "patrons_col_source": ("Quelle", "Source"),
    "patrons_col_status": ("Status der Lösung", "Solution's status"),
    "patrons_kind_company": ("Unternehmen", "Company"),
    "patrons_kind_foundation": ("Stiftung", "Foundation"),
    "patrons_kind_person": ("Privatperson", "Private person"),
    "patrons_kind_public": ("Öffentliche Hand", "Public body"),
    # --- the shortlist (/admin/shortlist and /daten/shortlist.xlsx)
    "patrons_shortlist_title": (
        "Shortlist für das Patentreffen",
        "Shortlist for the patron meeting",
    ),
    "patrons_shortlist_table_title": ("Shortlist", "Shortlist"),
    "patrons_shortlist_meta": (
        "Stand: {} · Veranstaltung: {} · Handlungsfeld: {} · Status: {} · {} Lösungen",
        "As of {} · Event: {} · Action field: {} · Status: {} · {} solutions",
    ),
    "patrons_shortlist_filters": ("Auswahl", "Selection"),
    "patrons_shortlist_event": ("Veranstaltung", "Event"),
    "patrons_shortlist_all_events": ("alle Veranstaltungen", "all events"),
    "patrons_shortlist_all_fields": ("alle Handlungsfelder", "all action fields"),
    "patrons_shortlist_status": ("Status", "Status"),
    "patrons_shortlist_print": ("Drucken", "Print"),
    "patrons_shortlist_xlsx": ("Als Excel herunterladen", "Download as Excel"),
    "patrons_shortlist_back": ("Zurück zu den Paten", "Back to the patrons"),
    "patrons_shortlist_empty": (
        "Für diese Auswahl steht keine Lösung auf der Liste.",
        "No solution is on the list for this selection.",
    ),
    "patrons_shortlist_video": ("Video ansehen", "Watch the video"),
    "patrons_shortlist_no_video": ("kein Video", "no video"),
    "patrons_shortlist_rating": (
        "{} von 5 ({} Bewertende)",
        "{} of 5 ({} raters)",
    ),
    "patrons_shortlist_unrated": ("noch nicht bewertet", "not rated yet"),
    "patrons_shortlist_no_notes": ("keine", "none"),
    "patrons_shortlist_no_patron": ("kein Pate mit freiem Budget", "no patron with budget left"),
    "patrons_shortlist_page_link": ("Seite der Lösung", "The solution's page"),
    "patrons_col_solution": ("Lösung", "Solution"),
    "patrons_col_link": ("Link", "Link"),
    "patrons_col_challenge": ("Herausforderung", "Challenge"),
    "patrons_col_organisation": ("Organisation", "Organisation"),
    "patrons_col_field": ("Handlungsfeld", "Action field"),
    "patrons_col_team": ("Team", "Team"),
    "patrons_col_video": ("Video", "Video"),
    "patrons_col_rating": ("Bewertung (Mittel)", "Rating (mean)"),
    "patrons_col_raters": ("Bewertende", "Raters"),
    "patrons_col_impact": ("Wirkung", "Impact"),
    "patrons_col_transferability": ("Übertragbarkeit", "Transferability"),
    "patrons_col_readiness": ("Reife", "Readiness"),
    "patrons_col_cost_effectiveness": ("Kosten-Nutzen", "Cost-effectiveness"),
    "patrons_col_notes": ("Notizen", "Notes"),
    "patrons_col_suggested": ("Vorgeschlagener Pate", "Suggested patron"),
    "patrons_col_reason": ("Begründung", "Reason"),
}
