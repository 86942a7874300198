"""Bad input: every free-text field and the import file, fed odd, huge and broken values.

Each value is either stored and read back exactly (after the trimming the
service documents) or refused with one calm KnownError, or the ValueError a
service documents for blank text, and the vault is then exactly as it was.
Never a raw exception. The import file: random structures and mutations of
a valid export are either imported exactly or refused with BadImportFile,
and a refused file leaves the vault's export byte-identical.
"""

from __future__ import annotations

import copy
import itertools
import json
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rebuild_desktop.domain.errors import BadImportFile, KnownError
from rebuild_desktop.domain.records import (
    CheckIn,
    HardMoment,
    Partner,
    TimelineEvent,
)
from rebuild_desktop.domain.values import Author, EventKind, PacingArea, PartnerId, VaultKind
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.checkins import CheckInService
from rebuild_desktop.services.drafts import DraftKeeper
from rebuild_desktop.services.gratitude import GratitudeService
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.interchange import export_json, import_json, parse, read_contents
from rebuild_desktop.services.journal import JournalDraft, JournalService
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.services.pacing import PacingService
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.services.timeline import TimelineFilter, TimelineService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.records import CheckInRepository, HardMomentRepository
from tests.services.test_interchange_parse import SECRET, couple_doc, encode

LONE = "\ud800"
ODD = [
    "Thank you 🌿💛 👩🏽‍❤️‍👨🏿", "שלום, מה שלומך? مرحبا", "\u202eevil\u202c \u200f\u200b",
    "a\x00b", "\x00", "'); DROP TABLE timeline; --", 'NEAR("a" "b") OR * AND -x', "%_\\'\"",
    "line one\r\nline two\n", "   ", "", "x" * 1_000_000, f"half {LONE} a pair",
    "\udfff", "e\u0301 vs é", "\ufeff\U0010ffff",
]
TEXTS = st.text(max_size=120) | st.sampled_from(ODD) | st.builds(
    lambda a, b: f"{a}{LONE}{b}", st.text(max_size=10), st.text(max_size=10))
QUICK = settings(max_examples=40, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow, HealthCheck.data_too_large])
REFUSED = object()


def with_odd_examples(test: Callable[..., None]) -> Callable[..., None]:
    """Always try a lone surrogate, a NUL and a megabyte, whatever hypothesis draws."""
    for text in (f"half {LONE} a pair", "a\x00b", "x" * 1_000_000):
        test = example(text=text)(test)
    return test


