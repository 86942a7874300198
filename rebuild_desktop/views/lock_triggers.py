"""What locks the vault besides the Lock button: idle time, the screen
locking or the system going to sleep, and Shift pressed three times.

Each watcher only emits a signal; the main window decides what locking means.
"""

from __future__ import annotations

import time

from PySide6.QtCore import SLOT, QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtDBus import QDBusConnection
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Emits ``idle`` after some minutes without keyboard or mouse input.

    Signals:
        idle(): the idle time passed; the timer then waits for new input.
    """

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: float) -> None:
        """``0`` turns idle locking off."""
        self._interval_ms = int(minutes * 60_000)
        self.restart()

    def restart(self) -> None:
        if self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        else:
            self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY and self._interval_ms > 0:
            self._timer.start(self._interval_ms)
        return False


class TripleShift(QObject):
    """Emits ``triggered`` when Shift is pressed three times within a second.

    Signals:
        triggered(): the quick-hide gesture happened.
    """

    triggered = Signal()
    WINDOW_S = 1.0

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._presses: list[float] = []
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        if event.isAutoRepeat():
            return False
        # One key press reaches this filter once for each object it passes
        # through (window, focus widget, its parents): count it at one of them.
        focus = QApplication.focusWidget()
        if watched is not focus and not (focus is None and isinstance(watched, QWindow)):
            return False
        if event.key() != Qt.Key.Key_Shift:
            self._presses.clear()
            return False
        now = time.monotonic()
        self._presses = [t for t in self._presses if now - t <= self.WINDOW_S] + [now]
        if len(self._presses) >= 3:
            self._presses.clear()
            self.triggered.emit()
        return False


# (bus, interface, member) pairs whose first argument true means "lock now".
_SESSION_SIGNALS = (
    ("org.freedesktop.ScreenSaver", "ActiveChanged"),
    ("org.gnome.ScreenSaver", "ActiveChanged"),
    ("org.kde.screensaver", "ActiveChanged"),
)
_SYSTEM_SIGNALS = (("org.freedesktop.login1.Manager", "PrepareForSleep"),)


class ScreenLockWatcher(QObject):
    """Emits ``locked`` when the desktop's screen locks or the system sleeps.

    Listens on D-Bus where the desktop offers it; where it doesn't, idle
    locking still works.

    Signals:
        locked(): the screen locked or the system is about to sleep.
    """

    locked = Signal()

    def __init__(self, session_bus: QDBusConnection | None = None,
                 system_bus: QDBusConnection | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        session = session_bus if session_bus is not None else QDBusConnection.sessionBus()
        system = system_bus if system_bus is not None else QDBusConnection.systemBus()
        self.listening = False
        for bus, signals in ((session, _SESSION_SIGNALS), (system, _SYSTEM_SIGNALS)):
            if not bus.isConnected():
                continue
            for interface, member in signals:
                if bus.connect("", "", interface, member, self, SLOT("_on_signal(bool)")):
                    self.listening = True

    @Slot(bool)
    def _on_signal(self, active: bool) -> None:
        if active:
            self.locked.emit()
