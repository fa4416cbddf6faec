"""ASGI factory for the load bench's server process: the whole class server on $REDFLAGS_DATA_DIR
(or the PostgreSQL database $REDFLAGS_BENCH_DATABASE). Kept apart from solo_load.py, which
imports Locust (and with it gevent's patching of the standard library)."""

from __future__ import annotations

import os
from pathlib import Path


def app():
    from game.library import load_library
    from game.server.app import create_app
    from game.server.config import ServerConfig

    return create_app(ServerConfig(library=load_library(), data_dir=Path(os.environ["REDFLAGS_DATA_DIR"]),
                                   database=os.environ.get("REDFLAGS_BENCH_DATABASE") or None))
