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

        title = index.data(JournalRole.TITLE) or index.data(JournalRole.PREVIEW)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        elided = QFontMetrics(bold).elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top() + line, rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

        if index.data(JournalRole.TITLE):
            painter.setFont(option.font)
            painter.setPen(muted)
            text = QFontMetrics(option.font).elidedText(
                index.data(JournalRole.PREVIEW), Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(QRect(rect.left(), rect.top() + 2 * line, rect.width(), line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()
