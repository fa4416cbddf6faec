"""An ASGI factory for real server processes in tests: the class server's app on $REDFLAGS_DATA_DIR
(or on the PostgreSQL database $REDFLAGS_SOLO_DATABASE)."""

from __future__ import annotations

import os
from pathlib import Path

from game.library import load_library
from game.server.app import create_app
from game.server.config import ServerConfig


def app(data_dir: str | os.PathLike[str] | None = None):
    """The whole class server (every feature module), storing into ``data_dir``."""
    folder = data_dir or os.environ["REDFLAGS_DATA_DIR"]
    extra = {}
    for name, key in (("REDFLAGS_TYPING_FACTOR", "solo_typing_factor"),   # browser tests: a fast typist
                      ("REDFLAGS_IDLE_FACTOR", "solo_idle_factor")):      # ... and idle nudges on demand
        if os.environ.get(name):
            extra[key] = float(os.environ[name])
    database = os.environ.get("REDFLAGS_SOLO_DATABASE") or None     # a PostgreSQL URL shared by processes
    return create_app(ServerConfig(library=load_library(), data_dir=Path(folder), database=database,
                                   extra=extra))
