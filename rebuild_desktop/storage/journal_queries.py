"""Journal queries beyond plain CRUD: newest first, by day, full-text search, calendar days."""

from __future__ import annotations

from rebuild_desktop.domain.records import JournalEntry
from rebuild_desktop.storage import search_terms
from rebuild_desktop.storage.connection import Connection, storage_errors
from rebuild_desktop.storage.records import JournalRepository
from rebuild_desktop.storage.repository import COMMON_COLUMNS

_SEARCHED = ("j.title", "j.text", "j.tags")
_COLUMNS = ", ".join(f"j.{c}" for c in COMMON_COLUMNS + JournalRepository.columns)


def fts_query(text: str) -> str | None:
    """The user's words the index can find as an FTS5 query: each quoted (so no word is an
    operator), each a prefix, all required. None when there is no such word."""
    terms = [word.replace('"', '""') for word in search_terms.index_words(text)]
    if not terms:
        return None
    return " ".join(f'"{term}" *' for term in terms)


class JournalQueries:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = JournalRepository(conn)

    def entries(self, *, day: str | None = None, search: str | None = None) -> list[JournalEntry]:
        """Entries newest first (several a day: last written first), optionally filtered."""
        where, params = [], []
        source = "journal j"
        if day is not None:
            where.append("j.date = ?")
            params.append(day)
        if search:
            match = fts_query(search)
            if match is not None:
                source = "journal_fts f JOIN journal j ON j.seq = f.rowid"
                where.append("journal_fts MATCH ?")
                params.append(match)
            for pattern in search_terms.like_patterns(search):  # emoji and symbols
                where.append(search_terms.like_clause(_SEARCHED))
                params += [pattern] * len(_SEARCHED)
        sql = f"SELECT {_COLUMNS} FROM {source}"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY j.date DESC, j.seq DESC"
        with storage_errors():
            rows = self._conn.execute(sql, params).fetchall()
        return [self._repo.from_row(row) for row in rows]

    def days_with_entries(self, first: str, last: str) -> set[str]:
        """The days between ``first`` and ``last`` (inclusive) that have an entry."""
        with storage_errors():
            rows = self._conn.execute(
                "SELECT DISTINCT date FROM journal WHERE date BETWEEN ? AND ?", (first, last)
            ).fetchall()
        return {row[0] for row in rows}
