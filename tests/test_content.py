"""Legal texts: the operator's own file wins over the shipped, clearly marked sample."""

from __future__ import annotations

import pytest

from dashboard.content import LEGAL_PAGES, legal_text


@pytest.mark.parametrize("name", LEGAL_PAGES)
def test_every_legal_page_ships_a_sample_in_both_languages(tmp_path, name):
    for lang in ("de", "en"):
        text, is_sample = legal_text(name, lang, tmp_path)
        assert text.startswith("# ") and is_sample


def test_operators_own_text_replaces_the_sample(tmp_path):
    (tmp_path / "legal").mkdir()
    own = tmp_path / "legal" / "impressum.de.md"
    own.write_text("# Impressum\n\nStiftung X", encoding="utf-8")
    text, is_sample = legal_text("impressum", "de", tmp_path)
    assert "Stiftung X" in text and not is_sample
    # No English text of its own: the operator's German one stands in, not the English sample.
    text, is_sample = legal_text("impressum", "en", tmp_path)
    assert "Stiftung X" in text and not is_sample


def test_unknown_legal_page_is_refused(tmp_path):
    with pytest.raises(KeyError):
        legal_text("../../etc/passwd", "de", tmp_path)
