"""The curation board (/admin/kuratierung, curators): the URL as a filter object, the board's
reads (rows, counts per status, choices), its download, and saves that refuse stale versions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from dashboard import access, audit, db, solutions, tables, urls
from dashboard.i18n import format_datetime, format_fixed, t
from dashboard.search import search_terms
from dashboard.store import CRITERIA, STATUSES, CurationStore, Entry, InvalidChange, StaleVersion
from dashboard.tables import INTEGER, NUMBER, Column, DataTable

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
    "neu": "new_first",  # the default: the new ones first, each part oldest submission first
    "titel": "title",
    "eingang": "submitted",
    "veranstaltung": "event",
    "feld": "field",
    "status": "status",
    "bewertung": "rating",
    "aenderung": "updated",
}
DEFAULT_SORT = "neu"
PAGE_SIZES = (25, 50, 100)
MAX_QUERY = 200
MAX_NOTES = 5000
DATASET = "kuratierung"


# --- what the database answers ------------------------------------------------------------


@dataclass(frozen=True)
class CurationChoice:
    """A choice of a curation board filter: its code and its name in the asked language."""

    code: str
    name: str


@dataclass(frozen=True)
class OptionRow:
    kind: str  # event, field, patron
    code: str
    name: str


@dataclass(frozen=True)
class StatusCount:
    status: str
    solutions: int


@dataclass(frozen=True)
class CurationRow:
    """A solution as the curation board lists it; version is what a save must name."""

    solution_id: str
    title: str
    event_id: str
    event_name: str | None
    action_field: str
    action_field_name: str | None
    submitted_on: date | None
    status: str
    notes: str
    version: int
    updated_by: str | None
    updated_at: str | None  # ISO timestamp (UTC) of the last change
    mean_rating: float | None
    raters: int
    patrons: int


curation_board_options = db.reader("curation_board_options", OptionRow)
curation_board_counts = db.reader("curation_board_counts", StatusCount)
curation_board = db.reader("curation_board", CurationRow)


@dataclass(frozen=True)
class Progress:
    """Of the solutions under the board's filters (the rating filter aside), how many the
    signed-in curator has rated: what the board calls "gesichtet"."""

    solutions: int
    rated: int


curation_board_progress = db.reader("curation_board_progress", Progress)


@dataclass(frozen=True)
class CurationOptions:
    events: tuple[CurationChoice, ...]
    fields: tuple[CurationChoice, ...]
    patrons: tuple[CurationChoice, ...]


def options(lang: str) -> CurationOptions:
    found: dict[str, list[CurationChoice]] = {"event": [], "field": [], "patron": []}
    for row in curation_board_options(lang=lang):
        found[row.kind].append(CurationChoice(row.code, row.name))
    return CurationOptions(tuple(found["event"]), tuple(found["field"]), tuple(found["patron"]))


# --- the filter object ----------------------------------------------------------------------


@dataclass(frozen=True)
class CurationFilters:
    """The curation board's filters; None (or empty) means "all"."""

    event_id: str | None = None
    action_field: str | None = None
    status: str | None = None
    min_rating: float | None = None  # the mean over curators and criteria, 1–5
    unrated: bool = False  # only solutions nobody rated yet
    not_rated_by: str | None = None  # only solutions this curator has not rated
    patron_id: str | None = None  # offered to or pledged by this patron
    patronage: str | None = None  # "any": with some patron, "none": without any
    query: str = ""

    @classmethod
    def from_url(
        cls, params: Mapping[str, Any], lang: str, username: str | None
    ) -> CurationFilters:
        """The URL's filters, validated: an unknown value is ignored (shown as "all")."""
        known = options(lang)
        event, action_field, status, rating, patron = (
            urls.first(params.get(p))
            for p in (EVENT_PARAM, FIELD_PARAM, STATUS_PARAM, RATING_PARAM, PATRON_PARAM)
        )
        patron_ids = {p.code for p in known.patrons}
        return cls(
            event_id=event if event in {e.code for e in known.events} else None,
            action_field=action_field if action_field in {f.code for f in known.fields} else None,
            status=status if status in STATUSES else None,
            min_rating=float(rating) if rating in MIN_RATINGS else None,
            unrated=rating == UNRATED,
            not_rated_by=username if rating == NOT_RATED_BY_ME and username else None,
            # A patron's id first: a real deployment's ids might look like "mit" or "ohne".
            patron_id=patron if patron in patron_ids else None,
            patronage=PATRONAGE.get(patron) if patron not in patron_ids else None,
            query=urls.first(params.get(QUERY_PARAM))[:MAX_QUERY],
        )

    def sql(self) -> dict[str, Any]:
        """The bound parameters of board_found (and the status of curation_board)."""
        return {
            "event_id": self.event_id,
            "action_field": self.action_field,
            "status": self.status,
            "min_rating": self.min_rating,
            "unrated": self.unrated,
            "not_rated_by": self.not_rated_by,
            "patron_id": self.patron_id,
            "patronage": self.patronage,
            "terms": list(search_terms(self.query)) or None,
        }


