"""Paints a row as a quiet card: a small header line, the words, a warm footer line.

Models give the three lines through ``CardRole``; the delegate knows nothing
about what a row is, so gratitude and agreements share one look.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

from PySide6.QtCore import (
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
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
    TONE = Qt.ItemDataRole.UserRole + 53  # optional: a CardTone for the footer's mark


class CardTone(StrEnum):
    """A footer's quiet mark: a shape and an Okabe–Ito colour, beside words that say it all."""

    WAITING = "waiting"
    SETTLED = "settled"
    REVISIT = "revisit"
    RESTING = "resting"


# Colour-blind safe (Okabe–Ito), never alarm red; resting takes the palette's quiet grey.
_TONE_COLOURS = {CardTone.WAITING: "#56B4E9", CardTone.SETTLED: "#009E73",
                 CardTone.REVISIT: "#CC79A7"}
_MARK = 8


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
            marked = width - (2 * _MARK if index.data(CardRole.TONE) else 0)
            height += _GAP + QFontMetrics(small).boundingRect(
                QRect(0, 0, marked, 10_000), _TEXT_FLAGS, footer).height()
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
            tone = index.data(CardRole.TONE)
            if tone:
                line = QFontMetrics(small).height()
                _paint_mark(painter, CardTone(tone), palette, QRectF(
                    inner.left(), inner.top() + (line - _MARK) / 2, _MARK, _MARK))
                inner.setLeft(inner.left() + 2 * _MARK)
                painter.setPen(palette.color(QPalette.ColorRole.Text))
            else:
                painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawText(inner, _TEXT_FLAGS, footer)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(palette.color(QPalette.ColorRole.Highlight))
            painter.drawRect(area.adjusted(1, 1, -2, -2))
        painter.restore()


def tone_colour(tone: CardTone, palette: QPalette) -> QColor:
    """The tone's colour, lifted a little on a dark palette so it stays clear."""
    name = _TONE_COLOURS.get(tone)
    if name is None:
        return palette.color(QPalette.ColorRole.PlaceholderText)
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(name).lighter(125) if dark else QColor(name)


def _paint_mark(painter: QPainter, tone: CardTone, palette: QPalette, rect: QRectF) -> None:
    """A shape per tone, so colour is never the only cue: ring, dot, diamond, dash."""
    colour = tone_colour(tone, palette)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour)
    painter.setBrush(colour)
    if tone is CardTone.WAITING:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(colour, 1.5))
        painter.drawEllipse(rect.adjusted(0.75, 0.75, -0.75, -0.75))
    elif tone is CardTone.SETTLED:
        painter.drawEllipse(rect)
    elif tone is CardTone.REVISIT:
        centre = rect.center()
        half = rect.width() / 2
        painter.drawPolygon(QPolygonF([centre + QPointF(0, -half), centre + QPointF(half, 0),
                                       centre + QPointF(0, half), centre + QPointF(-half, 0)]))
    else:
        painter.drawRect(QRectF(rect.left(), rect.center().y() - 1, rect.width(), 2))
    painter.restore()


def _fonts(base: QFont) -> tuple[QFont, QFont]:
    small = QFont(base)
    small.setPointSizeF(max(8.0, base.pointSizeF() * 0.9))
    body = QFont(base)
    body.setPointSizeF(base.pointSizeF() * 1.1)
    return small, body
