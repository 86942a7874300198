"""An open vault: its connection, what it is, and how it was unlocked."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.secrets import keyslots, passphrase
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.secrets.keyslots import KeySlots
from rebuild_desktop.services import backups, restore
from rebuild_desktop.storage.connection import Connection, open_database
from rebuild_desktop.storage.layout import VaultPaths


class UnlockMethod(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"
    RECOVERY = "recovery"


@dataclass(frozen=True, slots=True)
class PreparedRestore:
    staged: Path  # the checked copy, beside the vault
    before: Path  # the backup of the state it will replace


class Vault:
    """An unlocked vault.

    The data key stays in memory only while the vault is open: ``close()``
    drops it with the connection. Worker threads call ``connect()`` for a
    connection of their own.
    """

    def __init__(
        self,
        paths: VaultPaths,
        slots: KeySlots,
        key: bytes,
        conn: Connection,
        unlocked_by: UnlockMethod,
        keyring: SystemKeyring,
    ) -> None:
        self.paths = paths
        self.slots = slots
        self._key = bytearray(key)
        self.conn: Connection | None = conn
        self.unlocked_by = unlocked_by
        self._keyring = keyring

    @property
    def name(self) -> str:
        return self.paths.name

    @property
    def kind(self) -> VaultKind:
        return self.slots.kind

    @property
    def vault_id(self) -> str:
        return self.slots.vault_id

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    @property
    def db(self) -> Connection:
        """The vault's long-lived GUI-thread connection."""
        if self.conn is None:
            raise RuntimeError("the vault is locked")
        return self.conn

    def key(self) -> bytes:
        if self.conn is None:
            raise RuntimeError("the vault is locked")
        return bytes(self._key)

    def connect(self) -> Connection:
        """A new connection to this vault, for a worker thread."""
        return open_database(self.paths.database, self.key())

    def backup(self, reason: str) -> Path:
        return backups.take_backup(self.db, self.key(), self.paths, reason)

    def backup_if_due(self) -> Path | None:
        """The automatic daily backup, then pruning to the kept tiers.

        Safe on a worker thread: it copies through a connection of its own.
        """
        if not backups.backup_due(self.paths):
            return None
        key, conn = self.key(), self.connect()
        try:
            taken = backups.take_backup(conn, key, self.paths, "daily")
        finally:
            conn.close()
        backups.prune(self.paths)
        return taken

    def restore(self, backup: Path) -> Path:
        """Replace the vault's contents with a checked backup; it stays open.

        Returns:
            The backup of the state before the restore.
        """
        prepared = self.prepare_restore(backup)
        self.finish_restore(prepared)
        return prepared.before

    def prepare_restore(self, backup: Path) -> PreparedRestore:
        """The slow half of a restore, safe on a worker thread: check the backup
        in a temporary place and back up the present state (own connection)."""
        key = self.key()
        staged = restore.stage(self.paths, backup, key, self.vault_id)
        try:
            conn = self.connect()
            try:
                before = restore.safety_copy(self.paths, key, conn)
            finally:
                conn.close()
        except BaseException:
            backups.remove_database_files(staged)
            raise
        return PreparedRestore(staged, before)

    def finish_restore(self, prepared: PreparedRestore) -> None:
        """The quick half, on the thread that owns ``db``: swap the file in and reopen."""
        key = self.key()
        try:
            restore.swap_in(self.paths, prepared.staged, self._close_connection)
        finally:
            # Reopen whether or not the swap happened, so a refused restore
            # does not leave the vault half-locked.
            self.conn = open_database(self.paths.database, key)

    def _close_connection(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    # Key slots ---------------------------------------------------------------

    @property
    def remembered(self) -> bool:
        """Whether this computer's keyring can open the vault without a prompt."""
        return self.slots.has(keyslots.KEYRING)

    @property
    def has_passphrase(self) -> bool:
        return self.slots.has(keyslots.PASSPHRASE)

    def change_passphrase(self, new_passphrase: str) -> None:
        """Replace the passphrase slot; the data key stays, so backups still open.

        The new slot is written (atomically, next to the old) before the old
        one goes, so a crash in between leaves a file that both open.
        """
        new_slot = passphrase.wrap(self.key(), new_passphrase, self.vault_id)
        self._save_slots([*self.slots.slots, new_slot])
        self._save_slots([s for s in self.slots.slots
                          if s.get("type") != keyslots.PASSPHRASE or s is new_slot])

    def set_remembered(self, remember: bool) -> None:
        """Add or remove the keyring slot ("remember on this computer")."""
        if remember == self.remembered:
            return
        if remember:
            self._keyring.store(self.vault_id, self.key().hex())
            self._save_slots([*self.slots.slots,
                              {"type": keyslots.KEYRING, "account": self.vault_id}])
        else:
            if not self.has_passphrase:
                raise ValueError("a vault needs a passphrase before the keyring slot goes")
            self._save_slots(self.slots.without(keyslots.KEYRING))
            self._keyring.remove(self.vault_id)

    def _save_slots(self, slots: list[dict[str, Any]]) -> None:
        """Write ``slots``, and the copy kept with the backups; adopt them only
        once written, so a failed write (a full disk) changes nothing here either.

        The copy must follow every change: a stale copy would let a passphrase
        the person just replaced (perhaps because someone learned it) still
        unwrap the data key.
        """
        updated = replace(self.slots, slots=slots)
        keyslots.save(self.paths.keyslots, updated)
        copy = self.paths.backups / "keyslots.json"
        if copy.exists():
            keyslots.save(copy, updated)
        self.slots = updated

    def close(self) -> None:
        """Lock: close the connection and forget the key."""
        self._close_connection()
        for i in range(len(self._key)):
            self._key[i] = 0
