"""A two-pane splitter: side by side when there is room, else one above the other.

Side by side, a form and a page preview share a small window so thinly that
the preview is a sliver; stacked, each keeps the whole width. The splitter
turns by itself as the window is resized, and never asks for more width than
its narrower arrangement needs, so the window can always get small again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget


class TurningSplitter(QSplitter):
    """Two panes: ``first`` keeps its least width; ``second`` wants ``second_width`` beside it.

    Args:
        first: the pane that keeps its width (a form).
        second: the pane that takes the rest (a preview).
        second_width: the width the second pane needs to be worth showing beside the first.
        second_ideal: the width the second pane is given first when there is room for it.
    """

    def __init__(self, first: QWidget, second: QWidget, second_width: int, second_ideal: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self._second_width, self._second_ideal = second_width, second_ideal
        self._placed = False
        self.addWidget(first)
        self.addWidget(second)
        self.setChildrenCollapsible(False)
        self.setStretchFactor(0, 0)  # a wider window widens the preview, not the form
        self.setStretchFactor(1, 1)

    def side_by_side_from(self) -> int:
        """The least width at which the panes sit side by side."""
        first = self.widget(0)
        least = max(first.minimumWidth(), first.minimumSizeHint().width())
        return least + self.handleWidth() + self._second_width

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        wanted = (Qt.Orientation.Horizontal if self.width() >= self.side_by_side_from()
                  else Qt.Orientation.Vertical)
        if wanted != self.orientation() or not self._placed:
            self._placed = True
            self.setOrientation(wanted)
            self._share_out()

    def favour_second(self) -> None:
        """Stacked, give the second pane the larger part (say, once there is a preview)."""
        if self.orientation() == Qt.Orientation.Vertical:
            room = self.height() - self.handleWidth()
            self.setSizes([room // 3, room - room // 3])

    def _share_out(self) -> None:
        """Fresh sizes after turning: beside, the second its ideal width; stacked, a third."""
        if self.orientation() == Qt.Orientation.Vertical:
            room = self.height() - self.handleWidth()
            self.setSizes([room - room // 3, room // 3])
            return
        room = self.width() - self.handleWidth()
        first = max(room - self._second_ideal, self.side_by_side_from() - self._second_width
                    - self.handleWidth())
        self.setSizes([first, room - first])
