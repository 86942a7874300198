"""The timeline as a list model: month headings and events, newest first, paged.

The model holds only an index (``seq``, date and id of each loaded event)
and fetches more of it with ``fetchMore`` as the list scrolls, so the first
page paints at once however many events there are. Full events are read in
small blocks when a row is first painted and kept in a bounded cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.painting.kind_style import kind_word
from rebuild_desktop.services.timeline import IndexEntry, TimelineFilter, TimelineService

FIRST_PAGE = 200
NEXT_PAGE = 1000
_BLOCK = 120
_CACHE_LIMIT = 4000

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    EVENT = Qt.ItemDataRole.UserRole + 1  # the TimelineEvent, or None for a heading
    IS_HEADING = Qt.ItemDataRole.UserRole + 2
    HEADING = Qt.ItemDataRole.UserRole + 3  # "March 2026"
    EVENT_ID = Qt.ItemDataRole.UserRole + 4
    DATE = Qt.ItemDataRole.UserRole + 5
    KIND = Qt.ItemDataRole.UserRole + 6


@dataclass(slots=True)
class _Heading:
    month: str  # YYYY-MM


_Row = IndexEntry | _Heading


def month_title(month: str) -> str:
    """ "2026-03" as the locale writes a month and year ("March 2026")."""
    locale = QLocale()
    name = locale.standaloneMonthName(int(month[5:7]), QLocale.FormatType.LongFormat)
    return f"{name} {month[:4]}"


class TimelineModel(QAbstractListModel):
    """Timeline rows for a ``QListView`` with uniform item sizes."""

    def __init__(self, service: TimelineService, parent: Any = None) -> None:
        super().__init__(parent)
        self._service = service
        self._filter = TimelineFilter()
        self._rows: list[_Row] = []
        self._complete = True
        self._cache: dict[int, TimelineEvent] = {}
        self._months: dict[str, str] = {}

    # Loading ------------------------------------------------------------------

    @property
    def filter(self) -> TimelineFilter:
        return self._filter

    def set_filter(self, flt: TimelineFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self, at_least: int = FIRST_PAGE) -> None:
        """Read the index again (after a write or a new filter)."""
        page = self._service.page(self._filter, at_least)
        self.beginResetModel()
        self._rows = []
        self._cache.clear()
        self._rows = self._with_headings(page)
        self._complete = len(page) < at_least
        self.endResetModel()

    def loaded_events(self) -> int:
        return sum(1 for r in self._rows if isinstance(r, IndexEntry))

    def _last_entry(self) -> IndexEntry | None:
        for row in reversed(self._rows):
            if isinstance(row, IndexEntry):
                return row
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own signature
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's own signature
        if parent.isValid() or self._complete:
            return
        page = self._service.page(self._filter, NEXT_PAGE, self._last_entry())
        self._complete = len(page) < NEXT_PAGE
        if not page:
            return
        rows = self._with_headings(page)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _with_headings(self, page: list[IndexEntry]) -> list[_Row]:
        last = self._last_entry()
        month = last.date[:7] if last else None
        rows: list[_Row] = []
        for entry in page:
            if entry.date[:7] != month:
                month = entry.date[:7]
                rows.append(_Heading(month))
            rows.append(entry)
        return rows

    def _event(self, row: int) -> TimelineEvent | None:
        entry = self._rows[row]
        if isinstance(entry, _Heading):
            return None
        event = self._cache.get(entry.seq)
        if event is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            start, end = max(0, row - _BLOCK // 4), min(len(self._rows), row + _BLOCK)
            seqs = [r.seq for r in self._rows[start:end]
                    if isinstance(r, IndexEntry) and r.seq not in self._cache]
            self._cache.update(self._service.rows(seqs))
            event = self._cache.get(entry.seq)
        return event

    # Finding ------------------------------------------------------------------

    def row_of(self, event_id: str) -> int | None:
        seq = self._service.seq_of(event_id)
        if seq is None:
            return None
        for row, entry in enumerate(self._rows):
            if isinstance(entry, IndexEntry) and entry.seq == seq:
                return row
        return None

    def event_at(self, row: int) -> TimelineEvent | None:
        if 0 <= row < len(self._rows):
            return self._event(row)
        return None

    # Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if isinstance(self._rows[index.row()], _Heading):
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if isinstance(entry, _Heading):
            return self._heading_data(entry, role)
        if role == Role.IS_HEADING:
            return False
        if role == Role.DATE:
            return entry.date
        event = self._event(index.row())
        if event is None:
            return None
        if role == Role.EVENT:
            return event
        if role == Role.EVENT_ID:
            return event.id
        if role == Role.KIND:
            return event.kind.value
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{event.date[:10]} · {kind_word(event.kind)} · {event.title}"
        return None

    def _heading_data(self, heading: _Heading, role: int) -> Any:
        if role == Role.IS_HEADING:
            return True
        if role in (Qt.ItemDataRole.DisplayRole, Role.HEADING, Qt.ItemDataRole.AccessibleTextRole):
            title = self._months.get(heading.month)
            if title is None:
                title = self._months[heading.month] = month_title(heading.month)
            return title
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({Role.EVENT: b"event", Role.IS_HEADING: b"isHeading",
                      Role.HEADING: b"heading", Role.EVENT_ID: b"eventId",
                      Role.DATE: b"date", Role.KIND: b"kind"})
        return names
