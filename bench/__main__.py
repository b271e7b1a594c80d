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

STEPS = ("generate", "import", "overview_cold", "overview_warm", "generate_csv", "import_csv")


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
        Database(DatasetVersions(data_dir)).records("overview_totals", event_id=None)
        seconds = time.perf_counter() - start
    else:
        label = "Kennzahlen Überblick, warm (Median aus 20)"
        db = Database(DatasetVersions(data_dir))
        db.records("overview_totals", event_id=None)
        times = []
        for _ in range(20):
            t0 = time.perf_counter()
            db.records("overview_totals", event_id=None)
            times.append(time.perf_counter() - t0)
        seconds = statistics.median(times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"label": label, "seconds": seconds, "peak_mb": peak_mb}


if __name__ == "__main__":
    main()
