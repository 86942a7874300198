"""The vaults on this computer: list, create and unlock them.

A failed open never creates, deletes or rewrites a vault file: every check
that can fail runs before anything is written, and opening reads the key
slots, checks the key against its check value and only then keys SQLite.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.errors import (
    NoUnlockMethod,
    VaultDamaged,
    VaultExists,
    VaultNotFound,
    WrongSecret,
)
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.secrets import datakey, keyslots, passphrase, recovery
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.secrets.keyslots import KeySlots
from rebuild_desktop.services import restore, vault_keys
from rebuild_desktop.services.backups import remove_database_files, take_backup
from rebuild_desktop.services.vault import UnlockMethod, Vault
from rebuild_desktop.services.vault_keys import UnlockedKey
from rebuild_desktop.storage import schema
from rebuild_desktop.storage.connection import (
    create_database,
    open_database,
    storage_errors,
    transaction,
)
from rebuild_desktop.storage.files import fsync_dir, private_dir
from rebuild_desktop.storage.layout import VaultPaths, check_name, vault_paths, vaults_root
from rebuild_desktop.storage.meta import get_meta, set_meta
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.partners import PartnerRepository


@dataclass(frozen=True, slots=True)
class VaultSummary:
    """What the start screen may show before unlocking: label, kind, slot types."""

    name: str
    kind: VaultKind | None  # None when the key-slot file is missing or damaged
    remembered: bool
    has_passphrase: bool


@dataclass(slots=True)
class NewVault:
    name: str
    kind: VaultKind
    partners: list[Partner] = field(default_factory=list)
    passphrase: str | None = None
    remember: bool = False  # a keyring slot


@dataclass(slots=True)
class CreatedVault:
    vault: Vault
    recovery_code: str


class VaultLibrary:
    """Every vault under one data directory."""

    def __init__(self, data_dir: Path, keyring: SystemKeyring | None = None) -> None:
        self.data_dir = data_dir
        self.keyring = keyring or SystemKeyring()

    # Looking -------------------------------------------------------------------

    def summaries(self) -> list[VaultSummary]:
        root = vaults_root(self.data_dir)
        if not root.is_dir():
            return []
        found = []
        for folder in sorted(root.iterdir(), key=lambda p: p.name.lower()):
            if not folder.is_dir():
                continue
            paths = VaultPaths(folder)
            if not paths.database.exists() and not paths.keyslots.exists():
                continue
            found.append(self._summary(paths))
        return found

    def summary(self, name: str) -> VaultSummary:
        return self._summary(self._existing(name))

    def _summary(self, paths: VaultPaths) -> VaultSummary:
        try:
            slots = keyslots.load(paths.keyslots)
        except (FileNotFoundError, VaultDamaged):
            return VaultSummary(paths.name, None, False, False)
        return VaultSummary(
            paths.name, slots.kind, slots.has(keyslots.KEYRING), slots.has(keyslots.PASSPHRASE)
        )

    def _existing(self, name: str) -> VaultPaths:
        paths = vault_paths(self.data_dir, name)
        if not paths.database.exists():
            raise VaultNotFound()
        return paths

    # Creating ------------------------------------------------------------------

    def create(self, spec: NewVault) -> CreatedVault:
        """Create a vault with its key slots and return it open, with its recovery code.

        Raises:
            VaultExists, InvalidVaultName, WeakPassphrase, NoUnlockMethod,
            NoKeyring, KeyringLocked, DiskFull. Nothing is left behind.
        """
        paths = vault_paths(self.data_dir, check_name(spec.name))
        if paths.folder.exists():
            raise VaultExists()
        if spec.passphrase is None and not spec.remember:
            raise NoUnlockMethod()
        if spec.passphrase is not None:
            passphrase.check_strength(spec.passphrase)
        if spec.remember:
            self.keyring.check()

        key, vault_id = datakey.new_data_key(), str(uuid.uuid4())
        slots = KeySlots(vault_id, spec.kind, datakey.key_check(key))
        if spec.passphrase is not None:
            slots.slots.append(passphrase.wrap(key, spec.passphrase, vault_id))
        if spec.remember:
            slots.slots.append({"type": keyslots.KEYRING, "account": vault_id})

        # Built in DATA_DIR/staging/ and renamed into place at the end, so
        # a crash or a kill mid-way never leaves a half-made vault under the
        # chosen name (one whose recovery code nobody ever saw).
        private_dir(vaults_root(self.data_dir))
        staging_root = private_dir(self.data_dir / "staging")  # same file system
        with storage_errors():
            staging = VaultPaths(Path(tempfile.mkdtemp(prefix="new-", dir=staging_root)))
        conn = None
        stored = moved = False
        try:
            conn = create_database(staging.database, key)
            schema.create_schema(conn)
            with transaction(conn):
                self._fill_new_vault(conn, vault_id, spec)
            conn.close()  # the WAL is folded in and removed before the move
            conn = None
            keyslots.save(staging.keyslots, slots)
            if spec.remember:
                self.keyring.store(vault_id, key.hex())
                stored = True
            self._move_into_place(staging, paths)
            moved = True
            with storage_errors():
                fsync_dir(paths.folder.parent)
            conn = open_database(paths.database, key)
        except BaseException:
            if conn is not None:
                conn.close()
            # Until create returns nobody has the recovery code: remove it all.
            shutil.rmtree(paths.folder if moved else staging.folder, ignore_errors=True)
            if stored:
                with contextlib.suppress(Exception):
                    self.keyring.remove(vault_id)
            raise
        method = UnlockMethod.KEYRING if spec.remember else UnlockMethod.PASSPHRASE
        vault = Vault(paths, slots, key, conn, method, self.keyring)
        return CreatedVault(vault, recovery.encode(key))

    @staticmethod
    def _move_into_place(staging: VaultPaths, paths: VaultPaths) -> None:
        """Rename the finished vault folder to its name, atomically.

        Raises:
            VaultExists: a vault of that name appeared meanwhile (another window).
        """
        try:
            with storage_errors():
                os.rename(staging.folder, paths.folder)
        except OSError as error:
            if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
                raise VaultExists() from None
            raise

    @staticmethod
    def _fill_new_vault(conn, vault_id: str, spec: NewVault) -> None:  # type: ignore[no-untyped-def]
        set_meta(conn, "vault_id", vault_id)
        set_meta(conn, "kind", spec.kind.value)
        partners = PartnerRepository(conn)
        wanted = [PartnerId.A] if spec.kind is VaultKind.JOURNAL else [PartnerId.A, PartnerId.B]
        given = {p.id: p for p in spec.partners}
        for partner_id in wanted:
            partners.save(given.get(partner_id, Partner(partner_id)))
        if spec.kind is VaultKind.COUPLE:
            pacing = PacingRepository(conn)
            hurt = next((p.id for p in spec.partners if p.role is Role.HURT), PartnerId.A)
            pacing.set_pace_setter(hurt)
            for step in default_pacing_steps():
                pacing.add(step)

    # Unlocking -----------------------------------------------------------------

    def open_unlocked(self, unlocked: UnlockedKey) -> Vault:
        """Open the vault whose key ``key_from_*`` has checked."""
        return self._open(unlocked)

    def open_with_keyring(self, name: str) -> Vault:
        return self._open(self.key_from_keyring(name))

    def open_with_passphrase(self, name: str, secret: str) -> Vault:
        return self._open(self.key_from_passphrase(name, secret))

    def open_with_recovery_code(self, name: str, code: str) -> Vault:
        return self._open(self.key_from_recovery_code(name, code))

    def key_from_keyring(self, name: str) -> UnlockedKey:
        return vault_keys.key_from_keyring(self._existing(name), self.keyring)

    def key_from_passphrase(self, name: str, secret: str) -> UnlockedKey:
        return vault_keys.key_from_passphrase(self._existing(name), secret)

    def key_from_recovery_code(self, name: str, code: str) -> UnlockedKey:
        return vault_keys.key_from_recovery_code(self._existing(name), code)

    def restore(self, unlocked: UnlockedKey, backup: Path) -> Path:
        """Replace a closed vault with a checked backup, even when the vault is
        too damaged to open. Returns the copy of the state it replaced."""
        paths, key = unlocked.paths, unlocked.key
        restore.clean_leftovers(paths)
        staged = restore.stage(paths, backup, key, unlocked.slots.vault_id)
        try:
            before = restore.safety_copy(paths, key, None)
        except BaseException:
            remove_database_files(staged)
            raise
        restore.swap_in(paths, staged, lambda: None)
        if unlocked.slots_rebuilt:
            keyslots.save(paths.keyslots, unlocked.slots)
        return before

    def _open(self, unlocked: UnlockedKey) -> Vault:
        paths, slots, key = unlocked.paths, unlocked.slots, unlocked.key
        restore.clean_leftovers(paths)
        try:
            conn = open_database(paths.database, key)
        except WrongSecret:
            if slots.key_check:
                # The key check proved the key right, so an unreadable first page
                # is damage, not a wrong secret.
                raise VaultDamaged() from None
            raise
        try:
            with storage_errors():
                vault_keys.refuse_newer_schema(conn)  # before reading tables it may have changed
                if get_meta(conn, "vault_id") not in (None, slots.vault_id):
                    raise VaultDamaged("The vault's key file belongs to another vault.")
                schema.upgrade(conn, _migration_backup(conn, key, paths))
        except BaseException:
            conn.close()
            raise
        if unlocked.slots_rebuilt:
            try:
                keyslots.save(paths.keyslots, slots)
            except BaseException:
                conn.close()
                raise
        return Vault(paths, slots, key, conn, unlocked.method, self.keyring)


def _migration_backup(conn, key: bytes, paths: VaultPaths) -> Callable[[], None]:  # type: ignore[no-untyped-def]
    def backup() -> None:
        take_backup(conn, key, paths, "before-migration")

    return backup
