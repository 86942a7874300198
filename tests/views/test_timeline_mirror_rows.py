"""A check-in or hard moment deleted or edited on the timeline, as a person would do it.

The row is the record: the check-in history, the timeline and the chart must
say the same thing after a delete, an undo and an edit. Log lines (agreements,
pacing) delete alone and keep their origin through an edit.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from rebuild_desktop.domain.errors import DiskFull
from rebuild_desktop.domain.records import CheckIn
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.checkins import CheckInService
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.timeline import TimelineService
from rebuild_desktop.services.timeline_mirrors import mirror_of
from rebuild_desktop.views.checkin_dialog import CheckInDialog
from rebuild_desktop.views.checkins import CheckInsPage
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog, hard_moment_action
from rebuild_desktop.views.models.checkin_model import CheckInRole
from rebuild_desktop.views.models.timeline_model import Role
from rebuild_desktop.views.timeline import TimelinePage
from rebuild_desktop.views.timeline_editor import EventDialog


@pytest.fixture
def pages(qtbot, context) -> tuple[CheckInsPage, TimelinePage]:
    checkins, timeline = CheckInsPage(context), TimelinePage(context)
    for page in (checkins, timeline):
        qtbot.addWidget(page)
        page.resize(1024, 640)
    return checkins, timeline


def _save_in(qtbot, kind: type, fill: Callable[[QWidget], None]) -> None:
    """Fill the dialog about to open and press Save, as a person would."""
    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, kind)
        fill(dialog)
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    QTimer.singleShot(0, act)


def _record_checkin(qtbot, page: CheckInsPage, trust: int, feel: str) -> None:
    page.show()
    page.partner.setCurrentIndex(page.partner.findData("b"))
    page.trust.setValue(trust)
    qtbot.keyClicks(page.feel, feel)
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)


def _front(qtbot, timeline: TimelinePage) -> None:
    """The timeline's window in front and its list focused, as after a click there."""
    timeline.activateWindow()
    qtbot.waitUntil(timeline.isActiveWindow)
    timeline.list.setFocus()


def _press(qtbot, timeline: TimelinePage, key: Qt.Key) -> None:
    _front(qtbot, timeline)
    qtbot.keyClick(timeline.list, key)


def _edit(qtbot, timeline: TimelinePage, kind: type, fill: Callable[[QWidget], None]) -> None:
    """Enter on the selected row, fill the editor that opens, and Save."""
    _front(qtbot, timeline)  # before the dialog is awaited: waiting runs queued timers
    _save_in(qtbot, kind, fill)
    qtbot.keyClick(timeline.list, Qt.Key.Key_Return)


def _open_timeline(qtbot, timeline: TimelinePage, title: str) -> str:
    """Show the timeline and select the row with ``title``; returns its id."""
    timeline.show()
    qtbot.waitExposed(timeline)
    event = next(timeline.model.index(r).data(Role.EVENT) for r in range(timeline.model.rowCount())
                 if not timeline.model.index(r).data(Role.IS_HEADING)
                 and timeline.model.index(r).data(Role.EVENT).title == title)
    timeline.select_event(event.id)
    return event.id


def _b_ratings(qtbot, timeline: TimelinePage, expected: list[float]) -> None:
    chart = timeline.trend_view.chart
    qtbot.waitUntil(lambda: [p.value for p in chart.trend.series["b"]] == expected)


def test_delete_a_checkin_row_removes_the_checkin_and_undo_brings_both(qtbot, pages, context):
    checkins, timeline = pages
    _record_checkin(qtbot, checkins, 6, "hopeful")
    saved = checkins.model.index(0).data(CheckInRole.CHECKIN)
    row_id = _open_timeline(qtbot, timeline, "Check-in")
    _b_ratings(qtbot, timeline, [6.0])

    _press(qtbot, timeline, Qt.Key.Key_Delete)
    assert timeline.model.row_of(row_id) is None
    assert "from the earlier check-ins" in timeline.message.label.text()
    assert checkins.model.rowCount() == 0 and checkins.history_empty.isVisibleTo(checkins)
    assert CheckInService(context.vault.db).history() == []
    _b_ratings(qtbot, timeline, [])  # the rating is not left behind on the chart

    qtbot.mouseClick(timeline.message.action, Qt.MouseButton.LeftButton)  # Undo
    assert timeline.selected_event().id == row_id
    assert checkins.model.rowCount() == 1
    assert checkins.model.index(0).data(CheckInRole.CHECKIN) == saved  # same id, same words
    assert TimelineService(context.vault.db).origin(row_id) == f"checkin:{saved.id}"
    _b_ratings(qtbot, timeline, [6.0])  # counted once, not twice


