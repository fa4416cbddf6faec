"""Deleted results made unrecoverable from the database files, on SQLite and PostgreSQL.

``Store.delete_sessions`` (forget, retention) calls ``scrub(store)`` after deleting.
"""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa


def scrub(store: Any) -> bool:
    """Make deleted rows unrecoverable from the database files; True when it fully succeeded.

    SQLite: checkpoint the write-ahead log into the main file (whose freed
    pages ``secure_delete`` zeroed) and truncate it; a reader holding an
    old snapshot can delay that, so it is retried for a few seconds.
    PostgreSQL: ``VACUUM FULL`` the tables. A plain ``VACUUM`` only marks the
    dead rows' space as free, and the bytes (and index entries) stay in
    the files until reused; ``FULL`` rewrites each table and its indexes
    into new files and removes the old ones. It locks the tables while it
    runs, so other writes wait (about a second per million events on
    the development machine). The planner's statistics are sampled again
    and their catalog rewritten, as they may hold forgotten nicknames
    (False when that was not allowed). The server's write-ahead log and any
    backups keep old copies until they are recycled: that is for the
    database's administrator (docs/results.md).
    """
    if store.is_sqlite:
        for _attempt in range(50):
            with store.engine.connect() as conn:
                busy, _log, _done = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                conn.rollback()
            if not busy:
                return True
            time.sleep(0.1)
        return False
    tables = "sessions, session_results, events, session_categories, session_disclosures, class_votes, report_files"
    with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql(f"VACUUM FULL {tables}")
        # The planner's statistics (pg_statistic) keep sampled values, nicknames among them, from
        # whenever the tables were last analysed: sample them again from what is left, then rewrite
        # that catalog so the replaced rows are gone too (allowed to the database's owner).
        conn.exec_driver_sql(f"ANALYZE {tables}")
        try:
            conn.exec_driver_sql("VACUUM FULL pg_catalog.pg_statistic")
        except sa.exc.DBAPIError:
            return False      # not the database's owner: the old statistics stay until autovacuum
    return True
