"""Every test runs offscreen, in its own HOME, data dir and keyring."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import keyring  # noqa: E402
import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from rebuild_desktop.domain.records import Partner  # noqa: E402
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind  # noqa: E402
from rebuild_desktop.secrets.keyring_store import SystemKeyring  # noqa: E402
from rebuild_desktop.services.library import NewVault, VaultLibrary  # noqa: E402
from rebuild_desktop.services.vault import Vault  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402

JOURNAL_PASSPHRASE = "a quiet evening walk"


@pytest.fixture(autouse=True)
def private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A HOME, XDG folders and data dir of the test's own."""
    home = tmp_path / "home"
    home.mkdir()
    if not os.environ.get("REBUILD_SECRET_SERVICE"):
        # Under the Secret Service wrapper HOME must stay where gnome-keyring lives.
        monkeypatch.setenv("HOME", str(home))
    for var, sub in (("XDG_DATA_HOME", ".local/share"), ("XDG_CONFIG_HOME", ".config"),
                     ("XDG_CACHE_HOME", ".cache")):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("REBUILD_DESKTOP_DATA_DIR", str(tmp_path / "data"))
    # Qt reads XDG_CONFIG_HOME only once per process: point QSettings at this
    # test's folder explicitly, so no test sees another's settings file.
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(home / ".config"))
    return home


@pytest.fixture(autouse=True)
def memory_keyring(request: pytest.FixtureRequest) -> Iterator[MemoryKeyring | None]:
    """Unit tests get an in-memory keyring; ``keyring`` tests the real Secret Service."""
    if request.node.get_closest_marker("keyring"):
        if not os.environ.get("REBUILD_SECRET_SERVICE"):
            reason = "needs a Secret Service: run through tests/with_secret_service.sh"
            if os.environ.get("CI") == "true":
                pytest.fail(reason)  # CI must run them, never skip them
            pytest.skip(reason)
        # keyring's own choice, as the app makes it, minus the backends that
        # test modules define (defining one registers it with keyring).
        from keyring.core import init_backend

        init_backend(limit=lambda backend: not getattr(backend, "test_only", False))
        yield None
        return
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def library(data_dir: Path) -> VaultLibrary:
    return VaultLibrary(data_dir, SystemKeyring(timeout=5))


@pytest.fixture
def couple_vault(library: VaultLibrary) -> Iterator[Vault]:
    """An open couple vault unlocked by the keyring (no KDF, so it is quick)."""
    created = library.create(NewVault(
        "home", VaultKind.COUPLE,
        [Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam", Role.BROKE_TRUST)],
        remember=True,
    ))
    yield created.vault
    created.vault.close()


@pytest.fixture
def journal_vault(library: VaultLibrary) -> Iterator[Vault]:
    """An open journal vault with a passphrase slot only."""
    created = library.create(NewVault(
        "notes", VaultKind.JOURNAL, [Partner(PartnerId.A, "Alex")], passphrase=JOURNAL_PASSPHRASE,
    ))
    yield created.vault
    created.vault.close()
