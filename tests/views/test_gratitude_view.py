"""The gratitude page, driven as a couple would use it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.gratitude import GratitudeService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.gratitude import GratitudePage
from rebuild_desktop.views.models.gratitude_model import PAGE, GratitudeModel, GratitudeRole
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_gratitude_model_passes_the_model_tester(couple_vault: Vault, qtmodeltester) -> None:
    service = GratitudeService(couple_vault.db)
    for day in range(1, 29):
        service.write(PartnerId.A if day % 2 else PartnerId.B, f"Thanks {day}",
                      date=f"2026-02-{day:02d}")
    model = GratitudeModel(service.page, {PartnerId.A: "Alex", PartnerId.B: "Sam"})
    model.reload()
    qtmodeltester.check(model)
    assert model.index(0).data(GratitudeRole.TEXT) == "Thanks 28"
    model.reload("Thanks 1")
    qtmodeltester.check(model)


def test_gratitude_model_fetches_more_a_page_at_a_time(couple_vault: Vault) -> None:
    service = GratitudeService(couple_vault.db)
    for i in range(PAGE + 5):
        service.write(PartnerId.A, f"Note {i}", date="2026-01-01")
    model = GratitudeModel(service.page, {})
    model.reload()
    assert model.rowCount() == PAGE and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE + 5 and not model.canFetchMore()


def test_write_acknowledge_and_reply(qtbot, couple_vault: Vault) -> None:
    messages: list[str] = []
    context = make_context(couple_vault, messages)
    page = GratitudePage(context)
    qtbot.addWidget(page)
    page.show()
    assert page._empty.text().startswith("Write the first thing you appreciated today.")
    assert not page._search.isVisible()
    assert page._stack.currentWidget() is page._empty

    page._direction.setCurrentIndex(1)  # from Sam to Alex
    qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert "Write a few words first" in page._message.text()
    qtbot.keyClicks(page._text, "You made tea and asked how my day was")
    with qtbot.waitSignal(context.changes.changed):
        qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert page._stack.currentWidget() is page._list
    assert page._search.isVisible() and page._heart.isVisible()
    assert page._model.index(0).data(GratitudeRole.FROM_NAME) == "Sam"
    assert page._text.toPlainText() == ""

    page._list.setCurrentIndex(page._model.index(0))
    qtbot.keyClicks(page._reply, "It meant a lot")
    qtbot.mouseClick(page._heart, Qt.MouseButton.LeftButton)
    entry = GratitudeService(couple_vault.db).page(0, 1)[0]
    assert entry.acknowledged and entry.reply == "It meant a lot"
    assert page._model.index(0).data(GratitudeRole.ACKNOWLEDGED) is True
    assert page._heart.text() == "Send reply"
    assert messages[-1] == "Received with thanks."


def test_search_and_from_the_past(qtbot, couple_vault: Vault, monkeypatch) -> None:
    from rebuild_desktop.services import gratitude

    monkeypatch.setattr(gratitude, "PAST_SHOWN_SHARE", 1.0)  # a day it comes back
    service = GratitudeService(couple_vault.db)
    service.write(PartnerId.A, "Thank you for the honest answer", date="2025-12-01")
    service.write(PartnerId.B, "The walk by the river", date="2025-12-02")
    page = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    assert page._past.isVisible()
    assert "“" in page._past_text.text()
    qtbot.keyClicks(page._search, "hon")
    assert page._model.rowCount() == 1
    assert not page._past.isVisible()
    page._search.setText('"unmatched (')
    assert page._empty.text() == "Nothing in the log matches that yet."


def test_no_counts_or_streaks_anywhere(qtbot, couple_vault: Vault) -> None:
    service = GratitudeService(couple_vault.db)
    for i in range(3):
        service.write(PartnerId.A, f"Thanks {i}", date=f"2026-01-0{i + 1}")
    page = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    words = [w.text().lower() for w in page.findChildren(QLabel)]
    words += [w.text().lower() for w in page.findChildren(QAbstractButton)]
    for banned in ("streak", "points", "badge", "score", " 3 "):
        assert not any(banned in w for w in words)


def test_another_prompt_turns_to_the_next_one(qtbot, couple_vault: Vault) -> None:
    page = GratitudePage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    prompt = page._prompt_row.prompt
    first = prompt.text()
    another = next(b for b in page.findChildren(QAbstractButton) if b.text() == "Another prompt")
    qtbot.mouseClick(another, Qt.MouseButton.LeftButton)
    assert first and prompt.text() and prompt.text() != first
