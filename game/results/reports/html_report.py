"""The counsellor report as one self-contained HTML file.

Inline CSS and SVG only (plus a few lines of optional script for "open all"
buttons); nothing is fetched from the network, so the file can be mailed,
archived or opened on a school computer without internet. It prints on A4 or
Letter: navigation and buttons are hidden, charts and table rows are never
split across pages, colours are kept.

Every text that comes from a scenario file or a player is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable

from ... import scoring
from .. import stats
from ..stats import share_of
from ..store import NO_CLASS
from . import charts
from .findings import findings
from .html_text import e, num, when
from .model import MIN_ITEMS, NO_NICKNAME, Line, PlayerRow, Report, SessionView

OPEN_LIMIT = 12    # transcripts start open when the report has at most this many sessions


def pct(x: float | None) -> str:
    return charts.pct(x)


def scope_title(report: Report) -> str:
    f = report.filters
    player, klass = f.get("player"), f.get("class")
    if klass == NO_CLASS:              # the sessions played without a class code
        title = f"{player} without a class code" if player else "Sessions without a class code"
    elif player and klass:
        title = f"{player} in class {klass.upper()}"
    elif player:
        title = f"Player {player}"
    elif klass:
        title = f"Class {klass.upper()}"
    else:
        title = "All sessions on this device"
    if f.get("since"):
        title += f", since {when(f['since'], date_only=True)}"
    return title


CSS = """
:root { --ink:#1b1b1b; --muted:#5f5f5f; --line:#d9d9d9; --low:#d55e00; --mid:#e69f00; --high:#0072b2;
        --soft:#f5f5f2; --stranger:#f0f0ec; --player:#e4eef7; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 15px/1.45 "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; color: var(--ink);
       margin: 0 auto; padding: 24px 28px 48px; max-width: 1120px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 2px; }
