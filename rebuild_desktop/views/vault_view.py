"""An open vault: a sidebar of its sections, the pages, a status line, Lock.

Pages are built the first time they are shown. ``close_vault()`` locks the
vault and destroys every page, so nothing of the content outlives the key.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import UnlockMethod, Vault
from rebuild_desktop.views.hard_moment_dialog import hard_moment_action
from rebuild_desktop.views.icons import icon
from rebuild_desktop.views.sections import ChangeBus, Section, SectionContext, sections_for
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.tasks import TaskRunner

_SIDEBAR_WIDTH = 208
_NOTICE_MS = 8000


class VaultView(QWidget):
    """The main area while a vault is open.

    Signals:
        lock_requested(): the Lock button was pressed.
        hide_requested(): the Hide now button was pressed.
    """

    lock_requested = Signal()
    hide_requested = Signal()

    def __init__(self, vault: Vault, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self._library, self._tasks = library, tasks
        self._closed = False
        self.sections: list[Section] = sections_for(vault.kind)
        self.context = SectionContext(vault, tasks, ChangeBus(self), self.notify)
        self._build()
        self.sidebar.setCurrentRow(0)
        self._describe_unlock()

    def _build(self) -> None:
        vault = self.vault
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setAccessibleName(self.tr("Sections"))
        self.sidebar.setIconSize(QSize(24, 24))
        self.sidebar.setFixedWidth(_SIDEBAR_WIDTH)
        self.sidebar.setSpacing(2)
        for row, section in enumerate(self.sections):
            item = QListWidgetItem(icon(section.icon), section.title())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, section.title())
            self.sidebar.addItem(item)
            if section.shortcut:
                keys = QKeySequence(section.shortcut)
                item.setToolTip(keys.toString(QKeySequence.SequenceFormat.NativeText))
                action = QAction(self)
                action.setShortcut(keys)
                action.triggered.connect(
                    lambda _checked=False, r=row: self.sidebar.setCurrentRow(r))
                self.addAction(action)
        self.lock_button = QPushButton(icon("lock"), self.tr("&Lock"), self)
        self.lock_button.setAccessibleName(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setToolTip(self.tr("Lock now (Ctrl+L). Everything on screen is cleared."))
        self.hide_button = QPushButton(icon("hide"), self.tr("&Hide now"), self)
        self.hide_button.setAccessibleName(self.tr("Hide now (Shift three times)"))
        self.hide_button.setToolTip(self.tr(
            "Hide everything at once and lock, without a question. "
            "Pressing Shift three times does the same."))

        side = QVBoxLayout()
        side.setContentsMargins(2 * GRID, 2 * GRID, GRID, 2 * GRID)
        side.setSpacing(GRID)
        side.addWidget(self.sidebar, 1)
        if vault.kind is VaultKind.COUPLE:
            # Reachable from every page: a button here and Ctrl+Shift+H.
            self.hard_moment = hard_moment_action(self.context, self)
            self.addAction(self.hard_moment)
            # A push button like Hide now and Lock below it, so the column reads as one set.
            self.hard_moment_button = QPushButton(self.hard_moment.icon(),
                                                  self.hard_moment.text(), self)
            self.hard_moment_button.setToolTip(self.hard_moment.toolTip())
            self.hard_moment_button.setAccessibleName(self.tr("Record a hard moment"))
            self.hard_moment_button.clicked.connect(self.hard_moment.trigger)
            side.addWidget(self.hard_moment_button)
            side.addSpacing(GRID)  # a pause between writing something down and leaving
        side.addWidget(self.hide_button)
        side.addWidget(self.lock_button)

        self.pages = QStackedWidget(self)
        self._built: dict[int, QWidget] = {}
        for _ in self.sections:
            self.pages.addWidget(QWidget(self.pages))  # a blank slot until first shown

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(side)
        body.addWidget(self.pages, 1)

        self.status = QStatusBar(self)
        self.status.setSizeGripEnabled(False)
        self.status.setContentsMargins(2 * GRID, 0, 2 * GRID, GRID // 2)
        self.unlocked_by = QLabel(self)
        self.unlocked_by.setProperty("role", "note")
        self.status.addPermanentWidget(self.unlocked_by)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)

        self.sidebar.currentRowChanged.connect(self.show_section)
        self.lock_button.clicked.connect(self.lock_requested)
        self.hide_button.clicked.connect(self.hide_requested)

    def changeEvent(self, event: QEvent) -> None:
        """Redraw the icons in the new colours when the light/dark scheme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and not self._closed:
            for row, section in enumerate(self.sections):
                self.sidebar.item(row).setIcon(icon(section.icon))
            self.lock_button.setIcon(icon("lock"))
            self.hide_button.setIcon(icon("hide"))
            if self.vault.kind is VaultKind.COUPLE:
                self.hard_moment_button.setIcon(icon("hard-moment"))

    # Pages -------------------------------------------------------------------

    def show_section(self, row: int) -> None:
        if self._closed or not 0 <= row < len(self.sections):
            return
        if row not in self._built:
            placeholder = self.pages.widget(row)
            page = self.sections[row].build(self.context)
            page.setParent(self.pages)
            self.pages.insertWidget(row, page)
            self.pages.removeWidget(placeholder)
            placeholder.deleteLater()
            self._built[row] = page
        self.pages.setCurrentIndex(row)

    def built_pages(self) -> list[QWidget]:
        return list(self._built.values())

    def notify(self, text: str) -> None:
        """One calm sentence in the status line, for a few seconds."""
        if not self._closed:
            self.status.showMessage(text, _NOTICE_MS)

    # Status line ---------------------------------------------------------------

    def _describe_unlock(self) -> None:
        method = self.vault.unlocked_by
        if method is UnlockMethod.PASSPHRASE:
            self._set_unlocked_by(self.tr("Unlocked with passphrase"))
        elif method is UnlockMethod.RECOVERY:
            self._set_unlocked_by(self.tr("Unlocked with recovery code"))
        else:
            self._set_unlocked_by(self.tr("Unlocked with this computer's keyring"))
            self._tasks.run(self._library.keyring.backend_name, self._keyring_named,
                            lambda _error: None)

    def _keyring_named(self, backend: str) -> None:
        if not self._closed:
            self._set_unlocked_by(
                self.tr("Unlocked with this computer's keyring ({backend})").format(
                    backend=backend.removesuffix(" Keyring")))

    def _set_unlocked_by(self, text: str) -> None:
        self.unlocked_by.setText(text)
        self.unlocked_by.setAccessibleName(text)

    # Locking ---------------------------------------------------------------------

    def close_vault(self) -> None:
        """Lock: close the vault, forget the key, destroy every page."""
        if self._closed:
            return
        self._closed = True
        for page in self._built.values():
            page.hide()
            page.deleteLater()
        self._built.clear()
        self.sidebar.clear()
        self.status.clearMessage()
        self.vault.close()
