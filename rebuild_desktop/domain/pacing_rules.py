"""The rules of pacing, free of storage and screens.

The agreed level of a step is the lower of the two partners' marks; a step
nobody marked yet counts as "not yet". The pace-setter has the last word: the
other partner's mark never goes ahead of the pace-setter's, so moving further
is something the other partner can only ask for. A pause by either partner
makes every physical step read "paused" until that same partner resumes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from rebuild_desktop.domain.records import PacingStep
from rebuild_desktop.domain.values import Comfort, PacingArea, PartnerId

PAUSED = "paused"


class Refusal(StrEnum):
    """Why a pacing change cannot happen; the view says each one kindly."""

    NOT_YOUR_MARK = "not_your_mark"
    PACE_SETTER_LEADS = "pace_setter_leads"
    PAUSED = "paused"
    NOT_YOUR_PAUSE = "not_your_pause"
    NOT_PAUSED = "not_paused"
    ALREADY_PAUSED = "already_paused"


@dataclass(frozen=True, slots=True)
class Decision:
    """Whether a change may happen, and if not, why."""

    refusal: Refusal | None = None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


ALLOWED = Decision()


def mark_of(step: PacingStep, partner: PartnerId) -> Comfort:
    """A partner's mark on a step; no mark yet reads as "not yet"."""
    return step.comfort.get(partner, Comfort.NOT_YET)


def agreed_level(step: PacingStep) -> Comfort:
    """The lower of the two marks."""
    return min((mark_of(step, p) for p in PartnerId), key=lambda level: level.rank)


def shown_level(step: PacingStep, paused_by: PartnerId | None) -> Comfort | str:
    """What the ladder shows for a step: ``PAUSED`` for a physical step during a pause."""
    if paused_by is not None and step.area is PacingArea.PHYSICAL:
        return PAUSED
    return agreed_level(step)


def may_mark(
    step: PacingStep,
    actor: PartnerId,
    whose: PartnerId,
    level: Comfort,
    pace_setter: PartnerId | None,
    paused_by: PartnerId | None,
) -> Decision:
    """Whether ``actor`` may set ``whose`` mark on ``step`` to ``level``.

    Lowering one's own mark is always allowed: anyone may slow down.
    """
    if actor is not whose:
        return Decision(Refusal.NOT_YOUR_MARK)
    if level.rank <= mark_of(step, actor).rank:
        return ALLOWED
    if paused_by is not None and step.area is PacingArea.PHYSICAL:
        return Decision(Refusal.PAUSED)
    if pace_setter is not None and actor is not pace_setter:
        if level.rank > mark_of(step, pace_setter).rank:
            return Decision(Refusal.PACE_SETTER_LEADS)
    return ALLOWED


def may_pause(paused_by: PartnerId | None) -> Decision:
    """Either partner may pause at any time, with no reason asked."""
    return ALLOWED if paused_by is None else Decision(Refusal.ALREADY_PAUSED)


def may_resume(actor: PartnerId, paused_by: PartnerId | None) -> Decision:
    """Only the partner who paused can resume."""
    if paused_by is None:
        return Decision(Refusal.NOT_PAUSED)
    return ALLOWED if actor is paused_by else Decision(Refusal.NOT_YOUR_PAUSE)


def other(partner: PartnerId) -> PartnerId:
    return PartnerId.B if partner is PartnerId.A else PartnerId.A
