"""A bug's report names code locations and versions, never what was written."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rebuild_desktop.views import crash


def _raise_with_content():
    secret_title = "a private sentence"  # a local value the report must not carry
    raise KeyError(f"no entry called {secret_title}")


def _caught():
    try:
        _raise_with_content()
    except KeyError:
        return sys.exc_info()
    raise AssertionError("expected an error")


def test_report_holds_no_message_and_no_values():
    kind, _error, trace = _caught()
    text = crash.report(kind, trace)
    assert "KeyError" in text and "_raise_with_content" not in text  # only our package's frames
    assert "private sentence" not in text and "no entry" not in text


def test_report_lists_frames_inside_the_package(qtbot):
    from rebuild_desktop.storage.layout import check_name

    try:
        check_name("not a valid name!")
    except Exception:  # noqa: BLE001 - any kind; the report is what matters
        kind, _error, trace = sys.exc_info()
    text = crash.report(kind, trace)
    assert "/storage/layout.py:" in text and "in check_name" in text
    assert "not a valid name" not in text


def test_hook_shows_a_calm_dialog_with_the_report(qtbot, capsys):
    kind, error, trace = _caught()
    seen = {}

    def read_and_close():
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen["text"], seen["details"] = box.text(), box.detailedText()
        box.accept()

    QTimer.singleShot(0, read_and_close)
    crash.show_bug(kind, error, trace)
    assert "safe" in seen["text"] and "private sentence" not in seen["details"]
    err = capsys.readouterr().err
    assert err.strip() == "rebuild-desktop: unexpected KeyError (a bug in Rebuild)"
