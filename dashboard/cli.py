"""Flask CLI commands: `import` an export, write `demo-data`."""

from __future__ import annotations

import getpass
import sys
from pathlib import Path

import click
from flask import Flask, current_app

from dashboard import access
from dashboard.versions import DatasetVersions

PROGRESS_FROM_BYTES = 2 * 1024 * 1024

MIN_PASSWORD = 10


def register(server: Flask) -> None:
    server.cli.add_command(import_command)
    server.cli.add_command(demo_data_command)
    server.cli.add_command(users_group)


@click.command("import")
@click.argument("path", type=click.Path(path_type=Path))
@click.option("--table", help="Tabelle, falls Dateiname und Inhalt sie nicht verraten.")
@click.option(
    "--data-dir", type=click.Path(path_type=Path), help="Datenordner (Vorgabe: DATA_DIR)."
)
@click.option(
    "--decimal",
    type=click.Choice([",", "."]),
    help="Dezimalzeichen; Vorgabe: Komma bei `;`-Dateien, sonst Punkt.",
)
@click.option(
    "--lang",
    type=click.Choice(["de", "en"]),
    default="de",
    show_default=True,
    help="Sprache der Ausgabe und des Prüfberichts (de: Deutsch, en: English).",
)
def import_command(
    path: Path, table: str | None, data_dir: Path | None, decimal: str | None, lang: str
) -> None:
    """Eine Exportdatei oder einen Ordner von Exporten als neue Datenversion importieren."""
    from dashboard.i18n import t
    from dashboard.ingest import ImportRejected, import_path

    settings = current_app.config["PORTAL_SETTINGS"]
    store = DatasetVersions(data_dir or settings.data_dir)
    size = (
        path.stat().st_size
        if path.is_file()
        else sum(p.stat().st_size for p in path.glob("*") if p.is_file())
        if path.exists()
        else 0
    )
    bar = None
    if size >= PROGRESS_FROM_BYTES:
        bar = click.progressbar(
            length=100, label=t("ingest_cli_reading", lang=lang), file=sys.stderr
        )
        bar.__enter__()

    def progress(done: int, total: int) -> None:
        if bar is not None and total:
            bar.update(done * 100 // total - bar.pos)

    by = f"cli:{_os_user()}"  # the upload page logs the signed-in person; here, the OS user
    try:
        result = import_path(
            store, path, table=table, decimal=decimal, imported_by=by, progress=progress
        )
    except ImportRejected as exc:
        click.echo(exc.report(lang), err=True)
        sys.exit(1)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    rows = ", ".join(
        t("ingest_cli_rows", name, count, lang=lang) for name, count in sorted(result.rows.items())
    )
    click.echo(t("ingest_cli_done", result.version, store.data_dir, rows, lang=lang))
    from dashboard.store import current_store
    from dashboard.upload import AUDIT_ACTION

    current_store().record_event(
        by, AUDIT_ACTION, result.version, None, {"file": path.name, "tables": result.rows}
    )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # a container user without a name
        return "unbekannt"


@click.command("demo-data")
@click.option(
    "--out", "out_dir", required=True, type=click.Path(path_type=Path), help="Zielordner."
)
@click.option("--grants", type=click.IntRange(min=1), default=None, help="Anzahl der Förderungen.")
@click.option("--solutions", type=click.IntRange(min=1), default=None, help="Anzahl der Lösungen.")
@click.option("--format", "fmt", type=click.Choice(["csv", "parquet"]), default="csv")
def demo_data_command(out_dir: Path, grants: int | None, solutions: int | None, fmt: str) -> None:
    """Die Beispieldaten (deterministisch) als Exportdateien schreiben."""
    from dashboard import demo

    counts = demo.generate(
        out_dir,
        grants=grants or demo.DEFAULT_GRANTS,
        solutions=solutions or demo.DEFAULT_SOLUTIONS,
        fmt=fmt,
    )
    listing = ", ".join(f"{name}: {n}" for name, n in counts.items())
    click.echo(f"Beispieldaten in {out_dir} geschrieben ({listing}).")


@click.group("users")
def users_group() -> None:
    """Benutzerkonten des internen Bereichs verwalten."""


@users_group.command("create")
@click.argument("name")
@click.option("--role", required=True, type=click.Choice(access.ROLES), help="Rolle des Kontos.")
@click.option("--password-stdin", is_flag=True, help="Passwort als eine Zeile von stdin lesen.")
def users_create(name: str, role: str, password_stdin: bool) -> None:
    """Ein Konto anlegen (fragt zweimal nach dem Passwort)."""
    from dashboard.auth import hash_password
    from dashboard.store import UserExists

    password = _read_password(password_stdin)
    try:
        _store().create_user(name, hash_password(password), role)
    except UserExists:
        raise click.ClickException(f"Das Konto {name!r} gibt es schon.") from None
    click.echo(f"Konto {name!r} mit der Rolle {role} angelegt.")


@users_group.command("list")
def users_list() -> None:
    """Alle Konten mit Rolle und Status."""
    for user in _store().users():
        state = "aktiv" if user.active else "deaktiviert"
        click.echo(f"{user.username}\t{user.role}\t{state}")


@users_group.command("set-password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Passwort als eine Zeile von stdin lesen.")
def users_set_password(name: str, password_stdin: bool) -> None:
    """Ein neues Passwort setzen."""
    from dashboard.auth import hash_password
    from dashboard.store import UnknownUser

    password = _read_password(password_stdin)
    try:
        _store().set_password(name, hash_password(password))
    except UnknownUser:
        raise click.ClickException(f"Das Konto {name!r} gibt es nicht.") from None
    click.echo(f"Passwort für {name!r} gesetzt.")


@users_group.command("deactivate")
@click.argument("name")
def users_deactivate(name: str) -> None:
    """Ein Konto deaktivieren (Anmeldung und bestehende Sitzungen enden)."""
    from dashboard.store import UnknownUser

    try:
        _store().set_active(name, False)
    except UnknownUser:
        raise click.ClickException(f"Das Konto {name!r} gibt es nicht.") from None
    click.echo(f"Konto {name!r} deaktiviert.")


def _store():
    from dashboard.store import open_store

    return open_store(current_app.config["PORTAL_SETTINGS"].curation_db)


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("Passwort", hide_input=True, confirmation_prompt="Wiederholen")
    if len(password) < MIN_PASSWORD:
        raise click.ClickException(f"Das Passwort braucht mindestens {MIN_PASSWORD} Zeichen.")
    return password
