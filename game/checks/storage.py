"""The checks in the results store (table ``checks``, game.results.schema; migration 0003).

One row per check: who (nickname, class code, school), which form (name and
SHA-256 of its file), phase, when, whether it was finished, and the record
of prepost.md as JSON. Works on SQLite and PostgreSQL through the Store's
engine. Deleting a player or a class (``forget``) and the retention purge
delete their checks too.
"""

from __future__ import annotations

import json
import uuid
from typing import Any

import sqlalchemy as sa

from ..results import identity
from ..results.schema import checks as checks_t
from ..results.store import Filters, Store
from .report import CheckRow
from .schedule import POST_AFTER_DEFAULT, SETTING_POST_AFTER, History, TakenCheck


def save(store: Store, record: dict[str, Any], *, form_sha256: str, player: str | None = None,
         class_code: str | None = None, taken_at: float | None = None) -> int:
    """Store one check; returns its id."""
    nick = identity.clean_nickname(player)
    with store._write() as conn, conn.begin():
        result = conn.execute(sa.insert(checks_t).values(
            uid=uuid.uuid4().hex, school=store.school, player=nick, player_key=identity.nickname_key(nick),
            class_code=identity.clean_class_code(class_code), form=str(record["form"]), form_sha256=form_sha256,
            phase=str(record["phase"]), taken_at=store.clock() if taken_at is None else float(taken_at),
            complete=int(bool(record.get("complete"))),
            record_json=json.dumps(record, ensure_ascii=False, separators=(",", ":"))))
        return int(result.inserted_primary_key[0])


def _where(*, class_code: str | None = None, player: str | None = None, since: float | None = None,
           school: str | None = None) -> list[Any]:
    c = checks_t.c
    where: list[Any] = []
    if school is not None:
        where.append(c.school == identity.clean_school(school))
    if class_code is not None:      # NO_CLASS (""): the checks taken without a class code
        code = identity.clean_class_code(class_code)
        where.append(c.class_code.is_(None) if code is None else c.class_code == code)
    if player is not None:
        where.append(c.player_key == identity.nickname_key(player))
    if since is not None:
        where.append(c.taken_at >= float(since))
    return where


def rows(store: Store, **filters: Any) -> list[CheckRow]:
    """Stored checks matching every filter (class_code, player, since, school), in the order taken."""
    c = checks_t.c
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(c.id, c.uid, c.player, c.player_key, c.class_code, c.taken_at, c.record_json)
                             .where(*_where(**filters)).order_by(c.taken_at, c.id)).all()
    return [CheckRow(int(r.id), r.uid, r.player, r.player_key, r.class_code, float(r.taken_at),
                     json.loads(r.record_json)) for r in found]


def earlier_check(found: list[CheckRow], taken_at: float) -> dict[str, Any] | None:
    """The check a later one is compared with for the player: their first finished pre, else the last before."""
    from .change import counts

    earlier = [dict(r.record) for r in found if r.taken_at < taken_at and counts(r.record)]
    pres = [r for r in earlier if r.get("phase") == "pre"]
    return pres[0] if pres else (earlier[-1] if earlier else None)


def count(store: Store, **filters: Any) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(checks_t)
                                .where(*_where(**filters))).scalar_one())


def history(store: Store, *, player: str | None, class_code: str | None) -> History:
    """What the schedule needs to know about a player (nothing of their own without a nickname)."""
    code = identity.clean_class_code(class_code)
    class_rows = rows(store, class_code=code, school=store.school) if code else \
        [r for r in rows(store, school=store.school) if r.class_code is None]
    first_forms: dict[str, int] = {}
    seen: set[str] = set()
    for r in class_rows:
        who = r.player_key or r.uid
        if who not in seen:
            seen.add(who)
            first_forms[str(r.record.get("form"))] = first_forms.get(str(r.record.get("form")), 0) + 1
    key = identity.nickname_key(identity.clean_nickname(player))
    if not key:
        return History(class_first_forms=first_forms)
    mine = tuple(TakenCheck(str(r.record.get("form")), str(r.record.get("phase")), r.taken_at,
                            bool(r.record.get("complete"))) for r in class_rows if r.player_key == key)
    chats = store.count_sessions(Filters.of(player=player, class_code=code, statuses=("complete",),
                                            modes=("solo", "class")))
    return History(chats_finished=chats, checks=mine, class_first_forms=first_forms)


