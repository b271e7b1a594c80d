"""German and English UI strings, and number, money and date formats for the active language."""

from __future__ import annotations

import importlib
import pkgutil
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_datetime as _babel_datetime
from babel.numbers import format_currency, format_decimal
from babel.numbers import format_percent as _babel_percent

from dashboard import messages


def _load_catalogue() -> dict[str, tuple[str, str]]:
    """All (German, English) pairs from the modules of `dashboard.messages`, one module an area."""
    catalogue: dict[str, tuple[str, str]] = {}
    for module in pkgutil.iter_modules(messages.__path__):
        part = importlib.import_module(f"{messages.__name__}.{module.name}").MESSAGES
        clash = catalogue.keys() & part.keys()
        if clash:
            raise RuntimeError(f"message keys defined twice ({module.name}): {sorted(clash)}")
        catalogue.update(part)
    return catalogue


LANGUAGES = ("de", "en")
DEFAULT_LANGUAGE = "de"
COOKIE = "lang"
BABEL_LOCALES = {"de": "de_DE", "en": "en_GB"}
# Plotly's `separators`: decimal mark, then thousands mark.
PLOTLY_SEPARATORS = {"de": ",.", "en": ".,"}

MESSAGES: dict[str, tuple[str, str]] = _load_catalogue()


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


def format_percent(value: float | Decimal, lang: str | None = None) -> str:
    """`42,5 %` in German, `42.5%` in English (value 0.425)."""
    pattern = "#,##0.0\u00a0%" if (lang or current_language()) == "de" else "#,##0.0%"
    return _babel_percent(value, format=pattern, locale=_locale(lang))


DATE_PATTERNS = {"de": "dd.MM.yyyy", "en": "d MMM yyyy"}


def format_date(value: date, lang: str | None = None) -> str:
    """`23.11.2026` in German, `23 Nov 2026` in English."""
    lang = lang or current_language()
    return _babel_date(value, format=DATE_PATTERNS[lang], locale=BABEL_LOCALES[lang])


DATETIME_PATTERNS = {"de": "dd.MM.yyyy, HH:mm", "en": "d MMM yyyy, HH:mm"}
# Timestamps are stored in UTC; people read them in the portal's (German) time.
PORTAL_TIMEZONE = ZoneInfo("Europe/Berlin")


def format_datetime(value: datetime | str, lang: str | None = None) -> str:
    """A moment in German time: `12.03.2026, 14:02` / `12 Mar 2026, 14:02`; ISO text is parsed."""
    lang = lang or current_language()
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return _babel_datetime(
        moment, format=DATETIME_PATTERNS[lang], tzinfo=PORTAL_TIMEZONE, locale=BABEL_LOCALES[lang]
    )


def format_fixed(value: int | float | Decimal, places: int = 1, lang: str | None = None) -> str:
    """A number with exactly `places` decimals: `3,8` / `3.8`, `4,0` (a mean rating)."""
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(value, format=pattern, locale=_locale(lang))
