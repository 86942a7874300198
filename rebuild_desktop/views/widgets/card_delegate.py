"""Paints a row as a quiet card: a small header line, the words, a warm footer line.

Models give the three lines through ``CardRole``; the delegate knows nothing
about what a row is, so gratitude and agreements share one look.
"""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

_PAD = 16
_GAP = 8
_TEXT_FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class CardRole(IntEnum):
    HEADER = Qt.ItemDataRole.UserRole + 50
    BODY = Qt.ItemDataRole.UserRole + 51
    FOOTER = Qt.ItemDataRole.UserRole + 52


def long_date(iso: str) -> str:
    """A date as people read it, in the system's language."""
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return date.toString("d MMMM yyyy") if date.isValid() else iso


class CardDelegate(QStyledItemDelegate):
    """Draws from palette roles only, so light and dark both look calm."""

    @staticmethod
    def _lines(index: QModelIndex | QPersistentModelIndex) -> tuple[str, str, str]:
        return (index.data(CardRole.HEADER) or "", index.data(CardRole.BODY) or "",
                index.data(CardRole.FOOTER) or "")

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        # The view's own width, not option.rect: a list view may ask before the
        # row has its final rectangle, and a stale width would overlap rows.
        view = self.parent()
        available = view.viewport().width() if isinstance(view, QAbstractItemView) else 0
        width = max(120, (available or option.rect.width()) - 2 * _PAD)
        header, text, footer = self._lines(index)
        small, body = _fonts(option.font)
        # The header wraps too in a narrow column (a check-in's is long).
        height = _PAD + QFontMetrics(small).boundingRect(
            QRect(0, 0, width, 10_000), _TEXT_FLAGS, header).height() + _GAP
        height += QFontMetrics(body).boundingRect(QRect(0, 0, width, 10_000), _TEXT_FLAGS,
                                                  text).height()
        if footer:
            height += _GAP + QFontMetrics(small).boundingRect(
                QRect(0, 0, width, 10_000), _TEXT_FLAGS, footer).height()
        return QSize(width, height + _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        palette: QPalette = option.palette
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        area = option.rect.adjusted(0, 0, 0, -1)
        if selected:
            painter.fillRect(area, palette.color(QPalette.ColorRole.AlternateBase))
            painter.fillRect(QRect(area.left(), area.top(), 4, area.height()),
                             palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        header, text, footer = self._lines(index)
        small, body = _fonts(option.font)
        inner = area.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.setFont(small)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        used = painter.boundingRect(inner, _TEXT_FLAGS, header)
        painter.drawText(inner, _TEXT_FLAGS, header)
        inner.setTop(used.bottom() + _GAP)
        painter.setFont(body)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        used = painter.boundingRect(inner, _TEXT_FLAGS, text)
        painter.drawText(inner, _TEXT_FLAGS, text)
        if footer:
            inner.setTop(used.bottom() + _GAP)
            painter.setFont(small)
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawText(inner, _TEXT_FLAGS, footer)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(area.adjusted(1, 1, -2, -2))
        painter.restore()


def _fonts(base: QFont) -> tuple[QFont, QFont]:
    small = QFont(base)
    small.setPointSizeF(max(8.0, base.pointSizeF() * 0.9))
    body = QFont(base)
    body.setPointSizeF(base.pointSizeF() * 1.1)
    return small, body
