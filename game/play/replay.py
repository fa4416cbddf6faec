"""The debrief's replay of a chat as plain rows, for a front end that lays it out itself (the browser page).

``replay_rows(events, result, stranger, ending_title)`` reads the annotated
transcript (``game.transcript``: the same marks the window's replay, the
reports and the counsellor view use) and gives one row per line of the chat:

* ``{"who": "stranger" | "system", "text", "n", "item_id", "mark", "picture", "link"}``
  (``mark``: spotted / missed / false_alarm / None; a repeated message carries
  no mark, its mark belongs to the first time it was shown);
* ``{"who": "player", "text", "decision", "others", "shared", "adult"}``:
  ``others`` are the replies shown with it and not picked, ``decision`` its
  number (0 = the first reply; "try again from here" starts there), ``shared``
  the kinds of personal information it gave away (in words);
* a last ``{"who": "end", "text"}``: where the chat ended, in the chat view's words.

Every sentence comes from here or from ``game.debrief.replay_words``; a
front end only draws the rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from game import transcript
from game.play.chat_view import end_summary
from game.taxonomy import load_taxonomy


def _shared(kinds: Sequence[str]) -> list[str]:
    disclosures = load_taxonomy().disclosures
    return [disclosures[k].title.lower() if k in disclosures else k for k in kinds]


def replay_rows(events: Sequence[dict[str, Any]], result: dict[str, Any] | None, stranger: str,
                ending_title: str = "") -> list[dict[str, Any]]:
    """One row per line of the chat (see the module's docstring), the end line last."""
    tr = transcript.annotate(events, result)
    rows: list[dict[str, Any]] = []
    for line in tr.lines:
        if line.who == "player":
            rows.append({"who": "player", "text": line.text, "decision": line.decision,
                         "others": list(line.others), "shared": _shared(line.discloses),
                         "adult": line.tells_adult})
        else:
            rows.append({"who": line.who, "text": line.text, "n": line.n, "item_id": line.item_id,
                         "mark": None if line.repeat else line.mark,
                         "picture": bool(line.image), "link": line.link})
    if tr.end is not None:
        rows.append({"who": "end", "text": end_summary(tr.end.how, stranger, ending_title, tr.end.reason_label)})
    return rows
