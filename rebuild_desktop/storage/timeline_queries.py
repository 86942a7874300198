"""Reading the timeline fast: the ordered index, row blocks, search and trust points.

The list shows events newest first. Instead of loading 100,000 records, the
view asks for the ordered index (``seq`` and month of every matching event,
read from the covering ``timeline_by_date`` index) and then for small blocks
of full rows as they scroll into view. Search goes through FTS5 with every
user word quoted (so no word is read as FTS syntax) and prefix-matched (so
results follow typing), and is ordered by date, never by rank: ranking every
match of a word found in nearly every row is what makes search slow. A search
with many matches walks the date index (see ``timeline_search``); one with few
looks each match up and sorts them.
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from sys import intern
from typing import Any

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.storage.connection import Connection, storage_errors
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.storage.repository import COMMON_COLUMNS
from rebuild_desktop.storage.schema_v2 import RATED_WHERE
from rebuild_desktop.storage.timeline_search import Position, TermExpander, walk_matches

Expand = Callable[[str], str | None]
# A letter or digit: what the index's tokenizer keeps ("_" is punctuation to it).
_WORD = re.compile(r"[^\W_]", re.UNICODE)
_BLOCK = 500  # SQLite's default limit on host parameters is far above this
# Looking a match up and sorting it costs about ten times what reading one row
# of the date index in a walk costs (measured at 10,000 and 100,000 events).
_WALK_FACTOR = 0.1
# Rated events and the kinds the trust chart marks: the chart's query repeats
# the partial index timeline_rated's WHERE word for word, so that SQLite uses it.
_RATED = f"({RATED_WHERE})"


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    """What the person narrowed the timeline to; empty fields mean "any"."""

    kinds: frozenset[str] = frozenset()
    author: str | None = None  # "a", "b" or "both"
    tag: str | None = None
    date_from: str | None = None  # YYYY-MM-DD, inclusive
    date_to: str | None = None  # YYYY-MM-DD, inclusive
    search: str = ""

    @property
    def is_empty(self) -> bool:
        return self == TimelineFilter()


@dataclass(slots=True)
class IndexEntry:
    """One event's place in the ordered list."""

    seq: int
    date: str  # interned: thousands of events share a day


@dataclass(slots=True)
class TrustPoint:
    """A rated event: its date, kind and the ratings it holds."""

    id: str
    date: str
    kind: str
    trust_a: int | None
    trust_b: int | None


@dataclass(slots=True)
class _Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    @property
    def sql(self) -> str:
        return f" WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


def fts_query(text: str, expand: Expand | None = None) -> str | None:
    """The FTS5 MATCH expression for what the person typed, or None.

    Every word is quoted (a double quote inside doubled), so ``AND``, ``*``,
    ``"`` or ``NEAR(`` are searched as text, never parsed as syntax; each is a
    prefix. Words without a letter or digit (an emoji) cannot be in the index
    and are left to :func:`_like_terms`. ``expand`` may spell a prefix as the
    words it stands for (the same matches, read faster).
    """
    words = [w for w in _words(text) if _WORD.search(w)]
    if not words:
        return None
    return " AND ".join((expand(w) if expand else None) or '"' + w.replace('"', '""') + '"*'
                        for w in words)


def _match(flt: TimelineFilter, expand: Expand | None = None) -> str | None:
    parts = []
    words = fts_query(flt.search, expand)
    if words is not None:
        parts.append(f"({words})")
    if flt.tag and _indexable(flt.tag):
        # Narrow through the index first; json_each then checks the whole tag.
        parts.append('tags : "' + flt.tag.replace('"', '""') + '"')
    return " AND ".join(parts) or None


def _indexable(tag: str) -> bool:
    """Whether the index holds every word of ``tag`` as the tag is spelled.

    A word without a letter or digit (an emoji) is not in the index, and a
    control character is stored escaped inside the JSON (a NUL would even end
    the query); such a tag is found by json_each alone.
    """
    words = tag.split()
    return (bool(words) and all(_WORD.search(w) for w in words)
            and not any(c < " " for c in tag))


def _like_terms(text: str) -> list[str]:
    """Words the index cannot hold (emoji, symbols), matched as substrings."""
    return [w for w in _words(text) if not _WORD.search(w)]


def _words(text: str) -> list[str]:
    # A NUL would end the FTS query string early inside SQLite; it is never a word.
    return text.replace("\x00", " ").split()


def _escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _where(flt: TimelineFilter, match: str | None = None) -> _Where:
    """The filter's conditions; the full-text part only when ``match`` is given."""
    where = _Where()
    if flt.kinds:
        marks = ", ".join("?" for _ in flt.kinds)
        where.add(f"kind IN ({marks})", *sorted(flt.kinds))
    if flt.author:
        where.add("author = ?", flt.author)
    if flt.tag:
        where.add("EXISTS (SELECT 1 FROM json_each(timeline.tags) WHERE json_each.value = ?)",
                  flt.tag)
    if flt.date_from:
        where.add("date >= ?", flt.date_from)
    if flt.date_to:
        # Dates may carry a time after the day; everything on that day counts.
        where.add("date < ?", flt.date_to + "\uffff")
    if match is not None:
        # Few matches (see TimelineQueries.index): each is looked up and sorted.
        where.add("seq IN (SELECT rowid FROM timeline_fts WHERE timeline_fts MATCH ?)", match)
    for term in _like_terms(flt.search):
        pattern = f"%{_escape_like(term)}%"
        where.add("(title LIKE ? ESCAPE '\\' OR text LIKE ? ESCAPE '\\' "
                  "OR tags LIKE ? ESCAPE '\\')", pattern, pattern, pattern)
    return where


