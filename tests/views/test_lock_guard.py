"""Auto-lock, screen lock, quick hide and the daily backup, in the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from rebuild_desktop.services import backups
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.main_window import MainWindow


def _open(window: MainWindow, library: VaultLibrary, couple_vault: Vault) -> Vault:
    couple_vault.close()
    vault = library.open_with_keyring("home")
    window.show_vault(vault)
    return vault


def _locked(window: MainWindow, vault: Vault) -> bool:
    return (window.vault_view is None and not vault.is_open
            and window.screens.currentWidget() is window.start)


def test_shift_three_times_hides_and_locks_at_once(qtbot: QtBot, window: MainWindow,
                                                   library: VaultLibrary, couple_vault: Vault):
    vault = _open(window, library, couple_vault)
    focus = window.vault_view.sidebar
    focus.setFocus()
    for _ in range(3):
        qtbot.keyClick(focus, Qt.Key.Key_Shift)
        qtbot.wait(30)
    # Locked inside the third key press itself: no timer, no question.
    assert _locked(window, vault)
    assert window.windowTitle() == "Rebuild"


def test_hide_now_button_closes_open_dialogs_too(qtbot: QtBot, window: MainWindow,
                                                 library: VaultLibrary, couple_vault: Vault):
    vault = _open(window, library, couple_vault)
    box = QMessageBox(QMessageBox.Icon.Question, "A question", "About something private",
                      QMessageBox.StandardButton.Ok, window)
    box.open()
    assert box.isVisible()
    qtbot.mouseClick(window.vault_view.hide_button, Qt.MouseButton.LeftButton)
    assert _locked(window, vault)
    assert not box.isVisible()


def test_idle_minutes_from_the_vault_lock_it(qtbot: QtBot, window: MainWindow,
                                             library: VaultLibrary, couple_vault: Vault):
    settings = SettingsService(couple_vault.db)
    settings.save({**settings.values(), "lock.idle_minutes": 1})
    vault = _open(window, library, couple_vault)
    window.guard.idle.set_minutes(0.2 / 60)  # the vault's minute, shortened for the test
    qtbot.waitUntil(lambda: _locked(window, vault), timeout=3000)


def test_vault_setting_sets_the_idle_time(window: MainWindow, library: VaultLibrary,
                                          couple_vault: Vault):
    settings = SettingsService(couple_vault.db)
    settings.save({**settings.values(), "lock.idle_minutes": 12})
    _open(window, library, couple_vault)
    assert window.guard.idle._interval_ms == 12 * 60_000


def test_screen_lock_locks_and_clears_the_clipboard(qtbot: QtBot, window: MainWindow,
                                                    library: VaultLibrary, couple_vault: Vault):
    vault = _open(window, library, couple_vault)
    window.guard.clipboard.copy("a private sentence")
    window.guard.screen.locked.emit()  # as the D-Bus signal does (see test_lock_triggers)
    assert _locked(window, vault)
    assert QGuiApplication.clipboard().text() == ""


def test_opening_takes_the_daily_backup(window: MainWindow, library: VaultLibrary,
                                        couple_vault: Vault):
    vault = _open(window, library, couple_vault)
    assert [b.reason for b in backups.backups(vault.paths)] == ["daily"]
    window.lock()
    _again = library.open_with_keyring("home")
    window.show_vault(_again)
    assert len(backups.backups(vault.paths)) == 1  # once a day, not once an open
