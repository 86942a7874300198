"""The pacing rules: the lower mark wins, the pace-setter leads, a pause covers the physical."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rebuild_desktop.domain import pacing_rules as rules
from rebuild_desktop.domain.records import PacingStep
from rebuild_desktop.domain.values import Comfort, PacingArea, PartnerId

marks = st.dictionaries(st.sampled_from(list(PartnerId)), st.sampled_from(list(Comfort)))
steps = st.builds(PacingStep, id=st.just("s"), title=st.text(max_size=20),
                  area=st.sampled_from(list(PacingArea)), comfort=marks)
partners = st.sampled_from(list(PartnerId))
maybe_partner = st.none() | partners


@given(steps)
def test_agreed_level_is_always_the_lower_of_the_two(step: PacingStep) -> None:
    a = step.comfort.get(PartnerId.A, Comfort.NOT_YET)
    b = step.comfort.get(PartnerId.B, Comfort.NOT_YET)
    agreed = rules.agreed_level(step)
    assert agreed.rank == min(a.rank, b.rank)
    assert agreed in (a, b)


@given(steps, partners)
def test_a_pause_overrides_every_physical_step(step: PacingStep, paused_by: PartnerId) -> None:
    shown = rules.shown_level(step, paused_by)
    if step.area is PacingArea.PHYSICAL:
        assert shown == rules.PAUSED
    else:
        assert shown is rules.agreed_level(step)


@given(steps)
def test_without_a_pause_the_agreed_level_shows(step: PacingStep) -> None:
    assert rules.shown_level(step, None) is rules.agreed_level(step)


@given(steps, partners, st.sampled_from(list(Comfort)), maybe_partner)
def test_no_one_steps_up_past_the_pace_setter(step: PacingStep, actor: PartnerId,
                                              level: Comfort, paused_by: PartnerId | None) -> None:
    pace_setter = PartnerId.A
    before = rules.mark_of(step, actor)
    decision = rules.may_mark(step, actor, actor, level, pace_setter, paused_by)
    if decision.allowed and actor is not pace_setter and level.rank > before.rank:
        assert level.rank <= rules.mark_of(step, pace_setter).rank


@given(steps, partners, st.sampled_from(list(Comfort)), maybe_partner, maybe_partner)
def test_slowing_down_is_always_allowed(step: PacingStep, actor: PartnerId, level: Comfort,
                                        pace_setter: PartnerId | None,
                                        paused_by: PartnerId | None) -> None:
    if level.rank <= rules.mark_of(step, actor).rank:
        assert rules.may_mark(step, actor, actor, level, pace_setter, paused_by).allowed


@given(steps, partners, partners, st.sampled_from(list(Comfort)))
def test_each_partner_marks_only_their_own(step: PacingStep, actor: PartnerId,
                                           whose: PartnerId, level: Comfort) -> None:
    decision = rules.may_mark(step, actor, whose, level, None, None)
    assert decision.allowed == (actor is whose)


@given(partners, maybe_partner)
def test_only_the_partner_who_paused_can_resume(actor: PartnerId,
                                                paused_by: PartnerId | None) -> None:
    assert rules.may_resume(actor, paused_by).allowed == (paused_by is actor)
    assert rules.may_pause(paused_by).allowed == (paused_by is None)


def test_the_other_partner_is_refused_past_the_pace_setter_and_can_ask() -> None:
    step = PacingStep("s", "Hugging", PacingArea.PHYSICAL,
                      {PartnerId.A: Comfort.OPEN, PartnerId.B: Comfort.OPEN})
    decision = rules.may_mark(step, PartnerId.B, PartnerId.B, Comfort.COMFORTABLE,
                              PartnerId.A, None)
    assert decision.refusal is rules.Refusal.PACE_SETTER_LEADS
    assert rules.may_mark(step, PartnerId.A, PartnerId.A, Comfort.COMFORTABLE,
                          PartnerId.A, None).allowed
