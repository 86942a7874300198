"""The trust timeline: what a person does with events (read, add, edit, delete, undo).

Every write runs in one transaction. Deleting returns what was removed
(with the feature that made the row, if any) so that the view can offer Undo
and put it back exactly as it was. A row that stands for a check-in or a hard
moment takes that record with it; ``timeline_mirrors`` says why.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.trust_trend import TrustTrend, build_trend
from rebuild_desktop.services import timeline_mirrors as mirrors
from rebuild_desktop.services.timeline_mirrors import Mirror, TakenRecord
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import Connection, for_one_pass, transaction
from rebuild_desktop.storage.partners import PartnerRepository
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.storage.stamps import Stamps, set_stamps, stamps
from rebuild_desktop.storage.timeline_queries import (
    IndexEntry,
    TimelineFilter,
    TimelineQueries,
    TrustPoint,
)

__all__ = ["IndexEntry", "Removed", "TimelineFilter", "TimelineService", "TrustPoint", "new_id",
           "read_tags", "read_trend"]


def read_trend(vault: Vault, flt: TimelineFilter) -> TrustTrend:
    """The chart's data, read on a worker thread with a connection of its own."""
    conn = for_one_pass(vault.connect())
    try:
        return build_trend(TimelineQueries(conn).trust_points(flt))
    finally:
        conn.close()


def read_tags(vault: Vault) -> list[str]:
    """Every tag in use, read on a worker thread (it reads every row)."""
    conn = for_one_pass(vault.connect())
    try:
        return TimelineQueries(conn).tags()
    finally:
        conn.close()


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class Removed:
    """A deleted event and the origin it carried, enough to restore it.

    ``record`` is the check-in or hard moment the row stood for, deleted with it.
    """

    event: TimelineEvent
    origin: str | None
    record: TakenRecord | None = None
    stamps: Stamps | None = None


class TimelineService:
    """The timeline of one open vault, on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = TimelineRepository(conn)
        self._queries = TimelineQueries(conn)

    # Reading -----------------------------------------------------------------

    def page(self, flt: TimelineFilter, limit: int | None,
             after: IndexEntry | None = None) -> list[IndexEntry]:
        """Up to ``limit`` matching events newest first, after ``after``."""
        return self._queries.index(flt, limit, after)

    def rows(self, seqs: Sequence[int]) -> dict[int, TimelineEvent]:
        return self._queries.rows(seqs)

    def get(self, event_id: str) -> TimelineEvent | None:
        return self._repo.get(event_id)

    def seq_of(self, event_id: str) -> int | None:
        return self._queries.seq_of(event_id)

    def origin(self, event_id: str) -> str | None:
        return self._queries.origin(event_id)

    def record_behind(self, event: TimelineEvent) -> Mirror | None:
        """The check-in or hard moment this row stands for (edited through its own editor)."""
        return mirrors.record_behind(self._conn, event.origin)

    def partner_names(self) -> dict[str, str]:
        """Names by partner id, for showing authors ("a", "b"; "both" is the view's word)."""
        partners = PartnerRepository(self._conn).all()
        return {p.id.value: p.name or p.id.value.upper() for p in partners}

    def tags(self) -> list[str]:
        return self._queries.tags()

    def trust_points(self, flt: TimelineFilter) -> list[TrustPoint]:
        return self._queries.trust_points(flt)

    # Writing -----------------------------------------------------------------

    def add(self, event: TimelineEvent, origin: str | None = None) -> None:
        with transaction(self._conn):
            self._add(event, origin)

    def _add(self, event: TimelineEvent, origin: str | None) -> None:
        self._repo.add(event)
        if origin is not None:
            self._queries.set_origin(event.id, origin)

    def update(self, event: TimelineEvent) -> TimelineEvent | None:
        """Save an edit; returns the event as it was, for Undo.

        The row keeps the origin it had: which feature wrote it is not the
        editor's to change.

        Raises:
            ValueError: the row stands for a check-in or a hard moment, which
                is edited through its own editor so that the two never differ.
        """
        with transaction(self._conn):
            before = self._repo.get(event.id)
            if before is None:
                return None
            if mirrors.record_behind(self._conn, before.origin) is not None:
                raise ValueError("edit the check-in or hard moment itself")
            self._repo.update(replace(event, origin=before.origin))
        return before

    def delete(self, event_id: str) -> Removed | None:
        """Delete an event, and the check-in or hard moment it stands for."""
        with transaction(self._conn):
            event = self._repo.get(event_id)
            if event is None:
                return None
            origin = self._queries.origin(event_id)
            kept = stamps(self._conn, "timeline", event_id)
            record = mirrors.take(self._conn, origin)
            self._repo.delete(event_id)
        return Removed(event, origin, record, kept)

    def restore(self, removed: Removed) -> None:
        """Put a deleted event back with its id, origin and times, and its record with it."""
        with transaction(self._conn):
            if removed.record is not None:
                mirrors.put_back(self._conn, removed.record)
            self._add(removed.event, removed.origin)
            if removed.stamps is not None:
                set_stamps(self._conn, "timeline", removed.event.id, removed.stamps)
