"""Settings rows that belong to one stored session, so that deleting the session deletes them too.

The browser's solo chats keep a few rows in the store's settings table beside their sessions
(``game/server/solo/service.py``): the hashed token that points at the session, which events a
retried request produced, and whether the chat's message request was accepted. Their keys and
values are built here, and :meth:`Store.delete_sessions` removes them with the session, so
``forget`` and retention leave nothing that names a deleted session.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

import sqlalchemy as sa

TOKEN = "solo.token."
REQUEST = "solo.request."
ACCEPTED = "solo.accepted."


def token_value(session_id: int, paced: bool) -> str:
    """What ``solo.token.<sha256(token)>`` holds: the session it opens and how it is played."""
    return json.dumps({"session": session_id, "paced": paced})


def request_key(session_id: int, request_digest: str) -> str:
    """Which events a retried request produced, for one session."""
    return f"{REQUEST}{session_id}.{request_digest}"


def accepted_key(session_id: int) -> str:
    """The player accepted this session's message request."""
    return f"{ACCEPTED}{session_id}"


def delete_for(conn: sa.Connection, settings: sa.Table, session_ids: Sequence[int]) -> None:
    """Delete every settings row of these sessions (inside the caller's transaction)."""
    if not session_ids:
        return
    ids = [int(i) for i in session_ids]
    key, value = settings.c.key, settings.c.value
    conn.execute(sa.delete(settings).where(key.in_([accepted_key(i) for i in ids])))
    conn.execute(sa.delete(settings).where(
        key.like(TOKEN + "%"),
        value.in_([token_value(i, paced) for i in ids for paced in (True, False)])))
    for i in ids:
        conn.execute(sa.delete(settings).where(key.like(f"{REQUEST}{i}.%")))
