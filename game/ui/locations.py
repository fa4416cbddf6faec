"""Where the window finds its assets and keeps the settings file (via game.paths)."""
from __future__ import annotations

import os
from pathlib import Path

from game import paths


def assets_dir() -> Path:
    """The bundled assets folder (fonts/, sounds/, images/)."""
    return paths.ASSETS_DIR


def data_dir(explicit: str | os.PathLike | None = None) -> Path | None:
    """The user data folder (``--data-dir``, REDFLAGS_DATA_DIR, the platform's); None if unusable."""
    try:
        return paths.user_data_dir(explicit)
    except OSError:
        return None
