"""The timeline page driven as a person would: add, edit, filter, search, delete and undo."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.services.timeline import TimelineService
from rebuild_desktop.views.models.timeline_model import Role
from rebuild_desktop.views.timeline import TimelinePage
from rebuild_desktop.views.timeline_editor import EventDialog
from rebuild_desktop.views.widgets.trust_chart import chart_hits

# The offscreen platform says this whenever a top-level window with a layout is shown.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _event(title: str, day: str, kind: EventKind = EventKind.NOTE, text: str = "",
           **extra) -> TimelineEvent:
    return TimelineEvent(id=f"00000000-0000-4000-8000-{abs(hash(title)) % 10**12:012d}",
                         date=day, kind=kind, author=Author.BOTH, title=title, text=text, **extra)


@pytest.fixture
def page(qtbot, context) -> TimelinePage:
    service = TimelineService(context.vault.db)
    service.add(_event("Long walk by the river", "2026-03-02", EventKind.QUALITY_TIME,
                       "We talked the whole way.", trust={PartnerId.A: 4, PartnerId.B: 7}))
    service.add(_event("A heavy evening", "2026-04-10", EventKind.SETBACK, "Old fear came back."))
    service.add(_event("First counselor session", "2026-04-15", EventKind.COUNSELING,
                       tags=["counseling"]))
    widget = TimelinePage(context)
    qtbot.addWidget(widget)
    widget.resize(1024, 640)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.trend_view.chart.trend.is_empty)
    return widget


def _titles(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r).data(Role.EVENT).title for r in range(model.rowCount())
            if not model.index(r).data(Role.IS_HEADING)]


def _headings(page: TimelinePage) -> list[str]:
    model = page.model
    return [model.index(r).data(Role.HEADING) for r in range(model.rowCount())
            if model.index(r).data(Role.IS_HEADING)]


def _fill_dialog(qtbot, fill: Callable[[EventDialog], None]) -> None:
    """Fill the dialog that is about to open and press Save, as a person would."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, EventDialog)
        fill(dialog)
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, act)


def test_shows_events_newest_first_under_month_headings(page):
    assert _titles(page) == ["First counselor session", "A heavy evening",
                             "Long walk by the river"]
    assert _headings(page) == ["April 2026", "March 2026"]


def test_add_an_event_with_ctrl_n(qtbot, page):
    def fill(dialog: EventDialog) -> None:
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Cooked dinner together")
        dialog.kind.setCurrentIndex(dialog.kind.findData("quality_time"))
        dialog.trust[PartnerId.B].setValue(8)
        qtbot.keyClicks(dialog.tags, "dinner, home,  dinner")
        qtbot.mouseClick(dialog.for_counselor, Qt.MouseButton.LeftButton)  # keep it between us
    _fill_dialog(qtbot, fill)
    qtbot.keyClick(page, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert "Cooked dinner together" in _titles(page)
    added = page.selected_event()
    assert added.title == "Cooked dinner together" and added.kind == "quality_time"
    assert added.trust == {PartnerId.B: 8} and added.tags == ["dinner", "home"]
    assert added.for_counselor is False


def test_an_empty_title_keeps_the_dialog_open(qtbot, context):
    dialog = EventDialog({"a": "Alex", "b": "Sam"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "title" in dialog.problem.text()


def test_edit_with_enter(qtbot, page):
    page.select_event(page.model.index(1).data(Role.EVENT_ID))
    def fill(dialog: EventDialog) -> None:
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "First session with Dana")
    _fill_dialog(qtbot, fill)
    qtbot.keyClick(page.list, Qt.Key.Key_Return)
    assert "First session with Dana" in _titles(page)
    assert "First counselor session" not in _titles(page)


def test_search_as_you_type(qtbot, page):
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.filters.search.hasFocus()
    qtbot.keyClicks(page.filters.search, "fea")
    qtbot.waitUntil(lambda: _titles(page) == ["A heavy evening"])
    page.filters.search.clear()
    qtbot.keyClicks(page.filters.search, "nothing like this")
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.empty)
    assert "Show everything" in page.empty.text()


def test_filter_by_kind_and_tag(qtbot, page):
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("setback"))
    assert _titles(page) == ["A heavy evening"]
    qtbot.mouseClick(page.filters.clear, Qt.MouseButton.LeftButton)
    assert len(_titles(page)) == 3
    page.filters.tag.setCurrentIndex(page.filters.tag.findData("counseling"))
    assert _titles(page) == ["First counselor session"]


