"""The timeline as a list model: month headings and events, newest first, paged.

The model holds only an index (``seq`` and date of each loaded event)
and fetches more of it with ``fetchMore`` as the list scrolls, so the first
page paints at once however many events there are. Full events are read in
small blocks when a row is first painted and kept in a bounded cache.

The index is two arrays of machine integers, not a Python object per row:
at 100,000 events that is about 1 MB instead of about 8.
"""

from __future__ import annotations

from array import array
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
_BLOCK = 40
_CACHE_LIMIT = 4000

Index = QModelIndex | QPersistentModelIndex


class Role(IntEnum):
    EVENT = Qt.ItemDataRole.UserRole + 1  # the TimelineEvent, or None for a heading
    IS_HEADING = Qt.ItemDataRole.UserRole + 2
    HEADING = Qt.ItemDataRole.UserRole + 3  # "March 2026"
    EVENT_ID = Qt.ItemDataRole.UserRole + 4
    DATE = Qt.ItemDataRole.UserRole + 5
    KIND = Qt.ItemDataRole.UserRole + 6


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
        # Per row: the event's seq, or for a month heading -1 - (its month's
        # place in _days); and the place of the row's date in _days.
        self._seqs = array("q")
        self._day_of = array("l")
        self._days: list[str] = []  # each distinct date (and month) once
        self._day_ix: dict[str, int] = {}
        self._headings = 0
        self._last: IndexEntry | None = None
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
        self._seqs, self._day_of = array("q"), array("l")
        self._days, self._day_ix = [], {}
        self._headings, self._last = 0, None
        self._cache.clear()
        self._append(page)
        self._complete = len(page) < at_least
        self.endResetModel()

    def loaded_events(self) -> int:
        return len(self._seqs) - self._headings

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's own signature
        return not parent.isValid() and not self._complete

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's own signature
        if parent.isValid() or self._complete:
            return
        page = self._service.page(self._filter, NEXT_PAGE, self._last)
        self._complete = len(page) < NEXT_PAGE
        if not page:
            return
        first = len(self._seqs)
        rows = self._rows_of(page)
        self.beginInsertRows(QModelIndex(), first, first + rows - 1)
        self._append(page)
        self.endInsertRows()

    def _rows_of(self, page: list[IndexEntry]) -> int:
        """How many rows ``page`` adds: its events and a heading for each new month."""
        month = self._last.date[:7] if self._last else None
        rows = len(page)
        for entry in page:
            if entry.date[:7] != month:
                month = entry.date[:7]
                rows += 1
        return rows

    def _day(self, text: str) -> int:
        place = self._day_ix.get(text)
        if place is None:
            place = self._day_ix[text] = len(self._days)
            self._days.append(text)
        return place

    def _append(self, page: list[IndexEntry]) -> None:
        month = self._last.date[:7] if self._last else None
        for entry in page:
            if entry.date[:7] != month:
                month = entry.date[:7]
                place = self._day(month)
                self._seqs.append(-1 - place)
                self._day_of.append(place)
                self._headings += 1
            self._seqs.append(entry.seq)
            self._day_of.append(self._day(entry.date))
        if page:
            self._last = page[-1]

    def _event(self, row: int) -> TimelineEvent | None:
        seq = self._seqs[row]
        if seq < 0:
            return None
        event = self._cache.get(seq)
        if event is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            start, end = max(0, row - _BLOCK // 4), min(len(self._seqs), row + _BLOCK)
            seqs = [s for s in self._seqs[start:end] if s >= 0 and s not in self._cache]
            self._cache.update(self._service.rows(seqs))
            event = self._cache.get(seq)
        return event

    # Finding ------------------------------------------------------------------

    def row_of(self, event_id: str) -> int | None:
        seq = self._service.seq_of(event_id)
        if seq is None:
            return None
        try:
            return self._seqs.index(seq)
        except ValueError:
            return None

    def event_at(self, row: int) -> TimelineEvent | None:
        if 0 <= row < len(self._seqs):
            return self._event(row)
        return None

    # Qt -----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._seqs)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._seqs[index.row()] < 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._seqs):
            return None
        row = index.row()
        if self._seqs[row] < 0:
            return self._heading_data(self._days[self._day_of[row]], role)
        if role == Role.IS_HEADING:
            return False
        if role == Role.DATE:
            return self._days[self._day_of[row]]
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

    def _heading_data(self, month: str, role: int) -> Any:
        if role == Role.IS_HEADING:
            return True
        if role in (Qt.ItemDataRole.DisplayRole, Role.HEADING, Qt.ItemDataRole.AccessibleTextRole):
            title = self._months.get(month)
            if title is None:
                title = self._months[month] = month_title(month)
            return title
        return None

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({Role.EVENT: b"event", Role.IS_HEADING: b"isHeading",
                      Role.HEADING: b"heading", Role.EVENT_ID: b"eventId",
                      Role.DATE: b"date", Role.KIND: b"kind"})
        return names
