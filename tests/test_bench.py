"""The benchmark runs (`make bench`): every step answers, with a time and a peak memory. Its
figures are measured there, never asserted here; this only keeps it from breaking unseen."""

from __future__ import annotations

import re
import subprocess
import sys

from bench.__main__ import STEPS
from tests.serving import ROOT


def test_the_benchmark_runs_every_step_on_a_small_dataset():
    result = subprocess.run(
        [sys.executable, "-m", "bench", "--grants", "300", "--solutions", "60"],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    rows = re.findall(r"^\| (.+?) \| ([\d.]+) \| (\d+) \|$", result.stdout, re.M)
    assert len(rows) == len(STEPS), result.stdout
    assert any(label.startswith("/foerderung") and "95 %" in label for label, _, _ in rows)
    assert any(label.startswith("Zum Vergleich: DuckDB allein") for label, _, _ in rows)
