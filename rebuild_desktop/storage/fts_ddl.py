"""The SQL that makes a record table's full-text index and keeps it in step.

External content (the index stores no copy of the text), keyed on the
table's ``seq``, an ``INTEGER PRIMARY KEY`` that VACUUM cannot renumber;
triggers feed it on every insert, update and delete.
"""

from __future__ import annotations

# The columns each searchable table indexes.
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "timeline": ("title", "text", "tags"),
    "gratitude": ("text", "reply", "category"),
    "journal": ("title", "text", "tags"),
}

# Search tokenizer: Unicode-aware, accent-insensitive, with prefix indexes so
# that search-as-you-type ("tru" -> "trust") stays an index lookup.
V1_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'"
# Version 2 keeps no per-document sizes: they serve only bm25 ranking, which
# search never uses (results are in date order), and writing them was a third
# of the cost of indexing an import.
V2_FTS_OPTIONS = V1_FTS_OPTIONS + ", columnsize = 0"


def fts_sql(table: str, options: str) -> str:
    """The index ``{table}_fts`` and its three triggers, as one script."""
    columns = FTS_COLUMNS[table]
    cols = ", ".join(columns)
    new = ", ".join(f"new.{c}" for c in columns)
    old = ", ".join(f"old.{c}" for c in columns)
    fts = f"{table}_fts"
    return f"""
CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content = '{table}', content_rowid = 'seq',
    {options});
CREATE TRIGGER {table}_fts_insert AFTER INSERT ON {table} BEGIN
    INSERT INTO {fts} (rowid, {cols}) VALUES (new.seq, {new});
END;
CREATE TRIGGER {table}_fts_delete AFTER DELETE ON {table} BEGIN
    INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old});
END;
CREATE TRIGGER {table}_fts_update AFTER UPDATE ON {table} BEGIN
    INSERT INTO {fts} ({fts}, rowid, {cols}) VALUES ('delete', old.seq, {old});
    INSERT INTO {fts} (rowid, {cols}) VALUES (new.seq, {new});
END;
"""