def delete(store: Store, *, player: str | None = None, class_code: str | None = None) -> int:
    """Delete for good the checks of a player, a class, or a player in a class; returns how many went."""
    where = _where(player=player if identity.clean_nickname(player) else None,
                   class_code=class_code if identity.clean_class_code(class_code) else None)
    if not where:
        raise ValueError("say whose checks to delete: a player nickname, a class code, or both")
    with store._write() as conn, conn.begin():
        gone = conn.execute(sa.delete(checks_t).where(*where)).rowcount
    store.scrub()
    return int(gone)


def delete_older_than(store: Store, cutoff: float) -> int:
    """Delete checks taken before ``cutoff`` (the retention purge)."""
    with store._write() as conn, conn.begin():
        gone = conn.execute(sa.delete(checks_t).where(checks_t.c.taken_at < float(cutoff))).rowcount
    if gone:
        store.scrub()
    return int(gone)


def post_after(store: Store) -> int:
    """The teacher's number of chats before the after-playing check is offered (default 5)."""
    raw = store.get_setting(SETTING_POST_AFTER)
    try:
        value = int(raw) if raw is not None else POST_AFTER_DEFAULT
    except ValueError:
        return POST_AFTER_DEFAULT
    return value if value >= 1 else POST_AFTER_DEFAULT


def set_post_after(store: Store, chats: int) -> None:
    if not 1 <= int(chats) <= 100:
        raise ValueError("the number of chats before the after-playing check is 1 to 100")
    store.set_setting(SETTING_POST_AFTER, str(int(chats)))


def export_rows(store: Store, *, class_code: str | None = None, player: str | None = None,
                since: float | None = None, school: str | None = None) -> list[dict[str, Any]]:
    """Every matching check as a plain dict for a results bundle (game.results.bundle)."""
    c = checks_t.c
    with store.engine.connect() as conn:
        found = conn.execute(sa.select(checks_t).where(*_where(class_code=class_code, player=player, since=since,
                                                                school=school)).order_by(c.taken_at, c.id)).all()
    return [{"uid": r.uid, "school": r.school, "player": r.player, "class": r.class_code, "form": r.form,
             "form_sha256": r.form_sha256, "phase": r.phase, "taken_at": r.taken_at, "complete": bool(r.complete),
             "record": json.loads(r.record_json)} for r in found]


def merge(store: Store, checks: list[dict[str, Any]], *, school: str | None = None) -> int:
    """Add the bundle's checks that are not here yet (by uid), in one transaction; returns how many."""
    if not checks:
        return 0
    c = checks_t.c
    added = 0
    with store._write() as conn, conn.begin():
        have = set(conn.execute(sa.select(c.uid).where(c.uid.in_([ch["uid"] for ch in checks]))).scalars())
        for ch in checks:
            if ch["uid"] in have:
                continue
            nick = identity.clean_nickname(ch.get("player"))
            conn.execute(sa.insert(checks_t).values(
                uid=ch["uid"], school=identity.clean_school(ch.get("school") or school), player=nick,
                player_key=identity.nickname_key(nick), class_code=identity.clean_class_code(ch.get("class")),
                form=str(ch["form"]), form_sha256=str(ch.get("form_sha256") or ""), phase=str(ch["phase"]),
                taken_at=float(ch["taken_at"]), complete=int(bool(ch.get("complete"))),
                record_json=json.dumps(ch["record"], ensure_ascii=False, separators=(",", ":"))))
            have.add(ch["uid"])
            added += 1
    return added
