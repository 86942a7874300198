"""One dataclass per record kind of the interchange format.

Each record keeps the keys it did not recognise in ``extra`` so that an
import followed by an export gives them back (SPEC.md: unknown keys are kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rebuild_desktop.domain.values import (
    AgreementStatus,
    Author,
    Comfort,
    EventKind,
    PacingArea,
    PartnerId,
    Role,
    VaultKind,
)

Extra = dict[str, Any]


@dataclass(slots=True)
class Partner:
    id: PartnerId
    name: str = ""
    role: Role | None = None


@dataclass(slots=True)
class TimelineEvent:
    id: str
    date: str
    kind: EventKind
    author: Author
    title: str
    text: str = ""
    trust: dict[PartnerId, int] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    for_counselor: bool = True
    extra: Extra = field(default_factory=dict)
    origin: str | None = None  # "<kind>:<id>" when another feature wrote this event


@dataclass(slots=True)
class Gratitude:
    id: str
    date: str
    from_partner: PartnerId
    to_partner: PartnerId
    text: str
    category: str | None = None
    acknowledged: bool = False
    reply: str | None = None
    for_counselor: bool = False
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class CheckIn:
    id: str
    date: str
    partner: PartnerId
    mood: int
    trust: int
    feel: str | None = None
    went_well: str | None = None
    hard: str | None = None
    request: str | None = None
    for_counselor: bool = True
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class HardMoment:
    id: str
    date: str  # YYYY-MM-DD or a full timestamp with offset
    partner: PartnerId
    intensity: int
    trigger: str | None = None
    helped: str | None = None
    for_counselor: bool = False
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Agreement:
    id: str
    date: str
    text: str
    status: AgreementStatus
    review_on: str | None = None
    consent: dict[PartnerId, bool] = field(default_factory=dict)
    for_counselor: bool = True
    extra: Extra = field(default_factory=dict)

    @property
    def in_force(self) -> bool:
        """Active and consented to by both partners (SPEC.md)."""
        return (
            self.status is AgreementStatus.ACTIVE
            and self.consent.get(PartnerId.A) is True
            and self.consent.get(PartnerId.B) is True
        )


@dataclass(slots=True)
class PacingStep:
    id: str
    title: str
    area: PacingArea
    comfort: dict[PartnerId, Comfort] = field(default_factory=dict)
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class Pacing:
    pace_setter: PartnerId | None = PartnerId.A
    paused_by: PartnerId | None = None
    steps: list[PacingStep] = field(default_factory=list)


@dataclass(slots=True)
class JournalEntry:
    id: str
    date: str
    text: str
    mood: int | None = None
    tags: list[str] = field(default_factory=list)
    title: str | None = None
    for_counselor: bool = False
    extra: Extra = field(default_factory=dict)


@dataclass(slots=True)
class VaultContents:
    """Everything a vault holds, as the interchange file carries it."""

    kind: VaultKind
    partners: list[Partner] = field(default_factory=list)
    timeline: list[TimelineEvent] = field(default_factory=list)
    gratitude: list[Gratitude] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    hard_moments: list[HardMoment] = field(default_factory=list)
    agreements: list[Agreement] = field(default_factory=list)
    pacing: Pacing | None = None
    journal: list[JournalEntry] = field(default_factory=list)
