"""Vault files written by earlier versions still open (and migrate, once there
is something to migrate). Each file under tests/data/vaults/ is committed as
that version wrote it; never regenerate one, add a new one beside it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import sqlcipher3

from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.storage import schema
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import TimelineRepository

OLD_VAULTS = Path(__file__).parents[1] / "data" / "vaults"
# Test data only: these codes open nothing but the fixtures beside this file.
RECOVERY_CODES = {
    "v1-couple": "ARQA-3C7S-2OIQ-77VU-DRGB-OY2M-VKAD-J7KY-6PJW-DQ4Q-MFDX-QOJV-KM4N-CYE3",
    "v2-couple": "T36Y-RCIJ-5C7R-5TLP-4Z4C-U7S2-FKYJ-6BMR-KD22-ZSPW-YYEP-MPZM-S3NG-ETPO",
}
PASSPHRASES = {"v1-couple": "schema version one", "v2-couple": "schema version two"}
WRITTEN_BY = {"v1-couple": 1, "v2-couple": 2}


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


def test_an_old_vault_is_migrated_whole_after_a_backup(old_vault: str, data_dir: Path):
    library = VaultLibrary(data_dir)
    vault = library.open_with_passphrase(old_vault, PASSPHRASES[old_vault])
    try:
        found = vault.db.execute(
            "SELECT title FROM timeline WHERE seq IN "
            "(SELECT rowid FROM timeline_fts WHERE timeline_fts MATCH 'calm')").fetchall()
        assert found == [("A first calm evening",)]
        vault.db.execute("INSERT INTO timeline_fts (timeline_fts) VALUES ('integrity-check')")
        assert vault.db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        with pytest.raises(sqlcipher3.IntegrityError):
            vault.db.execute("UPDATE timeline SET author = 'nobody'")
    finally:
        vault.close()
    migrated = WRITTEN_BY[old_vault] < schema.SCHEMA_VERSION
    backups = list((data_dir / "vaults" / old_vault / "backups").glob("*before-migration*"))
    assert len(backups) == (1 if migrated else 0)