def test_delete_and_undo(qtbot, page, context):
    page.select_event(page.model.index(1).data(Role.EVENT_ID))
    with qtbot.waitSignal(context.changes.changed):
        qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert "First counselor session" not in _titles(page)
    assert page.message.isVisible() and "removed" in page.message.label.text()
    qtbot.mouseClick(page.message.action, Qt.MouseButton.LeftButton)
    assert "First counselor session" in _titles(page)
    restored = TimelineService(context.vault.db).get(page.selected_event().id)
    assert restored.tags == ["counseling"]


def test_chart_follows_the_filter_and_picks_events(qtbot, page):
    assert [p.value for p in page.trend_view.chart.trend.series["a"]] == [4.0]
    assert page.trend_view.trend_table.rowCount() >= 1
    page.filters.kind.setCurrentIndex(page.filters.kind.findData("setback"))
    qtbot.waitUntil(lambda: page.trend_view.chart.trend.series["a"] == [])
    qtbot.mouseClick(page.filters.clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(page.trend_view.chart.trend.series["a"]) == 1)
    hits = chart_hits(QRectF(page.trend_view.chart.rect()), page.trend_view.chart.trend, page.names)
    hit = next(h for h in hits if h.event_id)
    qtbot.mouseClick(page.trend_view.chart, Qt.MouseButton.LeftButton, pos=hit.point.toPoint())
    assert page.selected_event().title == "Long walk by the river"
    assert "Alex" in page.trend_view.chart.accessibleDescription()


def test_ctrl_z_on_the_list_undoes_a_delete(qtbot, page):
    page.select_event(page.model.index(1).data(Role.EVENT_ID))
    qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert len(_titles(page)) == 2
    qtbot.keyClick(page.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_titles(page)) == 3


def test_clicking_an_averaged_point_narrows_to_its_month(qtbot, page):
    service = TimelineService(page.context.vault.db)
    for n in range(130):  # enough ratings for the chart to average them
        service.add(_event(f"rated {n}", f"2025-{1 + n % 12:02d}-{1 + n % 27:02d}",
                           trust={PartnerId.A: n % 11}))
    page.refresh()
    qtbot.waitUntil(lambda: page.trend_view.chart.trend.bucket.value != "event")
    hits = chart_hits(QRectF(page.trend_view.chart.rect()), page.trend_view.chart.trend, page.names)
    hit = next(h for h in hits if h.event_id is None and h.day.year == 2025)
    qtbot.mouseClick(page.trend_view.chart, Qt.MouseButton.LeftButton, pos=hit.point.toPoint())
    flt = page.model.filter
    assert flt.date_from == hit.day.isoformat() and flt.date_to is not None
    assert all(flt.date_from <= page.model.index(r).data(Role.DATE) <= flt.date_to
               for r in range(page.model.rowCount())
               if not page.model.index(r).data(Role.IS_HEADING))


def test_the_table_toggle_names_what_it_will_show(qtbot, page):
    qtbot.mouseClick(page.trend_view.toggle, Qt.MouseButton.LeftButton)
    assert page.trend_view.currentWidget() is page.trend_view.table
    assert page.trend_view.toggle.text() == "Show as chart"
    qtbot.mouseClick(page.trend_view.toggle, Qt.MouseButton.LeftButton)
    assert page.trend_view.currentWidget() is page.trend_view.chart
    assert page.trend_view.toggle.text() == "Show as table"


def test_deleting_the_last_event_can_still_be_undone_from_the_keyboard(qtbot, page):
    while _titles(page):
        first = next(r for r in range(page.model.rowCount())
                     if not page.model.index(r).data(Role.IS_HEADING))
        page.select_event(page.model.index(first).data(Role.EVENT_ID))
        qtbot.keyClick(page.list, Qt.Key.Key_Delete)
    assert page.list_stack.currentWidget() is page.empty
    assert page.message.action.hasFocus()
    qtbot.keyClick(page.message.action, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(_titles(page)) == 1
    assert page.list_stack.currentWidget() is page.list
