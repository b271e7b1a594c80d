"""UI strings of the scaling candidates and the transfer map (/skalierung)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "scaling_title": ("Skalierungskandidaten", "Scaling candidates"),
    "scaling_intro": (
        "Welche Lösungen sich für die Übertragung in andere Regionen eignen: eine Rangliste nach "
        "einem nachvollziehbaren Skalierungswert. Jeder Bestandteil ist auf 0 bis 1 normiert und "
        "wird je Kandidat gezeigt; die Gewichte legen Sie mit den Reglern fest.",
        "Which solutions lend themselves to being carried to other regions: a ranking by a "
        "transparent scaling score. Each component is normalised to 0–1 and shown for every "
        "candidate; you set the weights with the sliders.",
    ),
    "scaling_filters": ("Auswahl", "Selection"),
    "scaling_filter_event": ("Veranstaltung", "Event"),
    "scaling_filter_field": ("Handlungsfeld", "Action field"),
    "scaling_filter_status": ("Kuratierungsstatus", "Curation status"),
    "scaling_all_events": ("Alle Veranstaltungen", "All events"),
    "scaling_all_fields": ("Alle Handlungsfelder", "All action fields"),
    "scaling_all_statuses": ("Alle Status", "All statuses"),
    "scaling_weights": ("Gewichte", "Weights"),
    "scaling_weights_reset": ("Gewichte zurücksetzen", "Reset the weights"),
    "scaling_weights_help": (
        "Jedes Gewicht von 0 (zählt nicht) bis 10. Der Wert ist der gewichtete Mittelwert der "
        "Bestandteile; sind alle Gewichte 0, ist er 0.",
        "Each weight from 0 (does not count) to 10. The score is the weighted mean of the "
        "components; with every weight at 0 it is 0.",
    ),
    "scaling_defaults": ("Voreinstellung: {}.", "Default: {}."),
    "scaling_reset_weights": ("Gewichte zurücksetzen", "Reset weights"),
    "scaling_component_award": ("Jury-Auszeichnung", "Jury award"),
    "scaling_component_votes": ("Publikumsstimmen", "Public votes"),
    "scaling_component_rating": ("Bewertung der Kuratierung", "Curators' rating"),
    "scaling_component_demand": ("Bedarf anderswo", "Demand elsewhere"),
    "scaling_component_digital": ("Digital wiederverwendbar", "Digitally reusable"),
    "scaling_component_maturity": ("Reifegrad", "Maturity"),
    "scaling_short_award": ("Jury", "Jury"),
    "scaling_short_votes": ("Stimmen", "Votes"),
    "scaling_short_rating": ("Bewertung", "Rating"),
    "scaling_short_demand": ("Bedarf", "Demand"),
    "scaling_short_digital": ("Digital", "Digital"),
    "scaling_short_maturity": ("Reife", "Maturity"),
    "scaling_method_title": ("So wird der Wert berechnet", "How the score is computed"),
    "scaling_method_award": (
        "Jury-Auszeichnung: Gewinner 1, Finalist 0,5, sonst 0.",
        "Jury award: winner 1, finalist 0.5, otherwise 0.",
    ),
    "scaling_method_votes": (
        "Publikumsstimmen: logarithmisch skaliert, ln(1 + Stimmen) ÷ ln(1 + höchste Stimmenzahl "
        "aller Lösungen) – sonst lägen fast alle nahe 0, weil wenige Lösungen sehr viele "
        "Stimmen haben.",
        "Public votes: log-scaled, ln(1 + votes) ÷ ln(1 + the most votes of any solution) – "
        "otherwise nearly all would be close to 0, as a few solutions have very many votes.",
    ),
    "scaling_method_rating": (
        "Bewertung der Kuratierung: Mittel über alle Kuratorinnen, Kuratoren und Kriterien "
        "(1–5), umgerechnet (Mittel − 1) ÷ 4; noch nicht bewertet zählt 0.",
        "Curators' rating: the mean over all curators and criteria (1–5), as (mean − 1) ÷ 4; "
        "not yet rated counts 0.",
    ),
    "scaling_method_demand": (
        "Bedarf anderswo: Herausforderungen desselben Handlungsfelds ohne Lösung in anderen "
        "Regierungsbezirken als dem der Lösung (ihr eigener Kreis, sonst der ihrer "
        "Herausforderung), geteilt durch die größte solche Zahl aller Lösungen.",
        "Demand elsewhere: challenges of the same action field without a solution in "
        "Regierungsbezirke other than the solution's (its own district, else its challenge's), "
        "divided by the largest such number of any solution.",
    ),
    "scaling_method_digital": (
        "Digital wiederverwendbar: digital 1, sonst 0.",
        "Digitally reusable: digital 1, otherwise 0.",
    ),
    "scaling_method_maturity": (
        "Reifegrad: Idee 0, Prototyp 1/3, Pilot 2/3, im Einsatz 1.",
        "Maturity: idea 0, prototype 1/3, pilot 2/3, in use 1.",
    ),
    "scaling_method_filters": (
        "Stimmen und Bedarf werden an allen Lösungen gemessen, nicht nur an der Auswahl: "
        "ein Filter ändert keinen Wert, nur, welche Lösungen gezeigt werden.",
        "Votes and demand are measured against all solutions, not only the selection: a "
        "filter changes no score, only which solutions are shown.",
    ),
    "scaling_weight_label": ("Gewicht {}", "Weight {}"),
    "scaling_weight_value": ("{} von 10", "{} of 10"),
    "scaling_ranking_title": (
        "Rangliste der Skalierungskandidaten",
        "Ranking of scaling candidates",
    ),
    "scaling_ranking_caption": (
        "Die {} besten von {} Lösungen der Auswahl, nach Skalierungswert",
        "The top {} of {} solutions in the selection, by scaling score",
    ),
    "scaling_ranking_none": (
        "Keine Lösung passt zu dieser Auswahl.",
        "No solution matches this selection.",
    ),
    "scaling_status": (
        "{} Lösungen in der Auswahl; an erster Stelle: {}.",
        "{} solutions in the selection; first: {}.",
    ),
    "scaling_status_empty": ("Keine Lösung in der Auswahl.", "No solution in the selection."),
    "scaling_col_rank": ("Rang", "Rank"),
    "scaling_col_solution": ("Lösung", "Solution"),
    "scaling_col_id": ("Kennung", "ID"),
    "scaling_col_link": ("Link", "Link"),
    "scaling_col_field": ("Handlungsfeld", "Action field"),
    "scaling_col_region": ("Regierungsbezirk", "Regierungsbezirk"),
    "scaling_col_status": ("Status", "Status"),
    "scaling_col_score": ("Skalierungswert", "Scaling score"),
    "scaling_col_votes_raw": ("Stimmen (Anzahl)", "Votes (count)"),
    "scaling_col_rating_raw": ("Bewertung (Mittel 1–5)", "Rating (mean 1–5)"),
    "scaling_col_demand_raw": ("Bedarf anderswo (Anzahl)", "Demand elsewhere (count)"),
    "scaling_col_weights": ("Gewichte", "Weights"),
    "scaling_why": ("Warum dieser Rang?", "Why this rank?"),
    "scaling_part": ("{}: {} → {} × Gewicht {} = {}", "{}: {} → {} × weight {} = {}"),
    "scaling_total": (
        "Summe {} ÷ Summe der Gewichte {} = Skalierungswert {}",
        "Sum {} ÷ sum of weights {} = scaling score {}",
    ),
    "scaling_total_no_weights": (
        "Alle Gewichte sind 0: Skalierungswert 0.",
        "Every weight is 0: scaling score 0.",
    ),
    "scaling_reason_award_winner": ("Gewinner der Jury", "jury winner"),
    "scaling_reason_award_finalist": ("Finalist der Jury", "jury finalist"),
    "scaling_reason_award_none": ("keine Auszeichnung", "no award"),
    "scaling_reason_votes": ("{} Stimmen", "{} votes"),
    "scaling_reason_rating": ("Mittel {} von {} Bewertenden", "mean {} from {} raters"),
    "scaling_not_rated": ("noch nicht bewertet", "not yet rated"),
    "scaling_reason_demand": (
        "{} Herausforderungen ohne Lösung im Feld „{}“ in anderen Regierungsbezirken",
        "{} challenges without a solution in “{}” in other Regierungsbezirke",
    ),
    "scaling_reason_digital_yes": ("digital", "digital"),
    "scaling_reason_digital_no": ("nicht digital", "not digital"),
    "scaling_maturity_idea": ("Idee", "idea"),
    "scaling_maturity_prototype": ("Prototyp", "prototype"),
    "scaling_maturity_pilot": ("Pilot", "pilot"),
    "scaling_maturity_in_use": ("im Einsatz", "in use"),
    "scaling_matrix_title": ("Transferkarte", "Transfer map"),
    "scaling_matrix_intro": (
        "Bedarf (Herausforderungen), Angebot (Lösungen) und Geld (Förderungen in Euro) je "
        "Handlungsfeld und Region. Zellen mit Herausforderungen, für die es noch keine Lösung "
        "gibt, sind als „Bedarf ohne Lösung“ markiert.",
        "Demand (challenges), supply (solutions) and money (grants in euros) per action field "
        "and region. Cells with challenges that have no solution yet are marked “Demand "
        "without a solution”.",
    ),
    "scaling_matrix_region": ("Regionen", "Regions"),
    "scaling_matrix_all_regions": ("Regierungsbezirke", "Regierungsbezirke"),
    "scaling_matrix_districts_of": ("Kreise im Regierungsbezirk {}", "Districts in {}"),
    "scaling_matrix_candidate": ("Kandidat für die Übertragung", "Candidate to carry over"),
    "scaling_matrix_no_candidate": ("Keiner", "None"),
    "scaling_matrix_caption": (
        "Handlungsfelder (Zeilen) je {} (Spalten): Herausforderungen, Lösungen, Förderung",
        "Action fields (rows) per {} (columns): challenges, solutions, grants",
    ),
    "scaling_matrix_caption_rb": ("Regierungsbezirk", "Regierungsbezirk"),
    "scaling_matrix_caption_district": ("Kreis", "district"),
    "scaling_matrix_candidate_note": (
        "Markiert mit „Ziel für {}“: Zellen desselben Handlungsfelds in anderen "
        "Regierungsbezirken mit Bedarf ohne Lösung ({} Zellen).",
        "Marked “Target for {}”: cells of the same action field in other Regierungsbezirke "
        "with demand but no solution ({} cells).",
    ),
    "scaling_cell_challenges": ("{} Herausforderungen", "{} challenges"),
    "scaling_cell_solutions": ("{} Lösungen", "{} solutions"),
    "scaling_cell_grants": ("{} Förderung", "{} grants"),
    "scaling_cell_gap": ("Bedarf ohne Lösung: {}", "Demand without a solution: {}"),
    "scaling_cell_target": ("Ziel für {}", "Target for {}"),
    "scaling_heatmap_title": (
        "Herausforderungen ohne Lösung je Handlungsfeld und Region",
        "Challenges without a solution per action field and region",
    ),
    "scaling_heatmap_summary": (
        "Am meisten Bedarf ohne Lösung: {} in {} ({}).",
        "Most demand without a solution: {} in {} ({}).",
    ),
    "scaling_matrix_table_title": (
        "Bedarf ohne Lösung je Handlungsfeld und Region",
        "Demand without a solution per action field and region",
    ),
    "scaling_col_region_name": ("Region", "Region"),
    "scaling_col_challenges": ("Herausforderungen", "Challenges"),
    "scaling_col_solutions": ("Lösungen", "Solutions"),
    "scaling_col_unsolved": ("Ohne Lösung", "Without a solution"),
    "scaling_col_grants": ("Förderung (EUR)", "Grants (EUR)"),
    "scaling_col_gap": ("Bedarf ohne Lösung", "Demand without a solution"),
    "scaling_col_target": ("Ziel des Kandidaten", "Candidate's target"),
    "scaling_yes": ("ja", "yes"),
    "scaling_no": ("nein", "no"),
}
