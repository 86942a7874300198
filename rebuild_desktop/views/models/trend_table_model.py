"""The trust trend as a table: the chart's equivalent for keyboard and screen reader."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.trust_trend import Bucket, TrustTrend
from rebuild_desktop.painting.kind_style import kind_word

Index = QModelIndex | QPersistentModelIndex


class TrendTableModel(QAbstractTableModel):
    """One row per day (or week, or month): each partner's trust and what was marked."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._names: dict[str, str] = {}
        self._bucket = Bucket.EVENT
        self._rows: list[tuple[date, dict[str, str], str]] = []

    def set_trend(self, trend: TrustTrend, names: dict[str, str]) -> None:
        days: dict[date, tuple[dict[str, list[float]], list[str]]] = {}
        for partner, points in trend.series.items():
            for p in points:
                days.setdefault(p.day, ({}, []))[0].setdefault(partner, []).append(p.value)
        for m in trend.markers:
            word = kind_word(m.kind) if m.count == 1 else f"{kind_word(m.kind)} × {m.count}"
            days.setdefault(m.day, ({}, []))[1].append(word)
        self.beginResetModel()
        self._names, self._bucket = names, trend.bucket
        self._rows = [
            (day, {p: self._format(v) for p, v in values.items()}, ", ".join(marks))
            for day, (values, marks) in sorted(days.items(), reverse=True)
        ]
        self.endResetModel()

    @staticmethod
    def _format(values: list[float]) -> str:
        mean = sum(values) / len(values)
        return f"{mean:.0f}" if mean == int(mean) else f"{mean:.1f}"

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        day, values, marks = self._rows[index.row()]
        column = index.column()
        if column == 0:
            return day.strftime("%Y-%m") if self._bucket is Bucket.MONTH else day.isoformat()
        if column in (1, 2):
            return values.get("a" if column == 1 else "b", "")
        return marks

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return {Bucket.WEEK: self.tr("Week of"), Bucket.MONTH: self.tr("Month")}.get(
                self._bucket, self.tr("Date"))
        if section in (1, 2):
            return self.tr("Trust ({name})").format(
                name=self._names.get("a" if section == 1 else "b", ""))
        if section == 3:
            return self.tr("Marked")
        return None
