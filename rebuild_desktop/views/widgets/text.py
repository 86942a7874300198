"""Labels with a role the stylesheet knows: headings, quiet notes, messages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped label; ``role`` is heading, subheading, note, message or code."""
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        widget.setProperty("role", role)
    return widget


def message_label(parent: QWidget | None = None) -> QLabel:
    """A calm one-sentence message, hidden until there is something to say.

    It is a live region for screen readers: its accessible name follows the text.
    """
    widget = label("", "message", parent)
    widget.setAccessibleName("")
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    widget.hide()
    return widget


def show_message(widget: QLabel, text: str) -> None:
    widget.setText(text)
    widget.setAccessibleName(text)
    widget.setVisible(bool(text))
