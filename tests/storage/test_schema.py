"""The schema version, a vault from a newer version, and the search index."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

from rebuild_desktop.domain.errors import SchemaTooNew
from rebuild_desktop.domain.records import Gratitude, JournalEntry, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.records import (
    GratitudeRepository,
    JournalRepository,
    TimelineRepository,
)
from rebuild_desktop.storage.schema import SCHEMA_VERSION, schema_version
from tests.support.files import snapshot


def test_new_vault_has_the_current_version(couple_vault: Vault) -> None:
    assert schema_version(couple_vault.db) == SCHEMA_VERSION
    assert couple_vault.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_newer_schema_is_refused_and_left_byte_identical(couple_vault: Vault,
                                                         library: VaultLibrary,
                                                         data_dir: Path) -> None:
    couple_vault.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    couple_vault.close()
    before = snapshot(data_dir)
    with pytest.raises(SchemaTooNew):
        library.open_with_keyring("home")
    assert snapshot(data_dir) == before
    assert not (couple_vault.paths.backups).exists()  # no migration backup either


@pytest.mark.parametrize("keyslots_lost", [False, True])
def test_newer_schema_is_checked_before_any_table_is_read(
        couple_vault: Vault, library: VaultLibrary, data_dir: Path, keyslots_lost: bool) -> None:
    """A future version may rename the tables we read first; the version decides."""
    from rebuild_desktop.secrets import recovery

    code = recovery.encode(couple_vault.key())
    couple_vault.db.execute("DROP TABLE meta")
    couple_vault.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    couple_vault.close()
    if keyslots_lost:
        couple_vault.paths.keyslots.unlink()
    before = snapshot(data_dir)
    with pytest.raises(SchemaTooNew):
        if keyslots_lost:
            library.open_with_recovery_code("home", code)
        else:
            library.open_with_keyring("home")
    assert snapshot(data_dir) == before


def _match(conn: Connection, table: str, word: str) -> int:
    return int(conn.execute(
        f"SELECT count(*) FROM {table}_fts WHERE {table}_fts MATCH ?", (word,)
    ).fetchone()[0])


def _integrity(conn: Connection, table: str) -> None:
    conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('integrity-check')")


def test_timeline_index_follows_insert_update_delete(couple_vault: Vault) -> None:
    conn, repo = couple_vault.db, TimelineRepository(couple_vault.db)
    event = TimelineEvent(str(uuid.uuid4()), "2026-04-01", EventKind.MILESTONE, Author.BOTH,
                          "First picnic", "by the lake, café", tags=["outdoors"])
    repo.add(event)
    assert _match(conn, "timeline", "picnic") == 1
    assert _match(conn, "timeline", "cafe") == 1  # accents do not matter
    assert _match(conn, "timeline", "outdo*") == 1
    event.title, event.text = "Second walk", "along the river"
    repo.update(event)
    assert _match(conn, "timeline", "picnic") == 0
    assert _match(conn, "timeline", "river") == 1
    _integrity(conn, "timeline")
    repo.delete(event.id.upper())
    assert _match(conn, "timeline", "river") == 0
    _integrity(conn, "timeline")


def test_gratitude_and_journal_indexes_follow_writes(couple_vault: Vault,
                                                     journal_vault: Vault) -> None:
    thanks = Gratitude(str(uuid.uuid4()), "2026-04-02", PartnerId.A, PartnerId.B,
                       "Thank you for the soup", reply="anytime")
    with transaction(couple_vault.db):
        GratitudeRepository(couple_vault.db).add(thanks)
    assert _match(couple_vault.db, "gratitude", "soup") == 1
    assert _match(couple_vault.db, "gratitude", "anytime") == 1
    GratitudeRepository(couple_vault.db).delete(thanks.id)
    assert _match(couple_vault.db, "gratitude", "soup") == 0
    _integrity(couple_vault.db, "gratitude")

    entry = JournalEntry(str(uuid.uuid4()), "2026-04-03", "Slept badly, walked early",
                         title="Morning")
    repo = JournalRepository(journal_vault.db)
    repo.add(entry)
    entry.text = "Slept well"
    repo.update(entry)
    assert _match(journal_vault.db, "journal", "walked") == 0
    assert _match(journal_vault.db, "journal", "well") == 1
    _integrity(journal_vault.db, "journal")


def test_index_is_rolled_back_with_its_transaction(couple_vault: Vault) -> None:
    repo = TimelineRepository(couple_vault.db)
    with pytest.raises(RuntimeError):
        with transaction(couple_vault.db):
            repo.add(TimelineEvent(str(uuid.uuid4()), "2026-04-04", EventKind.NOTE, Author.A,
                                   "Unsaved thought"))
            raise RuntimeError("the person pressed cancel")
    assert repo.count() == 0
    assert _match(couple_vault.db, "timeline", "unsaved") == 0
