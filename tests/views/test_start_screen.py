"""The start screen: neutral labels, kinds, a kind empty state, a real model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.models.vault_list import VaultListModel, VaultRole


def test_empty_start_screen_is_kind_and_shows_the_first_step(window: MainWindow) -> None:
    start = window.start
    assert start.empty_page.isVisible()
    assert not start.list_page.isVisible()
    assert not start.open_button.isVisible()
    assert start.create_couple.property("primary") is True
    assert start.create_couple.isVisible() and start.create_journal.isVisible()
    assert "not therapy" in start.not_therapy.text()
    assert window.windowTitle() == "Rebuild"


def test_lists_vaults_by_label_and_kind(
    qtbot: QtBot, library: VaultLibrary, couple_vault: Vault, journal_vault: Vault,
    window: MainWindow,
) -> None:
    window.start.reload()
    model = window.start.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["home", "notes"]
    assert model.index(0, 0).data(VaultRole.KIND_TEXT) == "Couple space"
    assert model.index(1, 0).data(VaultRole.KIND_TEXT) == "Private journal"
    assert "locked" in model.index(1, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    assert window.start.list_page.isVisible()
    assert window.start.open_button.property("primary") is True
    assert window.start.create_couple.property("primary") is False
    # Nothing from inside a vault: only the label and the kind.
    shown = [model.index(r, 0).data(role) for r in range(model.rowCount())
             for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                          Qt.ItemDataRole.AccessibleTextRole)]
    assert not any("Alex" in text or "Sam" in text for text in shown)


def test_every_control_has_an_accessible_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QAbstractButton, QListView

    controls = window.start.findChildren(QAbstractButton) + window.start.findChildren(QListView)
    assert controls
    assert all(control.accessibleName() for control in controls)


def test_vault_list_model_passes_the_model_tester(
    qtmodeltester, library: VaultLibrary, couple_vault: Vault, journal_vault: Vault
) -> None:
    model = VaultListModel(library)
    model.reload()
    assert model.rowCount() == 2
    qtmodeltester.check(model, force_py=True)


def test_empty_model_passes_the_model_tester(qtmodeltester, library: VaultLibrary) -> None:
    model = VaultListModel(library)
    model.reload()
    assert model.rowCount() == 0
    qtmodeltester.check(model, force_py=True)
