"""Notification sounds that fall back to silence.

The mixer is started lazily; if it cannot start (no sound card, a dummy audio
driver that refuses, a missing file) every ``play`` is a no-op. Muting is a
setting and does not stop the mixer.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from .locations import assets_dir
from .quiet import quiet_stderr as _quiet_stderr

SOUND_NAMES = ("message_in", "message_out", "notice", "flag", "nudge")





class Sounds:
    def __init__(self, folder: Path | None = None, muted: bool = False):
        self.folder = folder if folder is not None else assets_dir() / "sounds"
        self.muted = muted
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._started = False
        self.available = False

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
        if self.muted:
            return False
        if not self._started:
            self._start()
        snd = self._sounds.get(name)
        if snd is None:
            return False
        try:
            snd.play()
            return True
        except pygame.error:
            return False
