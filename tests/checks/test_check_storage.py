"""Checks in the results store, on SQLite and PostgreSQL: save, read, history, forget, retention."""

from __future__ import annotations

import sqlalchemy as sa
from test_check_report import rec

from game.checks import storage
from game.results import db
from game.results.store import Store


def test_save_and_read_back(store_target):
    with Store.open(**store_target) as store:
        first = storage.save(store, rec("pre", 4, 4), form_sha256="a" * 64, player=" Ana ", class_code="7b",
                             taken_at=10.0)
        storage.save(store, rec("post", 8, 0, form="B"), form_sha256="b" * 64, player="ANA", class_code="7B",
                     taken_at=20.0)
        storage.save(store, rec("pre", 1, 1), form_sha256="a" * 64, player="Ben", class_code="8C", taken_at=5.0)
        got = storage.rows(store, class_code="7b")
        assert got[0].id == first
        assert [(r.player, r.class_code, r.taken_at, r.record["phase"]) for r in got] == \
            [("Ana", "7B", 10.0, "pre"), ("ANA", "7B", 20.0, "post")]
        assert got[0].record == rec("pre", 4, 4)
        assert [r.player for r in storage.rows(store, player="ana")] == ["Ana", "ANA"]
        assert storage.count(store) == 3 and storage.count(store, since=6.0) == 2


def test_history_for_the_schedule(store_target):
    with Store.open(**store_target) as store:
        assert storage.history(store, player="Ana", class_code="7B").class_first_forms == {}
        storage.save(store, rec("pre", 4, 4, form="A"), form_sha256="x", player="Ana", class_code="7B", taken_at=1.0)
        storage.save(store, rec("post", 4, 4, form="B"), form_sha256="x", player="Ana", class_code="7B", taken_at=2.0)
        storage.save(store, rec("pre", 4, 4, form="B"), form_sha256="x", player="Ben", class_code="7B", taken_at=3.0)
        storage.save(store, rec("pre", 4, 4, form="A"), form_sha256="x", player="Cy", class_code="9Z", taken_at=3.0)
        ana = storage.history(store, player="ana", class_code="7B")
        assert [(c.form, c.phase) for c in ana.checks] == [("A", "pre"), ("B", "post")]
        assert ana.class_first_forms == {"A": 1, "B": 1}
        assert ana.chats_finished == 0
        nobody = storage.history(store, player=None, class_code="7B")
        assert nobody.checks == () and nobody.class_first_forms == {"A": 1, "B": 1}


def test_forget_and_retention_delete_checks(store_target):
    with Store.open(**store_target) as store:
        for who, code, t in (("Ana", "7B", 1.0), ("Ben", "7B", 2.0), ("Ana", "8C", 3.0)):
            storage.save(store, rec("pre", 4, 4), form_sha256="x", player=who, class_code=code, taken_at=t)
        assert storage.delete(store, player="ana", class_code="7B") == 1
        assert storage.delete(store, class_code="7B") == 1
        assert storage.delete_older_than(store, 2.5) == 0
        assert storage.delete_older_than(store, 3.5) == 1
        assert storage.count(store) == 0


def test_the_migrated_table_matches_the_schema(store_target):
    with Store.open(**store_target) as store:
        columns = {c["name"] for c in sa.inspect(store.engine).get_columns("checks")}
        assert "record_json" in columns and "player_key" in columns
        assert "0003" in db.REVISIONS and db.REVISIONS.index("0003") <= db.REVISIONS.index(db.HEAD)
