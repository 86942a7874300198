"""Unlocking: each key slot alone, and every failed open leaves the files as they were."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from rebuild_desktop.domain.errors import (
    BadRecoveryCode,
    KeyMissingFromKeyring,
    KnownError,
    VaultDamaged,
    WrongSecret,
)
from rebuild_desktop.secrets import recovery
from rebuild_desktop.secrets.keyring_store import SERVICE
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import UnlockMethod, Vault
from rebuild_desktop.storage.connection import open_database
from rebuild_desktop.storage.records import TimelineRepository
from tests.support.files import flip_byte, snapshot
from tests.support.memory_keyring import MemoryKeyring
from tests.support.vaults import PASSPHRASE, SENTINEL, Template, build_template

PAGE = 4096


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return build_template(tmp_path_factory.mktemp("template") / "data")


@pytest.fixture(scope="module")
def stranger(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """Another vault, for its key and its recovery code."""
    return build_template(tmp_path_factory.mktemp("stranger") / "data", name="other")


@pytest.fixture
def library(template: Template, data_dir: Path, memory_keyring: MemoryKeyring) -> VaultLibrary:
    return template.install(data_dir, memory_keyring)


def _titles(vault: Vault) -> list[str]:
    return [event.title for event in TimelineRepository(vault.db).all()]


# Each slot alone ---------------------------------------------------------------


def test_keyring_alone(library: VaultLibrary) -> None:
    vault = library.open_with_keyring("both")
    try:
        assert vault.unlocked_by is UnlockMethod.KEYRING
        assert _titles(vault) == [f"Title {SENTINEL}"]
    finally:
        vault.close()


def test_passphrase_alone(library: VaultLibrary, memory_keyring: MemoryKeyring) -> None:
    memory_keyring.items.clear()
    vault = library.open_with_passphrase("both", PASSPHRASE)
    try:
        assert vault.unlocked_by is UnlockMethod.PASSPHRASE
        assert _titles(vault) == [f"Title {SENTINEL}"]
    finally:
        vault.close()


@pytest.mark.parametrize("form", [
    lambda code: code,
    str.lower,
    lambda code: code.replace("-", " "),
    lambda code: code.replace("-", ""),
    lambda code: "  " + code.lower().replace("-", " - ") + "\n",
], ids=["as-shown", "lower-case", "spaces", "no-separators", "loose"])
def test_recovery_code_alone(library: VaultLibrary, template: Template,
                             memory_keyring: MemoryKeyring,
                             form: Callable[[str], str]) -> None:
    memory_keyring.items.clear()
    vault = library.open_with_recovery_code("both", form(template.recovery_code))
    try:
        assert vault.unlocked_by is UnlockMethod.RECOVERY
        assert _titles(vault) == [f"Title {SENTINEL}"]
    finally:
        vault.close()


def test_recovery_code_is_grouped_and_carries_at_least_128_bits(template: Template) -> None:
    groups = template.recovery_code.split("-")
    assert all(len(group) == 4 and group.isalnum() and group.isupper() for group in groups)
    assert len(recovery.decode(template.recovery_code)) * 8 >= 128


def test_recovery_code_alone_opens_vault_and_backup_without_keyslots(
        library: VaultLibrary, template: Template, memory_keyring: MemoryKeyring) -> None:
    vault = library.open_with_keyring("both")
    backup = vault.backup("manual")
    paths = vault.paths
    vault.close()
    paths.keyslots.unlink()
    (paths.backups / "keyslots.json").unlink()
    memory_keyring.items.clear()

    vault = library.open_with_recovery_code("both", template.recovery_code)
    try:
        assert _titles(vault) == [f"Title {SENTINEL}"]
        assert vault.vault_id == template.vault_id
    finally:
        vault.close()
    fresh = json.loads(paths.keyslots.read_text())
    assert fresh["vault_id"] == template.vault_id and fresh["kind"] == "couple"

    conn = open_database(backup, recovery.decode(template.recovery_code.lower()))
    try:
        titles = [row[0] for row in conn.execute("SELECT title FROM timeline")]
    finally:
        conn.close()
    assert titles == [f"Title {SENTINEL}"]


# Failed opens ------------------------------------------------------------------


def _flip_in_slot(field: str) -> Callable[[Path], None]:
    def tamper(folder: Path) -> None:
        path = folder / "keyslots.json"
        document = json.loads(path.read_text())
        slot = next(s for s in document["slots"] if s["type"] == "passphrase")
        import base64

        raw = bytearray(base64.b64decode(slot[field]))
        raw[len(raw) // 2] ^= 0x01
        slot[field] = base64.b64encode(bytes(raw)).decode()
        path.write_text(json.dumps(document))
    return tamper


def _raise_param(field: str) -> Callable[[Path], None]:
    def tamper(folder: Path) -> None:
        path = folder / "keyslots.json"
        document = json.loads(path.read_text())
        slot = next(s for s in document["slots"] if s["type"] == "passphrase")
        slot[field] += 1
        path.write_text(json.dumps(document))
    return tamper


def _damage_page(page: int) -> Callable[[Path], None]:
    def tamper(folder: Path) -> None:
        flip_byte(folder / "vault.db", page * PAGE + PAGE // 2)
    return tamper


def _no_change(folder: Path) -> None:
    """The files stay as they are; the secret is what is wrong."""


def _read_everything(vault: Vault) -> None:
    """Read every page, as a full check does."""
    assert vault.db.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    assert vault.db.execute("PRAGMA cipher_integrity_check").fetchall() == []


_SCENARIOS = {
    # name: (tamper with the folder, how to open, the error)
    "wrong-passphrase": (_no_change, ("passphrase", "not the passphrase"), WrongSecret),
    "tampered-wrapped-key": (_flip_in_slot("wrapped"), ("passphrase", PASSPHRASE), WrongSecret),
    "tampered-nonce": (_flip_in_slot("nonce"), ("passphrase", PASSPHRASE), WrongSecret),
    "tampered-salt": (_flip_in_slot("salt"), ("passphrase", PASSPHRASE), WrongSecret),
    "tampered-params": (_raise_param("iterations"), ("passphrase", PASSPHRASE), WrongSecret),
    "damaged-first-page": (_damage_page(0), ("keyring", None), VaultDamaged),
    "missing-keyring-item": (_no_change, ("keyring-empty", None), KeyMissingFromKeyring),
    "keyring-holds-another-key": (_no_change, ("keyring-stranger", None), WrongSecret),
    "recovery-code-of-another-vault": (_no_change, ("recovery-stranger", None), WrongSecret),
    "mistyped-recovery-code": (_no_change, ("recovery-typo", None), BadRecoveryCode),
    "emptied-vault-file": (lambda f: (f / "vault.db").write_bytes(b""), ("keyring", None),
                           VaultDamaged),
    "keyslots-missing": (lambda f: (f / "keyslots.json").unlink(), ("keyring", None), VaultDamaged),
}


@pytest.mark.parametrize("scenario", list(_SCENARIOS))
def test_failed_open_is_typed_and_changes_no_file(
        scenario: str, library: VaultLibrary, template: Template, stranger: Template,
        memory_keyring: MemoryKeyring, data_dir: Path) -> None:
    tamper, (method, secret), expected = _SCENARIOS[scenario]
    tamper(data_dir / "vaults" / "both")
    if method == "keyring-empty":
        memory_keyring.items.clear()
    if method == "keyring-stranger":
        memory_keyring.set_password(SERVICE, template.vault_id, stranger.key_hex)
    code = {"recovery-stranger": stranger.recovery_code,
            "recovery-typo": _typo(template.recovery_code)}.get(method)
    before = snapshot(data_dir)

    with pytest.raises(KnownError) as caught:
        if method.startswith("keyring"):
            library.open_with_keyring("both")
        elif method == "passphrase":
            library.open_with_passphrase("both", secret)
        else:
            library.open_with_recovery_code("both", code)

    assert type(caught.value) is expected, caught.value
    assert SENTINEL not in str(caught.value)
    assert snapshot(data_dir) == before


def test_damaged_later_page_is_vault_damaged_and_changes_no_file(
        library: VaultLibrary, data_dir: Path) -> None:
    vault = library.open_with_keyring("both")
    root = vault.db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'timeline'").fetchone()
    vault.close()
    assert root[0] > 1
    flip_byte(data_dir / "vaults" / "both" / "vault.db", (root[0] - 1) * PAGE + PAGE // 2)
    before = snapshot(data_dir)

    vault = library.open_with_keyring("both")  # page 1 is sound, so it opens
    try:
        with pytest.raises(VaultDamaged):
            TimelineRepository(vault.db).all()
        assert snapshot(data_dir / "vaults" / "both" / "backups") == {}
        # An integrity check finds damage on any page without raising.
        assert vault.db.execute("PRAGMA cipher_integrity_check").fetchall()
    finally:
        vault.close()
    assert snapshot(data_dir) == before


def test_an_open_and_close_rewrites_nothing(library: VaultLibrary, data_dir: Path) -> None:
    before = snapshot(data_dir)
    vault = library.open_with_keyring("both")
    _read_everything(vault)
    vault.close()
    assert snapshot(data_dir) == before


def test_recovery_without_keyslots_writes_nothing_when_the_open_fails(
        library: VaultLibrary, template: Template, data_dir: Path) -> None:
    from rebuild_desktop.domain.errors import SchemaTooNew
    from rebuild_desktop.storage.schema import SCHEMA_VERSION

    vault = library.open_with_keyring("both")
    vault.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    vault.close()
    (data_dir / "vaults" / "both" / "keyslots.json").unlink()
    before = snapshot(data_dir)
    with pytest.raises(SchemaTooNew):
        library.open_with_recovery_code("both", template.recovery_code)
    assert snapshot(data_dir) == before


def _typo(code: str) -> str:
    first = code[0]
    return ("B" if first != "B" else "C") + code[1:]
