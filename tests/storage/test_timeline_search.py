"""The fast search path gives exactly what sorting every match gives, page by page."""

from __future__ import annotations

import random
import uuid

import pytest

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.storage import timeline_queries
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.storage.timeline_queries import TimelineFilter, TimelineQueries
from rebuild_desktop.storage.timeline_search import TermExpander

_WORDS = ("today", "todays", "together", "walk", "walked", "honest", "we", "quiet", "café")


def _event(rng: random.Random, day: int) -> TimelineEvent:
    words = rng.sample(_WORDS, rng.randrange(1, 4))
    return TimelineEvent(
        str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        f"2026-{1 + day // 28:02d}-{1 + day % 28:02d}" + ("T08:30" if rng.random() < 0.2 else ""),
        rng.choice((EventKind.NOTE, EventKind.SETBACK, EventKind.MILESTONE)),
        rng.choice(tuple(Author)), " ".join(words[:1]).title(), " ".join(words),
        tags=rng.sample(["phones", "family", "work"], rng.randrange(3)))


@pytest.fixture
def queries(couple_vault) -> TimelineQueries:
    rng = random.Random(3)
    repository = TimelineRepository(couple_vault.db)
    # Part in date order (as an import writes), part in any order (as people add
    # and edit), so that seq and the date order disagree in many places.
    ordered = sorted((_event(rng, rng.randrange(300)) for _ in range(250)),
                     key=lambda e: (e.date, e.id))
    repository.add_many(ordered)
    for _ in range(150):
        repository.add(_event(rng, rng.randrange(300)))
    return TimelineQueries(couple_vault.db)


def _pages(queries: TimelineQueries, flt: TimelineFilter, size: int | None) -> list[int]:
    seqs, after = [], None
    while True:
        page = queries.index(flt, size, after)
        seqs.extend(e.seq for e in page)
        if size is None or len(page) < size:
            return seqs
        after = page[-1]


_FILTERS = [
    TimelineFilter(search="we"), TimelineFilter(search="toda"), TimelineFilter(search="today"),
    TimelineFilter(search="walk hon"), TimelineFilter(search="Walked"),
    TimelineFilter(search="cafe"), TimelineFilter(search="t"),
    TimelineFilter(search="tod", kinds=frozenset({"note", "setback"})),
    TimelineFilter(search="together", author="a"), TimelineFilter(tag="phones"),
    TimelineFilter(search="quiet", tag="work", date_from="2026-03-01", date_to="2026-07-14"),
    TimelineFilter(search="nothing-like-this"),
]


@pytest.mark.parametrize("size", [1, 7, 200, None])
def test_walking_the_date_index_equals_sorting_every_match(queries, monkeypatch, size):
    for flt in _FILTERS:
        monkeypatch.setattr(timeline_queries, "_WALK_FACTOR", 1e12)
        expected = _pages(queries, flt, size)  # every match looked up and sorted by SQLite
        monkeypatch.setattr(timeline_queries, "_WALK_FACTOR", 0.0)
        assert _pages(queries, flt, size) == expected, flt
    assert _pages(queries, TimelineFilter(search="we"), size)  # not everything was empty


def test_a_resumed_page_after_a_deleted_event_skips_its_whole_day(queries, couple_vault,
                                                                   monkeypatch):
    flt = TimelineFilter(search="we")
    first = queries.index(flt, 10)
    couple_vault.db.execute("DELETE FROM timeline WHERE seq = ?", (first[-1].seq,))
    monkeypatch.setattr(timeline_queries, "_WALK_FACTOR", 1e12)
    expected = queries.index(flt, 10, first[-1])
    monkeypatch.setattr(timeline_queries, "_WALK_FACTOR", 0.0)
    assert queries.index(flt, 10, first[-1]) == expected
    assert all(e.date < first[-1].date for e in expected)


def test_a_long_prefix_is_spelled_as_the_words_it_stands_for(queries, couple_vault):
    expand = TermExpander(couple_vault.db)
    assert expand("Toda") == '("today" OR "todays")'
    assert expand("walke") == '("walked")'
    assert expand("tod") is None  # a prefix index answers it as it is
    assert expand("zebra") is None  # no such word: the prefix query finds nothing too
    assert expand("café") is None  # the tokenizer would fold it: left as typed
    assert expand("to-da") is None


def test_a_prefix_of_many_words_stays_a_prefix(couple_vault):
    TimelineRepository(couple_vault.db).add_many(
        [TimelineEvent(str(uuid.uuid4()), "2026-01-01", EventKind.NOTE, Author.A,
                       f"word{n}", f"abcd{n:03d}") for n in range(40)])
    assert TermExpander(couple_vault.db)("abcd") is None
    found = TimelineQueries(couple_vault.db).index(TimelineFilter(search="abcd"))
    assert len(found) == 40
