"""What the command line calls to open the game window.

``run_window(args) -> int`` takes the parsed ``play`` arguments (or the bare
command's) and returns the process exit status of cli.md.
"""
from __future__ import annotations

import os
import sys
from typing import Any

NO_DISPLAY = "No display available for the game window; play in the terminal with: python main.py play SCENARIO --text"


def _headless_requested() -> bool:
    return os.environ.get("SDL_VIDEODRIVER", "") in ("dummy", "offscreen")


def display_available() -> bool:
    """Best guess before opening a window: on Linux/BSD a display server must be named."""
    if _headless_requested():
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def open_app(args: Any = None):
    """Create the App with the settings from the data folder (None on no display)."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .app import App, NoDisplayError
    from .locations import data_dir
    from .settings import Settings

    folder = data_dir(getattr(args, "data_dir", None))
    settings = Settings.load(folder)
    try:
        return App(settings, data_dir=folder, args=args)
    except NoDisplayError:
        return None


def run_window(args: Any = None) -> int:
    """Open the window: the chat for ``args.scenario`` if given, else the start screen."""
    if not display_available():
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    app = open_app(args)
    if app is None:
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    try:
        scenario = getattr(args, "scenario", None)
        if scenario:
            code = start_chat(app, scenario, args=args)
            if code is not None:
                return code
        else:
            app.show_start()
        return app.run()
    finally:
        app.close()


def start_chat(app, scenario_ref: str, args: Any = None):
    """Push the chat screen for a scenario id or path. Returns an exit code on failure."""
    from .screens.chat import open_chat

    return open_chat(app, scenario_ref, args=args)
