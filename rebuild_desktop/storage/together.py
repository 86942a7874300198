"""Queries for gratitude, agreements and pacing that the plain repositories lack.

Kept apart from ``records.py`` so that each feature's SQL sits in one place:
full-text search over gratitude, the agreement change history, ladder edits,
and timeline rows that other features write (with their ``origin``).
"""

from __future__ import annotations

import json
from typing import Any

from rebuild_desktop.domain.records import Gratitude, TimelineEvent
from rebuild_desktop.domain.values import Comfort, PartnerId
from rebuild_desktop.storage import search_terms
from rebuild_desktop.storage.connection import Connection, storage_errors
from rebuild_desktop.storage.records import GratitudeRepository, TimelineRepository
from rebuild_desktop.storage.repository import COMMON_COLUMNS

_SEARCHED = ("text", "reply", "category")
_GRATITUDE_SELECT = (
    f"SELECT {', '.join(COMMON_COLUMNS + GratitudeRepository.columns)} FROM gratitude"
)


def match_expression(query: str) -> str:
    """An FTS5 prefix query of the typed words the index can find: each quoted, all required."""
    words = [w.replace('"', '""') for w in search_terms.index_words(query)]
    return " ".join(f'"{w}"*' for w in words)


def add_timeline_row(conn: Connection, event: TimelineEvent, origin: str) -> None:
    """Write a real timeline row that remembers which feature made it."""
    TimelineRepository(conn).add(event)
    with storage_errors():
        conn.execute("UPDATE timeline SET origin = ? WHERE id = ?", (origin, event.id.lower()))


def timeline_origins(conn: Connection, prefix: str) -> list[tuple[str, str]]:
    """``(origin, title)`` of the timeline rows whose origin starts with ``prefix``."""
    with storage_errors():
        rows = conn.execute(
            "SELECT origin, title FROM timeline WHERE substr(origin, 1, length(?1)) = ?1 "
            "ORDER BY date, seq",
            (prefix,),
        ).fetchall()
    return [(str(origin), str(title)) for origin, title in rows]


class GratitudeQueries:
    """Paging, search and resurfacing over the gratitude log."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = GratitudeRepository(conn)

    def page(self, offset: int, limit: int, query: str = "") -> list[Gratitude]:
        """Newest first; with ``query``, only the entries matching every word."""
        expression = match_expression(query)
        clauses: list[str] = []
        params: list[Any] = []
        if expression:
            clauses.append("seq IN (SELECT rowid FROM gratitude_fts WHERE gratitude_fts MATCH ?)")
            params.append(expression)
        for pattern in search_terms.like_patterns(query):  # emoji and symbols, as substrings
            clauses.append(search_terms.like_clause(_SEARCHED))
            params += [pattern] * len(_SEARCHED)
        sql = _GRATITUDE_SELECT + (" WHERE " + " AND ".join(clauses) if clauses else "")
        sql += " ORDER BY date DESC, id DESC LIMIT ? OFFSET ?"
        params += [limit, offset]
        with storage_errors():
            rows = self._conn.execute(sql, params).fetchall()
        return [self._repo.from_row(row) for row in rows]

    def count_on_or_before(self, date: str) -> int:
        with storage_errors():
            return int(self._conn.execute(
                "SELECT count(*) FROM gratitude WHERE date <= ?", (date,)
            ).fetchone()[0])

    def nth_on_or_before(self, date: str, index: int) -> Gratitude | None:
        with storage_errors():
            row = self._conn.execute(
                f"{_GRATITUDE_SELECT} WHERE date <= ? ORDER BY date, id LIMIT 1 OFFSET ?",
                (date, index),
            ).fetchone()
        return None if row is None else self._repo.from_row(row)


class AgreementChanges:
    """The kept history of an agreement: consent given or withdrawn, status, review date."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, agreement_id: str, changed_at: str, change: dict[str, Any]) -> None:
        with storage_errors():
            self._conn.execute(
                "INSERT INTO agreement_changes (agreement_id, changed_at, change) VALUES (?, ?, ?)",
                (agreement_id.lower(), changed_at, json.dumps(change, sort_keys=True)),
            )

    def of(self, agreement_id: str) -> list[tuple[str, dict[str, Any]]]:
        with storage_errors():
            rows = self._conn.execute(
                "SELECT changed_at, change FROM agreement_changes WHERE agreement_id = ? "
                "ORDER BY seq", (agreement_id.lower(),),
            ).fetchall()
        return [(str(at), json.loads(change)) for at, change in rows]


class LadderEdits:
    """Changes to the pacing ladder: marks, names, order, removal."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def set_mark(self, step_id: str, partner: PartnerId, level: Comfort | None) -> None:
        column = "comfort_a" if partner is PartnerId.A else "comfort_b"
        with storage_errors():
            self._conn.execute(
                f"UPDATE pacing_steps SET {column} = ? WHERE id = ?",
                (level.value if level else None, step_id.lower()),
            )

    def rename(self, step_id: str, title: str) -> None:
        with storage_errors():
            self._conn.execute(
                "UPDATE pacing_steps SET title = ? WHERE id = ?", (title, step_id.lower())
            )

    def remove(self, step_id: str) -> None:
        with storage_errors():
            self._conn.execute("DELETE FROM pacing_steps WHERE id = ?", (step_id.lower(),))

    def reorder(self, step_ids: list[str]) -> None:
        """Give the steps the positions of their order in ``step_ids``."""
        with storage_errors():
            for position, step_id in enumerate(step_ids):
                self._conn.execute(
                    "UPDATE pacing_steps SET position = ? WHERE id = ?",
                    (position, step_id.lower()),
                )
