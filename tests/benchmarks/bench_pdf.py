"""How long a year of a couple's data takes to become a counselor PDF (target < 1 s).

Run alone: ``python -m tests.benchmarks.bench_pdf``. Prints one line per
measurement and exits 1 when the target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TARGET_SECONDS = 1.0


def measure(rounds: int = 3) -> tuple[float, int]:
    """The best of ``rounds`` exports of a filled vault, and its page count."""
    import keyring
    from PySide6.QtGui import QGuiApplication

    from rebuild_desktop.domain.records import Partner
    from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
    from rebuild_desktop.export.counselor import write_counselor_pdf
    from rebuild_desktop.secrets.keyring_store import SystemKeyring
    from rebuild_desktop.services.library import NewVault, VaultLibrary
    from tests.support.memory_keyring import MemoryKeyring
    from tests.support.report_data import fill_year

    app = QGuiApplication.instance() or QGuiApplication([])
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as folder:
        library = VaultLibrary(Path(folder) / "data", SystemKeyring(timeout=5))
        vault = library.create(NewVault(
            "bench", VaultKind.COUPLE,
            [Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam")],
            remember=True,
        )).vault
        try:
            fill_year(vault.db)
            out = Path(folder) / "summary.pdf"
            best = float("inf")
            pages = 0
            seen: list[int] = []
            for _ in range(rounds):
                started = time.perf_counter()
                write_counselor_pdf(vault, out, date_from="2026-01-01", date_to="2026-12-31",
                                    password=None, progress=lambda done, total: seen.append(total))
                best = min(best, time.perf_counter() - started)
                pages = seen[-1] - 2
        finally:
            vault.close()
    del app
    return best, pages


def main() -> int:
    seconds, pages = measure()
    print(f"counselor pdf, one year of a couple ({pages} pages): {seconds:.3f} s "
          f"(target < {TARGET_SECONDS:.1f} s)")
    return 0 if seconds < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
