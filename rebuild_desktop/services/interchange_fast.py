"""Fast readers for the usual case: a record whose every field is plainly valid.

An import may hold 100,000 timeline events, and the careful readers of
``interchange_records`` spend a function call or three on every rule of every
field. A fast reader checks the same rules inline and builds the same record,
but it never explains: at the first doubt (a wrong type, an unknown key, a
null inside ``trust``, an unreal date) it returns ``None``, and the careful
reader reads the record again from the start and names the problem. So every
message still comes from one place, and a fast reader may be narrower than
the rules but never wider (tests/services/test_interchange_fast.py).
"""

from __future__ import annotations

import re
from typing import Any, TypeGuard

from rebuild_desktop.domain.records import JournalEntry, TimelineEvent
from rebuild_desktop.domain.values import MOOD_RANGE, TRUST_RANGE, Author, EventKind, PartnerId
from rebuild_desktop.services.interchange_fields import is_day
from rebuild_desktop.services.interchange_records import JOURNAL_KEYS, TIMELINE_KEYS

_EVENT_KINDS = {member.value: member for member in EventKind}
_AUTHORS = {member.value: member for member in Author}
_LOWEST_TRUST, _HIGHEST_TRUST = TRUST_RANGE.start, TRUST_RANGE.stop - 1
# A lone surrogate can reach a JSON string only through a \uD800-\uDFFF escape:
# strict UTF-8 decoding refuses one written out.
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD]")


class _Days(dict[str, bool]):
    """Whether each date text is a real date, worked out once per distinct text."""

    def __missing__(self, value: str) -> bool:
        real = self[value] = is_day(value)
        return real


class FastReading:
    """The fast readers of one file, and what they share while reading it.

    Attributes:
        clean: no text in the file can hold a lone surrogate, so texts need
            only their type checked.
        days: date texts already checked.
    """

    __slots__ = ("clean", "days", "partners")

    def __init__(self, data: bytes, partners: tuple[PartnerId, ...]) -> None:
        self.clean = _SURROGATE_ESCAPE.search(data) is None
        self.days = _Days()
        self.partners = tuple((p.value, p) for p in partners)

    def text(self, value: Any) -> TypeGuard[str]:
        """Whether ``value`` is text that UTF-8 can write (no lone surrogate)."""
        if type(value) is not str:
            return False
        if self.clean or value.isascii():
            return True
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True

    def texts(self, values: list[Any]) -> bool:
        """Whether every item of ``values`` passes ``text``."""
        for value in values:
            if not self.text(value):
                return False
        return True

    def timeline(self, obj: dict[str, Any], record_id: str) -> TimelineEvent | None:
        """The event ``read_timeline`` would build, or ``None`` to let it speak."""
        if not TIMELINE_KEYS.issuperset(obj):
            return None
        get = obj.get
        day, kind, author, title = get("date"), get("kind"), get("author"), get("title")
        if type(day) is not str or type(kind) is not str or type(author) is not str:
            return None
        kind, author = _EVENT_KINDS.get(kind), _AUTHORS.get(author)
        if kind is None or author is None or not self.days[day]:
            return None
        text, trust, tags = get("text"), get("trust"), get("tags")
        counsel, origin = get("for_counselor"), get("origin")
        if text is None:
            text = ""
        if trust is None:
            trust = {}
        elif type(trust) is not dict or (trust := self._scores(trust)) is None:
            return None
        if tags is None:
            tags = []
        elif type(tags) is not list:
            return None
        if counsel is None:
            counsel = True
        elif type(counsel) is not bool:
            return None
        if not (self.text(title) and self.text(text) and self.texts(tags)
                and (origin is None or self.text(origin))):
            return None
        return TimelineEvent(record_id, day, kind, author, title, text, trust, tags, counsel, {},
                             origin)

    def _scores(self, value: dict[str, Any]) -> dict[PartnerId, int] | None:
        """A ``trust`` object of whole numbers from 0 to 10 for known partners."""
        scores = {}
        for name, partner in self.partners:
            score = value.get(name)
            if score is not None:
                if type(score) is not int or not _LOWEST_TRUST <= score <= _HIGHEST_TRUST:
                    return None
                scores[partner] = score
        # A key left over names an unknown partner or holds a null: the careful reader decides.
        return scores if len(scores) == len(value) else None

    def journal(self, obj: dict[str, Any], record_id: str) -> JournalEntry | None:
        """The entry ``read_journal`` would build, or ``None`` to let it speak."""
        if not JOURNAL_KEYS.issuperset(obj):
            return None
        get = obj.get
        day, text, mood, tags = get("date"), get("text"), get("mood"), get("tags")
        title, counsel = get("title"), get("for_counselor")
        if type(day) is not str or not self.days[day] or not self.text(text):
            return None
        if mood is not None and (type(mood) is not int or mood not in MOOD_RANGE):
            return None
        if tags is None:
            tags = []
        elif type(tags) is not list or not self.texts(tags):
            return None
        if title is not None and not self.text(title):
            return None
        if counsel is None:
            counsel = False
        elif type(counsel) is not bool:
            return None
        return JournalEntry(record_id, day, text, mood, tags, title, counsel, {})
