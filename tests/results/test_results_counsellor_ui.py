"""The counsellor view in the game window: PIN gate, overview, drill-downs, export, idle lock."""

from __future__ import annotations

import csv
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

pygame = pytest.importorskip("pygame")

from results_helpers import fill_class, record_session, scenario  # noqa: E402
from test_results_report_model import Log  # noqa: E402

from game.results import pin  # noqa: E402
from game.results.reports import district, model  # noqa: E402
from game.results.store import Store  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.routes import ROUTES  # noqa: E402
from game.ui.screens import counsellor as cv  # noqa: E402
from game.ui.screens import counsellor_pages as pages  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def text(t):
    return pygame.event.Event(pygame.TEXTINPUT, text=t)


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


@pytest.fixture
def data(private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    with Store.open(private_data_dir) as store:
        fill_class(store, players=3, class_code="8B", quit_chance=0.1)
        record_session(store, scenario("generous-teammate"), player="zebra9", class_code="9A")
    return private_data_dir


@pytest.fixture
def app(data):
    a = App(Settings.load(data), size=(1280, 720), data_dir=data, routes=ROUTES)
    a.show_start()
    yield a
    a.close()


def open_with_pin(app, digits="482913"):
    gate = cv.CounsellorScreen(app)
    app.push(gate)
    app.tick([])
    return gate


def set_pin(app, digits="482913"):
    """The PIN is set at a terminal (`python main.py pin set`); then the gate opens with it."""
    with Store.open(app.data_dir) as store:
        pin.set_pin(store, digits)
    gate = open_with_pin(app)
    assert not gate.unset
    app.tick([text(digits), key(pygame.K_RETURN)])
    return app.top


def test_without_a_pin_the_window_says_how_to_set_one_and_sets_none(app, data):
    gate = open_with_pin(app)
    assert gate.unset and gate.fields == []
    assert "python main.py pin set" in gate.intro_text()
    app.tick([text("4829"), key(pygame.K_RETURN)])
    with Store.open(data) as store:
        assert not pin.is_set(store)          # nobody at the computer could choose it
    assert not isinstance(app.top, pages.OverviewScreen)


def test_later_visits_ask_for_the_pin_and_slow_down_guessing(app):
    set_pin(app)
    app.top.lock()
    now = [1000.0]
    gate = cv.CounsellorScreen(app, clock=lambda: now[0])
    app.push(gate)
    app.tick([])
    assert not gate.setting and len(gate.fields) == 1
    for wrong in ("1234", "2345", "3456"):
        app.tick([text(wrong), key(pygame.K_RETURN)])
        assert app.top is gate and "not right" in gate.message
    app.tick([text("482913"), key(pygame.K_RETURN)])            # right, but locked for a while
    assert app.top is gate and "Try again in" in gate.message
    now[0] += 6
    app.tick([text("482913"), key(pygame.K_RETURN)])
    assert isinstance(app.top, pages.OverviewScreen)


def show(ov, class_code):
    """Move the overview's class filter (Enter on the filter row) until it shows ``class_code``."""
    for _ in range(len(ov.classes) + 2):      # all classes, each class, "no class"
        if ov.class_code == class_code:
            return
        ov.cycle_class()
    raise AssertionError(f"the filter never reached {class_code!r}")


def test_the_overview_opens_on_the_class_that_played_last_and_reads_only_that_class(app, data):
    ov = set_pin(app)
    assert ov.classes == ["8B", "9A"] and ov.class_code == "9A"     # zebra9 of 9A played last
    with Store.open(data) as store:
        assert ov.report.overview == model.build(store, class_code="9A").overview
    assert [p.name for p in ov.report.players] == ["zebra9"]
    label = next(r for r in ov.rows if r.ident == "filter")
    label.activate()                                               # Enter: the next class, then all
    assert ov.class_code is None
    label = next(r for r in ov.rows if r.ident == "filter")
    label.activate()
    assert ov.class_code == "8B"


def test_with_one_class_the_overview_opens_on_everything(private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    with Store.open(private_data_dir) as store:
        record_session(store, scenario("generous-teammate"), player="solo1", class_code=None)
        record_session(store, scenario("generous-teammate"), player="fox", class_code="8B")
    a = App(Settings.load(private_data_dir), size=(1280, 720), data_dir=private_data_dir, routes=ROUTES)
    try:
        a.show_start()
        with Store.open(private_data_dir) as store:
            pin.set_pin(store, "482913")
        gate = open_with_pin(a)
        a.tick([text("482913"), key(pygame.K_RETURN)])
        assert gate is not a.top and a.top.class_code is None
        assert {p.name for p in a.top.report.players} == {"solo1", "fox"}
    finally:
        a.close()


def test_overview_shows_the_same_figures_as_the_report(app, data):
    ov = set_pin(app)
    show(ov, None)
    with Store.open(data) as store:
        rep = model.build(store)
    assert ov.report.overview == rep.overview
    # The overview lists only the newest sessions (a page of finished and one of unfinished
    # ones); the figures above still count every session.
    complete, unfinished = rep.overview["complete"], rep.overview["sessions"] - rep.overview["complete"]
    listed = ov.report.sessions
    assert sum(s.complete for s in listed) == min(complete, pages.SESSION_LIMIT)
    assert sum(not s.complete for s in listed) == min(unfinished, pages.SESSION_LIMIT)
    assert len(rep.sessions) == rep.overview["sessions"]
    players = [r for r in ov.rows if r.ident.startswith("player:")]
    assert len(players) == len(rep.players)
    assert "zebra9 (9A)" in {r.ident.split(":", 1)[1] for r in players}
    ov.cycle_class()                                              # all -> 8B
    assert ov.class_code == "8B"
    assert all(p.classes == ["8B"] for p in ov.report.players)
    with Store.open(data) as store:
        assert ov.report.overview == model.build(store, class_code="8B").overview
    assert not any(r.ident.startswith("player:zebra9") for r in ov.rows)


def test_keyboard_reaches_a_player_and_a_session_and_comes_back(app):
    ov = set_pin(app)
    target = next(r for r in ov.rows if r.ident.startswith("player:"))
    for _ in range(len(ov.focus.items)):
        if ov.focus.current is target:
            break
        app.tick([key(pygame.K_TAB)])
    assert ov.focus.current is target
    assert ov.scroller.view.contains(target.rect) or target.rect.top >= ov.scroller.view.top
    app.tick([key(pygame.K_RETURN)])
    player = app.top
    assert isinstance(player, pages.PlayerScreen)
    first = next(r for r in player.rows if r.ident.startswith("session:"))
    first.activate()
    app.tick([])
    assert isinstance(app.top, pages.SessionScreen)
    app.tick([key(pygame.K_ESCAPE)])
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is ov


def test_every_session_opens_including_unfinished_ones(app, data):
    ov = set_pin(app)
    show(ov, "8B")
    assert ov.report.unfinished_sessions, "the fixture has unfinished sessions"
    for s in ov.report.sessions:
        screen = pages.SessionScreen(app, ov.store, s)
        app.push(screen)
        app.tick([])
        assert screen.blocks
        app.pop()
    app.tick([])
    surf = app.surface
    colours = {tuple(surf.get_at((x, y)))[:3] for x in range(0, surf.get_width(), 16)
               for y in range(0, surf.get_height(), 16)}
    assert len(colours) > 8


def test_export_writes_html_and_csv_of_the_chosen_class(app, data):
    ov = set_pin(app)
    show(ov, "8B")
    ov.export()
    html_path, csv_path = ov.exported
    assert html_path.parent == data / "reports"
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert rows and {r["class"] for r in rows} == {"8B"}
    assert "zebra9" not in html_path.read_text(encoding="utf-8")
    assert type(app.top).__name__ == "NoticeDialog"


def test_the_view_locks_itself_after_five_idle_minutes(app):
    set_pin(app)
    app.tick([], pages.IDLE_LOCK_S - 1)
    assert isinstance(app.top, pages.OverviewScreen)
    app.tick([], 2)
    assert type(app.top).__name__ == "StartScreen"
    gate = open_with_pin(app)
    assert not gate.setting                         # the PIN is asked again


def test_players_are_paged(app, data):
    with Store.open(data) as store:
        for i in range(pages.PLAYER_PAGE + 3):
            record_session(store, scenario("generous-teammate"), player=f"p{i:03d}", class_code="7C", seed=i)
    ov = set_pin(app)
    total = len(ov.report.players)
    shown = [r for r in ov.rows if r.ident.startswith("player:")]
    assert len(shown) == pages.PLAYER_PAGE and total > pages.PLAYER_PAGE
    nxt = next(r for r in ov.rows if r.ident == "players:next")
    nxt.activate()
    app.tick([])
    rest = [r for r in ov.rows if r.ident.startswith("player:")]
    assert len(rest) == min(pages.PLAYER_PAGE, total - pages.PLAYER_PAGE)
    assert not {r.ident for r in rest} & {r.ident for r in shown}
    assert any(r.ident == "players:prev" for r in ov.rows)


def test_classes_side_by_side_weeks_and_the_follow_up_list(app, data):

    unsafe = Log("beta").say("b.0").say("b.1", "secrecy").reply("ok").end("ending", node="bad", outcome="unsafe")
    with Store.open(data) as store:
        now = store.clock()
        for k in range(2):
            store.add_session(unsafe.events, player="kit", class_code="9A", started_at=now - 8 * 86400 + k)
    ov = set_pin(app)
    show(ov, None)
    classes = [r.ident for r in ov.rows if r.ident.startswith("class:")]
    assert classes == ["class:8B", "class:9A"]
    from game.results.reports import district

    with Store.open(data) as store:
        expected = [f"follow_up:{f.player}:{f.class_code}" for f in district.follow_up(store)]
    follow = [r for r in ov.rows if r.ident.startswith("follow_up:")]
    assert [r.ident for r in follow] == expected and "follow_up:kit:9A" in expected
    follow = [r for r in follow if r.ident == "follow_up:kit:9A"]
    assert len(ov.report.weeks) >= 2
    if os.environ.get("REDFLAGS_REPORT_SHOTS"):
        ov.scroller.offset = max(0, next(r for r in ov.rows if r.ident == "class:8B").box.y - 80)
        ov._place_rows()
        app.tick([])
        pygame.image.save(app.surface, os.path.join(os.environ["REDFLAGS_REPORT_SHOTS"], "counsellor-district.png"))
    follow[0].activate()
    assert isinstance(app.top, pages.PlayerScreen) and app.top.player == "kit"
    app.tick([key(pygame.K_ESCAPE)])
    next(r for r in ov.rows if r.ident == "class:9A").activate()
    assert ov.class_code == "9A" and not any(r.ident.startswith("class:") for r in ov.rows)
    assert [r.ident for r in ov.rows if r.ident.startswith("follow_up:")] == ["follow_up:kit:9A"]


def test_a_districts_classes_and_follow_up_names_are_shown_a_page_at_a_time(app, data, monkeypatch):
    """A district has 100 classes and a thousand names to follow up: drawn all at once they took 500 MB."""
    from game.ui.screens import counsellor_district as blocks

    monkeypatch.setattr(blocks, "PAGE", 3)
    unsafe = Log("beta").say("b.0").say("b.1", "secrecy").reply("ok").end("ending", node="bad", outcome="unsafe")
    with Store.open(data) as store:
        for k in range(5):
            for _ in range(2):
                store.add_session(unsafe.events, player=f"kit{k}", class_code=f"C{k}")
    ov = set_pin(app)
    show(ov, None)
    for name, prefix in (("classes", "class:"), ("follow_up", "follow_up:")):
        with Store.open(data) as store:
            want = ([f"class:{c.class_code}" for c in district.compare_classes(store)] if name == "classes" else
                    [f"follow_up:{f.player}:{f.class_code}" for f in district.follow_up(store)])
        assert len(want) > 3

        def listed(prefix=prefix, name=name):
            return [r.ident for r in ov.rows if r.ident.startswith(prefix) and r.ident not in (f"{name}:next",
                                                                                                f"{name}:prev")]

        seen = listed()
        assert len(seen) == 3 and not any(r.ident == f"{name}:prev" for r in ov.rows)
        while any(r.ident == f"{name}:next" for r in ov.rows):
            next(r for r in ov.rows if r.ident == f"{name}:next").activate()
            app.tick([])
            page = listed()
            assert 0 < len(page) <= 3 and not set(page) & set(seen)
            assert any(r.ident == f"{name}:prev" for r in ov.rows)
            seen += page
        assert seen == want                   # every row once, in the report's order
    show(ov, "C1")                            # another class starts again on the first page of each list
    assert [r.ident for r in ov.rows if r.ident.startswith("follow_up:")] == ["follow_up:kit1:C1"]


def test_a_class_row_for_sessions_without_a_class_code_opens_no_class(app, data):
    from game.results.store import NO_CLASS

    with Store.open(data) as store:
        for who in ("lone1", "lone2"):
            record_session(store, scenario("generous-teammate"), player=who, class_code=None)
        all_sessions = len(store.sessions(modes=("solo", "class")))
    ov = set_pin(app)
    show(ov, None)
    assert ov.report.overview["sessions"] == all_sessions
    next(r for r in ov.rows if r.ident == "class:no class").activate()
    assert ov.class_code == NO_CLASS                                # before: None, "all classes"
    assert ov.report.overview["sessions"] == 2 and ov.report.overview["players"] == 2
    assert {p.name for p in ov.report.players} == {"lone1", "lone2"}
    assert ov.subtitle().startswith("Sessions without a class code: 2 sessions")
    # the filter row goes round every class, "no class" and all classes
    seen = []
    for _ in range(len(ov.classes) + 2):
        ov.cycle_class()
        seen.append(ov.class_code)
    assert seen == [None, "8B", "9A", NO_CLASS]
    # a player without a class opens on their own sessions, not on a namesake's in a class
    with Store.open(data) as store:
        record_session(store, scenario("generous-teammate"), player="lone1", class_code="9A")
    show(ov, NO_CLASS)
    next(r for r in ov.rows if r.ident == "player:lone1").activate()
    assert isinstance(app.top, pages.PlayerScreen) and app.top.class_code == NO_CLASS
    assert len(app.top.report.sessions) == 1


def test_results_move_between_computers_on_a_usb_stick(app, data, tmp_path, monkeypatch):
    from game.results import bundle
    from game.ui.screens import counsellor_bundles as bundles

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("REDFLAGS_BUNDLE_DIRS", str(usb))
    ov = set_pin(app)
    show(ov, "8B")
    next(b for b in ov.header_buttons if b.ident == "bundles").activate()
    page = app.top
    assert isinstance(page, bundles.BundleScreen) and page.class_code == "8B"
    app.tick([])
    next(r for r in page.rows if r.ident == f"export:{usb}").activate()
    (written,) = usb.glob("*.rfbundle")
    assert written.name.startswith("red-flags-8B-") and "Exported" in page.message and not page.message_bad
    with Store.open(data) as store:
        n_8b = len(store.sessions(class_code="8B"))
        # remembered with whose results it holds, so forget and retention reach it on the stick too
        from game.results import report_files

        assert report_files.files_holding(store, report_files.Who(class_code="8B")) == [str(written.resolve())]
        assert report_files.files_holding(store, report_files.Who(class_code="9A")) == []
    assert len(bundle.read(written).sessions) == n_8b

    # the collecting computer: an empty store, the same stick
    other = tmp_path / "other"
    with Store.open(other) as hub:
        hub.add_session(Log("alpha").say("a.0").events, player="early", class_code="7C")
    hub = Store.open(other)
    try:
        page2 = bundles.BundleScreen(app, hub, None, data_dir=other)
        app.push(page2)
        app.tick([])
        row = next(r for r in page2.rows if r.ident == f"import:{written}")
        row.activate()
        assert page2.message == f"Imported {written.name}: {n_8b} sessions ({n_8b} added)."
        next(r for r in page2.rows if r.ident == f"import:{written}").activate()
        assert page2.message == f"Imported {written.name}: {n_8b} sessions (0 added, {n_8b} already here)."
        assert len(hub.sessions()) == n_8b + 1
        (usb / "holiday.rfbundle").write_bytes(b"not a bundle at all")
        page2.on_resize(app.size)
        next(r for r in page2.rows if r.ident == f"import:{usb / 'holiday.rfbundle'}").activate()
        assert page2.message_bad and "\n" not in page2.message
        assert page2.message == ("Refused: holiday.rfbundle: not a Red Flags results bundle; "
                                 "nothing was imported from it.")
        assert len(hub.sessions()) == n_8b + 1
        app.pop()
    finally:
        hub.close()


def test_after_an_import_the_overview_counts_the_new_sessions(app, data, tmp_path, monkeypatch):
    from game.results import bundle

    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setenv("REDFLAGS_BUNDLE_DIRS", str(usb))
    with Store.open(tmp_path / "laptop") as laptop:
        record_session(laptop, scenario("generous-teammate"), player="newcomer", class_code="6D")
        bundle.write(laptop, usb / "laptop.rfbundle")
    ov = set_pin(app)
    before = ov.classes
    ov.open_bundles()
    next(r for r in app.top.rows if r.ident == f"import:{usb / 'laptop.rfbundle'}").activate()
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is ov and ov.classes == sorted([*before, "6D"])
