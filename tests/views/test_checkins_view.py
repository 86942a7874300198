"""Check-ins and hard moments, recorded as a person would; both land on the timeline."""

from __future__ import annotations

import importlib
import uuid
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget

from rebuild_desktop.domain.records import CheckIn
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.resources import resource
from rebuild_desktop.services.checkins import Cadence, CheckInService
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService
from rebuild_desktop.views.checkins import CheckInsPage, feel_statement
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog, hard_moment_action
from rebuild_desktop.views.models.checkin_model import CheckInModel
from rebuild_desktop.views.models.timeline_model import Role
from rebuild_desktop.views.sections import _SECTION_MODULES, COUPLE
from rebuild_desktop.views.timeline import TimelinePage

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_sections_are_registered_for_couples_only():
    for name in ("timeline", "checkins"):
        module = f"rebuild_desktop.views.{name}"
        assert module in _SECTION_MODULES
        section = importlib.import_module(module).SECTION
        assert section.key == name and section.kinds == COUPLE
        assert resource("icons", section.icon).is_file()


def test_record_a_checkin_shows_in_history_and_on_the_timeline(qtbot, context):
    timeline = TimelinePage(context)
    page = CheckInsPage(context)
    for widget in (timeline, page):
        qtbot.addWidget(widget)
    page.resize(1024, 640)
    page.show()
    page.partner.setCurrentIndex(page.partner.findData("b"))
    page.trust.setValue(6)
    qtbot.keyClicks(page.feel, "hopeful")
    qtbot.keyClicks(page.when, "we plan the week together")
    qtbot.keyClicks(page.need, "time to talk on Sundays")
    qtbot.keyClicks(page.request, "a walk on Saturday")
    qtbot.mouseClick(page.save, Qt.MouseButton.LeftButton)

    assert page.model.rowCount() == 1
    shown = page.model.index(0).data()
    assert "Sam" in shown and "trust 6 of 10" in shown
    assert "I feel hopeful when we plan the week together. I need time to talk on Sundays." in shown
    assert page.feel.text() == ""  # the form is ready for the other partner
    row = next(r for r in range(timeline.model.rowCount())
               if not timeline.model.index(r).data(Role.IS_HEADING))
    event = timeline.model.index(row).data(Role.EVENT)
    assert event.kind == "checkin" and event.author == "b" and event.trust == {"b": 6}
    assert TimelineService(context.vault.db).origin(event.id).startswith("checkin:")
    qtbot.waitUntil(lambda: [p.value for p in timeline.trend_view.chart.trend.series["b"]] == [6.0])


def test_reminder_shows_when_a_checkin_is_due(qtbot, context):
    service = CheckInService(context.vault.db)
    now = datetime.now().astimezone()
    service.set_cadence(Cadence((now - timedelta(days=1)).weekday(), "09:00"))
    page = CheckInsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page.reminder.isVisible()
    assert "Whenever you are both ready" in page.reminder.label.text()
    page.cadence_day.setCurrentIndex(page.cadence_day.findData(None))
    assert not page.reminder.isVisible()
    assert service.cadence().day is None


def test_feel_statement_reads_as_a_sentence():
    assert feel_statement("calm", "", "") == "I feel calm."
    assert feel_statement("", "", "rest") == "I need rest."
    assert feel_statement(" ", " ", " ") == ""


def test_checkin_model(qtmodeltester, context):
    service = CheckInService(context.vault.db)
    for n, partner in enumerate((PartnerId.A, PartnerId.B, PartnerId.A)):
        service.record(CheckIn(str(uuid.uuid4()), f"2026-03-0{n + 1}", partner, 3, 5 + n,
                               request="a walk" if n else None), "Check-in")
    model = CheckInModel({"a": "Alex", "b": "Sam"})
    model.set_checkins(service.history())
    qtmodeltester.check(model)
    assert model.rowCount() == 3 and model.index(0).data().startswith("2026-03-03 · Alex")


def test_record_a_hard_moment_from_the_action(qtbot, context, messages):
    host = QWidget()
    qtbot.addWidget(host)
    timeline = TimelinePage(context)
    qtbot.addWidget(timeline)
    action = hard_moment_action(context, host)
    assert action.shortcut().toString() == "Ctrl+Shift+H"

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, HardMomentDialog)
        dialog.intensity.setValue(8)
        qtbot.keyClicks(dialog.trigger, "a song from that summer")
        qtbot.keyClicks(dialog.helped, "stepping outside, slow breaths")
        save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)
    action.trigger()
    assert messages and "gentle" in messages[-1]
    service = TimelineService(context.vault.db)
    found = service.page(TimelineFilter(search="summer"), 10)
    event = service.rows([found[0].seq])[found[0].seq]
    assert event.kind == "setback" and not event.for_counselor and event.trust == {}
    assert "Intensity 8 of 10." in event.text
    assert service.origin(event.id).startswith("hard_moment:")
    titles = [timeline.model.index(r).data(Role.EVENT).title
              for r in range(timeline.model.rowCount())
              if not timeline.model.index(r).data(Role.IS_HEADING)]
    assert titles == ["A hard moment"]
