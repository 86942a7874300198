"""Read an interchange file (SPEC.md, version 1) into ``VaultContents``.

Validation is strict and happens before anything touches a vault: a missing
required key, a wrong JSON type (a boolean is not a number), an out-of-range
value, a repeated id or an unknown partner rejects the whole file with one
sentence naming the record and the field.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    HardMoment,
    JournalEntry,
    Pacing,
    PacingStep,
    Partner,
    TimelineEvent,
    VaultContents,
)
from rebuild_desktop.domain.values import (
    INTENSITY_RANGE,
    MOOD_RANGE,
    TRUST_RANGE,
    AgreementStatus,
    Author,
    Comfort,
    EventKind,
    PacingArea,
    PartnerId,
    Role,
    VaultKind,
)
from rebuild_desktop.services import interchange_fields as f
from rebuild_desktop.services.interchange_fields import Where

FORMAT = "rebuild-desktop"
VERSION = 1

COUPLE_LISTS = ("timeline", "gratitude", "checkins", "hard_moments", "agreements")
R = TypeVar("R")
Reader = Callable[[dict[str, Any], Where, tuple[PartnerId, ...]], R]


def _load(data: bytes) -> Any:
    def no_constants(name: str) -> Any:
        raise ValueError(name)

    try:
        return json.loads(data.decode("utf-8"), parse_constant=no_constants)
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
    ids = _IdRegistry()
    contents = VaultContents(kind=kind, partners=partners)
    allowed = (PartnerId.A,) if kind is VaultKind.JOURNAL else (PartnerId.A, PartnerId.B)
    if kind is VaultKind.COUPLE:
        if _records(document, "journal"):
            raise BadImportFile("That file is a couple space but holds journal entries; "
                                "nothing was imported.")
        contents.timeline = _list(document, "timeline", _timeline, allowed, ids)
        contents.gratitude = _list(document, "gratitude", _gratitude, allowed, ids)
        contents.checkins = _list(document, "checkins", _checkin, allowed, ids)
        contents.hard_moments = _list(document, "hard_moments", _hard_moment, allowed, ids)
        contents.agreements = _list(document, "agreements", _agreement, allowed, ids)
        contents.pacing = _pacing(document.get("pacing"), allowed, ids)
    else:
        if any(_records(document, name) for name in COUPLE_LISTS) or document.get("pacing"):
            raise BadImportFile("That file is a private journal but holds couple records; "
                                "nothing was imported.")
        contents.journal = _list(document, "journal", _journal, allowed, ids)
    return contents


def _records(document: dict[str, Any], name: str) -> bool:
    value = document.get(name)
    return value is not None and value != []


class _IdRegistry:
    """Ids are unique in the whole file, compared without regard to case."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def add(self, record_id: str, label: str, where: Where) -> None:
        earlier = self._seen.get(record_id)
        if earlier is not None:
            raise where.fail("id", f"repeats the id of {earlier}; ids must be unique")
        self._seen[record_id] = label


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
          partners: tuple[PartnerId, ...], ids: _IdRegistry) -> list[R]:
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
        where = Where(label)
        if type(item) is not dict:
            raise where.problem("must be an object")
        record_id = f.record_id(item, where)
        ids.add(record_id, label, where)
        records.append(read(item, where, partners))
    return records


_TIMELINE_KEYS = frozenset({"id", "date", "kind", "author", "title", "text", "trust", "tags",
                            "for_counselor", "origin"})


def _timeline(obj: dict[str, Any], where: Where, partners: tuple[PartnerId, ...]) -> TimelineEvent:
    event = TimelineEvent(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        kind=_req(f.choice(obj, where, "kind", EventKind, required=True)),
        author=_req(f.choice(obj, where, "author", Author, required=True)),
        title=str(f.text(obj, where, "title", required=True)),
        text=f.text(obj, where, "text") or "",
        trust=f.per_partner(obj, where, "trust", partners, f.whole_reader(TRUST_RANGE)),
        tags=f.texts(obj, where, "tags"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), True),
        origin=f.text(obj, where, "origin"),
    )
    event.extra = f.extra(obj, where, _TIMELINE_KEYS)
    return event


_GRATITUDE_KEYS = frozenset({"id", "date", "from", "to", "text", "category", "acknowledged",
                             "reply", "for_counselor"})


def _gratitude(obj: dict[str, Any], where: Where, partners: tuple[PartnerId, ...]) -> Gratitude:
    names = [p.value for p in partners]
    return Gratitude(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        from_partner=_req(f.choice(obj, where, "from", PartnerId, True, names)),
        to_partner=_req(f.choice(obj, where, "to", PartnerId, True, names)),
        text=str(f.text(obj, where, "text", required=True)),
        category=f.text(obj, where, "category"),
        acknowledged=_default(f.flag(obj, where, "acknowledged"), False),
        reply=f.text(obj, where, "reply"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), False),
        extra=f.extra(obj, where, _GRATITUDE_KEYS),
    )


