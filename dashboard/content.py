"""Texts the operator configures as Markdown files (legal pages, programme story), with samples."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.settings import ROOT

SAMPLES_ROOT = ROOT / "content"
SAMPLES = SAMPLES_ROOT / "legal"
LEGAL_PAGES = ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache")
PROGRAMME_TEXT = "programm"
_TITLE = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]*?)[ \t#]*(?:\n|\Z)")
_H1 = re.compile(r"^#(?=[ \t])", re.MULTILINE)


def configured_text(name: str, lang: str, own_dir: Path, sample_dir: Path) -> tuple[str, bool]:
    """The Markdown `<name>.<lang>.md` and whether it is the shipped sample.

    The operator's own file in `own_dir` wins over the sample; German stands in for a missing
    English text (the operator's German before the sample's English).
    """
    for folder, is_sample in ((own_dir, False), (sample_dir, True)):
        for language in dict.fromkeys((lang, "de")):
            path = folder / f"{name}.{language}.md"
            if path.is_file():
                return path.read_text(encoding="utf-8"), is_sample
    raise FileNotFoundError(f"no text for {name} in {own_dir} or {sample_dir}")


def legal_text(name: str, lang: str, instance_dir: Path) -> tuple[str, bool]:
    """A legal page's Markdown (`INSTANCE_DIR/legal/<name>.<lang>.md`) and if it is a sample."""
    if name not in LEGAL_PAGES:
        raise KeyError(f"unknown legal page {name!r}; known: {', '.join(LEGAL_PAGES)}")
    return configured_text(name, lang, instance_dir / "legal", SAMPLES)


def programme_text(lang: str, instance_dir: Path) -> tuple[str, bool]:
    """The programme's story (`INSTANCE_DIR/content/programm.<lang>.md`) and if it is a sample."""
    return configured_text(
        PROGRAMME_TEXT, lang, instance_dir / "content", SAMPLES_ROOT / "programme"
    )


def split_title(markdown: str) -> tuple[str | None, str]:
    """The text's leading `# Title` (None without one) and the rest, its headings below h1.

    The page renders the title as its one h1; any further `# ` heading in an operator's text
    becomes `## `, so a page never gets a second h1.
    """
    match = _TITLE.match(markdown)
    if match is None or not match.group("title"):
        return None, _demote_h1(markdown)
    return match.group("title"), _demote_h1(markdown[match.end() :])


def _demote_h1(markdown: str) -> str:
    # Fenced code blocks keep their `#` lines (a shell comment is no heading).
    parts = re.split(r"(^```.*?^```[^\n]*$)", markdown, flags=re.MULTILINE | re.DOTALL)
    return "".join(p if p.startswith("```") else _H1.sub("##", p) for p in parts)
