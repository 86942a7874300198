"""The dialog to add or edit one timeline event."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.painting.kind_style import kind_word
from rebuild_desktop.services.timeline import new_id
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.views.widgets.editor_dialog import EditorDialog

_NOT_RATED = -1


def split_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats (first spelling kept)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        tag = part.strip()
        if tag and tag.casefold() not in seen:
            seen[tag.casefold()] = tag
    return list(seen.values())


class EventDialog(EditorDialog):
    """Add (``event=None``) or edit a timeline event.

    With ``save``, Save writes the event and the dialog stays open, text and
    all, when the write fails (a full disk). With ``drafts``, the title, text
    and tags are kept as a draft inside the vault while typing, so a crash or
    a lock loses nothing; Save or Cancel by the person drops the draft.
    """

    def __init__(self, names: dict[str, str], event: TimelineEvent | None = None,
                 parent: QWidget | None = None, *,
                 save: Callable[[TimelineEvent], object] | None = None,
                 drafts: Connection | None = None) -> None:
        super().__init__(parent)
        self._event = event
        self._save = save
        self.saved_event: TimelineEvent | None = None
        layout, form = self.frame(self.tr("Edit event") if event else self.tr("Add an event"))

        self.date = QDateEdit(calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Date"))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind in EventKind:
            self.kind.addItem(kind_word(kind), kind.value)
        self.author = QComboBox()
        self.author.setAccessibleName(self.tr("Written by"))
        for value in (Author.A, Author.B, Author.BOTH):
            self.author.addItem(names.get(value.value, value.value), value.value)
        self.title = QLineEdit()
        self.title.setAccessibleName(self.tr("Title"))
        self.title.setPlaceholderText(self.tr("A few words, e.g. “A long walk together”"))
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("What happened"))
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(96)
        self.trust: dict[PartnerId, QSpinBox] = {}
        for partner in (PartnerId.A, PartnerId.B):
            spin = QSpinBox()
            spin.setRange(_NOT_RATED, 10)
            spin.setSpecialValueText(self.tr("not rated"))
            spin.setValue(_NOT_RATED)
            spin.setAccessibleName(self.tr("Trust felt by {name}, 0 to 10").format(
                name=names.get(partner.value, partner.value)))
            self.trust[partner] = spin
        self.tags = QLineEdit()
        self.tags.setAccessibleName(self.tr("Tags"))
        self.tags.setPlaceholderText(self.tr("Separated by commas"))
        self.for_counselor = QCheckBox(self.tr("Include in the counselor summary"))
        self.for_counselor.setChecked(True)

        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Kind"), self.kind)
        form.addRow(self.tr("&Written by"), self.author)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("What &happened"), self.text)
        for partner, spin in self.trust.items():
            form.addRow(self.tr("Trust ({name})").format(
                name=names.get(partner.value, partner.value)), spin)
        form.addRow(self.tr("T&ags"), self.tags)
        form.addRow("", self.for_counselor)
        layout.addLayout(form)

        self.add_buttons(layout)
        self._fill(event)
        if drafts is not None:
            self.keep_drafts(drafts, f"timeline:{event.id if event else 'new'}",
                             {"title": self.title, "text": self.text, "tags": self.tags})

    def _fill(self, event: TimelineEvent | None) -> None:
        if event is None:
            self.date.setDate(QDate.currentDate())
            return
        self.date.setDate(QDate.fromString(event.date[:10], "yyyy-MM-dd"))
        self.kind.setCurrentIndex(self.kind.findData(event.kind.value))
        self.author.setCurrentIndex(self.author.findData(event.author.value))
        self.title.setText(event.title)
        self.text.setPlainText(event.text)
        for partner, spin in self.trust.items():
            spin.setValue(event.trust.get(partner, _NOT_RATED))
        self.tags.setText(", ".join(event.tags))
        self.for_counselor.setChecked(event.for_counselor)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.say(self.tr("Please give the event a short title."))
            self.title.setFocus()
            return
        event = self.saved_event = self.result_event()  # once: a new event gets its id here
        save = self._save
        self.save_then_accept(None if save is None else lambda: save(event))

    def result_event(self) -> TimelineEvent:
        """The event as the form now describes it (keeps the id and unknown keys)."""
        base = self._event
        day = self.date.date().toString("yyyy-MM-dd")
        if base is not None and base.date[:10] == day:
            day = base.date  # keep a time the date may have carried
        return TimelineEvent(
            id=base.id if base else new_id(),
            date=day,
            kind=EventKind(self.kind.currentData()),
            author=Author(self.author.currentData()),
            title=self.title.text().strip(),
            text=self.text.toPlainText(),
            trust={p: s.value() for p, s in self.trust.items() if s.value() != _NOT_RATED},
            tags=split_tags(self.tags.text()),
            for_counselor=self.for_counselor.isChecked(),
            extra=dict(base.extra) if base else {},
        )
