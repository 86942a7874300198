"""Against the real Secret Service (gnome-keyring in a private D-Bus session).

Run through ``tests/with_secret_service.sh``; ``make test`` does. Without it
these tests skip with the reason shown; in CI a missing Secret Service fails.
"""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest

from rebuild_desktop.domain.errors import KeyMissingFromKeyring
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.secrets.keyring_store import SERVICE, SystemKeyring
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import UnlockMethod
from tests.support.files import snapshot

pytestmark = pytest.mark.keyring

PARTNERS = [Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam")]


def _library(data_dir: Path) -> VaultLibrary:
    return VaultLibrary(data_dir, SystemKeyring(timeout=10))


def test_the_backend_is_the_secret_service() -> None:
    import secretstorage

    backend = keyring.get_keyring()
    assert type(backend).__module__ == "keyring.backends.SecretService"
    assert "SecretService" in SystemKeyring(timeout=10).backend_name()
    connection = secretstorage.dbus_init()
    try:  # the wrapper's daemon is unlocked, so no prompt can block a test
        assert not secretstorage.get_default_collection(connection).is_locked()
    finally:
        connection.close()


def test_couple_vault_reopens_from_the_keyring_alone(data_dir: Path) -> None:
    created = _library(data_dir).create(NewVault("home", VaultKind.COUPLE, PARTNERS,
                                                 remember=True))
    vault_id, key = created.vault.vault_id, created.vault.key()
    created.vault.close()

    assert keyring.get_password(SERVICE, vault_id) == key.hex()
    assert keyring.get_password(SERVICE, "home") is None  # the label is not the account

    vault = _library(data_dir).open_with_keyring("home")  # a fresh adapter, no cache
    try:
        assert vault.unlocked_by is UnlockMethod.KEYRING
        assert vault.key() == key
    finally:
        vault.close()
    keyring.delete_password(SERVICE, vault_id)


def test_item_label_and_attributes_do_not_name_the_vault(data_dir: Path) -> None:
    import secretstorage

    created = _library(data_dir).create(NewVault("our-space", VaultKind.COUPLE, PARTNERS,
                                                 remember=True))
    vault_id = created.vault.vault_id
    created.vault.close()
    connection = secretstorage.dbus_init()
    try:
        items = list(secretstorage.search_items(connection, {"service": SERVICE,
                                                             "username": vault_id}))
        assert len(items) == 1
        shown = items[0].get_label() + repr(items[0].get_attributes())
    finally:
        connection.close()
    for word in ("our-space", "Alex", "Sam"):
        assert word not in shown
    keyring.delete_password(SERVICE, vault_id)


def test_forgetting_removes_the_item(data_dir: Path) -> None:
    library = _library(data_dir)
    created = library.create(NewVault("notes", VaultKind.JOURNAL, PARTNERS[:1],
                                      passphrase="a quiet evening walk", remember=True))
    vault = created.vault
    assert keyring.get_password(SERVICE, vault.vault_id) is not None
    vault.set_remembered(False)
    vault.close()
    assert keyring.get_password(SERVICE, vault.vault_id) is None
    assert not library.summary("notes").remembered


def test_missing_item_is_typed_and_changes_no_file(data_dir: Path) -> None:
    library = _library(data_dir)
    created = library.create(NewVault("home", VaultKind.COUPLE, PARTNERS, remember=True))
    created.vault.close()
    keyring.delete_password(SERVICE, created.vault.vault_id)
    before = snapshot(data_dir)
    with pytest.raises(KeyMissingFromKeyring):
        library.open_with_keyring("home")
    assert snapshot(data_dir) == before
