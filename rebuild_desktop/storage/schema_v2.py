"""Schema version 2: the same tables, cheaper to write into.

SQLite checks an ``x IN ('a', 'b', 'c')`` of three or more constants inside
a CHECK constraint or a partial index's WHERE by building a throwaway b-tree
for every row it writes. With ``cipher_memory_security`` every allocation is
locked and wiped, so that b-tree made each inserted row cost a fraction of a
millisecond; the same tests written as comparisons cost nothing. The
constraints mean exactly what they meant, so every stored row still meets
them. Version 2 also drops the full-text indexes' per-document sizes (see
``fts_ddl.V2_FTS_OPTIONS``).
"""

from __future__ import annotations

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.fts_ddl import FTS_COLUMNS, V2_FTS_OPTIONS, fts_sql
from rebuild_desktop.storage.sql_script import statements

# (table, version 1's constraint text, version 2's): each must be found once.
_CHECKS = (
    ("timeline", "CHECK (author IN ('a', 'b', 'both'))",
     "CHECK (author = 'a' OR author = 'b' OR author = 'both')"),
    ("agreements", "CHECK (status IN ('active', 'revisit', 'retired'))",
     "CHECK (status = 'active' OR status = 'revisit' OR status = 'retired')"),
    ("pacing_steps", "CHECK (area IN ('emotional', 'trust', 'physical'))",
     "CHECK (area = 'emotional' OR area = 'trust' OR area = 'physical')"),
    ("pacing_steps", "CHECK (comfort_a IN ('not_yet', 'open', 'comfortable'))",
     "CHECK (comfort_a = 'not_yet' OR comfort_a = 'open' OR comfort_a = 'comfortable')"),
    ("pacing_steps", "CHECK (comfort_b IN ('not_yet', 'open', 'comfortable'))",
     "CHECK (comfort_b = 'not_yet' OR comfort_b = 'open' OR comfort_b = 'comfortable')"),
)

# The trust chart's covering index; storage/timeline_queries.py repeats this
# WHERE word for word, which is what lets SQLite use the index.
RATED_WHERE = ("trust_a IS NOT NULL OR trust_b IS NOT NULL "
               "OR kind = 'discovery' OR kind = 'milestone' OR kind = 'setback'")
_RATED_INDEX = f"""
CREATE INDEX timeline_rated ON timeline (date, id, kind, trust_a, trust_b)
    WHERE {RATED_WHERE}"""


def migrate(conn: Connection) -> None:
    """Bring a version 1 vault to version 2, inside the runner's transaction."""
    _rewrite_checks(conn)
    conn.execute("DROP INDEX timeline_rated")
    conn.execute(_RATED_INDEX)
    for table in FTS_COLUMNS:
        _rebuild_search_index(conn, table)


def _rewrite_checks(conn: Connection) -> None:
    """Edit the CHECK constraints in place, as SQLite documents for constraint changes.

    Only the schema text changes; the rows are not touched. The schema
    version is raised so that every connection re-reads the schema, and
    the integrity check then tests every row against the new constraints.
    """
    tables = {table for table, _, _ in _CHECKS}
    sql = {name: text for name, text in conn.execute(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name IN "
        f"({', '.join('?' * len(tables))})", sorted(tables))}
    for table, old, new in _CHECKS:
        if sql.get(table, "").count(old) != 1:
            raise VaultDamaged()  # not the schema version 1 writes; nothing changes
        sql[table] = sql[table].replace(old, new)
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for table in sorted(tables):
            conn.execute("UPDATE sqlite_schema SET sql = ? WHERE type = 'table' AND name = ?",
                         (sql[table], table))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    for table in sorted(tables):
        problems = [row[0] for row in conn.execute(f"PRAGMA integrity_check({table})")]
        if problems != ["ok"]:
            raise VaultDamaged()  # the runner rolls the whole step back


def _rebuild_search_index(conn: Connection, table: str) -> None:
    fts = f"{table}_fts"
    for trigger in ("insert", "delete", "update"):
        conn.execute(f"DROP TRIGGER {table}_fts_{trigger}")
    conn.execute(f"DROP TABLE {fts}")
    for statement in statements(fts_sql(table, V2_FTS_OPTIONS)):
        conn.execute(statement)
    conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')")
    # One segment, as an import leaves it: the fastest shape for search to read.
    conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")
