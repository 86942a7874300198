"""The agreements page: one yes means waiting, two mean in force (and on the timeline)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rebuild_desktop.domain.values import AgreementStatus, PartnerId
from rebuild_desktop.services.agreements import AgreementService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.together import timeline_origins
from rebuild_desktop.views.agreements import AgreementsPage
from rebuild_desktop.views.models.agreements_model import AgreementRole, AgreementsModel
from rebuild_desktop.views.widgets.card_delegate import CardRole, CardTone
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_agreements_model_passes_the_model_tester(couple_vault: Vault, qtmodeltester) -> None:
    service = AgreementService(couple_vault.db)
    first = service.write("We share our phones' calendars", by=PartnerId.A,
                          review_on="2026-01-01")
    service.write("No contact with the third person", by=PartnerId.B)
    service.set_consent(first.id, PartnerId.B, True)
    model = AgreementsModel({PartnerId.A: "Alex", PartnerId.B: "Sam"})
    model.load(service.all(), "2026-02-01")
    qtmodeltester.check(model)
    states = {model.index(r).data(AgreementRole.ENTRY).id: model.index(r).data(
        AgreementRole.STATE) for r in range(2)}
    assert states[first.id] == "In force: both of you said yes"
    assert "Awaiting consent from Alex" in states.values()
    assert model.index(model.row_of(first.id)).data(AgreementRole.REVIEW_DUE) is True


def test_one_yes_awaits_then_two_put_it_in_force(qtbot, couple_vault: Vault) -> None:
    messages: list[str] = []
    context = make_context(couple_vault, messages)
    page = AgreementsPage(context)
    qtbot.addWidget(page)
    page.show()
    assert page._stack.currentWidget() is page._empty

    qtbot.keyClicks(page._text, "We tell each other when plans change")
    qtbot.mouseClick(page._propose, Qt.MouseButton.LeftButton)
    assert page._model.rowCount() == 1
    assert page._model.index(0).data(AgreementRole.STATE) == "Awaiting consent from Sam"
    assert page._consent[PartnerId.A].isChecked()
    assert not page._consent[PartnerId.B].isChecked()
    assert timeline_origins(couple_vault.db, "agreement:") == []

    with qtbot.waitSignal(context.changes.changed):
        page._consent[PartnerId.B].click()
    assert page._model.index(0).data(AgreementRole.STATE) == "In force: both of you said yes"
    agreement = AgreementService(couple_vault.db).all()[0]
    assert agreement.in_force
    assert timeline_origins(couple_vault.db, "agreement:") == [
        (f"agreement:{agreement.id}", "Agreement now in force")]
    assert messages[-1] == "Both of you said yes: this agreement is now in force."
    assert "Sam said yes" in page._history.text()


def test_status_change_is_kept_and_shown(qtbot, couple_vault: Vault) -> None:
    service = AgreementService(couple_vault.db)
    agreement = service.write("Screens off at dinner", by=PartnerId.B)
    page = AgreementsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page._status.setCurrentIndex(page._status.findData(AgreementStatus.REVISIT.value))
    assert service.all()[0].status is AgreementStatus.REVISIT
    assert page._model.index(0).data(AgreementRole.STATE) == "To talk about again"
    assert [c.what for c in service.history(agreement.id)] == ["written", "status"]
    assert timeline_origins(couple_vault.db, "agreement:")[0][1] == (
        "Agreement set aside to talk about again")


def test_empty_agreement_is_not_saved_and_text_is_kept(qtbot, couple_vault: Vault) -> None:
    page = AgreementsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page._text, "   ")
    qtbot.mouseClick(page._propose, Qt.MouseButton.LeftButton)
    assert page._message.text() == "Write the agreement in a few words first."
    assert AgreementService(couple_vault.db).all() == []


def test_each_state_has_its_own_words_and_mark(couple_vault: Vault) -> None:
    service = AgreementService(couple_vault.db)
    waiting = service.write("We say where we are going", by=PartnerId.A)
    settled = service.write("We sleep in the same room", by=PartnerId.A)
    service.set_consent(settled.id, PartnerId.B, True)
    revisit = service.write("Phones stay open", by=PartnerId.B)
    retired = service.write("No late messages", by=PartnerId.B)
    service.set_status(revisit.id, AgreementStatus.REVISIT)
    service.set_status(retired.id, AgreementStatus.RETIRED)
    model = AgreementsModel({PartnerId.A: "Alex", PartnerId.B: "Sam"})
    model.load(service.all(), "2026-02-01")
    seen = {}
    for row in range(model.rowCount()):
        index = model.index(row)
        seen[index.data(AgreementRole.ENTRY).id] = (index.data(CardRole.FOOTER),
                                                    index.data(CardRole.TONE))
    assert seen == {
        waiting.id: ("Awaiting consent from Sam", CardTone.WAITING),
        settled.id: ("In force: both of you said yes", CardTone.SETTLED),
        revisit.id: ("To talk about again", CardTone.REVISIT),
        retired.id: ("Retired together", CardTone.RESTING),
    }
