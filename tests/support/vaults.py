"""Ready-made vaults for tests that need a passphrase slot.

Argon2id at the real parameters takes about a second, so a module builds
one vault with every key slot once and each test gets a copy of its folder
(and of its keyring item) in its own data dir.
"""

from __future__ import annotations

import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import keyring

from rebuild_desktop.domain.records import (
    Gratitude,
    JournalEntry,
    Partner,
    TimelineEvent,
)
from rebuild_desktop.domain.values import Author, EventKind, PartnerId, Role, VaultKind
from rebuild_desktop.secrets.keyring_store import SERVICE, SystemKeyring
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.layout import vault_paths
from rebuild_desktop.storage.records import (
    GratitudeRepository,
    JournalRepository,
    TimelineRepository,
)
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "steady hands, slow mornings"
SENTINEL = "Zephyrine-Quokka-4417"


@dataclass(frozen=True, slots=True)
class Template:
    """A closed vault with keyring, passphrase and recovery slots."""

    data_dir: Path
    name: str
    kind: VaultKind
    vault_id: str
    key_hex: str
    recovery_code: str

    def install(self, data_dir: Path, backend: MemoryKeyring | None) -> VaultLibrary:
        """Copy the vault into ``data_dir`` and its key into ``backend``."""
        target = vault_paths(data_dir, self.name).folder
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copytree(vault_paths(self.data_dir, self.name).folder, target)
        if backend is not None:
            backend.set_password(SERVICE, self.vault_id, self.key_hex)
        return VaultLibrary(data_dir, SystemKeyring(timeout=5))


def build_template(data_dir: Path, name: str = "both",
                   kind: VaultKind = VaultKind.COUPLE) -> Template:
    """Create a vault with every slot and a few records holding SENTINEL."""
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        library = VaultLibrary(data_dir, SystemKeyring(timeout=5))
        partners = [Partner(PartnerId.A, f"Alex {SENTINEL}", Role.HURT)]
        if kind is VaultKind.COUPLE:
            partners.append(Partner(PartnerId.B, f"Sam {SENTINEL}", Role.BROKE_TRUST))
        created = library.create(NewVault(name, kind, partners, PASSPHRASE, remember=True))
        vault = created.vault
        fill_with_sentinel(vault)
        key_hex = vault.key().hex()
        vault.close()
    finally:
        keyring.set_keyring(previous)
    return Template(data_dir, name, kind, vault.vault_id, key_hex, created.recovery_code)


def fill_with_sentinel(vault: Vault) -> None:
    """Records of several kinds whose text holds SENTINEL."""
    with transaction(vault.db):
        if vault.kind is VaultKind.COUPLE:
            TimelineRepository(vault.db).add(TimelineEvent(
                str(uuid.uuid4()), "2026-03-01", EventKind.DISCLOSURE, Author.BOTH,
                f"Title {SENTINEL}", f"Text {SENTINEL} " * 20, tags=[f"tag-{SENTINEL}"],
            ))
            GratitudeRepository(vault.db).add(Gratitude(
                str(uuid.uuid4()), "2026-03-02", PartnerId.B, PartnerId.A,
                f"Thank you {SENTINEL}", reply=f"Reply {SENTINEL}",
            ))
        else:
            JournalRepository(vault.db).add(JournalEntry(
                str(uuid.uuid4()), "2026-03-03", f"Journal {SENTINEL} " * 20,
                title=f"Entry {SENTINEL}",
            ))
