"""Encrypted backups: same key, complete, listed newest first, nothing partial."""

from __future__ import annotations

import uuid

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.secrets import keyslots
from rebuild_desktop.services.backups import list_backups
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import open_database
from rebuild_desktop.storage.records import TimelineRepository
from tests.support.files import mode


def test_backup_is_an_encrypted_copy_with_the_key_slots(couple_vault: Vault) -> None:
    repo = TimelineRepository(couple_vault.db)
    for i in range(50):
        repo.add(TimelineEvent(str(uuid.uuid4()), f"2026-01-{i % 28 + 1:02d}", EventKind.NOTE,
                               Author.A, f"Entry {i}", "words " * 100))
    first = couple_vault.backup("manual")
    repo.add(TimelineEvent(str(uuid.uuid4()), "2026-02-01", EventKind.NOTE, Author.B, "Later"))
    second = couple_vault.backup("before-import")

    assert list_backups(couple_vault.paths) == [second, first]
    assert {p.name for p in couple_vault.paths.backups.iterdir()} == {
        first.name, second.name, "keyslots.json"}  # no partial files, no WAL left
    assert mode(first) == mode(second) == 0o600
    assert keyslots.load(couple_vault.paths.backups / "keyslots.json") == couple_vault.slots

    conn = open_database(first, couple_vault.key())
    try:
        assert conn.execute("SELECT count(*) FROM timeline").fetchone()[0] == 50
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == \
            couple_vault.db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()
    assert first.read_bytes()[:16] != b"SQLite format 3\x00"
