"""A vault's data key from a keyring, a passphrase or a recovery code, checked before opening.

Kept apart from the library so each way of unlocking and the key check sit in
one place, and so nothing here writes: a wrong secret is found out before the
vault file is touched, and slots rebuilt from a recovery code are only handed
back, to be saved once the vault has opened.
"""

from __future__ import annotations

from dataclasses import dataclass

from rebuild_desktop.domain.errors import (
    KnownError,
    NoUnlockMethod,
    SchemaTooNew,
    VaultDamaged,
    WrongSecret,
)
from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.secrets import datakey, keyslots, passphrase, recovery
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.secrets.keyslots import KeySlots
from rebuild_desktop.services.vault import UnlockMethod
from rebuild_desktop.storage import schema
from rebuild_desktop.storage.connection import Connection, open_database, storage_errors
from rebuild_desktop.storage.layout import VaultPaths
from rebuild_desktop.storage.meta import get_meta


@dataclass(frozen=True, slots=True)
class UnlockedKey:
    """A vault's data key, checked against its key slots, before the file is opened."""

    paths: VaultPaths
    slots: KeySlots
    key: bytes
    method: UnlockMethod
    slots_rebuilt: bool = False  # keyslots.json was lost; write these once the vault opens


def key_from_keyring(paths: VaultPaths, keyring: SystemKeyring) -> UnlockedKey:
    slots = keyslots.load_or_damaged(paths.keyslots)
    if not slots.has(keyslots.KEYRING):
        raise NoUnlockMethod()
    hex_key = keyring.fetch(slots.vault_id)
    try:
        key = bytes.fromhex(hex_key)
    except ValueError:
        raise WrongSecret("The keyring holds a key that doesn't fit this vault.") from None
    return _checked(UnlockedKey(paths, slots, key, UnlockMethod.KEYRING))


def key_from_passphrase(paths: VaultPaths, secret: str) -> UnlockedKey:
    slots = keyslots.load_or_damaged(paths.keyslots)
    wrapped = slots.of_type(keyslots.PASSPHRASE)
    if not wrapped:
        raise WrongSecret("This vault has no passphrase; use the keyring or recovery code.")
    error: KnownError = WrongSecret()
    for slot in wrapped:
        try:
            key = passphrase.unwrap(slot, secret, slots.vault_id)
        except WrongSecret as wrong:
            error = wrong
            continue
        return _checked(UnlockedKey(paths, slots, key, UnlockMethod.PASSPHRASE))
    raise error


def key_from_recovery_code(paths: VaultPaths, code: str) -> UnlockedKey:
    key = recovery.decode(code)
    try:
        slots = keyslots.load(paths.keyslots)
    except (FileNotFoundError, VaultDamaged):
        # Written only once the vault has opened: a failed open writes nothing.
        slots = _rebuild_keyslots(paths, key)
        return _checked(UnlockedKey(paths, slots, key, UnlockMethod.RECOVERY, True))
    return _checked(UnlockedKey(paths, slots, key, UnlockMethod.RECOVERY))


def refuse_newer_schema(conn: Connection) -> None:
    if schema.schema_version(conn) > schema.SCHEMA_VERSION:
        raise SchemaTooNew()


def _checked(unlocked: UnlockedKey) -> UnlockedKey:
    if not datakey.matches(unlocked.key, unlocked.slots.key_check):
        if unlocked.method is UnlockMethod.RECOVERY:
            raise WrongSecret("That recovery code belongs to another vault.")
        raise WrongSecret("The keyring holds a key that doesn't fit this vault.")
    return unlocked


def _rebuild_keyslots(paths: VaultPaths, key: bytes) -> KeySlots:
    """Key slots for a vault whose slot file was lost: the recovery code alone
    is enough, and the vault keeps its own id and kind inside."""
    conn = open_database(paths.database, key)
    try:
        with storage_errors():
            refuse_newer_schema(conn)
            vault_id, kind = get_meta(conn, "vault_id"), get_meta(conn, "kind")
    finally:
        conn.close()
    if vault_id is None or kind is None:
        raise VaultDamaged()
    return KeySlots(vault_id, VaultKind(kind), datakey.key_check(key))
