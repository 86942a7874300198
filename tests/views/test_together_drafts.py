"""What someone was writing survives the page going away (a lock, a crash)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rebuild_desktop.services import drafts
from rebuild_desktop.services.drafts import DraftKeeper
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.agreements import AgreementsPage
from rebuild_desktop.views.gratitude import GratitudePage
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_gratitude_draft_comes_back_and_goes_when_saved(qtbot, couple_vault: Vault) -> None:
    keeper = DraftKeeper(couple_vault.db, drafts.GRATITUDE)
    page = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page._direction.setCurrentIndex(1)
    qtbot.keyClicks(page._text, "The note on the fridge")
    qtbot.waitUntil(lambda: keeper.load().get("text") == "The note on the fridge")

    again = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(again)
    assert again._text.toPlainText() == "The note on the fridge"
    assert again._direction.currentIndex() == 1
    qtbot.mouseClick(again._save, Qt.MouseButton.LeftButton)
    assert keeper.load() == {}
    qtbot.wait(700)
    assert keeper.load() == {}


def test_agreement_draft_is_flushed_when_the_page_hides(qtbot, couple_vault: Vault) -> None:
    keeper = DraftKeeper(couple_vault.db, drafts.AGREEMENT)
    page = AgreementsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page._text, "We say goodnight even after a hard day")
    page.hide()
    assert keeper.load()["text"] == "We say goodnight even after a hard day"


def test_a_lock_while_typing_writes_nothing_and_raises_nothing(qtbot, couple_vault: Vault) -> None:
    page = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page._text, "Half a sentence")
    couple_vault.close()
    page.hide()
    qtbot.wait(700)
