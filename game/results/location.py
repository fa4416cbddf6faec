"""Where the results database lives.

The folder is ``game.paths.user_data_dir``: an explicit ``--data-dir``, else
the environment variable ``REDFLAGS_DATA_DIR``, else the user's data folder
as platformdirs reports it for this operating system.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "results.sqlite3"


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the results database (created if missing)."""
    from game.paths import user_data_dir

    return user_data_dir(explicit)


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The results database file inside :func:`data_dir`."""
    return data_dir(explicit) / DB_FILENAME
