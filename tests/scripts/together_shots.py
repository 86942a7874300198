"""Screenshots of the gratitude, agreements, pacing and settings pages.

Run: .venv/bin/python tests/scripts/together_shots.py  (writes shots/*.png)
Light and dark, at the page area of a 1280×800 and a 1024×640 window.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import keyring  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from rebuild_desktop.domain.records import Partner  # noqa: E402
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind  # noqa: E402
from rebuild_desktop.secrets.keyring_store import SystemKeyring  # noqa: E402
from rebuild_desktop.services.library import NewVault, VaultLibrary  # noqa: E402
from rebuild_desktop.views import agreements, gratitude, pacing, settings  # noqa: E402
from rebuild_desktop.views.sections import ChangeBus, SectionContext  # noqa: E402
from rebuild_desktop.views.style import apply_style  # noqa: E402
from rebuild_desktop.views.tasks import TaskRunner  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402
from tests.support.together_data import fill  # noqa: E402

SIZES = ((1280, 800), (1024, 640))
SIDEBAR = 224


def use_scheme(app: QApplication, dark: bool) -> None:
    """The app's own palette and stylesheet, in the scheme asked for."""
    apply_style(app, Qt.ColorScheme.Dark if dark else Qt.ColorScheme.Light)


def main() -> None:
    app = QApplication([])
    keyring.set_keyring(MemoryKeyring())
    out = Path("shots")
    out.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = VaultLibrary(Path(tmp), SystemKeyring(timeout=5))
        vault = library.create(NewVault("home", VaultKind.COUPLE, [
            Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam", Role.BROKE_TRUST)],
            remember=True)).vault
        fill(vault)
        context = SectionContext(vault, TaskRunner(immediate=True), ChangeBus(), print)
        for dark in (False, True):
            use_scheme(app, dark)
            for module in (gratitude, agreements, pacing, settings):
                page = module.SECTION.build(context)
                for width, height in SIZES:
                    page.resize(width - SIDEBAR, height - 32)
                    page.show()
                    app.processEvents()
                    name = f"{module.SECTION.key}-{'dark' if dark else 'light'}-{width}.png"
                    page.grab().save(str(out / name))
                page.close()
                page.deleteLater()
                app.processEvents()
            _paused_shot(context, app, out, dark)
        vault.close()
        _empty_shots(library, app, out)


def _empty_shots(library: VaultLibrary, app: QApplication, out: Path) -> None:
    """What a couple sees on the first evening: kind empty states."""
    use_scheme(app, False)
    vault = library.create(NewVault("empty", VaultKind.COUPLE, [
        Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam")],
        remember=True)).vault
    context = SectionContext(vault, TaskRunner(immediate=True), ChangeBus(), print)
    for module in (gratitude, agreements):
        page = module.SECTION.build(context)
        page.resize(1024 - SIDEBAR, 640 - 32)
        page.show()
        app.processEvents()
        page.grab().save(str(out / f"{module.SECTION.key}-empty-light-1024.png"))
        page.close()
    vault.close()


def _paused_shot(context: SectionContext, app: QApplication, out: Path, dark: bool) -> None:
    """The pacing page during Alex's pause, seen by Sam trying to resume."""
    from rebuild_desktop.services.pacing import PacingService

    service = PacingService(context.vault.db)
    service.pause(PartnerId.A)
    page = pacing.SECTION.build(context)
    page.set_here(PartnerId.B)
    page.resize(1024 - SIDEBAR, 640 - 32)
    page.show()
    page._pause.click()
    app.processEvents()
    page.grab().save(str(out / f"pacing-paused-{'dark' if dark else 'light'}-1024.png"))
    page.close()
    service.resume(PartnerId.A)


if __name__ == "__main__":
    main()
