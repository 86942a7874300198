"""The command line and the demo against a real Secret Service (gnome-keyring).

Run through ``tests/with_secret_service.sh``; skipped otherwise (conftest).
"""

from __future__ import annotations

import io
import re

import pytest

from rebuild_desktop import cli
from rebuild_desktop.services.demo import create_demo_vault
from rebuild_desktop.services.library import VaultLibrary

pytestmark = pytest.mark.keyring
CODE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){13}$")


def test_a_couple_vault_keeps_its_key_in_the_real_keyring(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["vault", "create", "home", "--kind", "couple"],
                    stdin=io.StringIO("")) == 0
    created = capsys.readouterr()
    assert CODE.match(created.out.splitlines()[-1])
    assert cli.main(["verify", "home"], stdin=io.StringIO("")) == 0
    assert capsys.readouterr().out == "home: sound\n"


def test_the_demo_uses_the_real_keyring(library: VaultLibrary) -> None:
    create_demo_vault(library).vault.close()
    vault = library.open_with_keyring("demo")
    try:
        assert vault.remembered
    finally:
        vault.close()
