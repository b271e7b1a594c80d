"""UI strings of the solution page (/loesungen/<id>) and its video behind consent."""

MESSAGES: dict[str, tuple[str, str]] = {
    "solution_back_to_gallery": ("Zurück zur Galerie", "Back to the gallery"),
    "solution_not_found_title": ("Lösung nicht gefunden", "Solution not found"),
    "solution_not_found_text": (
        "Eine Lösung mit dieser Kennung gibt es nicht (mehr). In der Galerie finden Sie alle "
        "Lösungen.",
        "There is no (longer a) solution with this identifier. The gallery shows all solutions.",
    ),
    "solution_facts": ("Steckbrief", "Profile"),
    "solution_team": ("Team", "Team"),
    "solution_team_size": ("{} Personen", "{} people"),
    "solution_team_size_one": ("1 Person", "1 person"),
    "solution_challenge": ("Herausforderung", "Challenge"),
    "solution_challenge_by": ("gestellt von {}", "posted by {}"),
    "solution_free_idea": (
        "Freie Idee (zu keiner bestimmten Herausforderung)",
        "Free idea (not for a particular challenge)",
    ),
    "solution_action_field": ("Handlungsfeld", "Action field"),
    "solution_tags": ("Schlagworte", "Tags"),
    "solution_no_tags": ("keine", "none"),
    "solution_maturity": ("Reifegrad", "Maturity"),
    "solution_maturity_idea": ("Idee", "Idea"),
    "solution_maturity_prototype": ("Prototyp", "Prototype"),
    "solution_maturity_pilot": ("Pilotphase", "Pilot"),
    "solution_maturity_in_use": ("Im Einsatz", "In use"),
    "solution_award": ("Auszeichnung", "Award"),
    "solution_award_winner": ("Gewinner", "Winner"),
    "solution_award_finalist": ("Finalist", "Finalist"),
    "solution_award_none": ("keine", "none"),
    "solution_votes": ("Publikumsstimmen", "Public votes"),
    "solution_district": ("Kreis", "District"),
    "solution_district_none": ("keine Angabe", "not given"),
    "solution_event": ("Veranstaltung", "Event"),
    "solution_event_dates": ("{} ({} – {})", "{} ({} – {})"),
    "solution_submitted_on": ("Eingereicht am", "Submitted on"),
    "solution_pledges": ("Patenschaften", "Patronships"),
    "solution_pledges_caption": (
        "Zugesagte Patenschaften für diese Lösung",
        "Patronships pledged to this solution",
    ),
    "solution_pledge_patron": ("Pate/Patin", "Patron"),
    "solution_pledge_amount": ("Betrag", "Amount"),
    "solution_pledge_date": ("Zugesagt am", "Pledged on"),
    "solution_pledges_total": ("Zusammen", "Total"),
    "solution_pledges_none": (
        "Für diese Lösung gibt es noch keine Patenschaft.",
        "No patron has pledged to this solution yet.",
    ),
    "solution_related": ("Ähnliche Lösungen", "Related solutions"),
    "solution_related_same_challenge": ("zur selben Herausforderung", "for the same challenge"),
    "solution_related_none": (
        "Es gibt keine ähnlichen Lösungen.",
        "There are no related solutions.",
    ),
    "solution_video": ("Video", "Video"),
    "solution_video_privacy": (
        "Das Video wird von YouTube bereitgestellt. Erst wenn Sie auf „Video laden“ klicken, "
        "lädt Ihr Browser es von youtube-nocookie.com; dabei werden Daten wie Ihre IP-Adresse an "
        "Google/YouTube übermittelt. Mehr dazu in der ",
        "The video is hosted by YouTube. Only when you click “Load video” does your browser load "
        "it from youtube-nocookie.com, which sends data such as your IP address to "
        "Google/YouTube. More in the ",
    ),
    "solution_video_privacy_link": ("Datenschutzerklärung", "privacy policy"),
    "solution_video_load": ("Video laden", "Load video"),
    "solution_video_watch": ("Auf YouTube ansehen", "Watch on YouTube"),
    "solution_video_frame_title": ("Video: {}", "Video: {}"),
    "solution_video_none": ("Kein Video vorhanden", "No video available"),
    "solution_new_window": ("(öffnet in neuem Fenster)", "(opens in a new window)"),
}
