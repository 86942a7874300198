"""The journal's entries as a list model, newest first, shown a page at a time."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.records import JournalEntry

PAGE = 200
PREVIEW_CHARS = 160

Index = QModelIndex | QPersistentModelIndex


class JournalRole(IntEnum):
    ID = Qt.ItemDataRole.UserRole + 1
    DATE = Qt.ItemDataRole.UserRole + 2
    TITLE = Qt.ItemDataRole.UserRole + 3
    PREVIEW = Qt.ItemDataRole.UserRole + 4
    MOOD = Qt.ItemDataRole.UserRole + 5
    TAGS = Qt.ItemDataRole.UserRole + 6
    FOR_COUNSELOR = Qt.ItemDataRole.UserRole + 7


def preview(text: str) -> str:
    """The start of an entry on one line."""
    flat = " ".join(text.split())
    return flat if len(flat) <= PREVIEW_CHARS else flat[:PREVIEW_CHARS - 1].rstrip() + "…"


class JournalModel(QAbstractListModel):
    """Entries loaded in bulk (``set_entries``) and revealed ``PAGE`` rows at a time."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[JournalEntry] = []
        self._shown = 0

    def set_entries(self, entries: list[JournalEntry]) -> None:
        self.beginResetModel()
        self._entries = list(entries)
        self._shown = min(PAGE, len(self._entries))
        self.endResetModel()

    def entry(self, row: int) -> JournalEntry | None:
        return self._entries[row] if 0 <= row < self._shown else None

    def row_of(self, entry_id: str) -> int:
        """The row showing ``entry_id``, revealing more rows if needed; -1 when absent."""
        for row, entry in enumerate(self._entries):
            if entry.id == entry_id:
                while row >= self._shown:
                    self.fetchMore(QModelIndex())
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self._shown

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._shown < len(self._entries)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(PAGE, len(self._entries) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid() or not 0 <= index.row() < self._shown:
            return None
        entry = self._entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return entry.title or preview(entry.text)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{entry.date}. {entry.title or ''} {preview(entry.text)}".strip()
        values = {
            JournalRole.ID: entry.id,
            JournalRole.DATE: entry.date,
            JournalRole.TITLE: entry.title or "",
            JournalRole.PREVIEW: preview(entry.text),
            JournalRole.MOOD: entry.mood,
            JournalRole.TAGS: list(entry.tags),
            JournalRole.FOR_COUNSELOR: entry.for_counselor,
        }
        return values.get(role)  # type: ignore[call-overload]

    def roleNames(self) -> dict[int, bytes]:
        names = super().roleNames()
        names.update({role.value: role.name.lower().encode() for role in JournalRole})
        return names
