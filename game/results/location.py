"""Where the results database lives.

A PostgreSQL server when one is named: ``--database URL`` (the command line
calls :func:`use_database`) or the environment variable
``REDFLAGS_DATABASE``. Otherwise the embedded SQLite file in the folder
``game.paths.user_data_dir``: an explicit ``--data-dir``, else the
environment variable ``REDFLAGS_DATA_DIR``, else the user's data folder as
platformdirs reports it for this operating system.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "results.sqlite3"
DATABASE_ENV = "REDFLAGS_DATABASE"

_database: str | None = None


def use_database(url: str | None) -> None:
    """Every store this process opens without an explicit file uses ``url`` (``--database``)."""
    global _database
    _database = url or None


def database_url() -> str | None:
    """The PostgreSQL URL in force (``--database``, then ``REDFLAGS_DATABASE``), or None."""
    return _database or os.environ.get(DATABASE_ENV) or None


def data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The folder that holds the results database (created if missing)."""
    from game.paths import user_data_dir

    return user_data_dir(explicit)


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The results database file inside :func:`data_dir`."""
    return data_dir(explicit) / DB_FILENAME
