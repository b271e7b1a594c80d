"""The portal: create_app() builds the Flask server and the Dash app with its pages."""

from __future__ import annotations

import importlib
import logging
import threading
from functools import partial
from html import escape
from pathlib import Path

import dash
from flask import Flask, Response, abort, g, jsonify, request
from werkzeug.middleware.proxy_fix import ProxyFix

from dashboard import access, auth, cli, db, i18n, tables, upload
from dashboard.components import shell
from dashboard.db import Database, DataUnavailable
from dashboard.settings import ROOT, Settings
from dashboard.store import CurationStore, open_store
from dashboard.versions import DatasetVersions

# The feature modules: each registers its downloads (/daten/<name>.<csv|xlsx>) when imported.
FEATURES = (
    "audit", "challenges", "curation_board", "funding", "gallery", "intern", "overview",
    "patrons", "programme", "scaling", "solutions",
)  # fmt: skip

log = logging.getLogger(__name__)

INDEX_STRING = """<!DOCTYPE html>
<html lang="de">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""


class PortalDash(dash.Dash):
    """Dash whose page carries the visitor's language in `<html lang>` and the brand colour."""

    def interpolate_index(self, **kwargs: str) -> str:
        html = super().interpolate_index(**kwargs)
        lang = i18n.current_language()
        colour = self.server.config["PORTAL_SETTINGS"].primary_colour
        html = html.replace('<html lang="de">', f'<html lang="{lang}">', 1)
        html = html.replace("Loading...", i18n.t("loading", lang=lang), 1)
        return html.replace(
            "</head>", f"<style>:root{{--portal-primary:{colour}}}</style></head>", 1
        )


def create_app(settings: Settings | None = None) -> dash.Dash:
    """Build the portal. Nothing touches DuckDB or the data folder until the first request."""
    settings = settings or Settings.from_env()
    server = Flask("dashboard", instance_path=str(settings.instance_dir), static_folder=None)
    server.config.update(
        SECRET_KEY=settings.secret_key,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.production,
        MAX_CONTENT_LENGTH=settings.max_upload_mb * 1024 * 1024,
        PORTAL_SETTINGS=settings,
    )
    if settings.proxy_count:
        # Behind a reverse proxy every request comes from the proxy: the login throttle would
        # count all visitors as one address, and redirects would say http. Trust its headers.
        n = settings.proxy_count
        server.wsgi_app = ProxyFix(server.wsgi_app, x_for=n, x_proto=n, x_host=n)
    versions = DatasetVersions(settings.data_dir)
    _serialise_first_request(server)
    curation_store = open_store(settings.curation_db)
    database = Database(
        versions,
        threads=settings.duckdb_threads,
        memory_limit=settings.duckdb_memory_limit,
        bootstrap=partial(
            bootstrap_demo,
            versions,
            settings.demo_dir,
            curation_store if settings.demo_curation and not settings.production else None,
        ),
        curation=curation_store,
    )
    db.configure(database, settings)
    for feature in FEATURES:
        importlib.import_module(f"dashboard.{feature}")
    auth.init_app(server, curation_store)
    upload.init_app(server)
    if not settings.production:
        server.before_request(_once(partial(auth.ensure_development_account, curation_store)))
    server.before_request(access.guard)
    server.after_request(_remember_language)
    server.after_request(_not_found_status)
    server.after_request(partial(_security_headers, server))
    server.register_error_handler(403, _forbidden)
    server.add_url_rule("/healthz", "healthz", partial(_healthz, database))
    server.add_url_rule("/daten/<name>.<fmt>", "download", _download)
    cli.register(server)

    app = PortalDash(
        __name__,
        server=server,
        use_pages=True,
        pages_folder=str(ROOT / "pages"),
        assets_folder=str(ROOT / "assets"),
        suppress_callback_exceptions=True,  # else protected layouts leak into every page
        enable_mcp=False,
        title=settings.portal_name,
        update_title=None,
        compress=True,
        serve_locally=True,
    )
    app.index_string = INDEX_STRING
    server.config["PORTAL_DASH"] = app
    app.layout = partial(_layout, settings)
    return app


def _layout(settings: Settings) -> dash.html.Div:
    return shell(settings, i18n.current_language())


