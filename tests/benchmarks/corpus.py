"""Believable, reproducible timeline events for the benchmarks.

The words are chosen so that search can be timed over terms of known
frequency: a rare word in about one event in a thousand, a common word in
about one in twenty, and a very common word in nearly every event.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

RARE_TERMS = ("lighthouse", "origami", "violin")
COMMON_TERMS = ("walk", "counselor", "honest")
VERY_COMMON_TERMS = ("we", "today")

_KINDS = ("milestone", "setback", "accountability", "checkin", "counseling", "quality_time",
          "note", "agreement", "disclosure")
_TITLES = (
    "Long walk by the river", "Talked about the hard week", "Counselor session",
    "Shared a quiet dinner", "Made a new agreement", "A heavy evening",
    "Honest conversation about phones", "Weekly check-in", "Cooked together",
    "Read the letter together", "Took responsibility for the lie",
)
_SENTENCES = (
    "We stayed with it even when it got hard today.",
    "Today we listened more than we talked, and we slowed down.",
    "It felt like we were on the same side for a while today.",
    "We noticed the old fear and named it today without blame.",
    "Today was quieter; we kept to what we agreed.",
)
_EXTRA = {  # word -> probability of appearing in an event's text
    "lighthouse": 0.001, "origami": 0.001, "violin": 0.001,
    "walk": 0.05, "counselor": 0.05, "honest": 0.05,
}
_TAGS = ("phones", "family", "work", "evenings", "weekend", "honesty")


def events(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``count`` interchange-format timeline records, spread over the years."""
    rng = random.Random(seed)
    start = date(2026, 11, 20) - timedelta(days=max(1, count // 20))
    span = (date(2026, 11, 20) - start).days
    for _ in range(count):
        text = rng.choice(_SENTENCES)
        for word, chance in _EXTRA.items():
            if rng.random() < chance:
                text += f" The {word} stayed with me."
        if rng.random() < 0.03:  # a handful without the very common words
            text = "Quiet."
        record: dict[str, Any] = {
            "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
            "date": (start + timedelta(days=rng.randrange(span + 1))).isoformat(),
            "kind": rng.choice(_KINDS),
            "author": rng.choice(("a", "b", "both")),
            "title": rng.choice(_TITLES),
            "text": text,
            "tags": rng.sample(_TAGS, rng.randrange(3)),
            "for_counselor": rng.random() < 0.5,
        }
        if rng.random() < 0.3:
            record["trust"] = {"a": rng.randrange(11), "b": rng.randrange(11)}
        yield record


def interchange(count: int) -> dict[str, Any]:
    """A whole couple-vault interchange file holding ``count`` timeline events."""
    return {
        "format": "rebuild-desktop",
        "version": 1,
        "vault": {"kind": "couple", "partners": [
            {"id": "a", "name": "Alex", "role": "hurt"},
            {"id": "b", "name": "Sam", "role": "broke_trust"}]},
        "timeline": list(events(count)),
    }
