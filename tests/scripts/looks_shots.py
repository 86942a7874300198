"""Screenshots of the whole app as a person sees it: every section, light and dark, two sizes.

Run: ``.venv/bin/python -m tests.scripts.looks_shots [OUT] [light|dark] [large|small]``
It uses the app's own style (``apply_style``), a throwaway data dir with the
demo vault and a small journal vault, and an in-memory keyring.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from rebuild_desktop.domain.records import Partner  # noqa: E402
from rebuild_desktop.domain.values import PartnerId, VaultKind  # noqa: E402
from rebuild_desktop.services.demo import DEMO_PASSPHRASE, create_demo_vault  # noqa: E402
from rebuild_desktop.services.journal import JournalDraft, JournalService  # noqa: E402
from rebuild_desktop.services.library import NewVault, VaultLibrary  # noqa: E402
from rebuild_desktop.views.couple_wizard import CoupleWizard  # noqa: E402
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog  # noqa: E402
from rebuild_desktop.views.journal_wizard import JournalWizard  # noqa: E402
from rebuild_desktop.views.main_window import MainWindow  # noqa: E402
from rebuild_desktop.views.style import apply_style  # noqa: E402
from rebuild_desktop.views.tasks import TaskRunner  # noqa: E402
from rebuild_desktop.views.timeline_editor import EventDialog  # noqa: E402
from rebuild_desktop.views.unlock_dialog import UnlockDialog  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402

SIZES = {"large": (1280, 800), "small": (1024, 640), "min": (800, 560),
         "fit": (921, 576)}  # min: the window minimum; fit: how it opens on a 1024×640 screen
JOURNAL_WORDS = "a quiet evening walk"


def _settle(seconds: float = 0.3) -> None:
    app = QApplication.instance()
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        app.processEvents()


def _save(widget: QWidget, out: Path, name: str) -> None:
    _settle()
    widget.grab().save(str(out / f"{name}.png"))


def _journal(library: VaultLibrary) -> None:
    vault = library.create(NewVault("notes", VaultKind.JOURNAL, [Partner(PartnerId.A)],
                                    passphrase=JOURNAL_WORDS)).vault
    service = JournalService(vault.db)
    for day, title, text, mood in (
        ("2026-11-02", "After the session", "I said what I needed, and it was heard.", 4),
        ("2026-11-09", "", "A heavy morning. I walked before work and it helped a little.", 2),
        ("2026-11-17", "Small things", "Coffee on the step, the light on the wall.", 4),
    ):
        service.save(JournalDraft(day, text, title, mood, ["evening"]))
    vault.close()


def _sections(window: MainWindow, out: Path, tag: str, prefix: str) -> None:
    view = window.vault_view
    for row, section in enumerate(view.sections):
        view.sidebar.setCurrentRow(row)
        _save(window, out, f"{prefix}-{row:02d}-{section.key}-{tag}")


def shoot(library: VaultLibrary, tasks: TaskRunner, out: Path, scheme: str,
          size_name: str) -> None:
    tag = f"{scheme}-{size_name}"
    width, height = SIZES[size_name]
    window = MainWindow(library, tasks)
    window.resize(width, height)
    window.show()
    _save(window, out, f"start-{tag}")
    window.show_vault(library.open_with_passphrase("demo", DEMO_PASSPHRASE))
    _sections(window, out, tag, "couple")
    for dialog, name in ((HardMomentDialog({"a": "Alex", "b": "Sam"}, window), "hard-moment"),
                         (EventDialog({"a": "Alex", "b": "Sam", "both": "Both"}, parent=window),
                          "event")):
        dialog.show()
        _save(dialog, out, f"{name}-{tag}")
        dialog.close()
    view = window.vault_view
    view.sidebar.setCurrentRow([s.key for s in view.sections].index("summary"))
    panel = view.pages.currentWidget()
    for boxes in panel.share.values():
        for box in boxes.values():
            box.setChecked(True)
    _settle()
    panel.make_preview()
    _save(window, out, f"couple-05-summary-preview-{tag}")
    view.sidebar.setCurrentRow(0)
    view.pages.currentWidget().trend_view.toggle.click()
    _save(window, out, f"couple-00-timeline-table-{tag}")
    window.lock()
    _save(window, out, f"start-after-lock-{tag}")
    unlock = UnlockDialog(library, tasks, library.summary("notes"), parent=window)
    unlock.show()
    _save(unlock, out, f"unlock-{tag}")
    unlock.close()
    window.show_vault(library.open_with_passphrase("notes", JOURNAL_WORDS))
    _sections(window, out, tag, "journal")
    window.lock()
    window.close()
    if size_name == "large":
        window = MainWindow(library, tasks)
        window.resize(width, height)
        window.show()
        window.show_vault(library.open_with_passphrase("empty", JOURNAL_WORDS))
        _sections(window, out, tag, "empty")
        window.lock()
        window.close()
        couple = CoupleWizard(library, tasks)
        couple.show()
        _save(couple, out, f"wizard-couple-{scheme}")
        couple.reject()
        journal = JournalWizard(library, tasks)
        journal.show()
        _save(journal, out, f"wizard-journal-{scheme}")
        journal.reject()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    schemes = [sys.argv[2]] if len(sys.argv) > 2 else ["light", "dark"]
    sizes = [sys.argv[3]] if len(sys.argv) > 3 else list(SIZES)
    out.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(MemoryKeyring())
    app = QApplication(sys.argv[:1])
    tasks = TaskRunner(immediate=True)
    with tempfile.TemporaryDirectory() as tmp:
        library = VaultLibrary(Path(tmp))
        create_demo_vault(library, remember=False).vault.close()
        _journal(library)
        library.create(NewVault("empty", VaultKind.COUPLE, [
            Partner(PartnerId.A, "Alex"), Partner(PartnerId.B, "Sam")],
            passphrase=JOURNAL_WORDS)).vault.close()
        for scheme in schemes:
            apply_style(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
            for size_name in sizes:
                shoot(library, tasks, out, scheme, size_name)


if __name__ == "__main__":
    main()
