"""The projector window's loop: keys to teacher actions, a new frame whenever the room changes.

``run_projector(link, size=None, should_stop=None)`` runs on the main thread
until the window is closed, ``should_stop()`` turns true (the server
stopped) or the link fails; it returns "closed", "stopped" or the failure's
one line. It polls ``link.version()`` every frame (about 30 a second, so
the idle window costs next to nothing) and asks for the state only when the
room changed. Keys (also listed in the footer; the browser projector uses
the same letters):

    → or Space  next message        A  every waiting message
    V  open the vote                C  close it (the majority reply is played)
    T  type a show of hands (↑ ↓ move, digits, Enter plays it, P plays the
       highlighted reply to break a tie, Esc goes back)
    D  the next discussion question (after the last one: back to the chat)
    W  let time pass (the stranger's next nudge)   U  auto-advance on/off (a message every 8 s)
    E  end the chat                 R  the reveal on or off
    ↑ ↓ PageUp PageDown  scroll the reveal     F11  full screen     Esc  leave full screen
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

import pygame

from .painter import Frame, ProjectorPainter, Tally

FPS = 30
PROBLEM_S = 6.0
DEFAULT_SIZE = (1920, 1080)


class Link(Protocol):
    """What the window needs from the running server (game.server.projector_link.ProjectorLink)."""

    def version(self) -> int: ...
    def state(self) -> dict[str, Any]: ...
    def act(self, action: str, body: dict[str, Any] | None = None) -> str | None: ...
    def qr_matrix(self) -> list[list[bool]]: ...
    def window_words(self) -> dict[str, Any]: ...


class NoWindow(Exception):
    """No window can be opened here (no display)."""


def window_size() -> tuple[int, int]:
    """REDFLAGS_WINDOW_SIZE=1280x720 if set; else 1920x1080, or the screen if it is smaller."""
    try:
        w, h = os.environ.get("REDFLAGS_WINDOW_SIZE", "").lower().split("x")
        return max(640, int(w)), max(480, int(h))
    except ValueError:
        pass
    try:
        desktop = pygame.display.get_desktop_sizes()[0]
        return min(DEFAULT_SIZE[0], desktop[0]), min(DEFAULT_SIZE[1], desktop[1])
    except (pygame.error, IndexError):
        return DEFAULT_SIZE


class ProjectorWindow:
    """Input and state of the window; ``ProjectorPainter`` draws."""

    def __init__(self, link: Link, surface: pygame.Surface) -> None:
        self.link = link
        self.surface = surface
        self.painter = ProjectorPainter(surface.get_size())
        words = link.window_words()
        self.frame = Frame(qr=link.qr_matrix(), keys=[tuple(k) for k in words.get("keys", [])],
                           tally_help=words.get("tally_help", ""))
        self.no_questions = words.get("no_questions", "")
        self.seen = -1
        self.state: dict[str, Any] = {}
        self.problem_until = 0.0
        self.dirty = True

    # -- the room -----------------------------------------------------------------------------
    def refresh(self) -> None:
        version = self.link.version()
        if version != self.seen:
            self.seen = version
            self.state = self.link.state()
            vote = self.state.get("vote")
            if self.frame.tally is not None and not (vote and vote.get("open")):
                self.frame.tally = None
            self.dirty = True
        if self.frame.problem and time.monotonic() > self.problem_until:
            self.frame.problem = ""
            self.dirty = True

    def act(self, action: str, body: dict[str, Any] | None = None) -> bool:
        problem = self.link.act(action, body)
        self.say(problem or "")
        return problem is None

    def say(self, problem: str) -> None:
        self.frame.problem = problem
        self.problem_until = time.monotonic() + PROBLEM_S
        self.dirty = True

    # -- keys ------------------------------------------------------------------------------------
    def key(self, event: pygame.event.Event) -> None:
        if self.frame.tally is not None:
            self._tally_key(event)
            return
        k = event.key
        phase = self.state.get("phase")
        if phase == "reveal" and k in (pygame.K_UP, pygame.K_DOWN, pygame.K_PAGEUP, pygame.K_PAGEDOWN):
            step = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(k, self.painter.reveal_rows
                                                           * (1 if k == pygame.K_PAGEDOWN else -1))
            total = len((self.state.get("reveal") or {}).get("items", []))
            self.frame.scroll = max(0, min(self.frame.scroll + step, max(0, total - self.painter.reveal_rows)))
            self.dirty = True
            return
        if k in (pygame.K_RIGHT, pygame.K_SPACE):
            self.act("advance")
        elif k == pygame.K_a:
            self.act("advance", {"all": True})
        elif k == pygame.K_v:
            self.act("vote/open")
        elif k == pygame.K_c:
            self.act("vote/close")
        elif k == pygame.K_t:
            vote = self.state.get("vote")
            if vote and vote.get("open"):
                self.frame.tally = Tally()
                self.dirty = True
        elif k == pygame.K_d:
            self._next_question()
        elif k == pygame.K_w:
            self.act("wait")
        elif k == pygame.K_u:
            self.act("pace", {"auto": not (self.state.get("pace") or {}).get("auto")})
        elif k == pygame.K_e:
            self.act("end")
        elif k == pygame.K_r:
            self.frame.scroll = 0
            self.act("reveal", {"on": phase != "reveal"})

    def _next_question(self) -> None:
        questions = self.state.get("discussion_questions") or []
        if not questions:
            self.say(self.no_questions)
            return
        current = (self.state.get("discussion") or {}).get("number", 0)
        self.act("discussion", {"question": current + 1 if current < len(questions) else None})

    def _tally_key(self, event: pygame.event.Event) -> None:
        tally = self.frame.tally
        assert tally is not None
        options = (self.state.get("vote") or {}).get("options", [])
        if not options:
            self.frame.tally = None
            return
        key = options[tally.row]["key"]
        k = event.key
        if k == pygame.K_ESCAPE:
            self.frame.tally = None
        elif k in (pygame.K_UP, pygame.K_DOWN, pygame.K_TAB):
            tally.row = (tally.row + (-1 if k == pygame.K_UP else 1)) % len(options)
        elif k == pygame.K_BACKSPACE:
            tally.counts[key] = tally.counts.get(key, "")[:-1]
        elif event.unicode and event.unicode.isdigit() and len(tally.counts.get(key, "")) < 4:
            tally.counts[key] = (tally.counts.get(key, "") + event.unicode).lstrip("0") or "0"
        elif k in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_p):
            hands = {o["key"]: int(tally.counts[o["key"]]) for o in options if tally.counts.get(o["key"])}
            body: dict[str, Any] = {"tally": hands}
            if k == pygame.K_p:
                body["key"] = key
            if self.act("vote/close", body):
                self.frame.tally = None
        self.dirty = True

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self) -> None:
        self.painter.draw(self.surface, self.state, self.frame)
        pygame.display.flip()
        self.dirty = False


def open_surface(size: tuple[int, int] | None = None) -> pygame.Surface:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        pygame.display.init()
        pygame.font.init()
        surface = pygame.display.set_mode(size or window_size(), pygame.RESIZABLE)
    except pygame.error as exc:
        raise NoWindow(str(exc)) from None
    pygame.display.set_caption("Red Flags · projector")
    return surface


def save_frame(window: ProjectorWindow, folder: Path) -> None:
    """The last frame as ``frame.png`` and what it says as ``frame.json`` (each replaced in one step)."""
    folder.mkdir(parents=True, exist_ok=True)
    png, js = folder / "frame.tmp.png", folder / "frame.json.tmp"
    pygame.image.save(window.surface, str(png))
    js.write_text(json.dumps({"phase": window.state.get("phase"), "version": window.seen,
                              "size": list(window.surface.get_size()), "texts": window.painter.texts},
                             ensure_ascii=False), encoding="utf-8")
    os.replace(png, folder / "frame.png")
    os.replace(js, folder / "frame.json")


def run_projector(link: Link, size: tuple[int, int] | None = None,
                  should_stop: Callable[[], bool] | None = None,
                  shots: Path | None = None) -> str:
    """Open the projector window and run it; raises ``NoWindow`` when none can open.

    ``shots`` (or the environment's REDFLAGS_PROJECTOR_SHOTS folder): every new frame is saved
    there (``save_frame``), for checks of a window nobody can see.
    """
    if shots is None and os.environ.get("REDFLAGS_PROJECTOR_SHOTS"):
        shots = Path(os.environ["REDFLAGS_PROJECTOR_SHOTS"])
    surface = open_surface(size)
    window = ProjectorWindow(link, surface)
    try:
        while True:
            if should_stop is not None and should_stop():
                return "stopped"
            for event in pygame.event.get():
                if event.type == pygame.QUIT:
                    return "closed"
                if event.type == pygame.KEYDOWN:
                    if event.key == pygame.K_F11:
                        pygame.display.toggle_fullscreen()
                    elif event.key == pygame.K_ESCAPE and window.frame.tally is None:
                        if pygame.display.is_fullscreen():
                            pygame.display.toggle_fullscreen()
                    else:
                        window.key(event)
                elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWEXPOSED, pygame.WINDOWSIZECHANGED):
                    window.surface = pygame.display.get_surface() or window.surface
                    window.dirty = True
            window.refresh()
            if window.dirty:
                window.draw()
                if shots is not None:
                    save_frame(window, shots)
            time.sleep(1 / FPS)
    except Exception as exc:  # noqa: BLE001 - the server went away mid-call: one line, the caller stops
        return f"the projector window stopped: {exc}"
    finally:
        pygame.display.quit()
