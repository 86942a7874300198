"""The private journal: write, find and keep entries, and keep unsaved writing safe.

The editor's unsaved state is a ``JournalDraft`` kept in the vault's
``drafts`` table, so a crash or a lock loses at most the last second of
typing. Saving an entry removes the draft in the same transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, field
from datetime import date

from rebuild_desktop.domain.records import JournalEntry
from rebuild_desktop.resources import resource
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.drafts import DraftRepository
from rebuild_desktop.storage.journal_queries import JournalQueries
from rebuild_desktop.storage.records import JournalRepository

DRAFT_KEY = "journal:editor"
PROMPT_CATEGORIES = ("self_reflection", "self_care", "triggers", "forgiveness", "what_i_need")


@dataclass(slots=True)
class JournalDraft:
    """What the editor holds; ``entry_id`` is None for an entry not saved yet."""

    date: str
    text: str = ""
    title: str = ""
    mood: int | None = None
    tags: list[str] = field(default_factory=list)
    prompt: str | None = None
    for_counselor: bool = False
    entry_id: str | None = None

    @property
    def blank(self) -> bool:
        return not (self.text.strip() or self.title.strip())

    @classmethod
    def of(cls, entry: JournalEntry) -> JournalDraft:
        return cls(entry.date, entry.text, entry.title or "", entry.mood, list(entry.tags),
                   entry.extra.get("prompt"), entry.for_counselor, entry.id)


def parse_tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without duplicates, in the order typed."""
    tags: list[str] = []
    for part in text.split(","):
        tag = part.strip()
        if tag and tag.casefold() not in (t.casefold() for t in tags):
            tags.append(tag)
    return tags


def load_prompts() -> dict[str, list[str]]:
    """The reflection prompts by category, from resources/prompts/journal.json."""
    data = json.loads(resource("prompts", "journal.json").read_text(encoding="utf-8"))
    return {key: list(data["categories"].get(key, [])) for key in PROMPT_CATEGORIES}


class JournalService:
    """The journal of one open vault, on one connection."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._repo = JournalRepository(conn)
        self._queries = JournalQueries(conn)

    def entries(self, *, day: str | None = None, search: str | None = None) -> list[JournalEntry]:
        return self._queries.entries(day=day, search=search)

    def get(self, entry_id: str) -> JournalEntry | None:
        return self._repo.get(entry_id)

    def days_with_entries(self, first: date, last: date) -> set[str]:
        return self._queries.days_with_entries(first.isoformat(), last.isoformat())

    def save(self, draft: JournalDraft) -> JournalEntry:
        """Add or update the entry the draft describes, and drop the draft.

        Raises:
            DiskFull: nothing was saved; the draft and the editor keep the text.
        """
        extra = {}
        if draft.entry_id is not None:
            existing = self._repo.get(draft.entry_id)
            extra = dict(existing.extra) if existing else {}
        extra.pop("prompt", None)
        if draft.prompt:
            extra["prompt"] = draft.prompt
        entry = JournalEntry(
            draft.entry_id or str(uuid.uuid4()), draft.date, draft.text, draft.mood,
            list(draft.tags), draft.title.strip() or None, draft.for_counselor, extra,
        )
        with transaction(self._conn):
            if draft.entry_id is not None and self._repo.exists(draft.entry_id):
                self._repo.update(entry)
            else:
                self._repo.add(entry)
            DraftRepository(self._conn).discard(DRAFT_KEY)
        return entry

    def delete(self, entry_id: str) -> None:
        with transaction(self._conn):
            self._repo.delete(entry_id)

    # Drafts ---------------------------------------------------------------------

    def keep_draft(self, draft: JournalDraft) -> None:
        with transaction(self._conn):
            DraftRepository(self._conn).save(DRAFT_KEY, asdict(draft))

    def draft(self) -> JournalDraft | None:
        value = DraftRepository(self._conn).load(DRAFT_KEY)
        if not isinstance(value, dict):
            return None
        known = {name: value[name] for name in JournalDraft.__dataclass_fields__ if name in value}
        try:
            return JournalDraft(**known)
        except TypeError:
            return None

    def discard_draft(self) -> None:
        with transaction(self._conn):
            DraftRepository(self._conn).discard(DRAFT_KEY)
