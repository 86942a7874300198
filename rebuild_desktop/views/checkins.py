"""Check-ins: a structured form per partner, the history, the cadence and a gentle reminder."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt, QTime
from PySide6.QtGui import QHideEvent, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.records import CheckIn
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.resources import resource
from rebuild_desktop.services.checkins import Cadence, CheckInService
from rebuild_desktop.services.timeline import TimelineService, new_id
from rebuild_desktop.views.checkin_dialog import edit_checkin
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.models.checkin_model import CheckInModel, CheckInRole
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.widgets.card_delegate import CardDelegate
from rebuild_desktop.views.widgets.draft_keeper import DraftKeeper
from rebuild_desktop.views.widgets.message_bar import MessageBar
from rebuild_desktop.views.widgets.page_parts import card, label, page_layout, scrolling


def feel_statement(feel: str, when: str, need: str) -> str:
    """The three parts as one sentence: "I feel … when … I need …" (empty parts left out)."""
    parts = []
    if feel.strip():
        parts.append(QCoreApplication.translate("CheckIns", "I feel {x}").format(x=feel.strip()))
    if when.strip():
        parts.append(QCoreApplication.translate("CheckIns", "when {x}").format(x=when.strip()))
    text = " ".join(parts)
    if need.strip():
        need_part = QCoreApplication.translate("CheckIns", "I need {x}").format(x=need.strip())
        text = f"{text}. {need_part}" if text else need_part
    return f"{text}." if text and not text.endswith(".") else text


class CheckInsPage(QWidget):
    """One partner at a time answers; both answers land in the history and on the timeline."""

    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.service = CheckInService(context.vault.db)
        self.names = TimelineService(context.vault.db).partner_names()
        self._tray: QSystemTrayIcon | None = None
        self._build()
        self._load()
        # The answers are kept as a draft inside the vault while typing, so a
        # crash or a lock loses nothing; saving the check-in drops the draft.
        self.draft = DraftKeeper(context.vault.db, "checkins:form", {
            "feel": self.feel, "when": self.when, "need": self.need,
            "went_well": self.went_well, "hard": self.hard, "request": self.request,
        }, self)
        if self.draft.restore():
            self.saved.show_message(self.tr("What you were writing before has been kept."))
        self.context.changes.changed.connect(self._changed_elsewhere)

    def _build(self) -> None:
        layout = page_layout(self, self.tr("Check-ins"), self.tr(
            "A few quiet minutes, each of you in turn: how you feel, what went well, "
            "what was hard, and one thing you would like."))
        self.reminder = MessageBar()
        layout.addWidget(self.reminder)
        self.saved = MessageBar()
        layout.addWidget(self.saved)

        row = QHBoxLayout()
        row.setSpacing(3 * GRID)
        layout.addLayout(row, 1)
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self._form())
        column.addStretch(1)
        main = QVBoxLayout()
        main.setSpacing(GRID)
        main.addWidget(scrolling(form))
        save_row = QHBoxLayout()  # in sight below the form, however far it is scrolled
        save_row.addStretch(1)
        save_row.addWidget(self.save)
        main.addLayout(save_row)
        main.addStretch(1)
        row.addLayout(main, 3)
        side = QVBoxLayout()
        side.setSpacing(2 * GRID)
        history_box, history_layout = card(self.tr("Earlier check-ins"))
        self.model = CheckInModel(self.names, self)
        self.history = QListView()
        self.history.setModel(self.model)
        self.history.setItemDelegate(CardDelegate(self.history))  # the look of gratitude's log
        self.history.setResizeMode(QListView.ResizeMode.Adjust)  # rewrap when the width changes
        self.history.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.history.setFrameShape(QListView.Shape.NoFrame)  # the card is its frame
        self.history.setAccessibleName(self.tr("Earlier check-ins, newest first"))
        self.history.setToolTip(self.tr("Double-click or press Enter to change a check-in"))
        self.history.activated.connect(self._edit)
        history_layout.addWidget(self.history)
        self.history_empty = label(self.tr(
            "Nothing here yet. Each check-in you save appears here, newest first: "
            "start with the form beside this."), "note")
        self.history_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        history_layout.addWidget(self.history_empty, 1)
        self.model.modelReset.connect(self._history_or_empty)
        side.addWidget(history_box, 1)
        side.addWidget(self._cadence())
        row.addLayout(side, 2)

    def _history_or_empty(self) -> None:
        empty = self.model.rowCount() == 0
        self.history.setVisible(not empty)
        self.history_empty.setVisible(empty)

    def _form(self) -> QWidget:
        box, column = card(self.tr("Today's check-in"))
        form = QFormLayout()
        column.addLayout(form)
        form.setVerticalSpacing(8)
        form.setHorizontalSpacing(16)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Whose check-in"))
        for p in (PartnerId.A, PartnerId.B):
            self.partner.addItem(self.names.get(p.value, p.value), p.value)
        self.mood = QSpinBox()
        self.mood.setRange(1, 5)
        self.mood.setValue(3)
        self.mood.setAccessibleName(self.tr("Mood, 1 (very low) to 5 (very good)"))
        self.trust = QSpinBox()
        self.trust.setRange(0, 10)
        self.trust.setValue(5)
        self.trust.setAccessibleName(self.tr("Trust right now, 0 to 10"))
        self.feel, self.when, self.need = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, name in ((self.feel, self.tr("I feel")), (self.when, self.tr("when")),
                           (self.need, self.tr("I need"))):
            edit.setAccessibleName(name)
        self.feel.setPlaceholderText(self.tr("e.g. uneasy"))
        self.when.setPlaceholderText(self.tr("e.g. plans change without a word"))
        self.need.setPlaceholderText(self.tr("e.g. a quick message when that happens"))
        self.went_well = QPlainTextEdit()
        self.went_well.setAccessibleName(self.tr("What went well"))
        self.hard = QPlainTextEdit()
        self.hard.setAccessibleName(self.tr("What was hard"))
        for edit in (self.went_well, self.hard):
            edit.setTabChangesFocus(True)
            # Three lines when there is room, two in a short window rather than overlapping.
            edit.setMinimumHeight(6 * 8)
            edit.setMaximumHeight(8 * 8)
        self.request = QLineEdit()
        self.request.setAccessibleName(self.tr("One request"))
        self.for_counselor = QCheckBox(self.tr("Include in the counselor summary"))
        self.for_counselor.setAccessibleName(self.tr("Include in the counselor summary"))
        self.for_counselor.setChecked(True)
        self.save = QPushButton(self.tr("Save this check-in"))
        mark_primary(self.save)
        self.save.setAccessibleName(self.tr("Save this check-in"))
        self.save.clicked.connect(self.record)
        form.addRow(self.tr("&Who"), self.partner)
        form.addRow(self.tr("&Mood (1–5)"), self.mood)
        form.addRow(self.tr("&Trust (0–10)"), self.trust)
        form.addRow(self.tr("I &feel …"), self.feel)
        form.addRow(self.tr("… w&hen …"), self.when)
        form.addRow(self.tr("… I &need …"), self.need)
        form.addRow(self.tr("What went &well"), self.went_well)
        form.addRow(self.tr("What was h&ard"), self.hard)
        form.addRow(self.tr("One &request"), self.request)
        form.addRow(self.for_counselor)  # spans both columns: the words fit a small window
        return box

    def _cadence(self) -> QWidget:
        box, column = card(self.tr("Our rhythm"))
        form = QFormLayout()
        column.addLayout(form)
        self.cadence_day = QComboBox()
        self.cadence_day.setAccessibleName(self.tr("Check-in day"))
        self.cadence_day.addItem(self.tr("No fixed day"), None)
        locale_days = [QDate(2024, 1, 1).addDays(i) for i in range(7)]  # a Monday onwards
        for number, day in enumerate(locale_days):
            self.cadence_day.addItem(self.locale().dayName(day.dayOfWeek()), number)
        self.cadence_time = QTimeEdit()
        self.cadence_time.setDisplayFormat("HH:mm")
        self.cadence_time.setAccessibleName(self.tr("Check-in time"))
        form.addRow(self.tr("&Day"), self.cadence_day)
        form.addRow(self.tr("T&ime"), self.cadence_time)
        return box

    # Loading and saving -----------------------------------------------------------

    def _load(self) -> None:
        cadence = self.service.cadence()
        for widget in (self.cadence_day, self.cadence_time):
            widget.blockSignals(True)
        self.cadence_day.setCurrentIndex(max(0, self.cadence_day.findData(cadence.day)))
        self.cadence_time.setTime(QTime.fromString(cadence.time, "HH:mm"))
        for widget in (self.cadence_day, self.cadence_time):
            widget.blockSignals(False)
        self.cadence_day.currentIndexChanged.connect(self._save_cadence)
        self.cadence_time.timeChanged.connect(self._save_cadence)
        self._refresh()

    def _refresh(self) -> None:
        self.model.set_checkins(self.service.history())
        self.check_due(datetime.now().astimezone())

    def check_due(self, now: datetime) -> None:
        """Show the gentle reminder when the planned moment has come."""
        if not self.service.is_due(now):
            self.reminder.hide()
            return
        self.reminder.show_message(self.tr(
            "It's the time you set aside for a check-in. Whenever you are both ready."))
        text = self.service.notification()
        if text and self._tray is None and QSystemTrayIcon.isSystemTrayAvailable():
            icon = QIcon(str(resource("icons", "checkins.svg")))
            self._tray = QSystemTrayIcon(icon, self)
            self._tray.show()
            self._tray.showMessage(self.tr("Rebuild"), text)

    def _save_cadence(self) -> None:
        day = self.cadence_day.currentData()
        self.service.set_cadence(Cadence(day, self.cadence_time.time().toString("HH:mm")))
        self.check_due(datetime.now().astimezone())

    def record(self) -> None:
        checkin = CheckIn(
            id=new_id(), date=QDate.currentDate().toString("yyyy-MM-dd"),
            partner=PartnerId(self.partner.currentData()), mood=self.mood.value(),
            trust=self.trust.value(),
            feel=feel_statement(self.feel.text(), self.when.text(), self.need.text()) or None,
            went_well=self.went_well.toPlainText().strip() or None,
            hard=self.hard.toPlainText().strip() or None,
            request=self.request.text().strip() or None,
            for_counselor=self.for_counselor.isChecked(),
        )
        try:
            self.service.record(checkin, self.tr("Check-in"))
        except KnownError as error:  # the answers stay in the form
            self.context.notify(describe(error))
            return
        for edit in (self.feel, self.when, self.need, self.request):
            edit.clear()
        for text in (self.went_well, self.hard):
            text.clear()
        self.draft.discard()  # clearing the fields must not leave an empty draft behind
        name = self.names.get(checkin.partner.value, "")
        self.saved.show_message(self.tr("Thank you, {name}. Your check-in is saved and on the "
                                        "timeline.").format(name=name))
        self._refresh()
        self.context.changes.changed.emit("checkins")
        self.context.changes.changed.emit("timeline")

    def _edit(self, index: QModelIndex) -> None:
        """The check-in's own editor; its timeline row follows what is saved."""
        checkin = index.data(CheckInRole.CHECKIN)
        if isinstance(checkin, CheckIn):
            edit_checkin(self.context, checkin.id, self)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt API
        self.draft.flush()  # the page hides before a lock closes the vault
        super().hideEvent(event)

    def _changed_elsewhere(self, kind: str) -> None:
        if kind == "checkins":
            self.model.set_checkins(self.service.history())


SECTION = Section(
    key="checkins",
    title=lambda: QCoreApplication.translate("Sections", "Check-ins"),
    icon="checkins.svg",
    kinds=COUPLE,
    build=CheckInsPage,
)
