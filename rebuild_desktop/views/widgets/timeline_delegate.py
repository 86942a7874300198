"""Paints one timeline row (or a month heading) without any child widgets.

Every row has the same height, so the list can lay out 100,000 rows without
asking each one its size.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.painting.kind_style import kind_colour, kind_word, paint_kind_icon
from rebuild_desktop.views.models.timeline_model import Role

_PAD = 8
_DATE_WIDTH = 64


class _Fonts:
    def __init__(self, base: QFont) -> None:
        self.base = QFont(base)
        self.base_metrics = QFontMetrics(self.base)
        self.bold = QFont(base)
        self.bold.setWeight(QFont.Weight.DemiBold)
        self.bold_metrics = QFontMetrics(self.bold)
        self.day = QFont(self.bold)
        self.day.setPointSizeF(base.pointSizeF() * 1.5)
        self.day_height = QFontMetrics(self.day).height()
        self.heading = QFont(self.bold)
        self.heading.setPointSizeF(base.pointSizeF() * 1.25)


def first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line.strip()
    return ""


class TimelineDelegate(QStyledItemDelegate):
    """Draws date, kind (colour, icon and word), author, title, first line and ratings."""

    def __init__(self, names: dict[str, str], parent: object = None) -> None:
        super().__init__(parent)
        self._names = names
        self._fonts: dict[str, _Fonts] = {}

    def _fonts_for(self, font: QFont) -> _Fonts:
        """Fonts and metrics derived from the view's font, made once rather than per row."""
        key = font.key()
        fonts = self._fonts.get(key)
        if fonts is None:
            fonts = self._fonts[key] = _Fonts(font)
        return fonts

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        line = option.fontMetrics.height()
        return QSize(320, _PAD * 3 + line * 3 + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        try:
            if index.data(Role.IS_HEADING):
                self._paint_heading(painter, option, str(index.data(Role.HEADING)))
            else:
                event = index.data(Role.EVENT)
                if isinstance(event, TimelineEvent):
                    self._paint_event(painter, option, event)
        finally:
            painter.restore()

    def _paint_heading(self, painter: QPainter, option: QStyleOptionViewItem, title: str) -> None:
        """The month's name low in its row over a thin rule, so it heads the cards below it.

        A heading row is as tall as an event row (uniform sizes keep 100,000 rows
        quick); the room above the name is the pause between one month and the next.
        """
        palette = option.palette
        rect = option.rect
        rule_y = rect.bottom() - _PAD
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(rect.left() + _PAD, rule_y, rect.right() - _PAD, rule_y)
        painter.setFont(self._fonts_for(option.font).heading)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        text = rect.adjusted(_PAD * 2, 0, -_PAD * 2, 0)
        text.setBottom(rule_y - _PAD // 2 - 2)
        painter.drawText(text, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title)

    def _paint_event(self, painter: QPainter, option: QStyleOptionViewItem,
                     event: TimelineEvent) -> None:
        palette = option.palette
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(option.rect.adjusted(_PAD, _PAD // 2, -_PAD, -_PAD // 2))
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
        background = palette.color(QPalette.ColorRole.Base)
        if selected:
            background = QColor(palette.color(QPalette.ColorRole.Highlight))
            background.setAlpha(48)
        painter.setPen(palette.color(QPalette.ColorRole.Highlight) if focused or selected
                       else palette.color(QPalette.ColorRole.Mid))
        painter.setBrush(background)
        painter.drawRoundedRect(card, 6, 6)
        colour = kind_colour(event.kind, palette)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2)

        fonts = self._fonts_for(option.font)
        metrics = fonts.base_metrics
        line = metrics.height()
        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        left = card.left() + _PAD * 2
        top = card.top() + _PAD

        self._paint_date(painter, option, fonts, event.date,
                         QRectF(left, top, _DATE_WIDTH, line * 3))
        x = left + _DATE_WIDTH + _PAD
        width = card.right() - _PAD * 2 - x

        icon = QRectF(x, top + (line - 14) / 2, 14, 14)
        paint_kind_icon(painter, icon, event.kind, colour)
        small_bold = fonts.bold
        painter.setFont(small_bold)
        painter.setPen(colour if not selected else text_colour)
        word = kind_word(event.kind)
        word_x = icon.right() + _PAD // 2 + 2
        painter.drawText(QRectF(word_x, top, width, line), Qt.AlignmentFlag.AlignVCenter, word)
        after_word = word_x + fonts.bold_metrics.horizontalAdvance(word) + _PAD
        painter.setFont(fonts.base)
        painter.setPen(muted)
        author = self._names.get(event.author.value, "")
        painter.drawText(QRectF(after_word, top, width / 2, line),
                         Qt.AlignmentFlag.AlignVCenter, f"· {author}")
        ratings = self._ratings(event)
        if ratings:
            painter.drawText(QRectF(x, top, width, line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, ratings)

        painter.setPen(text_colour)
        painter.setFont(small_bold)
        title = fonts.bold_metrics.elidedText(event.title, Qt.TextElideMode.ElideRight,
                                                    int(width))
        painter.drawText(QRectF(x, top + line + 2, width, line), Qt.AlignmentFlag.AlignVCenter,
                         title)
        painter.setFont(fonts.base)
        painter.setPen(muted)
        text = metrics.elidedText(first_line(event.text), Qt.TextElideMode.ElideRight, int(width))
        painter.drawText(QRectF(x, top + line * 2 + 4, width, line),
                         Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_date(self, painter: QPainter, option: QStyleOptionViewItem, fonts: _Fonts,
                    date: str, rect: QRectF) -> None:
        painter.setFont(fonts.day)
        painter.setPen(option.palette.color(QPalette.ColorRole.Text))
        day_height = fonts.day_height
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), day_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         str(int(date[8:10])))
        painter.setFont(fonts.base)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRectF(rect.left(), rect.top() + day_height, rect.width(),
                                option.fontMetrics.height()),
                         Qt.AlignmentFlag.AlignLeft, weekday(date))

    def _ratings(self, event: TimelineEvent) -> str:
        parts = [f"{self._names.get(p.value, p.value)} {event.trust[p]}"
                 for p in (PartnerId.A, PartnerId.B) if p in event.trust]
        if not parts:
            return ""
        return QCoreApplication.translate("Timeline", "Trust {ratings}").format(
            ratings=" · ".join(parts))


def weekday(date: str) -> str:
    """The short weekday name of a ``YYYY-MM-DD…`` date in the user's language."""
    day = QDate.fromString(date[:10], "yyyy-MM-dd")
    return QLocale().dayName(day.dayOfWeek(), QLocale.FormatType.ShortFormat)
