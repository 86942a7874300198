"""One repository per record kind: the columns and conversions of each."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from rebuild_desktop.domain.records import (
    Agreement,
    CheckIn,
    Gratitude,
    HardMoment,
    JournalEntry,
    TimelineEvent,
)
from rebuild_desktop.domain.values import AgreementStatus, Author, EventKind, PartnerId
from rebuild_desktop.storage.repository import (
    RecordRepository,
    common,
    dump_extra,
    dump_texts,
)

_A, _B = PartnerId.A, PartnerId.B


def _pair(a: Any, b: Any) -> dict[PartnerId, Any]:
    return {p: v for p, v in ((PartnerId.A, a), (PartnerId.B, b)) if v is not None}


def _bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


class TimelineRepository(RecordRepository[TimelineEvent]):
    table = "timeline"
    columns = ("kind", "author", "title", "text", "trust_a", "trust_b", "tags", "origin")

    def to_row(self, record: TimelineEvent) -> dict[str, Any]:
        # str() of a StrEnum member is its value, read without the ``.value``
        # property: an import turns 100,000 events into rows.
        trust = record.trust
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "kind": str(record.kind),
            "author": str(record.author), "title": record.title, "text": record.text or "",
            "trust_a": trust.get(_A) if trust else None,
            "trust_b": trust.get(_B) if trust else None,
            "tags": dump_texts(record.tags), "origin": record.origin,
        }

    def from_row(self, row: Sequence[Any]) -> TimelineEvent:
        record_id, date, for_counselor, extra = common(row)
        kind, author, title, text, trust_a, trust_b, tags, origin = row[4:]
        return TimelineEvent(
            record_id, date, EventKind(kind), Author(author), title, text,
            _pair(trust_a, trust_b), json.loads(tags), for_counselor, extra, origin,
        )


class GratitudeRepository(RecordRepository[Gratitude]):
    table = "gratitude"
    columns = ("from_partner", "to_partner", "text", "category", "acknowledged", "reply")

    def to_row(self, record: Gratitude) -> dict[str, Any]:
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "from_partner": record.from_partner.value,
            "to_partner": record.to_partner.value, "text": record.text,
            "category": record.category, "acknowledged": int(record.acknowledged),
            "reply": record.reply,
        }

    def from_row(self, row: Sequence[Any]) -> Gratitude:
        record_id, date, for_counselor, extra = common(row)
        from_partner, to_partner, text, category, acknowledged, reply = row[4:]
        return Gratitude(
            record_id, date, PartnerId(from_partner), PartnerId(to_partner), text, category,
            bool(acknowledged), reply, for_counselor, extra,
        )


class CheckInRepository(RecordRepository[CheckIn]):
    table = "checkins"
    columns = ("partner", "mood", "trust", "feel", "went_well", "hard", "request")

    def to_row(self, record: CheckIn) -> dict[str, Any]:
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "partner": record.partner.value, "mood": record.mood,
            "trust": record.trust, "feel": record.feel, "went_well": record.went_well,
            "hard": record.hard, "request": record.request,
        }

    def from_row(self, row: Sequence[Any]) -> CheckIn:
        record_id, date, for_counselor, extra = common(row)
        partner, mood, trust, feel, went_well, hard, request = row[4:]
        return CheckIn(
            record_id, date, PartnerId(partner), mood, trust, feel, went_well, hard, request,
            for_counselor, extra,
        )


class HardMomentRepository(RecordRepository[HardMoment]):
    table = "hard_moments"
    columns = ("partner", "intensity", "trigger", "helped")

    def to_row(self, record: HardMoment) -> dict[str, Any]:
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "partner": record.partner.value,
            "intensity": record.intensity, "trigger": record.trigger, "helped": record.helped,
        }

    def from_row(self, row: Sequence[Any]) -> HardMoment:
        record_id, date, for_counselor, extra = common(row)
        partner, intensity, trigger, helped = row[4:]
        return HardMoment(
            record_id, date, PartnerId(partner), intensity, trigger, helped, for_counselor, extra
        )


class AgreementRepository(RecordRepository[Agreement]):
    table = "agreements"
    columns = ("text", "status", "review_on", "consent_a", "consent_b")

    def to_row(self, record: Agreement) -> dict[str, Any]:
        consent_a, consent_b = record.consent.get(PartnerId.A), record.consent.get(PartnerId.B)
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "text": record.text, "status": record.status.value,
            "review_on": record.review_on,
            "consent_a": None if consent_a is None else int(consent_a),
            "consent_b": None if consent_b is None else int(consent_b),
        }

    def from_row(self, row: Sequence[Any]) -> Agreement:
        record_id, date, for_counselor, extra = common(row)
        text, status, review_on, consent_a, consent_b = row[4:]
        return Agreement(
            record_id, date, text, AgreementStatus(status), review_on,
            _pair(_bool_or_none(consent_a), _bool_or_none(consent_b)), for_counselor, extra,
        )


class JournalRepository(RecordRepository[JournalEntry]):
    table = "journal"
    columns = ("text", "mood", "tags", "title")

    def to_row(self, record: JournalEntry) -> dict[str, Any]:
        return {
            "id": record.id, "date": record.date, "for_counselor": record.for_counselor,
            "extra": dump_extra(record.extra), "text": record.text, "mood": record.mood,
            "tags": dump_texts(record.tags), "title": record.title,
        }

    def from_row(self, row: Sequence[Any]) -> JournalEntry:
        record_id, date, for_counselor, extra = common(row)
        text, mood, tags, title = row[4:]
        return JournalEntry(
            record_id, date, text, mood, json.loads(tags), title, for_counselor, extra
        )
