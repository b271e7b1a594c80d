"""Texts the operator configures as Markdown files: the legal pages, with shipped samples."""

from __future__ import annotations

from pathlib import Path

from dashboard.settings import ROOT

SAMPLES = ROOT / "content" / "legal"
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit")


def legal_text(name: str, lang: str, instance_dir: Path) -> tuple[str, bool]:
    """The Markdown of a legal page and whether it is the shipped sample.

    The operator's own file `INSTANCE_DIR/legal/<name>.<lang>.md` wins; German stands in for a
    missing English text.
    """
    if name not in LEGAL_PAGES:
        raise KeyError(f"unknown legal page {name!r}; known: {', '.join(LEGAL_PAGES)}")
    for folder, is_sample in ((instance_dir / "legal", False), (SAMPLES, True)):
        for language in dict.fromkeys((lang, "de")):
            path = folder / f"{name}.{language}.md"
            if path.is_file():
                return path.read_text(encoding="utf-8"), is_sample
    raise FileNotFoundError(f"no text for {name} in {instance_dir / 'legal'} or {SAMPLES}")
