"""Uploads at `/admin/daten`: a plain Flask multipart route (admins, CSRF) that runs the CLI's
import, keeps the outcome for the page (PRG) and records the import in the audit log.

`dcc.Upload` would send the file base64-encoded inside the callback JSON (docs/stack.md); a form
POST streams it. The GET of the same path stays the Dash page (pages/data_upload.py).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import time
import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, current_app, redirect, request
from flask_login import current_user
from werkzeug.datastructures import FileStorage
from werkzeug.exceptions import RequestEntityTooLarge

from dashboard import access, contract
from dashboard.auth import check_csrf
from dashboard.i18n import current_language, t
from dashboard.ingest import EXPORT_SUFFIXES, ImportRejected, Problem, explain, import_path
from dashboard.settings import Settings
from dashboard.store import current_store
from dashboard.versions import DatasetVersions

PATH = "/admin/daten"
RESULT_PARAM = "ergebnis"
FILE_FIELD = "file"
TABLE_FIELD = "table"
DECIMAL_FIELD = "decimal"
AUTO = "auto"  # not "": dbc.Select hides an option of value ""
DECIMALS = {AUTO: None, "komma": ",", "punkt": "."}
IMPORTED, REJECTED, NO_FILE = "imported", "rejected", "no_file"
AUDIT_ACTION = "data.import"
RESULT_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
RESULTS_KEPT_SECONDS = 7 * 24 * 3600
# A too-large body is read and thrown away up to this multiple of the limit, so that the browser
# sees the 413 page instead of a connection reset; beyond it the connection is simply closed.
DRAIN_FACTOR = 4
_UNSAFE_NAME = re.compile(r"[^\w .()+,-]", re.UNICODE)


def init_app(server: Flask) -> None:
    """The upload route: POST only; a GET of the path is the Dash page."""
    server.add_url_rule(PATH, "data_upload", upload, methods=["POST"])


def settings() -> Settings:
    return current_app.config["PORTAL_SETTINGS"]


def max_upload_mb() -> int:
    return settings().max_upload_mb


def uploads_dir() -> Path:
    return settings().instance_dir / "uploads"


def results_dir() -> Path:
    return uploads_dir() / "results"


def upload() -> Response:
    """Check the role and the token, import the file, and send the browser to its outcome."""
    # The guard protects GETs of pages and callbacks; this POST route checks the role itself.
    role = access.current_role()
    if not access.has_access(role, access.ADMIN):
        abort(401 if role is None else 403)
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    if limit and request.content_length is not None and request.content_length > limit:
        return too_large(limit)
    try:
        check_csrf()  # reads the form, file included
        file = request.files.get(FILE_FIELD)
    except RequestEntityTooLarge:
        return too_large(limit)
    table = request.form.get(TABLE_FIELD, AUTO)
    decimal = request.form.get(DECIMAL_FIELD, AUTO)
    if (table != AUTO and table not in contract.TABLE_NAMES) or decimal not in DECIMALS:
        abort(400)
    outcome = import_upload(
        file, None if table == AUTO else table, DECIMALS[decimal], current_user.username
    )
    return redirect(f"{PATH}?{RESULT_PARAM}={save_result(outcome)}", code=303)


def import_upload(
    file: FileStorage | None, table: str | None, decimal: str | None, username: str
) -> dict[str, Any]:
    """Import one uploaded file as the CLI would; the outcome as the page shows it."""
    base = {"at": datetime.now(UTC).isoformat(timespec="seconds"), "by": username}
    if file is None or not file.filename:
        return base | {"status": NO_FILE}
    original = display_name(file.filename)
    uploads_dir().mkdir(parents=True, exist_ok=True)
    # A folder of its own per upload: the file keeps its (cleaned) name, which the import uses
    # to recognise the table, and two uploads at once never meet.
    folder = uploads_dir() / f"upload-{secrets.token_hex(8)}"
    folder.mkdir()
    path = folder / safe_name(original)
    try:
        file.save(path)
        store = DatasetVersions(settings().data_dir)
        result = import_path(store, path, table=table, decimal=decimal, imported_by=username)
    except ImportRejected as exc:
        shown = {path.name: original, str(path): original}
        return base | {
            "status": REJECTED,
            "file": original,
            "total": exc.total,
            "problems": [_problem(p, shown) for p in exc.problems],
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    current_store().record_event(
        username, AUDIT_ACTION, result.version, None, {"file": original, "tables": result.rows}
    )
    return base | {"status": IMPORTED, "file": original, "version": result.version,
                   "rows": result.rows}  # fmt: skip


def _problem(problem: Problem, shown: dict[str, str]) -> dict[str, Any]:
    """A problem as the outcome keeps it: the reason as its message key and values, so that the
    page words it in the language of whoever looks (not the uploader's)."""
    return {
        "file": shown.get(problem.file, problem.file),
        "row": problem.row,
        "column": problem.column,
        "value": problem.value,
        "key": problem.key,
        "args": list(problem.args),
        "entries": problem.entries,  # 360Giving JSON: entry and field
    }


def reason_text(problem: dict[str, Any], lang: str) -> str:
    """A kept problem's reason for the page: in the page's language, and pointing at the form's
    table choice where the command line would say `--table`."""
    if "key" not in problem:
        return str(problem.get("reason", ""))  # an outcome kept before reasons had keys: German
    return explain(problem["key"], problem.get("args") or [], lang, "upload_table_hint")


def display_name(filename: str) -> str:
    """The name the visitor's file had, for the report: its last part, printable, not too long."""
    name = re.split(r"[\\/]", filename)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip()
    return name[:200] or "upload"


def safe_name(original: str) -> str:
    """A file name made from the visitor's: letters, digits and a few marks, never a path."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", original)[-1])
    stem, dot, suffix = name.rpartition(".")
    if not dot or f".{suffix.lower()}" not in EXPORT_SUFFIXES:
        stem, suffix = name, ""
    stem = _UNSAFE_NAME.sub("_", stem).strip(" .")[:100] or "upload"
    return stem + (f".{suffix.lower()}" if suffix else "")


# --- outcomes, kept for the page after the redirect ------------------------------------------


def save_result(outcome: dict[str, Any]) -> str:
    """Keep the outcome under a random id (JSON in INSTANCE_DIR/uploads/results/); the id."""
    folder = results_dir()
    folder.mkdir(parents=True, exist_ok=True)
    _prune_results(folder)
    result_id = secrets.token_urlsafe(18)
    tmp = folder / f".{result_id}.tmp"
    tmp.write_text(json.dumps(outcome, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, folder / f"{result_id}.json")
    return result_id


def load_result(result_id: Any) -> dict[str, Any] | None:
    """The outcome kept under `result_id`, or None (unknown, expired, or no id at all)."""
    if not isinstance(result_id, str) or not RESULT_ID.fullmatch(result_id):
        return None
    try:
        return json.loads((results_dir() / f"{result_id}.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _prune_results(folder: Path) -> None:
    cutoff = time.time() - RESULTS_KEPT_SECONDS
    for path in folder.glob("*.json"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except FileNotFoundError:
            pass


# --- dataset versions ------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplacedTable:
    name: str
    rows: int | None
    source: str
    demo: bool


@dataclass(frozen=True)
class VersionInfo:
    """One dataset version as the upload page lists it."""

    version: str
    created_at: str | None
    imported_by: str | None
    replaced: tuple[ReplacedTable, ...]
    current: bool


def dataset_versions() -> list[VersionInfo]:
    """Every kept version, newest first: when, by whom, which tables it replaced from which file."""
    store = DatasetVersions(settings().data_dir)
    current = store.current_version()
    found = []
    for manifest in store.versions():
        tables = manifest.get("tables", {})
        replaced = tuple(
            ReplacedTable(
                name=name,
                rows=tables.get(name, {}).get("rows"),
                source=Path(tables.get(name, {}).get("source") or "").name,
                demo=bool(tables.get(name, {}).get("demo")),
            )
            for name in manifest.get("replaced", [])
        )
        found.append(
            VersionInfo(
                version=manifest.get("version", ""),
                created_at=manifest.get("created_at"),
                imported_by=manifest.get("imported_by"),
                replaced=replaced,
                current=manifest.get("version") == current,
            )
        )
    return found


# --- too large -------------------------------------------------------------------------------


def too_large(limit: int | None) -> Response:
    """413 with a page that names the limit; the body is thrown away, nothing is changed."""
    _drain(limit)
    lang = current_language()
    title = t("upload_too_large_title")
    text = t("upload_too_large_text", max_upload_mb())
    body = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>{escape(title)}</title><link rel="stylesheet" href="/assets/bootstrap.min.css">'
        f'</head><body><main class="container py-4"><h1>{escape(title)}</h1>'
        f'<p class="alert alert-danger" role="alert">{escape(text)}</p>'
        f'<p><a href="{PATH}">{escape(t("upload_back"))}</a></p></main></body></html>'
    )
    return Response(body, status=413, mimetype="text/html")


def _drain(limit: int | None) -> None:
    length = request.content_length
    if not length or not limit or length > DRAIN_FACTOR * limit:
        return
    stream = request.environ.get("wsgi.input")
    if stream is None:
        return
    left = length
    try:
        while left > 0:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                break
            left -= len(chunk)
    except OSError:
        pass
