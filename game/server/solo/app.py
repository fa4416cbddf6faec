"""A stand-alone ASGI app with only the solo-play routes, for tests and the load bench.

``create_app()`` reads ``REDFLAGS_DATA_DIR`` (the results store) and
``REDFLAGS_LIBRARY`` (a scenario folder; default the bundled library), so
``uvicorn --factory game.server.solo.app:create_app`` starts it.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import AsyncIterator, Optional

from starlette.applications import Starlette

from game import paths
from game.library import load_library
from game.results.store import Store

from .routes import routes
from .service import SoloService


def service_for(library_dir: Optional[str | Path] = None,
                data_dir: Optional[str | Path] = None) -> SoloService:
    library = load_library(library_dir or paths.SCENARIOS_DIR)
    return SoloService({s.id: s for s in library.scenarios}, Store.open(data_dir))


def create_app(library_dir: Optional[str | Path] = None,
               data_dir: Optional[str | Path] = None) -> Starlette:
    service = service_for(library_dir or os.environ.get("REDFLAGS_LIBRARY"),
                          data_dir or os.environ.get("REDFLAGS_DATA_DIR"))
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        service.store.close()

    app = Starlette(routes=routes(service), lifespan=lifespan)
    app.state.solo = service
    return app
