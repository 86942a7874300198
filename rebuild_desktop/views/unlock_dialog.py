"""Unlock a vault with its passphrase or its recovery code.

The key derivation (Argon2id, about half a second) runs off the GUI thread
with a busy line. A wrong secret gets one calm sentence; the field keeps
what was typed, selected, so it can be corrected or retyped. No lockout.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.services.library import VaultLibrary, VaultSummary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.style import GRID, mark_link, mark_primary
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.widgets.busy import BusyIndicator
from rebuild_desktop.views.widgets.page_parts import label, message_label, show_message
from rebuild_desktop.views.widgets.passphrase_fields import secret_field, show_toggle


class UnlockDialog(QDialog):
    """Asks for the passphrase (or the recovery code) of one vault.

    Signals:
        unlocked(Vault): the vault is open; the dialog has closed.
    """

    unlocked = Signal(object)

    def __init__(self, library: VaultLibrary, tasks: TaskRunner, summary: VaultSummary,
                 notice: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._tasks, self._summary = library, tasks, summary
        self._busy = False
        self.setWindowTitle(self.tr("Rebuild"))
        self.setAccessibleName(self.tr("Unlock {label}").format(label=summary.name))
        self.setModal(True)
        self.setMinimumWidth(600)
        self._build(notice)
        self.use_recovery(not summary.has_passphrase)

    def _build(self, notice: str) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr("Unlock “{label}”").format(label=self._summary.name),
                               "subheading"))
        self.notice = label(notice, "note")
        self.notice.setVisible(bool(notice))
        layout.addWidget(self.notice)

        self.modes = QStackedWidget(self)
        self.passphrase = secret_field(self.tr("Passphrase"), self)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("Recovery code"))
        self.code.setPlaceholderText(self.tr("XXXX-XXXX-XXXX-…"))
        self.code.setMinimumWidth(280)
        self.code.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.modes.addWidget(self._mode_page(self.tr("&Passphrase:"), self.passphrase, self.tr(
            "Type the passphrase chosen for this vault.")))
        self.modes.addWidget(self._mode_page(self.tr("&Recovery code:"), self.code, self.tr(
            "Capital or small letters, with or without dashes and spaces, all work.")))
        layout.addWidget(self.modes)
        self.reveal = show_toggle([self.passphrase], self.tr("Show passphrase"), self)
        layout.addWidget(self.reveal)

        self.switch = QPushButton(self)
        self.switch.setAutoDefault(False)
        mark_link(self.switch)
        layout.addWidget(self.switch)
        self.message = message_label(self)
        layout.addWidget(self.message)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.busy)
        layout.addStretch(1)

        buttons = QDialogButtonBox(self)
        self.unlock_button = buttons.addButton(self.tr("&Unlock"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.unlock_button.setAccessibleName(self.tr("Unlock"))
        mark_primary(self.unlock_button)
        # A plain button: the platform's stock Cancel icon is an alarming red cross.
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        layout.addWidget(buttons)

        self.unlock_button.clicked.connect(self._unlock)
        self.cancel_button.clicked.connect(self.reject)
        self.switch.clicked.connect(lambda: self.use_recovery(not self.using_recovery))

    def _mode_page(self, caption: str, field: QLineEdit, hint: str) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GRID)
        form = QFormLayout()
        form.addRow(caption, field)
        layout.addLayout(form)
        layout.addWidget(label(hint, "note"))
        return page

    @property
    def using_recovery(self) -> bool:
        return self.modes.currentIndex() == 1

    def use_recovery(self, recovery: bool) -> None:
        """Switch between the passphrase and the recovery code."""
        recovery = recovery or not self._summary.has_passphrase
        self.modes.setCurrentIndex(1 if recovery else 0)
        self.reveal.setVisible(not recovery)
        self.switch.setVisible(self._summary.has_passphrase or not recovery)
        text = (self.tr("Use the passphrase instead") if recovery
                else self.tr("Use recovery code instead"))
        self.switch.setText(text)
        self.switch.setAccessibleName(text)
        show_message(self.message, "")
        (self.code if recovery else self.passphrase).setFocus()

    def _unlock(self) -> None:
        if self._busy:
            return
        name = self._summary.name
        if self.using_recovery:
            secret = self.code.text()
            job = lambda: self._library.open_with_recovery_code(name, secret)  # noqa: E731
        else:
            secret = self.passphrase.text()
            job = lambda: self._library.open_with_passphrase(name, secret)  # noqa: E731
        if not secret.strip():
            show_message(self.message, self.tr("Please type it first."))
            return
        self._set_busy(True)
        self._tasks.run(job, self._opened, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.passphrase, self.code, self.switch, self.unlock_button, self.reveal):
            widget.setEnabled(not busy)
        if busy:
            show_message(self.message, "")
            self.busy.start(self.tr("Unlocking… this takes a moment."))
        else:
            self.busy.stop()

    def _opened(self, vault: Vault) -> None:
        self._set_busy(False)
        self.passphrase.clear()
        self.code.clear()
        self.accept()
        self.unlocked.emit(vault)

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_message(self.message, describe(error))
        self.adjustSize()
        field = self.code if self.using_recovery else self.passphrase
        field.setFocus()
        field.selectAll()

    def reject(self) -> None:
        if self._busy:
            return  # the unlock finishes in a moment; closing now would orphan it
        self.passphrase.clear()
        self.code.clear()
        super().reject()
