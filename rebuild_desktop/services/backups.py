"""Encrypted backups of a vault, taken through SQLite's online backup API.

A backup is a SQLCipher file keyed with the same data key, so the same key
slots (and the recovery code on its own) open it; a copy of the key-slot file
goes beside it. The copy is written to a temporary name and renamed, so a
half-written backup never looks like a real one.
"""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from rebuild_desktop.storage.connection import Connection, create_database, storage_errors
from rebuild_desktop.storage.files import fsync_dir, private_dir, write_atomically
from rebuild_desktop.storage.layout import VaultPaths

BACKUP_SUFFIX = ".vault-backup"


def take_backup(conn: Connection, key: bytes, paths: VaultPaths, reason: str) -> Path:
    """Copy the open vault to ``backups/`` and return the new file's path.

    Raises:
        DiskFull: there was no room; no partial backup is left behind.
    """
    folder = private_dir(paths.backups)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = folder / f"{stamp}-{reason}{BACKUP_SUFFIX}"
    partial = folder / f".partial-{stamp}-{reason}"
    with storage_errors():
        try:
            target = create_database(partial, key)
            try:
                conn.backup(target)
            finally:
                target.close()
            os.replace(partial, final)
            if paths.keyslots.exists():
                write_atomically(folder / "keyslots.json", paths.keyslots.read_bytes())
            fsync_dir(folder)
        except BaseException:
            sidecars = (partial.with_name(partial.name + s) for s in ("-wal", "-shm"))
            for leftover in (partial, *sidecars):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
            raise
    return final


def list_backups(paths: VaultPaths) -> list[Path]:
    """Backups of the vault, newest first."""
    if not paths.backups.is_dir():
        return []
    return sorted(paths.backups.glob(f"*{BACKUP_SUFFIX}"), reverse=True)
