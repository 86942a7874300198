"""Text copied out of the app is handled as a password manager handles a
password: marked secret for clipboard managers (KDE's
``x-kde-passwordManagerHint``), cleared after 30 seconds and on lock, and
only while it is still our text."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer, Slot
from PySide6.QtGui import QClipboard, QGuiApplication

CLEAR_AFTER_MS = 30_000
SECRET_HINT = "x-kde-passwordManagerHint"


class ClipboardGuard(QObject):
    """Watches the clipboard: whatever this app copies is marked and expires."""

    def __init__(self, parent: QObject | None = None, clear_after_ms: int = CLEAR_AFTER_MS) -> None:
        super().__init__(parent)
        self._clipboard: QClipboard = QGuiApplication.clipboard()
        self._ours: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(clear_after_ms)
        self._timer.timeout.connect(self.clear)
        self._clipboard.dataChanged.connect(self._changed)

    @Slot()
    def _changed(self) -> None:
        if not self._owned():
            self._ours = None  # another program's text: not ours to clear
            self._timer.stop()
            return
        mime = self._clipboard.mimeData()
        if mime is not None and mime.hasFormat(SECRET_HINT):
            return  # our own re-marking below
        self.copy(self._clipboard.text())

    def _owned(self) -> bool:
        # Platforms without a system clipboard (offscreen, minimal) keep it
        # inside this process, so whatever is there came from the app.
        private = QGuiApplication.platformName() in ("offscreen", "minimal")
        return private or self._clipboard.ownsClipboard()

    def copy(self, text: str) -> None:
        """Put ``text`` on the clipboard, marked secret, for a limited time."""
        marked = QMimeData()
        marked.setText(text)
        marked.setData(SECRET_HINT, b"secret")
        self._ours = text
        self._clipboard.setMimeData(marked)
        self._timer.start()

    def clear(self) -> None:
        """Empty the clipboard if it still holds what the app put there."""
        self._timer.stop()
        if self._ours is not None and self._clipboard.text() == self._ours:
            self._clipboard.clear()
        self._ours = None
