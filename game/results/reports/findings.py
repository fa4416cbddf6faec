"""Key findings in plain words, from a report model.

The first thing a counsellor reads: what was missed most, where players
stayed too long, what they gave away, and whether they tell warning signs
from normal talk or just distrust everything. Used by the HTML report and
the counsellor screen.
"""

from __future__ import annotations

from ..stats import share_of
from .model import Report


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{round(100 * x)}%"


def findings(report: Report) -> list[str]:
    ov = report.overview
    out: list[str] = []
    if report.version_note:
        out.append(report.version_note)
    if not ov["complete"]:
        out.append("No finished sessions yet, so there are no scores to show.")
    else:
        judged = report.category_split()[0]
        weakest = [c for c in judged[:3] if c.share is not None and c.share < 0.7]
        if weakest:
            out.append("Spotted least: " + ", ".join(
                f"{c.title} ({_pct(c.share)} of {c.items})" for c in weakest) + ".")
        elif judged:
            out.append("Every kind of red flag met so far was spotted at least 70% of the time.")
        grooming = ov["grooming_complete"]
        if grooming:
            late = ov["stayed_too_long"]
            text = f"Stayed too long in {late} of {grooming} grooming conversations ({_pct(late / grooming)})"
            worst = [s for s in report.scenarios if s.stayed_too_long]
            if worst:
                w = worst[0]
                text += f"; most often in “{w.title}” ({w.stayed_too_long} of {w.complete})"
            out.append(text + ".")
        d = report.discernment
        out.append(f"Telling warning signs from normal chat: {report.reading}. Over all finished chats, "
                   f"{share_of(d.counts.hits, d.counts.signal_items)} warning signs spotted and "
                   f"{share_of(d.counts.false_alarms, d.counts.noise_items)} normal messages flagged "
                   f"(d′ = {d.d_prime:.2f}, c = {d.c:+.2f}).")
        given = sorted((r for r in report.disclosures if r.sessions), key=lambda r: -r.sessions)[:3]
        if given:
            out.append("Most often given away: " + ", ".join(
                f"{r.title.lower()} (in {_pct(r.share)} of sessions)" for r in given) + ".")
        else:
            out.append("No personal information was given away in any finished session.")
        parts = []
        if ov["reported_share"] is not None:
            parts.append(f"reported the stranger in {_pct(ov['reported_share'])} of grooming conversations")
        if ov["told_adult_share"] is not None:
            parts.append(f"involved a trusted adult in {_pct(ov['told_adult_share'])} of sessions")
        if parts:
            text = " and ".join(parts)
            out.append(text[0].upper() + text[1:] + ".")
    if ov["unfinished"]:
        n = ov["unfinished"]
        out.append(f"{n} unfinished session{'s' if n != 1 else ''}: listed with the sessions, not "
                   "counted in any score until finished.")
    return out
