"""Nothing readable about the content sits on disk, open or closed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.vault import Vault
from tests.support.vaults import SENTINEL, fill_with_sentinel


def _needles() -> list[bytes]:
    variants = {SENTINEL, SENTINEL.lower(), SENTINEL.upper()}
    needles = []
    for text in variants:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            needles.append(text.encode(encoding))
    return needles


def _leaks(*roots: Path) -> list[str]:
    """Every file under ``roots`` holding the sentinel in any form."""
    found = []
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and not path.is_symlink():
                data = path.read_bytes()
                if any(needle in data for needle in _needles()):
                    found.append(str(path))
    return found


@pytest.fixture
def secret_couple(library: VaultLibrary) -> Vault:
    created = library.create(NewVault(
        "home", VaultKind.COUPLE,
        [Partner(PartnerId.A, f"Alex {SENTINEL}", Role.HURT),
         Partner(PartnerId.B, f"Sam {SENTINEL}")],
        remember=True,
    ))
    fill_with_sentinel(created.vault)
    return created.vault


def test_sentinel_is_nowhere_on_disk(secret_couple: Vault, library: VaultLibrary,
                                     tmp_path: Path, private_home: Path) -> None:
    journal = library.create(NewVault(
        "notes", VaultKind.JOURNAL, [Partner(PartnerId.A, f"Alex {SENTINEL}")],
        passphrase="a quiet evening walk",
    )).vault
    fill_with_sentinel(journal)
    paths = secret_couple.paths
    assert paths.database.with_name("vault.db-wal").stat().st_size > 0  # the WAL is in use
    assert _leaks(tmp_path) == []

    secret_couple.backup("manual")
    for vault in (secret_couple, journal):
        vault.db.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
    assert _leaks(tmp_path) == []

    for vault in (secret_couple, journal):
        vault.close()
    assert _leaks(tmp_path) == []
    assert private_home.is_relative_to(tmp_path)


def test_search_finds_the_sentinel_only_inside(secret_couple: Vault) -> None:
    """The sentinel really is in the vault (so the search above could fail)."""
    rows = secret_couple.db.execute(
        "SELECT count(*) FROM timeline_fts WHERE timeline_fts MATCH ?", (SENTINEL.split("-")[0],)
    ).fetchone()
    assert rows[0] == 1
    raw = secret_couple.paths.database.read_bytes()
    plain = secret_couple.db.execute("SELECT title FROM timeline").fetchone()[0]
    assert SENTINEL in plain and SENTINEL.encode() not in raw


def test_keyslots_and_listing_name_no_partner_title_date_or_count(secret_couple: Vault,
                                                                  data_dir: Path) -> None:
    secret_couple.backup("manual")
    secret_couple.close()
    for path in (secret_couple.paths.keyslots, secret_couple.paths.backups / "keyslots.json"):
        document = json.loads(path.read_text())
        assert set(document) == {"format", "version", "vault_id", "kind", "key_check", "slots"}
        assert SENTINEL not in path.read_text()
    names = {p.name for p in data_dir.rglob("*")}
    assert not any(SENTINEL in name or "Alex" in name for name in names)
