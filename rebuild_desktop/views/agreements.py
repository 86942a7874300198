"""Agreements and boundaries: chosen together, in force only when both say yes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QListView,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.records import Agreement
from rebuild_desktop.domain.values import AgreementStatus, PartnerId
from rebuild_desktop.services import drafts
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.drafts import DraftKeeper
from rebuild_desktop.services.milestones import today
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.views.agreement_history import history_text
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.models.agreements_model import AgreementsModel
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.widgets.card_delegate import CardDelegate
from rebuild_desktop.views.widgets.draft_saver import DraftSaver
from rebuild_desktop.views.widgets.optional_date import optional_date
from rebuild_desktop.views.widgets.page_parts import (
    GRID,
    button,
    card,
    label,
    named,
    page_layout,
    show_message,
)


class AgreementsPage(QWidget):
    """The list on the left; proposing and the selected agreement on the right."""

    def __init__(self, context: SectionContext) -> None:
        super().__init__()
        self._context = context
        self._service = AgreementService(context.vault.db)
        self._names = self._load_names()
        self._updating = False
        layout = page_layout(self, self.tr("Agreements and boundaries"), self.tr(
            "Agreements are chosen together, never set by one of you for the other. Each one "
            "counts only when both of you have said yes, and either of you can ask to talk "
            "about it again."))
        self._model = AgreementsModel(self._names, self)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_list())
        splitter.addWidget(self._build_side())
        splitter.setStretchFactor(0, 1)
        splitter.setSizes([600, 400])
        layout.addWidget(splitter, 1)
        context.changes.changed.connect(self._on_changed)
        self._drafts = DraftSaver(DraftKeeper(context.vault.db, drafts.AGREEMENT),
                                  self._draft_fields, lambda: context.vault.is_open, self)
        self._drafts.restore(self._apply_draft)
        self._text.textChanged.connect(self._drafts.touch)
        self._reload()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        self._drafts.flush()
        super().hideEvent(event)

    def _draft_fields(self) -> dict[str, str]:
        return {"text": self._text.toPlainText(), "by": str(self._proposer.currentData())}

    def _apply_draft(self, draft: dict[str, object]) -> None:
        self._text.setPlainText(str(draft.get("text") or ""))
        index = self._proposer.findData(draft.get("by"))
        if index >= 0:
            self._proposer.setCurrentIndex(index)

    # Layout -------------------------------------------------------------------

    def _build_list(self) -> QWidget:
        self._list = QListView()
        named(self._list, self.tr("Agreements"))
        self._list.setModel(self._model)
        self._list.setItemDelegate(CardDelegate(self._list))
        self._list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self._list.setResizeMode(QListView.ResizeMode.Adjust)
        self._list.selectionModel().currentChanged.connect(lambda *_: self._show_selected())
        self._empty = label(self.tr(
            "No agreements yet. Write one you would both like to keep, in your own words."),
            "note")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        # Wide enough for a card to be read, even beside the composer in a small window.
        self._stack.setMinimumWidth(24 * GRID)
        self._stack.addWidget(self._list)
        self._stack.addWidget(self._empty)
        return self._stack

    def _build_side(self) -> QWidget:
        side = QWidget()
        box = QVBoxLayout(side)
        box.setContentsMargins(0, 0, GRID, 0)
        box.setSpacing(2 * GRID)
        box.addWidget(self._build_composer())
        box.addWidget(self._build_detail())
        box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(side)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setMinimumWidth(38 * GRID)
        return scroll

    def _build_composer(self) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("A new agreement"), "subheading"))
        self._text = QPlainTextEdit()
        self._text.setPlaceholderText(self.tr("For example: we tell each other when plans "
                                              "change, as soon as we know."))
        self._text.setTabChangesFocus(True)
        self._text.setFixedHeight(10 * GRID)
        named(self._text, self.tr("Words of the new agreement"))
        box.addWidget(self._text)
        form = QFormLayout()
        form.setSpacing(GRID)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above when narrow
        self._proposer = QComboBox()
        named(self._proposer, self.tr("Who is writing it"))
        for partner in PartnerId:
            self._proposer.addItem(self._name(partner), partner.value)
        form.addRow(self.tr("Written by"), self._proposer)
        self._new_review = optional_date(self.tr("Review date for the new agreement"))
        form.addRow(self.tr("Review on"), self._new_review)
        box.addLayout(form)
        box.addWidget(label(self.tr(
            "The writer's yes is counted now; the other partner's yes is theirs to give."),
            "note"))
        self._message = label("", "message")
        self._message.hide()
        box.addWidget(self._message)
        self._propose = button(self.tr("Propose agreement"), self.tr("Propose agreement"),
                               primary=True)
        self._propose.clicked.connect(self._write)
        box.addWidget(self._propose, 0, Qt.AlignmentFlag.AlignRight)
        return frame

    def _build_detail(self) -> QWidget:
        self._detail, box = card()
        box.addWidget(label(self.tr("The selected agreement"), "subheading"))
        self._detail_text = label("")
        box.addWidget(self._detail_text)
        self._consent: dict[PartnerId, QCheckBox] = {}
        for partner in PartnerId:
            check = QCheckBox()
            named(check, self.tr("{name} says yes").format(name=self._name(partner)))
            check.toggled.connect(lambda on, p=partner: self._set_consent(p, on))
            self._consent[partner] = check
            box.addWidget(check)
        form = QFormLayout()
        form.setSpacing(GRID)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # labels above when narrow
        self._status = QComboBox()
        named(self._status, self.tr("Status"))
        for status, words in ((AgreementStatus.ACTIVE, self.tr("Active")),
                              (AgreementStatus.REVISIT, self.tr("To talk about again")),
                              (AgreementStatus.RETIRED, self.tr("Retired together"))):
            self._status.addItem(words, status.value)
        self._status.currentIndexChanged.connect(self._set_status)
        form.addRow(self.tr("Status"), self._status)
        self._review = optional_date(self.tr("Review date"))
        self._review.changed.connect(self._set_review)
        form.addRow(self.tr("Review on"), self._review)
        box.addLayout(form)
        box.addSpacing(GRID)
        box.addWidget(label(self.tr("What changed"), "subheading"))
        self._history = label("", "note")
        self._history.setAccessibleName(self.tr("What changed"))
        box.addWidget(self._history)
        return self._detail

    # Behaviour ----------------------------------------------------------------

    def _load_names(self) -> dict[PartnerId, str]:
        return {p.id: p.name for p in SettingsService(self._context.vault.db).partners()}

    def _name(self, partner: PartnerId) -> str:
        return self._names.get(partner) or partner.value.upper()

    def _selected(self) -> Agreement | None:
        return self._model.agreement(self._list.currentIndex().row())

    def _reload(self, select: str | None = None) -> None:
        current = select or (self._selected().id if self._selected() else None)
        self._model.load(self._service.all(), today(), self._names)
        self._stack.setCurrentWidget(self._list if self._model.rowCount() else self._empty)
        row = self._model.row_of(current) if current else -1
        if row < 0 and self._model.rowCount():
            row = 0
        if row >= 0:
            self._list.selectionModel().setCurrentIndex(
                self._model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_selected()

    def _show_selected(self) -> None:
        agreement = self._selected()
        self._detail.setVisible(agreement is not None)
        if agreement is None:
            return
        self._updating = True
        self._detail_text.setText(agreement.text)
        for partner, check in self._consent.items():
            check.setText(self.tr("{name} says yes").format(name=self._name(partner)))
            check.setChecked(agreement.consent.get(partner) is True)
        self._status.setCurrentIndex(self._status.findData(agreement.status.value))
        self._review.set_value(agreement.review_on)
        self._history.setText(history_text(self._service.history(agreement.id), self._name))
        self._updating = False

    def _write(self) -> None:
        text = self._text.toPlainText()
        if not text.strip():
            show_message(self._message, self.tr("Write the agreement in a few words first."))
            self._text.setFocus()
            return
        try:
            agreement = self._service.write(text, by=PartnerId(self._proposer.currentData()),
                                            review_on=self._new_review.value())
        except KnownError as error:
            show_message(self._message, describe(error))
            return
        self._text.clear()
        self._drafts.cancel()
        self._new_review.set_value(None)
        show_message(self._message, "")
        self._reload(select=agreement.id)
        self._context.notify(self.tr("Proposed. It counts once both of you have said yes."))
        self._context.changes.changed.emit("agreements")

    def _apply(self, change: Callable[[Agreement], Agreement]) -> None:
        agreement = self._selected()
        if self._updating or agreement is None:
            return
        try:
            updated = change(agreement)
        except KnownError as error:
            self._context.notify(describe(error))
            self._show_selected()
            return
        became = updated.in_force and not agreement.in_force
        self._reload(select=updated.id)
        if became:
            self._context.notify(self.tr("Both of you said yes: this agreement is now in force."))
        self._context.changes.changed.emit("agreements")
        self._context.changes.changed.emit("timeline")

    def _set_consent(self, partner: PartnerId, on: bool) -> None:
        self._apply(lambda a: self._service.set_consent(a.id, partner, on))

    def _set_status(self) -> None:
        status = AgreementStatus(self._status.currentData())
        self._apply(lambda a: self._service.set_status(a.id, status))

    def _set_review(self) -> None:
        self._apply(lambda a: self._service.set_review(a.id, self._review.value()))

    def _on_changed(self, kind: str) -> None:
        if kind in ("partners", "settings"):
            self._names = self._load_names()
        if kind in ("agreements", "partners", "settings"):
            self._reload()


SECTION = Section(
    key="agreements",
    title=lambda: QCoreApplication.translate("Sections", "Agreements"),
    icon="agreements.svg",
    kinds=COUPLE,
    build=AgreementsPage,
)
