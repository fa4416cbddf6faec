"""The counsellor overview shows class sessions (votes per reply, flag heat map) apart from solo play."""

from __future__ import annotations

import os

import pygame

from game.library import find_scenario
from game.results.reports import class_sessions
from game.results.store import Store
from game.session import Session
from game.ui.app import App
from game.ui.routes import ROUTES
from game.ui.screens import counsellor_pages as pages
from game.ui.settings import Settings


def _class_session(store: Store) -> None:
    s = Session(find_scenario("generous-teammate"), seed=4)
    s.start()
    s.deliver_all()
    s.execute_line("2")
    s.deliver_all()
    s.execute_line("block")
    events = s.events
    store.add_session(events, class_code="8B", mode="class_session", uid="u1")
    klass = store.session_by_uid("u1")
    assert klass is not None
    choices = next(e for e in events if e["type"] == "choices")
    store.record_vote(klass.id, 1, {"1": 1, "2": 2, "3": 0, "block": 0, "report": 0, "leave": 0},
                      node=choices["node"], chosen="2")
    cut = next(i for i, e in enumerate(events) if e["type"] == "choices")
    for player, flagged in (("fox", ["intro.3"]), ("owl", ["intro.3", "profile.bio"]), ("kiwi", [])):
        own = events[:cut] + [{"type": "flag", "id": i, "t": 1.0} for i in flagged] + events[cut:]
        store.add_session(own, player=player, class_code="8B", mode="class", class_session_uid="u1")


def test_the_overview_draws_the_class_sessions(private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    with Store.open(private_data_dir) as store:
        _class_session(store)
    app = App(Settings.load(private_data_dir), size=(1280, 720), data_dir=private_data_dir, routes=ROUTES)
    try:
        with Store.open(private_data_dir) as store:
            ov = pages.OverviewScreen(app, store)
            app.push(ov)
            app.tick([])
            cs = ov.class_report
            assert cs.total == 1 and {r.player for r in cs.students} == {"fox", "owl", "kiwi"}
            heat = {h.item_id: h for h in cs.sessions[0].heat}
            assert (heat["intro.3"].flagged, heat["intro.3"].of) == (2, 3)
            blocks = class_sessions.page_blocks(cs)
            assert ("heading", "Class sessions") in blocks
            shots = os.environ.get("CLASS_SHOTS_DIR")
            for _ in range(12):       # scroll down to the class sessions
                app.tick([pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0, unicode="",
                                             scancode=0)])
                app.draw()
                if shots:
                    pygame.image.save(app.surface, os.path.join(shots, f"counsellor-overview-{_}.png"))
    finally:
        app.close()
