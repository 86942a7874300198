"""The gratitude log: write an appreciation, receive one with a heart and a reply.

No streaks, points or counts: the page shows words, not numbers.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QItemSelectionModel, Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services import drafts
from rebuild_desktop.services.drafts import DraftKeeper
from rebuild_desktop.services.gratitude import GratitudeService, WritingPrompts, load_prompts
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.views.gratitude_prompt import PromptRow
from rebuild_desktop.views.models.gratitude_model import GratitudeModel
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.widgets.card_delegate import CardDelegate, long_date
from rebuild_desktop.views.widgets.draft_saver import DraftSaver
from rebuild_desktop.views.widgets.page_parts import (
    GRID,
    button,
    card,
    label,
    named,
    page_layout,
    show_message,
)


class GratitudePage(QWidget):
    """Compose on the left, the log on the right; search and "from the past" above it."""

    def __init__(self, context: SectionContext) -> None:
        super().__init__()
        self._context = context
        self._service = GratitudeService(context.vault.db)
        self._prompts: WritingPrompts = load_prompts()
        self._names = {p.id: p.name for p in SettingsService(context.vault.db).partners()}
        layout = page_layout(self, self.tr("Gratitude"), self.tr(
            "Small things you noticed and appreciated in each other. There is nothing to "
            "keep up with here: write when something comes to mind."))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_composer())
        splitter.addWidget(self._build_log())
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([360, 640])
        layout.addWidget(splitter, 1)
        context.changes.changed.connect(self._on_changed)
        self._drafts = DraftSaver(DraftKeeper(context.vault.db, drafts.GRATITUDE),
                                  self._draft_fields, lambda: context.vault.is_open, self)
        self._drafts.restore(self._apply_draft)
        self._text.textChanged.connect(self._drafts.touch)
        self._category.currentTextChanged.connect(lambda _t: self._drafts.touch())
        self._model.reload()
        self._refresh()

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt's name)
        self._drafts.flush()
        super().hideEvent(event)

    def _draft_fields(self) -> dict[str, str]:
        return {"text": self._text.toPlainText(), "category": self._category.currentText(),
                "from": str(self._direction.currentData())}

    def _apply_draft(self, draft: dict[str, object]) -> None:
        self._text.setPlainText(str(draft.get("text") or ""))
        self._category.setCurrentText(str(draft.get("category") or ""))
        index = self._direction.findData(draft.get("from"))
        if index >= 0:
            self._direction.setCurrentIndex(index)

    # Layout -------------------------------------------------------------------

    def _build_composer(self) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("Write an appreciation"), "subheading"))
        self._direction = QComboBox()
        named(self._direction, self.tr("Who is writing to whom"))
        for sender in PartnerId:
            receiver = PartnerId.B if sender is PartnerId.A else PartnerId.A
            self._direction.addItem(self.tr("From {sender} to {receiver}").format(
                sender=self._name(sender), receiver=self._name(receiver)), sender)
        box.addWidget(self._direction)
        self._prompt_row = PromptRow(self._prompts)
        box.addLayout(self._prompt_row)
        self._text = QPlainTextEdit()
        named(self._text, self.tr("What you appreciated"))
        self._text.setTabChangesFocus(True)
        self._text.setMinimumHeight(12 * GRID)
        self._text.setMaximumHeight(24 * GRID)
        self._text.setPlaceholderText(self.tr("In your own words…"))
        box.addWidget(self._text)
        self._category = QComboBox()
        self._category.setEditable(True)
        named(self._category, self.tr("Category (optional)"))
        self._category.addItem("")
        for category in self._prompts.categories:
            self._category.addItem(QCoreApplication.translate("GratitudeCategories", category))
        self._category.lineEdit().setPlaceholderText(self.tr("Category (optional)"))
        self._date = QDateEdit(QDate.currentDate())
        self._date.setCalendarPopup(True)
        self._date.setDisplayFormat("d MMMM yyyy")
        named(self._date, self.tr("Date"))
        row = QHBoxLayout()
        row.addWidget(self._category, 1)
        row.addWidget(self._date)
        box.addLayout(row)
        self._message = label("", "message")
        self._message.hide()
        box.addWidget(self._message)
        self._save = button(self.tr("Save appreciation"), self.tr("Save appreciation"),
                            primary=True)
        self._save.clicked.connect(self._write)
        box.addWidget(self._save, 0, Qt.AlignmentFlag.AlignRight)
        holder = QWidget()  # the card keeps its own height; the room below stays quiet
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, GRID, 0)
        column.addWidget(frame)
        column.addStretch(1)
        return holder

    def _build_log(self) -> QWidget:
        log = QWidget()
        box = QVBoxLayout(log)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(GRID)
        self._past, past_box = card()
        self._past_text = label("")
        self._past_text.setAccessibleName(self.tr("From the past"))
        past_box.addWidget(label(self.tr("From the past"), "subheading"))
        past_box.addWidget(self._past_text)
        box.addWidget(self._past)
        self._search = QLineEdit()
        self._search.setPlaceholderText(self.tr("Search the log"))
        self._search.setClearButtonEnabled(True)
        named(self._search, self.tr("Search the gratitude log"))
        self._search.textChanged.connect(lambda text: self._model.reload(text.strip()))
        box.addWidget(self._search)
        self._model = GratitudeModel(self._service.page, self._names, self)
        self._list = QListView()
        named(self._list, self.tr("Gratitude log"))
        self._list.setModel(self._model)
        self._list.setItemDelegate(CardDelegate(self._list))
        self._list.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self._list.setResizeMode(QListView.ResizeMode.Adjust)
        self._list.setWordWrap(True)
        self._empty = label("", "note")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._list)
        self._stack.addWidget(self._empty)
        box.addWidget(self._stack, 1)
        box.addLayout(self._build_answer())
        self._model.modelReset.connect(self._refresh)
        self._list.selectionModel().currentChanged.connect(lambda *_: self._refresh_answer())
        return log

    def _build_answer(self) -> QVBoxLayout:
        # The reply above its button: both read whole beside the writing card in a small window.
        row = QVBoxLayout()
        self._reply = QLineEdit()
        self._reply.setPlaceholderText(self.tr("A few words back (optional)"))
        named(self._reply, self.tr("Reply to the selected appreciation"))
        self._heart = button("♥ " + self.tr("Receive with thanks"),
                             self.tr("Receive the selected appreciation with thanks"))
        self._heart.clicked.connect(self._acknowledge)
        self._reply.returnPressed.connect(self._acknowledge)
        row.addWidget(self._reply)
        row.addWidget(self._heart, 0, Qt.AlignmentFlag.AlignRight)
        return row

    # Behaviour ----------------------------------------------------------------

    def _name(self, partner: PartnerId) -> str:
        return self._names.get(partner) or partner.value.upper()

    def _write(self) -> None:
        text = self._text.toPlainText()
        if not text.strip():
            show_message(self._message, self.tr("Write a few words first; even one is enough."))
            self._text.setFocus()
            return
        try:
            self._service.write(PartnerId(self._direction.currentData()), text,
                                date=self._date.date().toString(Qt.DateFormat.ISODate),
                                category=self._category.currentText())
        except KnownError as error:
            show_message(self._message, str(error))
            return
        self._drafts.cancel()
        self._text.clear()
        self._category.setCurrentIndex(0)
        self._drafts.cancel()
        show_message(self._message, "")
        self._context.notify(self.tr("Your appreciation is saved."))
        self._context.changes.changed.emit("gratitude")

    def _acknowledge(self) -> None:
        entry = self._model.entry(self._list.currentIndex().row())
        if entry is None:
            return
        try:
            updated = self._service.acknowledge(entry.id, self._reply.text())
        except KnownError as error:
            self._context.notify(str(error))
            return
        self._reply.clear()
        self._model.replace(updated)
        self._refresh_answer()
        self._context.notify(self.tr("Received with thanks."))
        self._context.changes.changed.emit("gratitude")

    def _on_changed(self, kind: str) -> None:
        if kind == "gratitude":
            current = self._model.entry(self._list.currentIndex().row())
            self._model.reload()
            if current is not None:
                self._select(current.id)
        elif kind in ("partners", "settings"):
            self._names.update({p.id: p.name
                                for p in SettingsService(self._context.vault.db).partners()})
            self._model.set_names(self._names)

    def _select(self, entry_id: str) -> None:
        for row in range(self._model.rowCount()):
            entry = self._model.entry(row)
            if entry is not None and entry.id == entry_id:
                self._list.selectionModel().setCurrentIndex(
                    self._model.index(row), QItemSelectionModel.SelectionFlag.ClearAndSelect)
                return

    def _refresh(self) -> None:
        empty = self._model.rowCount() == 0
        if empty and not self._model.query:
            self._empty.setText(self.tr("Write the first thing you appreciated today.") + "\n"
                                + self.tr("It can be small: a cup of tea, a kind word."))
        elif empty:
            self._empty.setText(self.tr("Nothing in the log matches that yet."))
        self._stack.setCurrentWidget(self._empty if empty else self._list)
        nothing_yet = empty and not self._model.query
        self._search.setVisible(not nothing_yet)
        for widget in (self._reply, self._heart):
            widget.setVisible(not empty)
        past = self._service.from_the_past(dt.date.today())
        self._past.setVisible(past is not None and not self._model.query)
        if past is not None:
            self._past_text.setText(self.tr("{date}, {sender} to {receiver}: “{text}”").format(
                date=long_date(past.date), sender=self._name(past.from_partner),
                receiver=self._name(past.to_partner), text=past.text))
        self._refresh_answer()

    def _refresh_answer(self) -> None:
        entry = self._model.entry(self._list.currentIndex().row())
        self._heart.setEnabled(entry is not None)
        self._reply.setEnabled(entry is not None)
        received = entry is not None and entry.acknowledged
        self._heart.setText(self.tr("Send reply") if received
                            else "♥ " + self.tr("Receive with thanks"))


SECTION = Section(
    key="gratitude",
    title=lambda: QCoreApplication.translate("Sections", "Gratitude"),
    icon="gratitude.svg",
    kinds=COUPLE,
    build=GratitudePage,
)
