"""The search field and filters above the timeline; emits one filter when anything changes."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.values import EventKind
from rebuild_desktop.painting.kind_style import kind_word
from rebuild_desktop.services.timeline import TimelineFilter

SEARCH_DELAY_MS = 150
_PRESETS = (("any", None), ("4w", 28), ("3m", 91), ("12m", 365))


class TimelineFilters(QWidget):
    """Search (results as you type, after a short pause) and kind / partner / tag / date filters.

    Signals:
        changed(object): the new TimelineFilter.
    """

    changed = Signal(object)

    def __init__(self, names: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # One row when it fits; in a narrow window the search gets a row of its own.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)
        self._first_row, self._second_row = QHBoxLayout(), QHBoxLayout()
        outer.addLayout(self._first_row)
        outer.addLayout(self._second_row)
        layout = self._first_row
        layout.setSpacing(8)
        self.search = QLineEdit()
        # Short enough to be read whole in a small window; the tooltip says the rest.
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)"))
        self.search.setToolTip(self.tr("Search titles, words and tags (Ctrl+F)"))
        self.search.setMinimumWidth(14 * 8)
        self.search.setAccessibleName(self.tr("Search the timeline"))
        self.search.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Show kind"))
        self.kind.addItem(self.tr("Every kind"), None)
        for kind in EventKind:
            self.kind.addItem(kind_word(kind), kind.value)
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Show events by"))
        self.author.addItem(self.tr("Anyone"), None)
        for key in ("a", "b", "both"):
            self.author.addItem(names.get(key, key), key)
        self.tag = QComboBox()
        self.tag.setAccessibleName(self.tr("Show tag"))
        self.tag.addItem(self.tr("Any tag"), None)
        self.dates = QComboBox()
        self.dates.setAccessibleName(self.tr("Show dates"))
        labels = {"any": self.tr("Any time"), "4w": self.tr("Last 4 weeks"),
                  "3m": self.tr("Last 3 months"), "12m": self.tr("Last 12 months")}
        for key, days in _PRESETS:
            self.dates.addItem(labels[key], days)
        self.clear = QPushButton(self.tr("Show everything"))
        self.clear.setAccessibleName(self.tr("Clear search and filters"))
        layout.addWidget(self.search, 3)
        for combo in (self.kind, self.author, self.tag, self.dates):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            layout.addWidget(combo)
        # A tag is whatever someone typed, perhaps very long: it must not push the row wide.
        self.tag.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag.setMinimumContentsLength(9)
        layout.addWidget(self.clear)
        self._second_row.setSpacing(8)
        self._narrow = False
        self._range: tuple[str, str] | None = None
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        for combo in (self.kind, self.author, self.tag):
            combo.currentIndexChanged.connect(self._emit)
        self.dates.currentIndexChanged.connect(self._dates_changed)
        self.clear.clicked.connect(self.reset)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        others = (self.kind, self.author, self.tag, self.dates, self.clear)
        needed = (self.search.minimumWidth() + sum(w.sizeHint().width() for w in others)
                  + self._first_row.spacing() * len(others))
        narrow = event.size().width() < needed
        if narrow != self._narrow:
            self._narrow = narrow
            # "Show everything" stays beside the search, so the filter row fits a small window.
            source, target = ((self._first_row, self._second_row) if narrow
                              else (self._second_row, self._first_row))
            for widget in others[:-1]:
                source.removeWidget(widget)
                target.addWidget(widget)
            self._first_row.removeWidget(self.clear)
            self._first_row.addWidget(self.clear)

    def set_tags(self, tags: list[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem(self.tr("Any tag"), None)
        for tag in tags:
            self.tag.addItem(tag, tag)
        index = self.tag.findData(current) if current else 0
        self.tag.setCurrentIndex(max(0, index))
        self.tag.blockSignals(False)

    def set_range(self, first: str, last: str) -> None:
        """Narrow to a span picked elsewhere (the chart), shown as its own choice."""
        self._range = (first, last)
        label = self.tr("{first} to {last}").format(first=first, last=last)
        if self.dates.count() > len(_PRESETS):
            self.dates.setItemText(len(_PRESETS), label)
        else:
            self.dates.addItem(label, "range")
        self.dates.setCurrentIndex(len(_PRESETS))
        self._emit()

    def _dates_changed(self) -> None:
        if self.dates.currentData() != "range" and self.dates.count() > len(_PRESETS):
            self._range = None
            self.dates.blockSignals(True)
            self.dates.removeItem(len(_PRESETS))
            self.dates.blockSignals(False)
        self._emit()

    def reset(self) -> None:
        for combo in (self.kind, self.author, self.tag, self.dates):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._dates_changed()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._emit()

    def current(self, today: date | None = None) -> TimelineFilter:
        today = today or date.today()
        date_from = date_to = None
        days = self.dates.currentData()
        if days == "range" and self._range:
            date_from, date_to = self._range
        elif isinstance(days, int):
            date_from = (today - timedelta(days=days)).isoformat()
        kind = self.kind.currentData()
        return TimelineFilter(
            kinds=frozenset({kind}) if kind else frozenset(),
            author=self.author.currentData(),
            tag=self.tag.currentData(),
            date_from=date_from,
            date_to=date_to,
            search=self.search.text().strip(),
        )

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.current())
