"""Strict readers for the fields of one interchange record.

Each reader takes the record (a JSON object), the key and where the record
sits in the file, and returns a checked Python value or ``None`` for an
absent optional key (``null`` means absent). A bad value raises
``BadImportFile`` with one sentence naming the record and the field, never
the record's text.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Collection
from datetime import date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.domain.values import PartnerId

E = TypeVar("E", bound=StrEnum)
V = TypeVar("V")

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})"
)
_NOTHING_IMPORTED = "Nothing was imported."


class Where:
    """Names a place in the file for error messages: a record or a section."""

    __slots__ = ("_label", "record_id")

    def __init__(self, label: str) -> None:
        self._label = label
        self.record_id: str | None = None

    def fail(self, key: str, must: str) -> BadImportFile:
        ident = f" (id {self.record_id[:8]}…)" if self.record_id else ""
        return BadImportFile(f"{self._label}{ident}: '{key}' {must}. {_NOTHING_IMPORTED}")

    def problem(self, sentence: str) -> BadImportFile:
        ident = f" (id {self.record_id[:8]}…)" if self.record_id else ""
        return BadImportFile(f"{self._label}{ident} {sentence}. {_NOTHING_IMPORTED}")


def _present(obj: dict[str, Any], where: Where, key: str, required: bool) -> Any:
    value = obj.get(key)
    if value is None and required:
        raise where.fail(key, "is missing, and it is required")
    return value


def _checked_text(value: Any, where: Where, key: str) -> str:
    if type(value) is not str:
        raise where.fail(key, "must be text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise where.fail(key, "holds an invalid character (a lone surrogate)") from None
    return value


def text(obj: dict[str, Any], where: Where, key: str, required: bool = False) -> str | None:
    value = _present(obj, where, key, required)
    return None if value is None else _checked_text(value, where, key)


def whole(obj: dict[str, Any], where: Where, key: str, allowed: range,
          required: bool = False) -> int | None:
    value = _present(obj, where, key, required)
    if value is None:
        return None
    return _whole_value(value, where, key, allowed)


def _whole_value(value: Any, where: Where, key: str, allowed: range) -> int:
    if type(value) is not int or value not in allowed:
        raise where.fail(
            key, f"must be a whole number from {allowed.start} to {allowed.stop - 1}"
        )
    return value


def flag(obj: dict[str, Any], where: Where, key: str) -> bool | None:
    value = obj.get(key)
    if value is None:
        return None
    return _flag_value(value, where, key)


def _flag_value(value: Any, where: Where, key: str) -> bool:
    if type(value) is not bool:
        raise where.fail(key, "must be true or false")
    return value


def choice(obj: dict[str, Any], where: Where, key: str, enum: type[E],
           required: bool = False, allowed: Collection[str] | None = None) -> E | None:
    value = _present(obj, where, key, required)
    if value is None:
        return None
    return _choice_value(value, where, key, enum, allowed)


@functools.cache
def _members(enum: type[E]) -> dict[str, E]:
    """Value → member, built once per enum: an import checks 100,000 records."""
    return {member.value: member for member in enum}


def _choice_value(value: Any, where: Where, key: str, enum: type[E],
                  allowed: Collection[str] | None = None) -> E:
    members = _members(enum)
    if type(value) is str and value in members and (allowed is None or value in allowed):
        return members[value]
    names = list(allowed) if allowed is not None else list(members)
    raise where.fail(key, f"must be one of {', '.join(names)}")


def day(obj: dict[str, Any], where: Where, key: str, required: bool = False,
        with_time: bool = False) -> str | None:
    """A ``YYYY-MM-DD`` date; with ``with_time`` also a timestamp with an offset."""
    value = _present(obj, where, key, required)
    if value is None:
        return None
    if is_day(value, with_time):
        return value
    if with_time:
        raise where.fail(key, "must be a date (YYYY-MM-DD) or a timestamp with an offset, "
                              "such as 2026-03-04T21:10:00+01:00")
    raise where.fail(key, "must be a real date written YYYY-MM-DD")


def is_day(value: Any, with_time: bool = False) -> bool:
    """Whether ``value`` is a real ``YYYY-MM-DD`` date (or, ``with_time``, a timestamp)."""
    if type(value) is not str:
        return False
    if _DATE.fullmatch(value):
        try:
            date.fromisoformat(value)
            return True
        except ValueError:
            return False
    if with_time and _TIMESTAMP.fullmatch(value):
        try:
            datetime.fromisoformat(value)
            return True
        except ValueError:
            return False
    return False


def record_id(obj: dict[str, Any], where: Where) -> str:
    value = obj.get("id")
    if value is None:
        raise where.fail("id", "is missing, and it is required")
    if type(value) is not str or not _UUID.fullmatch(value):
        raise where.fail("id", "must be a UUID string")
    where.record_id = value.lower()
    return value.lower()


def plain_record_id(obj: dict[str, Any]) -> str | None:
    """The record's id in lower case when it is a UUID string, else ``None``."""
    value = obj.get("id")
    if type(value) is str and _UUID.fullmatch(value):
        return value.lower()
    return None


def texts(obj: dict[str, Any], where: Where, key: str) -> list[str]:
    value = obj.get(key)
    if value is None:
        return []
    if type(value) is not list:
        raise where.fail(key, "must be a list of text")
    for index, item in enumerate(value):
        _checked_text(item, where, f"{key}[{index}]")
    return list(value)


def per_partner(obj: dict[str, Any], where: Where, key: str, partners: Collection[PartnerId],
                read: Callable[[Any, Where, str], V]) -> dict[PartnerId, V]:
    """An object keyed by partner id; an unknown partner id rejects the file."""
    value = obj.get(key)
    if value is None:
        return {}
    if type(value) is not dict:
        raise where.fail(key, "must be an object keyed by partner (a, b)")
    known = _partner_names(tuple(partners))
    result: dict[PartnerId, V] = {}
    for partner, item in value.items():
        if partner not in known:
            # A key is shown only when it is short and plain: it is not record text.
            shown = f"{key}.{partner}" if len(partner) <= 8 and partner.isprintable() else key
            raise where.fail(shown, "names a partner who is not in this file; partners are "
                                    + " and ".join(sorted(known)))
        if item is not None:
            result[PartnerId(partner)] = read(item, where, f"{key}.{partner}")
    return dict(sorted(result.items()))


@functools.cache
def _partner_names(partners: tuple[PartnerId, ...]) -> frozenset[str]:
    return frozenset(p.value for p in partners)


def whole_reader(allowed: range) -> Callable[[Any, Where, str], int]:
    return lambda value, where, key: _whole_value(value, where, key, allowed)


def flag_reader() -> Callable[[Any, Where, str], bool]:
    return _flag_value


def choice_reader(enum: type[E]) -> Callable[[Any, Where, str], E]:
    return lambda value, where, key: _choice_value(value, where, key, enum)


def extra(obj: dict[str, Any], where: Where, known: frozenset[str]) -> dict[str, Any]:
    """The record's unknown keys, kept so that an export gives them back."""
    if obj.keys() <= known:
        return {}
    unknown = {key: value for key, value in obj.items() if key not in known}
    if unknown:
        try:
            json.dumps(unknown, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise where.problem("holds an invalid character (a lone surrogate) "
                                "in a field Rebuild does not know") from None
    return unknown
