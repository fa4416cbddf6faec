"""The discernment check in the window: one short chat at a time, "red flag" or "safe", then how sure.

``CheckScreen(app, session, on_done)`` drives a game.checks.session.CheckSession
exactly as the terminal does (the same words, from game.checks.words): the
item's lines, then the buttons Red flag / Safe / Skip (keys R, S, K, or 1-3),
then How sure? with 1 guessing ... 4 certain (keys 1-4). Escape stops; what
was answered is kept. At the end the check is stored (``store_check``) and
the player sees only "Thanks!" and, after a later check, their own change in
words; Continue calls ``on_done``.

``CheckOfferDialog`` offers a check that is due (before the first chat, after
the teacher's number of chats, a week after the post check); "Not now" skips
it for the rest of this run of the game.
"""
from __future__ import annotations

import functools
from collections.abc import Callable

import pygame

from game.checks import words
from game.checks.library import load_forms
from game.checks.session import CheckSession

from ..app import App
from ..check_flow import decline, store_check
from ..widgets import Button
from .base import DialogScreen, MenuScreen


class CheckScreen(MenuScreen):
    skin = "menu"

    def __init__(self, app: App, session: CheckSession, on_done: Callable[[], None] | None = None):
        self.session = session
        self.on_done = on_done
        self.answer: str | None = None      # "red" / "safe" chosen, waiting for how sure
        self.finished_words: str | None = None
        super().__init__(app)

    escape_action = None

    def build(self) -> None:
        s = self.session
        if self.finished_words is not None:
            self.title = words.THANKS if s.complete else words.THANKS_PARTLY
            self.body = self.finished_words
            self.buttons = [Button("Continue", self.done, kind="primary", ident="continue")]
            return
        item = s.item
        assert item is not None
        self.title = f"{words.TITLE}  {s.number}/{s.total}"
        lines = [words.PLATFORMS.get(item.platform, item.platform).capitalize(), ""]
        lines += [f"{words.SPEAKERS[line.speaker].capitalize()}: {line.text}" for line in item.lines]
        if s.number == 1 and self.answer is None:
            lines = [words.INTRO[s.phase], words.NOT_A_TEST, ""] + lines
        lines += ["", words.HOW_SURE if self.answer else words.QUESTION]
        self.body = "\n".join(lines)
        if self.answer is None:
            self.buttons = [Button(words.RED_LABEL, lambda: self.choose("red"), kind="primary", badge="1",
                                   key=pygame.K_r, ident="red"),
                            Button(words.SAFE_LABEL, lambda: self.choose("safe"), badge="2", key=pygame.K_s,
                                   ident="safe"),
                            Button(words.SKIP_LABEL, self.skip, kind="ghost", badge="3", key=pygame.K_k,
                                   ident="skip")]
        else:
            self.buttons = [Button(words.CONFIDENCE[n].capitalize(), functools.partial(self.sure, n), badge=str(n),
                                   ident=f"sure{n}") for n in (1, 2, 3, 4)]
        self.buttons.append(Button("Stop the check", self.stop, kind="ghost", key=pygame.K_ESCAPE, ident="stop"))

    def _rebuild(self) -> None:
        self.buttons = []
        self.build()
        self.scroll = 0
        self.on_resize(self.app.size)

    def choose(self, answer: str) -> None:
        self.answer = answer
        self._rebuild()

    def sure(self, confidence: int) -> None:
        assert self.answer is not None
        self.session.answer(self.answer, confidence)
        self.answer = None
        self._next()

    def skip(self) -> None:
        self.session.skip()
        self._next()

    def stop(self) -> None:
        self.session.quit()
        self._next()

    def _next(self) -> None:
        if self.session.done and self.finished_words is None:
            self.finished_words = store_check(self.app, self.session)
        self._rebuild()

    def done(self) -> None:
        if self.app.top is self:
            self.app.pop()
        if self.on_done is not None:
            self.on_done()


class CheckOfferDialog(DialogScreen):
    """"Before your first chat: a 3-minute check ..." with Take the check / Not now."""

    def __init__(self, app: App, phase: str, form: str, then: Callable[[], None], chats: int = 0):
        self.phase, self.form, self.then, self.chats = phase, form, then, chats
        super().__init__(app, words.TITLE, words.OFFER[phase].format(chats=chats) + "\n\n" + words.NOT_A_TEST)

    def build(self) -> None:
        self.buttons = [Button(words.TAKE_IT, self.take, kind="primary", badge="1", ident="take"),
                        Button(words.NOT_NOW, self.not_now, badge="2", ident="not_now")]

    def take(self) -> None:
        self.close()
        session = CheckSession(load_forms()[self.form], self.phase)
        self.app.push(CheckScreen(self.app, session, on_done=self.then))

    def not_now(self) -> None:
        decline(self.app)
        self.close()
        self.then()

    escape_action = not_now
