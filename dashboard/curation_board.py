"""The curation board's logic: URL → filters, saves that refuse stale versions, changes in words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from dashboard import data, datasets
from dashboard.curation import CRITERIA, STATUSES, CurationStore, Entry, InvalidChange, StaleVersion
from dashboard.i18n import format_datetime, format_fixed, t

# URL parameters (German, like the other pages'); the status keeps its code: ?status=shortlisted
STATUS_PARAM, EVENT_PARAM, FIELD_PARAM = "status", "veranstaltung", "feld"
RATING_PARAM, PATRON_PARAM, QUERY_PARAM = "bewertung", "pate", "q"
SORT_PARAM, SIZE_PARAM, PAGE_PARAM = "sortierung", "anzahl", "seite"
ALL = "alle"  # dbc.Select shows a hidden placeholder for "": "all" needs a value of its own
UNRATED, NOT_RATED_BY_ME = "ohne", "nicht-von-mir"
MIN_RATINGS = ("2", "3", "3.5", "4", "4.5")
RATING_CHOICES = (UNRATED, NOT_RATED_BY_ME, *MIN_RATINGS)
WITH_PATRON, WITHOUT_PATRON = "mit", "ohne"
PATRONAGE = {WITH_PATRON: "any", WITHOUT_PATRON: "none"}  # URL value → CurationFilters.patronage
# URL sort keys → the query's sort keys; `-` in front: descending.
SORTS = {
    "titel": "title",
    "veranstaltung": "event",
    "feld": "field",
    "status": "status",
    "bewertung": "rating",
    "aenderung": "updated",
}
DEFAULT_SORT = "titel"
PAGE_SIZES = (25, 50, 100)
MAX_QUERY = 200
MAX_NOTES = 5000
DATASET = "kuratierung"


# --- the URL's state ---------------------------------------------------------------------------


def board_filters(
    url_params: Mapping[str, Any], lang: str, username: str | None
) -> data.CurationFilters:
    """The URL's filters, validated: an unknown value is ignored (shown as "all")."""
    options = data.curation_options(lang)
    event = _text(url_params.get(EVENT_PARAM))
    action_field = _text(url_params.get(FIELD_PARAM))
    status = _text(url_params.get(STATUS_PARAM))
    rating = _text(url_params.get(RATING_PARAM))
    patron = _text(url_params.get(PATRON_PARAM))
    patron_ids = {p.code for p in options.patrons}
    return data.CurationFilters(
        event_id=event if event in {e.code for e in options.events} else None,
        action_field=action_field if action_field in {f.code for f in options.fields} else None,
        status=status if status in STATUSES else None,
        min_rating=float(rating) if rating in MIN_RATINGS else None,
        unrated=rating == UNRATED,
        not_rated_by=username if rating == NOT_RATED_BY_ME and username else None,
        # A patron's id first: a real deployment's ids might look like "mit" or "ohne".
        patron_id=patron if patron in patron_ids else None,
        patronage=PATRONAGE.get(patron) if patron not in patron_ids else None,
        query=_text(url_params.get(QUERY_PARAM))[:MAX_QUERY],
    )


def board_sort(value: Any) -> tuple[str, bool]:
    """`sortierung` (`titel`, `-bewertung` …) → (URL sort key, descending); unknown → default."""
    return datasets.url_sort(_text(value), SORTS, DEFAULT_SORT)


def page_size(value: Any) -> int:
    try:
        size = int(_text(value) or PAGE_SIZES[0])
    except ValueError:
        return PAGE_SIZES[0]
    return size if size in PAGE_SIZES else PAGE_SIZES[0]


@dataclass(frozen=True)
class BoardView:
    """What the board shows for one state of the URL, and that state cleaned (canonical)."""

    values: dict[str, Any]
    filters: data.CurationFilters
    sort: str  # a key of SORTS
    descending: bool
    page_size: int
    board: data.CurationBoard

    def query(self) -> str:
        """The filters and sort order as a URL query, for the downloads (every row, no pages)."""
        pairs = {
            k: v
            for k, v in self.values.items()
            if k not in (PAGE_PARAM, SIZE_PARAM)
            and v not in ("", ALL)
            and not (k == SORT_PARAM and v == DEFAULT_SORT)
        }
        return urlencode(pairs)


