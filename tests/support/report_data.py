"""Records for counselor-summary tests and the PDF benchmark."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from rebuild_desktop.domain.records import Agreement, CheckIn, Gratitude, TimelineEvent
from rebuild_desktop.domain.values import AgreementStatus, Author, EventKind, PartnerId
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.records import (
    AgreementRepository,
    CheckInRepository,
    GratitudeRepository,
    TimelineRepository,
)

KINDS = [EventKind.MILESTONE, EventKind.NOTE, EventKind.QUALITY_TIME, EventKind.SETBACK,
         EventKind.ACCOUNTABILITY, EventKind.COUNSELING]


def new_id() -> str:
    return str(uuid.uuid4())


def fill_year(conn: Connection, start: date = date(2026, 1, 1)) -> None:
    """A year of a couple's life: 365 appreciations, 52 check-ins, 300 timeline events."""
    with transaction(conn):
        gratitude = GratitudeRepository(conn)
        for day in range(365):
            gratitude.add(Gratitude(
                new_id(), (start + timedelta(days=day)).isoformat(),
                PartnerId.A if day % 2 else PartnerId.B, PartnerId.B if day % 2 else PartnerId.A,
                f"Thank you for the walk and the tea on day {day}; it felt like being heard.",
                "care", acknowledged=day % 3 == 0, for_counselor=day % 5 == 0,
            ))
        checkins = CheckInRepository(conn)
        for week in range(52):
            checkins.add(CheckIn(
                new_id(), (start + timedelta(weeks=week)).isoformat(),
                PartnerId.A if week % 2 else PartnerId.B, 1 + week % 5, min(10, 2 + week // 6),
                "I feel hopeful when we talk in the evening, I need patience",
                "We listened", "Old memories", "A quiet Sunday",
            ))
        timeline = TimelineRepository(conn)
        for number in range(300):
            timeline.add(TimelineEvent(
                new_id(), (start + timedelta(days=number * 365 // 300)).isoformat(),
                KINDS[number % len(KINDS)], Author.BOTH,
                f"Step {number} on the way back", "We sat together after dinner and talked "
                "about what the week asked of us. It was slow, honest and kind. " * 2,
                {PartnerId.A: min(10, number // 30), PartnerId.B: min(10, 3 + number // 50)},
            ))
        AgreementRepository(conn).add(Agreement(
            new_id(), start.isoformat(), "Phones stay open on the table",
            AgreementStatus.ACTIVE, None, {PartnerId.A: True, PartnerId.B: True},
        ))
