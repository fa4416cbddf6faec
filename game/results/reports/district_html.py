"""The HTML report's district sections: classes side by side, week by week, the follow-up list.

``html_report.render`` adds them from ``Report.classes``, ``Report.weeks`` and
``Report.follow_up`` (``district.py``): classes when the report spans more
than one, weeks when there are at least two, and the follow-up list only
when it was asked for (``report --follow-up``): it is for the counsellor
alone.
"""

from __future__ import annotations

import datetime as _dt

from ..stats import share_of
from . import charts
from .district import FOLLOW_UP_TITLE, FOLLOW_UP_WORDING
from .html_text import e
from .html_text import num as _num
from .model import Report


def _share(x: float | None, good_high: bool = True) -> str:
    return f"{charts.mini_bar(x, good_high=good_high)} {charts.pct(x)}"


def week_label(ts: float) -> str:
    """The Monday a week starts on (UTC), as the report prints it."""
    return _dt.datetime.fromtimestamp(ts, _dt.UTC).strftime("%Y-%m-%d")


def nav(r: Report) -> str:
    links = []
    if len(r.classes) > 1:
        links.append('<a href="#compare">Classes side by side</a>')
    if len(r.weeks) > 1:
        links.append('<a href="#weeks">Week by week</a>')
    if r.follow_up is not None:
        links.append('<a href="#follow-up">Worth a conversation</a>')
    return "".join(links)


def sections(r: Report) -> list[str]:
    out: list[str] = []
    schools = len({c.school for c in r.classes}) > 1
    if len(r.classes) > 1:
        out += ['<section id="compare"><h2>Classes side by side</h2>',
                '<p class="lead">The same figures for each class, from its finished chats. Classes played '
                "different scenarios and different numbers of chats, so read differences as questions for "
                "the next lesson, not as a ranking.</p>",
                "<table><thead><tr>" + ("<th>School</th>" if schools else "")
                + '<th>Class</th><th class="r">Players</th><th class="r">Finished chats</th>'
                '<th class="r">Average score</th><th>Warning signs spotted</th><th>Normal messages flagged</th>'
                "<th>Stayed too long</th><th>Reading</th></tr></thead><tbody>"]
        for c in r.classes:
            n = c.discernment.counts
            normal = _share(c.normal_flagged, good_high=False)
            out.append("<tr>" + (f"<td>{e(c.school or '–')}</td>" if schools else "")
                       + f"<td>{e(c.class_code or 'no class')}</td><td class=r>{c.players}</td>"
                       f"<td class=r>{c.complete} of {c.sessions}</td><td class=r>{_num(c.avg_total)}</td>"
                       f'<td title="{e(share_of(n.hits, n.signal_items))}">{_share(c.spotted)}</td>'
                       f'<td title="{e(share_of(n.false_alarms, n.noise_items))}">{normal}</td>'
                       f"<td>{_share(c.stayed_share, good_high=False)}</td><td>{e(c.reading)}</td></tr>")
        out.append("</tbody></table></section>")
    if len(r.weeks) > 1:
        out += ['<section id="weeks"><h2>Week by week</h2>',
                '<p class="lead">Weeks run Monday to Sunday (UTC); weeks without chats are left out. Better '
                "discernment shows as more warning signs spotted <i>without</i> more normal messages "
                "flagged.</p>",
                '<table><thead><tr><th>Week of</th><th class="r">Chats</th><th class="r">Finished</th>'
                "<th>Warning signs spotted</th><th>Normal messages flagged</th>"
                '<th class="r">False alarms per chat</th><th>Reading</th></tr></thead><tbody>']
        for w in r.weeks:
            per = "–" if w.false_alarms_per_chat is None else f"{w.false_alarms_per_chat:.1f}"
            out.append(f"<tr><td class=when>{week_label(w.week_start)}</td><td class=r>{w.sessions}</td>"
                       f"<td class=r>{w.complete}</td><td>{_share(w.spotted)}</td>"
                       f"<td>{_share(w.normal_flagged, good_high=False)}</td><td class=r>{per}</td>"
                       f"<td>{e(w.reading)}</td></tr>")
        out.append("</tbody></table></section>")
    if r.follow_up is not None:
        out += [f'<section id="follow-up"><h2>{e(FOLLOW_UP_TITLE)}</h2>',
                f'<p class="privacy">{e(FOLLOW_UP_WORDING)} This part is for you alone: leave it out of '
                "reports you share (it is only in this file because it was asked for).</p>"]
        if not r.follow_up:
            out.append("<p>Nobody reached an unsafe ending more than once or gave money after a threat.</p>")
        else:
            out.append("<table><thead><tr><th>Nickname</th><th>Class</th><th>What happened in the game"
                       "</th></tr></thead><tbody>")
            out += [f"<tr><td>{e(f.player)}</td><td>{e(f.class_code or 'no class')}</td><td>{e(f.why)}</td></tr>"
                    for f in r.follow_up]
            out.append("</tbody></table>")
        out.append("</section>")
    return out
