"""Creating a couple space and a private journal through the wizards, as a person would."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.errors import NoKeyring
from rebuild_desktop.domain.values import Role, VaultKind
from rebuild_desktop.secrets import recovery
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.views.couple_wizard import CoupleWizard
from rebuild_desktop.views.journal_wizard import JournalWizard
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.vault_view import VaultView

NEXT = QWizard.WizardButton.NextButton
CREATE = QWizard.WizardButton.CommitButton
DONE = QWizard.WizardButton.FinishButton


def click(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} is not available"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_couple_wizard(qtbot: QtBot, window: MainWindow) -> CoupleWizard:
    qtbot.mouseClick(window.start.create_couple, Qt.MouseButton.LeftButton)
    wizard = window.dialog
    assert isinstance(wizard, CoupleWizard)
    qtbot.waitExposed(wizard)
    return wizard


def test_create_a_couple_space(qtbot: QtBot, window: MainWindow, library: VaultLibrary) -> None:
    wizard = open_couple_wizard(qtbot, window)
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(wizard.label_page.field, "our space")  # the space is refused
    assert wizard.label_page.name == "ourspace"
    click(qtbot, wizard, NEXT)

    partners = wizard.partners_page
    qtbot.keyClicks(partners.names[0], "Robin")
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(partners.names[1], "Kai")
    partners.roles[1].setCurrentIndex(partners.roles[1].findData(Role.HURT.value))
    click(qtbot, wizard, NEXT)

    unlock = wizard.unlock_page
    assert unlock.remember.isChecked() and unlock.remember.isEnabled()
    assert "can keep the key" in unlock.keyring_status.text()
    click(qtbot, wizard, CREATE)

    page = wizard.recovery_page
    assert wizard.currentPage() is page
    assert not wizard.button(DONE).isEnabled()
    code = page.code_label.text()
    fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    assert page.code_label.font().family() == fixed.family()
    assert page.code_label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    wizard.reject()  # Escape does not lose the code
    assert wizard.isVisible()
    qtbot.mouseClick(page.kept, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, DONE)

    view = window.vault_view
    assert isinstance(view, VaultView)
    assert window.screens.currentWidget() is view
    assert view.vault.name == "ourspace" and view.vault.kind is VaultKind.COUPLE
    assert view.vault.remembered and not view.vault.has_passphrase
    names = {p.id.value: (p.name, p.role) for p in PartnerRepository(view.vault.db).all()}
    assert names == {"a": ("Robin", None), "b": ("Kai", Role.HURT)}
    assert window.windowTitle() == "Rebuild"

    key = recovery.decode(code)  # the code as shown, spaces and line breaks included
    assert key == view.vault.key()
    window.lock()
    reopened = library.open_with_recovery_code("ourspace", code.lower())
    assert reopened.kind is VaultKind.COUPLE
    reopened.close()


def test_couple_space_without_a_keyring_needs_a_passphrase(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_keyring() -> None:
        raise NoKeyring()

    monkeypatch.setattr(library.keyring, "check", no_keyring)
    wizard = open_couple_wizard(qtbot, window)
    qtbot.keyClicks(wizard.label_page.field, "home")
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.partners_page.names[0], "Robin")
    qtbot.keyClicks(wizard.partners_page.names[1], "Kai")
    click(qtbot, wizard, NEXT)

    unlock = wizard.unlock_page
    assert not unlock.remember.isChecked() and not unlock.remember.isEnabled()
    assert "no secure keyring" in unlock.keyring_status.text()
    assert "needs a passphrase" in unlock.keyring_status.text()
    assert not wizard.button(CREATE).isEnabled()
    qtbot.keyClicks(unlock.passphrase.first, "two calm rivers")
    assert not wizard.button(CREATE).isEnabled()
    qtbot.keyClicks(unlock.passphrase.second, "two calm rivers")
    click(qtbot, wizard, CREATE)
    qtbot.mouseClick(wizard.recovery_page.kept, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, DONE)
    vault = window.vault_view.vault  # type: ignore[union-attr]
    assert vault.has_passphrase and not vault.remembered


def test_create_a_private_journal(qtbot: QtBot, window: MainWindow, library: VaultLibrary,
                                  tmp_path: Path) -> None:
    qtbot.mouseClick(window.start.create_journal, Qt.MouseButton.LeftButton)
    wizard = window.dialog
    assert isinstance(wizard, JournalWizard)
    qtbot.keyClicks(wizard.label_page.field, "notes")
    click(qtbot, wizard, NEXT)

    page = wizard.passphrase_page
    assert not page.remember.isChecked()
    assert "anyone who can use this computer account" in page.remember_note.text()
    qtbot.keyClicks(page.passphrase.first, "short")
    assert "at least 8" in page.passphrase.hint.text()
    assert not wizard.button(CREATE).isEnabled()
    page.passphrase.first.clear()
    qtbot.keyClicks(page.passphrase.first, "a long walk by the sea")
    qtbot.keyClicks(page.passphrase.second, "a long walk by the see")
    assert "not the same" in page.passphrase.hint.text()
    assert not wizard.button(CREATE).isEnabled()
    qtbot.keyClick(page.passphrase.second, Qt.Key.Key_Backspace)
    qtbot.keyClicks(page.passphrase.second, "a")
    click(qtbot, wizard, CREATE)

    recovery_page = wizard.recovery_page
    saved = tmp_path / "kept" / "code.txt"
    saved.parent.mkdir()
    recovery_page.ask_save_path = lambda *args: saved
    qtbot.mouseClick(recovery_page.save_button, Qt.MouseButton.LeftButton)
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    code_in_file = [line for line in saved.read_text().splitlines() if line.count("-") == 13]
    assert recovery.decode(code_in_file[0]) == recovery.decode(recovery_page.code_label.text())
    assert "Saved" in recovery_page.message.text()
    qtbot.mouseClick(recovery_page.kept, Qt.MouseButton.LeftButton)
    click(qtbot, wizard, DONE)

    vault = window.vault_view.vault  # type: ignore[union-attr]
    assert vault.kind is VaultKind.JOURNAL
    assert vault.has_passphrase and not vault.remembered
    window.lock()
    library.open_with_passphrase("notes", "a long walk by the sea").close()


def test_an_error_is_one_calm_sentence_and_keeps_the_typed_text(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary
) -> None:
    qtbot.mouseClick(window.start.create_journal, Qt.MouseButton.LeftButton)
    wizard = window.dialog
    assert isinstance(wizard, JournalWizard)
    qtbot.keyClicks(wizard.label_page.field, "notes")
    click(qtbot, wizard, NEXT)
    # Someone else makes "notes" in the meantime (say, from the command line).
    other = NewVault("notes", VaultKind.JOURNAL, passphrase="another one here")
    library.create(other).vault.close()
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase.first, "a long walk by the sea")
    qtbot.keyClicks(page.passphrase.second, "a long walk by the sea")
    click(qtbot, wizard, CREATE)
    assert wizard.currentPage() is page
    assert page.message.isVisible()
    assert "already exists" in page.message.text()
    assert page.passphrase.first.text() == "a long walk by the sea"
    assert wizard.created is None


def test_a_taken_label_is_explained_on_the_label_page(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary
) -> None:
    library.create(NewVault("home", VaultKind.JOURNAL, passphrase="another one here")).vault.close()
    window.start.reload()
    qtbot.mouseClick(window.start.create_couple, Qt.MouseButton.LeftButton)
    wizard = window.dialog
    assert isinstance(wizard, CoupleWizard)
    qtbot.keyClicks(wizard.label_page.field, "home")
    assert "already exists" in wizard.label_page.message.text()
    assert not wizard.button(NEXT).isEnabled()
    qtbot.keyClicks(wizard.label_page.field, "2")
    assert wizard.button(NEXT).isEnabled()
    wizard.reject()
    assert window.dialog is None or not window.dialog.isVisible()


def test_creating_runs_off_the_gui_thread_with_a_busy_line(
    qtbot: QtBot, library: VaultLibrary
) -> None:
    from rebuild_desktop.views.tasks import TaskRunner

    tasks = TaskRunner()
    wizard = JournalWizard(library, tasks)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.keyClicks(wizard.label_page.field, "notes")
    click(qtbot, wizard, NEXT)
    page = wizard.passphrase_page
    qtbot.keyClicks(page.passphrase.first, "a long walk by the sea")
    qtbot.keyClicks(page.passphrase.second, "a long walk by the sea")
    click(qtbot, wizard, CREATE)
    assert page.busy.isVisible()
    assert not page.passphrase.first.isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    wizard.reject()  # ignored while creating
    assert wizard.isVisible()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery_page, timeout=20_000)
    assert not page.busy.isVisible()
    assert wizard.created is not None
    wizard.created.vault.close()
    assert tasks.wait()


def test_the_printed_recovery_code_is_real_text(
    qtbot: QtBot, library: VaultLibrary, tmp_path: Path
) -> None:
    import subprocess

    from PySide6.QtPrintSupport import QPrinter

    from rebuild_desktop.views.recovery_page import RecoveryPage

    page = RecoveryPage()
    qtbot.addWidget(page)
    code = recovery.encode(bytes(range(32)))
    page.set_code("home", code)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "code.pdf"))
    page.print_to(printer)
    text = subprocess.run(["pdftotext", str(tmp_path / "code.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert code in text
    assert "home" in text
