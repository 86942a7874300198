"""Pacing steps (ordered by ``position``) and the pace settings."""

from __future__ import annotations

import json

from rebuild_desktop.domain.records import Pacing, PacingStep
from rebuild_desktop.domain.values import Comfort, PacingArea, PartnerId
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.meta import get_setting, set_setting

_PACE_SETTER = "pacing.pace_setter"
_PAUSED_BY = "pacing.paused_by"


def _comfort(value: str | None) -> Comfort | None:
    return Comfort(value) if value else None


class PacingRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def steps(self) -> list[PacingStep]:
        rows = self._conn.execute(
            "SELECT id, title, area, comfort_a, comfort_b, extra FROM pacing_steps "
            "ORDER BY position, seq"
        ).fetchall()
        steps = []
        for step_id, title, area, comfort_a, comfort_b, extra in rows:
            comfort = {
                partner: level
                for partner, level in ((PartnerId.A, _comfort(comfort_a)),
                                       (PartnerId.B, _comfort(comfort_b)))
                if level is not None
            }
            steps.append(PacingStep(step_id, title, PacingArea(area), comfort, json.loads(extra)))
        return steps

    def exists(self, step_id: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM pacing_steps WHERE id = ?", (step_id.lower(),)
        ).fetchone() is not None

    def add(self, step: PacingStep) -> None:
        """Append ``step`` at the end of the ladder."""
        position = self._conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM pacing_steps"
        ).fetchone()[0]
        self._conn.execute(
            "INSERT INTO pacing_steps (id, position, title, area, comfort_a, comfort_b, extra) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                step.id.lower(),
                position,
                step.title,
                step.area.value,
                _value(step.comfort.get(PartnerId.A)),
                _value(step.comfort.get(PartnerId.B)),
                json.dumps(step.extra, sort_keys=True),
            ),
        )

    def pace_setter(self) -> PartnerId | None:
        value = get_setting(self._conn, _PACE_SETTER)
        return PartnerId(value) if value else None

    def set_pace_setter(self, partner: PartnerId | None) -> None:
        set_setting(self._conn, _PACE_SETTER, partner.value if partner else None)

    def paused_by(self) -> PartnerId | None:
        value = get_setting(self._conn, _PAUSED_BY)
        return PartnerId(value) if value else None

    def set_paused_by(self, partner: PartnerId | None) -> None:
        set_setting(self._conn, _PAUSED_BY, partner.value if partner else None)

    def has_settings(self) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM settings WHERE key = ?", (_PACE_SETTER,)
        ).fetchone() is not None

    def load(self) -> Pacing:
        return Pacing(self.pace_setter(), self.paused_by(), self.steps())


def _value(level: Comfort | None) -> str | None:
    return level.value if level else None
