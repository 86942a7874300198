"""When a record was written and last changed, so that Undo can put a record back exactly.

The check-in history lists check-ins of one day in the order they were
written (``created_at``); a check-in deleted and then put back by Undo must
keep its place there, not move to the top as if it were new.
"""

from __future__ import annotations

from rebuild_desktop.storage.connection import Connection, storage_errors

Stamps = tuple[str, str]  # (created_at, updated_at)
# Only the tables whose records Undo puts back; the name goes into the SQL text.
_TABLES = frozenset({"timeline", "checkins", "hard_moments"})


def stamps(conn: Connection, table: str, record_id: str) -> Stamps | None:
    """The record's ``(created_at, updated_at)``, or None when there is no such record."""
    if table not in _TABLES:
        raise ValueError(table)
    with storage_errors():
        row = conn.execute(f"SELECT created_at, updated_at FROM {table} WHERE id = ?",
                           (record_id.lower(),)).fetchone()
    return None if row is None else (str(row[0]), str(row[1]))


def set_stamps(conn: Connection, table: str, record_id: str, kept: Stamps) -> None:
    """Give a record put back by Undo the times it had before."""
    if table not in _TABLES:
        raise ValueError(table)
    with storage_errors():
        conn.execute(f"UPDATE {table} SET created_at = ?, updated_at = ? WHERE id = ?",
                     (*kept, record_id.lower()))
