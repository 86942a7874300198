"""The open vault's window: only its sections, a status line, and locking."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views import sections as sections_module
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.sections import EVERY_KIND, JOURNAL, Section, sections_for


def open_couple(window: MainWindow, library: VaultLibrary, couple_vault: Vault) -> Vault:
    couple_vault.close()
    vault = library.open_with_keyring("home")
    window.show_vault(vault)
    return vault


def test_the_sidebar_shows_only_the_sections_of_the_kind(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    journal_only = Section("journal-test", lambda: "Journal test", "journal.svg", JOURNAL,
                           lambda context: QWidget())
    real = sections_module.all_sections()
    monkeypatch.setattr(sections_module, "all_sections", lambda: [*real, journal_only])
    vault = open_couple(window, library, couple_vault)
    view = window.vault_view
    assert view is not None
    titles = [view.sidebar.item(row).text() for row in range(view.sidebar.count())]
    assert titles == [s.title() for s in sections_for(VaultKind.COUPLE)]
    assert "Journal test" not in titles
    assert "Vault" in titles
    assert vault.kind is VaultKind.COUPLE


def test_pages_are_built_when_first_shown(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built: list[str] = []

    def build(context: object) -> QWidget:
        built.append("second")
        return QLineEdit("typed")

    second = Section("second", lambda: "Second", "not-drawn-yet.svg", EVERY_KIND, build,
                     shortcut="Ctrl+2")
    real = sections_module.all_sections()
    monkeypatch.setattr(sections_module, "all_sections", lambda: [*real, second])
    open_couple(window, library, couple_vault)
    view = window.vault_view
    assert view is not None
    assert built == [] and len(view.built_pages()) == 1
    second_row = view.sidebar.count() - 1
    view.sidebar.setCurrentRow(second_row)
    assert built == ["second"]
    assert view.pages.currentWidget().text() == "typed"
    view.sidebar.setCurrentRow(0)
    qtbot.keyClick(view.sidebar, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert view.sidebar.currentRow() == second_row
    assert built == ["second"]
    assert not view.sidebar.item(1).icon().isNull()  # the generic icon stands in


def lock_and_check(qtbot: QtBot, window: MainWindow, vault: Vault,
                   press: Callable[[], None]) -> None:
    view = window.vault_view
    assert view is not None
    pages = view.built_pages()
    assert pages
    press()
    assert not vault.is_open
    assert window.vault_view is None
    assert window.screens.currentWidget() is window.start
    assert window.start.isVisible()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view))
    assert all(not shiboken6.isValid(page) for page in pages)
    assert window.windowTitle() == "Rebuild"
    assert not window.lock_action.isEnabled()


def test_lock_with_ctrl_l(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault
) -> None:
    vault = open_couple(window, library, couple_vault)
    window.activateWindow()
    ctrl = Qt.KeyboardModifier.ControlModifier
    lock_and_check(qtbot, window, vault, lambda: qtbot.keyClick(window, Qt.Key.Key_L, ctrl))


def test_lock_with_the_button(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault
) -> None:
    vault = open_couple(window, library, couple_vault)
    view = window.vault_view
    assert view is not None and view.lock_button.isVisible()
    assert view.lock_button.accessibleName()
    lock_and_check(qtbot, window, vault,
                   lambda: qtbot.mouseClick(view.lock_button, Qt.MouseButton.LeftButton))


def test_closing_the_window_locks(
    qtbot: QtBot, window: MainWindow, library: VaultLibrary, couple_vault: Vault
) -> None:
    vault = open_couple(window, library, couple_vault)
    window.close()
    assert not vault.is_open
