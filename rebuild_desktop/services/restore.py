"""Replace a vault with a checked backup, so that a crash leaves old or new.

The backup is copied to a hidden file in the vault's folder and checked
there (key, page HMACs, structure, vault id) before anything else happens; the
backup itself is never opened. Then the current state is backed up, every
connection is closed so no WAL is left beside the file, and the checked copy
is renamed over the vault in one atomic step.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from rebuild_desktop.domain.errors import KnownError, VaultDamaged, WrongSecret
from rebuild_desktop.services import backups
from rebuild_desktop.services.integrity import check_file
from rebuild_desktop.storage.connection import Connection, open_database, storage_errors
from rebuild_desktop.storage.files import fsync_dir, private_dir
from rebuild_desktop.storage.layout import VaultPaths

STAGED_PREFIX = ".restore-"


class VaultInUse(KnownError):
    default_message = (
        "The vault is still open in another window; close it there and try again."
    )


def stage(paths: VaultPaths, backup: Path, key: bytes, vault_id: str) -> Path:
    """A checked copy of ``backup`` beside the vault, ready to be renamed over it."""
    if not backup.is_file():
        raise VaultDamaged("That backup file doesn't exist.")
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    staged = paths.folder / f"{STAGED_PREFIX}{stamp}.db"
    try:
        with storage_errors():
            shutil.copyfile(backup, staged)
            os.chmod(staged, 0o600)
        check_file(staged, key, vault_id)
    except WrongSecret:
        backups.remove_database_files(staged)
        raise VaultDamaged("That backup was made with another key, so it was not used.") from None
    except BaseException:
        backups.remove_database_files(staged)
        raise
    return staged


def safety_copy(paths: VaultPaths, key: bytes, current: Connection | None) -> Path:
    """Back up the current state before it is replaced, even when it is damaged."""
    if current is not None:
        return backups.take_backup(current, key, paths, "before-restore")
    try:
        conn = open_database(paths.database, key)
    except (VaultDamaged, WrongSecret):
        # The key is known to be right, so the file is damaged: kept byte for
        # byte all the same, as it may still hold something.
        target = private_dir(paths.backups) / (
            datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f") + "-damaged.vault-file")
        with storage_errors():
            shutil.copyfile(paths.database, target)
        return target
    try:
        return backups.take_backup(conn, key, paths, "before-restore")
    finally:
        conn.close()


def swap_in(paths: VaultPaths, staged: Path, close_current: Callable[[], None]) -> None:
    """Close the vault and rename the checked copy over it."""
    close_current()
    # SQLite removes the WAL when the last connection closes: one still there
    # means another connection holds the vault open.
    if paths.database.with_name(paths.database.name + "-wal").exists():
        backups.remove_database_files(staged)
        raise VaultInUse()
    with storage_errors():
        for sidecar in paths.sidecars():
            if sidecar.exists():
                sidecar.unlink()
        os.replace(staged, paths.database)
        fsync_dir(paths.folder)


def clean_leftovers(paths: VaultPaths) -> None:
    """Remove staged copies a crash left behind; the vault itself was untouched."""
    for leftover in paths.folder.glob(f"{STAGED_PREFIX}*"):
        leftover.unlink(missing_ok=True)
