"""File dialogs leave no remembered folders or history behind."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from rebuild_desktop.views.widgets.file_dialogs import forget_file_dialog_paths


def test_remembered_paths_are_removed(private_home: Path) -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.setValue("FileDialog/lastVisited", "file:///home/someone/recovery")
    settings.setValue("FileDialog/history", ["file:///home/someone/counselor"])
    settings.setValue("FileDialog/viewMode", "Detail")
    settings.sync()
    assert str(private_home) in settings.fileName()  # the test's own HOME, never the real one

    forget_file_dialog_paths()

    fresh = QSettings(QSettings.Scope.UserScope, "QtProject")
    assert fresh.value("FileDialog/lastVisited") is None
    assert fresh.value("FileDialog/history") is None
    assert fresh.value("FileDialog/viewMode") == "Detail"
    assert "someone" not in Path(fresh.fileName()).read_text()
