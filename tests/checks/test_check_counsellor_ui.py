"""The counsellor view's "Before and after" page (game/ui/screens/check_results.py)."""

from __future__ import annotations

import os
import random

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pytest  # noqa: E402

pygame = pytest.importorskip("pygame")

from game.checks import change as ch  # noqa: E402
from game.checks import storage  # noqa: E402
from game.checks.library import load_forms  # noqa: E402
from game.checks.simulate import take  # noqa: E402
from game.results.store import Store  # noqa: E402
from game.ui.app import App  # noqa: E402
from game.ui.routes import ROUTES  # noqa: E402
from game.ui.screens import counsellor as cv  # noqa: E402
from game.ui.screens import counsellor_pages as pages  # noqa: E402
from game.ui.screens.check_results import CheckResultsScreen  # noqa: E402
from game.ui.settings import Settings  # noqa: E402


def key(k, mod=0):
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def text(t):
    return pygame.event.Event(pygame.TEXTINPUT, text=t)


@pytest.fixture
def app(private_data_dir):
    private_data_dir.mkdir(parents=True, exist_ok=True)
    forms, rng = load_forms(), random.Random(2)
    with Store.open(private_data_dir) as store:
        for k in range(12):
            d, c = rng.gauss(1.0, 0.3), rng.gauss(0.0, 0.3)
            storage.save(store, take(rng, forms["A"], "pre", d, c), form_sha256="x", player=f"kid{k}",
                         class_code="8B", taken_at=store.clock() - 3600 + k)
            storage.save(store, take(rng, forms["B"], "post", d + 1.5, c), form_sha256="x", player=f"kid{k}",
                         class_code="8B", taken_at=store.clock() + k)
    a = App(Settings.load(private_data_dir), size=(1280, 720), data_dir=private_data_dir, routes=ROUTES)
    a.show_start()
    yield a
    a.close()


def overview(app):
    from game.results import pin

    with Store.open(app.data_dir) as store:   # the PIN is set at a terminal (`python main.py pin set`)
        pin.set_pin(store, "482913")
    gate = cv.CounsellorScreen(app)
    app.push(gate)
    app.tick([])
    app.tick([text("482913"), key(pygame.K_RETURN)])
    return app.top


def test_the_overview_leads_to_the_before_and_after_page(app, private_data_dir):
    ov = overview(app)
    assert isinstance(ov, pages.OverviewScreen)
    row = next(r for r in ov.rows if r.ident == "check_results")
    row.activate()
    app.tick([])
    page = app.top
    assert isinstance(page, CheckResultsScreen)
    [c] = page.report.classes
    assert c.change.students == 12 and c.change.sentence == ch.IMPROVED
    assert [r.ident for r in page.rows][:2] == ["student:8B:kid0", "student:8B:kid1"]
    app.tick([key(pygame.K_ESCAPE)])
    assert app.top is ov


def test_export_writes_the_check_section_and_csv(app, private_data_dir):
    ov = overview(app)
    ov.export()
    html = next(p for p in ov.exported if p.suffix == ".html").read_text(encoding="utf-8")
    assert "Discrimination improved" in html
    checks_csv = next(p for p in ov.exported if p.name.endswith(".checks.csv"))
    assert len(checks_csv.read_text(encoding="utf-8").splitlines()) == 25

