"""Rows store tags and unknown keys exactly as ``dump_json`` writes them."""

from __future__ import annotations

import gc
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from rebuild_desktop.domain.records import JournalEntry, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.storage.records import JournalRepository, TimelineRepository
from rebuild_desktop.storage.repository import dump_extra, dump_json, dump_texts

# Every code point, lone surrogates and NUL included: the quoting must agree on all of them.
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=[]), max_size=12)
JSONISH = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), ANY_TEXT,
                                 st.floats(allow_nan=False, allow_infinity=False)),
                       lambda inner: st.one_of(st.lists(inner, max_size=3),
                                               st.dictionaries(ANY_TEXT, inner, max_size=3)),
                       max_leaves=8)


@given(values=st.lists(ANY_TEXT, max_size=5))
def test_texts_are_written_as_dump_json_writes_them(values: list[str]) -> None:
    assert dump_texts(values) == dump_json(values)
    assert dump_texts(tuple(values)) == dump_json(values)


def test_texts_that_are_not_all_text_still_go_through_the_encoder() -> None:
    mixed: list[Any] = ["a", 3, None, EventKind.NOTE]
    assert dump_texts(mixed) == dump_json(mixed) == '["a", 3, null, "note"]'


@given(extra=st.one_of(st.none(), st.dictionaries(ANY_TEXT, JSONISH, max_size=3)))
def test_unknown_keys_are_written_as_dump_json_writes_them(extra: dict[str, Any] | None) -> None:
    assert dump_extra(extra) == dump_json(extra or {})


@given(tags=st.lists(ANY_TEXT, max_size=3),
       extra=st.dictionaries(st.sampled_from(["x_a", "x_b"]), JSONISH, max_size=2),
       trust=st.dictionaries(st.sampled_from(list(PartnerId)), st.integers(0, 10)))
def test_an_events_row_holds_text_and_numbers_only(tags: list[str], extra: dict[str, Any],
                                                   trust: dict[PartnerId, int]) -> None:
    event = TimelineEvent("0F12AB34-1111-4A4A-8B8B-000000000001", "2026-03-01",
                          EventKind.SETBACK, Author.BOTH, "title", "", trust, tags, False,
                          extra)
    row = TimelineRepository(None)._row(event)  # type: ignore[arg-type]
    assert row == {
        "id": "0f12ab34-1111-4a4a-8b8b-000000000001", "date": "2026-03-01",
        "for_counselor": 0, "extra": dump_json(extra), "kind": "setback", "author": "both",
        "title": "title", "text": "", "trust_a": trust.get(PartnerId.A),
        "trust_b": trust.get(PartnerId.B), "tags": dump_json(tags), "origin": None,
    }
    assert type(row["kind"]) is str and type(row["author"]) is str
    # Nothing for the cyclic garbage collector to walk in 100,000 import rows.
    assert not gc.is_tracked(row)


def test_a_journal_row_holds_tags_as_dump_json_writes_them() -> None:
    entry = JournalEntry("0f12ab34-7777-4a4a-8b8b-000000000007", "2026-03-06", "text", 2,
                         ["שלום", 'quote "x"', "tab\t"], None, True, {})
    row = JournalRepository(None)._row(entry)  # type: ignore[arg-type]
    assert row["tags"] == dump_json(entry.tags) and row["extra"] == "{}"
    assert row["for_counselor"] == 1
