"""Screenshots of the frame's screens, light and dark, at two window sizes.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.scripts.frame_shots shots/``
It uses a throwaway data dir and an in-memory keyring; nothing real is touched.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from rebuild_desktop.domain.errors import NoKeyring  # noqa: E402
from rebuild_desktop.domain.records import Partner  # noqa: E402
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind  # noqa: E402
from rebuild_desktop.services.library import NewVault, VaultLibrary  # noqa: E402
from rebuild_desktop.views.change_passphrase import ChangePassphraseDialog  # noqa: E402
from rebuild_desktop.views.couple_wizard import CoupleWizard  # noqa: E402
from rebuild_desktop.views.journal_wizard import JournalWizard  # noqa: E402
from rebuild_desktop.views.main_window import MainWindow  # noqa: E402
from rebuild_desktop.views.style import apply_style  # noqa: E402
from rebuild_desktop.views.tasks import TaskRunner  # noqa: E402
from rebuild_desktop.views.unlock_dialog import UnlockDialog  # noqa: E402
from tests.support.memory_keyring import MemoryKeyring  # noqa: E402

SIZES = {"large": (1280, 800), "small": (1024, 640)}


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def _save(widget: QWidget, out: Path, name: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    _settle(app)
    widget.grab().save(str(out / f"{name}.png"))


def _show_vault_page(window: MainWindow) -> None:
    """The Vault section, wherever it sits in the sidebar."""
    view = window.vault_view
    assert view is not None
    view.sidebar.setCurrentRow([s.key for s in view.sections].index("vault"))


def shoot(out: Path, scheme: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_style(app, Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    data = Path(tempfile.mkdtemp())
    library = VaultLibrary(data)
    tasks = TaskRunner(immediate=True)
    for size_name, (w, h) in SIZES.items():
        tag = f"{scheme}-{size_name}"
        window = MainWindow(library, tasks)
        window.resize(w, h)
        window.show()
        _save(window, out, f"start-empty-{tag}")
        window.close()
    library.create(NewVault("home", VaultKind.COUPLE, [
        Partner(PartnerId.A, "Alex", Role.HURT), Partner(PartnerId.B, "Sam")], remember=True
    )).vault.close()
    library.create(NewVault("notes", VaultKind.JOURNAL, [Partner(PartnerId.A)],
                            passphrase="a quiet evening walk")).vault.close()
    for size_name, (w, h) in SIZES.items():
        tag = f"{scheme}-{size_name}"
        window = MainWindow(library, tasks)
        window.resize(w, h)
        window.show()
        _save(window, out, f"start-vaults-{tag}")
        dialog = UnlockDialog(library, tasks, library.summary("notes"), parent=window)
        dialog.show()
        _save(dialog, out, f"unlock-{tag}")
        dialog.passphrase.setText("wrong words")
        dialog.unlock_button.click()
        _save(dialog, out, f"unlock-wrong-{tag}")
        dialog.use_recovery(True)
        _save(dialog, out, f"unlock-recovery-{tag}")
        dialog.close()
        window.show_vault(library.open_with_keyring("home"))
        _show_vault_page(window)
        _save(window, out, f"vault-page-{tag}")
        window.lock()
        window.show_vault(library.open_with_passphrase("notes", "a quiet evening walk"))
        _show_vault_page(window)
        _save(window, out, f"vault-page-journal-{tag}")
        page = window.vault_view.pages.currentWidget()  # type: ignore[union-attr]
        page.passphrase_button.click()
        change = page.findChild(ChangePassphraseDialog)
        change.fields.first.setText("new words here")
        _save(change, out, f"change-passphrase-{tag}")
        change.reject()
        window.lock()
        window.close()
    _wizards(library, tasks, out, scheme)


def _wizards(library: VaultLibrary, tasks: TaskRunner, out: Path, scheme: str) -> None:
    no_keyring = CoupleWizard(library, tasks)
    no_keyring.unlock_page._keyring_missing(NoKeyring())
    no_keyring.show()
    no_keyring.label_page.field.setText("ours2")
    no_keyring.next()
    no_keyring.partners_page.names[0].setText("Robin")
    no_keyring.partners_page.names[1].setText("Kai")
    no_keyring.next()
    _save(no_keyring, out, f"couple-3-no-keyring-{scheme}")
    no_keyring.reject()

    couple = CoupleWizard(library, tasks)
    couple.show()
    _save(couple, out, f"couple-1-label-{scheme}")
    couple.label_page.field.setText("ours")
    couple.next()
    couple.partners_page.names[0].setText("Robin")
    couple.partners_page.names[1].setText("Kai")
    couple.partners_page.roles[0].setCurrentIndex(1)
    _save(couple, out, f"couple-2-partners-{scheme}")
    couple.next()
    _save(couple, out, f"couple-3-unlock-{scheme}")
    couple.unlock_page.passphrase.first.setText("short")
    _save(couple, out, f"couple-3-unlock-short-{scheme}")
    couple.unlock_page.passphrase.first.clear()
    couple.next()
    _save(couple, out, f"couple-4-recovery-{scheme}")
    couple.recovery_page.kept.setChecked(True)
    couple.accept()
    couple.created.vault.close()  # type: ignore[union-attr]

    journal = JournalWizard(library, tasks)
    journal.show()
    journal.label_page.field.setText("home")
    _save(journal, out, f"journal-1-label-taken-{scheme}")
    journal.label_page.field.setText("mine")
    journal.next()
    journal.passphrase_page.passphrase.first.setText("a quiet morning")
    _save(journal, out, f"journal-2-passphrase-{scheme}")
    journal.passphrase_page.passphrase.second.setText("a quiet morning")
    journal.next()
    _save(journal, out, f"journal-3-recovery-{scheme}")
    journal.recovery_page.kept.setChecked(True)
    journal.accept()
    journal.created.vault.close()  # type: ignore[union-attr]


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(MemoryKeyring())
    _app = QApplication(sys.argv[:1])  # kept alive while shooting
    for scheme in ("light", "dark"):
        shoot(out, scheme)


if __name__ == "__main__":
    main()
