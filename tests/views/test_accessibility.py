"""Every control of the frame's screens has a name a screen reader can say."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.couple_wizard import CoupleWizard
from rebuild_desktop.views.journal_wizard import JournalWizard
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.unlock_dialog import UnlockDialog

_CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)


def inside_compound_control(widget: QWidget) -> bool:
    """Parts Qt builds inside a control (a combo box's popup, a spin box's line
    edit, a line edit's clear button, a table's headers, a calendar's month
    buttons) are named by the control itself."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QAbstractItemView
                      | QCalendarWidget):
            return True
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    missing = []
    for kind in _CONTROLS:
        for control in root.findChildren(kind):
            if inside_compound_control(control):
                continue
            if not control.accessibleName():
                missing.append(f"{type(control).__name__} {control.objectName()!r}")
    return missing


def test_wizards_name_every_control(qtbot: QtBot, library: VaultLibrary,
                                    tasks: TaskRunner) -> None:
    for wizard in (CoupleWizard(library, tasks), JournalWizard(library, tasks)):
        qtbot.addWidget(wizard)
        assert unnamed(wizard) == []


def test_unlock_dialog_names_every_control(qtbot: QtBot, library: VaultLibrary,
                                           tasks: TaskRunner, journal_vault: Vault) -> None:
    dialog = UnlockDialog(library, tasks, library.summary("notes"))
    qtbot.addWidget(dialog)
    assert unnamed(dialog) == []


def test_start_screen_and_vault_page_name_every_control(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault
) -> None:
    assert unnamed(window.start) == []
    couple_vault.close()
    window.show_vault(library.open_with_keyring("home"))
    assert window.vault_view is not None
    assert unnamed(window.vault_view) == []
