"""Check-in history as a list model, newest first (one row per partner's check-in)."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.records import CheckIn
from rebuild_desktop.views.widgets.card_delegate import CardRole

Index = QModelIndex | QPersistentModelIndex


class CheckInRole(IntEnum):
    CHECKIN = Qt.ItemDataRole.UserRole + 1


class CheckInModel(QAbstractListModel):
    """A few hundred recent check-ins; each row reads as one short paragraph."""

    def __init__(self, names: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._rows: list[CheckIn] = []

    def set_checkins(self, checkins: list[CheckIn]) -> None:
        self.beginResetModel()
        self._rows = list(checkins)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        checkin = self._rows[index.row()]
        if role == CheckInRole.CHECKIN:
            return checkin
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._describe(checkin)
        if role == CardRole.HEADER:
            return self._head(checkin)
        if role == CardRole.BODY:
            return checkin.feel or ""
        if role == CardRole.FOOTER:
            return self._asked(checkin)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(x for x in (checkin.went_well, checkin.hard, checkin.request) if x)
        return None

    def _describe(self, c: CheckIn) -> str:
        return "\n".join(line for line in (self._head(c), c.feel, self._asked(c)) if line)

    def _head(self, c: CheckIn) -> str:
        return self.tr("{date} · {name} · mood {mood} of 5 · trust {trust} of 10").format(
            date=c.date[:10], name=self._names.get(c.partner.value, c.partner.value),
            mood=c.mood, trust=c.trust)

    def _asked(self, c: CheckIn) -> str:
        return self.tr("Asked for: {request}").format(request=c.request) if c.request else ""

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names[CheckInRole.CHECKIN] = b"checkin"
        return names
