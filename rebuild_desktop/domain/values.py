"""The value sets of the interchange format (SPEC.md), one enum each."""

from __future__ import annotations

from enum import StrEnum


class VaultKind(StrEnum):
    COUPLE = "couple"
    JOURNAL = "journal"


class PartnerId(StrEnum):
    A = "a"
    B = "b"


class Author(StrEnum):
    A = "a"
    B = "b"
    BOTH = "both"


class Role(StrEnum):
    HURT = "hurt"
    BROKE_TRUST = "broke_trust"


class EventKind(StrEnum):
    DISCOVERY = "discovery"
    DISCLOSURE = "disclosure"
    MILESTONE = "milestone"
    SETBACK = "setback"
    ACCOUNTABILITY = "accountability"
    AGREEMENT = "agreement"
    CHECKIN = "checkin"
    COUNSELING = "counseling"
    QUALITY_TIME = "quality_time"
    NOTE = "note"


class AgreementStatus(StrEnum):
    ACTIVE = "active"
    REVISIT = "revisit"
    RETIRED = "retired"


class PacingArea(StrEnum):
    EMOTIONAL = "emotional"
    TRUST = "trust"
    PHYSICAL = "physical"


class Comfort(StrEnum):
    """Ordered from least to most comfortable: the agreed level is the lower one."""

    NOT_YET = "not_yet"
    OPEN = "open"
    COMFORTABLE = "comfortable"

    @property
    def rank(self) -> int:
        return _COMFORT_ORDER.index(self)


_COMFORT_ORDER = [Comfort.NOT_YET, Comfort.OPEN, Comfort.COMFORTABLE]

TRUST_RANGE = range(0, 11)
MOOD_RANGE = range(1, 6)
INTENSITY_RANGE = range(0, 11)
