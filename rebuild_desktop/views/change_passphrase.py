"""Choose a new passphrase for an open vault (or a first one).

The new key slot is written before the old one is removed (``Vault.change_passphrase``);
the Argon2id derivation runs off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.widgets.busy import BusyIndicator
from rebuild_desktop.views.widgets.page_parts import label, message_label, show_message
from rebuild_desktop.views.widgets.passphrase_fields import NewPassphraseFields


class ChangePassphraseDialog(QDialog):
    """Two fields, a strength hint, and a busy line while the key is wrapped."""

    def __init__(self, vault: Vault, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._vault, self._tasks = vault, tasks
        self._busy = False
        adding = not vault.has_passphrase
        title = self.tr("Add a passphrase") if adding else self.tr("Change the passphrase")
        self.setWindowTitle(self.tr("Rebuild"))
        self.setAccessibleName(title)
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(title, "subheading"))
        layout.addWidget(label(self.tr(
            "The vault's data stays as it is, and the recovery code and old backups keep "
            "working. The old passphrase stops working once the new one is saved."), "note"))
        self.fields = NewPassphraseFields(optional=False, parent=self)
        layout.addWidget(self.fields)
        self.message = message_label(self)
        self.busy = BusyIndicator(self)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(self.tr("&Save passphrase"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save passphrase"))
        mark_primary(self.save_button)
        # A plain button: the platform's stock Cancel icon is an alarming red cross.
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)
        self.fields.changed.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(not self._busy and self.fields.is_acceptable()
                                    and self.fields.passphrase is not None)

    def _save(self) -> None:
        secret = self.fields.passphrase
        if secret is None or self._busy:
            return
        self._busy = True
        self.fields.setEnabled(False)
        self._update()
        show_message(self.message, "")
        self.busy.start(self.tr("Saving the new passphrase securely…"))
        self._tasks.run(lambda: self._vault.change_passphrase(secret), self._saved, self._failed)

    def _saved(self, _result: object) -> None:
        self._busy = False
        self.busy.stop()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._busy = False
        self.busy.stop()
        self.fields.setEnabled(True)
        self._update()
        show_message(self.message, describe(error))

    def reject(self) -> None:
        if not self._busy:
            super().reject()
