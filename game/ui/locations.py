"""Where the window finds its assets and where it keeps the settings file.

Uses the engine's ``game.paths`` when it offers the answer and falls back to
the repository layout and ``platformdirs`` otherwise.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def assets_dir() -> Path:
    """The bundled assets folder (fonts/, sounds/, images/, avatars/)."""
    try:
        from game import paths  # type: ignore

        for name in ("assets_dir", "ASSETS_DIR"):
            value = getattr(paths, name, None)
            if callable(value):
                value = value()
            if value:
                return Path(value)
    except Exception:
        pass
    return REPO_ROOT / "assets"


def data_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The user data folder: ``--data-dir``, then REDFLAGS_DATA_DIR, then the platform's."""
    if explicit:
        return Path(explicit)
    env = os.environ.get("REDFLAGS_DATA_DIR")
    if env:
        return Path(env)
    try:
        from game import paths  # type: ignore

        for name in ("data_dir", "user_data_dir", "DATA_DIR"):
            value = getattr(paths, name, None)
            if callable(value):
                try:
                    value = value()
                except TypeError:
                    value = value(None)
            if value:
                return Path(value)
    except Exception:
        pass
    try:
        import platformdirs

        return Path(platformdirs.user_data_dir("red-flags", appauthor=False))
    except Exception:
        return Path.home() / ".red-flags"
