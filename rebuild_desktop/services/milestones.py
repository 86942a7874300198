"""Timeline rows that agreements and pacing write when something changes.

They are ordinary timeline events (so the timeline, the chart and the export
see them) whose ``origin`` says which feature wrote them: ``agreement:<id>``,
``pacing:<step id>`` or ``pacing:pause``.
"""

from __future__ import annotations

import datetime as dt
import uuid

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.storage.together import add_timeline_row


def today() -> str:
    return dt.date.today().isoformat()


def now() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def write_milestone(conn: Connection, *, kind: EventKind, author: Author, title: str,
                    origin: str, text: str = "", date: str | None = None) -> TimelineEvent:
    """Add a timeline row for a change; call inside the caller's transaction."""
    event = TimelineEvent(str(uuid.uuid4()), date or today(), kind, author, title, text)
    add_timeline_row(conn, event, origin)
    return event
