"""Backups: encrypted, tiered, restored only after a check, never half-done."""

from __future__ import annotations

import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, VaultKind
from rebuild_desktop.services import backups
from rebuild_desktop.services.backups import Backup
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.records import TimelineRepository

SENTINEL = "backup-sentinel-7c1e"


def add_event(vault: Vault, title: str) -> str:
    event_id = str(uuid.uuid4())
    with transaction(vault.db):
        TimelineRepository(vault.db).add(TimelineEvent(
            event_id, "2026-03-01", EventKind.NOTE, Author.BOTH, title, f"{SENTINEL} {title}"))
    return event_id


def titles(vault: Vault) -> list[str]:
    return sorted(event.title for event in TimelineRepository(vault.db).all())


def test_backup_is_encrypted_and_opens_with_the_same_key(couple_vault: Vault):
    add_event(couple_vault, "first")
    path = couple_vault.backup("manual")
    assert path.parent == couple_vault.paths.backups
    assert SENTINEL.encode() not in path.read_bytes()
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(path).execute("SELECT * FROM sqlite_master").fetchall()
    assert (couple_vault.paths.backups / "keyslots.json").read_bytes() == \
        couple_vault.paths.keyslots.read_bytes()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert not list(couple_vault.paths.backups.glob(".partial-*"))


def test_daily_backup_is_taken_once_a_day(couple_vault: Vault):
    assert couple_vault.backup_if_due() is not None
    assert couple_vault.backup_if_due() is None
    assert len(backups.list_backups(couple_vault.paths)) == 1


def _daily_history(days: int, now: datetime) -> list[Backup]:
    return [Backup(Path(f"/b/{i}"), now - timedelta(days=i, hours=1), "daily")
            for i in range(days)]


def test_tiers_keep_seven_days_four_weeks_twelve_months():
    now = datetime(2026, 11, 20, 12, tzinfo=UTC)
    history = _daily_history(800, now)
    kept = backups.backups_to_keep(history, now + timedelta(days=2))
    kept_ages = sorted(int(p.name) for p in kept)
    assert kept_ages[:7] == list(range(7))  # each of the last seven days
    months = {(b.taken_at.year, b.taken_at.month) for b in history if b.path in kept}
    assert len(months) >= 12
    assert len(kept) <= 7 + 4 + 12
    assert max(kept_ages) < 400  # nothing older than the twelfth month back


def test_prune_removes_only_what_the_tiers_do_not_keep(couple_vault: Vault):
    now = datetime.now(UTC)
    for days in range(0, 40):
        backups.take_backup(couple_vault.db, couple_vault.key(), couple_vault.paths, "daily",
                            now=now - timedelta(days=days))
    removed = backups.prune(couple_vault.paths)
    left = backups.backups(couple_vault.paths)
    assert removed and len(left) + len(removed) == 40
    assert left[0].taken_at.date() == now.date()
    assert len(left) <= 1 + 7 + 4 + 12


def test_restore_brings_back_the_backup_and_keeps_the_present(couple_vault: Vault):
    add_event(couple_vault, "before")
    backup = couple_vault.backup("manual")
    add_event(couple_vault, "after")
    before_restore = couple_vault.restore(backup)
    assert titles(couple_vault) == ["before"]
    assert "before-restore" in before_restore.name
    add_event(couple_vault, "written after the restore")  # still open and writable
    couple_vault.restore(before_restore)
    assert titles(couple_vault) == ["after", "before"]
    assert not list(couple_vault.paths.folder.glob(".restore-*"))


def test_damaged_backup_is_refused_and_the_vault_is_untouched(couple_vault: Vault):
    add_event(couple_vault, "kept")
    backup = couple_vault.backup("manual")
    data = bytearray(backup.read_bytes())
    data[4096 + 100] ^= 0xFF  # a byte inside page 2
    backup.write_bytes(bytes(data))
    with pytest.raises(VaultDamaged):
        couple_vault.restore(backup)
    assert titles(couple_vault) == ["kept"]
    assert not list(couple_vault.paths.folder.glob(".restore-*"))


def test_backup_of_another_vault_is_refused(library: VaultLibrary, couple_vault: Vault):
    other = library.create(NewVault("other", VaultKind.COUPLE, remember=True)).vault
    foreign = other.backup("manual")
    other.close()
    add_event(couple_vault, "mine")
    with pytest.raises(VaultDamaged):
        couple_vault.restore(foreign)
    assert titles(couple_vault) == ["mine"]


def test_restore_mends_a_vault_too_damaged_to_open(library: VaultLibrary, couple_vault: Vault):
    add_event(couple_vault, "safe")
    backup = couple_vault.backup("manual")
    couple_vault.close()
    database = couple_vault.paths.database
    damaged = bytearray(database.read_bytes())
    damaged[:4096] = bytes(4096)  # page 1 gone
    database.write_bytes(bytes(damaged))
    with pytest.raises(VaultDamaged):
        library.open_with_keyring("home")
    unlocked = library.key_from_keyring("home")
    kept_copy = library.restore(unlocked, backup)
    assert kept_copy.read_bytes() == bytes(damaged)
    reopened = library.open_with_keyring("home")
    try:
        assert titles(reopened) == ["safe"]
    finally:
        reopened.close()


def test_restore_is_refused_while_another_connection_holds_the_vault(couple_vault: Vault):
    from rebuild_desktop.services.restore import VaultInUse

    add_event(couple_vault, "present")
    backup = couple_vault.backup("manual")
    add_event(couple_vault, "also present")
    other = couple_vault.connect()
    other.execute("SELECT count(*) FROM timeline").fetchone()
    try:
        with pytest.raises(VaultInUse):
            couple_vault.restore(backup)
    finally:
        other.close()
    assert titles(couple_vault) == ["also present", "present"]  # still open, unchanged
    assert not list(couple_vault.paths.folder.glob(".restore-*"))


def test_every_backup_of_the_last_day_is_kept(couple_vault: Vault):
    first = couple_vault.backup("manual")
    second = couple_vault.backup("before-import")
    assert backups.prune(couple_vault.paths) == []
    assert backups.list_backups(couple_vault.paths) == [second, first]
