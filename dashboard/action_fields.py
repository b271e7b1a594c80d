"""The action fields as every page names and colours them: one colour per field, the same on every
chart, card and level (Okabe–Ito, in the fields' order by code)."""

from __future__ import annotations

from dataclasses import dataclass

from dashboard import db

# Okabe–Ito: told apart with every common colour-vision deficiency, readable on white.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
UNKNOWN_COLOUR = "#6c757d"


@dataclass(frozen=True)
class ActionFieldRow:
    code: str
    name_de: str
    name_en: str


action_fields = db.reader("action_fields", ActionFieldRow)


def colours() -> dict[str, str]:
    """Each action field's colour, by its code; a ninth field starts the palette again."""
    return {f.code: PALETTE[i % len(PALETTE)] for i, f in enumerate(action_fields())}


def colour(code: str | None) -> str:
    return colours().get(code or "", UNKNOWN_COLOUR)


def colours_by_name(names: list[str]) -> list[str]:
    """The colour of each action field named (German or English name), for a chart's bars;
    the unknown grey for a name that is no field ("ohne Zuordnung")."""
    found: dict[str, str] = {}
    for i, f in enumerate(action_fields()):
        found[f.name_de] = found[f.name_en] = PALETTE[i % len(PALETTE)]
    return [found.get(str(name), UNKNOWN_COLOUR) for name in names]
