"""Settings from the environment: folders, the development secret key, production refusals."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal

import pytest

from dashboard.settings import Settings, SettingsError
from tests.serving import ROOT


def test_defaults_put_data_inside_the_instance_folder(tmp_path):
    s = Settings.from_env({"INSTANCE_DIR": str(tmp_path)})
    assert s.instance_dir == tmp_path
    assert s.data_dir == tmp_path / "data"
    assert s.port == 8050 and s.env == "development"


def test_data_dir_and_port_come_from_the_environment(tmp_path):
    s = Settings.from_env(
        {"INSTANCE_DIR": str(tmp_path), "DATA_DIR": str(tmp_path / "d"), "PORT": "9001"}
    )
    assert s.data_dir == tmp_path / "d"
    assert s.port == 9001


def test_development_secret_key_is_made_once_and_reused(tmp_path):
    first = Settings.from_env({"INSTANCE_DIR": str(tmp_path)}).secret_key
    second = Settings.from_env({"INSTANCE_DIR": str(tmp_path)}).secret_key
    assert first == second and len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_without_secret_key_refuses_to_start(tmp_path):
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.from_env({"INSTANCE_DIR": str(tmp_path), "PORTAL_ENV": "production"})
    result = subprocess.run(
        [sys.executable, "-c", "import app"],
        cwd=ROOT,
        env={"INSTANCE_DIR": str(tmp_path), "PORTAL_ENV": "production", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "SECRET_KEY fehlt" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_production_uses_the_given_secret_key(tmp_path):
    s = Settings.from_env(
        {"INSTANCE_DIR": str(tmp_path), "PORTAL_ENV": "production", "SECRET_KEY": "k" * 40}
    )
    assert s.secret_key == "k" * 40 and s.production


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("PORT", "achtzig"),
        ("PORT", "-1"),
        ("PORTAL_ENV", "staging"),
        ("PORTAL_PRIMARY_COLOUR", "blue"),
        ("FUNDING_BANDS", "10000 5000"),
        ("FUNDING_BANDS", "10,5"),
        ("FUNDING_BANDS", "0 100"),
        ("PROXY_COUNT", "ja"),
        ("PROXY_COUNT", "9"),
        ("DEMO_CURATION", "vielleicht"),
    ],
)
def test_bad_settings_are_refused_with_the_variable_named(tmp_path, name, value):
    with pytest.raises(SettingsError, match=name):
        Settings.from_env({"INSTANCE_DIR": str(tmp_path), name: value})


def test_funding_bands_take_whole_euros_with_or_without_thousands_dots(tmp_path):
    s = Settings.from_env(
        {"INSTANCE_DIR": str(tmp_path), "FUNDING_BANDS": "5.000; 20000  1.000.000"}
    )
    assert s.funding_band_edges == (Decimal(5000), Decimal(20000), Decimal(1000000))
    default = Settings.from_env({"INSTANCE_DIR": str(tmp_path)})
    assert default.funding_band_edges == tuple(
        Decimal(e) for e in (10000, 25000, 50000, 75000, 100000)
    )


def test_an_own_german_tagline_has_no_english_until_the_operator_gives_one(tmp_path):
    built_in = Settings.from_env({"INSTANCE_DIR": str(tmp_path)})
    assert built_in.portal_tagline_en.startswith("Challenges, solutions and funding")
    own = Settings.from_env({"INSTANCE_DIR": str(tmp_path), "PORTAL_TAGLINE": "Unser Portal"})
    assert (own.portal_tagline, own.portal_tagline_en) == ("Unser Portal", "")
    both = Settings.from_env(
        {"INSTANCE_DIR": str(tmp_path), "PORTAL_TAGLINE": "Unser Portal",
         "PORTAL_TAGLINE_EN": "Our portal"}
    )  # fmt: skip
    assert both.portal_tagline_en == "Our portal"
