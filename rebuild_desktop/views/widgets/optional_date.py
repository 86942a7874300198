"""A date that may be left unset, such as an agreement's review date."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget


def optional_date(name: str) -> OptionalDate:
    widget = OptionalDate()
    widget.setAccessibleName(name)
    return widget


class OptionalDate(QWidget):
    """A date that may be left unset: a check box and a date field.

    Signals:
        changed(): the date was set, changed or cleared by the person.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self._on = QCheckBox(self.tr("Set"))
        self._on.setAccessibleName(self.tr("Set a review date"))
        self._date = QDateEdit(QDate.currentDate().addMonths(3))
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("d MMMM yyyy")
        self._date.setAccessibleName(self.tr("Review date"))
        self._date.setEnabled(False)
        row.addWidget(self._on)
        row.addWidget(self._date, 1)
        self._on.toggled.connect(self._date.setEnabled)
        self._on.toggled.connect(lambda _on: self.changed.emit())
        self._date.dateChanged.connect(lambda _d: self._on.isChecked() and self.changed.emit())

    def value(self) -> str | None:
        return self._date.date().toString(Qt.DateFormat.ISODate) if self._on.isChecked() else None

    def set_value(self, iso: str | None) -> None:
        blocked = self.blockSignals(True)
        self._on.setChecked(iso is not None)
        if iso:
            self._date.setDate(QDate.fromString(iso, Qt.DateFormat.ISODate))
        self.blockSignals(blocked)
