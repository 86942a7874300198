"""Small building blocks the gratitude, agreements, pacing and settings pages share.

They set the ``role`` and ``primary`` properties that the app's stylesheet
knows, so headings, quiet notes and the one primary button look the same on
every page, and they give each control its accessible name in one place.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

GRID = 8


def text_label(text: str, role: str | None = None) -> QLabel:
    """A word-wrapped plain-text label; ``role`` is heading, subheading, note or message."""
    widget = QLabel(text)
    widget.setWordWrap(True)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if role is not None:
        widget.setProperty("role", role)
    return widget


def button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    """A push button with an accessible name; ``primary`` for the one main action."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    if primary:
        widget.setProperty("primary", True)
        widget.setDefault(True)
        widget.setAutoDefault(True)
    return widget


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


def card() -> tuple[QFrame, QVBoxLayout]:
    """A quiet framed area with room to breathe."""
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
    layout.setSpacing(GRID)
    return frame, layout


def page_layout(page: QWidget, heading: str, note: str) -> QVBoxLayout:
    """The page's outer layout with its heading and a one-line kind explanation."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(3 * GRID, 3 * GRID, 3 * GRID, 3 * GRID)
    layout.setSpacing(2 * GRID)
    layout.addWidget(text_label(heading, "heading"))
    layout.addWidget(text_label(note, "note"))
    return layout


def show_message(widget: QLabel, text: str) -> None:
    """Show one calm sentence (and let a screen reader say it), or hide when empty."""
    widget.setText(text)
    widget.setAccessibleName(text)
    widget.setVisible(bool(text))
