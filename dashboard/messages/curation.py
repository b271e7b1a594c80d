"""UI strings of the curation board (/admin/kuratierung); status names are in `intern`."""

MESSAGES: dict[str, tuple[str, str]] = {
    "curation_title": ("Kuratierung", "Curation"),
    "curation_intro": (
        "Alle eingereichten Lösungen mit ihrem Stand in der Auswahl. Filtern, öffnen, bewerten, "
        "Notizen schreiben und den Status ändern – jede Änderung wird mit Name und Zeit "
        "protokolliert.",
        "Every submitted solution with its place in the selection. Filter, open, rate, write "
        "notes and change the status – every change is logged with name and time.",
    ),
    # status counts
    "curation_counts_heading": ("Lösungen je Status", "Solutions per status"),
    "curation_counts_hint": (
        "Ein Klick auf einen Status zeigt nur dessen Lösungen; die Zahlen folgen den übrigen "
        "Filtern.",
        "Click a status to show only its solutions; the numbers follow the other filters.",
    ),
    "curation_count_all": ("Alle", "All"),
    # filters
    "curation_filters": ("Filter", "Filters"),
    "curation_filter_status": ("Status", "Status"),
    "curation_filter_event": ("Veranstaltung", "Event"),
    "curation_filter_field": ("Handlungsfeld", "Action field"),
    "curation_filter_rating": ("Bewertung", "Rating"),
    "curation_filter_patron": ("Pate/Patin", "Patron"),
    "curation_filter_search": ("Suche", "Search"),
    "curation_search_hint": (
        "Titel, Beschreibung, Team, Schlagworte, ID und Notizen",
        "Title, summary, team, tags, id and notes",
    ),
    "curation_all_statuses": ("Alle Status", "All statuses"),
    "curation_all_events": ("Alle Veranstaltungen", "All events"),
    "curation_all_fields": ("Alle Handlungsfelder", "All action fields"),
    "curation_all_ratings": ("Alle Bewertungen", "All ratings"),
    "curation_all_patrons": ("Alle", "All"),
    "curation_rating_unrated": ("Noch von niemandem bewertet", "Not rated by anyone yet"),
    "curation_rating_not_mine": ("Noch nicht von mir bewertet", "Not rated by me yet"),
    "curation_rating_min": ("Mittel ab {}", "Mean {} or more"),
    "curation_patron_any": (
        "Mit Pate/Patin (angeboten oder zugesagt)",
        "With a patron (offered or pledged)",
    ),
    "curation_patron_none": ("Ohne Pate/Patin", "Without a patron"),
    "curation_patron_option": (
        "Angeboten an oder zugesagt von: {}",
        "Offered to or pledged by: {}",
    ),
    "curation_reset": ("Filter zurücksetzen", "Reset filters"),
    # results table
    "curation_results": ("Lösungen", "Solutions"),
    "curation_count_none": ("Keine Lösung passt zu diesen Filtern.", "No solution matches."),
    "curation_count_one": ("1 Lösung", "1 solution"),
    "curation_count_many": ("{} Lösungen", "{} solutions"),
    "curation_empty_hint": (
        "Bitte Filter lockern oder zurücksetzen.",
        "Please widen or reset the filters.",
    ),
    "curation_caption": (
        "Lösungen in der Kuratierung, sortiert nach {} ({}), Seite {} von {}",
        "Solutions in curation, sorted by {} ({}), page {} of {}",
    ),
    "curation_caption_default": (
        "Lösungen in der Kuratierung, neue zuerst, darin die ältesten zuerst, Seite {} von {}",
        "Solutions in curation, new ones first, oldest first within, page {} of {}",
    ),
    "curation_order_label": ("Reihenfolge:", "Order:"),
    "curation_order_default": (
        "neue zuerst, darin die ältesten zuerst (nach Eingang)",
        "new ones first, oldest first within (by submission)",
    ),
    "curation_order_column": ("nach {} ({})", "by {} ({})"),
    "curation_order_back": ("Zur Standardreihenfolge", "Back to the default order"),
    "curation_progress_label": ("Ihr Fortschritt:", "Your progress:"),
    "curation_progress": ("{} von {} gesichtet", "{} of {} reviewed"),
    "curation_progress_short": ("(gesichtet = von Ihnen bewertet)", "(reviewed = rated by you)"),
    "curation_progress_meaning": (
        "(gesichtet: von Ihnen bewertet; gezählt unter diesen Filtern, ohne den Bewertungsfilter)",
        "(reviewed: rated by you; counted under these filters, the rating filter aside)",
    ),
    "curation_only_not_mine": ("Noch nicht von mir bewertet", "Not rated by me yet"),
    "curation_sort_ascending": ("aufsteigend", "ascending"),
    "curation_sort_descending": ("absteigend", "descending"),
    "curation_col_select": ("Auswahl", "Selection"),
    "curation_col_title": ("Titel", "Title"),
    "curation_col_submitted": ("Eingereicht", "Submitted"),
    "curation_col_event": ("Veranstaltung", "Event"),
    "curation_col_field": ("Handlungsfeld", "Action field"),
    "curation_col_status": ("Status", "Status"),
    "curation_col_rating": ("Bewertung", "Rating"),
    "curation_col_notes": ("Notizen", "Notes"),
    "curation_col_updated": ("Letzte Änderung", "Last change"),
    "curation_col_id": ("ID", "ID"),
    "curation_col_raters": ("Anzahl Bewertungen", "Number of ratings"),
    "curation_col_patrons": ("Paten (angeboten oder zugesagt)", "Patrons (offered or pledged)"),
    "curation_col_version": ("Version", "Version"),
    "curation_col_updated_by": ("Geändert von", "Changed by"),
    "curation_col_updated_at": ("Geändert am", "Changed on"),
    "curation_select_page": ("Alle Zeilen dieser Seite auswählen", "Select every row on this page"),
    "curation_select_row": ("Auswählen: {}", "Select: {}"),
    "curation_rating_cell": ("{} von {} Kurator/innen", "{} by {} curators"),
    "curation_rating_cell_one": ("{} von 1 Kurator/in", "{} by 1 curator"),
    "curation_not_rated": ("nicht bewertet", "not rated"),
    "curation_untouched": ("unbearbeitet", "untouched"),
    "curation_page_size": ("Zeilen je Seite", "Rows per page"),
    "curation_pagination": ("Seiten der Tabelle", "Table pages"),
    "curation_page_previous": ("Vorherige Seite", "Previous page"),
    "curation_page_next": ("Nächste Seite", "Next page"),
    "curation_page_word": ("Seite", "Page"),
    "curation_page_range": ("Zeilen {} bis {} von {}", "Rows {} to {} of {}"),
    "curation_download_title": ("Kuratierung", "Curation"),
    # bulk move
    "curation_bulk_label": ("Auswahl verschieben", "Move the selection"),
    "curation_bulk_status": ("Neuer Status der Auswahl", "New status of the selection"),
    "curation_bulk_apply": ("Auswahl verschieben", "Move selection"),
    "curation_selected_none": ("Keine Zeile ausgewählt", "No row selected"),
    "curation_selected_one": ("1 Zeile ausgewählt", "1 row selected"),
    "curation_selected_many": ("{} Zeilen ausgewählt", "{} rows selected"),
    "curation_bulk_none_selected": (
        "Bitte zuerst Zeilen auswählen (Kästchen am Zeilenanfang).",
        "Please select rows first (the boxes at the start of each row).",
    ),
    "curation_bulk_saved": ("{} Lösungen verschoben nach „{}“.", "{} solutions moved to “{}”."),
    "curation_bulk_saved_one": ("1 Lösung verschoben nach „{}“.", "1 solution moved to “{}”."),
    "curation_bulk_already_there_one": (
        "Eine stand schon dort und blieb unverändert.",
        "One was already there and left unchanged.",
    ),
    "curation_bulk_already_there": (
        "{} standen schon dort und blieben unverändert.",
        "{} were already there and left unchanged.",
    ),
    "curation_bulk_all_there": (
        "Alle ausgewählten Lösungen stehen schon auf „{}“; nichts geändert.",
        "All selected solutions are already “{}”; nothing changed.",
    ),
    "curation_yours_bulk_one": (
        "Die ausgewählte Lösung wurde nicht nach „{}“ verschoben.",
        "The selected solution was not moved to “{}”.",
    ),
    "curation_yours_bulk": (
        "Keine der {} ausgewählten Lösungen wurde nach „{}“ verschoben.",
        "None of the {} selected solutions was moved to “{}”.",
    ),
    # saves
    "curation_stale": (
        "Nicht gespeichert: Diese Lösung wurde inzwischen von jemand anderem geändert.",
        "Not saved: someone else changed this solution in the meantime.",
    ),
    "curation_stale_bulk": (
        "Nichts verschoben: „{}“ wurde inzwischen von jemand anderem geändert.",
        "Nothing moved: “{}” was changed by someone else in the meantime.",
    ),
    "curation_stale_changes": ("Das hat sich seitdem geändert:", "What changed since:"),
    "curation_stale_hint": (
        "Laden Sie den aktuellen Stand und entscheiden Sie dann neu.",
        "Load the current state, then decide again.",
    ),
    "curation_reload": ("Aktuellen Stand laden", "Load the current state"),
    "curation_reloaded": (
        "Aktueller Stand geladen.",
        "Current state loaded.",
    ),
    "curation_reloaded_draft": (
        "Ihr nicht gespeicherter Text zum Übernehmen: {}",
        "Your unsaved text, to copy if you need it: {}",
    ),
    "curation_yours_status": ("Ihre Eingabe war: Status „{}“.", "Your choice was: status “{}”."),
    "curation_yours_notes": ("Ihr nicht gespeicherter Text: {}", "Your unsaved text: {}"),
    "curation_invalid_status": ("Diesen Status gibt es nicht.", "There is no such status."),
    "curation_unknown_solution": (
        "Diese Lösung gibt es im aktuellen Datenstand nicht.",
        "This solution is not in the current data.",
    ),
    "curation_status_unchanged": (
        "Der Status ist bereits „{}“ – nichts zu speichern.",
        "The status already is “{}” – nothing to save.",
    ),
    "curation_status_saved": ("Status gespeichert: „{}“.", "Status saved: “{}”."),
    "curation_notes_unchanged": (
        "Die Notiz ist unverändert – nichts zu speichern.",
        "The notes are unchanged – nothing to save.",
    ),
    "curation_notes_saved": ("Notiz gespeichert.", "Notes saved."),
    "curation_notes_too_long": (
        "Die Notiz ist zu lang (höchstens {} Zeichen).",
        "The notes are too long (at most {} characters).",
    ),
    "curation_rating_incomplete": (
        "Bitte alle vier Kriterien mit 1 bis 5 bewerten.",
        "Please rate all four criteria from 1 to 5.",
    ),
    "curation_rating_invalid": (
        "Jedes Kriterium wird mit einer ganzen Zahl von 1 bis 5 bewertet.",
        "Each criterion takes a whole number from 1 to 5.",
    ),
    "curation_review_unchanged": ("Nichts geändert.", "Nothing changed."),
    "curation_review_saved": ("Gespeichert: {}.", "Saved: {}."),
    "curation_review_saved_rating": (
        "Ihre Bewertung (Ihr Mittel: {})",
        "your rating (your mean: {})",
    ),
    "curation_review_saved_status": ("Status „{}“", "status “{}”"),
    "curation_review_saved_notes": ("Notiz", "notes"),
    "curation_review_next": ("Weiter mit „{}“.", "Next: “{}”."),
    "curation_review_last": (
        "Das war die letzte Lösung dieser Auswahl.",
        "That was the last solution of this selection.",
    ),
    "curation_yours_review": ("Ihre Eingabe war: {}.", "Your input was: {}."),
    "curation_yours_review_rating": ("Bewertung {}", "rating {}"),
    "curation_yours_review_status": ("Status „{}“", "status “{}”"),
    "curation_yours_review_notes": ("Notiz {}", "notes {}"),
    "curation_rating_saved": (
        "Ihre Bewertung ist gespeichert (Ihr Mittel: {}).",
        "Your rating is saved (your mean: {}).",
    ),
    # changes in words (history, stale messages)
    "curation_criterion_impact": ("Wirkung", "Impact"),
    "curation_criterion_transferability": ("Übertragbarkeit", "Transferability"),
    "curation_criterion_readiness": ("Umsetzungsreife", "Readiness"),
    "curation_criterion_cost_effectiveness": ("Kosten-Nutzen", "Cost-effectiveness"),
    # detail panel
    "curation_detail_close": ("Schließen", "Close"),
    "curation_steps_label": ("In der Liste blättern", "Move through the list"),
    "curation_step_prev": ("‹ Vorherige", "‹ Previous"),
    "curation_step_next": ("Nächste ›", "Next ›"),
    "curation_step_prev_to": ("Vorherige Lösung: {}", "Previous solution: {}"),
    "curation_step_next_to": ("Nächste Lösung: {}", "Next solution: {}"),
    "curation_step_position": ("{} von {} auf dieser Seite", "{} of {} on this page"),
    "curation_step_outside": ("nicht mehr in dieser Auswahl", "no longer in this selection"),
    "curation_step_unsaved": (
        "Bewertung, Status oder Notiz sind geändert, aber noch nicht gespeichert. Bitte erst "
        "speichern („Speichern & weiter“) oder die Änderung zurücknehmen, dann weiterblättern.",
        "The rating, the status or the notes were changed but not saved yet. Please save them "
        "(“Save & next”) or undo the change before moving on.",
    ),
    "curation_keys_label": (
        "Tasten (Fokus im Bereich, nicht beim Schreiben):",
        "Keys (focus in this panel, not while typing):",
    ),
    "curation_keys_steps": ("nächste/vorherige", "next/previous"),
    "curation_keys_also": ("auch", "or"),
    "curation_keys_rate": ("bewerten", "rate"),
    "curation_keys_close": ("schließen", "close"),
    "curation_keys_rate_hint": (
        "Eine Ziffer bewertet das gewählte Kriterium, sonst das erste offene, und geht zum "
        "nächsten.",
        "A digit rates the criterion in focus, else the first open one, and moves on to the next.",
    ),
    "curation_key_ctrl": ("Strg", "Ctrl"),
    "curation_save_next": ("Speichern & weiter", "Save & next"),
    "curation_save_next_hint": (
        "Speichert Bewertung, Status und Notiz zusammen, dann die nächste Lösung.",
        "Saves rating, status and notes together, then the next solution.",
    ),
    "curation_detail_facts": ("Steckbrief", "Profile"),
    "curation_detail_public": ("Öffentliche Seite der Lösung", "The solution's public page"),
    "curation_detail_team": ("Team", "Team"),
    "curation_detail_submitted": ("Eingereicht", "Submitted"),
    "curation_detail_state": ("Status „{}“", "Status “{}”"),
    "curation_detail_changed": ("zuletzt geändert von {} am {}", "last changed by {} on {}"),
    "curation_detail_untouched": ("noch nicht bearbeitet", "not touched yet"),
    "curation_detail_status": ("Status", "Status"),
    "curation_save_status": ("Status speichern", "Save status"),
    "curation_detail_notes": (
        "Notizen (nur für das Kuratierungsteam sichtbar)",
        "Notes (seen by the curation team only)",
    ),
    "curation_save_notes": ("Notiz speichern", "Save notes"),
    "curation_your_rating": ("Ihre Bewertung", "Your rating"),
    "curation_rating_scale": (
        "Je Kriterium 1 (schwach) bis 5 (stark). Jede Kuratorin und jeder Kurator bewertet "
        "einmal; eine neue Bewertung ersetzt die eigene frühere.",
        "Each criterion from 1 (weak) to 5 (strong). Each curator rates once; a new rating "
        "replaces one's own earlier one.",
    ),
    "curation_save_rating": ("Bewertung speichern", "Save rating"),
    "curation_ratings": ("Bewertungen des Teams", "The team's ratings"),
    "curation_ratings_mean": (
        "Mittel über alle Kriterien und Kurator/innen: {} ({} Kurator/innen haben bewertet)",
        "Mean over every criterion and curator: {} ({} curators rated)",
    ),
    "curation_ratings_mean_one": (
        "Mittel über alle Kriterien: {} (eine Kuratorin oder ein Kurator hat bewertet)",
        "Mean over every criterion: {} (one curator rated)",
    ),
    "curation_ratings_none": ("Noch keine Bewertung.", "No rating yet."),
    "curation_col_curator": ("Kurator/in", "Curator"),
    "curation_col_mean": ("Mittel", "Mean"),
    "curation_you": ("{} (Sie)", "{} (you)"),
    "curation_history": ("Verlauf", "History"),
    "curation_history_none": ("Noch keine Änderungen.", "No changes yet."),
    "curation_history_more": (
        "Die {} neuesten Einträge; das ganze Protokoll steht unter „Protokoll“.",
        "The {} newest entries; the whole log is under “Audit log”.",
    ),
}
