"""A check-in or hard moment and its timeline row stay one thing; log lines stay log lines."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from rebuild_desktop.domain.records import CheckIn, HardMoment, TimelineEvent
from rebuild_desktop.domain.values import AgreementStatus, Author, EventKind, PartnerId
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.checkins import CheckInService
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.pacing import PacingService
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService
from rebuild_desktop.services.timeline_mirrors import mirror_of
from rebuild_desktop.storage.stamps import stamps
from rebuild_desktop.storage.together import timeline_origins


@pytest.fixture
def timeline(couple_vault) -> TimelineService:
    return TimelineService(couple_vault.db)


def _checkin(day: str = "2026-03-01", partner: PartnerId = PartnerId.B, trust: int = 6,
             feel: str = "I feel hopeful.") -> CheckIn:
    return CheckIn(str(uuid.uuid4()), day, partner, 4, trust, feel, "a walk", "a late reply",
                   "a call at lunch")


def _ratings(timeline: TimelineService) -> list[tuple[str, int | None, int | None]]:
    """What the chart is drawn from, in a fixed order (points of one day follow their ids)."""
    return sorted(((p.date, p.trust_a, p.trust_b) for p in timeline.trust_points(TimelineFilter())),
                  key=str)


def test_deleting_a_checkin_row_deletes_the_checkin_and_undo_brings_both_back(
        couple_vault, timeline):
    checkins = CheckInService(couple_vault.db)
    earlier, kept = _checkin("2026-03-01"), _checkin("2026-03-01", PartnerId.A, 3)
    row_id = checkins.record(earlier, "Check-in")
    checkins.record(kept, "Check-in")
    history_before = checkins.history()
    times_before = stamps(couple_vault.db, "checkins", earlier.id)
    both = [("2026-03-01", 3, None), ("2026-03-01", None, 6)]
    assert _ratings(timeline) == both  # each check-in's rating once, from its row

    removed = timeline.delete(row_id)
    assert removed is not None and removed.record is not None
    assert [c.id for c in checkins.history()] == [kept.id]
    assert _ratings(timeline) == [("2026-03-01", 3, None)]  # the rating went with it

    timeline.restore(removed)
    assert checkins.history() == history_before  # same ids, same words, same order
    assert stamps(couple_vault.db, "checkins", earlier.id) == times_before
    assert timeline.get(row_id) == removed.event
    assert timeline.origin(row_id) == f"checkin:{earlier.id}"
    assert _ratings(timeline) == both


def test_deleting_a_hard_moment_row_deletes_the_hard_moment(couple_vault, timeline):
    moments = HardMomentService(couple_vault.db)
    moment = HardMoment(str(uuid.uuid4()), "2026-03-04T21:10:00+01:00", PartnerId.A, 8,
                        "a song", "a walk")
    moments.record(moment, "A hard moment", "Intensity 8 of 10.")
    entry = timeline.page(TimelineFilter(kinds=frozenset({"setback"})), 1)[0]
    event_id = timeline.rows([entry.seq])[entry.seq].id
    removed = timeline.delete(event_id)
    assert moments.get(moment.id) is None
    timeline.restore(removed)
    assert moments.get(moment.id) == moment
    assert timeline.origin(event_id) == f"hard_moment:{moment.id}"


def test_a_row_imported_without_its_checkin_is_a_plain_event(couple_vault, timeline):
    event = TimelineEvent(str(uuid.uuid4()), "2026-03-01", EventKind.CHECKIN, Author.A,
                          "Check-in", trust={PartnerId.A: 5})
    origin = f"checkin:{uuid.uuid4()}"
    timeline.add(event, origin=origin)
    assert timeline.record_behind(timeline.get(event.id)) is None
    timeline.update(replace(event, title="Our first check-in"))  # edited like any event
    assert timeline.get(event.id).title == "Our first check-in"
    assert timeline.origin(event.id) == origin
    removed = timeline.delete(event.id)
    assert removed is not None and removed.record is None
    timeline.restore(removed)
    assert timeline.get(event.id) is not None


def test_editing_a_checkin_rewrites_its_row_and_the_chart(couple_vault, timeline):
    checkins = CheckInService(couple_vault.db)
    checkin = _checkin()
    row_id = checkins.record(checkin, "Check-in")
    # A tag given to the row before rows were edited through their check-in stays.
    couple_vault.db.execute("UPDATE timeline SET tags = '[\"sunday\"]' WHERE id = ?", (row_id,))
    edited = replace(checkin, date="2026-03-02", trust=8, feel="I feel steadier.",
                     for_counselor=False)
    before = checkins.update(edited)
    assert before == checkin and checkins.get(checkin.id) == edited
    after = timeline.get(row_id)
    assert (after.date, after.text, after.trust, after.for_counselor) == (
        "2026-03-02", "I feel steadier.", {PartnerId.B: 8}, False)
    assert after.tags == ["sunday"] and after.title == "Check-in"
    assert _ratings(timeline) == [("2026-03-02", None, 8)]  # one point, the new rating
    with pytest.raises(ValueError):
        checkins.update(replace(edited, partner=PartnerId.A))


def test_the_timeline_will_not_edit_a_checkin_row_behind_its_back(couple_vault, timeline):
    checkins = CheckInService(couple_vault.db)
    checkin = _checkin()
    row_id = checkins.record(checkin, "Check-in")
    assert timeline.record_behind(timeline.get(row_id)).record_id == checkin.id
    with pytest.raises(ValueError):
        timeline.update(replace(timeline.get(row_id), trust={PartnerId.B: 1}))
    assert checkins.get(checkin.id).trust == 6 and timeline.get(row_id).trust == {PartnerId.B: 6}


def test_editing_a_hard_moment_rewrites_its_row(couple_vault, timeline):
    moments = HardMomentService(couple_vault.db)
    moment = HardMoment(str(uuid.uuid4()), "2026-03-04T21:10:00+01:00", PartnerId.A, 8)
    moments.record(moment, "A hard moment", "Intensity 8 of 10.")
    edited = replace(moment, intensity=5, helped="tea", for_counselor=True)
    moments.update(edited, "Intensity 5 of 10.\nWhat helped: tea")
    row = next(iter(timeline.rows([e.seq for e in timeline.page(TimelineFilter(), 1)]).values()))
    assert row.text == "Intensity 5 of 10.\nWhat helped: tea" and row.for_counselor
    assert moments.get(moment.id) == edited and row.date == "2026-03-04"


def test_log_lines_delete_alone_and_keep_their_origin_when_edited(couple_vault, timeline):
    agreements = AgreementService(couple_vault.db)
    agreement = agreements.write("Phones stay open", by=PartnerId.A)
    agreements.set_consent(agreement.id, PartnerId.B, True)
    agreements.set_status(agreement.id, AgreementStatus.REVISIT)
    PacingService(couple_vault.db).pause(PartnerId.A)
    lines = {o: t for o, t in timeline_origins(couple_vault.db, "")}
    assert f"agreement:{agreement.id}" in lines and "pacing:pause" in lines
    rows = timeline.rows([e.seq for e in timeline.page(TimelineFilter(), None)])
    pause_row = next(r for r in rows.values() if r.origin == "pacing:pause")
    force_row = next(r for r in rows.values() if r.title == "Agreement now in force")

    timeline.update(replace(pause_row, title="We paused for a while", origin=None))
    assert timeline.origin(pause_row.id) == "pacing:pause"  # the edit does not orphan it

    removed = timeline.delete(force_row.id)
    assert removed.record is None
    assert agreements.all()[0].consent == {PartnerId.A: True, PartnerId.B: True}
    assert len(agreements.history(agreement.id)) == 3  # the agreement's own history stays
    assert PacingService(couple_vault.db).load().paused_by is PartnerId.A


def test_which_origins_stand_for_a_record():
    assert mirror_of("checkin:ABC").kind == "checkin"
    assert mirror_of("checkin:ABC").record_id == "abc"
    assert mirror_of("hard_moment:x").kind == "hard_moment"
    for origin in (None, "", "agreement:x", "pacing:pause", "pacing:x", "checkin:", "checkin"):
        assert mirror_of(origin) is None
