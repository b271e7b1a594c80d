"""Flask CLI commands: `import` an export, write `demo-data`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import Flask, current_app

from dashboard.datastore import DataStore

PROGRESS_FROM_BYTES = 2 * 1024 * 1024


def register(server: Flask) -> None:
    server.cli.add_command(import_command)
    server.cli.add_command(demo_data_command)


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
def import_command(
    path: Path, table: str | None, data_dir: Path | None, decimal: str | None
) -> None:
    """Eine Exportdatei oder einen Ordner von Exporten als neue Datenversion importieren."""
    from dashboard.ingest import ImportRejected, import_path

    settings = current_app.config["PORTAL_SETTINGS"]
    store = DataStore(data_dir or settings.data_dir)
    size = (
        path.stat().st_size
        if path.is_file()
        else sum(p.stat().st_size for p in path.glob("*") if p.is_file())
        if path.exists()
        else 0
    )
    bar = None
    if size >= PROGRESS_FROM_BYTES:
        bar = click.progressbar(length=100, label="Lese Export", file=sys.stderr)
        bar.__enter__()

    def progress(done: int, total: int) -> None:
        if bar is not None and total:
            bar.update(done * 100 // total - bar.pos)

    try:
        result = import_path(
            store, path, table=table, decimal=decimal, imported_by="cli", progress=progress
        )
    except ImportRejected as exc:
        click.echo(exc.report(), err=True)
        sys.exit(1)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
    rows = ", ".join(f"{name}: {count} Zeilen" for name, count in sorted(result.rows.items()))
    click.echo(f"Neue Datenversion {result.version} in {store.data_dir} ({rows}).")


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
