"""The window, the main loop and the screen stack.

A :class:`Screen` keeps logic apart from drawing (like Python Arcade's View
and Tuxemon's State):

* ``handle_event(event) -> bool``: input; return True when consumed;
* ``update(dt)``: time passes (only the top screen is updated, so a pause
  overlay stops the chat's clocks);
* ``draw(surface)``: render only; never change state here;
* ``on_resize(size)``: lay out again; ``on_settings_changed()``: fonts or
  colours changed;
* ``on_enter`` / ``on_exit`` / ``on_pause`` / ``on_resume``: stack changes;
* ``dirty``: set it when something changed; the loop only redraws then.
  ``animating``: True while something moves (typing dots), so the loop runs
  at 60 frames a second instead of idling at 30 wake-ups a second.

Screens with ``opaque = False`` (overlays) are drawn over the screens below.

The loop follows the measured field notes: ``pygame.event.get()`` and
``time.sleep`` (not ``event.wait``), and a redraw only when a visible screen is
dirty, which keeps an idle window under 1% of a core.
"""
from __future__ import annotations

import os
import time
import warnings
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pygame

from game.play.options import PlayOptions

from .quiet import quiet_stderr
from .save_banner import SaveBanner
from .scaling import effective_scale
from .settings import Settings
from .sound import Sounds
from .text import TextKit
from .theme import Theme

DEFAULT_SIZE = (1280, 720)
MIN_SIZE = (640, 480)
IDLE_SLEEP = 1 / 30
ACTIVE_FRAME = 1 / 60


class Screen:
    """Base class of every screen. Subclasses override what they need."""

    #: False for overlays that let the screen below show through.
    opaque = True
    #: The palette skin this screen uses (``menu`` or a platform name).
    skin = "menu"

    def __init__(self, app: App):
        self.app = app
        self.dirty = True

    # convenience -------------------------------------------------------------
    @property
    def kit(self) -> TextKit:
        return self.app.kit

    @property
    def theme(self) -> Theme:
        return self.app.theme(self.skin)

    @property
    def animating(self) -> bool:
        return False

    # lifecycle ---------------------------------------------------------------
    def on_enter(self) -> None: ...
    def on_exit(self) -> None: ...
    def on_pause(self) -> None: ...
    def on_resume(self) -> None:
        self.dirty = True

    def on_resize(self, size: tuple[int, int]) -> None:
        self.dirty = True

    def on_settings_changed(self) -> None:
        self.on_resize(self.app.size)

    # frame -------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def update(self, dt: float) -> None: ...

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill(self.theme.p.bg)


class NoDisplayError(RuntimeError):
    """The window could not be opened (no display available)."""


