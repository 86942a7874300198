"""Passphrase entry: one field to unlock, or two with a strength hint to choose one."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

MIN_LENGTH = 8  # the same floor as secrets.passphrase.MIN_PASSPHRASE_LENGTH


def secret_field(accessible_name: str, parent: QWidget | None = None) -> QLineEdit:
    """A line edit that shows dots instead of what is typed."""
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(accessible_name)
    field.setMinimumWidth(280)
    return field


def show_toggle(fields: list[QLineEdit], text: str, parent: QWidget | None = None) -> QCheckBox:
    """A "show" checkbox that reveals or hides ``fields``."""
    toggle = QCheckBox(text, parent)
    toggle.setAccessibleName(text)

    def reveal(shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in fields:
            field.setEchoMode(mode)

    toggle.toggled.connect(reveal)
    return toggle


class NewPassphraseFields(QWidget):
    """Choose a passphrase: typed twice, with a gentle strength hint.

    Signals:
        changed(): the text of either field changed.
    """

    changed = Signal()

    def __init__(self, optional: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._optional = optional
        self.first = secret_field(self.tr("Passphrase"), self)
        self.second = secret_field(self.tr("Passphrase again"), self)
        self.hint = QLabel(self)
        self.hint.setProperty("role", "note")
        self.hint.setWordWrap(True)
        self.reveal = show_toggle([self.first, self.second], self.tr("Show passphrase"), self)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(8)
        form.addRow(self.tr("&Passphrase:"), self.first)
        form.addRow(self.tr("&Again:"), self.second)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.reveal)
        for field in (self.first, self.second):
            field.textChanged.connect(self._update)
        self._update()

    def set_optional(self, optional: bool) -> None:
        self._optional = optional
        self._update()

    @property
    def passphrase(self) -> str | None:
        """The chosen passphrase, or None when the fields are empty (and optional)."""
        return self.first.text() or None

    def is_acceptable(self) -> bool:
        text = self.first.text()
        if not text and not self.second.text():
            return self._optional
        return len(text) >= MIN_LENGTH and text == self.second.text()

    def _update(self) -> None:
        hint = self._hint()
        self.hint.setText(hint)
        self.hint.setAccessibleName(hint)
        self.changed.emit()

    def _hint(self) -> str:
        text, again = self.first.text(), self.second.text()
        if not text:
            if self._optional:
                return self.tr("Optional. With a passphrase, this space can also open "
                               "where the keyring can't help.")
            return self.tr("At least 8 characters. A few ordinary words you'll remember "
                           "make a strong passphrase.")
        if len(text) < MIN_LENGTH:
            return self.tr("A little longer, please: at least 8 characters.")
        if again and again != text:
            return self.tr("The two passphrases are not the same yet.")
        strength = _strength(text)
        if strength == 0:
            hint = self.tr("Long enough. Another word or two would make it stronger.")
        elif strength == 1:
            hint = self.tr("Good. It would take a long time to guess.")
        else:
            hint = self.tr("Strong. Keep it somewhere only you can find it.")
        if not again:
            hint += " " + self.tr("Now type it again below.")
        return hint


def _strength(text: str) -> int:
    """0 fair, 1 good, 2 strong: a hint, not a score the person is judged by."""
    kinds = sum(
        any(test(c) for c in text)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    if len(text) >= 20 or (len(text) >= 14 and kinds >= 2):
        return 2
    if len(text) >= 12 or kinds >= 3:
        return 1
    return 0
