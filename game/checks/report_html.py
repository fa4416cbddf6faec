"""The check's section of the HTML report: per class one sentence, one before/after chart, a table.

The chart puts each class's pooled raw rates before and after playing side
by side: warning signs spotted, and normal chats flagged. Better
discrimination shows as more spotted with no more normal chats flagged;
growing suspicion as both going up together. The sentence (prepost.md's
rule) and the change in d' and c with their 95% intervals sit above it.
"""

from __future__ import annotations

from html import escape

from ..results.reports.charts import GREY, HIGH, INK, TRACK, pct
from .change import IMPROVED, NOT_ENOUGH, SUSPICION
from .report import CheckReport, ClassChecks, PhaseFigures

BEFORE_COLOUR, AFTER_COLOUR = GREY, HIGH
SENTENCE_CLASS = {IMPROVED: "good", SUSPICION: "warn", NOT_ENOUGH: "muted"}

CSS = """
.verdict { font-size: 19px; font-weight: 600; margin: 10px 0 2px; }
.verdict.good { color: #0b5e9c; } .verdict.warn { color: #a04000; } .verdict.muted { color: #6b6b6b; }
.change { color: #444; font-size: 14px; margin: 0 0 6px; }
"""


def _t(x: float, y: float, text: str, *, anchor: str = "start", size: int = 13, weight: str = "normal",
       fill: str = INK) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" '
            f'font-weight="{weight}" fill="{fill}">{escape(text)}</text>')


def before_after_chart(c: ClassChecks) -> str:
    """Grey bar = before playing (pre), blue bar = after (post), for each of the two raw rates."""
    label_w, bar_w, note_w, bar_h, gap = 210, 360, 190, 16, 4
    width = label_w + bar_w + note_w
    measures = [("warning signs spotted", "hit_rate", "hits", "signal_items"),
                ("normal chats flagged", "fa_rate", "false_alarms", "noise_items")]
    height = 30 + len(measures) * (2 * bar_h + gap + 18)
    title = (f"Class {c.class_code}: before and after playing, the share of warning signs spotted and of "
             "normal chats flagged")
    out = [(f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'),
           f'<rect x="{label_w}" y="4" width="12" height="12" fill="{BEFORE_COLOUR}"/>',
           _t(label_w + 16, 14, "before playing", size=12),
           f'<rect x="{label_w + 130}" y="4" width="12" height="12" fill="{AFTER_COLOUR}"/>',
           _t(label_w + 146, 14, "after playing", size=12)]
    y = 26.0
    for name, rate, hits, items in measures:
        out.append(_t(label_w - 8, y + bar_h + gap / 2 + 5, name.capitalize(), anchor="end"))
        for figures, colour, when in ((c.pre, BEFORE_COLOUR, "before"), (c.post, AFTER_COLOUR, "after")):
            value = getattr(figures, rate) if figures else None
            out.append(f'<rect x="{label_w}" y="{y:.1f}" width="{bar_w}" height="{bar_h}" fill="{TRACK}"/>')
            if value is not None:
                out.append(f'<rect x="{label_w}" y="{y:.1f}" width="{max(0.0, min(1.0, value)) * bar_w:.1f}" '
                           f'height="{bar_h}" fill="{colour}"/>')
            note = "no check yet" if figures is None else (
                f"{pct(value)}  ({getattr(figures.counts, hits)} of {getattr(figures.counts, items)})")
            out.append(_t(label_w + bar_w + 8, y + bar_h - 3, f"{when}: {note}", size=12,
                          weight="bold" if value is not None else "normal"))
            y += bar_h + gap
        y += 18
    out.append("</svg>")
    return "".join(out)


def _signed(x: float | None) -> str:
    return "–" if x is None else f"{x:+.2f}".replace("-", "−")


def change_line(c: ClassChecks) -> str:
    ch = c.change
    if ch.students == 0:
        return "No student has taken a check both before and after playing yet."
    text = f"{ch.students} student{'s' if ch.students != 1 else ''} took a check before and after playing. "
    if ch.d_prime_interval and ch.c_interval:
        text += (f"Change in d′ {_signed(ch.delta_d_prime)} (95% interval {_signed(ch.d_prime_interval.low)} to "
                 f"{_signed(ch.d_prime_interval.high)}); change in c {_signed(ch.delta_c)} "
                 f"({_signed(ch.c_interval.low)} to {_signed(ch.c_interval.high)}).")
    else:
        text += f"Change in d′ {_signed(ch.delta_d_prime)}; change in c {_signed(ch.delta_c)}."
    return text


def _phase_cells(f: PhaseFigures | None) -> str:
    if f is None:
        return '<td class=r>–</td>' * 5
    auc = "–" if f.mean_auc is None else f"{f.mean_auc:.2f}"
    return (f"<td class=r>{f.checks}</td><td class=r>{pct(f.hit_rate)}</td><td class=r>{pct(f.fa_rate)}</td>"
            f"<td class=r>{f.d_prime:.2f} / {f.c:+.2f}</td><td class=r>{auc}</td>")


def section(report: CheckReport) -> list[str]:
    out = ['<section id="check" class="pagebreak"><h2>Before and after: the discernment check</h2>',
           ('<p class="lead">Students answered 16 short chats, "red flag" or "safe" and how sure, before playing and '
           "again after (forms A and B, half the class starting with each). The question is whether they got "
           "better at <b>telling</b> manipulators from real friends (d′ up), or only more suspicious of everyone "
           "(c down, d′ unchanged). Mean AUC is the average of each student's chance of rating a red flag above a "
           "safe chat (0.5 is guessing, 1 is perfect).</p>")]
    for c in report.classes:
        sentence = c.change.sentence
        out.append(f'<h3>Class {escape(c.class_code)}</h3>')
        out.append(f'<p class="verdict {SENTENCE_CLASS.get(sentence, "")}">{escape(sentence.capitalize())}</p>')
        out.append(f'<p class="change">{escape(change_line(c))}</p>')
        out.append(before_after_chart(c))
        out.append('<table><thead><tr><th>When</th><th class="r">Students</th><th class="r">Warning signs spotted</th>'
                   '<th class="r">Normal chats flagged</th><th class="r">d′ / c</th><th class="r">Mean AUC</th>'
                   f'</tr></thead><tbody><tr><td>Before playing</td>{_phase_cells(c.pre)}</tr>'
                   f'<tr><td>After playing</td>{_phase_cells(c.post)}</tr></tbody></table>')
    out.append('<p class="lead">Fewer than 10 students with both checks: "not enough data yet". The intervals come '
               "from 2,000 resamples of the students (fixed seed, so the same data gives the same report).</p>")
    out.append("</section>")
    return out


def student_section(report: CheckReport) -> list[str]:
    """Per student, for the counsellor view and a one-player report."""
    out = [('<table><thead><tr><th>Player</th><th>Class</th><th>Before and after</th>'
           '<th class="r">Change in d′</th><th class="r">Change in c</th></tr></thead><tbody>')]
    for c in report.classes:
        for s in c.students:
            out.append(f"<tr><td>{escape(s.player)}</td><td>{escape(c.class_code)}</td><td>{escape(s.summary)}</td>"
                       f"<td class=r>{_signed(s.delta_d_prime)}</td><td class=r>{_signed(s.delta_c)}</td></tr>")
    out.append("</tbody></table>")
    return out
