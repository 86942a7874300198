"""Gratitude, agreements, pacing and settings against a real SQLCipher vault."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.values import AgreementStatus, Comfort, PartnerId
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.gratitude import GratitudeService, load_prompts
from rebuild_desktop.services.pacing import PacingRefused, PacingService
from rebuild_desktop.services.settings import SETTINGS, SettingsService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.together import match_expression, timeline_origins

HUGGING = default_pacing_steps()[3].id


def test_gratitude_search_is_prefix_and_quotes_user_terms(couple_vault: Vault) -> None:
    service = GratitudeService(couple_vault.db)
    service.write(PartnerId.B, "Thank you for the patient walk", date="2026-03-02")
    service.write(PartnerId.A, 'You said "sorry" and meant it', date="2026-03-03",
                  category="honesty")
    assert [g.text for g in service.page(0, 10, "pati")] == ["Thank you for the patient walk"]
    assert len(service.page(0, 10, '"sorry')) == 1
    assert service.page(0, 10, "OR AND NEAR(") == []
    assert [g.date for g in service.page(0, 10)] == ["2026-03-03", "2026-03-02"]
    assert match_expression('a"b') == '"a""b"*'


def test_gratitude_acknowledge_and_reply(couple_vault: Vault) -> None:
    service = GratitudeService(couple_vault.db)
    entry = service.write(PartnerId.B, "Thank you for listening", date="2026-03-02")
    assert entry.to_partner is PartnerId.A
    service.acknowledge(entry.id, "It meant a lot to me too")
    stored = service.page(0, 1)[0]
    assert stored.acknowledged and stored.reply == "It meant a lot to me too"
    with pytest.raises(ValueError):
        service.write(PartnerId.A, "   ", date="2026-03-02")


def test_from_the_past_only_brings_back_older_entries(couple_vault: Vault) -> None:
    service = GratitudeService(couple_vault.db)
    days = [dt.date(2026, 5, 1) + dt.timedelta(days=n) for n in range(90)]
    service.write(PartnerId.A, "Yesterday's tea", date="2026-04-30")
    assert all(service.from_the_past(day) is None for day in days[:10])
    service.write(PartnerId.B, "The long talk in March", date="2026-03-10")
    shown = [service.from_the_past(day) for day in days]
    # Now and then: on some days, not on most, and only the older entry.
    assert 10 < sum(entry is not None for entry in shown) < 50
    assert all(day - dt.date.fromisoformat(entry.date) >= dt.timedelta(days=14)
               for day, entry in zip(days, shown, strict=True) if entry)
    today = days[0]
    assert service.from_the_past(today) == service.from_the_past(today)  # the same all day
    assert load_prompts().for_day(today) != load_prompts().for_day(today, 1)


def test_agreement_in_force_only_with_both_and_on_the_timeline(couple_vault: Vault) -> None:
    service = AgreementService(couple_vault.db)
    agreement = service.write("We tell each other when plans change", by=PartnerId.A,
                              review_on="2026-06-01")
    assert not agreement.in_force
    assert timeline_origins(couple_vault.db, "agreement:") == []
    agreement = service.set_consent(agreement.id, PartnerId.B, True)
    assert agreement.in_force
    assert timeline_origins(couple_vault.db, "agreement:") == [
        (f"agreement:{agreement.id}", "Agreement now in force")]
    service.set_status(agreement.id, AgreementStatus.REVISIT)
    assert [c.what for c in service.history(agreement.id)] == ["written", "consent", "status"]
    assert len(timeline_origins(couple_vault.db, "agreement:")) == 2
    assert [a.id for a in service.due_for_review("2026-06-01")] == [agreement.id]
    assert service.due_for_review("2026-05-31") == []


def test_pacing_marks_asks_and_pause(couple_vault: Vault) -> None:
    service = PacingService(couple_vault.db)
    service.mark(PartnerId.A, HUGGING, Comfort.OPEN)
    with pytest.raises(PacingRefused) as refused:
        service.mark(PartnerId.B, HUGGING, Comfort.COMFORTABLE)
    assert refused.value.refusal.value == "pace_setter_leads"
    service.mark(PartnerId.B, HUGGING, Comfort.OPEN)
    assert timeline_origins(couple_vault.db, "pacing:") == [
        (f"pacing:{HUGGING}", "Pacing: Hugging is now “Open to talking”")]
    service.ask(PartnerId.B, HUGGING)
    assert [a.partner for a in service.asks()] == [PartnerId.B]
    service.pause(PartnerId.B)
    with pytest.raises(PacingRefused):
        service.resume(PartnerId.A)
    service.resume(PartnerId.B)
    assert service.load().paused_by is None
    assert [o for o, _ in timeline_origins(couple_vault.db, "pacing:pause")] == [
        "pacing:pause", "pacing:pause"]
    service.mark(PartnerId.A, HUGGING, Comfort.COMFORTABLE)
    assert service.asks() == []


def test_hard_moment_pauses_only_when_chosen(couple_vault: Vault) -> None:
    service = PacingService(couple_vault.db)
    assert service.pause_for_hard_moment(PartnerId.A) is False
    SettingsService(couple_vault.db).save({"pacing.pause_on_hard_moment": True})
    assert service.pause_for_hard_moment(PartnerId.A) is True
    assert service.load().paused_by is PartnerId.A
    assert service.pause_for_hard_moment(PartnerId.B) is False


def test_ladder_edits(couple_vault: Vault) -> None:
    service = PacingService(couple_vault.db)
    step = service.add_step("Walking together", default_pacing_steps()[0].area)
    service.move(step.id, -100)
    service.rename(step.id, "Evening walks")
    steps = service.load().steps
    assert (steps[0].id, steps[0].title) == (step.id, "Evening walks")
    with pytest.raises(ValueError):
        service.remove(HUGGING)
    service.remove(step.id)
    assert len(service.load().steps) == len(default_pacing_steps())
    assert [t for _, t in timeline_origins(couple_vault.db, f"pacing:{step.id}")] == [
        "Pacing: a new step, “Walking together”", "Pacing: “Evening walks” taken off the ladder"]


def test_settings_defaults_and_validation(couple_vault: Vault) -> None:
    service = SettingsService(couple_vault.db)
    values = service.values()
    assert values["lock.idle_minutes"] == 5 and values["window.title"] == "Rebuild"
    assert values["pacing.pace_setter"] == "a"
    assert {s.key for s in SETTINGS} >= {"checkin.cadence_day", "checkin.cadence_time",
                                         "checkin.reminders", "notify.text"}
    with pytest.raises(ValueError):
        service.save({"lock.idle_minutes": 0})
    assert service.get("lock.idle_minutes") == 5


_TEXTS = st.text(min_size=1, max_size=200).filter(lambda t: t.strip()) | st.sampled_from([
    "Thank you 🌿💛", "شكراً لصبرك", "'); DROP TABLE gratitude; --", "a\x00b", "x" * 1_000_000,
    'NEAR("a" "b")', "*", "tea OR coffee",
])


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXTS, query=st.text(max_size=40))
def test_any_text_round_trips_and_any_search_is_safe(couple_vault: Vault, text: str,
                                                     query: str) -> None:
    service = GratitudeService(couple_vault.db)
    entry = service.write(PartnerId.A, text, date="2026-03-02")
    assert service._repo.get(entry.id).text == text.strip()
    service.page(0, 5, query)
    service.page(0, 5, text[:30])


_ACTIONS = st.lists(st.tuples(
    st.sampled_from(["mark", "pause", "resume"]), st.sampled_from(list(PartnerId)),
    st.integers(0, len(default_pacing_steps()) - 1), st.sampled_from(list(Comfort))),
    max_size=12)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actions=_ACTIONS)
def test_pacing_rules_hold_through_any_sequence(couple_vault: Vault, actions) -> None:
    from rebuild_desktop.domain import pacing_rules as rules
    from rebuild_desktop.domain.values import PacingArea

    service = PacingService(couple_vault.db)
    for action, partner, index, level in actions:
        before = service.load()
        step = before.steps[index]
        try:
            if action == "mark":
                service.mark(partner, step.id, level)
            elif action == "pause":
                service.pause(partner)
            else:
                service.resume(partner)
        except PacingRefused:
            assert service.load() == before  # a refusal changes nothing
            continue
        after = service.load()
        if action == "resume":
            assert before.paused_by is partner
        if action == "mark" and level.rank > rules.mark_of(step, partner).rank:
            assert not (before.paused_by and step.area is PacingArea.PHYSICAL)
            if partner is not before.pace_setter:
                assert level.rank <= rules.mark_of(step, before.pace_setter).rank
        if action == "mark":
            assert after.steps[index].comfort[partner] is level
            assert [s.comfort for s in after.steps if s.id != step.id] == [
                s.comfort for s in before.steps if s.id != step.id]
        else:
            assert after.paused_by is (partner if action == "pause" else None)
