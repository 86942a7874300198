"""A small table whose columns always fit its width, wrapping words rather than cutting them.

Plain ``ResizeToContents`` columns keep every word on one line, so in a small
window the one stretching column (a step's name) is left a few pixels and reads
"Sha…". Here each column gets at least its longest word; what room is left is
shared out by how much each column still lacks, and rows grow to hold the
wrapped lines. Meant for short tables (a ladder of steps), not for long lists.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget


def fit_widths(natural: list[int], least: list[int], room: int, stretch: int) -> list[int]:
    """Column widths that fill ``room``.

    Args:
        natural: each column's width with its text on one line.
        least: each column's width with its longest word on one line.
        room: the width to fill.
        stretch: the column that takes any room left over.

    Returns:
        ``natural`` (with the left-over room in ``stretch``) when it fits; else each
        column's ``least`` plus a share of the spare room in proportion to what it lacks.
        Never less than ``least``, even when that overflows ``room``.
    """
    least = [min(low, high) for low, high in zip(least, natural, strict=True)]
    if sum(natural) <= room:
        widths = list(natural)
        widths[stretch] += room - sum(natural)
        return widths
    spare = room - sum(least)
    if spare <= 0:
        return list(least)
    lacking = [high - low for low, high in zip(least, natural, strict=True)]
    total = sum(lacking)
    widths = [low + spare * lack // total for low, lack in zip(least, lacking, strict=True)]
    widths[stretch] += room - sum(widths)  # the rounding's few pixels
    return widths


class FittedTable(QTableView):
    """A table view that fits its columns to its width (see the module's note).

    Args:
        stretch: the column given any room left over.
        row_height: the least height of a row; rows grow for wrapped text.
    """

    def __init__(self, stretch: int, row_height: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stretch, self._row_height = stretch, row_height
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setStretchLastSection(False)
        rows = self.verticalHeader()
        rows.setMinimumSectionSize(row_height)
        rows.setDefaultSectionSize(row_height)

    def fit(self) -> None:
        """Share the viewport's width out between the columns, then size the rows to match."""
        model = self.model()
        if model is None or model.columnCount() == 0:
            return
        columns = range(model.columnCount())
        header = self.horizontalHeader()
        natural, least, padding = [], [], []
        for column in columns:
            heading = header.sectionSizeFromContents(column).width()
            cells = max(self.sizeHintForColumn(column), 0)
            longest, longest_word = self._text_widths(column)
            padding.append(max(cells - longest, 0))
            natural.append(max(heading, cells))
            least.append(max(heading, longest_word + padding[-1]))
        widths = fit_widths(natural, least, self.viewport().width(), self._stretch)
        for column, width in zip(columns, widths, strict=True):
            if header.sectionSize(column) != width:
                header.resizeSection(column, width)
        self._fit_rows([w - pad for w, pad in zip(widths, padding, strict=True)])

    def _fit_rows(self, text_widths: list[int]) -> None:
        """Each row as tall as its most wrapped cell, measured as the cell will paint it.

        (The style's own measure leaves out a style sheet's padding, and would cut a
        third line.)
        """
        model = self.model()
        rows = self.verticalHeader()
        for row in range(model.rowCount()):
            height = self._row_height
            for column, width in enumerate(text_widths):
                text, metrics = self._cell(row, column)
                wrapped = metrics.boundingRect(QRect(0, 0, max(width, 1), 1 << 16),
                                               Qt.TextFlag.TextWordWrap, text)
                height = max(height, wrapped.height() + self._row_height - 2 * metrics.height())
            if rows.sectionSize(row) != height:
                rows.resizeSection(row, height)

    def _cell(self, row: int, column: int) -> tuple[str, QFontMetrics]:
        index = self.model().index(row, column, QModelIndex())
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else self.font())
        return str(index.data(Qt.ItemDataRole.DisplayRole) or ""), metrics

    def _text_widths(self, column: int) -> tuple[int, int]:
        """The widest text in ``column`` on one line, and its widest single word."""
        longest = longest_word = 0
        for row in range(self.model().rowCount()):
            text, metrics = self._cell(row, column)
            longest = max(longest, metrics.horizontalAdvance(text))
            for word in text.split():
                longest_word = max(longest_word, metrics.horizontalAdvance(word))
        return longest, longest_word

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self.fit()