class App:
    """The window and its screen stack.

    ``App(settings)`` opens the window. ``run()`` loops until ``quit()``.
    Tests drive it one frame at a time with ``tick(events)``.
    """

    def __init__(self, settings: Settings | None = None, *, size: tuple[int, int] | None = None,
                 title: str = "Red Flags", data_dir: Path | None = None, options: PlayOptions | None = None,
                 routes: Mapping[str, Callable[..., Screen]] | None = None):
        self.settings = settings if settings is not None else Settings()
        self.data_dir = data_dir
        #: how chats are played (data folder, --no-save); the nickname and class code come from the start screen
        self.options = (options or PlayOptions(data_dir=data_dir)).with_(background_writes=True)
        self.player: str | None = self.options.player
        self.class_code: str | None = self.options.class_code
        #: screen name -> factory(app, **kwargs); screens open each other by name (game.ui.routes)
        self.routes: dict[str, Callable[..., Screen]] = dict(routes or {})
        self.exit_code = 0
        self.running = False
        self.stack: list[Screen] = []
        self._themes: dict[str, Theme] = {}
        self._force_redraw = True
        self.frames_drawn = 0
        self.first_frame_at: float | None = None
        self.on_frame: Callable[[App], None] | None = None
        #: "this chat's result could not be saved yet" over any screen (game.ui.save_banner)
        self.save_banner = SaveBanner()
        self._windowed_size = size or DEFAULT_SIZE

        os.environ.setdefault("SDL_VIDEO_CENTERED", "1")
        with quiet_stderr():   # SDL prints probing errors (XDG_RUNTIME_DIR, ...) before falling back
            pygame.display.init()
        # SDL falls back to an invisible driver when no display server answers; that is "no display"
        # unless a headless driver was asked for (tests, benchmarks, scripted screenshots)
        requested = os.environ.get("SDL_VIDEODRIVER", "").lower()
        if pygame.display.get_driver() in ("offscreen", "dummy") and requested not in ("offscreen", "dummy"):
            pygame.display.quit()
            raise NoDisplayError("no display server")
        pygame.font.init()
        try:
            self.surface = self._set_mode(self.settings.fullscreen)
        except pygame.error as exc:
            pygame.display.quit()
            raise NoDisplayError(str(exc)) from exc
        self.title = title
        pygame.display.set_caption(title)
        pygame.key.set_repeat(400, 40)
        self.size = self.surface.get_size()
        self.kit = TextKit(self.text_scale)
        # quiet in a classroom: whenever a class code is in use (typed on the start screen or --class)
        self.sounds = Sounds(muted=self.settings.muted, classroom=lambda: bool(getattr(self, "class_code", None)))

    # -- window --------------------------------------------------------------
    def _set_mode(self, fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            surf = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        else:
            surf = pygame.display.set_mode(self._windowed_size, pygame.RESIZABLE)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    win = pygame.Window.from_display_module()
                win.minimum_size = MIN_SIZE
            except Exception:
                pass
        return surf

    def toggle_fullscreen(self) -> None:
        full = not self.settings.fullscreen
        if full:
            self._windowed_size = self.size
        try:
            self.surface = self._set_mode(full)
        except pygame.error:
            self.surface = self._set_mode(False)
            full = False
        self.settings.fullscreen = full
        self._resized(self.surface.get_size())
        self.apply_settings()  # saves, and lets screens refresh labels

    def resize(self, size: tuple[int, int]) -> None:
        """Set the window size (tests and the benchmark use this)."""
        self._windowed_size = size
        self.surface = pygame.display.set_mode(size, pygame.RESIZABLE)
        self._resized(self.surface.get_size())

    def _resized(self, size: tuple[int, int]) -> None:
        self.size = size
        if abs(self.kit.scale - self.text_scale) > 1e-9:   # a bigger window draws bigger (game.ui.scaling)
            self.apply_settings(save=False)
            return
        for s in self.stack:
            s.on_resize(size)
        self._force_redraw = True

    @property
    def text_scale(self) -> float:
        """The scale fonts and lengths are drawn at: text size x window size x projector."""
        size = getattr(self, "size", None) or self._windowed_size
        return effective_scale(self.settings.text_scale, size, self.settings.projector)

    def theme(self, skin: str = "menu") -> Theme:
        t = self._themes.get(skin)
        if t is None:
            t = Theme(skin, self.settings.high_contrast, self.text_scale)
            self._themes[skin] = t
        return t

    def apply_settings(self, save: bool = True) -> None:
        """Call after changing ``app.settings``: refreshes fonts, colours, sound."""
        self._themes.clear()
        if abs(self.kit.scale - self.text_scale) > 1e-9:
            self.kit.set_scale(self.text_scale)
        self.sounds.muted = self.settings.muted
        if save:
            self.settings.save()
        for s in self.stack:
            s.on_settings_changed()
        self._force_redraw = True

    # -- the stack -----------------------------------------------------------
    @property
    def top(self) -> Screen | None:
        return self.stack[-1] if self.stack else None

    def push(self, screen: Screen) -> Screen:
        if self.stack:
            self.stack[-1].on_pause()
        self.stack.append(screen)
        screen.on_enter()
        screen.on_resize(self.size)
        self._force_redraw = True
        return screen

    def pop(self) -> Screen | None:
        if not self.stack:
            return None
        screen = self.stack.pop()
        screen.on_exit()
        if self.stack:
            self.stack[-1].on_resume()
        else:
            self.quit()
        self._force_redraw = True
        return screen

    def replace(self, screen: Screen) -> Screen:
        """Swap the top screen for ``screen``."""
        if self.stack:
            self.stack.pop().on_exit()
        self.stack.append(screen)
        screen.on_enter()
        screen.on_resize(self.size)
        self._force_redraw = True
        return screen

    def reset(self, screen: Screen) -> Screen:
        """Empty the stack and show ``screen`` (quick exit, back to start)."""
        while self.stack:
            self.stack.pop().on_exit()
        return self.push(screen)

    # -- hand-offs between screens -------------------------------------------
    def make(self, name: str, **kwargs: Any) -> Screen:
        """A new screen from the route table (``game.ui.routes``)."""
        try:
            factory = self.routes[name]
        except KeyError:
            raise KeyError(f"no screen named '{name}' in the route table") from None
        return factory(self, **kwargs)

    def open(self, name: str, **kwargs: Any) -> Any:
        """Push the screen ``name`` (made with ``kwargs``) and return it."""
        return self.push(self.make(name, **kwargs))

    def find(self, name: str) -> Any:
        """The topmost screen on the stack made by route ``name``, or None."""
        factory = self.routes.get(name)
        for screen in reversed(self.stack):
            if isinstance(factory, type) and isinstance(screen, factory):
                return screen
        return None

    def play_options(self) -> PlayOptions:
        """The options of a chat started now: the app's, with the nickname and class code typed in."""
        return self.options.with_(player=self.player, class_code=self.class_code, seed=None,
                                  result_json=None, resume=False, data_dir=self.options.data_dir or self.data_dir)

    def show_debrief(self, result: dict, conversation: Any = None, **extra: Any) -> Screen:
        """Replace the stack with the debrief of a finished session."""
        return self.reset(self.make("debrief", result=result, conversation=conversation, **extra))

    def show_start(self) -> Screen:
        """Empty the stack and show the start screen."""
        return self.reset(self.make("start"))

    def show_away(self) -> Screen:
        """Quick exit: empty the stack and show the neutral page ("away"), else the start screen."""
        return self.reset(self.make("away")) if "away" in self.routes else self.show_start()

    # -- loop ----------------------------------------------------------------
    def quit(self, code: int | None = None) -> None:
        if code is not None:
            self.exit_code = code
        self.running = False

    def visible_screens(self) -> list[Screen]:
        start = 0
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].opaque:
                start = i
                break
        return self.stack[start:]

    def handle_global(self, event: pygame.event.Event) -> bool:
        """Events the App handles itself before the top screen sees them."""
        if event.type == pygame.QUIT:
            # every screen that must record something (a chat records `quit`) gets to, overlays or not
            for screen in reversed(self.stack):
                if hasattr(screen, "on_window_close"):
                    screen.on_window_close()
            self.quit()
            return True
        if event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            surf = pygame.display.get_surface()
            if surf is not None:
                self.surface = surf
                if surf.get_size() != self.size:
                    self._resized(surf.get_size())
            return True
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWSHOWN):
            self._force_redraw = True
            return False
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return True
        return False

    def tick(self, events: list[pygame.event.Event] | None = None, dt: float = 0.0) -> bool:
        """One frame: events, update, draw if needed. Returns True if it drew."""
        if events is None:
            events = pygame.event.get()
        for event in events:
            if self.handle_global(event):
                continue
            top = self.top
            if top is not None:
                top.handle_event(event)
        top = self.top
        if top is not None:
            top.update(dt)
        if self.save_banner.poll():
            self._force_redraw = True
        return self.draw_if_dirty()

    def draw_if_dirty(self) -> bool:
        visible = self.visible_screens()
        if not (self._force_redraw or any(s.dirty for s in visible)):
            return False
        self.draw()
        return True

    def draw(self) -> None:
        """Draw the visible screens now and show them."""
        visible = self.visible_screens()
        if not visible:
            self.surface.fill((0, 0, 0))
        for s in visible:
            s.draw(self.surface)
            s.dirty = False
        if visible:
            self.save_banner.draw(self.surface, visible[-1].theme, self.kit, visible[-1])
        self._force_redraw = False
        pygame.display.flip()
        self.frames_drawn += 1
        if self.first_frame_at is None:
            self.first_frame_at = time.perf_counter()
        if self.on_frame is not None:
            self.on_frame(self)

    def save_screenshot(self, path: str | os.PathLike) -> None:
        """Save the window as a PNG; raises OSError (one-line message) when it cannot be written."""
        import io

        from game import safefile

        Path(path).parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        try:
            pygame.image.save(self.surface, buffer, "png")
        except pygame.error as exc:
            raise OSError(f"cannot encode the screenshot: {exc}") from None
        safefile.write_bytes(path, buffer.getvalue())   # never replaces anything but a regular file

    def run(self) -> int:
        """Loop until ``quit()``; returns the exit code."""
        self.running = True
        last = time.monotonic()
        while self.running and self.stack:
            frame_start = time.monotonic()
            events = pygame.event.get()
            self.tick(events, frame_start - last)
            last = frame_start
            busy = bool(events) or any(s.animating for s in self.visible_screens())
            budget = ACTIVE_FRAME if busy else IDLE_SLEEP
            spent = time.monotonic() - frame_start
            if spent < budget:
                time.sleep(budget - spent)
        return self.exit_code

    def close(self) -> None:
        while self.stack:
            self.stack.pop().on_exit()
        try:
            pygame.mixer.quit()
        except pygame.error:
            pass
        pygame.display.quit()
