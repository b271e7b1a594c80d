"""German and English UI strings, and number, money and date formats for the active language."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date as _babel_date
from babel.numbers import format_currency, format_decimal

LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
COOKIE = "lang"
BABEL_LOCALES = {"de": "de_DE", "en": "en_GB"}
# Plotly's `separators`: decimal mark, then thousands mark.
PLOTLY_SEPARATORS = {"de": ",.", "en": ".,"}

MESSAGES: dict[str, tuple[str, str]] = {
    "loading": ("Wird geladen …", "Loading …"),
    "skip_to_content": ("Zum Inhalt springen", "Skip to content"),
    "nav_label": ("Hauptnavigation", "Main navigation"),
    "nav_toggle": ("Navigation ein- und ausklappen", "Toggle navigation"),
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
    "legal_sample": (
        "Muster: Dieser Text ist ein Beispiel. Der Betreiber ersetzt ihn durch eine eigene Datei "
        "in INSTANCE_DIR/legal/.",
        "Sample: this text is an example. The operator replaces it with a file of its own in "
        "INSTANCE_DIR/legal/.",
    ),
}


def current_language() -> str:
    """The visitor's language: `?lang=`, else the cookie, else the browser's, else German."""
    try:
        from flask import has_request_context, request
    except ImportError:  # pragma: no cover - flask is a dependency
        return DEFAULT_LANGUAGE
    if not has_request_context():
        return DEFAULT_LANGUAGE
    chosen = request.args.get("lang") or request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    best = request.accept_languages.best_match(LANGUAGES)
    return best or DEFAULT_LANGUAGE


def t(key: str, *args: object, lang: str | None = None) -> str:
    """The message `key` in the active language, with `{}` filled from args."""
    de, en = MESSAGES[key]
    text = en if (lang or current_language()) == "en" else de
    return text.format(*args) if args else text


def _locale(lang: str | None) -> str:
    return BABEL_LOCALES[lang or current_language()]


def format_number(value: int | float | Decimal, lang: str | None = None) -> str:
    """`1.234.567` in German, `1,234,567` in English."""
    return format_decimal(value, locale=_locale(lang))


def format_money(value: Decimal, currency: str = "EUR", lang: str | None = None) -> str:
    """Exact to the cent, for tables: `63.250,00 €`."""
    return format_currency(value, currency, locale=_locale(lang))


def format_money_whole(value: Decimal, currency: str = "EUR", lang: str | None = None) -> str:
    """In whole units, for key figures: `42.512.300 €` / `€42,512,300`."""
    locale = _locale(lang)
    whole = Decimal(value).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    pattern = "#,##0\u00a0¤" if locale.startswith("de") else "¤#,##0"
    return format_currency(whole, currency, format=pattern, locale=locale, currency_digits=False)


DATE_PATTERNS = {"de": "dd.MM.yyyy", "en": "d MMM yyyy"}


def format_date(value: date, lang: str | None = None) -> str:
    """`23.11.2026` in German, `23 Nov 2026` in English."""
    lang = lang or current_language()
    return _babel_date(value, format=DATE_PATTERNS[lang], locale=BABEL_LOCALES[lang])
