"""The backups of the open vault, newest first, for the Backups page."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rebuild_desktop.services.backups import Backup

PathRole = Qt.ItemDataRole.UserRole + 1
ReasonRole = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def reason_text(reason: str) -> str:
    tr = QCoreApplication.translate
    words = {
        "daily": tr("BackupModel", "Daily copy"),
        "manual": tr("BackupModel", "Taken by hand"),
        "before-restore": tr("BackupModel", "Kept before a restore"),
        "before-import": tr("BackupModel", "Kept before an import"),
        "before-migration": tr("BackupModel", "Kept before an update"),
        "before-delete": tr("BackupModel", "Kept before a bulk delete"),
    }
    return words.get(reason, tr("BackupModel", "Backup"))


def when_text(backup: Backup) -> str:
    local = backup.taken_at.astimezone()
    locale = QLocale()
    return QCoreApplication.translate("BackupModel", "{date} at {time}").format(
        date=locale.toString(local.date(), QLocale.FormatType.LongFormat),
        time=locale.toString(local.time(), QLocale.FormatType.ShortFormat),
    )


class BackupListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._backups: list[Backup] = []

    def set_backups(self, backups: list[Backup]) -> None:
        self.beginResetModel()
        self._backups = list(backups)
        self.endResetModel()

    def backup_at(self, row: int) -> Backup:
        return self._backups[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._backups)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._backups):
            return None
        backup = self._backups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{when_text(backup)} — {reason_text(backup.reason)}"
        if role == PathRole:
            return str(backup.path)
        if role == ReasonRole:
            return backup.reason
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802 - Qt API
        names = dict(super().roleNames())
        names[PathRole] = b"path"
        names[ReasonRole] = b"reason"
        return names
