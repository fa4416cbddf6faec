"""Report figures computed in SQL equal those computed from the sessions in memory, on both engines."""

import io

import pytest
from results_helpers import fill_class, record_session, scenario

from game.results.reports import csv_report, model
from game.results.store import Filters, Store


def plain(report):
    out = model.to_plain(report, transcripts=False)
    out.pop("generated_at")
    for p in out["players"] + out.get("follow_up", []):
        p["player"] = p["player"].casefold()
    for p in out["players"]:
        p["label"] = p["label"].casefold()
    out["players"].sort(key=lambda p: (p["player"], p["classes"]))
    out["scenarios"].sort(key=lambda s: s["scenario"])
    return out


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlrep") / "r.sqlite3"
    with Store.open(path=path) as st:
        fill_class(st, players=3, class_code="8B", seed=1, quit_chance=0.1)
        fill_class(st, players=2, class_code="9A", seed=2, quit_chance=0.1)
        record_session(st, scenario("generous-teammate"), player=None, class_code=None)
    return path


@pytest.mark.parametrize("filters", [{}, {"class_code": "8B"}, {"player": "FOX1"}, {"class_code": "9A", "player": "fox1"}])
def test_sql_figures_equal_the_in_memory_figures(filled, filters):
    with Store.open(path=filled) as st:
        fast = model.build(st, **filters, now=0, follow_up=True)
        recs = st.sessions(with_events=True, **filters)
        slow = model.build_from(recs, st.scenario_infos(), now=0, follow_up=True,
                                filters={"class": filters.get("class_code"), "player": filters.get("player")})
    assert fast.overview["sessions"] > 0
    assert plain(fast) == plain(slow)
    if not filters:      # the data has players to follow up (else the comparison would say little)
        assert fast.follow_up and {f.class_code for f in fast.follow_up} >= {"8B", "9A"}


def test_the_same_report_on_postgresql(filled, store_target):
    if "database" not in store_target:
        pytest.skip("the SQLite run is the test above")
    from game.results import bundle

    with Store.open(path=filled) as st:
        path = bundle.write(st, filled.parent / "all.rfbundle").path
        want = plain(model.build(st, class_code="8B", now=0))
    with Store.open(**store_target) as pg:
        bundle.import_file(pg, path)
        assert plain(model.build(pg, class_code="8B", now=0)) == want


def test_first_page_lists_only_the_newest_sessions_without_reading_events(filled):
    with Store.open(path=filled) as st:
        whole = model.build(st)
        page = model.build(st, sessions=5, transcripts=False)
    assert page.overview == whole.overview and plain(page)["players"] == plain(whole)["players"]
    assert len(page.complete_sessions) == 5 and len(page.unfinished_sessions) <= 5
    newest = sorted(whole.complete_sessions, key=lambda s: (s.started_at, s.id))[-5:]
    assert [s.id for s in page.complete_sessions] == [s.id for s in newest]
    assert all(not s.lines_loaded and not s.lines for s in page.sessions)
    with Store.open(path=filled) as st:
        full = model.session_view(st, page.sessions[0].id)
    assert full.lines_loaded and full.lines


def test_streamed_csv_equals_the_csv_of_the_whole_report(filled):
    with Store.open(path=filled) as st:
        buf = io.StringIO()
        n = csv_report.stream(st, Filters(), buf)
        assert buf.getvalue() == csv_report.render(model.build(st))
        assert n == len(st.sessions())


def test_without_players_kinds_every_other_figure_is_the_same(filled, store_target):
    """The counsellor overview asks for no player's red-flag kinds (a district's 44,000 rows less)."""
    target = {"path": filled}
    if "database" in store_target:
        from game.results import bundle

        with Store.open(path=filled) as st:
            path = bundle.write(st, filled.parent / "kinds.rfbundle").path
        with Store.open(**store_target) as pg:
            bundle.import_file(pg, path)
        target = store_target
    with Store.open(**target) as st:
        full, lean = plain(model.build(st, now=0)), plain(model.build(st, now=0, player_kinds=False))
    assert any(p["categories"] for p in full["players"]) and not any(p["categories"] for p in lean["players"])
    for p in full["players"] + lean["players"]:
        p.pop("categories")
    assert lean == full and lean["categories"]
