"""The interchange file's validation: every rule of SPEC.md, and the messages."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.domain.values import Comfort, PartnerId, VaultKind
from rebuild_desktop.services.interchange import parse

SECRET = "sentinel-text-that-must-never-appear"
T1 = "0f12ab34-1111-4a4a-8b8b-000000000001"
G1 = "0f12ab34-2222-4a4a-8b8b-000000000002"
C1 = "0f12ab34-3333-4a4a-8b8b-000000000003"
H1 = "0f12ab34-4444-4a4a-8b8b-000000000004"
A1 = "0f12ab34-5555-4a4a-8b8b-000000000005"
S1 = "0f12ab34-6666-4a4a-8b8b-000000000006"
J1 = "0f12ab34-7777-4a4a-8b8b-000000000007"


def couple_doc() -> dict[str, Any]:
    return {
        "format": "rebuild-desktop",
        "version": 1,
        "vault": {"kind": "couple", "partners": [{"id": "a", "name": "Alex", "role": "hurt"},
                                                 {"id": "b", "name": "Sam", "role": None}]},
        "timeline": [{"id": T1, "date": "2026-03-01", "kind": "milestone", "author": "a",
                      "title": SECRET, "text": SECRET, "trust": {"a": 4, "b": 7},
                      "tags": ["one"], "for_counselor": True}],
        "gratitude": [{"id": G1, "date": "2026-03-02", "from": "b", "to": "a", "text": SECRET,
                       "category": "honesty", "acknowledged": True, "reply": SECRET}],
        "checkins": [{"id": C1, "date": "2026-03-03", "partner": "a", "mood": 3, "trust": 5,
                      "feel": SECRET}],
        "hard_moments": [{"id": H1, "date": "2026-03-04T21:10:00+01:00", "partner": "a",
                          "intensity": 8, "trigger": SECRET}],
        "agreements": [{"id": A1, "date": "2026-03-05", "text": SECRET, "status": "active",
                        "review_on": "2026-06-05", "consent": {"a": True, "b": True}}],
        "pacing": {"pace_setter": "a", "paused_by": None,
                   "steps": [{"id": S1, "title": SECRET, "area": "physical",
                              "comfort": {"a": "comfortable", "b": "open"}}]},
    }


def journal_doc() -> dict[str, Any]:
    return {
        "format": "rebuild-desktop", "version": 1,
        "vault": {"kind": "journal", "partners": [{"id": "a", "name": "Alex"}]},
        "journal": [{"id": J1, "date": "2026-03-06", "mood": 2, "tags": ["x"],
                     "title": SECRET, "text": SECRET}],
    }


def encode(document: Any) -> bytes:
    return json.dumps(document).encode("utf-8")


def rejected(document: Any) -> str:
    with pytest.raises(BadImportFile) as caught:
        parse(encode(document))
    message = str(caught.value)
    assert SECRET not in message
    assert "\n" not in message
    return message


def test_the_spec_example_parses_into_records() -> None:
    contents = parse(encode(couple_doc()))
    assert contents.kind is VaultKind.COUPLE
    assert [p.name for p in contents.partners] == ["Alex", "Sam"]
    assert contents.timeline[0].trust == {PartnerId.A: 4, PartnerId.B: 7}
    assert contents.gratitude[0].acknowledged is True
    assert contents.hard_moments[0].date == "2026-03-04T21:10:00+01:00"
    assert contents.agreements[0].in_force
    assert contents.pacing is not None
    assert contents.pacing.steps[0].comfort == {PartnerId.A: Comfort.COMFORTABLE,
                                                PartnerId.B: Comfort.OPEN}


def test_for_counselor_defaults_per_kind() -> None:
    contents = parse(encode(couple_doc()))
    assert contents.timeline[0].for_counselor is True
    assert contents.checkins[0].for_counselor is True
    assert contents.gratitude[0].for_counselor is False
    assert contents.hard_moments[0].for_counselor is False
    assert parse(encode(journal_doc())).journal[0].for_counselor is False


def test_null_means_absent_and_unknown_keys_are_kept() -> None:
    document = couple_doc()
    document["timeline"][0].update({"text": None, "trust": None, "tags": None,
                                    "for_counselor": None, "mood_colour": {"x": [1, 2]}})
    document["surprise"] = {"ignored": True}
    event = parse(encode(document)).timeline[0]
    assert (event.text, event.trust, event.tags, event.for_counselor) == ("", {}, [], True)
    assert event.extra == {"mood_colour": {"x": [1, 2]}}


def test_ids_are_lower_cased() -> None:
    document = couple_doc()
    document["timeline"][0]["id"] = T1.upper()
    assert parse(encode(document)).timeline[0].id == T1



@pytest.mark.parametrize(
    ("where", "key", "value", "expected"),
    [
        ("timeline", "trust", {"a": 11}, "timeline record 1 (id 0f12ab34…): 'trust.a' must be "
                                         "a whole number from 0 to 10."),
        ("timeline", "trust", {"a": True}, "'trust.a' must be a whole number from 0 to 10"),
        ("timeline", "trust", {"b": 5.0}, "'trust.b' must be a whole number from 0 to 10"),
        ("timeline", "trust", {"c": 5}, "'trust.c' names a partner who is not in this file"),
        ("timeline", "trust", [4, 7], "'trust' must be an object keyed by partner"),
        ("timeline", "title", None, "'title' is missing, and it is required"),
        ("timeline", "title", 42, "'title' must be text"),
        ("timeline", "kind", "party", "'kind' must be one of discovery, disclosure"),
        ("timeline", "author", "c", "'author' must be one of a, b, both"),
        ("timeline", "date", "2026-02-30", "'date' must be a real date written YYYY-MM-DD"),
        ("timeline", "date", "2026-03-01T10:00:00+01:00", "'date' must be a real date"),
        ("timeline", "tags", "one", "'tags' must be a list of text"),
        ("timeline", "tags", ["ok", 3], "'tags[1]' must be text"),
        ("timeline", "for_counselor", 1, "'for_counselor' must be true or false"),
        ("timeline", "origin", 7, "'origin' must be text"),
        ("timeline", "text", "\ud800", "'text' holds an invalid character"),
        ("gratitude", "acknowledged", "yes", "gratitude record 1 (id 0f12ab34…): "
                                             "'acknowledged' must be true or false"),
        ("gratitude", "to", "both", "'to' must be one of a, b"),
        ("checkins", "mood", 0, "checkins record 1 (id 0f12ab34…): 'mood' must be a whole "
                                "number from 1 to 5"),
        ("checkins", "trust", None, "'trust' is missing, and it is required"),
        ("hard_moments", "date", "2026-03-04T21:10:00", "hard moments record 1 (id 0f12ab34…):"
                                                        " 'date' must be a date (YYYY-MM-DD) or "
                                                        "a timestamp with an offset"),
        ("hard_moments", "intensity", 11, "'intensity' must be a whole number from 0 to 10"),
        ("agreements", "status", "paused", "'status' must be one of active, revisit, retired"),
        ("agreements", "consent", {"a": "yes"}, "'consent.a' must be true or false"),
        ("agreements", "consent", {"z": True}, "'consent.z' names a partner who is not in"),
        ("agreements", "review_on", "next week", "'review_on' must be a real date"),
    ],
)
def test_a_bad_field_names_the_record_and_the_field(where: str, key: str, value: Any,
                                                    expected: str) -> None:
    document = couple_doc()
    document[where][0][key] = value
    message = rejected(document)
    assert expected in message
    assert message.endswith("Nothing was imported.")


def test_the_record_number_counts_from_one() -> None:
    document = couple_doc()
    second = copy.deepcopy(document["timeline"][0])
    second["id"] = "0f12ab34-1111-4a4a-8b8b-0000000000ff"
    second["author"] = "nobody"
    document["timeline"].append(second)
    assert rejected(document).startswith("timeline record 2 (id 0f12ab34…): 'author'")


def test_pacing_steps_are_checked() -> None:
    document = couple_doc()
    document["pacing"]["steps"][0]["comfort"] = {"a": "maybe"}
    assert "pacing step 1 (id 0f12ab34…): 'comfort.a' must be one of not_yet, open, " \
           "comfortable" in rejected(document)
    document = couple_doc()
    document["pacing"]["steps"][0]["comfort"] = {"c": "open"}
    assert "'comfort.c' names a partner" in rejected(document)
    document = couple_doc()
    document["pacing"]["pace_setter"] = "both"
    assert "The 'pacing' section: 'pace_setter' must be one of a, b" in rejected(document)


def test_ids_must_be_uuids_and_unique_across_the_file_ignoring_case() -> None:
    document = couple_doc()
    document["timeline"][0]["id"] = "not-a-uuid"
    assert "timeline record 1: 'id' must be a UUID string" in rejected(document)
    document = couple_doc()
    document["timeline"][0]["id"] = 12
    assert "'id' must be a UUID string" in rejected(document)
    document = couple_doc()
    del document["gratitude"][0]["id"]
    assert "gratitude record 1: 'id' is missing" in rejected(document)
    document = couple_doc()
    document["gratitude"][0]["id"] = T1.upper()
    assert "gratitude record 1 (id 0f12ab34…): 'id' repeats the id of timeline record 1" \
        in rejected(document)
    document = couple_doc()
    document["pacing"]["steps"][0]["id"] = C1
    assert "pacing step 1 (id 0f12ab34…): 'id' repeats the id of checkins record 1" \
        in rejected(document)


def test_partners_are_checked() -> None:
    document = couple_doc()
    document["vault"]["partners"][1]["role"] = "villain"
    assert "partner 2: 'role' must be one of hurt, broke_trust" in rejected(document)
    document = journal_doc()
    document["vault"]["partners"].append({"id": "b", "name": "Sam"})
    assert "partner 2: 'id' must be one of a" in rejected(document)
    document = couple_doc()
    document["vault"]["partners"][1]["id"] = "a"
    assert "repeats a partner" in rejected(document)
    document = couple_doc()
    document["vault"]["kind"] = "family"
    assert "'kind' must be one of couple, journal" in rejected(document)


def test_a_couple_file_with_journal_entries_is_rejected() -> None:
    document = couple_doc()
    document["journal"] = journal_doc()["journal"]
    assert "couple space but holds journal entries" in rejected(document)
    document["journal"] = []
    assert parse(encode(document)).journal == []


@pytest.mark.parametrize("name", ["timeline", "gratitude", "checkins", "hard_moments",
                                  "agreements", "pacing"])
def test_a_journal_file_with_couple_records_is_rejected(name: str) -> None:
    document = journal_doc()
    document[name] = couple_doc()[name]
    assert "private journal but holds couple records" in rejected(document)


def test_journal_entries_are_checked() -> None:
    document = journal_doc()
    document["journal"][0]["mood"] = 6
    assert "journal record 1 (id 0f12ab34…): 'mood' must be a whole number from 1 to 5" \
        in rejected(document)
    document = journal_doc()
    del document["journal"][0]["text"]
    assert "'text' is missing" in rejected(document)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"{not json", "not valid JSON (line 1, column 2)"),
        (b"\xff\xfe{}", "not UTF-8 text"),
        (b'{"format": "rebuild-desktop", "version": 1, "vault": {"kind": "couple"}, '
         b'"timeline": [{"trust": NaN}]}', "not valid JSON"),
        (b'{"format": "rebuild-desktop", "version": 1, "vault": {"kind": "couple"}, '
         b'"timeline": [{"x_size": 1e999}]}', "not valid JSON"),
        (b"[1, 2]", "not a Rebuild export"),
        (b'{"format": "something-else", "version": 1}', "not a Rebuild export"),
        (b'{"format": "rebuild-desktop", "version": "1"}', "does not say which version"),
        (b'{"format": "rebuild-desktop", "version": 2, "vault": {"kind": "couple"}}',
         "uses version 2 of the export format"),
        (b'{"format": "rebuild-desktop", "version": 1}', "no 'vault' section"),
        (b'{"format": "rebuild-desktop", "version": 1, "vault": {"kind": "couple"}, '
         b'"timeline": {}}', "'timeline' must be a list of records"),
        (b'{"format": "rebuild-desktop", "version": 1, "vault": {"kind": "couple"}, '
         b'"timeline": [3]}', "timeline record 1 must be an object"),
        (b"[" * 100_000, "not valid JSON"),
    ],
)
def test_files_that_are_not_ours_get_one_clear_sentence(data: bytes, expected: str) -> None:
    with pytest.raises(BadImportFile, match=expected.replace("(", r"\(").replace(")", r"\)")):
        parse(data)


def test_every_list_may_be_absent_or_empty() -> None:
    minimal = {"format": "rebuild-desktop", "version": 1, "vault": {"kind": "couple"},
               "timeline": [], "gratitude": None}
    contents = parse(encode(minimal))
    assert contents.timeline == [] and contents.pacing is None and contents.partners == []


def test_odd_and_huge_strings_are_accepted_as_they_are() -> None:
    document = couple_doc()
    odd = "💔→🌱 שלום مرحبا '; DROP TABLE timeline; -- \u200f\x00 " + "x" * 1_000_000
    document["timeline"][0]["text"] = odd
    assert parse(encode(document)).timeline[0].text == odd
