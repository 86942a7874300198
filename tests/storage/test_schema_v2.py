"""Schema version 2: constraints that cost nothing per row, and lean search indexes."""

from __future__ import annotations

import pytest
import sqlcipher3

from rebuild_desktop.domain.errors import VaultDamaged
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.timeline_queries import TimelineFilter, TimelineQueries

RECORD_TABLES = ("timeline", "gratitude", "checkins", "hard_moments", "agreements",
                 "journal", "pacing_steps")


def _insert_sql(vault: Vault, table: str) -> str:
    columns = [row[1] for row in vault.db.execute(f"PRAGMA table_info({table})")
               if row[1] != "seq"]
    return (f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' for _ in columns)})")


@pytest.mark.parametrize("table", RECORD_TABLES)
def test_writing_a_row_builds_no_throwaway_btree(couple_vault: Vault, table: str) -> None:
    """An IN-list of three constants in a CHECK made SQLite build a b-tree per row."""
    sql = _insert_sql(couple_vault, table)
    width = sql.count("?")
    program = [row[1] for row in couple_vault.db.execute(f"EXPLAIN {sql}", (None,) * width)]
    assert "Insert" in program
    assert "OpenEphemeral" not in program


# A valid row for each table whose constraints version 2 rewrote.
_VALID_ROWS = {
    "timeline": "INSERT INTO timeline (id, date, for_counselor, kind, author, title) "
                "VALUES ('t1', '2026-01-01', 0, 'note', 'both', 'A walk')",
    "agreements": "INSERT INTO agreements (id, date, for_counselor, text, status) "
                  "VALUES ('g1', '2026-01-01', 0, 'Phones stay open', 'active')",
    "pacing_steps": "INSERT INTO pacing_steps (id, position, title, area, comfort_a, comfort_b) "
                    "VALUES ('p1', 99, 'A step', 'trust', 'open', 'open')",
}


@pytest.mark.parametrize(("table", "column", "bad"), [
    ("timeline", "author", "everyone"), ("agreements", "status", "paused"),
    ("pacing_steps", "area", "money"), ("pacing_steps", "comfort_a", "maybe"),
    ("pacing_steps", "comfort_b", "maybe"),
])
def test_rewritten_constraints_still_refuse_what_they_refused(
        couple_vault: Vault, table: str, column: str, bad: str) -> None:
    conn = couple_vault.db
    definition = conn.execute("SELECT sql FROM sqlite_schema WHERE name = ?", (table,)).fetchone()
    line = next(text for text in definition[0].splitlines()
                if text.strip().startswith(f"{column} "))
    assert " IN (" not in line and " OR " in line
    conn.execute(_VALID_ROWS[table])
    with pytest.raises(sqlcipher3.IntegrityError, match="CHECK"):
        conn.execute(f"UPDATE {table} SET {column} = ?", (bad,))


def test_search_indexes_keep_no_per_document_sizes(couple_vault: Vault) -> None:
    names = {row[0] for row in couple_vault.db.execute("SELECT name FROM sqlite_schema")}
    assert {"timeline_fts", "gratitude_fts", "journal_fts"} <= names
    assert not {name for name in names if name.endswith("_docsize")}


def test_the_trust_chart_reads_only_its_covering_index(couple_vault: Vault) -> None:
    statements: list[str] = []
    couple_vault.db.set_trace_callback(statements.append)
    try:
        TimelineQueries(couple_vault.db).trust_points(TimelineFilter())
    finally:
        couple_vault.db.set_trace_callback(None)
    chart = [sql for sql in statements if sql.startswith("SELECT id, date, kind, trust_a")]
    assert len(chart) == 1
    plan = [str(row[3]) for row in couple_vault.db.execute(f"EXPLAIN QUERY PLAN {chart[0]}")]
    assert plan and all("USING COVERING INDEX timeline_rated" in step for step in plan), plan


def test_a_schema_the_migration_does_not_know_is_left_as_it_was(
        couple_vault: Vault, library: VaultLibrary) -> None:
    """Version 2's constraints under a version 1 label: the step refuses and rolls back."""
    couple_vault.db.execute("PRAGMA user_version = 1")
    database = couple_vault.paths.database
    couple_vault.close()
    before = database.read_bytes()
    with pytest.raises(VaultDamaged):
        library.open_with_keyring("home")
    assert database.read_bytes() == before
    assert [p.name for p in couple_vault.paths.backups.glob("*before-migration*")]
