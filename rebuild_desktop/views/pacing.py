"""Pacing: the ladder of small steps, each partner's marks, and the pause.

Whoever is at the computer says so first ("Who is here"); every change is
made as that partner. The rules (lower mark wins, the pace-setter leads, a
pause covers every physical step) live in ``domain.pacing_rules``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QWidget,
)

from rebuild_desktop.domain import pacing_rules as rules
from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.values import Comfort, PartnerId
from rebuild_desktop.services.pacing import PacingRefused, PacingService, level_words
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.models.pacing_model import (
    STEP,
    PacingModel,
)
from rebuild_desktop.views.pacing_ladder import LadderEditor
from rebuild_desktop.views.pacing_refusals import refusal_text
from rebuild_desktop.views.pacing_table import ladder_table
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.widgets.page_parts import (
    GRID,
    button,
    card,
    label,
    named,
    page_layout,
    show_message,
)

_LEVELS = (Comfort.NOT_YET, Comfort.OPEN, Comfort.COMFORTABLE)


class PacingPage(QWidget):
    """Who is here, the pause, the ladder, and this partner's mark for the selected step."""

    def __init__(self, context: SectionContext) -> None:
        super().__init__()
        self._context = context
        self._service = PacingService(context.vault.db)
        self._names = self._load_names()
        self._emitting = False
        layout = page_layout(self, self.tr("Pacing"), self.tr(
            "Small steps back toward each other, from talking to touch. Each of you marks "
            "your own comfort; together you go only as far as the gentler mark. Either of "
            "you can pause at any time, and no reason is needed."))
        layout.addLayout(self._build_top())
        self._pause_note = label("", "message")
        self._pause_note.hide()
        layout.addWidget(self._pause_note)
        self._asks_note = label("", "note")
        self._asks_note.hide()
        layout.addWidget(self._asks_note)
        self._model = PacingModel(self._names, self)
        self._table = ladder_table(self._model)
        self._table.selectionModel().currentRowChanged.connect(lambda *_: self._show_mark())
        layout.addWidget(self._table, 1)
        layout.addWidget(self._build_mark())
        self._ladder = LadderEditor(self._service, self._selected_id, self._after_ladder_edit)
        layout.addWidget(self._ladder)
        context.changes.changed.connect(self._on_changed)
        self._reload()

    # Layout -------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(GRID)
        who = QLabel(self.tr("Who is here:"))
        row.addWidget(who)
        self._who = QButtonGroup(self)
        for partner in PartnerId:
            radio = QRadioButton(self._name(partner))
            named(radio, self.tr("{name} is here").format(name=self._name(partner)))
            self._who.addButton(radio)
            radio.setProperty("partner", partner.value)
            row.addWidget(radio)
        self._who.buttons()[0].setChecked(True)
        self._who.buttonToggled.connect(lambda *_: self._refresh())
        row.addStretch(1)
        self._pause = button(self.tr("Pause pacing"), self.tr("Pause pacing"), primary=True)
        self._pause.clicked.connect(self._toggle_pause)
        row.addWidget(self._pause)
        return row

    def _build_mark(self) -> QWidget:
        frame, box = card()
        self._mark_title = label("", "subheading")
        box.addWidget(self._mark_title)
        row = QHBoxLayout()
        row.setSpacing(2 * GRID)
        self._levels = QButtonGroup(self)
        self._levels.setExclusive(True)
        for level in _LEVELS:
            radio = QRadioButton(level_words()[level])
            radio.setProperty("level", level.value)
            named(radio, self.tr("My mark: {level}").format(level=level_words()[level]))
            self._levels.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
        self._levels.buttonClicked.connect(self._mark)
        box.addLayout(row)
        answer = QHBoxLayout()
        self._message = label("", "message")
        self._message.hide()
        answer.addWidget(self._message, 1)
        self._ask = button(self.tr("Let the pace-setter know"),
                           self.tr("Let the pace-setter know you would like to talk"))
        self._ask.hide()
        self._ask.clicked.connect(self._send_ask)
        answer.addWidget(self._ask, 0, Qt.AlignmentFlag.AlignVCenter)
        box.addLayout(answer)
        return frame

    # State --------------------------------------------------------------------

    def _load_names(self) -> dict[PartnerId, str]:
        return {p.id: p.name for p in SettingsService(self._context.vault.db).partners()}

    def _name(self, partner: PartnerId | None) -> str:
        if partner is None:
            return ""
        return self._names.get(partner) or partner.value.upper()

    def here(self) -> PartnerId:
        checked = self._who.checkedButton()
        return PartnerId(checked.property("partner")) if checked else PartnerId.A

    def set_here(self, partner: PartnerId) -> None:
        for radio in self._who.buttons():
            if radio.property("partner") == partner.value:
                radio.setChecked(True)

    def _selected_id(self) -> str | None:
        step = self._model.step(self._table.currentIndex().row())
        return step.id if step else None

    def _reload(self, select: str | None = None) -> None:
        current = select or self._selected_id()
        self._model.load(self._service.load(), self._names)
        self._table.fit()
        row = self._model.row_of(current) if current else -1
        if row < 0 and self._model.rowCount():
            row = 0
        if row >= 0:
            self._table.selectionModel().setCurrentIndex(
                self._model.index(row, STEP),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        self._refresh()

    def _refresh(self) -> None:
        pacing = self._model.pacing
        paused_by = pacing.paused_by
        if paused_by is None:
            self._pause.setText(self.tr("Pause pacing"))
            self._pause.setAccessibleName(self.tr("Pause pacing"))
            show_message(self._pause_note, "")
        else:
            self._pause.setText(self.tr("Resume pacing"))
            self._pause.setAccessibleName(self.tr("Resume pacing"))
            show_message(self._pause_note, self.tr(
                "{name} paused pacing. Physical steps rest until {name} is ready to resume; "
                "no reason is needed.").format(name=self._name(paused_by)))
        asks = [a for a in self._service.asks() if self.here() is pacing.pace_setter]
        steps = {s.id: s.title for s in pacing.steps}
        show_message(self._asks_note, "\n".join(
            self.tr("{name} would like to talk about “{step}” when you are ready.").format(
                name=self._name(a.partner), step=steps.get(a.step_id, "")) for a in asks))
        self._show_mark()

    def _show_mark(self) -> None:
        step = self._model.step(self._table.currentIndex().row())
        self._ask.hide()
        show_message(self._message, "")
        if step is None:
            self._mark_title.setText(self.tr("Choose a step to mark how you feel about it."))
            for radio in self._levels.buttons():
                radio.setEnabled(False)
            return
        self._mark_title.setText(self.tr("{name}, how do you feel about “{step}”?").format(
            name=self._name(self.here()), step=step.title))
        mine = rules.mark_of(step, self.here())
        for radio in self._levels.buttons():
            radio.setEnabled(True)
            if radio.property("level") == mine.value:
                radio.setChecked(True)

    # Actions ------------------------------------------------------------------

    def _mark(self, radio: QRadioButton) -> None:
        step_id = self._selected_id()
        if step_id is None:
            return
        level = Comfort(radio.property("level"))
        try:
            self._service.mark(self.here(), step_id, level)
        except PacingRefused as refused:
            self._show_mark()
            self._explain(refused.refusal)
            return
        except KnownError as error:
            self._show_mark()
            show_message(self._message, describe(error))
            return
        self._reload(select=step_id)
        self._changed()

    def _explain(self, refusal: rules.Refusal) -> None:
        pace_setter = self._model.pacing.pace_setter
        paused_by = self._model.pacing.paused_by
        show_message(self._message, refusal_text(refusal, self._name(pace_setter),
                                                 self._name(paused_by)))
        if refusal is rules.Refusal.PACE_SETTER_LEADS:
            self._ask.setText(self.tr("Let {name} know").format(name=self._name(pace_setter)))
            self._ask.setAccessibleName(self._ask.text())
            self._ask.show()

    def _send_ask(self) -> None:
        step_id = self._selected_id()
        if step_id is None:
            return
        self._service.ask(self.here(), step_id)
        self._ask.hide()
        show_message(self._message, self.tr(
            "Noted, gently. {name} will see it here, with no pressure to answer.").format(
            name=self._name(self._model.pacing.pace_setter)))
        self._emit("pacing")

    def _toggle_pause(self) -> None:
        try:
            if self._model.pacing.paused_by is None:
                self._service.pause(self.here())
                self._context.notify(self.tr("Pacing is paused. Take all the time you need."))
            else:
                self._service.resume(self.here())
                self._context.notify(self.tr("Pacing is resumed."))
        except PacingRefused as refused:
            self._explain(refused.refusal)
            return
        self._reload()
        self._changed()

    def _after_ladder_edit(self, select: str | None) -> None:
        self._reload(select=select)
        self._emit("pacing")

    def _changed(self) -> None:
        self._emit("pacing", "timeline")

    def _emit(self, *kinds: str) -> None:
        # This page already shows its own change; only the other pages need telling.
        self._emitting = True
        try:
            for kind in kinds:
                self._context.changes.changed.emit(kind)
        finally:
            self._emitting = False

    def _on_changed(self, kind: str) -> None:
        if self._emitting:
            return
        if kind in ("partners", "settings"):
            self._names = self._load_names()
            for radio in self._who.buttons():
                radio.setText(self._name(PartnerId(radio.property("partner"))))
        if kind in ("pacing", "partners", "settings", "hard_moments"):
            self._reload()


SECTION = Section(
    key="pacing",
    title=lambda: QCoreApplication.translate("Sections", "Pacing"),
    icon="pacing.svg",
    kinds=COUPLE,
    build=PacingPage,
)