def test_edit_a_checkin_row_edits_the_checkin(qtbot, pages, context):
    checkins, timeline = pages
    _record_checkin(qtbot, checkins, 6, "hopeful")
    row_id = _open_timeline(qtbot, timeline, "Check-in")

    def fill(dialog: CheckInDialog) -> None:
        assert dialog.who.text() == "Sam" and dialog.trust.value() == 6
        assert dialog.feel.toPlainText() == "I feel hopeful."
        dialog.trust.setValue(8)
        dialog.feel.selectAll()
        qtbot.keyClicks(dialog.feel, "I feel steadier.")
    _edit(qtbot, timeline, CheckInDialog, fill)

    assert "trust 8 of 10" in checkins.model.index(0).data()
    assert checkins.model.index(0).data(CheckInRole.CHECKIN).feel == "I feel steadier."
    row = TimelineService(context.vault.db).get(row_id)
    assert row.trust == {PartnerId.B: 8} and row.text == "I feel steadier."
    assert timeline.selected_event().id == row_id
    _b_ratings(qtbot, timeline, [8.0])


def test_the_checkin_history_opens_the_same_editor(qtbot, pages, context):
    checkins, timeline = pages
    _record_checkin(qtbot, checkins, 6, "hopeful")
    _save_in(qtbot, CheckInDialog, lambda dialog: dialog.mood.setValue(5))
    checkins.history.setCurrentIndex(checkins.model.index(0))
    qtbot.keyClick(checkins.history, Qt.Key.Key_Return)
    assert "mood 5 of 5" in checkins.model.index(0).data()


def test_delete_and_edit_a_hard_moment_row(qtbot, pages, context):
    _, timeline = pages
    action = hard_moment_action(context, timeline)

    def first(dialog: HardMomentDialog) -> None:
        dialog.intensity.setValue(8)
        qtbot.keyClicks(dialog.trigger, "a song from that summer")
    _save_in(qtbot, HardMomentDialog, first)
    action.trigger()
    row_id = _open_timeline(qtbot, timeline, "A hard moment")
    moment_id = mirror_of(TimelineService(context.vault.db).origin(row_id)).record_id
    moments = HardMomentService(context.vault.db)

    def calmer(dialog: HardMomentDialog) -> None:
        assert dialog.intensity.value() == 8 and not dialog.partner.isEnabled()
        assert dialog.trigger.toPlainText() == "a song from that summer"
        dialog.intensity.setValue(4)
        qtbot.keyClicks(dialog.helped, "tea outside")
    _edit(qtbot, timeline, HardMomentDialog, calmer)
    assert moments.get(moment_id).intensity == 4
    text = timeline.selected_event().text
    assert "Intensity 4 of 10." in text and "What helped: tea outside" in text

    _press(qtbot, timeline, Qt.Key.Key_Delete)
    assert moments.get(moment_id) is None
    assert "hard moment was removed" in timeline.message.label.text()
    assert timeline.list_stack.currentWidget() is timeline.empty  # it was the only event
    qtbot.mouseClick(timeline.message.action, Qt.MouseButton.LeftButton)  # Undo
    assert moments.get(moment_id).helped == "tea outside"
    assert timeline.model.row_of(row_id) is not None


def test_an_agreement_line_deletes_alone_and_keeps_its_origin_when_edited(qtbot, pages,
                                                                         context):
    _, timeline = pages
    agreements = AgreementService(context.vault.db)
    agreement = agreements.write("Phones stay open", by=PartnerId.A)
    agreements.set_consent(agreement.id, PartnerId.B, True)
    timeline.refresh()
    row_id = _open_timeline(qtbot, timeline, "Agreement now in force")

    def retitle(dialog: EventDialog) -> None:
        dialog.title.clear()
        qtbot.keyClicks(dialog.title, "Our phones agreement")
    _edit(qtbot, timeline, EventDialog, retitle)
    service = TimelineService(context.vault.db)
    assert service.get(row_id).title == "Our phones agreement"
    assert service.origin(row_id) == f"agreement:{agreement.id}"

    _press(qtbot, timeline, Qt.Key.Key_Delete)
    assert "“Our phones agreement” was removed from the timeline." in (
        timeline.message.label.text())
    assert agreements.all()[0].in_force  # the agreement itself is untouched


def test_the_checkin_editor_loses_nothing(qtbot, context):
    """A failed save keeps every word; a lock keeps them as a draft for the next editor."""
    checkin = CheckIn(str(uuid.uuid4()), "2026-03-01", PartnerId.B, 3, 6, "I feel tired.")
    CheckInService(context.vault.db).record(checkin, "Check-in")

    def full_disk(_checkin: CheckIn) -> None:
        raise DiskFull()

    dialog = CheckInDialog({"b": "Sam"}, checkin, save=full_disk, drafts=context.vault.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.went_well, "We laughed at dinner")
    dialog.accept()
    assert dialog.isVisible() and "disk" in dialog.problem.text().lower()
    assert dialog.went_well.toPlainText() == "We laughed at dinner"
    dialog.reject()  # what a lock does to an open dialog

    again = CheckInDialog({"b": "Sam"}, checkin, drafts=context.vault.db)
    qtbot.addWidget(again)
    assert again.went_well.toPlainText() == "We laughed at dinner"
    assert again.feel.toPlainText() == "I feel tired." and "kept" in again.problem.text()
