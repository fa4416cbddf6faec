"""The counsellor overview's district blocks: classes side by side, week by week, the follow-up list.

Drawn by ``counsellor_pages.OverviewScreen`` from ``Report.classes``,
``Report.weeks`` and ``Report.follow_up`` (``game.results.reports.district``);
the follow-up list is shown here, behind the PIN, and never in a shared file.
A district's lists are long (100 classes, a thousand names to follow up), so
classes and the follow-up list are shown ``PAGE`` rows at a time, like the
players: every row is a drawn surface, and all of them at once would take
hundreds of megabytes.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from functools import partial
from typing import Any

from game.results.reports import district
from game.results.reports.charts import pct
from game.results.store import NO_CLASS

PAGE = 50           # class rows / follow-up rows per page


def week(ts: float) -> str:
    """The Monday (UTC) a week of ``district.weekly`` starts on."""
    return _dt.datetime.fromtimestamp(ts, _dt.UTC).strftime("%Y-%m-%d")


def _paged(page: Any, items: list[Any], at: int, name: str, noun: str, turn: Callable[[str, int], None],
           draw: Callable[[Any], None]) -> None:
    """Rows ``at * PAGE`` .. of ``items``, with "Previous" / "Next" rows (idents ``NAME:prev``, ``NAME:next``)."""
    first = max(0, min(at, (len(items) - 1) // PAGE)) * PAGE
    if first:
        page.row([(f"Previous {PAGE} {noun}", 1.0)], partial(turn, name, -1), f"{name}:prev")
    for item in items[first:first + PAGE]:
        draw(item)
    rest = len(items) - first - PAGE
    if rest > 0:
        page.row([(f"Next {min(rest, PAGE)} {noun} (of {len(items)})", 1.0)], partial(turn, name, 1), f"{name}:next")


def body(page: Any, rep: Any, *, show_class: Callable[[str | None], None],
         open_player: Callable[[Any], None], pages: dict[str, int] | None = None,
         turn: Callable[[str, int], None] | None = None) -> None:
    """Classes side by side (all classes), week by week, and the follow-up list.

    ``pages``: the page shown of the lists "classes" and "follow_up" (0 first); ``turn(name, step)`` turns one."""
    at = pages or {}

    def no_turn(name: str, step: int) -> None:
        return None

    turn = turn or no_turn
    if len(rep.classes) > 1:
        page.heading("Classes side by side")
        page.text("From each class's finished chats. Classes played different scenarios: read differences as "
                  "questions for the next lesson, not as a ranking. Select a class to open it.", dim=True)

        def class_row(c: Any) -> None:
            name = c.class_code or "no class"
            page.row([(name if not c.school else f"{name} ({c.school})", 0.22), (f"{c.players} players", 0.16),
                      (f"{c.complete} finished", 0.16), (f"spotted {pct(c.spotted)}", 0.16),
                      (f"normal {pct(c.normal_flagged)}", 0.15), (f"stayed {pct(c.stayed_share)}", 0.15)],
                     partial(show_class, NO_CLASS if c.class_code is None else c.class_code), f"class:{name}",
                     sub=c.reading)

        _paged(page, rep.classes, at.get("classes", 0), "classes", "classes", turn, class_row)
    if len(rep.weeks) > 1:
        page.heading("Week by week: warning signs spotted")
        page.text("Weeks run Monday to Sunday. Better discernment is more warning signs spotted without more "
                  "normal messages flagged.", dim=True)
        page.bars([(f"week of {week(w.week_start)}", w.spotted,
                    f"normal {pct(w.normal_flagged)} · {w.complete} chats") for w in rep.weeks[-12:]])
    if rep.follow_up is not None:
        page.heading(district.FOLLOW_UP_TITLE)
        page.text(district.FOLLOW_UP_WORDING, dim=True)
        if not rep.follow_up:
            page.text("Nobody here reached an unsafe ending more than once or gave money after a threat.")

        def follow_row(f: Any) -> None:
            page.row([(f.player, 0.3), (f"class {f.class_code}" if f.class_code else "no class", 0.2),
                      (f.why, 0.5)], partial(open_player, f), f"follow_up:{f.player}:{f.class_code}")

        _paged(page, rep.follow_up, at.get("follow_up", 0), "follow_up", "names", turn, follow_row)
