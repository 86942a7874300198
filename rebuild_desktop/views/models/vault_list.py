"""The vaults on this computer, for the start screen's list."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.library import VaultLibrary, VaultSummary
from rebuild_desktop.views.icons import icon

Index = QModelIndex | QPersistentModelIndex


class VaultRole(IntEnum):
    SUMMARY = Qt.ItemDataRole.UserRole + 1
    KIND_TEXT = Qt.ItemDataRole.UserRole + 2


class VaultListModel(QAbstractListModel):
    """One row per vault: its neutral label, its kind and how it opens.

    Only what ``VaultLibrary.summaries()`` may show before unlocking is here:
    the label the person chose and the vault kind.
    """

    def __init__(self, library: VaultLibrary, parent: Any = None) -> None:
        super().__init__(parent)
        self._library = library
        self._rows: list[VaultSummary] = []

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = self._library.summaries()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def summary(self, row: int) -> VaultSummary:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return summary.name
        if role == VaultRole.KIND_TEXT:
            return self.kind_text(summary.kind)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{label}, {kind}, locked").format(
                label=summary.name, kind=self.kind_text(summary.kind))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{kind}, locked. Open it to unlock.").format(
                kind=self.kind_text(summary.kind))
        if role == Qt.ItemDataRole.DecorationRole:
            return icon("journal" if summary.kind is VaultKind.JOURNAL else "couple")
        if role == VaultRole.SUMMARY:
            return summary
        return None

    def kind_text(self, kind: VaultKind | None) -> str:
        if kind is VaultKind.COUPLE:
            return self.tr("Couple space")
        if kind is VaultKind.JOURNAL:
            return self.tr("Private journal")
        return self.tr("Needs its recovery code")

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names[VaultRole.SUMMARY] = b"summary"
        names[VaultRole.KIND_TEXT] = b"kind"
        return names
