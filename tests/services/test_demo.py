"""The sample couple vault: believable, complete, current, and gentle."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from datetime import date, datetime, timedelta

import keyring
import keyring.backends.fail
import pytest

from rebuild_desktop.domain.records import VaultContents
from rebuild_desktop.domain.values import AgreementStatus, Comfort, EventKind, PartnerId, Role
from rebuild_desktop.resources import resource
from rebuild_desktop.services.demo import DEMO_PASSPHRASE, create_demo_vault, demo_file
from rebuild_desktop.services.interchange import import_contents, parse, read_contents
from rebuild_desktop.services.library import VaultLibrary


@pytest.fixture
def demo(library: VaultLibrary) -> VaultContents:
    created = create_demo_vault(library)
    try:
        assert created.vault.remembered
        return read_contents(created.vault.db, created.vault.kind)
    finally:
        created.vault.close()


def test_partners_and_roles(demo: VaultContents) -> None:
    assert [(p.name, p.role) for p in demo.partners] == [("Alex", Role.HURT),
                                                        ("Sam", Role.BROKE_TRUST)]


def test_every_timeline_kind_with_two_discovery_days(demo: VaultContents) -> None:
    kinds = Counter(event.kind for event in demo.timeline)
    assert set(kinds) == set(EventKind)
    assert kinds[EventKind.DISCOVERY] == 2
    assert kinds[EventKind.SETBACK] >= 2 and kinds[EventKind.COUNSELING] >= 4
    assert any(event.trust for event in demo.timeline)


def test_features_write_their_own_timeline_rows(demo: VaultContents) -> None:
    origins = {event.origin.split(":")[0] for event in demo.timeline if event.origin}
    assert origins == {"checkin", "agreement", "pacing"}
    checkin_ids = {c.id for c in demo.checkins}
    assert {e.origin.split(":")[1] for e in demo.timeline
            if e.origin and e.origin.startswith("checkin:")} == checkin_ids


def test_gratitude_checkins_moments_agreements_and_pacing(demo: VaultContents) -> None:
    assert any(g.acknowledged and g.reply for g in demo.gratitude)
    assert any(not g.acknowledged for g in demo.gratitude)
    assert {g.from_partner for g in demo.gratitude} == {PartnerId.A, PartnerId.B}
    assert Counter(c.partner for c in demo.checkins) == {PartnerId.A: 15, PartnerId.B: 15}
    weeks = sorted({date.fromisoformat(c.date) for c in demo.checkins})
    assert all((later - earlier).days == 7 for earlier, later in itertools.pairwise(weeks))
    assert len(demo.hard_moments) >= 3
    assert all("T" in m.date and m.date[-6] in "+-" for m in demo.hard_moments)
    assert {a.status for a in demo.agreements} == set(AgreementStatus)
    awaiting = [a for a in demo.agreements if a.status is AgreementStatus.ACTIVE and not a.in_force]
    assert len(awaiting) == 1
    assert demo.pacing is not None and demo.pacing.pace_setter is PartnerId.A
    marks = {step.comfort.get(PartnerId.A) for step in demo.pacing.steps}
    assert marks == set(Comfort)


def test_the_demo_is_current(demo: VaultContents) -> None:
    today = date.today()
    days = [date.fromisoformat(r.date[:10]) for r in (*demo.timeline, *demo.gratitude,
                                                       *demo.checkins, *demo.agreements)]
    assert max(days) <= today and min(days) >= today - timedelta(days=150)
    assert min(days) <= today - timedelta(days=90)  # a few months, not a few days


def test_dates_follow_the_day_given() -> None:
    contents = parse(demo_file(date(2030, 6, 15)))
    assert max(e.date for e in contents.timeline) <= "2030-06-15"
    moment = datetime.fromisoformat(contents.hard_moments[0].date)
    assert moment.utcoffset() is not None


def test_building_it_twice_adds_nothing(library: VaultLibrary) -> None:
    created = create_demo_vault(library)
    try:
        report = import_contents(created.vault, parse(demo_file()))
        assert report.total_added == 0 and report.total_skipped > 50
    finally:
        created.vault.close()


def test_without_a_keyring_it_opens_with_the_demo_passphrase(library: VaultLibrary) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    create_demo_vault(library, name="sample").vault.close()
    vault = library.open_with_passphrase("sample", DEMO_PASSPHRASE)
    try:
        assert not vault.remembered and len(read_contents(vault.db, vault.kind).timeline) > 20
    finally:
        vault.close()


def test_the_words_are_gender_neutral() -> None:
    text = resource("demo", "couple.json").read_text(encoding="utf-8")
    assert not re.search(r"\b(he|she|him|her|his|hers|husband|wife|boyfriend|girlfriend)\b",
                         text, re.IGNORECASE)


def test_a_throwaway_demo_can_stay_out_of_the_keyring(library: VaultLibrary,
                                                      memory_keyring: object) -> None:
    created = create_demo_vault(library, name="throwaway", remember=False)
    created.vault.close()
    assert memory_keyring.items == {}  # type: ignore[attr-defined]
    summary = library.summary("throwaway")
    assert summary.has_passphrase and not summary.remembered


def test_demo_check_in_rows_carry_the_rating_as_the_app_writes_them(library):
    from rebuild_desktop.services.demo import create_demo_vault
    from rebuild_desktop.storage.records import CheckInRepository, TimelineRepository

    vault = create_demo_vault(library, remember=False).vault
    try:
        ratings = {(c.date, c.partner): c.trust for c in CheckInRepository(vault.db).all()}
        rows = [e for e in TimelineRepository(vault.db).all() if e.kind == "checkin"]
        assert rows and len(rows) == len(ratings)
        for row in rows:
            partner = next(iter(row.trust))
            assert row.trust == {partner: ratings[(row.date, partner)]}
    finally:
        vault.close()
