"""The couple wizard and the start screen against the real Secret Service."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from rebuild_desktop.services.vault import UnlockMethod
from rebuild_desktop.views.couple_wizard import CoupleWizard
from rebuild_desktop.views.main_window import MainWindow

pytestmark = pytest.mark.keyring


def test_create_lock_and_reopen_from_the_real_keyring(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.mouseClick(window.start.create_couple, Qt.MouseButton.LeftButton)
    wizard = window.dialog
    assert isinstance(wizard, CoupleWizard)
    qtbot.keyClicks(wizard.label_page.field, "home")
    wizard.next()
    qtbot.keyClicks(wizard.partners_page.names[0], "Robin")
    qtbot.keyClicks(wizard.partners_page.names[1], "Kai")
    wizard.next()
    assert wizard.unlock_page.keeps_in_keyring
    assert "SecretService" in wizard.unlock_page.keyring_status.text()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.recovery_page.kept, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    view = window.vault_view
    assert view is not None
    vault_id = view.vault.vault_id
    window.lock()

    window.start.select("home")
    qtbot.mouseClick(window.start.open_button, Qt.MouseButton.LeftButton)
    view = window.vault_view
    assert view is not None and view.vault.unlocked_by is UnlockMethod.KEYRING
    assert view.unlocked_by.text() == "Unlocked with this computer's keyring (SecretService)"
    window.library.keyring.remove(vault_id)