def board_sort(value: Any) -> tuple[str, bool]:
    """`sortierung` (`titel`, `-bewertung` …) → (URL sort key, descending); unknown → default.
    The default order (`neu`) has one direction only."""
    key, descending = tables.url_sort(urls.first(value), SORTS, DEFAULT_SORT)
    return key, descending and key != DEFAULT_SORT


def page_size(value: Any) -> int:
    try:
        size = int(urls.first(value) or PAGE_SIZES[0])
    except ValueError:
        return PAGE_SIZES[0]
    return size if size in PAGE_SIZES else PAGE_SIZES[0]


@dataclass(frozen=True)
class BoardView:
    """What the board shows for one state of the URL, and that state cleaned (canonical)."""

    values: dict[str, Any]
    filters: CurationFilters
    sort: str  # a key of SORTS
    descending: bool
    page_size: int
    board: CurationBoard
    progress: Progress = Progress(0, 0)  # the signed-in curator's, under these filters

    def query(self) -> str:
        """The filters and sort order as a URL query, for the downloads (every row, no pages)."""
        pairs = {
            k: v
            for k, v in self.values.items()
            if k not in (PAGE_PARAM, SIZE_PARAM)
            and v not in ("", ALL)
            and not (k == SORT_PARAM and v == DEFAULT_SORT)
        }
        return urls.encode(pairs)


def board_view(url_params: Mapping[str, Any], lang: str, username: str | None) -> BoardView:
    """The board for the URL's values: filters, sort and page validated, the page clamped."""
    filters = CurationFilters.from_url(url_params, lang, username)
    sort, descending = board_sort(url_params.get(SORT_PARAM))
    size = page_size(url_params.get(SIZE_PARAM))
    try:
        page = int(urls.first(url_params.get(PAGE_PARAM)) or 1)
    except ValueError:
        page = 1
    found = board(filters, lang, SORTS[sort], descending, page, size)
    rating = urls.first(url_params.get(RATING_PARAM))
    patron = urls.first(url_params.get(PATRON_PARAM))
    values = {
        STATUS_PARAM: filters.status or ALL,
        EVENT_PARAM: filters.event_id or ALL,
        FIELD_PARAM: filters.action_field or ALL,
        RATING_PARAM: rating if rating in RATING_CHOICES else ALL,
        PATRON_PARAM: filters.patron_id or (patron if filters.patronage else ALL),
        QUERY_PARAM: filters.query,
        SORT_PARAM: ("-" if descending else "") + sort,
        SIZE_PARAM: size,
        PAGE_PARAM: found.page,
    }
    return BoardView(values, filters, sort, descending, size, found, progress(filters, username))


@dataclass(frozen=True)
class CurationBoard:
    """One page of the board (clamped to the pages there are) and the counts per status."""

    total: int
    page: int
    pages: int
    rows: tuple[CurationRow, ...]
    counts: dict[str, int]


def status_counts(filters: CurationFilters) -> dict[str, int]:
    """Solutions per status under every filter but the status (each status, 0 included)."""
    counted = {c.status: c.solutions for c in curation_board_counts(**filters.sql())}
    return {status: counted.get(status, 0) for status in STATUSES}


def rows(
    filters: CurationFilters,
    lang: str,
    sort_key: str,
    descending: bool,
    limit: int | None,
    offset: int,
) -> tuple[CurationRow, ...]:
    """The board's rows sorted by `sort_key` (a value of SORTS); limit None: all."""
    if sort_key not in SORTS.values():
        raise ValueError(f"unknown sort key {sort_key!r}")
    return curation_board(
        **filters.sql(), lang=lang, sort_key=sort_key, descending=descending, limit=limit,
        offset=offset,
    )  # fmt: skip


def board(
    filters: CurationFilters,
    lang: str,
    sort_key: str = "title",
    descending: bool = False,
    page: int = 1,
    page_size: int = 25,
) -> CurationBoard:
    """Page `page` (from 1; clamped) of the board, and the counts per status."""
    counts = status_counts(filters)
    total = counts.get(filters.status, 0) if filters.status else sum(counts.values())
    page, pages = tables.url_page(page, total, page_size)
    found = (
        rows(filters, lang, sort_key, descending, page_size, (page - 1) * page_size)
        if total
        else ()
    )
    return CurationBoard(total, page, pages, found, counts)


def progress(filters: CurationFilters, username: str | None) -> Progress:
    """How many of the solutions under the filters (the rating filter aside: with "not rated by
    me yet" the board shows the rest of the pile, the progress the whole of it) `username` rated."""
    found = curation_board_progress.one(**filters.sql(), username=username)
    return found or Progress(0, 0)


