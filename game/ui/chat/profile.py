"""The stranger's profile in the chat's side panel (or drawer): one flaggable card per item."""
from __future__ import annotations

from typing import Any

import pygame

HINT = "Tip: click any message or profile detail that feels off to flag it. Click again to unflag. Keys: Tab, F"


class ProfileCard:
    """One profile item in the side panel; flaggable."""

    def __init__(self, item: Any):
        self.item = item
        self.item_id: str = item.item_id
        self.rect = pygame.Rect(0, 0, 0, 0)   # screen coordinates (after scroll)
        self.h = 0
