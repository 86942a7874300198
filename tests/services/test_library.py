"""Creating vaults (and refusing cleanly), key slots and passphrase changes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from keyring.errors import KeyringLocked as BackendLocked

from rebuild_desktop.domain.errors import (
    InvalidVaultName,
    KeyringLocked,
    KnownError,
    NoKeyring,
    NoUnlockMethod,
    VaultExists,
    WeakPassphrase,
    WrongSecret,
)
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.secrets import keyslots, recovery
from rebuild_desktop.secrets.keyring_store import SERVICE, SystemKeyring
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import open_database
from tests.support.files import snapshot
from tests.support.memory_keyring import MemoryKeyring
from tests.support.vaults import PASSPHRASE, SENTINEL, Template, build_template

PARTNERS = [Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam")]


def _couple(name: str = "home", **kwargs: object) -> NewVault:
    return NewVault(name, VaultKind.COUPLE, list(PARTNERS), **kwargs)  # type: ignore[arg-type]


# Refusals ----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["", "x" * 65, "../x", "a b", "é", ".", "..", "a/b", "a\x00"])
def test_invalid_names_create_nothing(library: VaultLibrary, data_dir: Path,
                                      memory_keyring: MemoryKeyring, name: str) -> None:
    with pytest.raises(InvalidVaultName):
        library.create(_couple(name, remember=True))
    assert not data_dir.exists()
    assert memory_keyring.items == {}


def test_longest_name_is_accepted(library: VaultLibrary) -> None:
    created = library.create(_couple("n" * 64, remember=True))
    created.vault.close()
    assert [s.name for s in library.summaries()] == ["n" * 64]


def test_existing_name_is_refused_and_untouched(couple_vault: Vault, library: VaultLibrary,
                                                data_dir: Path,
                                                memory_keyring: MemoryKeyring) -> None:
    couple_vault.close()
    before, items = snapshot(data_dir), dict(memory_keyring.items)
    with pytest.raises(VaultExists):
        library.create(_couple("home", remember=True))
    assert snapshot(data_dir) == before
    assert memory_keyring.items == items


@pytest.mark.parametrize(("spec", "error"), [
    (NewVault("j", VaultKind.JOURNAL, [Partner(PartnerId.A, "Alex")]), NoUnlockMethod),
    (_couple(remember=False), NoUnlockMethod),
    (_couple(passphrase="short"), WeakPassphrase),
    (_couple(passphrase="seven77", remember=True), WeakPassphrase),
])
def test_refusals_create_nothing(library: VaultLibrary, data_dir: Path,
                                 memory_keyring: MemoryKeyring, spec: NewVault,
                                 error: type[KnownError]) -> None:
    with pytest.raises(error):
        library.create(spec)
    assert not data_dir.exists()
    assert memory_keyring.items == {}


def test_remember_without_a_usable_keyring_creates_nothing(library: VaultLibrary,
                                                           data_dir: Path) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(NoKeyring):
        library.create(_couple(remember=True))
    assert not data_dir.exists()


class _LocksOnWrite(MemoryKeyring):
    """Answers the availability check, then refuses to store (a locked collection)."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise BackendLocked("locked")


def test_keyring_failing_mid_create_leaves_nothing(library: VaultLibrary,
                                                   data_dir: Path) -> None:
    backend = _LocksOnWrite()
    keyring.set_keyring(backend)
    with pytest.raises(KeyringLocked):
        library.create(_couple(remember=True))
    assert list((data_dir / "vaults").iterdir()) == []
    assert backend.items == {}


# What a new vault is -----------------------------------------------------------


def test_keyslots_file_holds_no_content(couple_vault: Vault) -> None:
    raw = couple_vault.paths.keyslots.read_text()
    document = json.loads(raw)
    assert set(document) == {"format", "version", "vault_id", "kind", "key_check", "slots"}
    assert document["slots"] == [{"type": "keyring", "account": couple_vault.vault_id}]
    for word in ("Alex", "Sam", "hurt", "home"):
        assert word.lower() not in raw.lower()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", raw)


def test_summaries_show_only_label_kind_and_slots(couple_vault: Vault,
                                                  journal_vault: Vault,
                                                  library: VaultLibrary) -> None:
    summaries = {s.name: s for s in library.summaries()}
    assert set(summaries) == {"home", "notes"}
    assert summaries["home"].kind is VaultKind.COUPLE and summaries["home"].remembered
    assert summaries["notes"].has_passphrase and not summaries["notes"].remembered


# Passphrase changes --------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    return build_template(tmp_path_factory.mktemp("template") / "data", "notes",
                          VaultKind.JOURNAL)


def test_change_passphrase_keeps_the_data_key(template: Template, data_dir: Path,
                                              memory_keyring: MemoryKeyring) -> None:
    library = template.install(data_dir, None)
    vault = library.open_with_passphrase("notes", PASSPHRASE)
    old_backup = vault.backup("manual")
    vault.change_passphrase("a new and different phrase")
    key = vault.key()
    vault.close()

    with pytest.raises(WrongSecret):
        library.open_with_passphrase("notes", PASSPHRASE)
    vault = library.open_with_passphrase("notes", "a new and different phrase")
    assert vault.key() == key == recovery.decode(template.recovery_code)
    assert len(vault.slots.of_type(keyslots.PASSPHRASE)) == 1
    vault.close()

    conn = open_database(old_backup, key)  # old backups still open with the same key
    try:
        assert SENTINEL in conn.execute("SELECT title FROM journal").fetchone()[0]
    finally:
        conn.close()
    # The copy of the key slots kept with the backups follows the change, so
    # the old passphrase opens nothing any more.
    copy = keyslots.load(vault.paths.backups / "keyslots.json")
    assert copy.slots == vault.slots.slots


def test_forgetting_removes_the_keyring_item(template: Template, data_dir: Path,
                                             memory_keyring: MemoryKeyring) -> None:
    library = template.install(data_dir, memory_keyring)
    vault = library.open_with_keyring("notes")
    vault.set_remembered(False)
    vault.close()
    assert (SERVICE, template.vault_id) not in memory_keyring.items
    assert not library.summary("notes").remembered
    vault = library.open_with_passphrase("notes", PASSPHRASE)
    vault.set_remembered(True)
    vault.close()
    assert memory_keyring.items[(SERVICE, template.vault_id)] == template.key_hex
    library.open_with_keyring("notes").close()


def test_a_failed_keyring_write_leaves_the_slots_as_they_were(
        template: Template, data_dir: Path, memory_keyring: MemoryKeyring) -> None:
    library = template.install(data_dir, memory_keyring)
    vault = library.open_with_keyring("notes")
    vault.set_remembered(False)
    vault.close()
    keyring.set_keyring(_LocksOnWrite())
    vault = VaultLibrary(data_dir, SystemKeyring(timeout=5)).open_with_passphrase(
        "notes", PASSPHRASE)
    slot_file = vault.paths.keyslots.read_bytes()
    with pytest.raises(KeyringLocked):
        vault.set_remembered(True)
    assert not vault.remembered
    vault.close()
    assert vault.paths.keyslots.read_bytes() == slot_file
