"""Encrypted backups of a vault, taken through SQLite's online backup API.

A backup is a SQLCipher file keyed with the same data key, so the same key
slots (and the recovery code on its own) open it; a copy of the key-slot file
goes beside it. A backup is written under a temporary name and renamed, so a
half-written one never looks real. Backups are kept in tiers: the newest of
each of the last 7 days, the last 4 weeks and the last 12 months.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from rebuild_desktop.storage.connection import Connection, create_database, storage_errors
from rebuild_desktop.storage.files import fsync_dir, private_dir, write_atomically
from rebuild_desktop.storage.layout import VaultPaths

BACKUP_SUFFIX = ".vault-backup"
KEYSLOTS_COPY = "keyslots.json"
DAILY, WEEKLY, MONTHLY = 7, 4, 12
_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"(?P<stamp>\d{8}T\d{12}Z)-(?P<reason>[a-z0-9-]+)" + re.escape(BACKUP_SUFFIX))


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file; its name says when it was taken and why."""

    path: Path
    taken_at: datetime
    reason: str


def parse(path: Path) -> Backup | None:
    match = _NAME.fullmatch(path.name)
    if match is None:
        return None
    taken_at = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    return Backup(path, taken_at, match["reason"])


def take_backup(conn: Connection, key: bytes, paths: VaultPaths, reason: str,
                now: datetime | None = None) -> Path:
    """Copy the open vault to ``backups/`` and return the new file's path.

    Raises:
        DiskFull: there was no room; no partial backup is left behind.
    """
    folder = private_dir(paths.backups)
    stamp = (now or datetime.now(UTC)).strftime(_STAMP_FORMAT)
    final = folder / f"{stamp}-{reason}{BACKUP_SUFFIX}"
    partial = folder / f".partial-{stamp}-{reason}"
    with storage_errors():
        try:
            copy_database(conn, partial, key)
            os.replace(partial, final)
            copy_keyslots(paths)
            fsync_dir(folder)
        except BaseException:
            remove_database_files(partial)
            raise
    return final


def copy_database(source: Connection, target_path: Path, key: bytes) -> None:
    """Write a consistent, encrypted copy of ``source`` to a new file."""
    target = create_database(target_path, key)
    try:
        source.backup(target)
        target.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        target.close()


def copy_keyslots(paths: VaultPaths) -> None:
    """Keep the key-slot file with the backups, so losing one loses neither."""
    if paths.keyslots.exists():
        write_atomically(paths.backups / KEYSLOTS_COPY, paths.keyslots.read_bytes())


def remove_database_files(path: Path) -> None:
    for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()


def list_backups(paths: VaultPaths) -> list[Path]:
    """Backups of the vault, newest first."""
    return [backup.path for backup in backups(paths)]


def backups(paths: VaultPaths) -> list[Backup]:
    """Backups of the vault, newest first; partial leftovers are not backups."""
    if not paths.backups.is_dir():
        return []
    found = (parse(p) for p in paths.backups.glob(f"*{BACKUP_SUFFIX}"))
    return sorted((b for b in found if b is not None), key=lambda b: b.taken_at, reverse=True)


def backup_due(paths: VaultPaths, now: datetime | None = None) -> bool:
    """Whether the daily automatic backup has not been taken in the last day."""
    newest = next(iter(backups(paths)), None)
    now = now or datetime.now(UTC)
    return newest is None or now - newest.taken_at >= timedelta(days=1)


def backups_to_keep(all_backups: list[Backup], now: datetime | None = None) -> set[Path]:
    """Everything from the last day, then the tiers: the newest backup of each
    of the last 7 days, 4 weeks and 12 months.

    Buckets are counted among the backups that exist, so a vault left unused
    for a year still keeps its twelve newest months. The newest backup of all
    is always kept.
    """
    now = now or datetime.now(UTC)
    keep = {b.path for b in all_backups if now - b.taken_at < timedelta(days=1)}
    if all_backups:
        keep.add(all_backups[0].path)
    tiers = (
        (DAILY, lambda d: d.date().isoformat()),
        (WEEKLY, lambda d: "{}-W{:02d}".format(*d.isocalendar()[:2])),
        (MONTHLY, lambda d: f"{d.year}-{d.month:02d}"),
    )
    for count, bucket in tiers:
        seen: list[str] = []
        for backup in all_backups:  # newest first, so the first in a bucket is its newest
            name = bucket(backup.taken_at)
            if name in seen:
                continue
            if len(seen) == count:
                break
            seen.append(name)
            keep.add(backup.path)
    return keep


def prune(paths: VaultPaths) -> list[Path]:
    """Remove backups outside the tiers; returns what was removed."""
    current = backups(paths)
    keep = backups_to_keep(current)
    removed = []
    for backup in current:
        if backup.path not in keep:
            remove_database_files(backup.path)
            removed.append(backup.path)
    return removed
