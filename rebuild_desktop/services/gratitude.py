"""The gratitude log: appreciations written from one partner to the other.

There are no streaks, points or counts per partner here on purpose: a
relationship is not a score. "From the past" brings back one older entry,
the same one all day, so it feels like a memory rather than a slot machine.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from dataclasses import dataclass

from rebuild_desktop.domain.records import Gratitude
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.resources import resource
from rebuild_desktop.services import drafts
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.drafts import DraftRepository
from rebuild_desktop.storage.records import GratitudeRepository
from rebuild_desktop.storage.together import GratitudeQueries

PAST_SHOWN_SHARE = 1 / 3  # "now and then", not every day
PAST_AFTER_DAYS = 14


@dataclass(frozen=True, slots=True)
class WritingPrompts:
    prompts: tuple[str, ...]
    categories: tuple[str, ...]

    def for_day(self, day: dt.date, turn: int = 0) -> str:
        """The prompt for ``day``; ``turn`` moves on to the next one when asked."""
        return self.prompts[(day.toordinal() + turn) % len(self.prompts)]


def load_prompts() -> WritingPrompts:
    data = json.loads(resource("prompts", "gratitude.json").read_text(encoding="utf-8"))
    return WritingPrompts(tuple(data["prompts"]), tuple(data["categories"]))


class GratitudeService:
    """Write, acknowledge, reply to, browse and search appreciations."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = GratitudeRepository(conn)
        self._queries = GratitudeQueries(conn)

    def write(self, from_partner: PartnerId, text: str, *, date: str,
              category: str | None = None) -> Gratitude:
        """Add an appreciation to the other partner.

        Raises:
            ValueError: the text is empty (the view keeps what was typed).
        """
        if not text.strip():
            raise ValueError("empty appreciation")
        to_partner = PartnerId.B if from_partner is PartnerId.A else PartnerId.A
        entry = Gratitude(str(uuid.uuid4()), date, from_partner, to_partner, text.strip(),
                          (category or "").strip() or None)
        with transaction(self._conn):
            self._repo.add(entry)
            DraftRepository(self._conn).discard(drafts.GRATITUDE)
        return entry

    def acknowledge(self, entry_id: str, reply: str | None = None) -> Gratitude:
        """Mark an entry as received (a heart), with an optional reply."""
        with transaction(self._conn):
            entry = self._get(entry_id)
            entry.acknowledged = True
            if reply is not None and reply.strip():
                entry.reply = reply.strip()
            self._repo.update(entry)
        return entry

    def page(self, offset: int, limit: int, query: str = "") -> list[Gratitude]:
        return self._queries.page(offset, limit, query)

    def from_the_past(self, today: dt.date) -> Gratitude | None:
        """Now and then (about one day in three) an entry at least two weeks old,
        the same one all day; None on the other days or when there is none."""
        chance = random.Random(today.toordinal())
        if chance.random() >= PAST_SHOWN_SHARE:
            return None
        cutoff = (today - dt.timedelta(days=PAST_AFTER_DAYS)).isoformat()
        count = self._queries.count_on_or_before(cutoff)
        if count == 0:
            return None
        index = chance.randrange(count)
        return self._queries.nth_on_or_before(cutoff, index)

    def _get(self, entry_id: str) -> Gratitude:
        entry = self._repo.get(entry_id)
        if entry is None:
            raise LookupError("no such entry")
        return entry
