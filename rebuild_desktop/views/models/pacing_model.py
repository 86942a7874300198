"""The pacing ladder as a table: each step, each partner's mark, and the agreed level."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rebuild_desktop.domain import pacing_rules as rules
from rebuild_desktop.domain.records import Pacing, PacingStep
from rebuild_desktop.domain.values import PacingArea, PartnerId
from rebuild_desktop.services.pacing import level_words

Index = QModelIndex | QPersistentModelIndex
STEP, AREA, MARK_A, MARK_B, AGREED = range(5)
STEP_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = 5


class PacingModel(QAbstractTableModel):
    """Read-only table; changes go through the pacing service, then ``load`` again."""

    def __init__(self, names: dict[PartnerId, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._pacing = Pacing(steps=[])

    def load(self, pacing: Pacing, names: dict[PartnerId, str] | None = None) -> None:
        self.beginResetModel()
        self._pacing = pacing
        if names is not None:
            self._names = names
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, AGREED)

    @property
    def pacing(self) -> Pacing:
        return self._pacing

    def step(self, row: int) -> PacingStep | None:
        steps = self._pacing.steps
        return steps[row] if 0 <= row < len(steps) else None

    def row_of(self, step_id: str) -> int:
        return next((r for r, s in enumerate(self._pacing.steps) if s.id == step_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pacing.steps)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation is not Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            STEP: self.tr("Step"),
            AREA: self.tr("Kind"),
            MARK_A: self._names.get(PartnerId.A) or "A",
            MARK_B: self._names.get(PartnerId.B) or "B",
            AGREED: self.tr("Together"),
        }
        return titles.get(section)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        step = self.step(index.row()) if index.isValid() else None
        if step is None or not 0 <= index.column() < COLUMNS:
            return None
        if role == STEP_ROLE:
            return step
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(step, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == STEP:
            return step.title  # whole, should a very long name be cut short on screen
        if role == Qt.ItemDataRole.FontRole and index.column() in (STEP, AGREED):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def _text(self, step: PacingStep, column: int) -> str:
        words = level_words()
        if column == STEP:
            return step.title
        if column == AREA:
            return {PacingArea.EMOTIONAL: self.tr("Emotional"), PacingArea.TRUST: self.tr("Trust"),
                    PacingArea.PHYSICAL: self.tr("Physical")}[step.area]
        if column in (MARK_A, MARK_B):
            partner = PartnerId.A if column == MARK_A else PartnerId.B
            return words[rules.mark_of(step, partner)]
        return words[rules.shown_level(step, self._pacing.paused_by)]
