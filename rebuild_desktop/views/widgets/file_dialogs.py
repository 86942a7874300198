"""File dialogs that leave no trace of where a person saved or opened a file.

Qt's own file dialog writes the last folder and a history into the
``QtProject`` settings when it is destroyed; a path like ".../recovery" or
".../counselor" says too much on a shared computer. These helpers destroy
the dialog at once and then remove what it wrote. Nothing is added to the
desktop's recent files (the Qt dialog never does that).
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QDir, QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_REMEMBERED = ("lastVisited", "history")


def ask_save_path(parent: QWidget, title: str, suggested_name: str,
                  name_filter: str) -> Path | None:
    """Ask where to save; None when the person cancels."""
    dialog = QFileDialog(parent, title, QDir.homePath(), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.selectFile(suggested_name)
    return _run(dialog)


def ask_open_path(parent: QWidget, title: str, name_filter: str) -> Path | None:
    """Ask which file to open; None when the person cancels."""
    dialog = QFileDialog(parent, title, QDir.homePath(), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    return _run(dialog)


def _run(dialog: QFileDialog) -> Path | None:
    accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
    chosen = dialog.selectedFiles()
    shiboken6.delete(dialog)  # now, so its settings are written before we clean them
    forget_file_dialog_paths()
    if not accepted or not chosen:
        return None
    return Path(chosen[0])


def forget_file_dialog_paths() -> None:
    """Remove the folders and history Qt's file dialog remembered."""
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.beginGroup("FileDialog")
    for key in _REMEMBERED:
        settings.remove(key)
    settings.endGroup()
    settings.sync()
