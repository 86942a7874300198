"""Unsaved writing kept inside the encrypted vault (the ``drafts`` table).

A draft is a JSON value under a key such as "journal:editor"; it survives a
crash or a lock because it is in the vault, never in a temp file.
"""

from __future__ import annotations

import json
from typing import Any

from rebuild_desktop.storage.connection import Connection, storage_errors


def get_draft(conn: Connection, key: str) -> Any | None:
    with storage_errors():
        row = conn.execute("SELECT value FROM drafts WHERE key = ?", (key,)).fetchone()
    return None if row is None else json.loads(row[0])


def set_draft(conn: Connection, key: str, value: Any) -> None:
    with storage_errors():
        conn.execute(
            "INSERT INTO drafts (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
            (key, json.dumps(value, ensure_ascii=False)),
        )


def delete_draft(conn: Connection, key: str) -> None:
    with storage_errors():
        conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
