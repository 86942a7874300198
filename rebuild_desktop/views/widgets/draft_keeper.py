"""Keeps an editor's unsaved text as a draft inside the vault.

Attach the fields of one editor under one draft key; the keeper saves a
second after the last keystroke, when a field loses focus and on ``flush()``
(the main window flushes every keeper before it locks). ``restore()`` puts a
kept draft back; ``discard()`` drops it once the entry is saved.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.drafts import DraftRepository

Editor = QLineEdit | QPlainTextEdit | QTextEdit
SAVE_AFTER_MS = 1000


def _text(editor: Editor) -> str:
    return editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()


def _set_text(editor: Editor, text: str) -> None:
    if isinstance(editor, QLineEdit):
        editor.setText(text)
    else:
        editor.setPlainText(text)


class DraftKeeper(QObject):
    """Saves the named fields of one editor as a draft.

    Signals:
        failed(object): saving the draft failed with this KnownError (the text
            stays in the editor).
    """

    failed = Signal(object)

    def __init__(self, conn: Connection, key: str, fields: dict[str, Editor],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._drafts = DraftRepository(conn)
        self._key = key
        self._fields = fields
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_AFTER_MS)
        self._timer.timeout.connect(self.flush)
        for editor in fields.values():
            editor.textChanged.connect(self._timer.start)
            editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.FocusOut and self._timer.isActive():
            self.flush()
        return False

    def values(self) -> dict[str, str]:
        return {name: _text(editor) for name, editor in self._fields.items()}

    def flush(self) -> None:
        """Save now (or drop the draft when every field is empty)."""
        self._timer.stop()
        values = self.values()
        try:
            if any(value.strip() for value in values.values()):
                self._drafts.save(self._key, values)
            else:
                self._drafts.discard(self._key)
        except KnownError as error:
            self.failed.emit(error)

    def restore(self) -> bool:
        """Put a kept draft back into the fields; returns whether there was one."""
        kept: dict[str, Any] | None = self._drafts.load(self._key)
        if not kept:
            return False
        for name, editor in self._fields.items():
            if isinstance(kept.get(name), str):
                _set_text(editor, kept[name])
        self._timer.stop()
        return True

    def discard(self) -> None:
        self._timer.stop()
        self._drafts.discard(self._key)


def keepers_under(widget: QWidget) -> list[DraftKeeper]:
    """Every draft keeper owned by ``widget`` or its children, to flush before a lock."""
    return widget.findChildren(DraftKeeper)
