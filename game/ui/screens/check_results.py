"""The counsellor view's "Before and after" page: the discernment check per class and per student.

Opened from the counsellor overview (route ``check_results``). Per class: the
sentence of prepost.md's rule in large type, the change in d' and c with
their 95% intervals, bars of warning signs spotted and normal chats flagged
before and after playing, then each student's own before and after in
counts. Figures come from game.checks.report, like the HTML report.
"""
from __future__ import annotations

from typing import Any

from game.checks import change as ch
from game.checks import report as check_report
from game.checks import storage
from game.checks.report_html import change_line

from ..app import App
from .counsellor_pages import HIGH, LOW, PageBuilder, PageScreen

SENTENCE_COLOUR = {ch.IMPROVED: HIGH, ch.SUSPICION: LOW}


class CheckResultsScreen(PageScreen):
    title = "Before and after: the discernment check"

    def __init__(self, app: App, store: Any, class_code: str | None = None):
        super().__init__(app, store)
        self.class_code = class_code
        self.report = check_report.build(storage.rows(store, class_code=class_code))

    def subtitle(self) -> str:
        scope = f"Class {self.class_code}" if self.class_code else "All classes"
        return (f"{scope}: {len(self.report.rows)} checks. Did students get better at telling manipulators "
                "from friends, or only more suspicious? Nicknames only; keep this confidential.")

    def build_body(self, page: PageBuilder) -> None:
        if self.report.empty:
            page.text("No checks yet. Students take one with python main.py check --text (before playing and "
                      "again after about five chats).")
            return
        for c in self.report.classes:
            page.heading(f"Class {c.class_code}")
            page.text(c.change.sentence.capitalize(), "title", colour=SENTENCE_COLOUR.get(c.change.sentence))
            page.text(change_line(c), dim=True)
            page.bars([(f"{when}: warning signs spotted", f.hit_rate if f else None,
                        f"{f.counts.hits} of {f.counts.signal_items}" if f else "no check")
                       for when, f in (("Before", c.pre), ("After", c.post))])
            page.bars([(f"{when}: normal chats flagged", f.fa_rate if f else None,
                        f"{f.counts.false_alarms} of {f.counts.noise_items}" if f else "no check")
                       for when, f in (("Before", c.pre), ("After", c.post))], good_high=False)
            page.text("Students", "body_bold")
            for s in c.students:
                page.row([(s.player, 0.3), (_delta(s.delta_d_prime, "d′"), 0.35), (_delta(s.delta_c, "c"), 0.35)],
                         lambda: None, f"student:{c.class_code}:{s.player}", sub=s.summary)
        page.gap(6)
        page.text('Fewer than 10 students with both checks: "not enough data yet". Intervals: 2,000 resamples '
                  "of the students with a fixed seed.", "small", dim=True)


def _delta(value: float | None, name: str) -> str:
    return f"change in {name} –" if value is None else f"change in {name} {value:+.2f}"
