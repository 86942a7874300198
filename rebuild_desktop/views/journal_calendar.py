"""The journal's calendar: quiet weekends, and the days that have entries in bold.

Kept apart from the journal page so how the calendar looks and how its days are
marked live in one place; the page only asks the journal which days to mark.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget


class JournalCalendar(QCalendarWidget):
    """A month calendar without week numbers or grid, weekends in ``text``'s colour."""

    def __init__(self, text: QBrush) -> None:
        super().__init__()
        self.setAccessibleName(self.tr("Calendar; days with entries are bold"))
        self.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.setGridVisible(False)
        plain = QTextCharFormat()  # weekends in the normal colour: no alarm red in a journal
        plain.setForeground(text)
        for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.setWeekdayTextFormat(weekend, plain)

    def shown_range(self) -> tuple[date, date]:
        """The days the shown month's page can show, with a week's margin either side."""
        first = date(self.yearShown(), self.monthShown(), 1)
        return first - timedelta(days=7), first + timedelta(days=44)

    def clear_marks(self) -> None:
        """Take the mark off every day."""
        self.setDateTextFormat(QDate(), QTextCharFormat())

    def mark(self, days: Iterable[str]) -> None:
        """Bold and underline each ``yyyy-MM-dd`` day."""
        marked = QTextCharFormat()
        marked.setFontWeight(QFont.Weight.Bold)
        marked.setFontUnderline(True)
        for day in days:
            self.setDateTextFormat(QDate.fromString(day, "yyyy-MM-dd"), marked)
