"""Headless set-up for the window tests: dummy video and audio before pygame is imported."""
import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.library import find_scenario  # noqa: E402
from game.session import Session  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.routes import ROUTES  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


@pytest.fixture
def settings(private_data_dir):
    s = Settings.load(private_data_dir)
    s.typing_speed = "instant"
    return s


@pytest.fixture
def app(settings):
    a = App(settings, size=(1280, 720), routes=ROUTES)
    yield a
    a.close()


@pytest.fixture
def chat_factory(app):
    """chat_factory(scenario_id, seed=1) -> ChatScreen pushed on the app (paced, not scripted)."""
    from game.ui.screens.chat import ChatScreen

    def make(scenario_id: str, seed: int = 1, **kw):
        session = Session(find_scenario(scenario_id), seed=seed)
        chat = ChatScreen(app, session, **kw)
        app.push(chat)
        app.tick([])
        return chat

    return make


def run_until(app, predicate, dt=0.1, limit=400):
    """Tick the app with simulated time until predicate() holds."""
    for _ in range(limit):
        if predicate():
            return True
        app.tick([], dt)
    return predicate()


def key(k, mod=0, unicode=""):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode=unicode, scancode=0)


def click(pos):
    return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1),
            pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1)]