def board_view(url_params: Mapping[str, Any], lang: str, username: str | None) -> BoardView:
    """The board for the URL's values: filters, sort and page validated, the page clamped."""
    filters = board_filters(url_params, lang, username)
    sort, descending = board_sort(url_params.get(SORT_PARAM))
    size = page_size(url_params.get(SIZE_PARAM))
    try:
        page = int(_text(url_params.get(PAGE_PARAM)) or 1)
    except ValueError:
        page = 1
    board = data.curation_board(filters, lang, SORTS[sort], descending, page, size)
    rating = _text(url_params.get(RATING_PARAM))
    patron = _text(url_params.get(PATRON_PARAM))
    values = {
        STATUS_PARAM: filters.status or ALL,
        EVENT_PARAM: filters.event_id or ALL,
        FIELD_PARAM: filters.action_field or ALL,
        RATING_PARAM: rating if rating in RATING_CHOICES else ALL,
        PATRON_PARAM: filters.patron_id or (patron if filters.patronage else ALL),
        QUERY_PARAM: filters.query,
        SORT_PARAM: ("-" if descending else "") + sort,
        SIZE_PARAM: size,
        PAGE_PARAM: board.page,
    }
    return BoardView(values, filters, sort, descending, size, board)


def all_rows(url_params: Mapping[str, Any], lang: str, username: str | None) -> tuple:
    """Every row under the URL's filters in its sort order (the download)."""
    filters = board_filters(url_params, lang, username)
    sort, descending = board_sort(url_params.get(SORT_PARAM))
    return data.curation_rows(filters, lang, SORTS[sort], descending, None, 0)


def _text(value: Any) -> str:
    if isinstance(value, list | tuple):
        value = value[0] if value else ""
    return "" if value is None else str(value).strip()


