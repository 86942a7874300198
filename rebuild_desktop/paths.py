"""Where this computer keeps Rebuild's vaults."""

from __future__ import annotations

import os
from pathlib import Path

from rebuild_desktop import APP_NAME

DATA_DIR_ENV = "REBUILD_DESKTOP_DATA_DIR"


def resolve_data_dir(explicit: Path | None = None) -> Path:
    """``--data-dir``, else ``$REBUILD_DESKTOP_DATA_DIR``, else the platform's app data folder."""
    if explicit is not None:
        return explicit.expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    from PySide6.QtCore import QCoreApplication, QStandardPaths

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName("")
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(location)
