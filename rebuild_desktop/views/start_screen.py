"""The first screen: the vaults on this computer, and how to make a new one.

It shows only neutral labels and kinds (all that is readable before a vault
is unlocked) and says so. Opening and creating are done by the main window;
this screen only asks for them.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.services.library import VaultLibrary, VaultSummary
from rebuild_desktop.views.models.vault_list import VaultListModel
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.widgets.busy import BusyIndicator
from rebuild_desktop.views.widgets.page_parts import label, message_label, show_message
from rebuild_desktop.views.widgets.vault_delegate import VaultDelegate

_COLUMN_WIDTH = 640


class StartScreen(QWidget):
    """Pick a vault or create one.

    Signals:
        open_requested(VaultSummary): the person chose a vault to open.
        create_couple_requested(): "Create a couple space" was pressed.
        create_journal_requested(): "Create a private journal" was pressed.
    """

    open_requested = Signal(object)
    create_couple_requested = Signal()
    create_journal_requested = Signal()

    def __init__(self, library: VaultLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = VaultListModel(library, self)
        self._build()
        self.reload()

    def _build(self) -> None:
        column = QWidget(self)
        column.setMaximumWidth(_COLUMN_WIDTH)
        layout = QVBoxLayout(column)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2 * GRID)

        layout.addWidget(label(self.tr("Rebuild"), "heading"))
        layout.addWidget(label(self.tr(
            "A private, quiet place to work through this: together as a couple, "
            "or on your own in a journal. Everything inside is encrypted on this computer."),
            "note"))

        self.list_page, self.empty_page = self._build_list(), self._build_empty()
        layout.addWidget(self.list_page, 1)
        layout.addWidget(self.empty_page)
        self._layout = layout

        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        self.create_couple = QPushButton(self.tr("Create a &couple space"), column)
        self.create_couple.setAccessibleName(self.tr("Create a couple space"))
        self.create_journal = QPushButton(self.tr("Create a private &journal"), column)
        self.create_journal.setAccessibleName(self.tr("Create a private journal"))
        self.open_button = QPushButton(self.tr("&Open"), column)
        self.open_button.setAccessibleName(self.tr("Open the chosen vault"))
        buttons.addWidget(self.create_couple)
        buttons.addWidget(self.create_journal)
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)

        self.busy = BusyIndicator(column)
        self.message = message_label(column)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)

        self.not_therapy = label(self.tr(
            "Rebuild is a companion, not therapy. When things feel too heavy, a couples "
            "counselor or a therapist can help in ways an app can't."), "note")
        self.not_therapy.setAccessibleName(self.not_therapy.text())
        layout.addStretch(0)  # takes the room the empty state leaves
        layout.addWidget(self.not_therapy)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(4 * GRID, 4 * GRID, 4 * GRID, 3 * GRID)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)

        self.create_couple.clicked.connect(self.create_couple_requested)
        self.create_journal.clicked.connect(self.create_journal_requested)
        self.open_button.clicked.connect(self._open_current)
        self.list.activated.connect(self._open_index)

    def _build_list(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, GRID, 0, 0)
        layout.setSpacing(GRID)
        layout.addWidget(label(self.tr("On this computer"), "subheading"))
        self.list = QListView(page)
        self.list.setModel(self.model)
        self.list.setItemDelegate(VaultDelegate(self.list))
        self.list.setIconSize(QSize(32, 32))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSpacing(2)
        self.list.setAccessibleName(self.tr("Vaults on this computer"))
        layout.addWidget(self.list, 1)
        privacy = label(self.tr(
            "Anyone who uses this computer can see these labels. What is inside each one "
            "stays locked until it is opened."), "note")
        layout.addWidget(privacy)
        return page

    def _build_empty(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 3 * GRID, 0, 0)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr("Nothing here yet, and that's fine."), "subheading"))
        layout.addWidget(label(self.tr(
            "A couple space is for two people rebuilding trust together: a shared timeline, "
            "gratitude, check-ins, agreements and pacing.")))
        layout.addWidget(label(self.tr(
            "A private journal is for one person's own thoughts. It opens only with its "
            "own passphrase, even on a shared computer.")))
        layout.addWidget(label(self.tr(
            "Start with whichever fits: the buttons below will guide you through it."), "note"))
        return page

    # State ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read the vault list again and choose the one primary button."""
        self.model.reload()
        empty = self.model.rowCount() == 0
        self.list_page.setVisible(not empty)
        self.empty_page.setVisible(empty)
        # The list grows with the window; the short empty state keeps the buttons near it.
        self._layout.setStretch(self._layout.count() - 2, 1 if empty else 0)
        self.open_button.setVisible(not empty)
        for button in (self.open_button, self.create_couple):
            button.setProperty("primary", False)
            button.setDefault(False)
        mark_primary(self.create_couple if empty else self.open_button)
        if not empty and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.model.index(0, 0))
        self.set_busy(None)
        show_message(self.message, "")

    def select(self, name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.summary(row).name == name:
                self.list.setCurrentIndex(self.model.index(row, 0))

    def set_busy(self, text: str | None) -> None:
        """Show a busy line (and keep the buttons from starting a second task)."""
        for button in (self.open_button, self.create_couple, self.create_journal):
            button.setEnabled(text is None)
        self.list.setEnabled(text is None)
        if text is None:
            self.busy.stop()
        else:
            show_message(self.message, "")
            self.busy.start(text)

    def show_error(self, text: str) -> None:
        self.set_busy(None)
        show_message(self.message, text)

    def focus_default(self) -> None:
        (self.create_couple if self.model.rowCount() == 0 else self.list).setFocus()

    def _open_current(self) -> None:
        self._open_index(self.list.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            summary: VaultSummary = self.model.summary(index.row())
            self.open_requested.emit(summary)
