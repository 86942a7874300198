"""Timeline reading and writing: paging, filters, search in several scripts, undo."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService
from rebuild_desktop.storage.timeline_queries import fts_query


def _add(service: TimelineService, title: str, day: str, text: str = "",
         kind: EventKind = EventKind.NOTE, author: Author = Author.BOTH, **extra) -> str:
    event_id = str(uuid.uuid4())
    service.add(TimelineEvent(event_id, day, kind, author, title, text, **extra))
    return event_id


def _titles(service: TimelineService, flt: TimelineFilter, limit: int | None = None) -> list[str]:
    entries = service.page(flt, limit)
    rows = service.rows([e.seq for e in entries])
    return [rows[e.seq].title for e in entries]


@pytest.fixture
def service(couple_vault) -> TimelineService:
    return TimelineService(couple_vault.db)


def test_pages_follow_on_without_gaps_or_repeats(service):
    for n in range(25):
        _add(service, f"event {n:02d}", f"2026-0{1 + n % 3}-1{n % 10}")
    everything = service.page(TimelineFilter(), None)
    pages, after = [], None
    while True:
        page = service.page(TimelineFilter(), 7, after)
        if not page:
            break
        pages.extend(page)
        after = page[-1]
    assert [e.seq for e in pages] == [e.seq for e in everything]
    assert [e.date for e in everything] == sorted((e.date for e in everything), reverse=True)


def test_search_in_several_scripts(service):
    _add(service, "Coffee at the café", "2026-03-01", "Quiet morning ☕ together")
    _add(service, "שיחה טובה", "2026-03-02", "דיברנו בכנות על הפחדים")
    _add(service, "Crème brûlée night", "2026-03-03", "We laughed 😊 again")
    assert _titles(service, TimelineFilter(search="cafe")) == ["Coffee at the café"]
    assert _titles(service, TimelineFilter(search="CAFÉ")) == ["Coffee at the café"]
    assert _titles(service, TimelineFilter(search="בכנות")) == ["שיחה טובה"]
    assert _titles(service, TimelineFilter(search="שיח")) == ["שיחה טובה"]  # as you type
    assert _titles(service, TimelineFilter(search="creme brulee")) == ["Crème brûlée night"]
    assert _titles(service, TimelineFilter(search="😊")) == ["Crème brûlée night"]
    assert _titles(service, TimelineFilter(search="☕ quiet")) == ["Coffee at the café"]
    assert _titles(service, TimelineFilter(search="laugh")) == ["Crème brûlée night"]


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(st.text(max_size=40))
def test_any_typed_text_is_a_safe_search(service, text):
    """FTS syntax, quotes, NUL and SQL-ish text never raise: they are searched as words."""
    service.page(TimelineFilter(search=text), 5)


def test_fts_syntax_is_quoted():
    expected = '"walk"* AND "AND"* AND """honest"""* AND "NEAR("*'
    assert fts_query('walk AND "honest" NEAR(') == expected
    assert fts_query("  ") is None
    assert fts_query("😊") is None


def test_filters(service):
    _add(service, "Walk", "2026-01-05", kind=EventKind.QUALITY_TIME, author=Author.A,
         tags=["outside", "phones"])
    _add(service, "Hard evening", "2026-02-07", kind=EventKind.SETBACK, author=Author.B,
         tags=["phone"])
    _add(service, "Session", "2026-03-09", kind=EventKind.COUNSELING, author=Author.BOTH)
    assert _titles(service, TimelineFilter(kinds=frozenset({"setback"}))) == ["Hard evening"]
    assert _titles(service, TimelineFilter(author="a")) == ["Walk"]
    assert _titles(service, TimelineFilter(tag="phones")) == ["Walk"]
    assert _titles(service, TimelineFilter(tag="phone")) == ["Hard evening"]
    assert _titles(service, TimelineFilter(date_from="2026-02-01", date_to="2026-02-28")) == [
        "Hard evening"]
    assert _titles(service, TimelineFilter(date_to="2026-03-09")) == [
        "Session", "Hard evening", "Walk"]
    assert service.tags() == ["outside", "phone", "phones"]


def test_delete_and_restore_keep_the_origin(service, couple_vault):
    event_id = _add(service, "Check-in", "2026-03-01", kind=EventKind.CHECKIN,
                    trust={PartnerId.A: 5})
    couple_vault.db.execute("UPDATE timeline SET origin = 'checkin:x' WHERE id = ?", (event_id,))
    removed = service.delete(event_id)
    assert service.get(event_id) is None and removed is not None
    service.restore(removed)
    assert service.get(event_id) == removed.event
    assert service.origin(event_id) == "checkin:x"
    assert _titles(service, TimelineFilter(search="check")) == ["Check-in"]


def test_update_returns_the_old_version(service):
    event_id = _add(service, "Before", "2026-03-01")
    event = service.get(event_id)
    event.title = "After"
    before = service.update(event)
    assert before.title == "Before" and service.get(event_id).title == "After"
    assert _titles(service, TimelineFilter(search="after")) == ["After"]
    assert _titles(service, TimelineFilter(search="before")) == []


def test_trust_points_are_rated_or_marked_events(service):
    _add(service, "Rated", "2026-01-01", trust={PartnerId.A: 3})
    _add(service, "Milestone", "2026-01-02", kind=EventKind.MILESTONE)
    _add(service, "Plain", "2026-01-03")
    points = service.trust_points(TimelineFilter())
    assert [(p.kind, p.trust_a) for p in points] == [("note", 3), ("milestone", None)]
