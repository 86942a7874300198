"""The partners of a vault: ids ``a`` and ``b`` (a journal has only ``a``)."""

from __future__ import annotations

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role
from rebuild_desktop.storage.connection import Connection


class PartnerRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> list[Partner]:
        rows = self._conn.execute("SELECT id, name, role FROM partners ORDER BY id").fetchall()
        return [Partner(PartnerId(i), name, Role(role) if role else None) for i, name, role in rows]

    def get(self, partner: PartnerId) -> Partner | None:
        return next((p for p in self.all() if p.id is partner), None)

    def save(self, partner: Partner) -> None:
        self._conn.execute(
            "INSERT INTO partners (id, name, role) VALUES (?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, role = excluded.role",
            (partner.id.value, partner.name, partner.role.value if partner.role else None),
        )
