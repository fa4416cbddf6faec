"""The check's report model and its renderers (HTML section, CSV rows, JSON)."""

from __future__ import annotations

import csv
import io

from game.checks import change as ch
from game.checks import report_csv, report_html
from game.checks.report import CheckRow, build, to_plain


def rec(phase, hits, fas, *, form="A", complete=True, auc=0.5):
    return {"kind": "check", "form": form, "phase": phase, "complete": complete,
            "answers": [{"item": "a01", "answer": "red", "confidence": 3}, {"item": "a02", "skip": True}],
            "signal_items": 8, "noise_items": 8, "hits": hits, "false_alarms": fas,
            "hit_rate": hits / 8, "fa_rate": fas / 8, "d_prime": 0.0, "c": 0.0, "auc": auc}


def rows(n=10, code="7B"):
    out, k = [], 0
    for i in range(n):
        for phase, hits, fas, t in (("pre", 4, 4, 1.0), ("post", 8, 0, 2.0)):
            k += 1
            out.append(CheckRow(k, f"u{k}", f"Kid{i}", f"kid{i}", code, t + i / 100, rec(phase, hits, fas)))
    return out


def test_pooled_figures_per_phase_and_the_sentence():
    report = build(rows())
    [c] = report.classes
    assert c.class_code == "7B"
    # pre: 40 of 80 spotted, 40 of 80 flagged -> raw 0.5 and 0.5; corrected h = f = 40.5/81, d' = 0, c = 0
    assert (c.pre.counts.hits, c.pre.counts.signal_items, c.pre.hit_rate, c.pre.fa_rate) == (40, 80, 0.5, 0.5)
    assert abs(c.pre.d_prime) < 1e-12 and abs(c.pre.c) < 1e-12
    assert (c.post.hit_rate, c.post.fa_rate) == (1.0, 0.0)
    assert c.change.students == 10
    assert c.change.sentence == ch.IMPROVED
    assert c.pre.mean_auc == 0.5


def test_student_rows_for_the_counsellor():
    [c] = build(rows(2)).classes
    assert [s.player for s in c.students] == ["Kid0", "Kid1"]
    assert c.students[0].summary == ("before: 4/8 warning signs spotted, 4/8 normal chats flagged; "
                                     "after: 8/8 warning signs spotted, 0/8 normal chats flagged "
                                     "(tells them apart better)")
    assert c.students[0].delta_d_prime > 3
    assert c.change.sentence == ch.NOT_ENOUGH


def test_unfinished_and_nameless_checks_are_listed_but_not_paired():
    data = [CheckRow(1, "u1", None, None, "7B", 1.0, rec("pre", 4, 4)),
            CheckRow(2, "u2", None, None, "7B", 2.0, rec("post", 8, 0)),
            CheckRow(3, "u3", "Ana", "ana", "7B", 1.0, rec("pre", 4, 4)),
            CheckRow(4, "u4", "Ana", "ana", "7B", 2.0, rec("post", 8, 0, complete=False))]
    [c] = build(data).classes
    assert c.change.students == 0
    ana = next(s for s in c.students if s.player == "Ana")
    assert ana.post is None and "no check after playing yet" in ana.summary
    assert c.pre.checks == 2 and c.post.checks == 1


def test_classes_are_separate_and_the_same_nickname_in_two_classes_is_two_students():
    data = rows(10, "7B") + [CheckRow(100 + r.id, r.uid + "x", r.player, r.player_key, "8C", r.taken_at, r.record)
                             for r in rows(3, "8C")]
    report = build(data)
    assert [c.class_code for c in report.classes] == ["7B", "8C"]
    assert [c.change.students for c in report.classes] == [10, 3]


def test_html_section_has_the_sentence_the_chart_and_the_intervals():
    html = "".join(report_html.section(build(rows())))
    assert '<p class="verdict good">Discrimination improved</p>' in html
    assert "10 students took a check before and after playing." in html
    assert "<svg" in html and "before: 50%  (40 of 80)" in html and "after: 100%  (80 of 80)" in html
    assert "after: 0%  (0 of 80)" in html


def test_html_escapes_nicknames():
    data = [CheckRow(1, "u1", "<b>x</b>", "<b>x</b>", "7B", 1.0, rec("pre", 4, 4))]
    html = "".join(report_html.student_section(build(data)))
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_csv_has_one_row_per_check():
    data = rows(2)
    data[0] = CheckRow(1, "u1", "=cmd()", "=cmd()", "7B", 1.0, rec("pre", 4, 4))
    table = list(csv.DictReader(io.StringIO(report_csv.render(build(data)))))
    assert len(table) == 4
    assert list(table[0]) == list(report_csv.COLUMNS)
    assert table[0]["player"] == "'=cmd()"
    assert (table[0]["phase"], table[0]["hits"], table[0]["answers"]) == ("pre", "4", "a01:red3;a02:skip")
    assert (table[0]["answered"], table[0]["skipped"]) == ("1", "1")


def test_json_holds_classes_students_and_every_record():
    plain = to_plain(build(rows()))
    assert plain["classes"][0]["change"]["sentence"] == ch.IMPROVED
    assert len(plain["checks"]) == 20 and plain["checks"][0]["kind"] == "check"
    assert plain["classes"][0]["pre"]["hit_rate"] == 0.5
