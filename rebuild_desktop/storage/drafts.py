"""Unsaved text kept inside the encrypted vault while a person types, so a
crash, a kill or a lock loses nothing (and nothing goes to a temp file)."""

from __future__ import annotations

import json
from typing import Any

from rebuild_desktop.storage.connection import Connection, storage_errors


class DraftRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, key: str, value: Any) -> None:
        with storage_errors():
            self._conn.execute(
                "INSERT INTO drafts (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                "value = excluded.value, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')",
                (key, json.dumps(value, ensure_ascii=False, sort_keys=True)),
            )

    def load(self, key: str) -> Any | None:
        with storage_errors():
            row = self._conn.execute("SELECT value FROM drafts WHERE key = ?", (key,)).fetchone()
        return None if row is None else json.loads(row[0])

    def discard(self, key: str) -> None:
        with storage_errors():
            self._conn.execute("DELETE FROM drafts WHERE key = ?", (key,))
