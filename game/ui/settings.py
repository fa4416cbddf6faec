"""Player settings, persisted as ``settings.json`` in the user data folder.

Loading never fails: a missing, unreadable or half-valid file gives the
defaults for whatever is wrong. Saving writes a temporary file and renames it,
so a crash never leaves half a file behind.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from game.play import help_country
from game.play.catalogue import AGE_CHOICES

#: Text size steps: (label, scale factor).
TEXT_SIZES: tuple[tuple[str, float], ...] = (
    ("Small", 0.85),
    ("Medium", 1.0),
    ("Large", 1.2),
    ("Extra large", 1.45),
)

#: Typing speed steps: (id, label, factor applied to typing delays).
TYPING_SPEEDS: tuple[tuple[str, str, float], ...] = (
    ("realistic", "Real-ish", 1.0),
    ("fast", "Fast", 0.35),
    ("instant", "Instant", 0.0),
)

SETTINGS_FILE = "settings.json"

#: The help country's "automatic" value: the school's setting, else the scenario's language.
AUTO_COUNTRY = help_country.AUTO


MAX_SETTINGS_BYTES = 64 * 1024   # settings.json is read up to this size; anything larger gives the defaults


@dataclass
class Settings:
    text_size: int = 1               # index into TEXT_SIZES
    high_contrast: bool = False
    typing_speed: str = "realistic"  # id from TYPING_SPEEDS
    muted: bool = False
    fullscreen: bool = False
    country: str = AUTO_COUNTRY      # whose help the debrief shows: auto or a country id of the help file
    picker_age: int = 0              # the picker shows only chats whose age band holds this age (0: all)
    projector: bool = False          # bigger text for the back of a classroom (game.ui.scaling)
    path: Path | None = field(default=None, compare=False, repr=False)

    # -- derived values -------------------------------------------------
    @property
    def text_scale(self) -> float:
        return TEXT_SIZES[self.text_size][1]

    @property
    def text_size_label(self) -> str:
        return TEXT_SIZES[self.text_size][0]

    @property
    def typing_factor(self) -> float:
        for ident, _label, factor in TYPING_SPEEDS:
            if ident == self.typing_speed:
                return factor
        return 1.0

    @property
    def typing_speed_label(self) -> str:
        for ident, label, _factor in TYPING_SPEEDS:
            if ident == self.typing_speed:
                return label
        return TYPING_SPEEDS[0][1]

    @property
    def country_choice(self) -> str | None:
        """The country to pass to ``game.taxonomy.help_for``; None when automatic."""
        return None if self.country == AUTO_COUNTRY else self.country

    # -- cycling helpers for settings screens ----------------------------
    def cycle_picker_age(self, step: int = 1) -> None:
        """All ages, then each age a teacher can limit the picker to."""
        i = AGE_CHOICES.index(self.picker_age) if self.picker_age in AGE_CHOICES else 0
        self.picker_age = AGE_CHOICES[(i + step) % len(AGE_CHOICES)]

    def cycle_country(self, country_ids: list[str], step: int = 1) -> None:
        """Automatic, then each country of the help file in turn."""
        choices = [AUTO_COUNTRY, *country_ids]
        i = choices.index(self.country) if self.country in choices else 0
        self.country = choices[(i + step) % len(choices)]

    def cycle_text_size(self, step: int = 1) -> None:
        self.text_size = (self.text_size + step) % len(TEXT_SIZES)

    def cycle_typing_speed(self, step: int = 1) -> None:
        ids = [t[0] for t in TYPING_SPEEDS]
        i = ids.index(self.typing_speed) if self.typing_speed in ids else 0
        self.typing_speed = ids[(i + step) % len(ids)]

    # -- persistence ------------------------------------------------------
    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("path", None)
        return d

    @classmethod
    def from_dict(cls, data: object) -> Settings:
        s = cls()
        if not isinstance(data, dict):
            return s
        for f in fields(cls):
            if f.name == "path" or f.name not in data:
                continue
            value = data[f.name]
            if f.name == "picker_age":
                if isinstance(value, int) and not isinstance(value, bool) and value in AGE_CHOICES:
                    s.picker_age = value
            elif f.name == "text_size":
                if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(TEXT_SIZES):
                    s.text_size = value
            elif f.name == "typing_speed":
                if value in {t[0] for t in TYPING_SPEEDS}:
                    s.typing_speed = value
            elif f.name == "country":   # checked against the help file where it is used
                if isinstance(value, str) and 0 < len(value) <= 8 and value.isascii() and value.isalpha():
                    s.country = value
            elif isinstance(value, bool):
                setattr(s, f.name, value)
        return s

    @classmethod
    def load(cls, folder: str | os.PathLike | None) -> Settings:
        """Settings from ``folder/settings.json`` (defaults if absent or bad)."""
        if folder is None:
            return cls()
        path = Path(folder) / SETTINGS_FILE
        data: object = None
        try:   # a damaged or hostile file gives the defaults: at most 64 KiB read, no deep nesting
            with open(path, "rb") as fh:
                raw = fh.read(MAX_SETTINGS_BYTES + 1)
            data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_SETTINGS_BYTES else None
        except (OSError, ValueError, RecursionError):
            data = None
        s = cls.from_dict(data)
        s.path = path
        return s

    def save(self) -> bool:
        """Write the settings; False (and nothing raised) if the folder is not writable."""
        if self.path is None:
            return False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.path.with_suffix(".json.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(self.to_dict(), fh, indent=2, sort_keys=True)
                fh.write("\n")
            os.replace(tmp, self.path)
            return True
        except OSError:
            return False
