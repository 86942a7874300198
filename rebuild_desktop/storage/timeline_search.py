"""Timeline search newest first without putting every match in a temporary b-tree.

Vaults run with ``cipher_memory_security``: SQLCipher locks every buffer
SQLite allocates and overwrites it when it is freed. A plan that copies all
matches of a word found in nearly every row into a temporary index
(``seq IN (SELECT rowid …)``) or a sorter frees thousands of scratch buffers
and costs about 200 ms at 100,000 events. Two things keep a search cheap:

- :func:`walk_matches` reads the date index in growing chunks and asks FTS5
  only for the matches whose rowid lies inside the chunk's ``seq`` range.
  Import writes events in date order, so that range is narrow and FTS5 reads
  a small slice of each doclist. Every row of a chunk lies inside the range,
  so the answer is exact whatever the order of ``seq``; only the speed
  depends on it.
- :class:`TermExpander` turns a prefix longer than the prefix indexes
  (``"toda"*``) into the whole words the index holds (``"today"``). FTS5
  answers such a prefix by merging the doclists of every word into one new
  buffer on each query, even for a slice; the words themselves it reads in
  place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from sys import intern
from typing import Any, NamedTuple

from rebuild_desktop.storage.connection import Connection, storage_errors

# The longest prefix with an index of its own (schema.py: prefix = '2 3').
_INDEXED_PREFIX = 3
# A prefix standing for more words than this stays a prefix query.
_MAX_WORDS = 16
# Tokens of the unicode61 tokenizer that it stores unchanged: quoting one of
# these in a query gives back exactly that token.
_PLAIN = re.compile(r"[a-z0-9]+")
_FIRST_CHUNK = 64
_MAX_CHUNK = 16_384


class Position(NamedTuple):
    """Where a walk of the date index resumes: after this date and id."""

    date: str
    id: str


class TermExpander:
    """Spells a long prefix as the words of the timeline index that start with it."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def __call__(self, word: str) -> str | None:
        """The FTS5 expression for the prefix ``word``, or None to keep ``"word"*``."""
        prefix = word.lower()
        if len(prefix) <= _INDEXED_PREFIX or not _PLAIN.fullmatch(prefix):
            return None
        # Every word with this prefix sorts in [prefix, prefix with its last letter + 1).
        end = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        with storage_errors():
            # A per-connection, in-memory view of the index's words; nothing is
            # stored. Made on each use: a rolled-back transaction would undo it.
            self._conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.timeline_terms "
                               "USING fts5vocab(main, timeline_fts, row)")
            rows = self._conn.execute(
                "SELECT term FROM temp.timeline_terms WHERE term >= ? AND term < ? LIMIT ?",
                (prefix, end, _MAX_WORDS + 1)).fetchall()
        words = [str(row[0]) for row in rows]
        if not words or len(words) > _MAX_WORDS or not all(map(_PLAIN.fullmatch, words)):
            return None
        return "(" + " OR ".join(f'"{w}"' for w in words) + ")"


def walk_matches(conn: Connection, clauses: Sequence[str], params: Sequence[Any], match: str,
                 limit: int | None, after: Position | None) -> list[tuple[int, str]]:
    """``(seq, date)`` of the events matching ``match`` and ``clauses``, newest first.

    Args:
        clauses: SQL conditions on ``timeline`` besides the full-text match.
        after: resume after this position of the date order (a later page).
    """
    found: list[tuple[int, str]] = []
    chunk = _FIRST_CHUNK if limit is None else max(_FIRST_CHUNK, limit + limit // 4)
    while limit is None or len(found) < limit:
        rows = _chunk(conn, clauses, params, after, chunk)
        if not rows:
            break
        matching = _matching(conn, match, min(r[0] for r in rows), max(r[0] for r in rows))
        hits = 0
        for seq, date, _ in rows:
            if seq in matching:
                hits += 1
                found.append((seq, intern(date)))
                if len(found) == limit:
                    break
        last = rows[-1]
        after = Position(last[1], last[2])
        if len(rows) < chunk:
            break
        # Size the next chunk from the share of rows that matched so far.
        wanted = (limit - len(found)) if limit is not None else chunk
        chunk = min(_MAX_CHUNK, max(2 * chunk, wanted * chunk // max(hits, 1) * 5 // 4))
    return found


def _chunk(conn: Connection, clauses: Sequence[str], params: Sequence[Any],
           after: Position | None, size: int) -> list[tuple[int, str, str]]:
    where = list(clauses)
    args = list(params)
    if after is not None:
        where.append("(date, id) < (?, ?)")
        args.extend(after)
    sql = "SELECT seq, date, id FROM timeline INDEXED BY timeline_by_date"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date DESC, id DESC LIMIT ?"
    args.append(size)
    with storage_errors():
        return conn.execute(sql, args).fetchall()


def _matching(conn: Connection, match: str, low: int, high: int) -> set[int]:
    with storage_errors():
        return {row[0] for row in conn.execute(
            "SELECT rowid FROM timeline_fts WHERE timeline_fts MATCH ? AND rowid BETWEEN ? AND ?",
            (match, low, high))}
