"""Agreements and boundaries the couple chose together.

An agreement counts only when it is active and both partners consented
(``Agreement.in_force``). Every consent, status and review-date change is
kept in ``agreement_changes``; the timeline gets a row when an agreement comes
into force, stops being in force, or changes status.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from rebuild_desktop.domain.records import Agreement
from rebuild_desktop.domain.values import AgreementStatus, Author, EventKind, PartnerId
from rebuild_desktop.services import drafts
from rebuild_desktop.services.milestones import now, today, write_milestone
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.drafts import DraftRepository
from rebuild_desktop.storage.records import AgreementRepository
from rebuild_desktop.storage.together import AgreementChanges


def _tr(text: str) -> str:
    return QCoreApplication.translate("Agreements", text)


@dataclass(frozen=True, slots=True)
class Change:
    """One kept change of an agreement."""

    changed_at: str
    what: str  # "written", "consent", "status" or "review_on"
    partner: PartnerId | None
    value: object


class AgreementService:
    """Write agreements, give or withdraw consent, change status and review dates."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = AgreementRepository(conn)
        self._changes = AgreementChanges(conn)

    def all(self) -> list[Agreement]:
        """Newest first."""
        return list(reversed(self._repo.all()))

    def write(self, text: str, *, by: PartnerId, review_on: str | None = None,
              date: str | None = None) -> Agreement:
        """Propose an agreement; the writer's consent is given, the other's awaited.

        Raises:
            ValueError: the text is empty.
        """
        if not text.strip():
            raise ValueError("empty agreement")
        agreement = Agreement(str(uuid.uuid4()), date or today(), text.strip(),
                              AgreementStatus.ACTIVE, review_on or None, {by: True})
        with transaction(self._conn):
            self._repo.add(agreement)
            self._changes.add(agreement.id, now(), {"what": "written", "partner": by.value})
            DraftRepository(self._conn).discard(drafts.AGREEMENT)
        return agreement

    def set_consent(self, agreement_id: str, partner: PartnerId, consent: bool) -> Agreement:
        with transaction(self._conn):
            agreement = self._get(agreement_id)
            was_in_force = agreement.in_force
            agreement.consent[partner] = consent
            self._repo.update(agreement)
            self._changes.add(agreement.id, now(),
                              {"what": "consent", "partner": partner.value, "value": consent})
            self._note_force(agreement, was_in_force, Author(partner.value))
        return agreement

    def set_status(self, agreement_id: str, status: AgreementStatus,
                   by: Author = Author.BOTH) -> Agreement:
        with transaction(self._conn):
            agreement = self._get(agreement_id)
            if agreement.status is status:
                return agreement
            was_in_force = agreement.in_force
            agreement.status = status
            self._repo.update(agreement)
            self._changes.add(agreement.id, now(), {"what": "status", "value": status.value})
            titles = {
                AgreementStatus.ACTIVE: _tr("Agreement taken up again"),
                AgreementStatus.REVISIT: _tr("Agreement set aside to talk about again"),
                AgreementStatus.RETIRED: _tr("Agreement retired together"),
            }
            if agreement.in_force and not was_in_force:
                titles[status] = _tr("Agreement now in force")
            write_milestone(self._conn, kind=EventKind.AGREEMENT, author=by,
                            title=titles[status], text=agreement.text,
                            origin=f"agreement:{agreement.id}")
        return agreement

    def set_review(self, agreement_id: str, review_on: str | None) -> Agreement:
        with transaction(self._conn):
            agreement = self._get(agreement_id)
            agreement.review_on = review_on or None
            self._repo.update(agreement)
            self._changes.add(agreement.id, now(), {"what": "review_on", "value": review_on})
        return agreement

    def due_for_review(self, on: str) -> list[Agreement]:
        """Agreements not retired whose review date is on or before ``on``."""
        return [a for a in self.all() if a.review_on and a.review_on <= on
                and a.status is not AgreementStatus.RETIRED]

    def history(self, agreement_id: str) -> list[Change]:
        changes = []
        for at, change in self._changes.of(agreement_id):
            partner = change.get("partner")
            changes.append(Change(at, change["what"], PartnerId(partner) if partner else None,
                                  change.get("value")))
        return changes

    def _note_force(self, agreement: Agreement, was_in_force: bool, by: Author) -> None:
        if agreement.in_force == was_in_force:
            return
        title = (_tr("Agreement now in force") if agreement.in_force
                 else _tr("Agreement awaiting consent again"))
        author = Author.BOTH if agreement.in_force else by
        write_milestone(self._conn, kind=EventKind.AGREEMENT, author=author, title=title,
                        text=agreement.text, origin=f"agreement:{agreement.id}")

    def _get(self, agreement_id: str) -> Agreement:
        agreement = self._repo.get(agreement_id)
        if agreement is None:
            raise LookupError("no such agreement")
        return agreement
