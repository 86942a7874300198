"""The private journal page: entries by day, search as you type, and the editor.

Unsaved writing is kept as a draft inside the vault a second after the last
keystroke, when the editor loses focus and when the page is hidden (lock),
and comes back the next time the page opens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.services.journal import JournalDraft, JournalService, load_prompts
from rebuild_desktop.views.journal_calendar import JournalCalendar
from rebuild_desktop.views.journal_editor import JournalEditor
from rebuild_desktop.views.models.journal_model import JournalModel
from rebuild_desktop.views.sections import JOURNAL, Section, SectionContext
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.widgets.entry_delegate import EntryDelegate
from rebuild_desktop.views.widgets.page_parts import page_layout

DRAFT_DELAY_MS = 1000
SEARCH_DELAY_MS = 250


class JournalPage(QWidget):
    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._service = JournalService(context.vault.db)
        self._day: str | None = None
        self._dirty = False
        self._build()
        self._wire()
        self._refresh()
        self._restore_draft()

    # Layout ----------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your journal"))
        self.search.setAccessibleName(self.tr("Search the journal"))
        self.search.setClearButtonEnabled(True)
        self.calendar = JournalCalendar(self.palette().text())
        self.day_label = QLabel()
        self.day_label.setVisible(False)
        self.all_days = QPushButton(self.tr("All days"))
        self.all_days.setAccessibleName(self.tr("Show entries of all days"))
        self.all_days.setVisible(False)
        self.model = JournalModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(EntryDelegate(self.list))
        self.list.setAccessibleName(self.tr("Journal entries"))
        self.list.setUniformItemSizes(True)
        self.list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(16)
        self.results = QStackedWidget()
        self.results.addWidget(self.list)
        self.results.addWidget(self.empty)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, GRID, 0)
        column.setSpacing(GRID)
        column.addWidget(self.search)
        column.addWidget(self.calendar)
        day_row = QHBoxLayout()
        day_row.addWidget(self.day_label, 1)
        day_row.addWidget(self.all_days)
        column.addLayout(day_row)
        column.addWidget(self.results, 1)

        self.editor = JournalEditor(load_prompts())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = page_layout(self, self.tr("Journal"))
        layout.addWidget(splitter, 1)

        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

    def _wire(self) -> None:
        self.search.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self._refresh)
        self.calendar.clicked.connect(self._day_chosen)
        self.calendar.currentPageChanged.connect(lambda _y, _m: self._mark_days())
        self.all_days.clicked.connect(self._all_days)
        self.list.selectionModel().currentChanged.connect(self._entry_chosen)
        self.editor.edited.connect(self._edited)
        self.editor.focus_left.connect(self.flush_draft)
        self._draft_timer.timeout.connect(self.flush_draft)
        self.editor.save_requested.connect(self.save)
        self.editor.new_requested.connect(self.new_entry)
        self.editor.delete_requested.connect(self._delete)
        self._context.changes.changed.connect(self._changed_elsewhere)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search.setFocus)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_entry)

    # Lists and calendar -------------------------------------------------------------

    def _changed_elsewhere(self, kind: str) -> None:
        if kind == "journal" and self._context.vault.is_open:
            self._refresh()

    def _refresh(self) -> None:
        try:
            entries = self._service.entries(day=self._day, search=self.search.text())
        except KnownError as error:
            self._context.notify(str(error))
            return
        self.model.set_entries(entries)
        if entries:
            self.results.setCurrentWidget(self.list)
        else:
            self.empty.setText(self._empty_text())
            self.results.setCurrentWidget(self.empty)
        self._select_current()
        self._mark_days()

    def _empty_text(self) -> str:
        if self.search.text().strip() or self._day:
            return self.tr("Nothing matches yet. Try fewer letters, or another day.")
        return self.tr("Your journal is empty. Write the first thing on your mind today; "
                       "only you can read it.")

    def _select_current(self) -> None:
        entry_id = self.editor.draft().entry_id
        row = self.model.row_of(entry_id) if entry_id else -1
        selection = self.list.selectionModel()
        selection.blockSignals(True)
        if row >= 0:
            selection.setCurrentIndex(self.model.index(row),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect)
        else:
            selection.clear()
        selection.blockSignals(False)

    def _mark_days(self) -> None:
        self.calendar.clear_marks()
        try:
            days = self._service.days_with_entries(*self.calendar.shown_range())
        except KnownError:
            return
        self.calendar.mark(days)

    def _day_chosen(self, day: QDate) -> None:
        self._day = day.toString("yyyy-MM-dd")
        self.day_label.setText(self.tr("Entries of %1").replace(
            "%1", self.locale().toString(day, "d MMMM yyyy")))
        self.all_days.setVisible(True)
        self.day_label.setVisible(True)
        self._refresh()

    def _all_days(self) -> None:
        self._day = None
        self.day_label.clear()
        self.day_label.setVisible(False)
        self.all_days.setVisible(False)
        self._refresh()

    # Editing ------------------------------------------------------------------------

    def _entry_chosen(self) -> None:
        entry = self.model.entry(self.list.currentIndex().row())
        if entry is None or entry.id == self.editor.draft().entry_id:
            return
        if self._dirty and not self.editor.draft().blank and not self.save(quiet=True):
            return
        self.editor.load(JournalDraft.of(entry))
        self.editor.set_status("")
        self._dirty = False

    def _edited(self) -> None:
        self._dirty = True
        self._draft_timer.start()

    def flush_draft(self) -> None:
        """Keep the editor's unsaved state in the vault now (focus out, hide, lock)."""
        self._draft_timer.stop()
        if not self._dirty or not self._context.vault.is_open:
            return
        try:
            self._service.keep_draft(self.editor.draft())
        except KnownError as error:
            self.editor.set_status(str(error))

    def _restore_draft(self) -> None:
        try:
            draft = self._service.draft()
        except KnownError:
            return
        if draft is None or draft.blank:
            self.new_entry()
            return
        self.editor.load(draft)
        self._dirty = True
        message = self.tr("Your unsaved writing from last time is back.")
        self.editor.set_status(message)
        self._context.notify(message)
        self._select_current()

    def save(self, quiet: bool = False) -> bool:
        """Save the entry in the editor; on failure say so and keep the text."""
        draft = self.editor.draft()
        if not draft.text.strip():
            self.editor.set_status(self.tr("Write something first; an empty entry isn't saved."))
            return False
        try:
            entry = self._service.save(draft)
        except KnownError as error:
            self.editor.set_status(str(error))
            return False
        self._draft_timer.stop()
        self._dirty = False
        self.editor.load(JournalDraft.of(entry))
        self.editor.set_status(self.tr("Saved."))
        if not quiet:
            self._context.notify(self.tr("Your entry was saved."))
        self._context.changes.changed.emit("journal")
        self._refresh()
        return True

    def new_entry(self) -> None:
        if self._dirty and not self.editor.draft().blank and not self.save(quiet=True):
            return
        self.editor.load(JournalDraft(QDate.currentDate().toString("yyyy-MM-dd")))
        self.editor.set_status("")
        self._dirty = False
        self._select_current()
        self.editor.focus_text()

    def _delete(self) -> None:
        entry_id = self.editor.draft().entry_id
        if entry_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete this entry?"),
            self.tr("This entry will be gone from the journal. This can't be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._service.delete(entry_id)
        except KnownError as error:
            self.editor.set_status(str(error))
            return
        self._dirty = False
        self._context.changes.changed.emit("journal")
        self.new_entry()
        self._refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self.flush_draft()
        super().hideEvent(event)


SECTION = Section(
    key="journal",
    title=lambda: QCoreApplication.translate("JournalPage", "Journal"),
    icon="journal.svg",
    kinds=JOURNAL,
    build=JournalPage,
    shortcut="Ctrl+J",
)
