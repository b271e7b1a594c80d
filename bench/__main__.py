"""`python -m bench [--grants N] [--solutions N]`: each step in a process of its own."""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STEPS = (
    "generate", "import", "overview_cold", "overview_warm", "funding_views",
    "generate_csv", "import_csv", "duckdb_csv",
)  # fmt: skip
# /foerderung's figures under these filters (each combination once: no cache answers).
FUNDING_FILTERS = [
    {},
    *({"feld": f} for f in ("KJF", "AP", "EGH", "WA", "SB", "MI")),
    *({"von": str(y), "bis": str(y)} for y in (2020, 2021)),
    *({"region": r} for r in ("Köln", "Düsseldorf", "Münster", "05315", "05515")),
    *({"feld": "KJF", "verband": v} for v in ("CARITAS", "AWO", "DIAKONIE")),
    *({"betrag": str(b)} for b in range(6)),
    {"feld": "AP", "region": "Arnsberg", "von": "2021"},
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--grants", type=int, default=1_000_000)
    parser.add_argument("--solutions", type=int, default=100_000)
    parser.add_argument("--step", choices=STEPS, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        print(json.dumps(_run_step(args.step, args.work, args.grants, args.solutions)))
        return
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as work:
        print(f"Datenmenge: {args.grants:,} Förderungen, {args.solutions:,} Lösungen\n")
        print("| Schritt | Sekunden | Spitzenspeicher (MB) |\n|---|---:|---:|")
        for step in STEPS:
            out = subprocess.run(
                [sys.executable, "-m", "bench", "--step", step, "--work", work,
                 "--grants", str(args.grants), "--solutions", str(args.solutions)],
                check=True, capture_output=True, text=True,
            )  # fmt: skip
            result = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {result['label']} | {result['seconds']:.3f} | {result['peak_mb']:.0f} |")


def _run_step(step: str, work: Path, grants: int, solutions: int) -> dict:
    from dashboard import demo
    from dashboard.db import Database
    from dashboard.ingest import import_path
    from dashboard.versions import DatasetVersions

    exports, data_dir = work / "exports", work / "data"
    start = time.perf_counter()
    if step == "generate":
        label = "Beispieldaten erzeugen (Parquet)"
        demo.generate(exports, grants=grants, solutions=solutions, fmt="parquet")
        seconds = time.perf_counter() - start
    elif step == "import":
        label = "Import aller Tabellen (prüfen, neue Version)"
        import_path(DatasetVersions(data_dir), exports)
        seconds = time.perf_counter() - start
    elif step == "generate_csv":
        label = "Dieselben Beispieldaten als CSV erzeugen"
        demo.generate(work / "csv", grants=grants, solutions=solutions, fmt="csv")
        seconds = time.perf_counter() - start
    elif step == "import_csv":
        label = "Import aller Tabellen aus CSV (prüfen, neue Version)"
        import_path(DatasetVersions(work / "csv-data"), work / "csv")
        seconds = time.perf_counter() - start
    elif step == "overview_cold":
        label = "Kennzahlen Überblick, erste Abfrage (Views anlegen)"
        Database(DatasetVersions(data_dir)).frame("overview_totals", event_id=None)
        seconds = time.perf_counter() - start
    elif step == "funding_views":
        return _funding_views(data_dir)
    elif step == "duckdb_csv":
        # The peer: DuckDB alone reads the grants CSV, checks its ids and amounts, writes Parquet.
        import duckdb

        label = "Zum Vergleich: DuckDB allein, grants.csv lesen, prüfen, als Parquet schreiben"
        source, target = work / "csv" / "grants.csv", work / "peer-grants.parquet"
        con = duckdb.connect()
        con.execute(
            "CREATE TABLE g AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
            [str(source)],
        )
        con.execute(
            "SELECT count(*) - count(DISTINCT grant_id), "
            "count(*) FILTER (WHERE TRY_CAST(amount AS DECIMAL(14, 2)) IS NULL "
            "OR TRY_CAST(amount AS DECIMAL(14, 2)) < 0) FROM g"
        ).fetchall()
        con.execute(f"COPY g TO '{target}' (FORMAT parquet)")  # our own temp path, no input
        seconds = time.perf_counter() - start
    else:
        label = "Kennzahlen Überblick, warm (Median aus 20)"
        db = Database(DatasetVersions(data_dir))
        db.frame("overview_totals", event_id=None)
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            db.frame("overview_totals", event_id=None)
            times.append(time.perf_counter() - t0)
        seconds = statistics.median(times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"label": label, "seconds": seconds, "peak_mb": peak_mb}


def _funding_views(data_dir: Path) -> dict:
    """/foerderung's server work for one filter state (key figures, every chart, the treemap,
    the map, the first page of grants), over FUNDING_FILTERS: median and 95th percentile."""
    from dashboard import db, funding
    from dashboard.db import Database
    from dashboard.funding import FundingFilters
    from dashboard.settings import Settings
    from dashboard.versions import DatasetVersions

    db.configure(Database(DatasetVersions(data_dir)), Settings.from_env({}))
    funding.options("de")  # the views and the choices, once (the first request's work)
    times = []
    for params in FUNDING_FILTERS:
        t0 = time.perf_counter()
        filters = FundingFilters.from_url(params, "de")
        funding.kpis(filters)
        funding.field_chart(filters, "de")
        funding.region_chart(filters, "de")
        funding.by_month(filters, "de")
        funding.band_chart(filters, "de")
        funding.by_district(filters, "de")
        funding.tree_level(filters, "de")
        funding.grants_page(filters, "de")
        times.append(time.perf_counter() - t0)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    label = (
        f"/foerderung, alle Zahlen einer Auswahl (Median; 95 %: {p95:.3f} s; "
        f"{len(times)} Auswahlen)"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"label": label, "seconds": statistics.median(times), "peak_mb": peak_mb}


if __name__ == "__main__":
    main()
