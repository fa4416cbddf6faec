"""Checks travel in results bundles: exported, checked, imported once (merged by uid)."""

from __future__ import annotations

import gzip
import json

import pytest
from test_check_report import rec

from game.checks import storage
from game.results import bundle
from game.results.store import Filters, Store


def test_checks_go_out_and_come_in_once(tmp_path):
    with Store.open(path=tmp_path / "a.sqlite3") as there:
        storage.save(there, rec("pre", 4, 4), form_sha256="f" * 64, player="Ana", class_code="7B", taken_at=1e9)
        storage.save(there, rec("post", 8, 0, form="B"), form_sha256="g" * 64, player="Ben", class_code="8C",
                     taken_at=1e9 + 5)
        out = bundle.write(there, tmp_path / "x.rfbundle", Filters(class_code="7B"))
        assert out.sessions == 0
    lines = [json.loads(x) for x in gzip.decompress((tmp_path / "x.rfbundle").read_bytes()).splitlines()]
    assert lines[0]["version"] == bundle.VERSION == 2
    assert [x["check"]["player"] for x in lines if "check" in x] == ["Ana"]
    assert lines[-1]["end"]["checks"] == 1
    with Store.open(path=tmp_path / "b.sqlite3") as here:
        first = bundle.import_file(here, tmp_path / "x.rfbundle")
        again = bundle.import_file(here, tmp_path / "x.rfbundle")
        assert (first.checks, first.checks_added, again.checks_added) == (1, 1, 0)
        [row] = storage.rows(here)
        assert (row.player, row.class_code, row.taken_at, row.record) == ("Ana", "7B", 1e9, rec("pre", 4, 4))


def test_a_damaged_check_line_is_refused_and_nothing_changes(tmp_path):
    with Store.open(path=tmp_path / "a.sqlite3") as there:
        storage.save(there, rec("pre", 4, 4), form_sha256="f", player="Ana", class_code="7B", taken_at=1e9)
        bundle.write(there, tmp_path / "x.rfbundle")
    raw = gzip.decompress((tmp_path / "x.rfbundle").read_bytes()).replace(b'"phase":"pre"', b'"phase":"later"')
    (tmp_path / "y.rfbundle").write_bytes(gzip.compress(raw))
    with Store.open(path=tmp_path / "b.sqlite3") as here:
        with pytest.raises(bundle.BundleError, match="line 2: check"):
            bundle.import_file(here, tmp_path / "y.rfbundle")
        assert storage.count(here) == 0
