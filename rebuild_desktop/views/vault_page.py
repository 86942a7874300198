"""The "Vault" section: how this vault opens, its passphrase, and moving its data.

Every slow step (Argon2id, the keyring, export and import) runs on the task
runner; export and import use a connection of their own in the worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.vault import UnlockMethod, Vault
from rebuild_desktop.views.change_passphrase import ChangePassphraseDialog
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.sections import EVERY_KIND, Section, SectionContext
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.widgets.busy import BusyIndicator
from rebuild_desktop.views.widgets.file_dialogs import ask_open_path, ask_save_path
from rebuild_desktop.views.widgets.page_parts import PAGE_MARGIN, label, message_label, show_message

_RECORD_KINDS = ("timeline", "gratitude", "checkins", "hard_moments", "agreements", "pacing",
                 "journal", "partners")


class VaultPage(QScrollArea):
    """Unlock methods, passphrase, remember/forget, export and import."""

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.ask_save_path = ask_save_path  # tests replace the dialogs
        self.ask_open_path = ask_open_path
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setAccessibleName(self.tr("Vault"))
        body = QWidget(self)
        body.setMaximumWidth(760)
        self._build(body)
        holder = QWidget(self)
        outer = QHBoxLayout(holder)
        outer.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
        outer.addWidget(body, 1)
        outer.addStretch(0)
        self.setWidget(holder)
        self.refresh()

    @property
    def vault(self) -> Vault:
        return self.context.vault

    def _build(self, body: QWidget) -> None:
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 * GRID)
        kind = (self.tr("a couple space") if self.vault.kind is VaultKind.COUPLE
                else self.tr("a private journal"))
        layout.addWidget(label(self.tr("This vault"), "heading"))
        layout.addWidget(label(self.tr(
            "“{label}” is {kind}. Everything in it is encrypted on this computer; only the "
            "label and the kind can be seen from outside.").format(
                label=self.vault.name, kind=kind), "note"))

        layout.addSpacing(GRID)
        layout.addWidget(label(self.tr("How it opens"), "subheading"))
        self.keyring_state, self.passphrase_state = QLabel(body), QLabel(body)
        recovery_state = QLabel(self.tr("Always: the code shown when the vault was made"), body)
        for state in (self.keyring_state, self.passphrase_state, recovery_state):
            state.setWordWrap(True)
        form = QFormLayout()
        form.setHorizontalSpacing(2 * GRID)
        form.setVerticalSpacing(GRID)
        form.addRow(self.tr("This computer's keyring:"), self.keyring_state)
        form.addRow(self.tr("Passphrase:"), self.passphrase_state)
        form.addRow(self.tr("Recovery code:"), recovery_state)
        layout.addLayout(form)
        self.passphrase_button = QPushButton(body)
        self.remember_button = QPushButton(body)
        row = QHBoxLayout()
        row.setSpacing(GRID)
        row.addWidget(self.passphrase_button)
        row.addWidget(self.remember_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.remember_note = label("", "note")
        layout.addWidget(self.remember_note)
        if self.vault.unlocked_by is UnlockMethod.RECOVERY:
            self.recovery_note = label(self.tr(
                "This vault was opened with its recovery code. If the passphrase was forgotten, "
                "choose a new one here; the recovery code keeps working."), "message")
            layout.addWidget(self.recovery_note)

        layout.addSpacing(GRID)
        layout.addWidget(label(self.tr("Move your data"), "subheading"))
        layout.addWidget(label(self.tr(
            "An export is one JSON file with everything in this vault, and it is not "
            "encrypted: keep it somewhere private and delete it once it has done its job. "
            "An import adds the records of such a file; nothing already here is replaced."),
            "note"))
        self.export_button = QPushButton(self.tr("&Export to JSON…"), body)
        self.export_button.setAccessibleName(self.tr("Export to JSON"))
        self.import_button = QPushButton(self.tr("&Import from JSON…"), body)
        self.import_button.setAccessibleName(self.tr("Import from JSON"))
        row = QHBoxLayout()
        row.setSpacing(GRID)
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.busy = BusyIndicator(body)
        self.message = message_label(body)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

        layout.addSpacing(GRID)
        layout.addWidget(label(self.tr("Locking and hiding"), "subheading"))
        layout.addWidget(label(self.tr(
            "Lock (Ctrl+L) closes the vault and forgets its key; it also locks by itself "
            "after the idle time in Settings, and when the screen locks or the computer "
            "sleeps. Hide now, or Shift pressed three times, does the same at once, with "
            "no question, and leaves only the start screen. Both keep the vault safe from "
            "someone who uses this computer afterwards. Neither can help against a program "
            "that watches the screen or the keyboard while the vault is open, or against "
            "being made to unlock it."), "note"))
        layout.addStretch(1)

        self.passphrase_button.clicked.connect(self._change_passphrase)
        self.remember_button.clicked.connect(self._toggle_remembered)
        self.export_button.clicked.connect(self._export)
        self.import_button.clicked.connect(self._import)

    def refresh(self) -> None:
        """Show the vault's current key slots."""
        remembered, has_passphrase = self.vault.remembered, self.vault.has_passphrase
        self.keyring_state.setText(
            self.tr("Yes: it opens here without a prompt") if remembered else self.tr("No"))
        self.passphrase_state.setText(self.tr("Yes") if has_passphrase else self.tr("Not set"))
        text = self.tr("&Change passphrase…") if has_passphrase else self.tr("&Add a passphrase…")
        self.passphrase_button.setText(text)
        self.passphrase_button.setAccessibleName(text.replace("&", "").rstrip("…"))
        text = (self.tr("&Forget on this computer") if remembered
                else self.tr("&Remember on this computer"))
        self.remember_button.setText(text)
        self.remember_button.setAccessibleName(text.replace("&", ""))
        can_forget = has_passphrase or not remembered
        self.remember_button.setEnabled(can_forget and not self.busy.isVisible())
        if remembered and not has_passphrase:
            note = self.tr("Add a passphrase first, so the vault can still be opened once "
                           "this computer forgets it.")
        elif remembered:
            note = self.tr("Forgetting removes the key from this computer's keyring; the "
                           "passphrase or the recovery code will then be needed.")
        else:
            note = self.tr("Remembering puts the key in this computer's keyring: anyone who "
                           "can use this computer account could then open the vault.")
        self.remember_note.setText(note)

    # Slow work ------------------------------------------------------------------

    def _start(self, text: str) -> None:
        for button in (self.passphrase_button, self.remember_button, self.export_button,
                       self.import_button):
            button.setEnabled(False)
        show_message(self.message, "")
        self.busy.start(text)

    def _finish(self, text: str) -> None:
        if not shiboken6.isValid(self):
            return  # the vault was locked while the task ran; the page is gone
        self.busy.stop()
        for button in (self.passphrase_button, self.export_button, self.import_button):
            button.setEnabled(True)
        self.refresh()
        show_message(self.message, text)

    def _change_passphrase(self) -> None:
        dialog = ChangePassphraseDialog(self.vault, self.context.tasks, self)
        dialog.accepted.connect(lambda: self._finish(self.tr("The new passphrase is saved.")))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _toggle_remembered(self) -> None:
        remember = not self.vault.remembered
        self._start(self.tr("Talking to this computer's keyring…"))
        done = (self.tr("This computer now remembers the vault.") if remember
                else self.tr("This computer no longer remembers the vault."))
        self.context.tasks.run(lambda: self.vault.set_remembered(remember),
                               lambda _result: self._finish(done),
                               lambda error: self._finish(describe(error)))

    def _export(self) -> None:
        path = self.ask_save_path(self, self.tr("Export to JSON"), f"{self.vault.name}.json",
                                  self.tr("JSON files (*.json)"))
        if path is None:
            return
        vault = self.vault

        def job(progress: Any) -> Path:
            from rebuild_desktop.services.interchange import export_json

            return export_json(vault, path, progress=progress)

        self._start(self.tr("Exporting…"))
        self.context.tasks.run(
            job, lambda written: self._finish(self.tr("Exported to {path}.").format(path=written)),
            lambda error: self._finish(describe(error)), self.busy.progress)

    def _import(self) -> None:
        path = self.ask_open_path(self, self.tr("Import from JSON"), self.tr("JSON files (*.json)"))
        if path is None:
            return
        vault = self.vault

        def job(progress: Any) -> Any:
            from rebuild_desktop.services.interchange import import_json

            return import_json(vault, path, progress=progress)

        self._start(self.tr("Importing…"))
        self.context.tasks.run(job, self._imported, lambda error: self._finish(describe(error)),
                               self.busy.progress)

    def _imported(self, report: Any) -> None:
        if not shiboken6.isValid(self):
            return
        for kind in _RECORD_KINDS:
            self.context.changes.changed.emit(kind)
        self._finish(self.tr("Imported: {added} added, {skipped} already here.").format(
            added=report.total_added, skipped=report.total_skipped))


def _title() -> str:
    return QCoreApplication.translate("VaultPage", "Vault")


SECTION = Section(key="vault", title=_title, icon="vault.svg", kinds=EVERY_KIND, build=VaultPage)
