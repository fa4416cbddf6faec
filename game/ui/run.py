"""What the command line calls to open the game window.

``run_window(args, scenario=None) -> int`` takes the parsed ``play`` arguments
(or the bare command's) and returns the exit status of cli.md:

* no scenario: the start screen;
* ``args.scenario`` (an id or a path) or ``scenario`` (a loaded Scenario):
  the chat, driven by a ``game.session.Session`` made exactly as the
  terminal makes it (``game.commands.play.make_session``: seed, results
  recorder, ``--no-save``, ``--player``, ``--class``);
* ``--script FILE``: the commands come from the file through
  ``game.session.run_script`` (all pending messages are delivered before and
  after each command, as in the terminal, so the result record is the
  same); the window draws every step and, with ``--screenshot-dir DIR``,
  saves ``DIR/0001.png``, ``0002.png``, ... after each command.

Where no display is available it says so in one line and suggests --text.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Optional

NO_DISPLAY = ("No display is available for the game window; "
              "play in the terminal instead: python main.py play {scenario} --text")


def display_available() -> bool:
    """Best guess before opening a window: on Linux/BSD a display server must be named."""
    if os.environ.get("SDL_VIDEODRIVER", "") in ("dummy", "offscreen"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def open_app(args: Any = None, size: Optional[tuple[int, int]] = None):
    """The App with the saved settings, or None when no window can be opened."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .app import App, NoDisplayError
    from .locations import data_dir
    from .settings import Settings

    folder = data_dir(getattr(args, "data_dir", None))
    settings = Settings.load(folder)
    if size is None:   # REDFLAGS_WINDOW_SIZE=800x600 opens a window of that size (testing, projectors)
        try:
            w, h = os.environ.get("REDFLAGS_WINDOW_SIZE", "").lower().split("x")
            size = (max(640, int(w)), max(480, int(h)))
        except ValueError:
            size = None
    try:
        return App(settings, data_dir=folder, args=args, size=size)
    except NoDisplayError:
        return None


def default_session(scenario: Any, args: Any = None, allow_resume: bool = False):
    """A Session made the way the terminal makes it (seed, recorder, --no-save...).

    With ``allow_resume`` and ``args.resume`` it continues the newest unfinished
    stored session of the scenario (raises LookupError when there is none).
    """
    if allow_resume and getattr(args, "resume", False):
        from game.commands.play import resumed_session

        return resumed_session(args, scenario)
    try:
        from game.commands.play import make_session
    except ImportError:
        make_session = None
    if make_session is not None and args is not None:
        return make_session(args, scenario)
    from game.session import Session

    return Session(scenario, seed=getattr(args, "seed", None))


def _load(ref: Any):
    """(Scenario, None) or (None, exit code) after printing the problem."""
    from game.library import ScenarioError, find_scenario

    try:
        return find_scenario(str(ref)), None
    except ScenarioError as exc:
        print(f"play: '{ref}' cannot be played:\n{exc}", file=sys.stderr)
    except LookupError as exc:
        print(f"play: {exc.args[0] if exc.args else exc}", file=sys.stderr)
    return None, 2


def run_window(args: Any = None, scenario: Any = None) -> int:
    """Open the window; returns the process exit status."""
    ref = scenario if scenario is not None else getattr(args, "scenario", None)
    script = getattr(args, "script", None)
    lines = None
    if ref is not None and script:
        try:
            from game.commands.play import script_lines

            lines = script_lines(script)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"play: cannot read script '{script}': {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            return 2
    if ref is not None and not hasattr(ref, "nodes"):
        ref, code = _load(ref)
        if ref is None:
            return code
    no_display = NO_DISPLAY.format(scenario=getattr(ref, "id", None) or "SCENARIO")
    if not display_available():
        print(no_display, file=sys.stderr)
        return 2
    session = None
    if ref is not None:
        try:
            session = default_session(ref, args, allow_resume=True)
        except LookupError as exc:
            print(f"play: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            return 2
    app = open_app(args)
    if app is None:
        print(no_display, file=sys.stderr)
        return 2
    try:
        if ref is None:
            app.show_start()
            code = app.run()
            chat = _find_chat(app)     # a chat started from the picker, window closed mid-chat
            if chat is not None and not chat.finished:
                chat.on_window_close()
            return code
        if lines is not None:
            return run_scripted(app, session, lines, args)
        from .screens.chat import ChatScreen

        app.push(ChatScreen(app, session, result_json=getattr(args, "result_json", None),
                            resumed=bool(getattr(args, "resume", False))))
        code = app.run()
        chat = _find_chat(app)
        if chat is not None and not chat.finished:   # window closed mid-chat
            chat.on_window_close()
        return code
    finally:
        app.close()


def start_chat(app: Any, scenario_ref: Any, args: Any = None) -> Optional[int]:
    """Push the chat for a scenario id, path or Scenario (used by the picker).

    Returns None on success, 2 when the scenario cannot be loaded (message printed).
    """
    from .screens.chat import ChatScreen

    scenario = scenario_ref
    if not hasattr(scenario, "nodes"):
        scenario, code = _load(scenario_ref)
        if scenario is None:
            return code
    args = args if args is not None else app.args
    session = default_session(scenario, args)
    app.push(ChatScreen(app, session, result_json=getattr(args, "result_json", None)))
    return None


def _find_chat(app: Any):
    from .screens.chat import ChatScreen

    for s in reversed(app.stack):
        if isinstance(s, ChatScreen):
            return s
    return None


def run_scripted(app: Any, session: Any, lines: list, args: Any = None) -> int:
    """Play a --script in the window: draw each step, save a PNG per command."""
    import pygame

    from game.session import run_script, run_script_file

    from .screens.chat import ChatScreen

    shots = getattr(args, "screenshot_dir", None)
    script = getattr(args, "script", None) or "script"
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
    chat = ChatScreen(app, session, scripted=True, result_json=None, clock_base=_fixed_clock(),
                      resumed=bool(getattr(args, "resume", False)))
    app.push(chat)
    count = 0

    def after(command, shown) -> None:
        nonlocal count
        pygame.event.pump()
        chat.sync()
        if shown == "profile":
            chat.show_profile()
        elif chat.profile_open:          # the profile drawer closes at the next command
            chat.toggle_profile()
        app.draw()
        count += 1
        if shots:
            app.save_screenshot(Path(shots) / f"{count:04d}.png")

    def play(session, lines) -> list[str]:
        notes = run_script(session, lines, after)
        if not session.ended:
            session.conv.quit()
        chat.sync()
        app.draw()
        return notes

    app.draw()
    return run_script_file(session, lines, script, play, getattr(args, "result_json", None))


def _fixed_clock() -> float:
    """Scripted runs show a fixed afternoon clock so screenshots are reproducible."""
    import time

    return time.mktime((2024, 3, 14, 16, 5, 0, 0, 0, -1))
