"""Copying text the way a password manager does: marked secret for clipboard
managers (KDE's ``x-kde-passwordManagerHint``), cleared after 30 seconds
and on lock, and only when it is still our text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer
from PySide6.QtGui import QGuiApplication

CLEAR_AFTER_MS = 30_000
_SECRET_HINT = "x-kde-passwordManagerHint"


class SecretClipboard(QObject):
    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        mime = QMimeData()
        mime.setText(text)
        mime.setData(_SECRET_HINT, b"secret")
        QGuiApplication.clipboard().setMimeData(mime)
        self._ours = text
        self._timer.start()

    def clear(self) -> None:
        """Empty the clipboard if it still holds what we put there."""
        self._timer.stop()
        clipboard = QGuiApplication.clipboard()
        if self._ours is not None and clipboard.text() == self._ours:
            clipboard.clear()
        self._ours = None
