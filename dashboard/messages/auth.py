"""UI strings of signing in and out, and of protected pages."""

MESSAGES: dict[str, tuple[str, str]] = {
    "auth_login": ("Anmelden", "Sign in"),
    "auth_logout": ("Abmelden", "Sign out"),
    "auth_login_title": ("Anmeldung", "Sign in"),
    "auth_login_intro": (
        "Der interne Bereich ist für Kuratorinnen, Kuratoren und die Leitung.",
        "The internal area is for curators and leadership.",
    ),
    "auth_username": ("Benutzername", "User name"),
    "auth_password": ("Passwort", "Password"),
    "auth_failed": (
        "Benutzername oder Passwort ist falsch, oder das Konto ist deaktiviert.",
        "User name or password is wrong, or the account is deactivated.",
    ),
    "auth_too_many": ("Zu viele Anmeldeversuche", "Too many sign-in attempts"),
    "auth_too_many_detail": (
        "Nach fünf fehlgeschlagenen Versuchen ist die Anmeldung für 15 Minuten gesperrt. "
        "Bitte versuchen Sie es später erneut.",
        "After five failed attempts, signing in is blocked for 15 minutes. Please try again later.",
    ),
    "auth_csrf_failed": (
        "Das Formular ist abgelaufen. Bitte laden Sie die Seite neu und versuchen Sie es erneut.",
        "The form has expired. Please reload the page and try again.",
    ),
    "auth_required_title": ("Anmeldung erforderlich", "Sign-in required"),
    "auth_required_text": (
        "Diese Seite ist nur nach Anmeldung sichtbar. Sie werden zur Anmeldung weitergeleitet.",
        "This page is only visible after signing in. You are being taken to the sign-in page.",
    ),
    "auth_forbidden_title": ("Keine Berechtigung", "Not allowed"),
    "auth_forbidden_text": (
        "Ihr Konto hat keine Berechtigung für diese Seite.",
        "Your account is not allowed to see this page.",
    ),
    "auth_signed_in_as": ("Angemeldet als {}", "Signed in as {}"),
}
