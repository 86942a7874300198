"""The record a timeline row stands for, and what deleting or editing that row means for it.

Rows that other features write carry an ``origin``:

- ``checkin:<id>`` and ``hard_moment:<id>``: the row *is* that check-in or
  hard moment, shown on the timeline. Deleting the row deletes the record in
  the same transaction, and Undo puts both back with their ids and times.
  Editing goes through the record's own editor, which rewrites the row, so
  the two never differ. The trust chart reads a check-in's rating from its
  row alone, so the rating counts once and goes when the check-in goes.
- ``agreement:<id>``, ``pacing:<step id>`` and ``pacing:pause``: a line in the
  log of what happened. The agreement and the ladder are not changed by the
  line: deleting it removes only the line, and editing it edits only the line.
"""

from __future__ import annotations

from dataclasses import dataclass

from rebuild_desktop.domain.records import CheckIn, HardMoment, TimelineEvent
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.records import (
    CheckInRepository,
    HardMomentRepository,
    TimelineRepository,
)
from rebuild_desktop.storage.stamps import Stamps, set_stamps, stamps
from rebuild_desktop.storage.timeline_queries import TimelineQueries

CHECKIN = "checkin"
HARD_MOMENT = "hard_moment"
_REPOSITORIES: dict[str, type[CheckInRepository] | type[HardMomentRepository]] = {
    CHECKIN: CheckInRepository, HARD_MOMENT: HardMomentRepository,
}


@dataclass(frozen=True, slots=True)
class Mirror:
    """The record behind a row: its kind (``CHECKIN`` or ``HARD_MOMENT``) and id."""

    kind: str
    record_id: str


@dataclass(frozen=True, slots=True)
class TakenRecord:
    """A record deleted with its row, and its times, enough to put it back exactly."""

    kind: str
    record: CheckIn | HardMoment
    stamps: Stamps


def mirror_of(origin: str | None) -> Mirror | None:
    """The record a row with this origin stands for; None for log lines and plain events."""
    kind, colon, record_id = (origin or "").partition(":")
    if not colon or not record_id or kind not in _REPOSITORIES:
        return None
    return Mirror(kind, record_id.lower())


def record_behind(conn: Connection, origin: str | None) -> Mirror | None:
    """The record a row stands for when that record is in the vault.

    A row imported without its record stands for nothing here: it is edited
    and deleted as a plain event.
    """
    mirror = mirror_of(origin)
    if mirror is None or not _REPOSITORIES[mirror.kind](conn).exists(mirror.record_id):
        return None
    return mirror


def take(conn: Connection, origin: str | None) -> TakenRecord | None:
    """Delete the record a row stands for; call inside the caller's transaction.

    Returns None when the row stands for no record, or for one that is not in
    the vault (a row imported without its record).
    """
    mirror = mirror_of(origin)
    if mirror is None:
        return None
    repo = _REPOSITORIES[mirror.kind](conn)
    record = repo.get(mirror.record_id)
    kept = stamps(conn, repo.table, mirror.record_id)
    if record is None or kept is None:
        return None
    repo.delete(record.id)
    return TakenRecord(mirror.kind, record, kept)


def put_back(conn: Connection, taken: TakenRecord) -> None:
    """Undo ``take``: the record again, with its id and times; inside the caller's transaction."""
    repo = _REPOSITORIES[taken.kind](conn)
    repo.add(taken.record)  # type: ignore[arg-type]  # the kind names the repository
    set_stamps(conn, repo.table, taken.record.id, taken.stamps)


def row_of(conn: Connection, kind: str, record_id: str) -> TimelineEvent | None:
    """The timeline row that stands for this record, if it has one."""
    row_id = TimelineQueries(conn).id_for_origin(f"{kind}:{record_id.lower()}")
    return None if row_id is None else TimelineRepository(conn).get(row_id)
