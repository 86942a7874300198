"""Agreements as a list model: the words, whether they are in force, when to review."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from rebuild_desktop.domain.records import Agreement
from rebuild_desktop.domain.values import AgreementStatus, PartnerId
from rebuild_desktop.views.widgets.card_delegate import CardRole, CardTone, long_date

Index = QModelIndex | QPersistentModelIndex


class AgreementRole(IntEnum):
    ENTRY = Qt.ItemDataRole.UserRole + 1
    STATE = Qt.ItemDataRole.UserRole + 2
    REVIEW_DUE = Qt.ItemDataRole.UserRole + 3


class AgreementsModel(QAbstractListModel):
    """All agreements, newest first (a couple keeps tens, not thousands)."""

    def __init__(self, names: dict[PartnerId, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._names = names
        self._rows: list[Agreement] = []
        self._today = ""

    def load(self, agreements: list[Agreement], today: str,
             names: dict[PartnerId, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(agreements)
        self._today = today
        if names is not None:
            self._names = names
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, bytes]:
        names = dict(super().roleNames())
        names.update({role.value: role.name.lower().encode() for role in AgreementRole})
        return names

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column():
            return None
        agreement = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{agreement.text} — {self.state(agreement)}"
        if role == AgreementRole.ENTRY:
            return agreement
        if role == AgreementRole.STATE:
            return self.state(agreement)
        if role == AgreementRole.REVIEW_DUE:
            return self._due(agreement)
        if role == CardRole.HEADER:
            return self._header(agreement)
        if role == CardRole.BODY:
            return agreement.text
        if role == CardRole.FOOTER:
            return self.state(agreement)
        if role == CardRole.TONE:
            return self.tone(agreement).value
        return None

    def agreement(self, row: int) -> Agreement | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, agreement_id: str) -> int:
        return next((row for row, a in enumerate(self._rows) if a.id == agreement_id), -1)

    def state(self, agreement: Agreement) -> str:
        """In words: in force, awaiting whose consent, to revisit, or retired."""
        if agreement.status is AgreementStatus.RETIRED:
            return self.tr("Retired together")
        if agreement.status is AgreementStatus.REVISIT:
            return self.tr("To talk about again")
        if agreement.in_force:
            return self.tr("In force: both of you said yes")
        waiting = [self._name(p) for p in PartnerId if agreement.consent.get(p) is not True]
        return self.tr("Awaiting consent from {names}").format(
            names=self.tr(" and ").join(waiting))

    @staticmethod
    def tone(agreement: Agreement) -> CardTone:
        """The quiet mark beside the state's words (the words say it on their own)."""
        if agreement.status is AgreementStatus.RETIRED:
            return CardTone.RESTING
        if agreement.status is AgreementStatus.REVISIT:
            return CardTone.REVISIT
        return CardTone.SETTLED if agreement.in_force else CardTone.WAITING

    def _header(self, agreement: Agreement) -> str:
        header = self.tr("Written {date}").format(date=long_date(agreement.date))
        if agreement.review_on and agreement.status is not AgreementStatus.RETIRED:
            if self._due(agreement):
                header += " · " + self.tr("ready to review")
            else:
                header += " · " + self.tr("review on {date}").format(
                    date=long_date(agreement.review_on))
        return header

    def _due(self, agreement: Agreement) -> bool:
        return bool(agreement.review_on and agreement.review_on <= self._today
                    and agreement.status is not AgreementStatus.RETIRED)

    def _name(self, partner: PartnerId) -> str:
        return self._names.get(partner) or partner.value.upper()
