"""A crash in the middle of creating a vault leaves no vault behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import keyring
import pytest

from rebuild_desktop.domain.errors import VaultExists
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.services.library import NewVault, VaultLibrary
from tests.support.memory_keyring import MemoryKeyring

_CRASH_WHILE_STORING_THE_KEY = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    import keyring
    from tests.support.memory_keyring import MemoryKeyring
    from rebuild_desktop.domain.records import Partner
    from rebuild_desktop.domain.values import PartnerId, VaultKind
    from rebuild_desktop.secrets.keyring_store import SystemKeyring
    from rebuild_desktop.services.library import NewVault, VaultLibrary

    class PowerCut(MemoryKeyring):
        def set_password(self, service, username, password):
            os._exit(3)  # the process dies here, as in a power cut or a kill

    keyring.set_keyring(PowerCut())
    library = VaultLibrary(Path(sys.argv[1]), SystemKeyring(timeout=5))
    library.create(NewVault("home", VaultKind.COUPLE,
                            [Partner(PartnerId.A, "Alex"), Partner(PartnerId.B, "Sam")],
                            remember=True))
""")


def test_a_crash_mid_create_leaves_no_vault(data_dir: Path, library: VaultLibrary) -> None:
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run([sys.executable, "-c", _CRASH_WHILE_STORING_THE_KEY, str(data_dir)],
                            cwd=root, capture_output=True, text=True, timeout=60)
    assert result.returncode == 3, result.stderr
    assert any((data_dir / "staging").iterdir())  # the half-made vault, out of sight
    assert library.summaries() == []
    assert not (data_dir / "vaults" / "home").exists()

    created = library.create(NewVault("home", VaultKind.COUPLE,
                                      [Partner(PartnerId.A, "Alex"), Partner(PartnerId.B, "Sam")],
                                      remember=True))
    created.vault.close()
    assert [s.name for s in library.summaries()] == ["home"]


def test_a_name_starting_with_a_dot_is_listed(library: VaultLibrary) -> None:
    created = library.create(NewVault(".quiet", VaultKind.JOURNAL, [Partner(PartnerId.A)],
                                      remember=True))
    created.vault.close()
    assert [s.name for s in library.summaries()] == [".quiet"]


def test_a_vault_made_meanwhile_by_another_window_is_kept(data_dir: Path,
                                                          library: VaultLibrary) -> None:
    class OtherWindowFirst(MemoryKeyring):
        """While this window stores its key, another one finishes a vault "home"."""

        def set_password(self, service: str, username: str, password: str) -> None:
            other = data_dir / "vaults" / "home"
            other.mkdir()
            (other / "vault.db").write_bytes(b"the other window's vault")
            super().set_password(service, username, password)

    backend = OtherWindowFirst()
    keyring.set_keyring(backend)
    with pytest.raises(VaultExists):
        library.create(NewVault("home", VaultKind.COUPLE, [Partner(PartnerId.A)], remember=True))
    assert (data_dir / "vaults" / "home" / "vault.db").read_bytes() == b"the other window's vault"
    assert list((data_dir / "staging").iterdir()) == []
    assert backend.items == {}
