"""One reader per record kind of the interchange file (SPEC.md, version 1).

Each reader checks a record's fields in turn with ``interchange_fields`` and
builds the domain record; unknown keys are kept in ``extra``.
"""

from __future__ import annotations

from typing import Any, TypeVar

from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    HardMoment,
    JournalEntry,
    Pacing,
    PacingStep,
    TimelineEvent,
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
)
from rebuild_desktop.services import interchange_fields as f
from rebuild_desktop.services.interchange_fields import Where

R = TypeVar("R")
Partners = tuple[PartnerId, ...]  # the partner ids a file may use


class IdRegistry:
    """Ids are unique in the whole file, compared without regard to case."""

    def __init__(self) -> None:
        self._seen: dict[str, str] = {}

    def __contains__(self, record_id: str) -> bool:
        return record_id in self._seen

    def add(self, record_id: str, label: str, where: Where) -> None:
        earlier = self._seen.get(record_id)
        if earlier is not None:
            raise where.fail("id", f"repeats the id of {earlier}; ids must be unique")
        self._seen[record_id] = label

    def add_new(self, record_id: str, label: str) -> None:
        """``add`` for an id the caller has just found not ``in`` the registry."""
        self._seen[record_id] = label


TIMELINE_KEYS = frozenset({"id", "date", "kind", "author", "title", "text", "trust", "tags",
                            "for_counselor", "origin"})


def read_timeline(obj: dict[str, Any], where: Where, partners: Partners) -> TimelineEvent:
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
    event.extra = f.extra(obj, where, TIMELINE_KEYS)
    return event


_GRATITUDE_KEYS = frozenset({"id", "date", "from", "to", "text", "category", "acknowledged",
                             "reply", "for_counselor"})


def read_gratitude(obj: dict[str, Any], where: Where, partners: Partners) -> Gratitude:
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


def read_checkin(obj: dict[str, Any], where: Where, partners: Partners) -> CheckIn:
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


def read_hard_moment(obj: dict[str, Any], where: Where,
                 partners: Partners) -> HardMoment:
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


def read_agreement(obj: dict[str, Any], where: Where, partners: Partners) -> Agreement:
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


JOURNAL_KEYS = frozenset({"id", "date", "text", "mood", "tags", "title", "for_counselor"})


def read_journal(obj: dict[str, Any], where: Where, partners: Partners) -> JournalEntry:
    return JournalEntry(
        id=str(where.record_id),
        date=str(f.day(obj, where, "date", required=True)),
        text=str(f.text(obj, where, "text", required=True)),
        mood=f.whole(obj, where, "mood", MOOD_RANGE),
        tags=f.texts(obj, where, "tags"),
        title=f.text(obj, where, "title"),
        for_counselor=_default(f.flag(obj, where, "for_counselor"), False),
        extra=f.extra(obj, where, JOURNAL_KEYS),
    )


_STEP_KEYS = frozenset({"id", "title", "area", "comfort"})


def read_pacing(section: Any, partners: Partners, ids: IdRegistry) -> Pacing | None:
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