h2 { font-size: 20px; margin: 34px 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--ink); break-after: avoid; }
h3 { font-size: 16px; margin: 18px 0 6px; break-after: avoid; }
p { margin: 6px 0; }
.sub { color: var(--muted); margin: 0 0 10px; }
.privacy { border-left: 4px solid var(--mid); background: #fff8e6; padding: 8px 12px; margin: 12px 0; font-size: 14px; }
.lead { color: var(--muted); font-size: 14px; max-width: 820px; }
nav { font-size: 14px; margin: 10px 0 0; }
nav a { margin-right: 14px; color: var(--high); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 14px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; min-width: 150px; break-inside: avoid; }
.card b { display: block; font-size: 28px; line-height: 1.1; }
.card span { color: var(--muted); font-size: 13px; }
ul.findings { padding-left: 20px; margin: 8px 0 4px; }
ul.findings li { margin: 4px 0; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; break-inside: avoid; font-family: inherit; }
svg.mini { vertical-align: middle; margin-right: 6px; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; margin: 8px 0; }
th, td { text-align: left; padding: 4px 7px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.when { white-space: nowrap; }
td.r, th.r { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.na { color: var(--muted); }
.tag { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 9px; background: #eee; margin: 1px 2px 1px 0; white-space: nowrap; }
.heat { table-layout: fixed; }
.heat th.cat { height: 215px; vertical-align: bottom; padding: 4px 2px; }
.heat th.cat div { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-weight: 500; font-size: 11.5px; margin: 0 auto; }
.heat td.h.few { opacity: .45; font-style: italic; }
.heat td.h { text-align: center; font-size: 12px; padding: 3px 1px; color: #000; }
.heat td.h.dark { color: #fff; }
.heat th.name, .heat td.name { width: 130px; }
.legend { font-size: 12.5px; color: var(--muted); }
.legend i { display: inline-block; width: 12px; height: 12px; vertical-align: -2px; margin: 0 4px 0 10px; }
.method { font-size: 13px; color: var(--muted); border-top: 1px solid var(--line); margin-top: 36px; padding-top: 10px; }
.buttons { margin: 8px 0; }
.buttons button { font: inherit; font-size: 13px; padding: 3px 10px; margin-right: 6px; }
details.session { border: 1px solid var(--line); border-radius: 6px; margin: 8px 0; padding: 0 12px; }
details.session > summary { cursor: pointer; padding: 8px 0; font-size: 14px; list-style-position: outside; }
details.session[open] > summary { border-bottom: 1px solid var(--line); margin-bottom: 8px; }
summary .score { float: right; font-weight: 700; }
.sgrid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; padding-bottom: 12px; }
.chat { font-size: 13.5px; }
.msg { margin: 5px 0; padding: 5px 9px; border-radius: 8px; max-width: 92%; break-inside: avoid; border: 1px solid transparent; }
.msg.s { background: var(--stranger); }
.msg.sys { background: #fff; border: 1px dashed #aaa; font-style: italic; }
.msg.p { background: var(--player); margin-left: auto; }
.msg .who { font-size: 11.5px; color: var(--muted); display: block; }
.msg .mark { display: block; font-size: 12px; font-weight: 600; margin-top: 2px; }
.msg.spotted { border-color: var(--high); border-left: 5px solid var(--high); }
.msg.spotted .mark { color: var(--high); }
.msg.missed { border-color: var(--low); border-left: 5px solid var(--low); }
.msg.missed .mark { color: var(--low); }
.msg.false_alarm { border-left: 5px solid #999; }
.msg.false_alarm .mark { color: #555; }
.msg.late { border: 1px solid var(--low); }
.msg.late .mark { color: var(--low); }
.exitline { text-align: center; font-size: 12px; font-weight: 700; color: var(--low); border-top: 2px dashed var(--low); margin: 10px 0 6px; padding-top: 2px; }
aside h4 { margin: 10px 0 4px; font-size: 14px; }
aside .blk { break-inside: avoid; }
aside ul, aside ol { margin: 4px 0; padding-left: 20px; font-size: 13.5px; }
aside table td { padding: 2px 6px; }
.ending { padding: 6px 9px; border-radius: 6px; background: var(--soft); font-size: 13.5px; }
.ending.unsafe { border-left: 5px solid var(--low); }
.ending.safe { border-left: 5px solid var(--high); }
.warn { color: var(--low); font-size: 13px; }
@page { margin: 14mm 12mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 12.5px; }
  nav, .buttons { display: none; }
  h2 { margin-top: 20px; }
  section.pagebreak { break-before: page; }
  details.session { break-inside: auto; border: none; border-top: 3px solid var(--ink); border-radius: 0; padding: 0; margin-top: 16px; }
  details.session:not([open]) { display: none; }
  details.session > summary { break-after: avoid; }
  .sgrid { display: flex; flex-direction: column; gap: 8px; }
  .sgrid > aside { order: -1; columns: 2; column-gap: 24px; border-bottom: 1px solid var(--line); padding-bottom: 6px; break-inside: avoid; }
  .sgrid > aside > * { break-inside: avoid; }
  .msg { max-width: 80%; }
  .keep { break-inside: avoid; }
  table { font-size: 11.5px; }
  th, td { padding: 3px 5px; }
  .card { min-width: 0; padding: 6px 10px; }
  .card b { font-size: 22px; }
  details.session > summary { list-style: none; }
}
@media screen and (max-width: 760px) { .sgrid { grid-template-columns: 1fr; } }
"""

SCRIPT = """
document.querySelectorAll('[data-open]').forEach(function (b) {
  b.addEventListener('click', function () {
    var open = b.getAttribute('data-open') === '1';
    document.querySelectorAll('details.session').forEach(function (d) { d.open = open; });
  });
});
"""


def render(report: Report, *, open_limit: int = OPEN_LIMIT, checks=None, classes=None) -> str:
    """The whole report as one HTML document (``checks``: a game.checks.report.CheckReport to include;
    ``classes``: the class sessions, a class_sessions.ClassSessions)."""
    from game.checks import report_html as check_html

    from . import class_sessions, district_html

    checks = checks if checks is not None and not checks.empty else None
    title = scope_title(report)
    out: list[str] = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Red Flags report: {e(title)}</title><style>{CSS}{check_html.CSS}{class_sessions.CSS}</style>"
        "</head><body>",
        "<header>",
        "<h1>Red Flags: what the class understood</h1>" if not report.filters.get("player")
        else "<h1>Red Flags: what this player understood</h1>",
        f'<p class="sub">{e(title)} · {report.overview["sessions"]} sessions'
        f' from {when(report.overview["first"], date_only=True)} to {when(report.overview["last"], date_only=True)}'
        f" · made {when(report.generated_at)}</p>",
        '<p class="privacy"><b>Nicknames only.</b> Players choose a nickname; this report holds no real '
        "names. Treat it as confidential, like any student record, and delete the file when it is no "
        "longer needed.</p>",
        '<nav><a href="#overview">Overview</a><a href="#teach">What to teach next</a>'
        '<a href="#stay">Stayed too long</a><a href="#shared">Information shared</a>'
        '<a href="#discernment">Telling signs apart</a>'
        + ('<a href="#who">Who missed what</a>' if len(report.players) > 1 else "")
        + ('<a href="#check">Before and after</a>' if checks else "")
        + ('<a href="#classes">Class sessions</a>' if classes is not None and not classes.empty else "")
        + district_html.nav(report)
        + '<a href="#sessions">Sessions</a></nav>',
        "</header>",
    ]
    if report.version_note:
        out.append(f'<p class="warn" role="alert">{e(report.version_note)}</p>')
    out += _overview(report)
    out += _teach(report)
    out += _stayed(report)
    out += _shared(report)
    out += _discernment(report)
    if checks:
        out += check_html.section(checks)
    if len(report.players) > 1:
        out += _heatmap(report)
    if classes is not None:
        out += class_sessions.section(classes)
    out += district_html.sections(report)
    out += _sessions(report, open_limit)
    out += _method()
    out.append(f"<script>{SCRIPT}</script></body></html>\n")
    return "".join(out)


# -- sections --------------------------------------------------------------------------

def _overview(r: Report) -> list[str]:
    ov = r.overview
    av = ov["averages"]
    cards = [
        (ov["sessions"], "sessions"),
        (ov["complete"], f"finished ({pct(ov['completion_rate'])})"),
        (ov["unfinished"], "unfinished (not scored)"),
        (ov["players"], "players" if ov["players"] != 1 else "player"),
        (num(av["total"]), "average score of 100"),
    ]
    out = ['<section id="overview"><h2>Overview</h2>', '<div class="cards">']
    out += [f'<div class="card"><b>{e(v)}</b><span>{e(label)}</span></div>' for v, label in cards]
    out.append("</div><h3>Key findings</h3><ul class=\"findings\">")
    out += [f"<li>{e(text)}</li>" for text in findings(r)]
    out.append("</ul>")
    if ov["complete"]:
        out.append("<h3>Average score parts</h3>")
        out.append('<p class="lead">Each part is shown on its own: spotting the red flags, getting out '
                   "in time, and keeping personal information private. The total is only a summary.</p>")
        out.append(charts.score_parts([
            ("Spotting score", av["detection"], "signs minus normal flags"),
            ("Getting out", av["exit"], "left in time"),
            ("Keeping info", av["privacy"], "nothing given away"),
        ], title="Average score parts over finished sessions"))
        d = r.discernment
        out.append(f'<p class="lead">Spotting score: per chat, the share of warning signs flagged minus the share '
                   f"of normal messages flagged, averaged. Not the same figure: over all finished chats pooled, "
                   f"<b>warning signs spotted</b> {e(share_of(d.counts.hits, d.counts.signal_items))} and "
                   f"<b>normal messages flagged</b> {e(share_of(d.counts.false_alarms, d.counts.noise_items))}."
                   "</p>")
    out.append("</section>")
    return out


def _teach(r: Report) -> list[str]:
    rows, few = r.category_split()
    unmet = [c for c in r.categories if not c.items]
    out = ['<section id="teach"><div class="keep"><h2>What to teach next: red flags spotted, by kind</h2>',
           '<p class="lead">Share of red-flag messages and profile details of each kind that players '
           "flagged, in finished sessions, least spotted first. Spotting one kind of manipulation does "
           "not carry over well to the others, so the kinds at the top are the ones to practise.</p>"]
    if rows:
        out.append(charts.hbars([(c.title, c.share, f"{c.hits} of {c.items}") for c in rows],
                                title="Share of red flags spotted per kind, least spotted first"))
        out.append('<p class="legend">Bar colour:<i style="background:#d55e00"></i>under 40%'
                   '<i style="background:#e69f00"></i>40–69%<i style="background:#0072b2"></i>70% or more</p>')
        out.append("</div>")
        if any(c.items < MIN_ITEMS for c in rows):
            out.append(f'<p class="lead">Some kinds were met fewer than {MIN_ITEMS} times: '
                       "read their shares with care.</p>")
    else:
        out.append("<p>No finished sessions with red flags yet.</p></div>")
    if few:
        out.append(f'<p class="lead">Met too rarely to judge (fewer than {MIN_ITEMS} times): '
                   + ", ".join(f"{e(c.title)} ({c.hits} of {c.items} spotted)" for c in few) + ".</p>")
    if unmet:
        out.append('<p class="lead">Not met in these sessions: '
                   + ", ".join(e(c.title) for c in unmet) + ".</p>")
    out.append("</section>")
    return out


def _stayed(r: Report) -> list[str]:
    rows = [s for s in r.scenarios if s.kind == "grooming" and s.complete]
    out = ['<section id="stay"><div class="keep"><h2>Where players stayed too long</h2>',
           '<p class="lead">Share of finished sessions of each grooming scenario in which the player did not '
           "get out in time: kept replying after the moment the danger was clear, or reached an unsafe or "
           "neutral ending.</p>"]
    if not rows:
        out.append("<p>No finished grooming sessions yet.</p></div></section>")
        return out
    out.append(charts.hbars([(s.title, s.late_share, f"{s.stayed_too_long} of {s.complete}") for s in rows],
                            title="Share of sessions where players stayed too long, per scenario",
                            good_high=False))
    out.append("</div>")
    out.append('<table><thead><tr><th>Scenario</th><th class="r">Finished</th><th class="r">Stayed too long</th>'
               '<th class="r">Late replies (average)</th><th class="r">Unsafe endings</th>'
               '<th class="r">Reported</th><th class="r">Average score</th></tr></thead><tbody>')
    for s in rows:
        out.append(f"<tr><td>{e(s.title)}</td><td class=r>{s.complete}</td>"
                   f"<td class=r>{s.stayed_too_long} ({pct(s.late_share)})</td>"
                   f"<td class=r>{num(s.avg_late, '{:.1f}')}</td><td class=r>{s.unsafe_endings}</td>"
                   f"<td class=r>{s.reported}</td><td class=r>{num(s.avg_total)}</td></tr>")
    out.append("</tbody></table>")
    benign = [s for s in r.scenarios if s.kind == "benign" and s.complete]
    if benign:
        out.append('<p class="lead">Control scenarios (nobody was grooming): '
                   + "; ".join(f"{e(s.title)}: {s.complete} finished, average score {num(s.avg_total)}"
                               for s in benign) + ".</p>")
    out.append("</section>")
    return out


def _shared(r: Report) -> list[str]:
    rows = sorted((d for d in r.disclosures if d.sessions), key=lambda d: (-d.sessions, d.title))
    out = ['<section id="shared" class="keep"><h2>Information players gave away</h2>',
           '<p class="lead">Share of finished sessions in which a reply gave this away.</p>']
    if rows:
        out.append(charts.hbars([(d.title, d.share, f"{d.sessions} session{'s' if d.sessions != 1 else ''}")
                                 for d in rows],
                                title="Share of sessions in which each kind of information was given away",
                                colour=charts.LOW))
    elif r.overview["complete"]:
        out.append("<p>No personal information was given away in any finished session.</p>")
    else:
        out.append("<p>No finished sessions yet.</p>")
    out.append("</section>")
    return out


def _discernment(r: Report) -> list[str]:
    players = [p for p in r.players if p.complete]
    d = r.discernment
    out = ['<section id="discernment" class="pagebreak"><h2>Telling warning signs from normal talk</h2>',
           '<p class="lead">Flagging everything is not the goal. <b>Warning signs spotted</b> is the share of '
           "red-flag messages and profile details a player flagged; <b>normal messages flagged</b> is the share "
           "of harmless ones they flagged too, over all their finished chats. The <b>reading</b> comes from those "
           f"two shares and needs at least {stats.MIN_EVIDENCE} warning signs and {stats.MIN_EVIDENCE} normal "
           "messages met. Beside it, <b>d′</b> (d-prime) measures how well a player separates warning signs from "
           "normal messages (0 is guessing, 1 is fair, 2 or more is good) and <b>c</b> is the flagging habit: "
           "below 0 flags a lot, normal messages too; above 0 flags little and misses warning signs.</p>"]
    if not players:
        out.append("<p>No finished sessions yet.</p></section>")
        return out
    label = "class" if not r.filters.get("player") else "all sessions"
    if len(players) >= 3:
        out.append(charts.discernment_map(
            [(p.label, p.discernment.c, p.discernment.d_prime) for p in players],
            highlight=(label, d.c, d.d_prime),
            title="Players placed by flagging habit (c, across) and skill at telling signs apart (d′, up)"))
    out.append('<table><thead><tr><th>Player</th><th class="r">Finished</th><th class="r">Average score</th>'
               '<th class="r">Warning signs spotted</th><th class="r">Normal messages flagged</th>'
               '<th>Reading</th><th class="r">d′</th><th class="r">c</th></tr></thead><tbody>')
    rows: list[tuple[str, PlayerRow]] = [(p.label, p) for p in players]
    for name, p in rows:
        pd = p.discernment
        out.append(f"<tr><td>{e(name)}</td><td class=r>{p.complete}</td><td class=r>{num(p.averages['total'])}</td>"
                   f"<td class=r>{charts.mini_bar(pd.hit_rate)}{e(share_of(pd.counts.hits, pd.counts.signal_items))}"
                   f"</td><td class=r>{e(share_of(pd.counts.false_alarms, pd.counts.noise_items))}</td>"
                   f"<td>{e(p.reading)}</td><td class=r>{pd.d_prime:.2f}</td><td class=r>{pd.c:+.2f}</td></tr>")
    if len(players) > 1:
        out.append(f"<tr><th>{e(label.capitalize())}</th><th class=r>{r.overview['complete']}</th>"
                   f"<th class=r>{num(r.overview['averages']['total'])}</th>"
                   f"<th class=r>{e(share_of(d.counts.hits, d.counts.signal_items))}</th>"
                   f"<th class=r>{e(share_of(d.counts.false_alarms, d.counts.noise_items))}</th>"
                   f"<th>{e(r.reading)}</th><th class=r>{d.d_prime:.2f}</th><th class=r>{d.c:+.2f}</th></tr>")
    out.append("</tbody></table></section>")
    return out


def _heat_cell(hits: int, items: int) -> str:
    if not items:
        return '<td class="h na">·</td>'
    share = hits / items
    colour = charts.share_colour(share)
    cls = "h dark" if colour in (charts.LOW, charts.HIGH) else "h"
    if items < 3:
        cls += " few"
    return (f'<td class="{cls}" style="background-color:{colour}" title="{hits} of {items}">'
            f"{round(100 * share)}</td>")


def _heatmap(r: Report) -> list[str]:
    cats = [c for c in r.categories if c.items]
    players = [p for p in r.players if p.complete]
    if not cats or not players:
        return []
    cats.sort(key=lambda c: (c.share, c.title))
    out = ['<section id="who" class="keep"><h2>Who missed what</h2>',
           '<p class="lead">Percentage of each kind of red flag each player spotted (finished sessions; '
           "· = not met). Columns run from the least spotted kind in the class to the most spotted.</p>",
           '<table class="heat"><thead><tr><th class="name">Player</th>']
    out += [f'<th class="cat"><div>{e(c.title)}</div></th>' for c in cats]
    out.append("</tr></thead><tbody>")
    for p in players:
        out.append(f'<tr><td class="name">{e(p.label)}</td>')
        for c in cats:
            row = p.categories.get(c.id)
            out.append(_heat_cell(row.hits if row else 0, row.items if row else 0))
        out.append("</tr>")
    out.append('<tr><th class="name">All</th>')
    out += [_heat_cell(c.hits, c.items) for c in cats]
    out.append("</tr></tbody></table>")
    out.append('<p class="legend">Cell colour:<i style="background:#d55e00"></i>under 40%'
               '<i style="background:#e69f00"></i>40–69%<i style="background:#0072b2"></i>70% or more;'
               " faded: met only once or twice, too few to judge.</p>")
    out.append("</section>")
    return out


def _sessions(r: Report, open_limit: int) -> list[str]:
    sessions = sorted(r.sessions, key=lambda s: (s.player == NO_NICKNAME, s.player.casefold(), s.started_at))
    out = ['<section id="sessions" class="pagebreak"><h2>Sessions</h2>']
    if not sessions:
        out.append("<p>No sessions match.</p></section>")
        return out
    show_class = r.filters.get("class") is None
    out.append('<table><thead><tr><th>Started</th><th>Player</th>' + ("<th>Class</th>" if show_class else "")
               + '<th>Scenario</th><th>How it ended</th>'
               '<th class="r">Score</th><th class="r">Spotting score</th><th class="r">Getting out</th>'
               '<th class="r">Keeping info</th><th class="r">Flags</th></tr></thead><tbody>')
    for s in sessions:
        res = s.result or {}
        sig = res.get("signal") or {}
        flags = (f"{sig.get('hits', 0)} of {sig.get('signal_items', 0)} signs, "
                 f"{sig.get('false_alarms', 0)} of {sig.get('noise_items', 0)} normal") if res else "–"
        ended = s.outcome_label if s.complete else s.status_label
        klass = f"<td>{e(s.class_code or '')}</td>" if show_class else ""
        out.append(f'<tr><td class="when"><a href="#s{s.id}">{when(s.started_at)}</a></td><td>{e(s.player)}</td>'
                   f"{klass}<td>{e(s.title)}</td><td>{e(ended)}</td>"
                   f"<td class=r>{num(s.part('total'))}</td><td class=r>{pct(s.part('detection'))}</td>"
                   f"<td class=r>{pct(s.part('exit'))}</td><td class=r>{pct(s.part('privacy'))}</td>"
                   f"<td class=r>{flags}</td></tr>")
    out.append("</tbody></table>")
    out.append("<h3>Transcripts</h3>")
    out.append('<p class="lead">Each conversation as the player saw it. <b>✓ spotted</b>: a red flag the player '
               "flagged. <b>✗ missed</b>: a red flag left unflagged. <b>flagged, but harmless</b>: a false alarm. "
               "The dashed line marks the moment the danger was high enough to get out; replies after it are "
               "outlined. Print what is open: use the buttons to open or close every transcript.</p>")
    out.append('<div class="buttons"><button type="button" data-open="1">Open all transcripts</button>'
               '<button type="button" data-open="0">Close all</button></div>')
    opened = len(sessions) <= open_limit or bool(r.filters.get("player"))
    tax = r.taxonomy
    for s in sessions:
        out += _session_detail(s, opened, tax)
    out.append("</section>")
    return out


def _tags(categories: Iterable[str], tax) -> str:
    return "".join(f'<span class="tag">{e(tax.category(c))}</span>' for c in categories)


def _line(ln: Line, stranger: str, tax) -> str:
    if ln.who == "player":
        notes = ln.reply_notes(tax)
        cls = "msg p late" if ln.late else "msg p"
        mark = f'<span class="mark">{e(" · ".join(notes))}</span>' if notes else ""
        return f'<div class="{cls}"><span class="who">Player</span>{e(ln.text)}{mark}</div>'
    cls = "msg sys" if ln.who == "system" else "msg s"
    who = "Notice" if ln.who == "system" else stranger
    if ln.nudge:
        who += " (while the player waited)"
    mark = ""
    if ln.mark == "spotted":
        cls += " spotted"
        mark = f'<span class="mark">✓ spotted {_tags(ln.categories, tax)}</span>'
    elif ln.mark == "missed":
        cls += " missed"
        mark = f'<span class="mark">✗ missed {_tags(ln.categories, tax)}</span>'
    elif ln.mark == "false_alarm":
        cls += " false_alarm"
        mark = '<span class="mark">flagged, but harmless</span>'
    line = f'<div class="{cls}"><span class="who">[{e(ln.n)}] {e(who)}</span>{e(ln.text)}{mark}</div>'
    if ln.exit_point:
        line += '<div class="exitline">▲ danger high enough here: time to get out</div>'
    return line


CLASS_PLAY_TAG = ' <span class="tag classplay">class play</span>'   # a student's result of a class session


def _session_detail(s: SessionView, opened: bool, tax) -> list[str]:
    score = num(s.part("total")) if s.complete else s.status_label
    out = [f'<details class="session" id="s{s.id}"{" open" if opened else ""}><summary>'
           f"{when(s.started_at)} · <b>{e(s.player)}</b>{' · ' + e(s.class_code) if s.class_code else ''}"
           f" · {e(s.title)}{CLASS_PLAY_TAG if s.mode == 'class' else ''}"
           f" · {e(s.outcome_label)}<span class=\"score\">{e(score)}</span></summary>",
           '<div class="sgrid"><div class="chat">']
    if not s.lines:
        out.append("<p class=na>No messages were delivered.</p>")
    out += [_line(ln, s.stranger, tax) for ln in s.lines]
    out.append("</div><aside>")
    if s.scenario_changed:
        out.append('<p class="warn">The scenario file has changed since this session; texts are as played.</p>')
    if s.complete and s.result:
        out.append("<table>")
        for label, name in (("Score", "total"), ("Spotting score", "detection"), ("Getting out", "exit"),
                            ("Keeping info", "privacy")):
            value = s.part(name)
            shown = num(value) if name == "total" else f"{charts.mini_bar(value, width=60)}{pct(value)}"
            out.append(f"<tr><td>{label}</td><td class=r>{shown}</td></tr>")
        sig = s.result.get("signal") or {}
        out.append(f"<tr><td>Warning signs flagged</td><td class=r>"
                   f"{e(share_of(sig.get('hits', 0), sig.get('signal_items', 0)))}</td></tr>"
                   f"<tr><td>Normal messages flagged</td><td class=r>"
                   f"{e(share_of(sig.get('false_alarms', 0), sig.get('noise_items', 0)))}</td></tr>")
        out.append("</table>")
        if s.result.get("exit_justified") is False:
            out.append('<p class="lead">Got out without flagging the warning sign that showed why: getting out '
                       "counts at most half (spot it, then stop it).</p>")
        if s.scoring_version != scoring.SCORING_VERSION:
            out.append(f'<p class="warn">Scored under scoring version {s.scoring_version}.</p>')
    else:
        out.append(f'<p class="warn">Unfinished ({e(s.status_label)}): not scored. '
                   f"{s.event_count} events stored; it can be resumed in the game.</p>")
    ending_cls = f"ending {e(s.ending_outcome)}" if s.ending_outcome else "ending"
    ending = e(s.outcome_label)
    if s.ending_title:
        ending += f": {e(s.ending_title)}"
    out.append(f'<div class="blk"><h4>How it ended</h4><div class="{ending_cls}">{ending}</div></div>')
    if s.kind == "benign":
        out.append('<p class="lead">A control scenario: this person was safe.</p>')
    if s.profile:
        out.append('<div class="blk"><h4>Profile</h4><ul>')
        for p in s.profile:
            state = {"spotted": "✓ spotted", "missed": "✗ missed", "false_alarm": "flagged, but harmless"}.get(
                p.mark or "", "")
            text = f"{e(p.label)}: {e(p.text)}" if p.text else e(p.label)
            out.append(f"<li>{text} {_tags(p.categories, tax)} <b>{e(state)}</b></li>")
        out.append("</ul></div>")
    if s.missed:
        out.append(f'<div class="blk"><h4>Missed red flags ({len(s.missed)})</h4><ul>' + "".join(
            f"<li>{_item_label(s, iid)}</li>" for iid in s.missed) + "</ul></div>")
    if s.spotted:
        out.append(f'<div class="blk"><h4>Spotted ({len(s.spotted)})</h4><ul>' + "".join(
            f"<li>{_item_label(s, iid)}</li>" for iid in s.spotted) + "</ul></div>")
    if s.false_alarms:
        out.append(f'<div class="blk"><h4>Flagged, but harmless ({len(s.false_alarms)})</h4><ul>' + "".join(
            f"<li>{_item_label(s, iid)}</li>" for iid in s.false_alarms) + "</ul></div>")
    if s.disclosures:
        out.append('<div class="blk"><h4>Gave away</h4><p>'
                   + ", ".join(e(tax.disclosure(k)) for k in s.disclosures) + "</p></div>")
    if s.discussion_questions:
        out.append('<div class="blk"><h4>To talk about</h4><ol>' + "".join(
            f"<li>{e(q)}</li>" for q in s.discussion_questions) + "</ol></div>")
    if s.facilitator_notes:
        out.append('<div class="blk facilitator"><h4>For the adult: notes and responding to a disclosure</h4>'
                   f"<p>{e(s.facilitator_notes)}</p></div>")
    out.append("</aside></div></details>")
    return out


def _item_label(s: SessionView, item_id: str) -> str:
    for ln in s.lines:
        if ln.item_id == item_id:
            text = ln.text if len(ln.text) <= 70 else ln.text[:67] + "…"
            return f"[{e(ln.n)}] “{e(text)}”"
    for p in s.profile:
        if p.id == item_id:
            return f"Profile: {e(p.label)}"
    return e(item_id)


def _method() -> list[str]:
    return ['<section class="method"><h3>How these figures are made</h3>',
            f"<p>Scores follow the game's scoring rules (version {scoring.SCORING_VERSION}): spotting score = share "
            "of warning signs flagged minus share of normal messages flagged, so flagging everything scores 0; "
            "getting out = 1 when the player blocked, reported or left before replying past the moment of clear "
            "danger, less for each reply after it, and at most 0.5 in a grooming chat when no warning sign had been "
            "flagged by then (spot it, then stop it); in a safe chat, leaving gives 0.5 and blocking or reporting "
            "0.25; keeping info = 1 minus the weight of each kind of information given away. Unfinished sessions "
            "are listed but never averaged.</p>"
            "<p>Telling signs apart pools a player's (or the class's) counts over finished sessions. Warning signs "
            "spotted = warning signs flagged / warning signs met; normal messages flagged = normal items flagged / "
            "normal items met; the reading comes from these two shares (70% or more spotted, 20% or less normal "
            f"flagged) once at least {stats.MIN_EVIDENCE} of each were met. d′ = z(h) − z(f) and c = −(z(h) + z(f)) "
            "/ 2, where h = (flagged + 0.5) / (warning signs + 1), f = (normal flagged + 0.5) / (normal + 1) and z "
            "is the inverse of the normal distribution; h and f exist only inside d′ and c. With few sessions "
            "these numbers move a lot: read them as a hint for a conversation, not as a grade.</p></section>"]
