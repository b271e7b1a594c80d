"""Fixtures shared by all tests: the demo data imported once, the session's one Dash app, and
the read layer over a fresh curation store (`curated`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard import db
from dashboard.db import Database
from dashboard.ingest import import_path
from dashboard.settings import Settings
from dashboard.store import open_store
from dashboard.versions import DatasetVersions
from tests.serving import ROOT

DEMO_DIR = ROOT / "data" / "demo"


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with the demo exports imported once (as `make run` does)."""
    data_dir = tmp_path_factory.mktemp("demo-data")
    import_path(DatasetVersions(data_dir), DEMO_DIR, imported_by="test", demo=True)
    return data_dir


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory, demo_data_dir: Path) -> Settings:
    """Development settings on the demo data, in a fresh instance folder."""
    instance = tmp_path_factory.mktemp("instance")
    return Settings.from_env({"INSTANCE_DIR": str(instance), "DATA_DIR": str(demo_data_dir)})


@pytest.fixture(scope="session")
def app(settings: Settings):
    """The one Dash app of this session (Dash Pages allows one per process)."""
    from dashboard import create_app

    return create_app(settings)


@pytest.fixture
def client(app):
    """A Flask test client of the session's app."""
    return app.server.test_client()


@pytest.fixture
def curated(app, demo_data_dir, tmp_path):
    """dashboard.db on the demo data with a fresh curation store of its own; the app's after."""
    store = open_store(tmp_path / "curation.sqlite")
    previous = db.configure(Database(DatasetVersions(demo_data_dir), curation=store))
    yield store
    db.configure(*previous)
