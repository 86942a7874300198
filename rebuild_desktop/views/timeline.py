"""The trust timeline page: trend chart, filters and search, and the list of events."""

from __future__ import annotations

from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QWidget,
)
from shiboken6 import isValid

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.trust_trend import Bucket, TrustTrend
from rebuild_desktop.services.timeline import (
    TimelineFilter,
    TimelineService,
    read_tags,
    read_trend,
)
from rebuild_desktop.services.timeline_mirrors import CHECKIN
from rebuild_desktop.views.checkin_dialog import edit_checkin
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.hard_moment_dialog import edit_hard_moment
from rebuild_desktop.views.models.timeline_model import FIRST_PAGE, Role, TimelineModel
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.style import mark_primary
from rebuild_desktop.views.timeline_delete import DeleteEvent, removed_message
from rebuild_desktop.views.timeline_editor import EventDialog
from rebuild_desktop.views.timeline_trend import TrendPanel
from rebuild_desktop.views.widgets.editor_dialog import EditorDialog
from rebuild_desktop.views.widgets.message_bar import MessageBar
from rebuild_desktop.views.widgets.page_parts import page_layout
from rebuild_desktop.views.widgets.timeline_delegate import TimelineDelegate
from rebuild_desktop.views.widgets.timeline_filters import TimelineFilters

CHART_DELAY_MS = 400
FIRST_LOAD_DELAY_MS = 50
_WATCHED = frozenset({"timeline", "checkins", "hard_moments", "agreements", "pacing"})


