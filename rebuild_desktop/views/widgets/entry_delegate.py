"""Paints a journal row: date and mood on a quiet line, the title, a one-line preview."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rebuild_desktop.views.models.journal_model import JournalRole

PAD = 8
_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def mood_word(mood: int | None) -> str:
    words = {
        1: QCoreApplication.translate("Journal", "very low"),
        2: QCoreApplication.translate("Journal", "low"),
        3: QCoreApplication.translate("Journal", "in between"),
        4: QCoreApplication.translate("Journal", "good"),
        5: QCoreApplication.translate("Journal", "very good"),
    }
    return words.get(mood or 0, "")


class EntryDelegate(QStyledItemDelegate):
    """Three lines per entry, drawn from the palette so light and dark both read well."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = QFontMetrics(option.font).lineSpacing()
        return QSize(200, 3 * line + 3 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setClipRect(option.rect)  # a long preview never spills into the next row
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = option.palette
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = palette.color(text_role) if selected else palette.color(
            QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(PAD + 4, PAD, -PAD, -PAD)
        line = QFontMetrics(option.font).lineSpacing()

        day = QDate.fromString(index.data(JournalRole.DATE), "yyyy-MM-dd")
        meta = QLocale().toString(day, "ddd d MMM yyyy")
        mood = index.data(JournalRole.MOOD)
        if mood:
            meta += " · " + QCoreApplication.translate("Journal", "mood: %1").replace(
                "%1", mood_word(mood))
        small = QFont(option.font)
        small.setPointSizeF(max(option.font.pointSizeF() * 0.9, 7.0))
        painter.setFont(small)
        painter.setPen(muted)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, meta)

        title = index.data(JournalRole.TITLE)
        body = QRect(rect.left(), rect.top() + line, rect.width(), 2 * line)
        if title:
            bold = QFont(option.font)
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(palette.color(text_role))
            elided = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight,
                                                   rect.width())
            painter.drawText(body.adjusted(0, 0, 0, -line), _LEFT, elided)
            body = body.adjusted(0, line, 0, 0)
            painter.setPen(muted)
        else:  # an untitled entry: its first words, on up to two lines
            painter.setPen(palette.color(text_role))
        painter.setFont(option.font)
        lines = body.height() // line
        text = index.data(JournalRole.PREVIEW)
        if lines == 1:
            text = QFontMetrics(option.font).elidedText(text, Qt.TextElideMode.ElideRight,
                                                        rect.width())
        painter.drawText(body, _LEFT | Qt.TextFlag.TextWordWrap, text)
        painter.restore()
