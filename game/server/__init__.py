"""The class server: an ASGI app (Starlette) for students' browsers.

It sits beside the window (``game/ui/``) as another front end: it drives the
shared application layer and the results store, and nothing in the core
imports it. ``app.create_app(config)`` builds the app; each feature adds its
routes from its own module (see ``app.ROUTE_MODULES``). The browser's files
live in ``static/`` (plain HTML, CSS and JavaScript modules, no build step).
"""
