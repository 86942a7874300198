"""The fast readers build what the careful readers build, and leave every refusal to them."""

from __future__ import annotations

import gc
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services import interchange_fields as f
from rebuild_desktop.services.interchange_fast import FastReading
from rebuild_desktop.services.interchange_fields import Where
from rebuild_desktop.services.interchange_records import read_journal, read_timeline
from rebuild_desktop.services.interchange_validate import parse
from tests.benchmarks.corpus import events

COUPLE = (PartnerId.A, PartnerId.B)
JOURNAL = (PartnerId.A,)
RECORD_ID = "0F12AB34-1111-4A4A-8B8B-000000000001"

# Wrong values (and a few right ones) for any field, and near misses for some.
ODD = st.sampled_from([None, True, False, 0, 3, 5.0, "", "x", "\ud800", "💔", [], ["x"],
                       ["x", 3], {}, {"a": 3}])
NEAR_MISSES: dict[str, list[Any]] = {
    "date": ["2026-02-30", "2026-3-1", "20260301", "2026-13-01", "２０２６-03-01",
             "2026-03-01T10:00:00+01:00", "2026-03-01 ", 20260301],
    "kind": ["party", "Note", "milestone ", "a", ["note"]],
    "author": ["c", "A", "", "both ", {"a": 1}],
    "trust": [{"a": 11}, {"b": -1}, {"a": True}, {"b": 5.0}, {"a": "5"}, {"c": 1},
              {"a": 3, "c": 1}, {"A": 3}, {"\ud800": 3}, {"a": None}, {"a": 3, "b": None},
              [4, 7], "a"],
    "mood": [0, 6, -1, True, 3.0, "3"],
    "tags": ["one", ["ok", 3], ["\ud800"], ["ok", "x\udfff"], [None], {"a": "b"}],
    "for_counselor": [0, 1, "true", []],
    "title": ["\ud800", "a\udfff", "💔\udc00", 5, ["x"]],
}
TEXT = st.one_of(st.text(max_size=8), st.sampled_from(["💔 שלום", "\u200f", "x" * 300]))
DAY = st.dates().map(lambda day: day.isoformat())
TRUST = st.dictionaries(st.sampled_from(["a", "b"]), st.integers(0, 10), max_size=2)


