"""Everything that locks an open vault without the Lock button.

Idle time (the vault's own setting), the desktop locking its screen or going
to sleep, and quick hide (Shift three times) all end in the main window's
``lock()``. The clipboard is cleared of the app's text on every lock.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from rebuild_desktop.views.clipboard import ClipboardGuard
from rebuild_desktop.views.lock_triggers import IdleWatcher, ScreenLockWatcher, TripleShift


class LockGuard(QObject):
    """Signals:
    lock_requested(): idle time ran out, or the screen locked.
    hide_requested(): quick hide (Shift pressed three times).
    """

    lock_requested = Signal()
    hide_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.idle = IdleWatcher(0, self)
        self.screen = ScreenLockWatcher(parent=self)
        self.shift = TripleShift(self)
        self.clipboard = ClipboardGuard(self)
        self._armed = False
        self.idle.idle.connect(self._lock)
        self.screen.locked.connect(self._lock)
        self.shift.triggered.connect(self._hide)

    def vault_opened(self, idle_minutes: float) -> None:
        self._armed = True
        self.idle.set_minutes(idle_minutes)

    def vault_closed(self) -> None:
        self._armed = False
        self.idle.set_minutes(0)
        self.clipboard.clear()

    def _lock(self) -> None:
        if self._armed:
            self.lock_requested.emit()

    def _hide(self) -> None:
        if self._armed:
            self.hide_requested.emit()
