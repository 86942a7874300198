"""The few queries the interchange needs beyond the record repositories."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from rebuild_desktop.domain.records import PacingStep
from rebuild_desktop.storage.connection import Connection, storage_errors
from rebuild_desktop.storage.pacing import PacingRepository

RECORD_TABLES = ("timeline", "gratitude", "checkins", "hard_moments", "agreements", "journal")


@contextlib.contextmanager
def snapshot(conn: Connection) -> Iterator[Connection]:
    """A read transaction, so that an export sees one consistent state of the vault."""
    with storage_errors():
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            conn.execute("COMMIT")


def holds_records(conn: Connection) -> bool:
    """Whether any record table has a row (then an import takes a backup first)."""
    with storage_errors():
        return any(
            conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is not None
            for table in RECORD_TABLES
        )


@contextlib.contextmanager
def search_index_afterwards(conn: Connection, table: str) -> Iterator[None]:
    """Index the rows added inside the block in one statement, not row by row.

    Inside an open transaction only: the per-row insert trigger is dropped for
    the block and re-created after, so a failure rolls back to the trigger as
    it was. Feeding FTS5 in one INSERT … SELECT is several times faster than
    one trigger call per row, which matters for an import of 100,000 events.
    """
    trigger = f"{table}_fts_insert"
    with storage_errors():
        row = conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)
        ).fetchone()
        if row is None:
            yield
            return
        fts = f"{table}_fts"
        columns = ", ".join(str(c[1]) for c in conn.execute(f"PRAGMA table_info({fts})"))
        last = conn.execute(f"SELECT coalesce(max(seq), 0) FROM {table}").fetchone()[0]
        conn.execute(f"DROP TRIGGER {trigger}")
    yield
    with storage_errors(), _one_segment(conn, fts):
        conn.execute(
            f"INSERT INTO {fts} (rowid, {columns}) SELECT seq, {columns} FROM {table} "
            "WHERE seq > ?",
            (last,),
        )
    with storage_errors():
        conn.execute(str(row[0]))


@contextlib.contextmanager
def lookup_indexes_afterwards(conn: Connection, table: str) -> Iterator[None]:
    """Build the table's own indexes once after a bulk insert, not entry by entry.

    Inside an open transaction only, like ``search_index_afterwards``: the
    indexes are dropped for the block and made again after it from their
    stored definitions, so a failure rolls back to them as they were. Worth
    it only when the block adds at least as many rows as the table held: an
    index made from scratch sorts once and writes each page once, while an
    insert into an index splits pages all along the way (the uniqueness
    index on ``id`` is a constraint and stays).
    """
    with storage_errors():
        indexes = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? "
            "AND sql IS NOT NULL ORDER BY name", (table,)).fetchall()
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
    yield
    with storage_errors():
        for _, sql in indexes:
            conn.execute(str(sql))


# FTS5's defaults for the two settings changed during a bulk index build.
_FTS_DEFAULTS = {"hashsize": 1024 * 1024, "automerge": 4}
_BULK_HASH = 64 * 1024 * 1024


@contextlib.contextmanager
def _one_segment(conn: Connection, fts: str) -> Iterator[None]:
    """Let FTS5 hold a whole import in memory and write it as one segment.

    By default it writes a segment every megabyte and keeps merging them,
    each merge reading and rewriting the index so far; one segment is also
    what a search reads fastest. The settings live in the index's config
    table; they are put back inside the same transaction.
    """
    saved = dict(_FTS_DEFAULTS)
    saved.update(conn.execute(f"SELECT k, v FROM {fts}_config WHERE k IN ('hashsize', "
                              "'automerge')").fetchall())
    _configure(conn, fts, {"hashsize": _BULK_HASH, "automerge": 0})
    yield
    # On an error the caller's transaction rolls the settings back with the rows.
    _configure(conn, fts, saved)


def _configure(conn: Connection, fts: str, settings: dict[str, int]) -> None:
    for key, value in settings.items():
        conn.execute(f"INSERT INTO {fts} ({fts}, rank) VALUES (?, ?)", (key, value))


def replace_pacing_steps(conn: Connection, steps: list[PacingStep]) -> None:
    """Put ``steps`` in place of the whole ladder (only for a ladder nobody touched)."""
    with storage_errors():
        conn.execute("DELETE FROM pacing_steps")
    repository = PacingRepository(conn)
    for step in steps:
        repository.add(step)
