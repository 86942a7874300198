"""Keep what someone is writing, so a crash or a lock does not lose it.

A composer's fields are stored under one key inside the encrypted vault;
saving the record drops the draft.
"""

from __future__ import annotations

from typing import Any

from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.drafts import DraftRepository

GRATITUDE = "gratitude:composer"
AGREEMENT = "agreements:composer"


class DraftKeeper:
    """One composer's draft: a small dict of its fields."""

    def __init__(self, conn: Connection, key: str) -> None:
        self._conn = conn
        self._key = key
        self._drafts = DraftRepository(conn)

    def load(self) -> dict[str, Any]:
        value = self._drafts.load(self._key)
        return value if isinstance(value, dict) else {}

    def keep(self, fields: dict[str, Any]) -> None:
        """Store the fields, or drop the draft when its ``text`` is empty."""
        with transaction(self._conn):
            if str(fields.get("text") or "").strip():
                self._drafts.save(self._key, fields)
            else:
                self._drafts.discard(self._key)

    def drop(self) -> None:
        with transaction(self._conn):
            self._drafts.discard(self._key)
