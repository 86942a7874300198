"""The vault schema, its version and the migration runner.

``PRAGMA user_version`` holds the version. A migration runs only after the
caller has taken an encrypted backup (``before_migration``), and runs in one
transaction, so a crash leaves the old schema or the new one, never a mix.
Full-text search uses FTS5 tables inside the encrypted file, kept in step by
triggers (external content, keyed on an ``INTEGER PRIMARY KEY`` that VACUUM
cannot renumber).
"""

from __future__ import annotations

from collections.abc import Callable

from rebuild_desktop.domain.errors import SchemaTooNew
from rebuild_desktop.storage import schema_v2
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.fts_ddl import V1_FTS_OPTIONS, fts_sql
from rebuild_desktop.storage.sql_script import statements

SCHEMA_VERSION = 2

_RECORD = """
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    date TEXT NOT NULL,
    for_counselor INTEGER NOT NULL,
    extra TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
"""


_V1 = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

CREATE TABLE partners (
    id TEXT PRIMARY KEY CHECK (id IN ('a', 'b')),
    name TEXT NOT NULL DEFAULT '',
    role TEXT CHECK (role IN ('hurt', 'broke_trust'))
) WITHOUT ROWID;

CREATE TABLE timeline ({_RECORD},
    kind TEXT NOT NULL,
    author TEXT NOT NULL CHECK (author IN ('a', 'b', 'both')),
    title TEXT NOT NULL,
    text TEXT NOT NULL DEFAULT '',
    trust_a INTEGER CHECK (trust_a BETWEEN 0 AND 10),
    trust_b INTEGER CHECK (trust_b BETWEEN 0 AND 10),
    tags TEXT NOT NULL DEFAULT '[]',
    origin TEXT
);
CREATE INDEX timeline_by_date ON timeline (date DESC, id DESC);
CREATE INDEX timeline_by_origin ON timeline (origin) WHERE origin IS NOT NULL;
-- The trust chart reads only rated and marked events; this covering index
-- spares it a scan (and a decryption) of every page of the table.
CREATE INDEX timeline_rated ON timeline (date, id, kind, trust_a, trust_b)
    WHERE trust_a IS NOT NULL OR trust_b IS NOT NULL
    OR kind IN ('discovery', 'milestone', 'setback');

CREATE TABLE gratitude ({_RECORD},
    from_partner TEXT NOT NULL CHECK (from_partner IN ('a', 'b')),
    to_partner TEXT NOT NULL CHECK (to_partner IN ('a', 'b')),
    text TEXT NOT NULL,
    category TEXT,
    acknowledged INTEGER NOT NULL DEFAULT 0,
    reply TEXT
);
CREATE INDEX gratitude_by_date ON gratitude (date DESC, id DESC);

CREATE TABLE checkins ({_RECORD},
    partner TEXT NOT NULL CHECK (partner IN ('a', 'b')),
    mood INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 5),
    trust INTEGER NOT NULL CHECK (trust BETWEEN 0 AND 10),
    feel TEXT, went_well TEXT, hard TEXT, request TEXT
);
CREATE INDEX checkins_by_date ON checkins (date DESC, id DESC);

CREATE TABLE hard_moments ({_RECORD},
    partner TEXT NOT NULL CHECK (partner IN ('a', 'b')),
    intensity INTEGER NOT NULL CHECK (intensity BETWEEN 0 AND 10),
    trigger TEXT, helped TEXT
);
CREATE INDEX hard_moments_by_date ON hard_moments (date DESC, id DESC);

CREATE TABLE agreements ({_RECORD},
    text TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'revisit', 'retired')),
    review_on TEXT,
    consent_a INTEGER,
    consent_b INTEGER
);

CREATE TABLE agreement_changes (
    seq INTEGER PRIMARY KEY,
    agreement_id TEXT NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    changed_at TEXT NOT NULL,
    change TEXT NOT NULL
);

CREATE TABLE pacing_steps (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    area TEXT NOT NULL CHECK (area IN ('emotional', 'trust', 'physical')),
    comfort_a TEXT CHECK (comfort_a IN ('not_yet', 'open', 'comfortable')),
    comfort_b TEXT CHECK (comfort_b IN ('not_yet', 'open', 'comfortable')),
    extra TEXT NOT NULL DEFAULT '{{}}'
);

CREATE TABLE journal ({_RECORD},
    mood INTEGER CHECK (mood BETWEEN 1 AND 5),
    tags TEXT NOT NULL DEFAULT '[]',
    title TEXT,
    text TEXT NOT NULL
);
CREATE INDEX journal_by_date ON journal (date DESC, id DESC);

CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) WITHOUT ROWID;

{fts_sql("timeline", V1_FTS_OPTIONS)}
{fts_sql("gratitude", V1_FTS_OPTIONS)}
{fts_sql("journal", V1_FTS_OPTIONS)}
"""


# MIGRATIONS[n] brings a vault from version n - 1 to n: an SQL script, or a
# function for a step that has to read the vault first. Never edit a released
# step (tests/data/vaults holds files each version wrote); add the next one.
Migration = str | Callable[[Connection], None]
MIGRATIONS: dict[int, Migration] = {
    1: _V1,
    2: schema_v2.migrate,
}


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def create_schema(conn: Connection) -> None:
    """Bring a brand-new, empty vault to the current version."""
    _run(conn, 0)


def upgrade(conn: Connection, before_migration: Callable[[], None]) -> bool:
    """Migrate an existing vault to the current version.

    Args:
        before_migration: takes an encrypted backup; called once, only when a
            migration is about to run.

    Returns:
        Whether anything was migrated.

    Raises:
        SchemaTooNew: the vault was written by a newer version.
    """
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise SchemaTooNew()
    if current == SCHEMA_VERSION:
        return False
    before_migration()
    _run(conn, current)
    return True


def _run(conn: Connection, start: int) -> None:
    # Every step and the version bump share one transaction.
    with transaction(conn):
        for version in range(start + 1, SCHEMA_VERSION + 1):
            step = MIGRATIONS[version]
            if callable(step):
                step(conn)
                continue
            for statement in statements(step):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
