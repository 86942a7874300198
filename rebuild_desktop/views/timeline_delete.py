"""Deleting a timeline event as one undoable step, and the sentence that says what went.

A row that stands for a check-in or a hard moment takes that record with it
(``services.timeline_mirrors``), so the sentence says so and the other pages
that show the record are told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.services.timeline import Removed
from rebuild_desktop.services.timeline_mirrors import CHECKIN, HARD_MOMENT

if TYPE_CHECKING:
    from rebuild_desktop.views.timeline import TimelinePage

# The change-bus names of the pages that show each kind of record.
_PAGES = {CHECKIN: "checkins", HARD_MOMENT: "hard_moments"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def removed_message(removed: Removed) -> str:
    """One calm sentence for what was removed, where the person will miss it."""
    kind = removed.record.kind if removed.record is not None else None
    if kind == CHECKIN:
        return _tr("The check-in was removed from the timeline and from the earlier check-ins.")
    if kind == HARD_MOMENT:
        return _tr("The hard moment was removed, with everything written in it.")
    return _tr("“{title}” was removed from the timeline.").format(title=removed.event.title)


class DeleteEvent(QUndoCommand):
    """Delete one event (and the record it stands for); undo puts back both as they were."""

    def __init__(self, page: TimelinePage, event: TimelineEvent) -> None:
        super().__init__(_tr("Remove “{title}”").format(title=event.title))
        self._page, self._id = page, event.id
        self.removed: Removed | None = None

    def _also(self) -> tuple[str, ...]:
        """The other pages that show what went: the check-ins or hard moments page."""
        record = self.removed.record if self.removed is not None else None
        return (_PAGES[record.kind],) if record is not None else ()

    def redo(self) -> None:
        self.removed = self._page.service.delete(self._id)
        self._page.written(also=self._also())

    def undo(self) -> None:
        if self.removed is not None:
            self._page.service.restore(self.removed)
            self._page.written(select=self._id, also=self._also())