class TimelineQueries:
    """Read-side queries of the timeline on one long-lived connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = TimelineRepository(conn)
        self._expand = TermExpander(conn)

    def index(self, flt: TimelineFilter, limit: int | None = None,
              after: IndexEntry | None = None) -> list[IndexEntry]:
        """The matching events newest first (date, then id, descending), after ``after``."""
        with self._reading():
            position = None if after is None else Position(after.date, self._id_of(after.seq))
            match = _match(flt, self._expand)
            if match is not None and self._many(match, limit):
                where = _where(flt)
                found = walk_matches(self._conn, where.clauses, where.params, match, limit,
                                     position)
                return [IndexEntry(seq, date) for seq, date in found]
            where = _where(flt, match)
            if position is not None:
                where.add("(date, id) < (?, ?)", *position)
            sql = f"SELECT seq, date FROM timeline{where.sql} ORDER BY date DESC, id DESC"
            params = list(where.params)
            if limit is not None:
                sql += " LIMIT ?"
                params.append(limit)
            with storage_errors():
                return [IndexEntry(seq, intern(date))
                        for seq, date in self._conn.execute(sql, params)]

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """One snapshot for the few statements of a search (a worker may be writing)."""
        if self._conn.in_transaction:
            yield
            return
        with storage_errors():
            self._conn.execute("BEGIN")
        try:
            yield
        finally:
            with storage_errors():
                self._conn.execute("COMMIT")

    def _id_of(self, seq: int) -> str:
        with storage_errors():
            row = self._conn.execute("SELECT id FROM timeline WHERE seq = ?", (seq,)).fetchone()
        # A deleted row: resume after every event of its date.
        return str(row[0]) if row else ""

    def _many(self, match: str, limit: int | None) -> bool:
        """Whether walking the date index beats looking every match up and sorting them.

        A walk reads about ``wanted * total / matches`` rows; the sort handles
        every match. So the walk wins above about ``sqrt(wanted * total / 10)``.
        """
        with storage_errors():
            total = self._conn.execute("SELECT coalesce(max(seq), 0) FROM timeline").fetchone()[0]
            wanted = total if limit is None else min(limit, total)
            threshold = int(math.sqrt(wanted * total * _WALK_FACTOR))
            # Counting stops at the threshold: a word in every row costs no more.
            found = self._conn.execute(
                "SELECT count(*) FROM (SELECT 1 FROM timeline_fts WHERE timeline_fts MATCH ? "
                "LIMIT ?)", (match, threshold + 1)
            ).fetchone()[0]
        return found > threshold

    def rows(self, seqs: Sequence[int]) -> dict[int, TimelineEvent]:
        """Full events for some ``seq`` values (any order), keyed by ``seq``."""
        found: dict[int, TimelineEvent] = {}
        columns = ", ".join(COMMON_COLUMNS + TimelineRepository.columns)
        for start in range(0, len(seqs), _BLOCK):
            chunk = list(seqs[start:start + _BLOCK])
            marks = ", ".join("?" for _ in chunk)
            with storage_errors():
                cursor = self._conn.execute(
                    f"SELECT seq, {columns} FROM timeline WHERE seq IN ({marks})", chunk)
                for row in cursor:
                    found[int(row[0])] = self._repo.from_row(row[1:])
        return found

    def seq_of(self, event_id: str) -> int | None:
        with storage_errors():
            row = self._conn.execute("SELECT seq FROM timeline WHERE id = ?",
                                     (event_id.lower(),)).fetchone()
        return None if row is None else int(row[0])

    def origin(self, event_id: str) -> str | None:
        with storage_errors():
            row = self._conn.execute("SELECT origin FROM timeline WHERE id = ?",
                                     (event_id.lower(),)).fetchone()
        return None if row is None else row[0]

    def set_origin(self, event_id: str, origin: str | None) -> None:
        """Mark a row as made by another feature ("checkin:<id>", ...)."""
        with storage_errors():
            self._conn.execute("UPDATE timeline SET origin = ? WHERE id = ?",
                               (origin, event_id.lower()))

    def id_for_origin(self, origin: str) -> str | None:
        with storage_errors():
            row = self._conn.execute("SELECT id FROM timeline WHERE origin = ?",
                                     (origin,)).fetchone()
        return None if row is None else str(row[0])

    def tags(self) -> list[str]:
        """Every tag in use, sorted without regard to case."""
        with storage_errors():
            rows = self._conn.execute(
                "SELECT DISTINCT json_each.value FROM timeline, json_each(timeline.tags) "
                "WHERE timeline.tags != '[]'").fetchall()
        return sorted((str(r[0]) for r in rows), key=str.casefold)

    def trust_points(self, flt: TimelineFilter) -> list[TrustPoint]:
        """Rated events and marked events (discoveries, milestones, setbacks), oldest first."""
        with self._reading():
            where = _where(flt, _match(flt, self._expand))
            where.add(_RATED)
            sql = (f"SELECT id, date, kind, trust_a, trust_b FROM timeline{where.sql} "
                   "ORDER BY date, id")
            with storage_errors():
                return [TrustPoint(i, intern(d), intern(k), a, b)
                        for i, d, k, a, b in self._conn.execute(sql, where.params)]
