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
    return tmp_path / "data"
