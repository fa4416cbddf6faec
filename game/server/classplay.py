"""The class's one conversation, driven by the teacher (an adapter over the shared session).

Everything a class session does to the conversation goes through here:
start, deliver the next message, let time pass (an idle nudge, only when
the teacher asks), play a reply or a platform action, end. It wraps the
same ``game.session.Session`` every front end drives, so the class's event
log is exactly what a solo player's would be for the same commands.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from ..engine import END_ACTIONS, CommandError
from ..model import Scenario
from ..session import Session

__all__ = ["END_ACTIONS", "ClassConversation", "CommandError"]


class _Forward:
    """A session recorder that hands every event to a callback."""

    def __init__(self, callback: Callable[[dict[str, Any]], None]) -> None:
        self.callback = callback

    def on_event(self, event: dict[str, Any]) -> None:
        self.callback(event)

    def finish(self, result: dict[str, Any]) -> None:
        pass


class ClassConversation:
    def __init__(self, scenario: Scenario, seed: int, on_event: Callable[[dict[str, Any]], None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.scenario = scenario
        self.session = Session(scenario, seed=seed, recorder=_Forward(on_event), clock=clock)
        self.conv = self.session.conv

    @property
    def seed(self) -> int:
        return self.session.seed

    @property
    def events(self) -> list[dict[str, Any]]:
        return self.conv.events

    @property
    def ended(self) -> bool:
        return self.conv.ended

    @property
    def pending(self) -> int:
        return len(self.conv.pending)

    def start(self) -> None:
        self.session.start()

    def deliver_next(self) -> dict[str, Any] | None:
        return self.conv.deliver_next()

    def deliver_all(self) -> list[dict[str, Any]]:
        return self.conv.deliver_all()

    def wait(self) -> bool:
        return self.conv.wait()

    def choices(self) -> list[str]:
        return [c.text for c in self.conv.choices()]

    def choose(self, shown: int) -> None:
        self.conv.choose(shown)

    def end_action(self, how: str) -> None:
        self.conv.end_action(how)

    def quit(self) -> None:
        if not self.conv.ended:
            self.conv.quit()

    def resolve_item(self, ref: str) -> str:
        """An item id from "3", "intro.1" or "profile.bio"; CommandError for anything else."""
        return self.conv.resolve_item(ref)

    def elapsed(self) -> float:
        return self.conv.elapsed()

    def delivered(self) -> list[dict[str, Any]]:
        return [e for e in self.conv.events if e["type"] == "deliver"]
