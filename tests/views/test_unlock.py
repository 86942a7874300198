"""Unlocking: passphrase (a wrong one first), recovery code, and the keyring."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rebuild_desktop.secrets import recovery
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import UnlockMethod, Vault
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.unlock_dialog import UnlockDialog
from tests.conftest import JOURNAL_PASSPHRASE
from tests.support.memory_keyring import MemoryKeyring


def open_from_start(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.start.reload()
    window.start.select(name)
    qtbot.mouseClick(window.start.open_button, Qt.MouseButton.LeftButton)


def unlock_dialog(window: MainWindow) -> UnlockDialog:
    dialog = window.dialog
    assert isinstance(dialog, UnlockDialog)
    assert dialog.isVisible()
    return dialog


def test_unlock_a_journal_with_its_passphrase(
    qtbot: QtBot, window: MainWindow, journal_vault: Vault
) -> None:
    journal_vault.close()
    open_from_start(qtbot, window, "notes")
    dialog = unlock_dialog(window)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
    assert dialog.switch.isVisible() and "recovery code" in dialog.switch.text()

    qtbot.keyClicks(dialog.passphrase, "a noisy evening walk")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.message.isVisible()
    assert "didn't unlock" in dialog.message.text()
    assert dialog.passphrase.text() == "a noisy evening walk"
    assert dialog.passphrase.selectedText() == "a noisy evening walk"
    assert dialog.unlock_button.isEnabled()

    qtbot.keyClick(dialog.reveal, Qt.Key.Key_Space)
    assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Normal
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, JOURNAL_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    view = window.vault_view
    assert view is not None and view.vault.is_open
    assert view.vault.unlocked_by is UnlockMethod.PASSPHRASE
    assert view.unlocked_by.text() == "Unlocked with passphrase"
    assert not dialog.isVisible()
    assert dialog.passphrase.text() == ""


def test_unlock_with_the_recovery_code(
    qtbot: QtBot, window: MainWindow, journal_vault: Vault
) -> None:
    code = recovery.encode(journal_vault.key())
    journal_vault.close()
    open_from_start(qtbot, window, "notes")
    dialog = unlock_dialog(window)
    qtbot.mouseClick(dialog.switch, Qt.MouseButton.LeftButton)
    assert dialog.using_recovery and dialog.focusWidget() is dialog.code

    qtbot.keyClicks(dialog.code, "ABCD-EFGH")
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert "recovery code doesn't look right" in dialog.message.text()
    assert dialog.code.text() == "ABCD-EFGH"

    dialog.code.clear()
    qtbot.keyClicks(dialog.code, code.lower().replace("-", " "))
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    view = window.vault_view
    assert view is not None
    assert view.unlocked_by.text() == "Unlocked with recovery code"


def test_a_couple_space_opens_from_the_keyring(
    qtbot: QtBot, window: MainWindow, couple_vault: Vault
) -> None:
    couple_vault.close()
    open_from_start(qtbot, window, "home")
    assert window.dialog is None
    view = window.vault_view
    assert view is not None and view.vault.unlocked_by is UnlockMethod.KEYRING
    assert view.unlocked_by.text().startswith("Unlocked with this computer's keyring (")
    assert window.windowTitle() == "Rebuild"


def test_a_missing_keyring_key_offers_the_recovery_code_calmly(
    qtbot: QtBot, window: MainWindow, couple_vault: Vault, memory_keyring: MemoryKeyring
) -> None:
    couple_vault.close()
    memory_keyring.items.clear()
    open_from_start(qtbot, window, "home")
    assert window.vault_view is None
    dialog = unlock_dialog(window)
    assert "no longer holds" in dialog.notice.text()
    assert dialog.using_recovery  # this vault has no passphrase
    assert not dialog.switch.isVisible()


def test_the_opening_runs_on_the_task_runner(
    qtbot: QtBot, library: VaultLibrary, journal_vault: Vault
) -> None:
    """With a real thread pool the dialog shows a busy line, then the vault."""
    from rebuild_desktop.views.tasks import TaskRunner

    journal_vault.close()
    tasks = TaskRunner()
    main = MainWindow(library, tasks)
    qtbot.addWidget(main)
    main.show()
    main.open_vault(library.summary("notes"))
    dialog = unlock_dialog(main)
    qtbot.keyClicks(dialog.passphrase, JOURNAL_PASSPHRASE)
    qtbot.mouseClick(dialog.unlock_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisible()
    assert not dialog.passphrase.isEnabled()
    qtbot.waitUntil(lambda: main.vault_view is not None, timeout=20_000)
    main.lock()
    assert tasks.wait()


def test_keyboard_only_open_from_the_list(
    qtbot: QtBot, window: MainWindow, journal_vault: Vault
) -> None:
    journal_vault.close()
    window.start.reload()
    window.start.list.setFocus()
    qtbot.keyClick(window.start.list, Qt.Key.Key_Return)
    dialog = unlock_dialog(window)
    qtbot.keyClicks(dialog.passphrase, JOURNAL_PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    assert window.vault_view is not None
    assert window.focusWidget() is window.vault_view.sidebar


def test_cancel_clears_the_field(qtbot: QtBot, window: MainWindow, journal_vault: Vault) -> None:
    journal_vault.close()
    open_from_start(qtbot, window, "notes")
    dialog = unlock_dialog(window)
    qtbot.keyClicks(dialog.passphrase, "half typed")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase.text() == ""
    assert window.vault_view is None
    assert window.screens.currentWidget() is window.start