# --- saves ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    """What became of a save: written (`entry` the new state), unchanged, refused or stale.

    A stale save wrote nothing; `changes` says, in words, who changed what in between.
    """

    outcome: str  # saved, unchanged, invalid, stale
    message: str
    entry: Entry | None = None
    changes: tuple[ChangeLine, ...] = field(default_factory=tuple)
    solution_id: str | None = None

    @property
    def saved(self) -> bool:
        return self.outcome == "saved"


def save_status(
    store: CurationStore,
    solution_id: str,
    status: str,
    seen_version: int,
    seen_status: str,
    by: str,
    lang: str,
) -> SaveResult:
    """Move one solution to `status`, if it is still at the version the curator saw."""
    if status not in STATUSES:
        return SaveResult("invalid", t("curation_invalid_status", lang=lang))
    if not _exists(solution_id):
        return SaveResult("invalid", t("curation_unknown_solution", lang=lang))
    if status == seen_status:
        label = t(f"status_{status}", lang=lang)
        return SaveResult("unchanged", t("curation_status_unchanged", label, lang=lang))
    try:
        entry = store.set_status(solution_id, status, seen_version, by)
    except StaleVersion as stale:
        return _stale(stale, t("curation_yours_status", t(f"status_{status}", lang=lang)), lang)
    label = t(f"status_{entry.status}", lang=lang)
    return SaveResult("saved", t("curation_status_saved", label, lang=lang), entry)


def save_notes(
    store: CurationStore,
    solution_id: str,
    notes: str | None,
    seen_version: int,
    seen_notes: str,
    by: str,
    lang: str,
) -> SaveResult:
    """Replace the notes, if the solution is still at the version the curator saw."""
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        return SaveResult("invalid", t("curation_notes_too_long", MAX_NOTES, lang=lang))
    if not _exists(solution_id):
        return SaveResult("invalid", t("curation_unknown_solution", lang=lang))
    if notes == (seen_notes or "").strip():
        return SaveResult("unchanged", t("curation_notes_unchanged", lang=lang))
    try:
        entry = store.set_notes(solution_id, notes, seen_version, by)
    except StaleVersion as stale:
        return _stale(stale, t("curation_yours_notes", _quote(notes, 300, lang), lang=lang), lang)
    return SaveResult("saved", t("curation_notes_saved", lang=lang), entry)


def save_rating(
    store: CurationStore, solution_id: str, username: str, scores: Mapping[str, Any], lang: str
) -> SaveResult:
    """The curator's own set of scores (each criterion 1–5); it replaces their earlier set.

    A rating is one curator's own and not part of the entry's version: nobody else can change
    it, so there is nothing to be stale against.
    """
    chosen = {c: scores.get(c) for c in CRITERIA}
    if any(v in (None, "") for v in chosen.values()):
        return SaveResult("invalid", t("curation_rating_incomplete", lang=lang))
    try:
        clean = {c: int(v) for c, v in chosen.items()}
    except (TypeError, ValueError):
        return SaveResult("invalid", t("curation_rating_invalid", lang=lang))
    if not _exists(solution_id):
        return SaveResult("invalid", t("curation_unknown_solution", lang=lang))
    try:
        store.rate(solution_id, username, clean)
    except InvalidChange:
        return SaveResult("invalid", t("curation_rating_invalid", lang=lang))
    mean = format_fixed(sum(clean.values()) / len(clean), 1, lang=lang)
    return SaveResult("saved", t("curation_rating_saved", mean, lang=lang))


def bulk_move(
    store: CurationStore,
    seen: Mapping[str, int],
    status: str,
    by: str,
    lang: str,
    titles: Mapping[str, str] | None = None,
) -> SaveResult:
    """Move every selected solution to `status` in one transaction: all of them, or none."""
    if not seen:
        return SaveResult("invalid", t("curation_bulk_none_selected", lang=lang))
    if status not in STATUSES:
        return SaveResult("invalid", t("curation_invalid_status", lang=lang))
    if data.known_solutions(seen) != set(seen):
        return SaveResult("invalid", t("curation_unknown_solution", lang=lang))
    label = t(f"status_{status}", lang=lang)
    try:
        moved = store.bulk_set_status(dict(seen), status, by)
    except StaleVersion as stale:
        sid = stale.current.solution_id
        name = (titles or {}).get(sid) or sid
        yours = (
            t("curation_yours_bulk_one", label, lang=lang)
            if len(seen) == 1
            else t("curation_yours_bulk", len(seen), label, lang=lang)
        )
        return _stale(stale, yours, lang, name=name)
    changed = sum(1 for entry in moved if entry.version != seen[entry.solution_id])
    there = len(moved) - changed
    if changed == 0:
        return SaveResult("unchanged", t("curation_bulk_all_there", label, lang=lang))
    text = (
        t("curation_bulk_saved_one", label, lang=lang)
        if changed == 1
        else t("curation_bulk_saved", changed, label, lang=lang)
    )
    if there:
        text += " " + (
            t("curation_bulk_already_there_one", lang=lang)
            if there == 1
            else t("curation_bulk_already_there", there, lang=lang)
        )
    return SaveResult("saved", text)


def _exists(solution_id: str) -> bool:
    return bool(solution_id) and data.known_solutions([solution_id]) == {solution_id}


def _stale(stale: StaleVersion, yours: str, lang: str, name: str | None = None) -> SaveResult:
    lines = tuple(describe(change, lang) for change in stale.changes)
    head = t("curation_stale_bulk", name, lang=lang) if name else t("curation_stale", lang=lang)
    return SaveResult(
        "stale",
        f"{head} {yours}",
        stale.current,
        lines,
        stale.current.solution_id,
    )


# --- changes in words ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeLine:
    """An audit entry as a curator reads it: who, when (German time), what."""

    who: str
    when: str
    what: str

    def __str__(self) -> str:
        return f"{self.who}, {self.when}: {self.what}"


def describe(change: Mapping[str, Any], lang: str) -> ChangeLine:
    """An audit entry of a solution (status, notes, rating, patronship) in words."""
    before, after = change.get("before") or {}, change.get("after") or {}
    action = change.get("action", "")
    if action == "entry.status":
        what = t(
            "curation_change_status",
            t(f"status_{before.get('status', 'new')}", lang=lang),
            t(f"status_{after.get('status', 'new')}", lang=lang),
            lang=lang,
        )
    elif action == "entry.notes":
        text = after.get("notes") or ""
        what = (
            t("curation_change_notes", _quote(text, 200, lang), lang=lang)
            if text
            else t("curation_change_notes_cleared", lang=lang)
        )
    elif action == "rating.set":
        scores = ", ".join(
            f"{t(f'curation_criterion_{c}', lang=lang)} {after[c]}" for c in CRITERIA if c in after
        )
        what = t("curation_change_rating", scores, lang=lang)
    elif action.startswith("patronship."):
        patron = change.get("object", "").partition("/")[2]
        key = "curation_change_pledge" if action == "patronship.pledge" else "curation_change_offer"
        what = t(key, patron, lang=lang)
    else:
        what = action
    return ChangeLine(change.get("who", ""), format_datetime(change["at"], lang=lang), what)


def _quote(text: str, limit: int, lang: str) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"„{text}“" if lang == "de" else f"“{text}”"


def mean_rating(ratings: Mapping[str, Mapping[str, int]]) -> tuple[float | None, int]:
    """The mean over every curator and criterion, and how many curators rated."""
    scores = [s for curator in ratings.values() for s in curator.values()]
    if not scores:
        return None, 0
    return sum(scores) / len(scores), len(ratings)
