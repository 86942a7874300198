"""Read an interchange file (SPEC.md, version 1) into ``VaultContents``.

Validation is strict and happens before anything touches a vault: a missing
required key, a wrong JSON type (a boolean is not a number), an out-of-range
value, a repeated id or an unknown partner rejects the whole file with one
sentence naming the record and the field.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.domain.records import (
    Partner,
    VaultContents,
)
from rebuild_desktop.domain.values import (
    PartnerId,
    Role,
    VaultKind,
)
from rebuild_desktop.services import interchange_fields as f
from rebuild_desktop.services.interchange_fast import FastReading
from rebuild_desktop.services.interchange_fields import Where
from rebuild_desktop.services.interchange_records import (
    IdRegistry,
    read_agreement,
    read_checkin,
    read_gratitude,
    read_hard_moment,
    read_journal,
    read_pacing,
    read_timeline,
)

FORMAT = "rebuild-desktop"
VERSION = 1

COUPLE_LISTS = ("timeline", "gratitude", "checkins", "hard_moments", "agreements")
R = TypeVar("R")
Reader = Callable[[dict[str, Any], Where, tuple[PartnerId, ...]], R]
FastReader = Callable[[dict[str, Any], str], R | None]  # record and its id; None: not sure


def _load(data: bytes) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(name)

    def finite(text: str) -> float:
        # 1e999 parses as infinity, which JSON cannot write back.
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(text)
        return number

    try:
        return json.loads(data.decode("utf-8"), parse_constant=no_constants, parse_float=finite)
    except UnicodeDecodeError:
        raise BadImportFile(
            "That file is not UTF-8 text, so it is not a Rebuild export; nothing was imported."
        ) from None
    except json.JSONDecodeError as error:
        raise BadImportFile(
            f"That file is not valid JSON (line {error.lineno}, column {error.colno}); "
            "nothing was imported."
        ) from None
    except (ValueError, RecursionError):
        raise BadImportFile("That file is not valid JSON; nothing was imported.") from None


def parse(data: bytes) -> VaultContents:
    """Check an interchange file completely and return what it holds.

    Raises:
        BadImportFile: one sentence naming the record and the field.
    """
    with collector_paused():
        return _contents(data)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector off while a file becomes records.

    A file of 100,000 events becomes some 400,000 objects that all stay alive
    and form no cycles, and the collector would walk the growing heap again
    and again for nothing: a third of the time of reading it. Reference
    counting still frees garbage at once. The switch is process-wide, so the
    other threads also go without cycle collection for that second or so.
    Pauses nest: only the outermost one switches the collector back on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _contents(data: bytes) -> VaultContents:
    document = _load(data)
    if type(document) is not dict or document.get("format") != FORMAT:
        raise BadImportFile()
    version = document.get("version")
    if type(version) is not int:
        raise BadImportFile("That file does not say which version of the export format "
                            "it uses; nothing was imported.")
    if version != VERSION:
        newer = " Update Rebuild to import it." if version > VERSION else ""
        raise BadImportFile(f"That file uses version {version} of the export format; "
                            f"this version of Rebuild reads version {VERSION}, so nothing "
                            f"was imported.{newer}")
    kind, partners = _vault(document.get("vault"))
    ids = IdRegistry()
    contents = VaultContents(kind=kind, partners=partners)
    allowed = (PartnerId.A,) if kind is VaultKind.JOURNAL else (PartnerId.A, PartnerId.B)
    reading = FastReading(data, allowed)
    if kind is VaultKind.COUPLE:
        if _records(document, "journal"):
            raise BadImportFile("That file is a couple space but holds journal entries; "
                                "nothing was imported.")
        contents.timeline = _list(document, "timeline", read_timeline, allowed, ids,
                                  reading.timeline)
        contents.gratitude = _list(document, "gratitude", read_gratitude, allowed, ids)
        contents.checkins = _list(document, "checkins", read_checkin, allowed, ids)
        contents.hard_moments = _list(document, "hard_moments", read_hard_moment, allowed, ids)
        contents.agreements = _list(document, "agreements", read_agreement, allowed, ids)
        contents.pacing = read_pacing(document.get("pacing"), allowed, ids)
    else:
        if any(_records(document, name) for name in COUPLE_LISTS) or document.get("pacing"):
            raise BadImportFile("That file is a private journal but holds couple records; "
                                "nothing was imported.")
        contents.journal = _list(document, "journal", read_journal, allowed, ids,
                                 reading.journal)
    return contents


def _records(document: dict[str, Any], name: str) -> bool:
    value = document.get(name)
    return value is not None and value != []


def _vault(section: Any) -> tuple[VaultKind, list[Partner]]:
    where = Where("The 'vault' section")
    if type(section) is not dict:
        raise BadImportFile("That file has no 'vault' section saying what kind of vault it "
                            "holds; nothing was imported.")
    kind = f.choice(section, where, "kind", VaultKind, required=True)
    assert kind is not None
    allowed = ["a"] if kind is VaultKind.JOURNAL else ["a", "b"]
    raw = section.get("partners")
    if raw is None:
        return kind, []
    if type(raw) is not list:
        raise where.fail("partners", "must be a list")
    partners: dict[PartnerId, Partner] = {}
    for number, item in enumerate(raw, start=1):
        spot = Where(f"The 'vault' section, partner {number}")
        if type(item) is not dict:
            raise spot.problem("must be an object")
        partner_id = f.choice(item, spot, "id", PartnerId, required=True, allowed=allowed)
        assert partner_id is not None
        if partner_id in partners:
            raise spot.fail("id", "repeats a partner already listed")
        partners[partner_id] = Partner(
            partner_id, f.text(item, spot, "name") or "", f.choice(item, spot, "role", Role)
        )
    return kind, [partners[p] for p in sorted(partners)]


def _list(document: dict[str, Any], name: str, read: Reader[R],
          partners: tuple[PartnerId, ...], ids: IdRegistry,
          fast: FastReader[R] | None = None) -> list[R]:
    """The records of one list; each through ``fast`` first when there is one."""
    raw = document.get(name)
    if raw is None:
        return []
    if type(raw) is not list:
        raise BadImportFile(f"In that file '{name}' must be a list of records; "
                            "nothing was imported.")
    records = []
    label_kind = name.replace("_", " ")
    for number, item in enumerate(raw, start=1):
        label = f"{label_kind} record {number}"
        if fast is not None and type(item) is dict:
            record_id = f.plain_record_id(item)
            if record_id is not None and record_id not in ids:
                record = fast(item, record_id)
                if record is not None:
                    ids.add_new(record_id, label)
                    records.append(record)
                    continue
        # Nothing was kept of a fast attempt: the careful reader starts afresh.
        where = Where(label)
        if type(item) is not dict:
            raise where.problem("must be an object")
        record_id = f.record_id(item, where)
        ids.add(record_id, label, where)
        records.append(read(item, where, partners))
    return records