@dataclass(frozen=True)
class Place:
    """Where one solution stands in the board's whole order (every page): its neighbours, and
    the page and row of the board that show it.

    A solution the filters no longer find (a save moved it out: rated under "not rated by me
    yet", or no longer new) has no index; its neighbours are then the nearest rows on either
    side, in the order the curator saw (`seen`), that the filters still find.
    """

    solution_id: str
    index: int | None  # from 0, in the whole order
    total: int
    previous: CurationRow | None
    next: CurationRow | None
    page: int | None  # the board's page that holds it
    row: int | None  # from 1, on that page
    page_rows: int  # rows on that page


def order(view: BoardView, lang: str) -> tuple[CurationRow, ...]:
    """Every row under the view's filters, in its order (cached per curation version)."""
    return rows(view.filters, lang, SORTS[view.sort], view.descending, None, 0)


def find(view: BoardView, lang: str, solution_id: str) -> CurationRow | None:
    """The row of `solution_id` in the view's order (None: the filters do not find it)."""
    return next((r for r in order(view, lang) if r.solution_id == solution_id), None)


def place(view: BoardView, lang: str, solution_id: str, seen: Sequence[str] = ()) -> Place:
    """Where `solution_id` stands in the view's order (see Place)."""
    ordered = order(view, lang)
    at = {r.solution_id: i for i, r in enumerate(ordered)}
    total, size = len(ordered), view.page_size
    index = at.get(solution_id)
    if index is None:
        previous = _nearest(seen, at, solution_id, -1)
        following = _nearest(seen, at, solution_id, 1)
        return Place(
            solution_id, None, total,
            None if previous is None else ordered[previous],
            None if following is None else ordered[following],
            None, None, 0,
        )  # fmt: skip
    page = index // size + 1
    return Place(
        solution_id=solution_id,
        index=index,
        total=total,
        previous=ordered[index - 1] if index > 0 else None,
        next=ordered[index + 1] if index + 1 < total else None,
        page=page,
        row=index % size + 1,
        page_rows=min(size, total - (page - 1) * size),
    )


def _nearest(seen: Sequence[str], at: Mapping[str, int], solution_id: str, step: int) -> int | None:
    """The index in the order of the nearest row beside `solution_id` in `seen` still found."""
    seen = list(seen)
    if solution_id not in seen:
        return None
    i = seen.index(solution_id) + step
    while 0 <= i < len(seen):
        if seen[i] in at:
            return at[seen[i]]
        i += step
    return None


def _download_filters(url_params: Mapping[str, Any], lang: str) -> BoardView:
    """The download's board state: the URL's filters and sort, for the signed-in curator."""
    from flask_login import current_user

    username = getattr(current_user, "username", None)
    filters = CurationFilters.from_url(url_params, lang, username)
    sort, descending = board_sort(url_params.get(SORT_PARAM))
    return BoardView({}, filters, sort, descending, PAGE_SIZES[0], CurationBoard(0, 1, 1, (), {}))


@tables.dataset(DATASET, parse=_download_filters, access=access.CURATOR)
def download(view: BoardView, lang: str) -> DataTable:
    """Every solution under the board's filters (from the URL), in the board's sort order."""
    found = rows(view.filters, lang, SORTS[view.sort], view.descending, None, 0)
    return DataTable(
        name=DATASET,
        title=t("curation_download_title", lang=lang),
        columns=(
            Column("id", t("curation_col_id", lang=lang)),
            Column("titel", t("curation_col_title", lang=lang)),
            Column("veranstaltung", t("curation_col_event", lang=lang)),
            Column("feld", t("curation_col_field", lang=lang)),
            Column("status", t("curation_col_status", lang=lang)),
            Column("bewertung", t("curation_col_rating", lang=lang), NUMBER),
            Column("bewertende", t("curation_col_raters", lang=lang), INTEGER),
            Column("paten", t("curation_col_patrons", lang=lang), INTEGER),
            Column("notizen", t("curation_col_notes", lang=lang)),
            Column("version", t("curation_col_version", lang=lang), INTEGER),
            Column("geaendert_von", t("curation_col_updated_by", lang=lang)),
            Column("geaendert_am", t("curation_col_updated_at", lang=lang)),
        ),
        rows=tuple(
            (
                r.solution_id,
                r.title,
                r.event_name or r.event_id,
                r.action_field_name or r.action_field,
                t(f"status_{r.status}", lang=lang),
                None if r.mean_rating is None else round(r.mean_rating, 2),
                r.raters,
                r.patrons,
                r.notes,
                r.version,
                r.updated_by,
                format_datetime(r.updated_at, lang=lang) if r.updated_at else None,
            )
            for r in found
        ),
    )