def has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def snapshot(vault: Vault) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every row of every table, search index included."""
    conn = vault.db
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]
    return [(t, conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables]


def outcome(vault: Vault, text: str, act: Callable[[], Any], *,
            value_error: bool = False) -> Any:
    """``act()``'s result, or REFUSED after checking the refusal was clean.

    ``value_error``: the service documents a ValueError for this input (blank text).
    """
    before = snapshot(vault)
    if value_error:
        with pytest.raises(ValueError):
            act()
        assert snapshot(vault) == before
        return REFUSED
    try:
        return act()
    except KnownError as error:
        message = str(error)
        assert message and "\n" not in message and len(message) < 300
        assert text.strip() == "" or text.strip() not in message
        assert snapshot(vault) == before, "a refused write changed the vault"
        # Only text that UTF-8 cannot hold may be refused.
        assert has_lone_surrogate(text), f"valid text refused: {message}"
        return REFUSED


def searches_are_safe(vault: Vault, text: str) -> None:
    """Typing ``text`` into a search field reads or refuses, never breaks."""
    for search in (
        lambda: TimelineService(vault.db).page(TimelineFilter(search=text[:200]), 5),
        lambda: TimelineService(vault.db).page(TimelineFilter(tag=text[:200]), 5),
        lambda: GratitudeService(vault.db).page(0, 5, text[:200]),
    ):
        try:
            search()
        except KnownError:
            pass


@pytest.fixture
def journal(library: VaultLibrary) -> Iterator[Vault]:
    """A journal that opens without a KDF, so examples stay quick."""
    vault = library.create(NewVault("jot", VaultKind.JOURNAL, [Partner(PartnerId.A, "Alex")],
                                    remember=True)).vault
    yield vault
    vault.close()


def new_id() -> str:
    return str(uuid.uuid4())


# Free text in every service -------------------------------------------------------------


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_timeline_add_and_edit(couple_vault: Vault, text: str) -> None:
    service = TimelineService(couple_vault.db)
    event = TimelineEvent(new_id(), "2026-03-01", EventKind.NOTE, Author.BOTH, text, text,
                          tags=[text] if text.strip() else [])
    if outcome(couple_vault, text, lambda: service.add(event)) is not REFUSED:
        assert service.get(event.id) == event
        if event.tags:  # the tag filter finds it, whatever the tag is made of
            found = {entry.seq for entry in service.page(TimelineFilter(tag=text), None)}
            assert service.seq_of(event.id) in found
        if text.strip() and len(text) < 200 and "\x00" not in text:
            found = {entry.seq for entry in service.page(TimelineFilter(search=text), None)}
            assert service.seq_of(event.id) in found
    plain = TimelineEvent(new_id(), "2026-03-02", EventKind.NOTE, Author.A, "plain")
    service.add(plain)
    edited = TimelineEvent(plain.id, plain.date, plain.kind, plain.author, text, text)
    if outcome(couple_vault, text, lambda: service.update(edited)) is REFUSED:
        assert service.get(plain.id) == plain
    else:
        assert service.get(plain.id) == edited
    searches_are_safe(couple_vault, text)


@QUICK
@given(text=TEXTS, category=TEXTS)
@example(text=f"half {LONE} a pair", category="ok")
@example(text="fine", category=LONE)
@example(text="x" * 1_000_000, category="a\x00b")
def test_gratitude_write_and_reply(couple_vault: Vault, text: str, category: str) -> None:
    service = GratitudeService(couple_vault.db)
    entry = outcome(couple_vault, text + category,
                    lambda: service.write(PartnerId.A, text, date="2026-03-02",
                                          category=category),
                    value_error=not text.strip())
    if entry is REFUSED:
        return
    stored = service._repo.get(entry.id)
    assert stored is not None
    assert stored.text == text.strip() and stored.category == (category.strip() or None)
    if len(text) < 200 and "\x00" not in text:  # found by searching for it (SQLite
        # reads text only up to a NUL when it searches, and no keyboard types one)
        assert entry.id in {g.id for g in service.page(0, 10_000, text)}
    replied = outcome(couple_vault, category, lambda: service.acknowledge(entry.id, category))
    if replied is not REFUSED:
        assert service._repo.get(entry.id).reply == (category.strip() or None)


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_agreements(couple_vault: Vault, text: str) -> None:
    service = AgreementService(couple_vault.db)
    agreement = outcome(couple_vault, text, lambda: service.write(text, by=PartnerId.B),
                        value_error=not text.strip())
    if agreement is not REFUSED:
        assert [a.text for a in service.all() if a.id == agreement.id] == [text.strip()]


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_checkins_and_hard_moments(couple_vault: Vault, text: str) -> None:
    checkin = CheckIn(new_id(), "2026-03-03", PartnerId.A, 3, 5, feel=text, went_well=text,
                      hard=text, request=text)
    service = CheckInService(couple_vault.db)
    if outcome(couple_vault, text, lambda: service.record(checkin, "Check-in")) is not REFUSED:
        assert CheckInRepository(couple_vault.db).get(checkin.id) == checkin
    moment = HardMoment(new_id(), "2026-03-04T21:10:00+01:00", PartnerId.B, 7, trigger=text,
                        helped=text)
    recorded = outcome(couple_vault, text,
                       lambda: HardMomentService(couple_vault.db).record(moment, "Hard", text))
    if recorded is not REFUSED:
        assert HardMomentRepository(couple_vault.db).get(moment.id) == moment


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_pacing_step_titles(couple_vault: Vault, text: str) -> None:
    service = PacingService(couple_vault.db)
    step = outcome(couple_vault, text, lambda: service.add_step(text, PacingArea.TRUST),
                   value_error=not text.strip())
    if step is not REFUSED:
        assert [s.title for s in service.load().steps if s.id == step.id] == [text.strip()]
    first = service.load().steps[0]
    renamed = outcome(couple_vault, text, lambda: service.rename(first.id, text),
                      value_error=not text.strip())
    title = service.load().steps[0].title
    assert title == (first.title if renamed is REFUSED else text.strip())


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_partner_names_and_setting_texts(couple_vault: Vault, text: str) -> None:
    service = SettingsService(couple_vault.db)
    old_names = [(p.id, p.name) for p in service.partners()]
    partners = [Partner(PartnerId.A, text), Partner(PartnerId.B, "Sam")]
    saved = outcome(couple_vault, text, lambda: service.save({}, partners),
                    value_error=not text.strip())
    names = [(p.id, p.name) for p in service.partners()]
    assert names == (old_names if saved is REFUSED
                     else [(PartnerId.A, text.strip()), (PartnerId.B, "Sam")])
    fits = 0 < len(text.strip()) <= 80
    before = service.get("notify.text")
    written = outcome(couple_vault, text, lambda: service.save({"notify.text": text}),
                      value_error=not fits)
    assert service.get("notify.text") == (before if written is REFUSED else text)


@QUICK
@given(text=TEXTS)
@with_odd_examples
def test_journal_entries_and_drafts(journal: Vault, text: str) -> None:
    service = JournalService(journal.db)
    draft = JournalDraft("2026-03-06", text, text, 2, [text] if text.strip() else [])
    if outcome(journal, text, lambda: service.keep_draft(draft)) is not REFUSED:
        assert service.draft() == draft
    entry = outcome(journal, text, lambda: service.save(draft))
    if entry is not REFUSED:
        assert service.get(entry.id) == entry
        assert entry.text == text and entry.title == (text.strip() or None)
        if text.strip() and len(text) < 200 and "\x00" not in text:
            assert entry.id in {e.id for e in service.entries(search=text)}
    keeper = DraftKeeper(journal.db, "leak.test")
    if outcome(journal, text, lambda: keeper.keep({"text": text})) is not REFUSED:
        assert keeper.load() == ({"text": text} if text.strip() else {})  # blank: dropped
    try:
        service.entries(search=text[:200])
    except KnownError:
        pass


@pytest.mark.parametrize("text", [t for t in ODD if t.strip() and not has_lone_surrogate(t)],
                         ids=lambda t: repr(t[:12]))
def test_odd_text_survives_export_and_import(library: VaultLibrary, couple_vault: Vault,
                                             tmp_path: Path, text: str) -> None:
    """What was stored comes back exactly through the interchange file."""
    db = couple_vault.db
    TimelineService(db).add(TimelineEvent(new_id(), "2026-03-01", EventKind.NOTE, Author.A,
                                          text, text, tags=[text]))
    GratitudeService(db).write(PartnerId.B, text, date="2026-03-02", category=text)
    AgreementService(db).write(text, by=PartnerId.A)
    PacingService(db).add_step(text, PacingArea.EMOTIONAL)
    CheckInService(db).record(CheckIn(new_id(), "2026-03-03", PartnerId.A, 3, 5, feel=text),
                              "Check-in")
    first = export_json(couple_vault, tmp_path / "first.json")
    copy_vault = library.create(NewVault("copy", VaultKind.COUPLE, remember=True)).vault
    try:
        import_json(copy_vault, first)
        second = export_json(copy_vault, tmp_path / "second.json")
    finally:
        copy_vault.close()
    assert first.read_bytes() == second.read_bytes()


# The import file ------------------------------------------------------------------------

def _containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
    | st.sampled_from(["a", "b", "both", "couple", "journal", "2026-03-01", "active", "physical",
                       str(uuid.UUID(int=7)), LONE, "x" * 1_000_000]),
    _containers,
    max_leaves=8,
)
SPECIAL = st.sampled_from(["delete", "huge", "deep", "negative", "too big", "wrong type"])


def paths_of(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every place inside ``value`` that a mutation can hit."""
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from paths_of(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from paths_of(inner, (*prefix, index))


def mutated(document: dict[str, Any], path: tuple[Any, ...], new: Any) -> dict[str, Any]:
    changed = copy.deepcopy(document)
    *parents, last = path
    holder: Any = changed
    for step in parents:
        holder = holder[step]
    if new is REFUSED:  # delete the key or the list item
        del holder[last]
    else:
        holder[last] = new
    return changed


def _at(document: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        document = document[step]
    return document


def special_value(kind: str, old: Any) -> Any:
    nested: Any = SECRET
    for _ in range(400):
        nested = [nested]
    return {"delete": REFUSED, "huge": SECRET + "x" * 1_000_000, "deep": nested,
            "negative": -1, "too big": 2**64,
            "wrong type": str(old) if not isinstance(old, str) else 7}[kind]


_names = (f"target{n}" for n in itertools.count())


def check_import(library: VaultLibrary, tmp_path: Path, data: bytes) -> None:
    """Imported exactly into a vault that held something, or refused and untouched."""
    vault = library.create(NewVault(next(_names), VaultKind.COUPLE, remember=True)).vault
    try:
        TimelineService(vault.db).add(TimelineEvent(new_id(), "2020-01-01", EventKind.NOTE,
                                                    Author.A, "already here"))
        before = export_json(vault, tmp_path / "before.json").read_bytes()
        source = tmp_path / "in.json"
        source.write_bytes(data)
        try:
            report = import_json(vault, source)
        except BadImportFile as error:
            message = str(error)
            assert message and "\n" not in message and len(message) < 300
            assert SECRET not in message
            assert export_json(vault, tmp_path / "after.json").read_bytes() == before
            return
        contents = parse(data)
        held = read_contents(vault.db, VaultKind.COUPLE)
        for kind in ("timeline", "gratitude", "checkins", "hard_moments", "agreements"):
            incoming = getattr(contents, kind)
            stored = {r.id: r for r in getattr(held, kind)}
            assert all(stored.get(r.id) == r for r in incoming), kind
        assert report.total_added >= len(contents.timeline)
    finally:
        vault.close()


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=st.data())
def test_a_mutated_export_is_imported_exactly_or_refused(library: VaultLibrary, tmp_path: Path,
                                                         data: st.DataObject) -> None:
    document = couple_doc()
    path = data.draw(st.sampled_from([p for p in paths_of(document) if p]), label="path")
    if data.draw(st.booleans(), label="special"):
        new = special_value(data.draw(SPECIAL, label="kind"), _at(document, path))
    else:
        new = data.draw(JSON_VALUES, label="value")
    check_import(library, tmp_path, encode(mutated(document, path, new)))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=JSON_VALUES | st.fixed_dictionaries(
    {"format": st.just("rebuild-desktop"), "version": st.just(1),
     "vault": st.just({"kind": "couple"})},
    optional={"timeline": JSON_VALUES, "gratitude": JSON_VALUES, "pacing": JSON_VALUES,
              "checkins": JSON_VALUES, "agreements": JSON_VALUES}))
def test_random_structures_are_refused_in_one_sentence(library: VaultLibrary, tmp_path: Path,
                                                       document: Any) -> None:
    check_import(library, tmp_path, json.dumps(document).encode("utf-8"))


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(cut=st.integers(min_value=0), junk=st.binary(max_size=8))
def test_broken_bytes_are_refused(library: VaultLibrary, tmp_path: Path, cut: int,
                                  junk: bytes) -> None:
    valid = encode(couple_doc())
    at = cut % len(valid)
    check_import(library, tmp_path, valid[:at] + junk + valid[at + len(junk):])
