"""Pacing: the ladder of reconnection steps, marks, asks and pauses.

The rules live in ``domain.pacing_rules``; this service applies them, stores
the result and writes a dated timeline milestone for every change of an
agreed level, a pause and a resume. A refused change raises ``PacingRefused``
carrying the reason, which the view says kindly.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.domain import pacing_rules as rules
from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.records import Pacing, PacingStep
from rebuild_desktop.domain.values import Author, Comfort, EventKind, PacingArea, PartnerId
from rebuild_desktop.services.milestones import today, write_milestone
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.meta import get_setting, set_setting
from rebuild_desktop.storage.pacing import PacingRepository
from rebuild_desktop.storage.together import LadderEdits

_DEFAULT_IDS = frozenset(s.id for s in default_pacing_steps())
PAUSE_ON_HARD_MOMENT = "pacing.pause_on_hard_moment"
_ASKS = "pacing.asks"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Pacing", text)


def level_words() -> dict[Comfort | str, str]:
    return {
        Comfort.NOT_YET: _tr("Not yet"),
        Comfort.OPEN: _tr("Open to talking"),
        Comfort.COMFORTABLE: _tr("Comfortable"),
        rules.PAUSED: _tr("Paused"),
    }


class PacingRefused(Exception):
    """A change the rules do not allow; ``refusal`` says why."""

    def __init__(self, refusal: rules.Refusal) -> None:
        super().__init__(refusal.value)
        self.refusal = refusal


@dataclass(frozen=True, slots=True)
class Ask:
    """The non-pace-setter would like to talk about moving a step forward."""

    step_id: str
    partner: PartnerId
    date: str


class PacingService:
    """Read and change the ladder through the pacing rules."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = PacingRepository(conn)
        self._edits = LadderEdits(conn)

    def load(self) -> Pacing:
        return self._repo.load()

    # Marks --------------------------------------------------------------------

    def mark(self, actor: PartnerId, step_id: str, level: Comfort) -> PacingStep:
        """Set ``actor``'s own mark on a step.

        Raises:
            PacingRefused: the rules say no (e.g. the pace-setter leads).
        """
        with transaction(self._conn):
            pacing = self._repo.load()
            step = _find(pacing, step_id)
            decision = rules.may_mark(step, actor, actor, level, pacing.pace_setter,
                                      pacing.paused_by)
            if not decision.allowed:
                assert decision.refusal is not None
                raise PacingRefused(decision.refusal)
            before = rules.agreed_level(step)
            step.comfort[actor] = level
            self._edits.set_mark(step.id, actor, level)
            after = rules.agreed_level(step)
            if after is not before:
                words = level_words()
                write_milestone(
                    self._conn, kind=EventKind.MILESTONE, author=Author(actor.value),
                    title=_tr("Pacing: {step} is now “{level}”").format(
                        step=step.title, level=words[after]),
                    origin=f"pacing:{step.id}")
            if actor is pacing.pace_setter:
                self._drop_asks(step.id)
        return step

    def ask(self, actor: PartnerId, step_id: str) -> Ask:
        """Record a gentle wish to talk about a step; nothing changes for anyone."""
        with transaction(self._conn):
            _find(self._repo.load(), step_id)
            asks = [a for a in self.asks()
                    if not (a.step_id == step_id.lower() and a.partner is actor)]
            asks.append(Ask(step_id.lower(), actor, today()))
            self._save_asks(asks)
        return asks[-1]

    def asks(self) -> list[Ask]:
        return [Ask(a["step"], PartnerId(a["partner"]), a["date"])
                for a in get_setting(self._conn, _ASKS, [])]

    # Pause --------------------------------------------------------------------

    def pause(self, actor: PartnerId) -> None:
        """Pause every physical step until ``actor`` resumes; no reason asked."""
        with transaction(self._conn):
            paused_by = self._repo.paused_by()
            decision = rules.may_pause(paused_by)
            if not decision.allowed:
                assert decision.refusal is not None
                raise PacingRefused(decision.refusal)
            self._repo.set_paused_by(actor)
            write_milestone(self._conn, kind=EventKind.MILESTONE, author=Author(actor.value),
                            title=_tr("Pacing paused"), origin="pacing:pause")

    def resume(self, actor: PartnerId) -> None:
        """Resume; only the partner who paused can."""
        with transaction(self._conn):
            decision = rules.may_resume(actor, self._repo.paused_by())
            if not decision.allowed:
                assert decision.refusal is not None
                raise PacingRefused(decision.refusal)
            self._repo.set_paused_by(None)
            write_milestone(self._conn, kind=EventKind.MILESTONE, author=Author(actor.value),
                            title=_tr("Pacing resumed"), origin="pacing:pause")

    def pause_for_hard_moment(self, partner: PartnerId) -> bool:
        """Pause because ``partner`` recorded a hard moment, when the couple chose that.

        The hard-moments feature calls this after saving a hard moment. It
        does nothing when the setting is off or pacing is already paused.

        Returns:
            Whether pacing was paused now.
        """
        if not get_setting(self._conn, PAUSE_ON_HARD_MOMENT, False):
            return False
        if self._repo.paused_by() is not None:
            return False
        self.pause(partner)
        return True

    # The ladder ---------------------------------------------------------------

    def add_step(self, title: str, area: PacingArea) -> PacingStep:
        if not title.strip():
            raise ValueError("empty step")
        step = PacingStep(str(uuid.uuid4()), title.strip(), area)
        with transaction(self._conn):
            self._repo.add(step)
            write_milestone(self._conn, kind=EventKind.MILESTONE, author=Author.BOTH,
                            title=_tr("Pacing: a new step, “{step}”").format(step=step.title),
                            origin=f"pacing:{step.id}")
        return step

    def rename(self, step_id: str, title: str) -> None:
        if not title.strip():
            raise ValueError("empty step")
        with transaction(self._conn):
            _find(self._repo.load(), step_id)
            self._edits.rename(step_id, title.strip())

    def move(self, step_id: str, delta: int) -> None:
        """Move a step ``delta`` places up (negative) or down the ladder."""
        with transaction(self._conn):
            ids = [s.id for s in self._repo.steps()]
            index = ids.index(step_id.lower())
            target = max(0, min(len(ids) - 1, index + delta))
            ids.insert(target, ids.pop(index))
            self._edits.reorder(ids)

    def remove(self, step_id: str) -> None:
        """Remove a step the couple added; the default steps stay (they may be renamed)."""
        if is_default_step(step_id):
            raise ValueError("default steps stay")
        with transaction(self._conn):
            step = _find(self._repo.load(), step_id)
            self._edits.remove(step_id)
            self._drop_asks(step_id)
            write_milestone(self._conn, kind=EventKind.MILESTONE, author=Author.BOTH,
                            title=_tr("Pacing: “{step}” taken off the ladder").format(
                                step=step.title),
                            origin=f"pacing:{step.id}")

    def _drop_asks(self, step_id: str) -> None:
        asks = self.asks()
        kept = [a for a in asks if a.step_id != step_id.lower()]
        if len(kept) != len(asks):
            self._save_asks(kept)

    def _save_asks(self, asks: list[Ask]) -> None:
        set_setting(self._conn, _ASKS, [
            {"step": a.step_id.lower(), "partner": a.partner.value, "date": a.date}
            for a in asks])


def is_default_step(step_id: str) -> bool:
    return step_id.lower() in _DEFAULT_IDS


def _find(pacing: Pacing, step_id: str) -> PacingStep:
    step = next((s for s in pacing.steps if s.id == step_id.lower()), None)
    if step is None:
        raise LookupError("no such step")
    return step
