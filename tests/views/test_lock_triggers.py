"""Idle time, the desktop's screen lock and triple Shift each ask to lock."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from rebuild_desktop.views import ui_state
from rebuild_desktop.views.clipboard import ClipboardGuard
from rebuild_desktop.views.lock_triggers import IdleWatcher, ScreenLockWatcher, TripleShift


def test_idle_watcher_fires_after_the_idle_time(qtbot):
    watcher = IdleWatcher(minutes=0.1 / 60)  # 100 ms
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass


def test_idle_watcher_off_when_zero_minutes(qtbot):
    watcher = IdleWatcher(minutes=0)
    with qtbot.assertNotEmitted(watcher.idle, wait=300):
        pass


def test_input_postpones_idle(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    watcher = IdleWatcher(minutes=0.4 / 60)  # 400 ms
    with qtbot.assertNotEmitted(watcher.idle, wait=0):
        for _ in range(6):
            qtbot.wait(100)
            qtbot.keyClick(field, Qt.Key.Key_A)
    with qtbot.waitSignal(watcher.idle, timeout=2000):
        pass


def _focus(qtbot, widget):
    widget.show()
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=2000)


def test_triple_shift_triggers_quick_hide(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    _focus(qtbot, field)
    detector = TripleShift()
    with qtbot.waitSignal(detector.triggered, timeout=1000):
        for _ in range(3):
            qtbot.keyClick(field, Qt.Key.Key_Shift)
            qtbot.wait(40)


def test_typing_between_shifts_does_not_trigger(qtbot):
    field = QLineEdit()
    qtbot.addWidget(field)
    _focus(qtbot, field)
    detector = TripleShift()
    with qtbot.assertNotEmitted(detector.triggered, wait=100):
        for key in (Qt.Key.Key_Shift, Qt.Key.Key_Shift, Qt.Key.Key_H, Qt.Key.Key_Shift):
            qtbot.keyClick(field, key)
            qtbot.wait(40)


@pytest.fixture
def private_bus() -> Iterator[QDBusConnection]:
    """A D-Bus session bus of the test's own, so no desktop is disturbed."""
    if shutil.which("dbus-daemon") is None:
        pytest.skip("dbus-daemon is not installed (CI installs it)")
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert daemon.stdout is not None
    address = daemon.stdout.readline().strip()
    bus = QDBusConnection.connectToBus(address, "rebuild-test-bus")
    assert bus.isConnected()
    yield bus
    QDBusConnection.disconnectFromBus("rebuild-test-bus")
    daemon.terminate()
    daemon.wait(5)
    daemon.stdout.close()


def test_screen_lock_signal_on_the_session_bus_locks(qtbot, private_bus):
    no_system_bus = QDBusConnection.connectToBus("unix:path=/nonexistent", "no-system-bus")
    watcher = ScreenLockWatcher(session_bus=private_bus, system_bus=no_system_bus)
    assert watcher.listening
    message = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged")
    message.setArguments([True])
    with qtbot.waitSignal(watcher.locked, timeout=3000):
        assert private_bus.send(message)
    unlocked = QDBusMessage.createSignal(
        "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged")
    unlocked.setArguments([False])
    with qtbot.assertNotEmitted(watcher.locked, wait=300):
        private_bus.send(unlocked)
    QDBusConnection.disconnectFromBus("no-system-bus")


def test_text_copied_with_ctrl_c_is_marked_secret_and_cleared(qtbot):
    field = QLineEdit("a sentence from the vault")
    qtbot.addWidget(field)
    guard = ClipboardGuard(clear_after_ms=150)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    system = QGuiApplication.clipboard()
    qtbot.waitUntil(lambda: system.mimeData().hasFormat("x-kde-passwordManagerHint"),
                    timeout=1000)
    assert system.text() == "a sentence from the vault"
    assert bytes(system.mimeData().data("x-kde-passwordManagerHint")) == b"secret"
    qtbot.waitUntil(lambda: system.text() == "", timeout=2000)
    guard.deleteLater()


def test_clear_on_lock_leaves_text_that_is_not_ours(qtbot):
    guard = ClipboardGuard()
    guard.copy("ours")
    guard.clear()
    assert QGuiApplication.clipboard().text() == ""
    guard.copy("ours again")
    QGuiApplication.clipboard().blockSignals(True)  # as if another program copied this
    QGuiApplication.clipboard().setText("someone else's")
    QGuiApplication.clipboard().blockSignals(False)
    guard.clear()
    assert QGuiApplication.clipboard().text() == "someone else's"
    guard.deleteLater()


def test_settings_keep_only_allowlisted_keys(tmp_path):
    store = QSettings(str(tmp_path / "rebuild.ini"), QSettings.Format.IniFormat)
    store.setValue("window/geometry", b"geometry")
    store.setValue("recent/export", "/home/someone/summary.pdf")
    store.setValue("partner/name", "Alex")
    assert sorted(ui_state.scrub(store)) == ["partner/name", "recent/export"]
    assert store.allKeys() == ["window/geometry"]
    text = (tmp_path / "rebuild.ini").read_text()
    assert "Alex" not in text and "summary" not in text
