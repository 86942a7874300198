"""The journal entry editor: date, mood, title, a reflection prompt, the text, tags.

It only maps widgets to a ``JournalDraft`` and back; the page decides when
to keep a draft or save.

Signals:
    edited(): the person changed something (not emitted while loading).
    save_requested(), new_requested(), delete_requested(): the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.services.journal import PROMPT_CATEGORIES, JournalDraft, parse_tags
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.widgets.entry_delegate import mood_word
from rebuild_desktop.views.widgets.page_parts import label


class JournalEditor(QWidget):
    edited = Signal()
    focus_left = Signal()
    save_requested = Signal()
    new_requested = Signal()
    delete_requested = Signal()

    def __init__(self, prompts: dict[str, list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prompts = prompts
        self._prompt: str | None = None
        self._entry_id: str | None = None
        self._loading = False
        self._build()
        self._wire()

    def _build(self) -> None:
        self.heading = label(self.tr("New entry"), "subheading")

        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMM yyyy")
        self.date_edit.setAccessibleName(self.tr("Date of the entry"))
        self.mood = QComboBox()
        self.mood.addItem(self.tr("Not noted"), None)
        for level in range(1, 6):
            self.mood.addItem(f"{level} – {mood_word(level)}", level)
        self.mood.setAccessibleName(self.tr("Mood from 1 to 5"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("A title, if you like"))
        self.title.setAccessibleName(self.tr("Title"))

        self.prompt_kind = QComboBox()
        self.prompt_kind.addItem(self.tr("Write freely"), None)
        titles = {
            "self_reflection": self.tr("Self-reflection"), "self_care": self.tr("Self-care"),
            "triggers": self.tr("Triggers"), "forgiveness": self.tr("Forgiveness"),
            "what_i_need": self.tr("What I need"),
        }
        for key in PROMPT_CATEGORIES:
            if self._prompts.get(key):
                self.prompt_kind.addItem(titles[key], key)
        self.prompt_kind.setAccessibleName(self.tr("Reflection prompt"))
        self.another = QPushButton(self.tr("Another prompt"))
        self.another.setAccessibleName(self.tr("Show another prompt"))
        self.another.setEnabled(False)
        self.prompt_label = QLabel()
        self.prompt_label.setWordWrap(True)
        self.prompt_label.setVisible(False)
        self.prompt_label.setAccessibleName(self.tr("Prompt"))
        italic = self.prompt_label.font()
        italic.setItalic(True)
        self.prompt_label.setFont(italic)

        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(self.tr("Write whatever is here today. Only you can read "
                                             "this."))
        self.text.setAccessibleName(self.tr("Entry text"))
        self.text.setTabChangesFocus(True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags"))
        self.counselor = QCheckBox(self.tr("Include in counselor summary"))
        self.counselor.setAccessibleName(self.tr("Include this entry in the counselor summary"))

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.new_button = QPushButton(self.tr("Blank page"))
        self.new_button.setAccessibleName(self.tr("Start a new entry"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setAccessibleName(self.tr("Delete this entry"))
        self.delete_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save entry"))
        self.save_button.setAccessibleName(self.tr("Save entry"))
        mark_primary(self.save_button)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        form = QFormLayout()
        form.setSpacing(8)
        # In a narrow editor a label goes above its field rather than being cut short.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        # Date and mood on rows of their own, at their own widths: side by side they
        # would not fit beside the calendar in the smallest window.
        for text, field in ((self.tr("&Date"), self.date_edit), (self.tr("&Mood"), self.mood)):
            row = QHBoxLayout()
            row.addWidget(field)
            row.addStretch(1)
            form.addRow(text, row)
            form.labelForField(row).setBuddy(field)
        form.addRow(self.tr("&Title"), self.title)
        form.labelForField(self.title).setBuddy(self.title)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt_kind, 1)
        prompt_row.addWidget(self.another)
        form.addRow(self.tr("&Prompt"), prompt_row)
        form.labelForField(prompt_row).setBuddy(self.prompt_kind)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(GRID, 0, 0, 0)
        layout.setSpacing(GRID)
        layout.addLayout(top)
        layout.addLayout(form)
        layout.addWidget(self.prompt_label)
        layout.addWidget(self.text, 1)
        tags_row = QHBoxLayout()
        tags_label = QLabel(self.tr("T&ags"))
        tags_label.setBuddy(self.tags)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)
        layout.addLayout(tags_row)
        # A line of its own, so the words and the tags field both stay whole in a small window.
        layout.addWidget(self.counselor)
        layout.addLayout(buttons)

    def _wire(self) -> None:
        for signal in (self.title.textChanged, self.text.textChanged, self.tags.textChanged,
                       self.date_edit.dateChanged, self.mood.currentIndexChanged,
                       self.counselor.toggled):
            signal.connect(self._changed)
        self.prompt_kind.currentIndexChanged.connect(self._kind_chosen)
        self.another.clicked.connect(self._next_prompt)
        self.save_button.clicked.connect(self.save_requested)
        self.new_button.clicked.connect(self.new_requested)
        self.delete_button.clicked.connect(self.delete_requested)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_requested.emit)
        for widget in (self.text, self.title, self.tags):
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.focus_left.emit()
        return super().eventFilter(watched, event)

    def _changed(self) -> None:
        if not self._loading:
            self.edited.emit()

    def _kind_chosen(self) -> None:
        key = self.prompt_kind.currentData()
        self.another.setEnabled(key is not None)
        if self._loading:
            return
        self._show_prompt(self._prompts[key][0] if key else None)
        self.edited.emit()

    def _next_prompt(self) -> None:
        key = self.prompt_kind.currentData()
        if not key:
            return
        prompts = self._prompts[key]
        current = prompts.index(self._prompt) if self._prompt in prompts else -1
        self._show_prompt(prompts[(current + 1) % len(prompts)])
        self.edited.emit()

    def _show_prompt(self, prompt: str | None) -> None:
        self._prompt = prompt
        self.prompt_label.setText(prompt or "")
        self.prompt_label.setVisible(bool(prompt))

    # The draft ---------------------------------------------------------------------

    def draft(self) -> JournalDraft:
        return JournalDraft(
            self.date_edit.date().toString("yyyy-MM-dd"), self.text.toPlainText(),
            self.title.text(), self.mood.currentData(), parse_tags(self.tags.text()),
            self._prompt, self.counselor.isChecked(), self._entry_id,
        )

    def load(self, draft: JournalDraft) -> None:
        """Show ``draft`` without emitting ``edited``."""
        self._loading = True
        try:
            self._entry_id = draft.entry_id
            self.heading.setText(self.tr("Edit entry") if draft.entry_id else self.tr("New entry"))
            self.date_edit.setDate(QDate.fromString(draft.date, "yyyy-MM-dd"))
            self.mood.setCurrentIndex(max(self.mood.findData(draft.mood), 0))
            self.title.setText(draft.title)
            self.text.setPlainText(draft.text)
            self.tags.setText(", ".join(draft.tags))
            self.counselor.setChecked(draft.for_counselor)
            kind = next((k for k, v in self._prompts.items() if draft.prompt in v), None)
            self.prompt_kind.setCurrentIndex(max(self.prompt_kind.findData(kind), 0))
            self.another.setEnabled(kind is not None)
            self._show_prompt(draft.prompt)
            self.delete_button.setEnabled(draft.entry_id is not None)
        finally:
            self._loading = False

    def set_status(self, text: str) -> None:
        self.status.setText(text)

    def focus_text(self) -> None:
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)
