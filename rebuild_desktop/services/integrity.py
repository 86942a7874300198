"""Is a vault, or a copy of one, sound? The check behind ``verify`` and restore.

Always on a keyed connection: a read-only or unkeyed check would call a vault
damaged when it only needs its WAL recovered, which the keyed open does first
(SPEC.md).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.storage.connection import open_database, storage_errors
from rebuild_desktop.storage.integrity import integrity_problems
from rebuild_desktop.storage.meta import get_meta

if TYPE_CHECKING:  # vault imports restore, which imports this module
    from rebuild_desktop.services.vault import Vault


def check_vault(vault: Vault) -> None:
    """Check every page's authentication code and the database structure.

    The key was already checked when the vault opened (its key check value and
    the first keyed read).

    Raises:
        VaultDamaged: any page or structure problem; nothing is changed.
    """
    problems = integrity_problems(vault.db)
    if problems:
        raise VaultDamaged(
            f"The vault file has {problems} damaged part(s); it was left exactly as it is. "
            "A backup or an export can restore it."
        )


def check_file(path: Path, key: bytes, vault_id: str | None) -> None:
    """Open ``path`` with ``key`` and check it through and through.

    Raises:
        WrongSecret: the key does not open it.
        VaultDamaged: it is damaged, or belongs to another vault.
    """
    conn = open_database(path, key)
    try:
        if integrity_problems(conn):
            raise VaultDamaged("That copy of the vault is damaged, so it was not used.")
        with storage_errors():
            found_id = get_meta(conn, "vault_id")
        if vault_id is not None and found_id != vault_id:
            raise VaultDamaged("That backup belongs to another vault, so it was not used.")
        with storage_errors():
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
