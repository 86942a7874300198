"""Passphrase key slots: the data key wrapped by an Argon2id-derived key.

AES-256-GCM authenticates the vault id and the KDF parameters as associated
data, so a slot copied from another vault or edited to weaker parameters
fails to open rather than opening weakly.
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from rebuild_desktop.domain.errors import VaultDamaged, WeakPassphrase, WrongSecret

MIN_PASSPHRASE_LENGTH = 8


@dataclass(frozen=True, slots=True)
class KdfParams:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def at_least(self, floor: KdfParams) -> bool:
        return (
            self.memory_kib >= floor.memory_kib
            and self.iterations >= floor.iterations
            and self.lanes >= floor.lanes
        )


KDF_FLOOR = KdfParams()
# A slot asking for more than this was not written by us: refuse it rather
# than try to allocate terabytes or run for hours on a tampered file.
KDF_CEILING = KdfParams(memory_kib=4 * 1024 * 1024, iterations=64, lanes=64)

_SALT_BYTES, _NONCE_BYTES, _WRAPPED_BYTES = 16, 12, 32 + 16
_DAMAGED = "The vault's key file is damaged; use the recovery code."


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, length: int) -> bytes:
    """Decode a base64 field of exactly ``length`` bytes, or raise ValueError."""
    if not isinstance(text, str):
        raise ValueError("not a base64 string")
    data = base64.b64decode(text.encode("ascii"), validate=True)
    if len(data) != length:
        raise ValueError("wrong length")
    return data


def _param(value: Any) -> int:
    if type(value) is not int:
        raise ValueError("not an integer")
    return value


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    return kdf.derive(passphrase.encode("utf-8"))


def _associated_data(vault_id: str, params: KdfParams, salt: str) -> bytes:
    fields = {
        "vault_id": vault_id,
        "type": "passphrase",
        "kdf": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": salt,
    }
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def check_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase()


def wrap(data_key: bytes, passphrase: str, vault_id: str,
         params: KdfParams = KDF_FLOOR) -> dict[str, Any]:
    """A passphrase slot (a JSON-ready dict) holding ``data_key``."""
    check_strength(passphrase)
    if not params.at_least(KDF_FLOOR):
        raise ValueError("KDF parameters below the floor")
    salt, nonce = os.urandom(16), os.urandom(12)
    salt_text = _b64(salt)
    wrapping_key = _derive(passphrase, salt, params)
    wrapped = AESGCM(wrapping_key).encrypt(
        nonce, data_key, _associated_data(vault_id, params, salt_text)
    )
    return {
        "type": "passphrase",
        "kdf": "argon2id",
        "memory_kib": params.memory_kib,
        "iterations": params.iterations,
        "lanes": params.lanes,
        "salt": salt_text,
        "nonce": _b64(nonce),
        "wrapped": _b64(wrapped),
    }


def unwrap(slot: dict[str, Any], passphrase: str, vault_id: str) -> bytes:
    """The data key inside a passphrase slot.

    Raises:
        WrongSecret: the passphrase does not open this slot.
        VaultDamaged: the slot is malformed or below the KDF floor.
    """
    try:
        params = KdfParams(_param(slot["memory_kib"]), _param(slot["iterations"]),
                           _param(slot["lanes"]))
        salt_text = slot["salt"]
        salt = _unb64(salt_text, _SALT_BYTES)
        nonce = _unb64(slot["nonce"], _NONCE_BYTES)
        wrapped = _unb64(slot["wrapped"], _WRAPPED_BYTES)
    except (KeyError, ValueError, TypeError):
        raise VaultDamaged(_DAMAGED) from None
    if (slot.get("kdf") != "argon2id" or not params.at_least(KDF_FLOOR)
            or not KDF_CEILING.at_least(params)):
        raise VaultDamaged(_DAMAGED)
    wrapping_key = _derive(passphrase, salt, params)
    try:
        return AESGCM(wrapping_key).decrypt(
            nonce, wrapped, _associated_data(vault_id, params, salt_text)
        )
    except InvalidTag:
        raise WrongSecret(
            "That passphrase didn't unlock the vault. Check it and try again."
        ) from None