def bootstrap_demo(
    versions: DatasetVersions, demo_dir: Path, curation: CurationStore | None = None
) -> None:
    """Build the first version from the demo exports, through the same import as any export;
    with `curation` (DEMO_CURATION), also the demo's curation history into an unused store."""
    from dashboard import demo_curation
    from dashboard.ingest import import_path

    with versions.bootstrap_lock():
        if versions.current_version() is None:
            log.info("No dataset in %s: importing the demo data from %s", versions.data_dir,
                     demo_dir)  # fmt: skip
            import_path(versions, demo_dir, imported_by="demo", demo=True)
            if curation is not None and demo_curation.seed(curation, demo_dir):
                log.info("Sample curation history written to %s", curation.path)


def _serialise_first_request(server: Flask) -> None:
    """Let a process's first request finish before any other runs.

    Dash sets itself up (scripts, callback map, the Pages router) in before_request hooks of the
    first request; two threads doing that at once break it ("dash is not a registered library").
    Registered before every other hook, so Dash's own run inside the lock.
    """
    ready = threading.Event()
    lock = threading.Lock()

    def hold() -> None:
        if not ready.is_set():
            lock.acquire()
            g.holds_first_request_lock = True
            if ready.is_set():  # another thread finished the first request meanwhile
                g.holds_first_request_lock = False
                lock.release()

    def release(_exc: BaseException | None) -> None:
        if g.pop("holds_first_request_lock", False):
            ready.set()
            lock.release()

    server.before_request(hold)
    server.teardown_request(release)


def _once(fn):
    """A before_request hook that does its work on the first request of the process only."""
    done = threading.Event()

    def hook() -> None:
        if not done.is_set():
            done.set()
            fn()

    return hook


def _healthz(database: Database):
    try:
        version = database.check()
    except DataUnavailable as exc:
        return jsonify(status="unavailable", error=str(exc)), 503
    return jsonify(status="ok", data_version=version)


def _download(name: str, fmt: str):
    """A chart's data as CSV (German Excel) or XLSX, for the filters in the query string."""
    download = tables.registered(name)
    if download is None or fmt not in ("csv", "xlsx"):
        abort(404)
    role = access.current_role()
    if not access.has_access(role, download.access):
        abort(401 if role is None else 403)
    lang = i18n.current_language()
    try:
        table = download.table(request.args.to_dict(flat=False), lang)
    except DataUnavailable:
        abort(503)
    if fmt == "csv":
        body, mimetype = tables.to_csv(table, lang), "text/csv; charset=utf-8"
    else:
        body = tables.to_xlsx(table, lang)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    response.headers["Cache-Control"] = "no-store"
    return response


def _remember_language(response):
    lang = request.args.get("lang")
    if lang in i18n.LANGUAGES:
        response.set_cookie(
            i18n.COOKIE, lang, max_age=365 * 24 * 3600, samesite="Lax", httponly=True
        )
    return response


FORBIDDEN_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="/assets/logo.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/bootstrap.min.css">
<link rel="stylesheet" href="/assets/portal.css">
</head>
<body><main class="container py-5"><h1>{title}</h1><p>{text}</p>
<p><a href="/">{home}</a></p></main></body>
</html>"""


def _forbidden(error):
    """A page of another role: a short page in the visitor's language saying so (HTTP 403), not
    the framework's English one; a refused callback or download keeps its plain answer."""
    if request.method != "GET" or request.path.startswith(("/_", "/daten/")):
        return error
    lang = i18n.current_language()
    page = FORBIDDEN_PAGE.format(
        lang=lang,
        title=escape(i18n.t("forbidden_title", lang=lang)),
        text=escape(i18n.t("forbidden_text", lang=lang)),
        home=escape(i18n.t("back_home", lang=lang)),
    )
    return Response(page, status=403, mimetype="text/html")


def _not_found_status(response):
    """An address that is no page gets the friendly "not found" page with HTTP 404, not 200:
    Dash answers every path with its page shell, and the router shows the 404 page in it."""
    if (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and response.mimetype == "text/html"
        and not access.is_page(request.path)
    ):
        response.status_code = 404
    return response


def _security_headers(server: Flask, response):
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
    response.headers.setdefault("Content-Security-Policy", _csp(server))
    return response


def _csp(server: Flask) -> str:
    # Read at request time: the Pages clientside scripts exist only after the first request.
    app = server.config.get("PORTAL_DASH")
    hashes = " ".join(app.csp_hashes()) if app is not None else ""
    return (
        "default-src 'self'; "
        f"script-src 'self' {hashes}; "
        "style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; "
        "font-src 'self'; "
        "connect-src 'self'; "
        "frame-src https://www.youtube-nocookie.com; "
        "worker-src 'self' blob:; child-src 'self' blob:; "
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    )
