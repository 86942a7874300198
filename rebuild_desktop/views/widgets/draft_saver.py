"""Saves a composer's draft half a second after the typing stops."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.services.drafts import DraftKeeper

DELAY_MS = 500


class DraftSaver(QObject):
    """Call ``touch()`` on every edit; ``flush()`` writes a pending draft at once.

    ``is_open`` tells whether the vault is still unlocked: after a lock there
    is no connection to write to, and nothing may be kept anywhere else.
    """

    def __init__(self, keeper: DraftKeeper, fields: Callable[[], dict[str, Any]],
                 is_open: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._keeper, self._fields, self._is_open = keeper, fields, is_open
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DELAY_MS)
        self._timer.timeout.connect(self._save)
        self._paused = False

    def touch(self) -> None:
        if not self._paused:
            self._timer.start()

    def flush(self) -> None:
        if self._timer.isActive():
            self._save()

    def _save(self) -> None:
        self._timer.stop()
        if not self._is_open():
            return
        try:
            self._keeper.keep(self._fields())
        except KnownError:
            pass  # a full disk must not interrupt typing; saving the entry will say so

    def restore(self, apply: Callable[[dict[str, Any]], None]) -> None:
        """Put a kept draft back into the composer without saving it again."""
        draft = self._keeper.load()
        if draft:
            self._paused = True
            try:
                apply(draft)
            finally:
                self._paused = False

    def cancel(self) -> None:
        """The record was saved (and its draft dropped with it): nothing left to keep."""
        self._timer.stop()
