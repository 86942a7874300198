"""Passphrase slots: Argon2id at or above the floor, AES-256-GCM, and tampering."""

from __future__ import annotations

import base64
from typing import Any

import pytest

from rebuild_desktop.domain.errors import VaultDamaged, WeakPassphrase, WrongSecret
from rebuild_desktop.secrets import passphrase
from rebuild_desktop.secrets.passphrase import KDF_FLOOR, KdfParams

KEY = bytes(range(32))
VAULT_ID = "5d0c7a52-2f4e-4d0b-9b7e-6c1f0e2a9d11"
SECRET = "a long walk by the river"


@pytest.fixture(scope="module")
def slot() -> dict[str, Any]:
    return passphrase.wrap(KEY, SECRET, VAULT_ID)


def test_floor_is_at_least_64_mib_t3_p4() -> None:
    assert KDF_FLOOR.memory_kib >= 64 * 1024
    assert KDF_FLOOR.iterations >= 3
    assert KDF_FLOOR.lanes >= 4


def test_stored_parameters_and_aes_256_gcm_sizes(slot: dict[str, Any]) -> None:
    assert slot["type"] == "passphrase" and slot["kdf"] == "argon2id"
    assert slot["memory_kib"] >= 64 * 1024
    assert slot["iterations"] >= 3
    assert slot["lanes"] >= 4
    assert len(base64.b64decode(slot["salt"])) == 16
    assert len(base64.b64decode(slot["nonce"])) == 12  # the GCM nonce
    # A 32-byte data key plus GCM's 16-byte tag.
    assert len(base64.b64decode(slot["wrapped"])) == 32 + 16


def test_round_trip_and_wrong_passphrase(slot: dict[str, Any]) -> None:
    assert passphrase.unwrap(slot, SECRET, VAULT_ID) == KEY
    with pytest.raises(WrongSecret):
        passphrase.unwrap(slot, SECRET + " ", VAULT_ID)


def test_slot_of_another_vault_does_not_open(slot: dict[str, Any]) -> None:
    with pytest.raises(WrongSecret):
        passphrase.unwrap(slot, SECRET, "another-vault-id")


@pytest.mark.parametrize(("field", "value"), [
    ("memory_kib", 64 * 1024 - 1), ("memory_kib", 8), ("iterations", 2), ("iterations", 1),
    ("lanes", 3), ("lanes", 1),
])
def test_lowered_parameters_fail(slot: dict[str, Any], field: str, value: int) -> None:
    weakened = {**slot, field: value}
    with pytest.raises(VaultDamaged):
        passphrase.unwrap(weakened, SECRET, VAULT_ID)


@pytest.mark.parametrize(("field", "value"), [
    # Absurd parameters must not make the app try to allocate terabytes or spin for hours.
    ("memory_kib", 2**40), ("iterations", 10**9), ("lanes", 2**24),
    # Malformed fields: wrong lengths, wrong types, not base64.
    ("salt", base64.b64encode(b"short").decode()), ("nonce", base64.b64encode(b"x" * 4).decode()),
    ("nonce", 12), ("wrapped", ["not", "text"]), ("salt", "not base64!"),
    ("wrapped", base64.b64encode(b"x" * 10).decode()), ("kdf", "scrypt"), ("memory_kib", "lots"),
])
def test_malformed_slot_is_damaged_not_a_crash(slot: dict[str, Any], field: str,
                                               value: Any) -> None:
    with pytest.raises(VaultDamaged):
        passphrase.unwrap({**slot, field: value}, SECRET, VAULT_ID)


def test_missing_field_is_damaged(slot: dict[str, Any]) -> None:
    for field in ("salt", "nonce", "wrapped", "memory_kib"):
        broken = {k: v for k, v in slot.items() if k != field}
        with pytest.raises(VaultDamaged):
            passphrase.unwrap(broken, SECRET, VAULT_ID)


def test_wrap_refuses_weak_passphrase_and_weak_parameters() -> None:
    with pytest.raises(WeakPassphrase):
        passphrase.wrap(KEY, "short", VAULT_ID)
    with pytest.raises(ValueError):
        passphrase.wrap(KEY, SECRET, VAULT_ID, KdfParams(memory_kib=1024))
