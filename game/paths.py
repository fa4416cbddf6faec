"""Where things live: bundled scenarios, assets, data files and the user's data folder."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: an installed package carries the scenarios and assets here (setup.py copies them)
BUNDLED = Path(__file__).resolve().parent / "_bundled"


def _content(name: str) -> Path:
    """A bundled folder: inside the installed package, else at the top of the source tree."""
    packaged = BUNDLED / name
    return packaged if packaged.is_dir() else ROOT / name


SCENARIOS_DIR = _content("scenarios")
ASSETS_DIR = _content("assets")
DATA_DIR = Path(__file__).resolve().parent / "data"
TAXONOMY_FILE = DATA_DIR / "taxonomy.yaml"
HELP_RESOURCES_FILE = DATA_DIR / "help_resources.yaml"

APP_NAME = "red-flags"
DATA_DIR_ENV = "REDFLAGS_DATA_DIR"


def user_data_dir(override: str | os.PathLike | None = None, *, create: bool = True) -> Path:
    """The folder for the results database and settings.

    Precedence: an explicit `--data-dir`, then $REDFLAGS_DATA_DIR, then the
    platform's per-user data folder. The folder is created if missing (unless
    ``create`` is False; creating it raises OSError when it cannot be made).
    """
    if override:
        path = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        path = Path(os.environ[DATA_DIR_ENV])
    else:
        import platformdirs

        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path = path.expanduser()
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path
