"""Read-only queries for the counselor summary: records in a date range.

Dates are compared on their first ten characters, so a hard moment's full
timestamp falls on its day. Only records marked for the counselor are read,
except for plain counts (a number says nothing about an entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.storage.connection import Connection, storage_errors
from rebuild_desktop.storage.records import GratitudeRepository, TimelineRepository
from rebuild_desktop.storage.repository import COMMON_COLUMNS, RecordRepository

R = TypeVar("R")

FIRST_DAY = "0000-01-01"
LAST_DAY = "9999-12-31"

_IN_RANGE = "substr(date, 1, 10) BETWEEN ? AND ?"


@dataclass(frozen=True, slots=True)
class AgreementChange:
    """One dated change of an agreement, as the agreements feature recorded it."""

    date: str
    agreement_text: str
    change: str


def bounds(date_from: str | None, date_to: str | None) -> tuple[str, str]:
    return date_from or FIRST_DAY, date_to or LAST_DAY


def counselor_records(conn: Connection, repo_type: type[RecordRepository[R]],
                      date_from: str | None, date_to: str | None) -> list[R]:
    """The records of one kind marked for the counselor, in the range, by date then id."""
    repo = repo_type(conn)
    columns = ", ".join(COMMON_COLUMNS + repo.columns)
    sql = (f"SELECT {columns} FROM {repo.table} WHERE for_counselor = 1 AND {_IN_RANGE} "
           "ORDER BY date, id")
    with storage_errors():
        rows = conn.execute(sql, bounds(date_from, date_to)).fetchall()
    return [repo.from_row(row) for row in rows]


def gratitude_counts(conn: Connection, date_from: str | None,
                     date_to: str | None) -> tuple[int, int]:
    """How many appreciations were written in the range, and how many acknowledged."""
    with storage_errors():
        total, acknowledged = conn.execute(
            f"SELECT count(*), coalesce(sum(acknowledged), 0) FROM {GratitudeRepository.table} "
            f"WHERE {_IN_RANGE}", bounds(date_from, date_to),
        ).fetchone()
    return int(total), int(acknowledged)


def agreement_changes(conn: Connection, date_from: str | None,
                      date_to: str | None) -> list[AgreementChange]:
    """Changes in the range to agreements marked for the counselor, oldest first."""
    with storage_errors():
        rows = conn.execute(
            "SELECT substr(c.changed_at, 1, 10), a.text, c.change FROM agreement_changes c "
            "JOIN agreements a ON a.id = c.agreement_id "
            "WHERE a.for_counselor = 1 AND substr(c.changed_at, 1, 10) BETWEEN ? AND ? "
            "ORDER BY c.changed_at, c.seq", bounds(date_from, date_to),
        ).fetchall()
    return [AgreementChange(day, text, change) for day, text, change in rows]


def timeline_from_origin(conn: Connection, origin_kind: str, date_from: str | None,
                         date_to: str | None) -> list[TimelineEvent]:
    """Timeline events made by another feature (``origin`` = "<kind>:<id>"), in the range.

    ``origin_kind`` matches as a prefix, so "pacing" finds "pacing:…" and "pacing_step:…".
    """
    repo = TimelineRepository(conn)
    columns = ", ".join(COMMON_COLUMNS + repo.columns)
    with storage_errors():
        rows = conn.execute(
            f"SELECT {columns} FROM timeline WHERE for_counselor = 1 AND origin LIKE ? "
            f"AND {_IN_RANGE} ORDER BY date, id",
            (origin_kind + "%:%", *bounds(date_from, date_to)),
        ).fetchall()
    return [repo.from_row(row) for row in rows]
