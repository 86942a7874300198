"""Integrity checks of a vault or a backup, always on a keyed connection.

A read-only or unkeyed check would call a vault damaged when it only needs
its WAL recovered; the keyed open recovers it first (SPEC.md).
"""

from __future__ import annotations

from pathlib import Path

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.storage.connection import Connection, open_database, storage_errors
from rebuild_desktop.storage.meta import get_meta


def problems(conn: Connection) -> list[str]:
    """What SQLCipher's page check and SQLite's structure check report; empty when sound.

    The lines name pages and tables, never content.
    """
    with storage_errors():
        found = [str(row[0]) for row in conn.execute("PRAGMA cipher_integrity_check")]
        structure = [str(row[0]) for row in conn.execute("PRAGMA integrity_check")]
    if structure != ["ok"]:
        found.extend(structure)
    return found


def check_file(path: Path, key: bytes, vault_id: str | None) -> None:
    """Open ``path`` with ``key`` and check it through and through.

    Raises:
        WrongSecret: the key does not open it.
        VaultDamaged: it is damaged, or belongs to another vault.
    """
    conn = open_database(path, key)
    try:
        if problems(conn):
            raise VaultDamaged("That copy of the vault is damaged, so it was not used.")
        with storage_errors():
            found_id = get_meta(conn, "vault_id")
        if vault_id is not None and found_id != vault_id:
            raise VaultDamaged("That backup belongs to another vault, so it was not used.")
        with storage_errors():
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
