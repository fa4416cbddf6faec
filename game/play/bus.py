"""An event bus: a session fans each engine event out to every listener.

The results recorder is one listener; a projector, a teacher's dashboard or a
browser's live feed are others. A listener that fails (a closed connection)
never stops the game: the error is kept in ``last_error`` and the other
listeners still get the event.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Listener = Callable[[dict[str, Any]], None]


class EventBus:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self.last_error: str | None = None

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Add a listener; returns a function that removes it again."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)
        return unsubscribe

    @property
    def listeners(self) -> tuple[Listener, ...]:
        return tuple(self._listeners)

    def publish(self, event: dict[str, Any]) -> None:
        for listener in list(self._listeners):
            try:
                listener(event)
            except Exception as exc:  # noqa: BLE001 - a live listener must never stop the game
                self.last_error = f"{getattr(listener, '__qualname__', listener)!s}: {exc}"
