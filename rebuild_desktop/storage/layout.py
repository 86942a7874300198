"""Where vaults live on disk, and what a vault name may be.

    DATA_DIR/vaults/NAME/vault.db        the SQLCipher file
    DATA_DIR/vaults/NAME/keyslots.json   wrapped keys, vault id and kind
    DATA_DIR/vaults/NAME/backups/        encrypted backups and key-slot copies
    DATA_DIR/staging/                    vaults being created, moved into vaults/ when whole

The folder name is the label the person chose; the start screen shows it and
the wizard says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rebuild_desktop.domain.errors import InvalidVaultName

_NAME = re.compile(r"[A-Za-z0-9_.\-]{1,64}")


def check_name(name: str) -> str:
    if not _NAME.fullmatch(name) or name in (".", ".."):
        raise InvalidVaultName()
    return name


@dataclass(frozen=True, slots=True)
class VaultPaths:
    folder: Path

    @property
    def name(self) -> str:
        return self.folder.name

    @property
    def database(self) -> Path:
        return self.folder / "vault.db"

    @property
    def keyslots(self) -> Path:
        return self.folder / "keyslots.json"

    @property
    def backups(self) -> Path:
        return self.folder / "backups"

    def sidecars(self) -> list[Path]:
        """The journal files SQLite may leave beside the database."""
        db = self.database
        return [db.with_name(db.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def vaults_root(data_dir: Path) -> Path:
    return data_dir / "vaults"


def vault_paths(data_dir: Path, name: str) -> VaultPaths:
    return VaultPaths(vaults_root(data_dir) / check_name(name))
