"""The command line writes the PDF with no Qt application and no display."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.export.pdf_reading import pdf_text

SCRIPT = """
import sys
from pathlib import Path
import keyring
from tests.support.memory_keyring import MemoryKeyring
keyring.set_keyring(MemoryKeyring())
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.export.counselor import write_counselor_pdf
from rebuild_desktop.secrets.keyring_store import SystemKeyring
from rebuild_desktop.services.library import NewVault, VaultLibrary
library = VaultLibrary(Path(sys.argv[1]), SystemKeyring(timeout=5))
vault = library.create(NewVault("home", VaultKind.COUPLE,
    [Partner(PartnerId.A, "Alex"), Partner(PartnerId.B, "Sam")], remember=True)).vault
print(write_counselor_pdf(vault, Path(sys.argv[2]), date_from=None, date_to=None, password=None))
"""


def test_write_counselor_pdf_without_an_app_or_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    out = tmp_path / "cli.pdf"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(out)],
                          env=env, cwd=Path(__file__).parents[2], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert done.stdout.strip() == str(out)
    assert "Counselor summary" in pdf_text(out)
