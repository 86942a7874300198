"""The last page of both wizards: the recovery code, shown once.

The code is selectable, can be saved as a private file or printed, and the
wizard finishes only when the person says they have kept it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QPagedPaintDevice, QTextDocument
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget, QWizardPage

from rebuild_desktop.services.recovery_file import recovery_text, save_recovery_code
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.widgets.file_dialogs import ask_save_path
from rebuild_desktop.views.widgets.page_parts import label, message_label, show_message

_GROUPS_PER_LINE = 4


def grouped(code: str) -> str:
    """The code in lines of four groups, easier to copy by hand."""
    groups = code.split("-")
    lines = [groups[i : i + _GROUPS_PER_LINE] for i in range(0, len(groups), _GROUPS_PER_LINE)]
    return "\n".join("  ".join(line) for line in lines)


class RecoveryPage(QWizardPage):
    """Shows the recovery code and asks the person to keep it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._name = ""
        self._code = ""
        self.ask_save_path = ask_save_path  # tests replace the dialog
        self.setTitle(self.tr("Your recovery code"))
        layout = QVBoxLayout(self)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr(
            "If the keyring or the passphrase is ever lost, this code still opens the vault "
            "and every backup. It is shown only this once. Write it down, save it or print it, "
            "and keep it somewhere private, away from this computer.")))

        self.code_label = label("", "code", self)
        self.code_label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.code_label.setWordWrap(False)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.code_label)
        centred.addStretch(1)
        layout.addLayout(centred)

        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        self.save_button = QPushButton(self.tr("&Save as file…"), self)
        self.save_button.setAccessibleName(self.tr("Save the recovery code as a file"))
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery code"))
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.kept = QCheckBox(self.tr("I have &kept my recovery code somewhere safe"), self)
        self.kept.setAccessibleName(self.tr("I have kept my recovery code somewhere safe"))
        layout.addWidget(self.kept)
        self.kept.toggled.connect(self.completeChanged)
        self.save_button.clicked.connect(self._save)
        self.print_button.clicked.connect(self._print)

    def set_code(self, name: str, code: str) -> None:
        self._name, self._code = name, code
        self.code_label.setText(grouped(code))
        self.code_label.setAccessibleDescription(code)

    def initializePage(self) -> None:
        self.code_label.setFocus()

    def isComplete(self) -> bool:
        return bool(self._code) and self.kept.isChecked()

    def _file_text(self) -> str:
        return recovery_text(
            self.tr("For the vault labelled “{label}”.").format(label=self._name),
            self._code,
            self.tr("Rebuild recovery code"),
            self.tr("This code opens the vault and its backups. Keep it private."))

    def _save(self) -> None:
        path: Path | None = self.ask_save_path(
            self, self.tr("Save the recovery code"),
            self.tr("{label}-recovery-code.txt").format(label=self._name),
            self.tr("Text files (*.txt)"))
        if path is None:
            return
        try:
            save_recovery_code(path, self._file_text())
        except Exception as error:  # typed errors from writing; shown calmly
            show_message(self.message, describe(error))
            return
        show_message(self.message, self.tr("Saved. Only you can read the file on this computer; "
                                           "keep a copy somewhere away from it too."))

    def _print(self) -> None:
        try:
            from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        except ImportError:
            show_message(self.message, self.tr("Printing isn't available in this installation; "
                                               "please write the code down or save it as a file."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAccessibleName(self.tr("Print the recovery code"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        self.print_to(printer)
        show_message(self.message, self.tr("Sent to the printer."))

    def print_to(self, printer: QPagedPaintDevice) -> None:
        """Print the code, with which vault it opens, in a fixed-width font."""
        document = QTextDocument()
        document.setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        document.setPlainText(self._file_text())
        document.print_(printer)
