"""Solo play over HTTP: one student plays one scenario alone (classroom.md, "Solo play").

``service`` holds the logic (no web framework), ``pacing`` the typing
pauses the page waits, ``views`` what the page shows, and ``routes`` maps
them onto the HTTP API. The app factory (``game.server.app``) picks up
``routes``, ``startup`` and ``shutdown`` from this package.
"""

from .routes import OPENAPI_COMPONENTS, routes, shutdown, startup

__all__ = ["OPENAPI_COMPONENTS", "routes", "shutdown", "startup"]
