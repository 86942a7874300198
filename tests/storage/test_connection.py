"""The SQLCipher file itself: pragmas, file modes, and what a full disk does."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from rebuild_desktop.domain.errors import DiskFull
from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import for_one_pass, open_database, transaction
from rebuild_desktop.storage.records import TimelineRepository
from tests.support.files import mode


def _pragma(vault: Vault, name: str) -> object:
    return vault.db.execute(f"PRAGMA {name}").fetchone()[0]


@pytest.mark.parametrize("connect", ["gui", "worker"])
def test_pragmas_read_back(couple_vault: Vault, connect: str) -> None:
    conn = couple_vault.db if connect == "gui" else couple_vault.connect()
    try:
        values = {name: conn.execute(f"PRAGMA {name}").fetchone()[0] for name in (
            "cipher_memory_security", "secure_delete", "journal_mode", "synchronous",
            "foreign_keys", "trusted_schema", "temp_store", "cipher_log_level")}
        assert conn.execute("PRAGMA cipher_version").fetchone()[0]
    finally:
        if conn is not couple_vault.db:
            conn.close()
    assert values == {
        "cipher_memory_security": "1", "secure_delete": 1, "journal_mode": "wal",
        "synchronous": 2, "foreign_keys": 1, "trusted_schema": 0, "temp_store": 2,
        "cipher_log_level": "NONE",
    }


def test_a_one_pass_connection_keeps_a_small_cache_and_its_protections(
        couple_vault: Vault) -> None:
    conn = for_one_pass(couple_vault.connect())
    try:
        cache = conn.execute("PRAGMA cache_size").fetchone()[0]
        security = conn.execute("PRAGMA cipher_memory_security").fetchone()[0]
    finally:
        conn.close()
    assert cache == -1024
    assert security == "1"
    assert _pragma(couple_vault, "cache_size") == -64 * 1024


def test_files_are_private(couple_vault: Vault, data_dir: Path) -> None:
    TimelineRepository(couple_vault.db).add(_event("a first entry"))
    backup = couple_vault.backup("manual")
    paths = couple_vault.paths
    files = [paths.database, paths.database.with_name("vault.db-wal"),
             paths.database.with_name("vault.db-shm"), paths.keyslots, backup,
             paths.backups / "keyslots.json"]
    for path in files:
        assert path.is_file(), path.name
        assert mode(path) == 0o600, path.name
    for folder in (data_dir, data_dir / "vaults", paths.folder, paths.backups):
        assert mode(folder) == 0o700, folder.name
    worker = couple_vault.connect()
    try:
        assert {mode(p) for p in paths.folder.iterdir() if p.is_file()} == {0o600}
    finally:
        worker.close()


def test_stdlib_sqlite_cannot_read_a_vault(couple_vault: Vault) -> None:
    path = couple_vault.paths.database
    couple_vault.close()
    header = path.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"
    plain = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        plain.close()


def test_full_disk_is_disk_full_and_the_connection_stays_usable(couple_vault: Vault) -> None:
    repo = TimelineRepository(couple_vault.db)
    with transaction(couple_vault.db):
        for _ in range(300):
            repo.add(_event("kept", "x" * 2000))
    pages = couple_vault.db.execute("PRAGMA page_count").fetchone()[0]
    # A page limit makes SQLite answer SQLITE_FULL exactly as a full disk does;
    # a large transaction that spills its cache is then rolled back by SQLite
    # itself, before our ROLLBACK runs.
    couple_vault.db.execute(f"PRAGMA max_page_count = {pages + 1}")
    with pytest.raises(DiskFull):
        with transaction(couple_vault.db):
            for _ in range(300):
                repo.add(_event("t" * 200, "x" * 2000))
    assert not couple_vault.db.in_transaction
    assert {e.title for e in repo.all()} == {"kept"}
    assert repo.count() == 300
    with pytest.raises(DiskFull):
        repo.add(_event("y" * 400_000))
    couple_vault.db.execute("PRAGMA max_page_count = 1073741823")
    with transaction(couple_vault.db):
        repo.add(_event("after space was freed"))
    assert repo.count() == 301


def test_open_database_of_a_missing_file_creates_nothing(tmp_path: Path) -> None:
    from rebuild_desktop.domain.errors import VaultDamaged

    with pytest.raises(VaultDamaged):
        open_database(tmp_path / "empty" / "vault.db", bytes(32))
    assert not (tmp_path / "empty").exists()


def _event(title: str, text: str = "") -> TimelineEvent:
    return TimelineEvent(str(uuid.uuid4()), "2026-03-01", EventKind.NOTE, Author.A, title, text)