def _records(required: dict[str, st.SearchStrategy[Any]],
             optional: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """Valid records, then some with a field or two set wrong, dropped or unknown."""
    valid = st.fixed_dictionaries(
        {"id": st.just(RECORD_ID), **required},
        optional={key: st.one_of(st.none(), values) for key, values in optional.items()})
    keys = st.sampled_from([*required, *optional, "x_colour", "\ud800"])
    edit = keys.flatmap(lambda key: st.tuples(st.just(key), st.one_of(
        st.sampled_from(NEAR_MISSES.get(key, NEAR_MISSES["title"])), ODD, st.just(KeyError))))

    def changed(pair: tuple[dict[str, Any], list[tuple[str, Any]]]) -> dict[str, Any]:
        record, edits = pair
        for key, value in edits:
            if value is KeyError:
                record.pop(key, None)
            else:
                record[key] = value
        return record

    return st.tuples(valid, st.lists(edit, max_size=2)).map(changed)


TIMELINE = _records(
    {"date": DAY, "kind": st.sampled_from(["note", "milestone", "setback"]),
     "author": st.sampled_from(["a", "b", "both"]), "title": TEXT},
    {"text": TEXT, "trust": TRUST, "tags": st.lists(TEXT, max_size=3),
     "for_counselor": st.booleans(), "origin": TEXT})
JOURNAL_ENTRY = _records(
    {"date": DAY, "text": TEXT},
    {"mood": st.integers(1, 5), "tags": st.lists(TEXT, max_size=3), "title": TEXT,
     "for_counselor": st.booleans()})


def _as_in_a_file(record: dict[str, Any], ascii_only: bool) -> tuple[dict[str, Any], bytes]:
    """``record`` as a file would carry it: the bytes, and what they parse to.

    A lone surrogate can only be written escaped, so it forces ASCII.
    """
    try:
        data = json.dumps(record, ensure_ascii=ascii_only).encode("utf-8")
    except UnicodeEncodeError:
        data = json.dumps(record).encode("utf-8")
    return json.loads(data), data


def _careful(read: Any, obj: dict[str, Any], partners: tuple[PartnerId, ...]) -> Any:
    where = Where("record 1")
    f.record_id(obj, where)
    try:
        return read(obj, where, partners)
    except BadImportFile:
        return None


@settings(max_examples=300)
@given(record=TIMELINE, ascii_only=st.booleans())
def test_a_fast_timeline_event_is_the_careful_one(record: dict[str, Any],
                                                  ascii_only: bool) -> None:
    obj, data = _as_in_a_file(record, ascii_only)
    quick = FastReading(data, COUPLE).timeline(obj, RECORD_ID.lower())
    careful = _careful(read_timeline, obj, COUPLE)
    assert quick is None or quick == careful


@settings(max_examples=300)
@given(record=JOURNAL_ENTRY, ascii_only=st.booleans())
def test_a_fast_journal_entry_is_the_careful_one(record: dict[str, Any],
                                                 ascii_only: bool) -> None:
    obj, data = _as_in_a_file(record, ascii_only)
    quick = FastReading(data, JOURNAL).journal(obj, RECORD_ID.lower())
    careful = _careful(read_journal, obj, JOURNAL)
    assert quick is None or quick == careful


@pytest.mark.parametrize("ascii_only", [False, True])
def test_no_near_miss_is_taken_by_a_fast_reader(ascii_only: bool) -> None:
    event = {"id": RECORD_ID, "date": "2026-03-01", "kind": "note", "author": "a", "title": "t",
             "text": "t", "trust": {"a": 3, "b": 4}, "tags": ["x"], "for_counselor": False,
             "origin": "o"}
    entry = {"id": RECORD_ID, "date": "2026-03-01", "text": "t", "mood": 3, "tags": ["x"],
             "title": "t", "for_counselor": True}
    for base, quick, careful, partners in ((event, FastReading.timeline, read_timeline, COUPLE),
                                           (entry, FastReading.journal, read_journal, JOURNAL)):
        for key in base.keys() - {"id"}:
            for value in NEAR_MISSES.get(key, NEAR_MISSES["title"]):
                obj, data = _as_in_a_file({**base, key: value}, ascii_only)
                made = quick(FastReading(data, partners), obj, RECORD_ID.lower())
                assert made is None or made == _careful(careful, obj, partners), (key, value)


@pytest.mark.parametrize("ascii_only", [False, True])
def test_plain_records_take_the_fast_path(ascii_only: bool) -> None:
    records = list(events(200))
    records[0]["text"] = "💔→🌱 שלום"  # escaped as a surrogate pair when ASCII only
    for record in records:
        obj, data = _as_in_a_file(record, ascii_only)
        event = FastReading(data, COUPLE).timeline(obj, obj["id"])
        assert event is not None
        assert event == _careful(read_timeline, obj, COUPLE)
    entry = {"id": RECORD_ID, "date": "2026-03-06", "text": "שלום", "mood": 2, "tags": ["x"]}
    obj, data = _as_in_a_file(entry, ascii_only)
    assert FastReading(data, JOURNAL).journal(obj, RECORD_ID.lower()) is not None


def _file(name: str, records: list[dict[str, Any]]) -> bytes:
    kind = "journal" if name == "journal" else "couple"
    return json.dumps({"format": "rebuild-desktop", "version": 1, "vault": {"kind": kind},
                       name: records}).encode("utf-8")


def _refusal(data: bytes) -> str:
    with pytest.raises(BadImportFile) as caught:
        parse(data)
    return str(caught.value)


def test_a_bad_record_among_plain_ones_gets_the_careful_message() -> None:
    records = list(events(5))
    records[2]["trust"] = {"a": 11}
    assert _refusal(_file("timeline", records)) == (
        f"timeline record 3 (id {records[2]['id'][:8]}…): 'trust.a' must be a whole number "
        "from 0 to 10. Nothing was imported.")


@pytest.mark.parametrize(("emoji", "escape"), [("", b"\\ud800"), ("", b"\\uD800"),
                                               ("💔", b"\\ud800")])
def test_a_lone_surrogate_is_refused_however_it_is_escaped(emoji: str, escape: bytes) -> None:
    records = list(events(3))
    records[0]["text"] = emoji
    records[1]["tags"] = ["\ud800"]
    data = _file("timeline", records).replace(b"\\ud800", escape)
    assert _refusal(data) == (
        f"timeline record 2 (id {records[1]['id'][:8]}…): 'tags[0]' holds an invalid "
        "character (a lone surrogate). Nothing was imported.")


@pytest.mark.parametrize("name", ["timeline", "journal"])
def test_a_repeated_id_names_the_first_record_that_had_it(name: str) -> None:
    first = {"id": RECORD_ID.lower(), "date": "2026-03-01", "kind": "note", "author": "a",
             "title": "t", "text": "t"}
    if name == "journal":
        del first["kind"], first["author"], first["title"]
    second = {**first, "id": RECORD_ID}
    label = name
    assert _refusal(_file(name, [first, second])) == (
        f"{label} record 2 (id 0f12ab34…): 'id' repeats the id of {label} record 1; ids must "
        "be unique. Nothing was imported.")


@pytest.mark.parametrize("enabled", [True, False])
def test_reading_a_file_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    good, bad = _file("timeline", list(events(3))), _file("timeline", [{"id": 1}])
    was = gc.isenabled()
    try:
        if not enabled:
            gc.disable()
        parse(good)
        assert gc.isenabled() is enabled
        with pytest.raises(BadImportFile):
            parse(bad)
        assert gc.isenabled() is enabled
    finally:
        if was:
            gc.enable()
