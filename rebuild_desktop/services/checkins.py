"""Check-ins: record one (it also appears on the timeline), the cadence, and "is one due?".

A check-in is one partner's answers. Recording it writes the check-in and a
timeline row of kind ``checkin`` in one transaction; the row carries the
partner's trust rating, so check-ins feed the trust chart, and its origin
(``checkin:<id>``) ties the two together. An edit rewrites the row too, and
deleting the row on the timeline deletes the check-in (``timeline_mirrors``).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta

from rebuild_desktop.domain.records import CheckIn, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.services.timeline_mirrors import CHECKIN, row_of
from rebuild_desktop.storage.connection import Connection, storage_errors, transaction
from rebuild_desktop.storage.meta import get_setting, set_setting
from rebuild_desktop.storage.records import CheckInRepository, TimelineRepository
from rebuild_desktop.storage.timeline_queries import TimelineQueries

# The same keys and defaults as the settings page declares (services/settings.py).
CADENCE_DAY = "checkin.cadence_day"  # 0 = Monday … 6 = Sunday, or null for no cadence
CADENCE_TIME = "checkin.cadence_time"  # "HH:MM"
REMINDERS = "checkin.reminders"  # a desktop notification too, where the system has one
NOTIFY_TEXT = "notify.text"
DEFAULT_CADENCE_DAY: int | None = None
DEFAULT_CADENCE_TIME = "20:00"
DEFAULT_NOTIFY_TEXT = "A gentle reminder from Rebuild"
_HHMM = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


@dataclass(frozen=True, slots=True)
class Cadence:
    """When the couple meant to check in: a weekday and a time, or no rhythm at all."""

    day: int | None = DEFAULT_CADENCE_DAY
    time: str = DEFAULT_CADENCE_TIME

    def last_slot(self, now: datetime) -> datetime | None:
        """The most recent planned moment at or before ``now``."""
        if self.day is None:
            return None
        hour, minute = (int(x) for x in self.time.split(":"))
        back = (now.weekday() - self.day) % 7
        slot = datetime.combine(now.date() - timedelta(days=back), time(hour, minute),
                                tzinfo=now.tzinfo)
        return slot if slot <= now else slot - timedelta(days=7)


def is_due(cadence: Cadence, now: datetime, last_checkin: date | None) -> bool:
    """Whether the planned moment has come and no check-in was recorded since that day."""
    slot = cadence.last_slot(now)
    if slot is None:
        return False
    return last_checkin is None or last_checkin < slot.date()


class CheckInService:
    """Check-ins of one open vault."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = CheckInRepository(conn)

    def record(self, checkin: CheckIn, title: str) -> str:
        """Save a check-in and its timeline row; returns the row's id."""
        event = TimelineEvent(
            id=str(uuid.uuid4()), date=checkin.date[:10], kind=EventKind.CHECKIN,
            author=Author(checkin.partner.value), title=title, text=checkin.feel or "",
            trust={checkin.partner: checkin.trust}, for_counselor=checkin.for_counselor,
        )
        with transaction(self._conn):
            self._repo.add(checkin)
            TimelineRepository(self._conn).add(event)
            TimelineQueries(self._conn).set_origin(event.id, f"checkin:{checkin.id}")
        return event.id

    def get(self, checkin_id: str) -> CheckIn | None:
        return self._repo.get(checkin_id)

    def update(self, checkin: CheckIn) -> CheckIn:
        """Save an edited check-in and bring its timeline row along; returns it as it was.

        The row keeps its title and tags; its date, words, rating and
        counselor mark follow the check-in, so the chart reads the new rating.

        Raises:
            LookupError: there is no such check-in (any more).
            ValueError: the edit changes whose check-in it is.
        """
        with transaction(self._conn):
            before = self._repo.get(checkin.id)
            if before is None:
                raise LookupError("no such check-in")
            if checkin.partner is not before.partner:
                raise ValueError("a check-in stays its partner's")
            self._repo.update(checkin)
            row = row_of(self._conn, CHECKIN, checkin.id)
            if row is not None:
                TimelineRepository(self._conn).update(replace(
                    row, date=checkin.date[:10], text=checkin.feel or "",
                    trust={checkin.partner: checkin.trust},
                    for_counselor=checkin.for_counselor))
        return before

    def history(self, limit: int = 500) -> list[CheckIn]:
        """The most recent check-ins, newest first."""
        with storage_errors():
            ids = [r[0] for r in self._conn.execute(
                "SELECT id FROM checkins ORDER BY date DESC, created_at DESC LIMIT ?", (limit,))]
        return [c for c in (self._repo.get(i) for i in ids) if c is not None]

    def last_date(self) -> date | None:
        with storage_errors():
            row = self._conn.execute("SELECT max(date) FROM checkins").fetchone()
        return None if row[0] is None else date.fromisoformat(row[0][:10])

    def cadence(self) -> Cadence:
        day = get_setting(self._conn, CADENCE_DAY, DEFAULT_CADENCE_DAY)
        at = get_setting(self._conn, CADENCE_TIME, DEFAULT_CADENCE_TIME)
        if day is not None and (not isinstance(day, int) or not 0 <= day <= 6):
            day = DEFAULT_CADENCE_DAY
        if not isinstance(at, str) or not _HHMM.fullmatch(at):
            at = DEFAULT_CADENCE_TIME
        return Cadence(day, at)

    def set_cadence(self, cadence: Cadence) -> None:
        if cadence.day is not None and not 0 <= cadence.day <= 6:
            raise ValueError("a weekday is 0 to 6")
        if not _HHMM.fullmatch(cadence.time):
            raise ValueError("a time is HH:MM")
        with transaction(self._conn):
            set_setting(self._conn, CADENCE_DAY, cadence.day)
            set_setting(self._conn, CADENCE_TIME, cadence.time)

    def notification(self) -> str | None:
        """The neutral text for a desktop notification, or None when they are off."""
        if get_setting(self._conn, REMINDERS, False) is not True:
            return None
        text = get_setting(self._conn, NOTIFY_TEXT, DEFAULT_NOTIFY_TEXT)
        return text.strip() if isinstance(text, str) and text.strip() else DEFAULT_NOTIFY_TEXT

    def is_due(self, now: datetime) -> bool:
        return is_due(self.cadence(), now, self.last_date())