# --- saves ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SaveResult:
    """What became of a save: written (`entry` the new state), unchanged, refused or stale.

    A stale save wrote nothing; `changes` says, in words, who changed what in between.
    """

    outcome: str  # saved, unchanged, invalid, stale
    message: str
    entry: Entry | None = None
    changes: tuple[audit.ChangeLine, ...] = field(default_factory=tuple)
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


@dataclass(frozen=True)
class Seen:
    """What the curator saw of one solution when its panel opened (or after the last save):
    the entry's version, status and notes, and their own scores."""

    version: int
    status: str
    notes: str
    scores: Mapping[str, int]


def save_review(
    store: CurationStore,
    solution_id: str,
    seen: Seen,
    status: str | None,
    notes: str | None,
    scores: Mapping[str, Any],
    by: str,
    lang: str,
) -> SaveResult:
    """ "Speichern & weiter": status, notes and the curator's own rating in one save (one
    transaction; what did not change is not written). A new status or notes are refused whole
    when the solution changed meanwhile (the rating then neither); a rating alone is one's own.
    No score chosen: the rating stays as it is; some but not all: refused."""
    status = status or seen.status
    if status not in STATUSES:
        return SaveResult("invalid", t("curation_invalid_status", lang=lang))
    notes = (notes or "").strip()
    if len(notes) > MAX_NOTES:
        return SaveResult("invalid", t("curation_notes_too_long", MAX_NOTES, lang=lang))
    chosen = {c: scores.get(c) for c in CRITERIA}
    given = [v for v in chosen.values() if v not in (None, "")]
    clean: dict[str, int] | None = None
    if given:
        if len(given) < len(CRITERIA):
            return SaveResult("invalid", t("curation_rating_incomplete", lang=lang))
        try:
            clean = {c: int(v) for c, v in chosen.items()}  # type: ignore[arg-type]
        except (TypeError, ValueError):
            return SaveResult("invalid", t("curation_rating_invalid", lang=lang))
    if not _exists(solution_id):
        return SaveResult("invalid", t("curation_unknown_solution", lang=lang))
    new_status = status if status != seen.status else None
    new_notes = notes if notes != (seen.notes or "").strip() else None
    new_scores = clean if clean is not None and clean != dict(seen.scores) else None
    if new_status is None and new_notes is None and new_scores is None:
        return SaveResult("unchanged", t("curation_review_unchanged", lang=lang))
    try:
        entry = store.review(
            solution_id, seen.version, by, status=new_status, notes=new_notes, scores=new_scores
        )
    except InvalidChange:
        return SaveResult("invalid", t("curation_rating_invalid", lang=lang))
    except StaleVersion as stale:
        return _stale(stale, _yours_review(new_status, new_notes, new_scores, lang), lang)
    parts = []
    if new_scores is not None:
        mean = format_fixed(sum(new_scores.values()) / len(new_scores), 1, lang=lang)
        parts.append(t("curation_review_saved_rating", mean, lang=lang))
    if new_status is not None:
        parts.append(t("curation_review_saved_status", t(f"status_{new_status}", lang=lang),
                       lang=lang))  # fmt: skip
    if new_notes is not None:
        parts.append(t("curation_review_saved_notes", lang=lang))
    text = t("curation_review_saved", "; ".join(parts), lang=lang)
    return SaveResult("saved", text, entry, solution_id=solution_id)


def _yours_review(
    status: str | None, notes: str | None, scores: Mapping[str, int] | None, lang: str
) -> str:
    """What a refused "Speichern & weiter" would have saved, in words."""
    parts = []
    if scores is not None:
        parts.append(
            t("curation_yours_review_rating",
              ", ".join(f"{t(f'curation_criterion_{c}', lang=lang)} {scores[c]}" for c in CRITERIA),
              lang=lang)
        )  # fmt: skip
    if status is not None:
        parts.append(t("curation_yours_review_status", t(f"status_{status}", lang=lang),
                       lang=lang))  # fmt: skip
    if notes is not None:
        parts.append(t("curation_yours_review_notes", _quote(notes, 300, lang), lang=lang))
    return t("curation_yours_review", "; ".join(parts), lang=lang)


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
    if solutions.known(seen) != set(seen):
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
    return bool(solution_id) and solutions.known([solution_id]) == {solution_id}


def _stale(stale: StaleVersion, yours: str, lang: str, name: str | None = None) -> SaveResult:
    lines = tuple(audit.change_line(change, lang) for change in stale.changes)
    head = t("curation_stale_bulk", name, lang=lang) if name else t("curation_stale", lang=lang)
    return SaveResult(
        "stale",
        f"{head} {yours}",
        stale.current,
        lines,
        stale.current.solution_id,
    )


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
