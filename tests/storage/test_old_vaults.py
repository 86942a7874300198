"""Vault files written by earlier versions still open (and migrate, once there
is something to migrate). Each file under tests/data/vaults/ is committed as
that version wrote it; never regenerate one, add a new one beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.storage import schema
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import TimelineRepository

OLD_VAULTS = Path(__file__).parents[1] / "data" / "vaults"
# Test data only: these codes open nothing but the fixtures beside this file.
RECOVERY_CODES = {
    "v1-couple": "ARQA-3C7S-2OIQ-77VU-DRGB-OY2M-VKAD-J7KY-6PJW-DQ4Q-MFDX-QOJV-KM4N-CYE3",
}
PASSPHRASES = {"v1-couple": "schema version one"}


@pytest.fixture(params=sorted(RECOVERY_CODES))
def old_vault(request: pytest.FixtureRequest, data_dir: Path) -> str:
    name = request.param
    shutil.copytree(OLD_VAULTS / name, data_dir / "vaults" / name)
    return name


def test_every_old_vault_is_listed_here():
    assert sorted(p.name for p in OLD_VAULTS.iterdir()) == sorted(RECOVERY_CODES)


def test_an_old_vault_opens_by_passphrase_and_by_recovery_code(old_vault: str, data_dir: Path):
    library = VaultLibrary(data_dir)
    assert library.summary(old_vault).kind is VaultKind.COUPLE
    for vault in (library.open_with_passphrase(old_vault, PASSPHRASES[old_vault]),
                  library.open_with_recovery_code(old_vault, RECOVERY_CODES[old_vault])):
        try:
            assert schema.schema_version(vault.db) == schema.SCHEMA_VERSION
            events = TimelineRepository(vault.db).all()
            assert [e.title for e in events] == ["A first calm evening"]
            assert events[0].trust == {PartnerId.A: 4, PartnerId.B: 6}
            assert PartnerRepository(vault.db).get(PartnerId.A).name == "Robin"
        finally:
            vault.close()
