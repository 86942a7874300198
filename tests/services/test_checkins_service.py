"""Check-in cadence and "is one due?"."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rebuild_desktop.services.checkins import Cadence, CheckInService, is_due
from rebuild_desktop.storage.meta import set_setting

SUNDAY_EVENING = Cadence(6, "20:00")


def test_not_due_before_the_planned_moment():
    saturday = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert not is_due(SUNDAY_EVENING, saturday, last_checkin=date(2026, 11, 15))


def test_due_after_the_moment_until_a_checkin_is_recorded():
    sunday_night = datetime(2026, 11, 22, 21, 0, tzinfo=UTC)
    assert is_due(SUNDAY_EVENING, sunday_night, last_checkin=date(2026, 11, 15))
    assert is_due(SUNDAY_EVENING, sunday_night, last_checkin=None)
    assert not is_due(SUNDAY_EVENING, sunday_night, last_checkin=date(2026, 11, 22))


def test_no_cadence_is_never_due():
    assert not is_due(Cadence(None), datetime(2026, 11, 22, 21, tzinfo=UTC), None)


def test_cadence_is_kept_in_the_vault(couple_vault):
    service = CheckInService(couple_vault.db)
    assert service.cadence() == Cadence(None, "20:00")
    assert service.notification() is None
    service.set_cadence(Cadence(2, "07:30"))
    assert CheckInService(couple_vault.db).cadence() == Cadence(2, "07:30")
    set_setting(couple_vault.db, "checkin.reminders", True)
    assert service.notification() == "A gentle reminder from Rebuild"
    with pytest.raises(ValueError):
        service.set_cadence(Cadence(2, "25:00"))
