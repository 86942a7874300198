"""Small building blocks every page and dialog shares.

They set the ``role`` and ``primary`` properties that the app's stylesheet
(views/style.py) knows, so page margins, headings, quiet notes, messages and
the one primary button look the same everywhere, and they give each control
its accessible name in one place.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.views.style import GRID, mark_primary

PAGE_MARGIN = 3 * GRID  # around every section page, so headings line up from page to page


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    """A word-wrapped plain-text label; ``role`` is heading, subheading, note, message or code."""
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
    """Show one calm sentence (and let a screen reader say it), or hide when empty."""
    widget.setText(text)
    widget.setAccessibleName(text)
    widget.setVisible(bool(text))


def button(text: str, name: str, *, primary: bool = False) -> QPushButton:
    """A push button with an accessible name; ``primary`` for the one main action."""
    widget = QPushButton(text)
    widget.setAccessibleName(name)
    if primary:
        mark_primary(widget)
        widget.setAutoDefault(True)
    return widget


def named(widget: QWidget, name: str) -> QWidget:
    widget.setAccessibleName(name)
    return widget


def card(title: str = "") -> tuple[QFrame, QVBoxLayout]:
    """A quiet framed area with room to breathe: how every page divides itself.

    Args:
        title: a subheading at the top of the card, which also names it for a screen reader.
    """
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(2 * GRID, 2 * GRID, 2 * GRID, 2 * GRID)
    layout.setSpacing(GRID)
    if title:
        frame.setAccessibleName(title)
        layout.addWidget(label(title, "subheading"))
    return frame, layout


class _Scrolling(QScrollArea):
    """Asks for all the room its content would like (a plain scroll area asks for less)."""

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        content = self.widget()
        if content is None:
            return super().sizeHint()
        frame = 2 * self.frameWidth()
        return content.sizeHint() + QSize(
            frame + self.verticalScrollBar().sizeHint().width(), frame)


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless area that scrolls up and down when the window is short.

    Nothing is squeezed over its neighbour; sideways it never scrolls, and it asks for
    the width ``content`` needs.
    """
    area = _Scrolling()
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(content.minimumSizeHint().width()
                         + area.verticalScrollBar().sizeHint().width())
    return area


def page_layout(page: QWidget, heading: str, note: str = "",
                actions: tuple[QWidget, ...] = ()) -> QVBoxLayout:
    """The page's outer layout: the shared margins, its heading and a one-line kind note.

    Args:
        actions: buttons shown at the right of the heading, on the same line.
    """
    layout = QVBoxLayout(page)
    layout.setContentsMargins(PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN, PAGE_MARGIN)
    layout.setSpacing(2 * GRID)
    title = label(heading, "heading")
    title.setAccessibleName(heading)
    if actions:
        top = QHBoxLayout()
        top.setSpacing(GRID)
        top.addWidget(title, 1)
        for action in actions:
            top.addWidget(action, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
    else:
        layout.addWidget(title)
    if note:
        layout.addWidget(label(note, "note"))
    return layout
