"""Plain screens used until the real start and debrief screens exist.

``StartScreen`` offers the bundled scenarios (or just Quit); ``ResultScreen``
shows the score lines of a result record. Kept deliberately simple.
"""
from __future__ import annotations

from typing import Any

import pygame

from ..app import App
from ..widgets import Button
from .base import MenuScreen


class StartScreen(MenuScreen):
    title = "Red Flags"
    body = "Spot the warning signs in online chats before they go too far."

    def build(self) -> None:
        self.buttons = []
        for i, (ident, title) in enumerate(_scenarios()[:6]):
            self.buttons.append(Button(title, lambda s=ident: self._play(s), kind="choice", badge=str(i + 1),
                                       ident=ident))
        self.buttons.append(Button("Quit", self.app.quit, kind="normal", key=pygame.K_q))

    def _play(self, ident: str) -> None:
        from ..run import start_chat

        start_chat(self.app, ident)


class ResultScreen(MenuScreen):
    title = "Chat over"

    def __init__(self, app: App, result: dict, conversation: Any = None, **_extra: Any):
        self.result = result or {}
        score = self.result.get("score") or {}
        if self.result.get("complete") is False or self.result.get("outcome") == "quit":
            body = "You left the chat before it ended."
        else:
            body = (f"Score {score.get('total', '?')} / 100\n"
                    f"Spotting {round(100 * float(score.get('detection', 0)))}%   "
                    f"Getting out {round(100 * float(score.get('exit', 0)))}%   "
                    f"Keeping info private {round(100 * float(score.get('privacy', 0)))}%")
        super().__init__(app, body=body)

    def build(self) -> None:
        self.buttons = [Button("Back to start", self.app.show_start, kind="primary", key=pygame.K_RETURN)]

    escape_action = None


def _scenarios() -> list[tuple[str, str]]:
    """(id, title) of the bundled scenarios, [] when the library cannot be read."""
    try:
        from game.library import load_library

        return [(sc.id, sc.title) for sc in load_library().scenarios]
    except Exception:
        return []
