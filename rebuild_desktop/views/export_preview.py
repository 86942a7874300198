"""The counselor summary's preview pane: the real pages (painted by the PDF code) on a dark ground.

Kept apart from the export panel so the panel only gathers choices and runs
jobs, while this pane alone knows how wide a page may be drawn and how the
pages are laid out (and replaced) for a person to look through.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from rebuild_desktop.views.style import GRID

PREVIEW_WIDTH = 560
MIN_PREVIEW_WIDTH = 320


class PagesPreview(QScrollArea):
    """A scroll area of page images, with a hint until the first preview arrives."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setSpacing(16)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.preview_hint = QLabel(self.tr("Press Preview to see the pages exactly as they "
                                           "will be saved."))
        self.preview_hint.setWordWrap(True)
        self.preview_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_hint.setMinimumWidth(20 * GRID)
        self.preview_hint.setMargin(3 * GRID)
        self.pages_layout.addWidget(self.preview_hint)
        self.pages.setBackgroundRole(QPalette.ColorRole.Mid)  # paper stands out on it
        self.pages.setAutoFillBackground(True)
        self.setWidget(self.pages)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("Preview of the pages"))

    def least_width(self) -> int:
        """The width at which the smallest page still fits, with margins, frame and scroll bar."""
        return MIN_PREVIEW_WIDTH + self._frame_room()

    def ideal_width(self) -> int:
        """The width at which a page is shown at its full preview size."""
        return PREVIEW_WIDTH + self._frame_room()

    def _frame_room(self) -> int:
        frame = 2 * self.pages_layout.contentsMargins().left() + 2 * self.frameWidth()
        return frame + self.verticalScrollBar().sizeHint().width()

    def page_width(self) -> int:
        """The width to paint pages at, so they fit without sideways scrolling."""
        margins = self.pages_layout.contentsMargins()
        room = self.viewport().width() - margins.left() - margins.right()
        bar = self.verticalScrollBar()
        if not bar.isVisible():  # the pages will need it, so no sideways scrolling then
            room -= bar.sizeHint().width()
        return max(MIN_PREVIEW_WIDTH, min(PREVIEW_WIDTH, room))

    def show_pages(self, images: list[QImage]) -> None:
        """Replace whatever was shown with these pages."""
        while self.pages_layout.count():
            widget = self.pages_layout.takeAt(0).widget()
            if widget is not None and widget is not self.preview_hint:
                widget.hide()
                widget.deleteLater()
        self.preview_hint.setVisible(False)
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.size())
            label.setFrameShape(QFrame.Shape.Box)
            label.setAccessibleName(self.tr("Page %1 of %2").replace("%1", str(number))
                                    .replace("%2", str(len(images))))
            self.pages_layout.addWidget(label)
