"""The pacing page: marks, the pace-setter's lead, the pause from each partner."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rebuild_desktop.domain.defaults import default_pacing_steps
from rebuild_desktop.domain.values import Comfort, PartnerId
from rebuild_desktop.services.pacing import PacingService
from rebuild_desktop.services.settings import SettingsService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.together import timeline_origins
from rebuild_desktop.views.models.pacing_model import AGREED, MARK_B, STEP, PacingModel
from rebuild_desktop.views.pacing import PacingPage
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

HUGGING = default_pacing_steps()[3].id
SHARING = default_pacing_steps()[0].id


def _page(qtbot, vault: Vault, messages: list[str] | None = None) -> PacingPage:
    page = PacingPage(make_context(vault, messages if messages is not None else []))
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    return page


def _select(page: PacingPage, step_id: str) -> None:
    page._table.setCurrentIndex(page._model.index(page._model.row_of(step_id), STEP))


def _click_level(qtbot, page: PacingPage, level: Comfort) -> None:
    radio = next(r for r in page._levels.buttons() if r.property("level") == level.value)
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton)


def _agreed(page: PacingPage, step_id: str) -> str:
    return page._model.index(page._model.row_of(step_id), AGREED).data()


def test_pacing_model_passes_the_model_tester(couple_vault: Vault, qtmodeltester) -> None:
    service = PacingService(couple_vault.db)
    service.mark(PartnerId.A, HUGGING, Comfort.OPEN)
    model = PacingModel({PartnerId.A: "Alex", PartnerId.B: "Sam"})
    model.load(service.load())
    qtmodeltester.check(model)
    assert model.headerData(MARK_B, Qt.Orientation.Horizontal) == "Sam"
    service.pause(PartnerId.B)
    model.load(service.load())
    qtmodeltester.check(model)
    assert model.index(model.row_of(HUGGING), AGREED).data() == "Paused"
    assert model.index(model.row_of(SHARING), AGREED).data() == "Not yet"


def test_both_marks_make_the_agreed_level_the_lower(qtbot, couple_vault: Vault) -> None:
    page = _page(qtbot, couple_vault)
    _select(page, HUGGING)
    _click_level(qtbot, page, Comfort.COMFORTABLE)  # Alex, the pace-setter
    assert _agreed(page, HUGGING) == "Not yet"
    page.set_here(PartnerId.B)
    _select(page, HUGGING)
    _click_level(qtbot, page, Comfort.OPEN)
    assert _agreed(page, HUGGING) == "Open to talking"
    assert timeline_origins(couple_vault.db, f"pacing:{HUGGING}") == [
        (f"pacing:{HUGGING}", "Pacing: Hugging is now “Open to talking”")]


def test_stepping_up_past_the_pace_setter_is_refused_kindly(qtbot, couple_vault: Vault) -> None:
    page = _page(qtbot, couple_vault)
    page.set_here(PartnerId.B)
    _select(page, HUGGING)
    _click_level(qtbot, page, Comfort.COMFORTABLE)
    assert "Alex sets the pace" in page._message.text()
    assert page._message.isVisible()
    assert PacingService(couple_vault.db).load().steps[3].comfort == {}
    checked = page._levels.checkedButton()
    assert checked.property("level") == Comfort.NOT_YET.value
    assert page._ask.isVisible() and page._ask.text() == "Let Alex know"
    qtbot.mouseClick(page._ask, Qt.MouseButton.LeftButton)
    assert "no pressure" in page._message.text()
    assert [(a.step_id, a.partner) for a in PacingService(couple_vault.db).asks()] == [
        (HUGGING, PartnerId.B)]
    page.set_here(PartnerId.A)
    assert "Sam would like to talk about “Hugging”" in page._asks_note.text()


@pytest.mark.parametrize("pauser", list(PartnerId))
def test_only_the_partner_who_paused_can_resume(qtbot, couple_vault: Vault,
                                                pauser: PartnerId) -> None:
    messages: list[str] = []
    page = _page(qtbot, couple_vault, messages)
    other = PartnerId.B if pauser is PartnerId.A else PartnerId.A
    name = {PartnerId.A: "Alex", PartnerId.B: "Sam"}[pauser]
    page.set_here(pauser)
    qtbot.mouseClick(page._pause, Qt.MouseButton.LeftButton)
    assert messages[-1] == "Pacing is paused. Take all the time you need."
    assert page._pause_note.text().startswith(f"{name} paused pacing.")
    assert _agreed(page, HUGGING) == "Paused"
    assert _agreed(page, SHARING) == "Not yet"
    assert page._pause.text() == "Resume pacing"

    page.set_here(other)
    qtbot.mouseClick(page._pause, Qt.MouseButton.LeftButton)
    assert f"only {name} can resume it" in page._message.text()
    assert PacingService(couple_vault.db).load().paused_by is pauser

    page.set_here(pauser)
    qtbot.mouseClick(page._pause, Qt.MouseButton.LeftButton)
    assert PacingService(couple_vault.db).load().paused_by is None
    assert _agreed(page, HUGGING) == "Not yet"
    assert not page._pause_note.isVisible()
    assert [t for _, t in timeline_origins(couple_vault.db, "pacing:pause")] == [
        "Pacing paused", "Pacing resumed"]


def test_ladder_can_be_changed(qtbot, couple_vault: Vault) -> None:
    page = _page(qtbot, couple_vault)
    qtbot.mouseClick(page._ladder._toggle, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page._ladder._title, "Evening walks")
    qtbot.mouseClick(page._ladder._add, Qt.MouseButton.LeftButton)
    last = page._model.rowCount() - 1
    assert page._model.index(last, STEP).data() == "Evening walks"
    qtbot.mouseClick(page._ladder._up, Qt.MouseButton.LeftButton)
    assert page._model.index(last - 1, STEP).data() == "Evening walks"
    qtbot.mouseClick(page._ladder._remove, Qt.MouseButton.LeftButton)
    assert page._model.rowCount() == len(default_pacing_steps())
    _select(page, HUGGING)
    qtbot.mouseClick(page._ladder._remove, Qt.MouseButton.LeftButton)
    assert "stay on the ladder" in page._ladder._message.text()


def test_hard_moment_pause_shows_after_a_change(qtbot, couple_vault: Vault) -> None:
    context = make_context(couple_vault, [])
    page = PacingPage(context)
    qtbot.addWidget(page)
    SettingsService(couple_vault.db).save({"pacing.pause_on_hard_moment": True})
    assert PacingService(couple_vault.db).pause_for_hard_moment(PartnerId.B)
    context.changes.changed.emit("hard_moments")
    assert page._pause_note.text().startswith("Sam paused pacing.")
