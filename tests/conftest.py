"""Test set-up shared by every test: headless SDL and a private data folder."""

import os
import sys
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, monkeypatch):
    """No test ever writes into the real user data folder."""
    monkeypatch.setenv("REDFLAGS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("REDFLAGS_DATABASE", raising=False)
    from game.results import location

    monkeypatch.setattr(location, "_database", None)
    return tmp_path / "data"


@pytest.fixture(scope="session")
def pg_cluster():
    """A PostgreSQL server of the test run's own (skipped, with the reason, where none can be had)."""
    import pg_cluster as pgc

    reason = pgc.why_not()
    if reason:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    cluster = pgc.TempCluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def store_target(request, tmp_path):
    """Where a test's store lives: ``{"path": FILE}`` (SQLite) or ``{"database": URL}`` (PostgreSQL).

    Tests taking it run on both engines."""
    if request.param == "sqlite":
        return {"path": tmp_path / "r.sqlite3"}
    cluster = request.getfixturevalue("pg_cluster")
    return {"database": cluster.new_database()}
