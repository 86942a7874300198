"""Paints a start-screen row: kind icon, label, kind in words, and a lock."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.views.icons import icon
from rebuild_desktop.views.models.vault_list import VaultRole
from rebuild_desktop.views.style import accent

_PAD = 16
_ICON = 32
_LOCK = 20


class VaultDelegate(QStyledItemDelegate):
    """Two lines with room to breathe; colours come from the palette."""

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = option.fontMetrics.height() * 2 + 4
        return QSize(320, max(_ICON, lines) + 2 * _PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        style = option.widget.style() if option.widget is not None else None
        plain = QStyleOptionViewItem(option)
        self.initStyleOption(plain, index)
        plain.text = ""
        plain.icon = QIcon()
        plain.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(role)
        rect = option.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)

        summary = index.data(VaultRole.SUMMARY)
        kind_icon = icon("journal" if summary.kind is VaultKind.JOURNAL else "couple",
                         colour if selected else accent())
        icon_rect = QRect(rect.left(), rect.center().y() - _ICON // 2, _ICON, _ICON)
        kind_icon.paint(painter, icon_rect)
        icon("lock", colour).paint(
            painter, QRect(rect.right() - _LOCK, rect.center().y() - _LOCK // 2, _LOCK, _LOCK))

        text_rect = rect.adjusted(_ICON + _PAD, 0, -(_LOCK + _PAD), 0)
        line = option.fontMetrics.height()
        top = rect.center().y() - line - 2
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(colour)
        name_text = str(index.data(Qt.ItemDataRole.DisplayRole))
        painter.drawText(QRect(text_rect.left(), top, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         option.fontMetrics.elidedText(name_text, Qt.TextElideMode.ElideRight,
                                                       text_rect.width()))
        painter.setFont(option.font)
        if not selected:
            painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QRect(text_rect.left(), top + line + 4, text_rect.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(VaultRole.KIND_TEXT)))
        painter.restore()
