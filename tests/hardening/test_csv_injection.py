"""CSV cells cannot become formulas in a spreadsheet of any locale (OWASP "CSV Injection")."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from results_helpers import record_session, scenario

from game.results.reports import csv_report, model
from game.results.store import Store

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
PAYLOADS = ["x;=1+2", "x,=1+2", "a; =HYPERLINK(\"http://x\")", "ok;@SUM(A1)", "x;+1", "x;-1+2", 'x;"=1',
            "=cmd|' /C calc'!A0", "x;\t=1"]


def cells(text: str, delimiter: str) -> list[str]:
    out = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        out.extend(row)
    return out


def assert_no_formula(text: str) -> None:
    for delimiter in (",", ";"):   # a spreadsheet in an English or a German/French locale
        for cell in cells(text, delimiter):
            assert not cell.lstrip(' ').startswith(FORMULA_START), (delimiter, cell)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_a_formula_after_a_separator_is_defused(tmp_path, payload):
    with Store.open(path=tmp_path / "r.sqlite3") as store:
        record_session(store, scenario("generous-teammate"), player=payload)
        text = csv_report.render(model.build(store))
        stored = store.sessions()[0].player
    assert_no_formula(text)
    (row,) = list(csv.DictReader(io.StringIO(text)))
    assert row["player"].replace("'", "") == stored.replace("'", "")   # defused, nothing else changed


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab=+-@;,\t\r \"'"), max_size=12))
def test_no_cell_text_ever_starts_a_formula(value):
    safe = csv_report._safe(value)
    buf = io.StringIO()
    csv.writer(buf).writerow(["1", safe, "2"])
    assert_no_formula(buf.getvalue())
