"""The key-slot file beside a vault: how its data key can be unlocked.

It holds only what SPEC.md allows outside the encrypted file: the vault id and
kind, a key check value and the wrapped keys. It is written atomically, and a
copy travels with every backup; the recovery code opens the vault even when
this file is lost.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.storage.files import write_atomically

FORMAT = "rebuild-desktop-keyslots"
VERSION = 1

KEYRING = "keyring"
PASSPHRASE = "passphrase"


@dataclass(slots=True)
class KeySlots:
    vault_id: str
    kind: VaultKind
    key_check: str
    slots: list[dict[str, Any]] = field(default_factory=list)

    def of_type(self, slot_type: str) -> list[dict[str, Any]]:
        return [slot for slot in self.slots if slot.get("type") == slot_type]

    def has(self, slot_type: str) -> bool:
        return bool(self.of_type(slot_type))

    def without(self, slot_type: str) -> list[dict[str, Any]]:
        return [slot for slot in self.slots if slot.get("type") != slot_type]

    def to_json(self) -> bytes:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "kind": self.kind.value,
            "key_check": self.key_check,
            "slots": self.slots,
        }
        return (json.dumps(document, indent=2, sort_keys=True) + "\n").encode("utf-8")


_DAMAGED = "The vault's key file is damaged; use the recovery code."


def load(path: Path) -> KeySlots:
    """Read a key-slot file.

    Raises:
        FileNotFoundError: there is none.
        VaultDamaged: it is not a key-slot file of a version we know.
    """
    raw = path.read_bytes()
    try:
        document = json.loads(raw)
        if document.get("format") != FORMAT or document.get("version") != VERSION:
            raise ValueError("unknown key-slot format")
        slots = document["slots"]
        if not isinstance(slots, list) or not all(isinstance(s, dict) for s in slots):
            raise ValueError("slots must be a list of objects")
        return KeySlots(
            vault_id=str(document["vault_id"]),
            kind=VaultKind(document["kind"]),
            key_check=str(document["key_check"]),
            slots=slots,
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise VaultDamaged(_DAMAGED) from None


def save(path: Path, slots: KeySlots) -> None:
    write_atomically(path, slots.to_json())


def load_or_damaged(path: Path) -> KeySlots:
    """Like ``load``, but a missing file is damage the recovery code can mend."""
    try:
        return load(path)
    except FileNotFoundError:
        raise VaultDamaged("The vault's key file is missing; use the recovery code.") from None
