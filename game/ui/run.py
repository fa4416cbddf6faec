"""What the command line calls to open the game window.

``run_window(options, scenario=None, script=None, ...) -> int`` returns the
exit status of cli.md:

* no scenario: the start screen;
* a loaded ``scenario``: the chat, driven by a session that
  ``game.play.sessions.start`` makes exactly as it does for the terminal
  (seed, results recorder, ``--no-save``, ``--player``, ``--class``,
  ``--resume``);
* ``script`` ((line number, text) pairs): each line goes through the chat
  screen's ``act`` (the call a click on a reply or a button makes), with all
  pending messages delivered before and after each command as in the
  terminal, so the result record is the same; the window draws every step
  and, with ``screenshot_dir``, saves ``0001.png``, ``0002.png``, ... after
  each command.

Where no display is available it says so in one line and suggests --text.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import Any

from game.command_language import Command
from game.model import Scenario
from game.play import sessions
from game.play.options import PlayOptions
from game.session import SETTLE_S, Session, run_script, run_script_file

NO_DISPLAY = ("No display is available for the game window; "
              "play in the terminal instead: python main.py play {scenario} --text")


def display_available() -> bool:
    """Best guess before opening a window: on Linux/BSD a display server must be named."""
    if os.environ.get("SDL_VIDEODRIVER", "") in ("dummy", "offscreen"):
        return True
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def open_app(options: PlayOptions | None = None, size: tuple[int, int] | None = None) -> Any:
    """The App with the saved settings and the screens' route table, or None when no window opens."""
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from .app import App, NoDisplayError
    from .locations import data_dir
    from .routes import ROUTES
    from .settings import Settings

    options = options or PlayOptions()
    folder = data_dir(options.data_dir)
    settings = Settings.load(folder)
    if size is None:   # REDFLAGS_WINDOW_SIZE=800x600 opens a window of that size (testing, projectors)
        try:
            w, h = os.environ.get("REDFLAGS_WINDOW_SIZE", "").lower().split("x")
            size = (max(640, int(w)), max(480, int(h)))
        except ValueError:
            size = None
    try:
        return App(settings, data_dir=folder, options=options, size=size, routes=ROUTES)
    except NoDisplayError:
        return None


def run_window(options: PlayOptions | None = None, scenario: Scenario | None = None, *,
               script: list[tuple[int, str]] | None = None, script_name: str | None = None,
               screenshot_dir: str | os.PathLike[str] | None = None) -> int:
    """Open the window; returns the process exit status."""
    options = options or PlayOptions()
    no_display = NO_DISPLAY.format(scenario=getattr(scenario, "id", None) or "SCENARIO")
    if not display_available():
        print(no_display, file=sys.stderr)
        return 2
    session = None
    began = time.monotonic()
    if scenario is not None:
        try:
            session = sessions.start(scenario, options)
        except sessions.PlayError as exc:
            print(f"play: {exc}", file=sys.stderr)
            return 2
    app = open_app(options)
    if app is None:
        if session is not None and not session.ended:
            session.finish()
        print(no_display, file=sys.stderr)
        return 2
    app.save_banner.opened = began     # the chat opened just before the window is one of its own
    try:
        if session is None:
            app.show_start()
        elif script is not None:
            return run_scripted(app, session, script, script_name or "script", screenshot_dir, options)
        else:
            app.open("chat", session=session, result_json=options.result_json, resumed=options.resume)
        code = app.run()
        chat = app.find("chat")       # the window was closed mid-chat
        if chat is not None and not chat.finished:
            chat.on_window_close()
        if not saved_at_exit(since=app.save_banner.opened):
            return 1
        return int(code)
    finally:
        app.close()


def saved_at_exit(timeout: float = SETTLE_S, since: float | None = None) -> bool:
    """Every chat of this window is stored (waiting up to ``timeout``); else one line, False."""
    from game.play import saving
    from game.results import recorder

    if recorder.wait_all(timeout, since):
        return True
    print(f"play: {saving.not_saved_line(recorder.overall_status(since))}", file=sys.stderr)
    return False


def start_chat(app: Any, ref: Scenario | str) -> str | None:
    """Open the chat for a scenario id, path or Scenario with the app's player (the picker's "Start chat").

    Returns None, or the one-line reason the chat could not be opened.
    """
    try:
        session = sessions.start(ref, app.play_options())
    except sessions.PlayError as exc:
        return str(exc)
    app.open("chat", session=session)
    return None


def run_scripted(app: Any, session: Session, lines: list[tuple[int, str]], script_name: str,
                 screenshot_dir: str | os.PathLike[str] | None, options: PlayOptions) -> int:
    """Play a --script in the window: each line is the chat's ``act``, drawn, saved as a PNG."""
    import pygame

    failed: list[Path] = []
    if screenshot_dir:
        try:
            Path(screenshot_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"play: cannot make --screenshot-dir '{screenshot_dir}': {exc.strerror or exc}", file=sys.stderr)
            return 2
    chat = app.open("chat", session=session, scripted=True, result_json=None,
                    clock_base=_fixed_clock(session.scenario.clock), resumed=options.resume)
    count = 0

    def after(command: Command, shown: str | None) -> None:
        nonlocal count
        pygame.event.pump()
        chat.sync()                                     # the messages the command brought
        if shown != "profile" and chat.profile_open:   # the profile drawer closes at the next command
            chat.toggle_profile()
        app.draw()
        count += 1
        if screenshot_dir and not failed:
            target = Path(screenshot_dir) / f"{count:04d}.png"
            try:
                app.save_screenshot(target)
            except OSError as exc:   # a full disk, for example: say so once, play on
                failed.append(target)
                print(f"play: cannot save screenshot '{target}': {exc.strerror or exc}; "
                      "no more screenshots are taken", file=sys.stderr)

    def play(session: Session, lines: list[tuple[int, str]]) -> list[str]:
        notes = run_script(session, lines, after, execute=chat.act_or_raise)
        if not session.ended:
            chat.act(Command("quit"))
        app.draw()
        return notes

    app.draw()
    code = run_script_file(session, lines, script_name, play, options.result_json)
    return 1 if failed and code == 0 else code


def _fixed_clock(story: str = "") -> float:
    """Scripted runs show a fixed clock so screenshots are reproducible: the story's time, else 16:05."""
    hh, mm = (int(x) for x in story.split(":")) if story else (16, 5)
    return time.mktime((2024, 3, 14, hh, mm, 0, 0, 0, -1))
