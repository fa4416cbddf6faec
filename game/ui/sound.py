"""Notification sounds that fall back to silence, gentle alone and quiet in a classroom.

The mixer is started lazily; if it cannot start (no sound card, a dummy audio
driver that refuses, a missing file) every ``play`` is a no-op. Muting is a
setting and does not stop the mixer.

Loudness: the files peak at -14 to -16 dBFS (assets/tools/make_sounds.py) and
play at ``SOLO_VOLUME``. In a classroom (a class code is in use, or a front end
sets ``classroom``, like a projector screen would) they play at
``CLASSROOM_VOLUME``, and the sounds that only echo the player's own action
(``QUIET_IN_CLASS``) do not play at all: thirty laptops chiming at once is
noise, not feedback.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pygame

from .locations import assets_dir
from .quiet import quiet_stderr as _quiet_stderr

SOUND_NAMES = ("message_in", "message_out", "notice", "flag", "nudge")
SOLO_VOLUME = 0.8
CLASSROOM_VOLUME = 0.3
QUIET_IN_CLASS = frozenset({"message_out"})


class Sounds:
    def __init__(self, folder: Path | None = None, muted: bool = False,
                 classroom: Callable[[], bool] | bool = False):
        self.folder = folder if folder is not None else assets_dir() / "sounds"
        self.muted = muted
        self.classroom = classroom
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._started = False
        self.available = False

    def in_classroom(self) -> bool:
        return bool(self.classroom() if callable(self.classroom) else self.classroom)

    def volume(self, name: str) -> float:
        """How loud ``name`` plays now (0 = not at all), before the mixer's own volume."""
        if self.muted:
            return 0.0
        if self.in_classroom():
            return 0.0 if name in QUIET_IN_CLASS else CLASSROOM_VOLUME
        return SOLO_VOLUME

    def _start(self) -> None:
        self._started = True
        try:
            if not pygame.mixer.get_init():
                with _quiet_stderr():   # without a sound card ALSA prints a screenful of errors
                    pygame.mixer.init()
        except (pygame.error, NotImplementedError, OSError):
            self.available = False
            return
        self.available = True
        for name in SOUND_NAMES:
            for ext in (".wav", ".ogg"):
                path = self.folder / (name + ext)
                if path.is_file():
                    try:
                        self._sounds[name] = pygame.mixer.Sound(str(path))
                    except (pygame.error, OSError):
                        pass
                    break

    def play(self, name: str) -> bool:
        """Play a sound by name; True if something was played."""
        level = self.volume(name)
        if level <= 0:
            return False
        if not self._started:
            self._start()
        snd = self._sounds.get(name)
        if snd is None:
            return False
        try:
            snd.set_volume(level)
            snd.play()
            return True
        except pygame.error:
            return False
