"""Every timeline model under pytest-qt's model tester, and paging through fetchMore."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.trust_trend import build_trend
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService
from rebuild_desktop.views.models import timeline_model
from rebuild_desktop.views.models.timeline_model import Role, TimelineModel
from rebuild_desktop.views.models.trend_table_model import TrendTableModel


def _fill(service: TimelineService, count: int) -> None:
    for n in range(count):
        service.add(TimelineEvent(str(uuid.uuid4()), f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                  EventKind.NOTE, Author.A, f"event {n}",
                                  trust={PartnerId.A: n % 11}))


def test_timeline_model(qtmodeltester, couple_vault, monkeypatch):
    monkeypatch.setattr(timeline_model, "FIRST_PAGE", 10)
    monkeypatch.setattr(timeline_model, "NEXT_PAGE", 10)
    service = TimelineService(couple_vault.db)
    _fill(service, 35)
    model = TimelineModel(service)
    model.reload(10)
    qtmodeltester.check(model)
    assert model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.loaded_events() == 35
    headings = [r for r in range(model.rowCount()) if model.index(r).data(Role.IS_HEADING)]
    assert len(headings) == 12
    model.set_filter(TimelineFilter(search="event 3"))
    qtmodeltester.check(model)


def test_trend_table_model(qtmodeltester, couple_vault):
    service = TimelineService(couple_vault.db)
    _fill(service, 12)
    model = TrendTableModel()
    model.set_trend(build_trend(service.trust_points(TimelineFilter())), {"a": "Alex", "b": "Sam"})
    qtmodeltester.check(model)
    assert model.rowCount() == 12
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Trust (Alex)"