_CHECKIN_KEYS = frozenset({"id", "date", "partner", "mood", "trust", "feel", "went_well", "hard",
                           "request", "for_counselor"})


def _checkin(obj: dict[str, Any], where: Where, partners: tuple[PartnerId, ...]) -> CheckIn:
    return CheckIn(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        partner=_req(f.choice(obj, where, "partner", PartnerId, True, [p.value for p in partners])),
        mood=_req(f.whole(obj, where, "mood", MOOD_RANGE, required=True)),
        trust=_req(f.whole(obj, where, "trust", TRUST_RANGE, required=True)),
        feel=f.text(obj, where, "feel"),
        went_well=f.text(obj, where, "went_well"),
        hard=f.text(obj, where, "hard"),
        request=f.text(obj, where, "request"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), True),
        extra=f.extra(obj, where, _CHECKIN_KEYS),
    )


_HARD_MOMENT_KEYS = frozenset({"id", "date", "partner", "intensity", "trigger", "helped",
                               "for_counselor"})


def _hard_moment(obj: dict[str, Any], where: Where,
                 partners: tuple[PartnerId, ...]) -> HardMoment:
    return HardMoment(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True, with_time=True)),
        partner=_req(f.choice(obj, where, "partner", PartnerId, True, [p.value for p in partners])),
        intensity=_req(f.whole(obj, where, "intensity", INTENSITY_RANGE, required=True)),
        trigger=f.text(obj, where, "trigger"),
        helped=f.text(obj, where, "helped"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), False),
        extra=f.extra(obj, where, _HARD_MOMENT_KEYS),
    )


_AGREEMENT_KEYS = frozenset({"id", "date", "text", "status", "review_on", "consent",
                             "for_counselor"})


def _agreement(obj: dict[str, Any], where: Where, partners: tuple[PartnerId, ...]) -> Agreement:
    return Agreement(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        text=str(f.text(obj, where, "text", required=True)),
        status=_req(f.choice(obj, where, "status", AgreementStatus, required=True)),
        review_on=f.day(obj, where, "review_on"),
        consent=f.per_partner(obj, where, "consent", partners, f.flag_reader()),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), True),
        extra=f.extra(obj, where, _AGREEMENT_KEYS),
    )


_JOURNAL_KEYS = frozenset({"id", "date", "text", "mood", "tags", "title", "for_counselor"})


def _journal(obj: dict[str, Any], where: Where, partners: tuple[PartnerId, ...]) -> JournalEntry:
    return JournalEntry(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        text=str(f.text(obj, where, "text", required=True)),
        mood=f.whole(obj, where, "mood", MOOD_RANGE),
        tags=f.texts(obj, where, "tags"),
        title=f.text(obj, where, "title"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), False),
        extra=f.extra(obj, where, _JOURNAL_KEYS),
    )


_STEP_KEYS = frozenset({"id", "title", "area", "comfort"})


def _pacing(section: Any, partners: tuple[PartnerId, ...], ids: _IdRegistry) -> Pacing | None:
    if section is None:
        return None
    where = Where("The 'pacing' section")
    if type(section) is not dict:
        raise where.problem("must be an object")
    names = [p.value for p in partners]
    pacing = Pacing(
        pace_setter=f.choice(section, where, "pace_setter", PartnerId, allowed=names),
        paused_by=f.choice(section, where, "paused_by", PartnerId, allowed=names),
    )
    raw = section.get("steps")
    if raw is not None and type(raw) is not list:
        raise where.fail("steps", "must be a list")
    for number, item in enumerate(raw or [], start=1):
        label = f"pacing step {number}"
        spot = Where(label)
        if type(item) is not dict:
            raise spot.problem("must be an object")
        ids.add(f.record_id(item, spot), label, spot)
        pacing.steps.append(PacingStep(
            id=str(spot.record_id),
            title=str(f.text(item, spot, "title", required=True)),
            area=_req(f.choice(item, spot, "area", PacingArea, required=True)),
            comfort=f.per_partner(item, spot, "comfort", partners, f.choice_reader(Comfort)),
            extra=f.extra(item, spot, _STEP_KEYS),
        ))
    return pacing


def _req(value: R | None) -> R:
    """A required value the reader has already checked to be present."""
    assert value is not None
    return value


def _default(value: bool | None, default: bool) -> bool:
    return default if value is None else value
