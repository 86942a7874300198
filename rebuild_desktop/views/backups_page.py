"""The Backups page: the vault's encrypted copies, a backup on demand, and a
restore that checks the copy first and keeps the present state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QItemSelectionModel
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.services import backups
from rebuild_desktop.services.vault import PreparedRestore
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.models.backup_model import BackupListModel, when_text
from rebuild_desktop.views.sections import EVERY_KIND, Section, SectionContext
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.widgets.page_parts import label, page_layout


class BackupsPage(QWidget):
    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._vault = context.vault
        self.model = BackupListModel(self)

        self.list = QListView()
        self.list.setProperty("role", "rows")  # rows with room to breathe (style.py)
        self.list.setModel(self.model)
        self.list.setUniformItemSizes(True)
        self.list.setAccessibleName(self.tr("Backups of this vault, newest first"))
        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.list.doubleClicked.connect(lambda _index: self._ask_restore())

        self.empty = label(self.tr(
            "No backups yet. The first one is taken today, or now with “Back up now”."))

        self.back_up_button = QPushButton(self.tr("Back up now"))
        mark_primary(self.back_up_button)
        self.back_up_button.setAccessibleName(self.tr("Back up now"))
        self.back_up_button.clicked.connect(self._back_up)
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected backup"))
        self.restore_button.clicked.connect(self._ask_restore)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: a copy's size is not known ahead
        self.progress.setAccessibleName(self.tr("Working"))
        self.progress.hide()
        self.status = label("")
        self.status.setAccessibleName(self.tr("Backup status"))

        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        buttons.addWidget(self.back_up_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)

        layout = page_layout(self, self.tr("Backups"), self.tr(
            "Rebuild keeps encrypted copies of this vault on this computer: one a day for the "
            "last week, one a week for the last month and one a month for the last year, plus "
            "one before every restore or import. They open with the same passphrase, keyring "
            "or recovery code."))
        layout.addWidget(self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)

        self.refresh()

    def refresh(self) -> None:
        self.model.set_backups(backups.backups(self._vault.paths))
        has_any = self.model.rowCount() > 0
        self.empty.setVisible(not has_any)
        self.list.setVisible(has_any)
        if has_any:
            self.list.selectionModel().setCurrentIndex(
                self.model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._update_buttons()

    def _selected_row(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self) -> None:
        busy = self.progress.isVisible()
        self.back_up_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy and self._selected_row() is not None)

    def _set_busy(self, busy: bool, message: str = "") -> None:
        self.progress.setVisible(busy)
        self.status.setText(message)
        self._update_buttons()

    def _back_up(self) -> None:
        vault = self._vault
        self._set_busy(True, self.tr("Taking a backup…"))

        def work() -> None:
            conn = vault.connect()
            try:
                backups.take_backup(conn, vault.key(), vault.paths, "manual")
            finally:
                conn.close()

        self._context.tasks.run(work, lambda _r: self._done(self.tr("A backup was taken.")),
                                self._failed)

    def _ask_restore(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        backup = self.model.backup_at(row)
        answer = QMessageBox.question(
            self, self.tr("Restore a backup"),
            self.tr("Restore the backup from {when}? What the vault holds now is backed up "
                    "first, so nothing is lost.").format(when=when_text(backup)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore(backup.path)

    def restore(self, backup: Path) -> None:
        """Check ``backup`` and restore it, the slow half off the GUI thread."""
        self._set_busy(True, self.tr("Checking the backup, then restoring it…"))
        self._context.tasks.run(lambda: self._vault.prepare_restore(backup),
                                self._finish_restore, self._failed)

    def _finish_restore(self, prepared: PreparedRestore) -> None:
        try:
            self._vault.finish_restore(prepared)
        except KnownError as error:
            self._failed(error)
            return
        self._done(self.tr("The backup was restored. What was there before is kept as a backup."))
        self._context.changes.changed.emit("all")

    def _done(self, message: str) -> None:
        self._set_busy(False, message)
        self._context.notify(message)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):
            self._set_busy(False)
            raise error
        self._set_busy(False, describe(error))



SECTION = Section(
    key="backups",
    title=lambda: QCoreApplication.translate("Sections", "Backups"),
    icon="backups.svg",
    kinds=EVERY_KIND,
    build=BackupsPage,
)
