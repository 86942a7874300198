"""Hard moments: a quick record of being flooded or triggered, also shown on the timeline.

On the timeline a hard moment is a row of kind ``setback``, which the app
shows as "Hard day" in a muted amber: the spec lists "hard day / setback" as
one kind, and that is what a hard moment is. It is a record, not a score: it
carries no trust rating. Like the hard moment itself, the row is left out of
the counselor summary unless the person ticks it. An edit rewrites the row
too, and deleting the row on the timeline deletes the hard moment
(``timeline_mirrors``).
"""

from __future__ import annotations

import uuid
from dataclasses import replace

from rebuild_desktop.domain.records import HardMoment, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.services.pacing import PacingService
from rebuild_desktop.services.timeline_mirrors import HARD_MOMENT, row_of
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.records import HardMomentRepository, TimelineRepository
from rebuild_desktop.storage.timeline_queries import TimelineQueries


class HardMomentService:
    """Hard moments of one open vault."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def record(self, moment: HardMoment, title: str, text: str) -> bool:
        """Save a hard moment and its timeline row (``title``/``text`` already worded).

        Returns:
            Whether pacing was paused by it (when the couple turned that on).
        """
        event = TimelineEvent(
            id=str(uuid.uuid4()), date=moment.date[:10], kind=EventKind.SETBACK,
            author=Author(moment.partner.value), title=title, text=text,
            for_counselor=moment.for_counselor,
        )
        with transaction(self._conn):
            HardMomentRepository(self._conn).add(moment)
            TimelineRepository(self._conn).add(event)
            TimelineQueries(self._conn).set_origin(event.id, f"hard_moment:{moment.id}")
        return PacingService(self._conn).pause_for_hard_moment(moment.partner)

    def get(self, moment_id: str) -> HardMoment | None:
        return HardMomentRepository(self._conn).get(moment_id)

    def update(self, moment: HardMoment, text: str) -> HardMoment:
        """Save an edited hard moment and its row's ``text`` (already worded); returns it as it was.

        An edit never pauses pacing: that happens, when chosen, as the moment is recorded.

        Raises:
            LookupError: there is no such hard moment (any more).
            ValueError: the edit changes whose moment it is.
        """
        repo = HardMomentRepository(self._conn)
        with transaction(self._conn):
            before = repo.get(moment.id)
            if before is None:
                raise LookupError("no such hard moment")
            if moment.partner is not before.partner:
                raise ValueError("a hard moment stays its partner's")
            repo.update(moment)
            row = row_of(self._conn, HARD_MOMENT, moment.id)
            if row is not None:
                TimelineRepository(self._conn).update(replace(
                    row, date=moment.date[:10], text=text,
                    for_counselor=moment.for_counselor))
        return before
