"""The one window: the start screen, or an open vault, and the way between them.

The window title is always the neutral "Rebuild": never a vault label, a
name or anything from inside a vault.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.services.library import VaultLibrary, VaultSummary
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views import ui_state
from rebuild_desktop.views.couple_wizard import CoupleWizard
from rebuild_desktop.views.create_wizard import CreateWizard
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.journal_wizard import JournalWizard
from rebuild_desktop.views.lock_guard import LockGuard
from rebuild_desktop.views.start_screen import StartScreen
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.unlock_dialog import UnlockDialog
from rebuild_desktop.views.vault_view import VaultView


class MainWindow(QMainWindow):
    """Start screen ↔ open vault, with Lock (Ctrl+L).

    Signals:
        first_painted(): the window has been painted once; slow start-up work may begin.
    """

    first_painted = Signal()

    def __init__(self, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.tasks = library, tasks
        self.vault_view: VaultView | None = None
        self.dialog: UnlockDialog | CreateWizard | None = None
        self._painted = False
        self.setWindowTitle(self.tr("Rebuild"))
        self.setAccessibleName(self.tr("Rebuild"))
        self.setMinimumSize(800, 560)
        self._fit_to_screen()

        self.screens = QStackedWidget(self)
        self.start = StartScreen(library, self.screens)
        self.screens.addWidget(self.start)
        self.setCentralWidget(self.screens)

        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setShortcut(QKeySequence(self.tr("Ctrl+L")))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(self.lock)
        self.addAction(self.lock_action)

        self.guard = LockGuard(self)
        self.guard.lock_requested.connect(self.lock)
        self.guard.hide_requested.connect(self.quick_hide)

        self.start.open_requested.connect(self.open_vault)
        self.start.create_couple_requested.connect(
            lambda: self._run_wizard(CoupleWizard(library, tasks, self)))
        self.start.create_journal_requested.connect(
            lambda: self._run_wizard(JournalWizard(library, tasks, self)))
        self.start.focus_default()

    def _fit_to_screen(self) -> None:
        """A comfortable size that never spills over a small screen."""
        width, height = 1100, 720
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            room = screen.availableGeometry()
            width = min(width, room.width() * 9 // 10)
            height = min(height, room.height() * 9 // 10)
        self.resize(max(width, 800), max(height, 560))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has finished, not inside it: the work may open dialogs.
            QTimer.singleShot(0, self.first_painted.emit)

    # Opening -------------------------------------------------------------------

    def open_by_name(self, name: str) -> None:
        """Go straight to unlocking the vault called ``name`` (``--vault NAME``)."""
        try:
            summary = self.library.summary(name)
        except KnownError as error:
            self.start.show_error(describe(error))
            return
        self.start.select(name)
        self.open_vault(summary)

    def open_vault(self, summary: VaultSummary) -> None:
        """The keyring when it holds the key (off the GUI thread), else the unlock dialog."""
        if not summary.remembered or summary.kind is None:
            self.ask_secret(summary)
            return
        self.start.set_busy(self.tr("Opening with this computer's keyring…"))
        name = summary.name
        self.tasks.run(lambda: self.library.open_with_keyring(name), self.show_vault,
                       lambda error: self._keyring_failed(summary, error))

    def _keyring_failed(self, summary: VaultSummary, error: BaseException) -> None:
        self.start.set_busy(None)
        self.ask_secret(summary, describe(error))

    def ask_secret(self, summary: VaultSummary, notice: str = "") -> None:
        dialog = UnlockDialog(self.library, self.tasks, summary, notice, self)
        dialog.unlocked.connect(self.show_vault)
        self._show_dialog(dialog)

    def _run_wizard(self, wizard: CreateWizard) -> None:
        wizard.vault_created.connect(self.show_vault)
        self._show_dialog(wizard)

    def _show_dialog(self, dialog: UnlockDialog | CreateWizard) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QWidget) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        if self.vault_view is None:
            self.start.reload()

    def show_vault(self, vault: Vault) -> None:
        """Show an open vault; the start screen stays behind it for when it locks."""
        self.start.set_busy(None)
        if self.vault_view is not None:  # only one vault open at a time
            self.lock()
        self.vault_view = VaultView(vault, self.library, self.tasks, self.screens)
        self.vault_view.lock_requested.connect(self.lock)
        self.vault_view.hide_requested.connect(self.quick_hide)
        self.screens.addWidget(self.vault_view)
        self.screens.setCurrentWidget(self.vault_view)
        self.lock_action.setEnabled(True)
        self.vault_view.sidebar.setFocus()
        settings = SettingsService(vault.db)
        self.setWindowTitle(str(settings.get("window.title")) or self.tr("Rebuild"))
        self.guard.vault_opened(float(settings.get("lock.idle_minutes")))
        self.tasks.run(vault.backup_if_due, lambda _taken: None, self._backup_failed)

    def _backup_failed(self, error: BaseException) -> None:
        if self.vault_view is not None:
            self.vault_view.notify(
                self.tr("Today's automatic backup could not be taken: {reason}").format(
                    reason=describe(error)))

    # Locking -------------------------------------------------------------------

    def quick_hide(self) -> None:
        """Hide every word at once and lock, with no question asked."""
        self.lock()

    def lock(self) -> None:
        """Close the vault, destroy its pages and show the start screen."""
        view = self.vault_view
        if view is None:
            return
        self._close_vault_dialogs()
        name = view.vault.name
        self.vault_view = None
        self.guard.vault_closed()
        self.setWindowTitle(self.tr("Rebuild"))
        self.lock_action.setEnabled(False)
        view.close_vault()
        self.screens.removeWidget(view)
        view.hide()
        view.deleteLater()
        self.screens.setCurrentWidget(self.start)
        self.start.reload()
        self.start.select(name)
        self.start.focus_default()

    def _close_vault_dialogs(self) -> None:
        """Any dialog open over the vault may show its content: close it first."""
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() and widget is not self.dialog:
                widget.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        ui_state.save_geometry(self)
        super().closeEvent(event)