class TimelinePage(QWidget):
    """Everything the couple recorded, newest first under month headings."""

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = TimelineService(context.vault.db)
        self.names = self.service.partner_names()
        self.names["both"] = self.tr("Both")
        self.undo_stack = QUndoStack(self)
        self._chart_generation = 0
        self._writing = False
        self._chart_timer = QTimer(self, singleShot=True, interval=CHART_DELAY_MS)
        self._chart_timer.timeout.connect(self._load_chart)
        self._build()
        self._wire()
        self.model.reload()
        self._after_reload()
        # The chart and the tag list are read after the list's first paint, so
        # their workers never hold the interpreter while the page first shows.
        QTimer.singleShot(FIRST_LOAD_DELAY_MS, self._load_extras)

    # Layout ---------------------------------------------------------------------

    def _build(self) -> None:
        self.add_button = QPushButton(self.tr("Add an event"))
        mark_primary(self.add_button)
        self.add_button.setToolTip(self.tr("Add an event (Ctrl+N)"))
        self.add_button.setAccessibleName(self.tr("Add an event"))
        self.trend_view = TrendPanel()
        layout = page_layout(self, self.tr("Trust timeline"),
                             actions=(self.trend_view.toggle, self.add_button))
        layout.addWidget(self.trend_view)

        self.filters = TimelineFilters(self.names)
        layout.addWidget(self.filters)
        self.message = MessageBar()
        layout.addWidget(self.message)

        self.model = TimelineModel(self.service, self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(TimelineDelegate(self.names, self.list))
        self.list.setUniformItemSizes(True)
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(200)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(self.tr("Timeline events, newest first"))
        self.list.setFrameShape(QListView.Shape.NoFrame)
        # Cards on the page itself, so month headings sit in the page's own quiet space.
        self.list.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.empty)
        layout.addWidget(self.list_stack, 1)

    def _wire(self) -> None:
        self.add_button.clicked.connect(self.add_event)
        self.filters.changed.connect(self.apply_filter)
        self.list.activated.connect(self._edit_index)
        self.trend_view.chart.picked.connect(self.select_event)
        self.trend_view.chart.bucket_picked.connect(self._drill_into)
        self.context.changes.changed.connect(self._changed_elsewhere)
        page_wide = Qt.ShortcutContext.WidgetWithChildrenShortcut
        on_list = Qt.ShortcutContext.WidgetShortcut  # Delete in the search field stays text
        shortcuts = (
            (self, page_wide, self.tr("Add an event"), QKeySequence.StandardKey.New,
             self.add_event),
            (self, page_wide, self.tr("Search"), QKeySequence.StandardKey.Find, self.focus_search),
            (self.list, on_list, self.tr("Remove the selected event"),
             QKeySequence.StandardKey.Delete, self.delete_selected),
            (self.list, on_list, self.tr("Edit the selected event"),
             QKeySequence(Qt.Key.Key_Return), self.edit_selected),
        )
        for owner, context, text, keys, slot in shortcuts:
            action = QAction(text, owner)
            action.setShortcut(keys)
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            owner.addAction(action)
        # Ctrl+Z undoes a delete from the list, and from the message that says
        # what went (where focus lands when the last event went with the list).
        for owner, context in ((self.list, on_list),
                               (self.message, Qt.ShortcutContext.WidgetWithChildrenShortcut)):
            undo = self.undo_stack.createUndoAction(owner, self.tr("Undo"))
            undo.setShortcut(QKeySequence.StandardKey.Undo)
            undo.setShortcutContext(context)
            owner.addAction(undo)

    # Reading --------------------------------------------------------------------

    def apply_filter(self, flt: TimelineFilter) -> None:
        self.model.set_filter(flt)
        self._after_reload()
        # The list answers each keystroke; the chart follows once typing rests,
        # so its worker never competes with the list while someone types.
        self._chart_timer.start()

    def _after_reload(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            self.empty.setText(self.tr("Nothing matches this search or filter yet. "
                                       "“Show everything” brings every event back.")
                               if not self.model.filter.is_empty else
                               self.tr("Your timeline is waiting for its first moment.\n"
                                       "Press “Add an event” (Ctrl+N) to write one down: "
                                       "a conversation, a hard day, a small step."))
        self.list_stack.setCurrentIndex(1 if empty else 0)

    def _load_extras(self) -> None:
        if isValid(self):
            self._load_chart()
            self._load_tags()

    def _load_chart(self) -> None:
        self._chart_generation += 1
        generation, flt, vault = self._chart_generation, self.model.filter, self.context.vault

        def done(trend: TrustTrend) -> None:
            if isValid(self) and generation == self._chart_generation:
                self.trend_view.set_trend(trend, self.names)

        self.context.tasks.run(partial(read_trend, vault, flt), done, self._failed)

    def _load_tags(self) -> None:
        def done(tags: list[str]) -> None:
            if isValid(self):
                self.filters.set_tags(tags)

        self.context.tasks.run(partial(read_tags, self.context.vault), done, self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return  # the page went with a lock while a worker was reading
        self.context.notify(describe(error) if isinstance(error, KnownError)
                            else self.tr("That did not work this time; nothing was changed."))

    def _changed_elsewhere(self, kind: str) -> None:
        if kind in _WATCHED and not self._writing:
            self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Read everything again, keeping as many rows loaded as before."""
        self.model.reload(max(FIRST_PAGE, self.model.loaded_events()))
        self._after_reload()
        self._load_extras()
        if select:
            self.select_event(select)

    def written(self, select: str | None = None, also: tuple[str, ...] = ()) -> None:
        """After this page wrote: refresh and tell the other pages (``also``: what else changed)."""
        self.refresh(select)
        self._writing = True
        try:
            for kind in ("timeline", *also):
                self.context.changes.changed.emit(kind)
        finally:
            self._writing = False

    def select_event(self, event_id: str) -> None:
        row = self.model.row_of(event_id)
        while row is None and self.model.canFetchMore():
            self.model.fetchMore()
            row = self.model.row_of(event_id)
        if row is None:
            self.context.notify(self.tr("That event is hidden by the current filter."))
            return
        index = self.model.index(row)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.list.setFocus()

    def _drill_into(self, day: date) -> None:
        """An averaged point was clicked: narrow the list (and chart) to its week or month."""
        if self.trend_view.chart.trend.bucket is Bucket.WEEK:
            last = day + timedelta(days=6)
        else:
            following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
            last = following - timedelta(days=1)
        self.filters.set_range(day.isoformat(), last.isoformat())

    def focus_search(self) -> None:
        self.filters.search.setFocus()
        self.filters.search.selectAll()

    def selected_event(self) -> TimelineEvent | None:
        index = self.list.currentIndex()
        if not index.isValid() or not self.list.selectionModel().isSelected(index):
            return None
        event = index.data(Role.EVENT)
        return event if isinstance(event, TimelineEvent) else None

    # Writing --------------------------------------------------------------------

    def add_event(self) -> None:
        if self._dialog_open():
            return
        dialog = EventDialog(self.names, parent=self, save=self.service.add,
                             drafts=self.context.vault.db)
        if dialog.exec():
            self.written(select=dialog.saved_event.id if dialog.saved_event else None)

    def edit_selected(self) -> None:
        self._edit_index(self.list.currentIndex())

    def _edit_index(self, index: QModelIndex) -> None:
        event = index.data(Role.EVENT) if index.isValid() else None
        if not isinstance(event, TimelineEvent) or self._dialog_open():
            return
        mirror = self.service.record_behind(event)
        if mirror is not None:  # a check-in or hard moment: edit the record, the row follows
            edit = edit_checkin if mirror.kind == CHECKIN else edit_hard_moment
            if edit(self.context, mirror.record_id, self):
                self.select_event(event.id)
            return
        dialog = EventDialog(self.names, event, parent=self,
                             save=self.service.update, drafts=self.context.vault.db)
        if dialog.exec():
            self.written(select=dialog.saved_event.id if dialog.saved_event else None)

    def _dialog_open(self) -> bool:
        return any(d.isVisible() for d in self.findChildren(EditorDialog))

    def delete_selected(self) -> None:
        event = self.selected_event()
        if event is None:
            return
        command = DeleteEvent(self, event)
        self.undo_stack.push(command)  # runs the delete
        if command.removed is not None:
            self.message.show_message(removed_message(command.removed), self.tr("Undo"),
                                      self.undo_stack.undo)
            if self.model.rowCount() == 0:  # the list gave way to the empty page
                self.message.action.setFocus()


SECTION = Section(
    key="timeline",
    title=lambda: QCoreApplication.translate("Sections", "Timeline"),
    icon="timeline.svg",
    kinds=COUPLE,
    build=TimelinePage,
)
