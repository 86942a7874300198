"""The gratitude log as a list model, newest first, fetched a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.records import Gratitude
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.views.widgets.card_delegate import CardRole, long_date

PAGE = 100
Fetch = Callable[[int, int, str], list[Gratitude]]
Index = QModelIndex | QPersistentModelIndex


class GratitudeRole(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    FROM_NAME = Qt.ItemDataRole.UserRole + 3
    TO_NAME = Qt.ItemDataRole.UserRole + 4
    TEXT = Qt.ItemDataRole.UserRole + 5
    CATEGORY = Qt.ItemDataRole.UserRole + 6
    ACKNOWLEDGED = Qt.ItemDataRole.UserRole + 7
    REPLY = Qt.ItemDataRole.UserRole + 8


class GratitudeModel(QAbstractListModel):
    """Appreciations; ``fetch(offset, limit, query)`` supplies each page."""

    def __init__(self, fetch: Fetch, names: dict[PartnerId, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._names = names
        self._rows: list[Gratitude] = []
        self._query = ""
        self._more = True

    # Loading ------------------------------------------------------------------

    def reload(self, query: str | None = None) -> None:
        """Start again from the newest entry (with a new search when given)."""
        if query is not None:
            self._query = query
        self.beginResetModel()
        self._rows = self._fetch(0, PAGE, self._query)
        self._more = len(self._rows) == PAGE
        self.endResetModel()

    def set_names(self, names: dict[PartnerId, str]) -> None:
        self._names = names
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1))

    @property
    def query(self) -> str:
        return self._query

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        rows = self._fetch(len(self._rows), PAGE, self._query)
        self._more = len(rows) == PAGE
        if rows:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def replace(self, entry: Gratitude) -> None:
        """Show a changed entry (after a heart or a reply) without a reload."""
        for row, current in enumerate(self._rows):
            if current.id == entry.id:
                self._rows[row] = entry
                self.dataChanged.emit(self.index(row), self.index(row))
                return

    # Reading ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({role.value: role.name.lower().encode() for role in GratitudeRole})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column():
            return None
        entry = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("{sender} to {receiver}, {date}: {text}").format(
                sender=self._name(entry.from_partner), receiver=self._name(entry.to_partner),
                date=entry.date, text=entry.text)
        values = {
            GratitudeRole.ENTRY: entry,
            GratitudeRole.DATE: entry.date,
            GratitudeRole.FROM_NAME: self._name(entry.from_partner),
            GratitudeRole.TO_NAME: self._name(entry.to_partner),
            GratitudeRole.TEXT: entry.text,
            GratitudeRole.CATEGORY: entry.category,
            GratitudeRole.ACKNOWLEDGED: entry.acknowledged,
            GratitudeRole.REPLY: entry.reply,
        }
        if role == CardRole.HEADER:
            return self._header(entry)
        if role == CardRole.BODY:
            return entry.text
        if role == CardRole.FOOTER:
            return self._footer(entry)
        return values.get(role)  # type: ignore[call-overload]

    def _header(self, entry: Gratitude) -> str:
        header = self.tr("{sender} to {receiver} · {date}").format(
            sender=self._name(entry.from_partner), receiver=self._name(entry.to_partner),
            date=long_date(entry.date))
        return header + (" · " + entry.category if entry.category else "")

    def _footer(self, entry: Gratitude) -> str:
        if not entry.acknowledged:
            return ""
        footer = "♥ " + self.tr("Received with thanks")
        return footer + (" — “" + entry.reply + "”" if entry.reply else "")

    def entry(self, row: int) -> Gratitude | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _name(self, partner: PartnerId) -> str:
        return self._names.get(partner) or partner.value.upper()
