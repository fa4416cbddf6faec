"""The stranger's profile in the chat's side panel (or drawer): one flaggable card per item."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

HINT = "Tip: click any message or profile detail that feels off to flag it. Click again to unflag. Keys: Tab, F"


class ProfileCard:
    """One profile item in the side panel; flaggable."""

    def __init__(self, item: Any, picture: Path | None = None):
        self.item = item
        self.item_id: str = item.item_id
        self.picture = picture                # the item's profile photo, when it has one that can be shown
        self.rect = pygame.Rect(0, 0, 0, 0)   # screen coordinates (after scroll)
        self.h = 0

    def picture_height(self, width: int, gap: int) -> int:
        """How much taller the card is for its photo (0 without one)."""
        return self.picture_size(width)[1] + gap if self.picture is not None else 0

    def picture_size(self, width: int) -> tuple[int, int]:
        """The photo's size in a card whose text is ``width`` wide: the full width, 3:2 (the photos' shape)."""
        if self.picture is None:
            return 0, 0
        return width, width * 2 // 3
