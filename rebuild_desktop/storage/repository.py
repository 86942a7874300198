"""The part every record repository shares: ids, dates, extra keys, counsel flag.

A subclass names its table and its own columns and converts a record to a
row and back; this base does the SQL. Ids are stored lower-case, so that
they compare without regard to case (SPEC.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from json.encoder import encode_basestring
from operator import itemgetter
from typing import Any, ClassVar, Generic, TypeVar

from rebuild_desktop.storage.connection import Connection, storage_errors

R = TypeVar("R")

COMMON_COLUMNS = ("id", "date", "for_counselor", "extra")


# One encoder for every call: ``json.dumps`` with options builds a new one each
# time, which was a fifth of turning 100,000 imported records into rows.
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False)


def now_stamp() -> str:
    """The current UTC time as the schema's defaults write it (``…T12:34:56.789Z``)."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def dump_json(value: Any) -> str:
    """``value`` as JSON text, keys sorted, non-ASCII kept (the stored form)."""
    return _ENCODER.encode(value)


def dump_extra(extra: dict[str, Any] | None) -> str:
    """A record's unknown keys in their stored form.

    Text, not the dict, goes into the row: a row dict holding only text and
    numbers is never tracked by the cyclic garbage collector, which would
    otherwise walk 100,000 import rows.
    """
    return dump_json(extra) if extra else "{}"


def dump_texts(values: Sequence[str]) -> str:
    """``dump_json(list(values))`` for a list of texts, such as tags.

    Quoting each text with the encoder's own function gives the same
    characters without setting an encoder up for every record; an empty list,
    the usual case, is a constant.
    """
    if not values:
        return "[]"
    try:
        return "[" + ", ".join(map(encode_basestring, values)) + "]"
    except TypeError:  # not all texts: the encoder says what it makes of them
        return dump_json(list(values))


class RecordRepository(Generic[R]):
    """Add, read, update and delete one kind of record."""

    table: ClassVar[str]
    columns: ClassVar[tuple[str, ...]]  # the kind's own columns, after the common ones

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # Conversions a subclass provides ------------------------------------------

    def to_row(self, record: R) -> dict[str, Any]:
        """Every column of ``record``'s row, ``extra`` already through ``dump_extra``."""
        raise NotImplementedError

    def from_row(self, row: Sequence[Any]) -> R:
        """``row`` holds COMMON_COLUMNS then ``columns``, in that order."""
        raise NotImplementedError

    # SQL -----------------------------------------------------------------------

    @classmethod
    def _select(cls) -> str:
        return f"SELECT {', '.join(COMMON_COLUMNS + cls.columns)} FROM {cls.table}"

    def _row(self, record: R) -> dict[str, Any]:
        row = self.to_row(record)
        row["id"] = str(row["id"]).lower()
        row["for_counselor"] = 1 if row["for_counselor"] else 0
        return row

    def add(self, record: R) -> None:
        row = self._row(record)
        names = ", ".join(row)
        marks = ", ".join(f":{name}" for name in row)
        with storage_errors():
            self._conn.execute(f"INSERT INTO {self.table} ({names}) VALUES ({marks})", row)

    def add_many(self, records: Iterable[R], stamp: str | None = None) -> None:
        """Insert many records at once (an import of 100,000), inside the caller's transaction.

        ``stamp`` (``now_stamp()``) is given as every row's creation and change
        time, which spares SQLite working the same clock reading out per row.
        """
        rows = [self._row(record) for record in records]
        if not rows:
            return
        stamp = stamp or now_stamp()
        own = list(rows[0])
        columns = [*own, "created_at", "updated_at"]
        # Positional values bind about a third faster than names looked up per row.
        pick, stamps = itemgetter(*own), (stamp, stamp)
        values = [pick(row) + stamps for row in rows]
        with storage_errors():
            self._conn.executemany(
                f"INSERT INTO {self.table} ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)})", values)

    def ids(self) -> set[str]:
        """Every id in the table (lower-case), to skip records already there."""
        with storage_errors():
            return {str(row[0]) for row in self._conn.execute(f"SELECT id FROM {self.table}")}

    def update(self, record: R) -> None:
        row = self._row(record)
        sets = ", ".join(f"{name} = :{name}" for name in row if name != "id")
        with storage_errors():
            self._conn.execute(
                f"UPDATE {self.table} SET {sets}, "
                "updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = :id",
                row,
            )

    def delete(self, record_id: str) -> None:
        with storage_errors():
            self._conn.execute(f"DELETE FROM {self.table} WHERE id = ?", (record_id.lower(),))

    def get(self, record_id: str) -> R | None:
        with storage_errors():
            row = self._conn.execute(
                f"{self._select()} WHERE id = ?", (record_id.lower(),)
            ).fetchone()
        return None if row is None else self.from_row(row)

    def exists(self, record_id: str) -> bool:
        with storage_errors():
            return self._conn.execute(
                f"SELECT 1 FROM {self.table} WHERE id = ?", (record_id.lower(),)
            ).fetchone() is not None

    def count(self) -> int:
        with storage_errors():
            return int(self._conn.execute(f"SELECT count(*) FROM {self.table}").fetchone()[0])

    def iter_all(self) -> Iterator[R]:
        """Every record in date order, then id (the export order)."""
        with storage_errors():
            cursor = self._conn.execute(f"{self._select()} ORDER BY date, id")
            for row in cursor:
                yield self.from_row(row)

    def all(self) -> list[R]:
        return list(self.iter_all())


def common(row: Sequence[Any]) -> tuple[str, str, bool, dict[str, Any]]:
    """The id, date, counsel flag and extra keys at the start of a row."""
    return str(row[0]), str(row[1]), bool(row[2]), json.loads(row[3])
