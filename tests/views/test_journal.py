"""The private journal, driven as a person would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.records import JournalEntry
from rebuild_desktop.services.journal import JournalService, parse_tags
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.journal_queries import fts_query
from rebuild_desktop.storage.records import JournalRepository
from rebuild_desktop.views.journal import JournalPage
from rebuild_desktop.views.models.journal_model import PAGE, JournalModel
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner
from tests.conftest import JOURNAL_PASSPHRASE
from tests.support.report_data import new_id

# The offscreen platform says this whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def messages() -> list[str]:
    return []


def make_page(qtbot: QtBot, vault: Vault, messages: list[str]) -> JournalPage:
    context = SectionContext(vault=vault, tasks=TaskRunner(immediate=True), changes=ChangeBus(),
                             notify=messages.append)
    page = JournalPage(context)
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def add_entry(vault: Vault, day: str, text: str, title: str | None = None) -> None:
    with transaction(vault.db):
        JournalRepository(vault.db).add(JournalEntry(new_id(), day, text, title=title))


def write(qtbot: QtBot, page: JournalPage, text: str, title: str = "") -> None:
    if title:
        qtbot.mouseClick(page.editor.title, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(page.editor.title, title)
    qtbot.mouseClick(page.editor.text.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.editor.text, text)


def test_empty_journal_shows_a_kind_first_step(qtbot: QtBot, journal_vault: Vault,
                                               messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    assert page.results.currentWidget() is page.empty
    assert "Write the first thing" in page.empty.text()


def test_write_an_entry_with_mood_tags_and_prompt(qtbot: QtBot, journal_vault: Vault,
                                                  messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    editor = page.editor
    editor.prompt_kind.setFocus()
    qtbot.keyClick(editor.prompt_kind, Qt.Key.Key_Down)  # "Self-reflection"
    assert editor.prompt_label.isVisible() and editor.prompt_label.text()
    first_prompt = editor.prompt_label.text()
    qtbot.mouseClick(editor.another, Qt.MouseButton.LeftButton)
    assert editor.prompt_label.text() != first_prompt
    write(qtbot, page, "Walked by the river and breathed slowly.", title="A softer day")
    editor.mood.setFocus()
    for _ in range(4):
        qtbot.keyClick(editor.mood, Qt.Key.Key_Down)  # 4 – good
    qtbot.keyClicks(editor.tags, "calm, river, calm")
    editor.counselor.setFocus()
    qtbot.keyClick(editor.counselor, Qt.Key.Key_Space)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert messages[-1] == "Your entry was saved."
    assert page.model.rowCount() == 1
    [entry] = JournalService(journal_vault.db).entries()
    assert entry.title == "A softer day" and entry.mood == 4
    assert entry.tags == ["calm", "river"] and entry.for_counselor
    assert entry.extra["prompt"] == editor.prompt_label.text()
    assert entry.date == date.today().isoformat()
    marked = page.calendar.dateTextFormat(QDate.currentDate())
    assert marked.fontWeight() == QFont.Weight.Bold
    assert JournalService(journal_vault.db).draft() is None


def test_several_entries_a_day_and_editing_one(qtbot: QtBot, journal_vault: Vault,
                                               messages: list[str]) -> None:
    add_entry(journal_vault, "2026-05-02", "Morning pages.", "Morning")
    add_entry(journal_vault, "2026-05-02", "Evening thoughts.", "Evening")
    page = make_page(qtbot, journal_vault, messages)
    assert page.model.rowCount() == 2
    assert page.model.entry(0).title == "Evening"  # last written first
    rect = page.list.visualRect(page.model.index(1))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.editor.title.text() == "Morning"
    qtbot.keyClick(page.editor.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(page.editor.text, " More.")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    texts = sorted(e.text for e in JournalService(journal_vault.db).entries())
    assert texts == ["Evening thoughts.", "Morning pages. More."]


def test_search_as_you_type_with_prefixes_and_odd_characters(
        qtbot: QtBot, journal_vault: Vault, messages: list[str]) -> None:
    add_entry(journal_vault, "2026-05-01", "The river was calm.", "River")
    add_entry(journal_vault, "2026-05-03", "A long, hard meeting.", "Work")
    page = make_page(qtbot, journal_vault, messages)
    qtbot.keyClicks(page.search, "riv")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.entry(0).title == "River"
    page.search.clear()
    qtbot.keyClicks(page.search, 'AND "hard* (')
    qtbot.waitUntil(lambda: page.results.currentWidget() is page.empty)
    assert "Nothing matches" in page.empty.text()
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)


def test_calendar_marks_days_and_filters_by_day(qtbot: QtBot, journal_vault: Vault,
                                                messages: list[str]) -> None:
    add_entry(journal_vault, "2026-05-01", "First.", "One")
    add_entry(journal_vault, "2026-05-03", "Second.", "Two")
    page = make_page(qtbot, journal_vault, messages)
    page.calendar.setCurrentPage(2026, 5)
    assert page.calendar.dateTextFormat(QDate(2026, 5, 3)).fontWeight() == QFont.Weight.Bold
    assert page.calendar.dateTextFormat(QDate(2026, 5, 2)).fontWeight() != QFont.Weight.Bold
    page.calendar.setSelectedDate(QDate(2026, 5, 3))
    page.calendar.clicked.emit(QDate(2026, 5, 3))
    assert page.model.rowCount() == 1 and page.model.entry(0).title == "Two"
    qtbot.mouseClick(page.all_days, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2


def test_draft_comes_back_after_closing_mid_typing(qtbot: QtBot, journal_vault: Vault,
                                                   messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    write(qtbot, page, "Half a thought about the weekend", title="Unfinished")
    page.close()
    again = make_page(qtbot, journal_vault, messages)
    assert again.editor.text.toPlainText() == "Half a thought about the weekend"
    assert again.editor.title.text() == "Unfinished"
    assert messages[-1] == "Your unsaved writing from last time is back."
    assert JournalService(journal_vault.db).entries() == []


def test_draft_is_kept_a_second_after_typing(qtbot: QtBot, journal_vault: Vault,
                                             messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    write(qtbot, page, "Still typing")
    service = JournalService(journal_vault.db)
    qtbot.waitUntil(lambda: service.draft() is not None, timeout=3000)
    assert service.draft().text == "Still typing"


def test_a_failed_save_says_so_and_keeps_the_text(qtbot: QtBot, journal_vault: Vault,
                                                  messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    write(qtbot, page, "Words I must not lose")
    journal_vault.db.execute("PRAGMA query_only = ON")  # every write now fails
    try:
        qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    finally:
        journal_vault.db.execute("PRAGMA query_only = OFF")
    assert "nothing was saved" in page.editor.status.text()
    assert page.editor.text.toPlainText() == "Words I must not lose"
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert [e.text for e in JournalService(journal_vault.db).entries()] == [
        "Words I must not lose"]


def test_empty_entry_is_not_saved(qtbot: QtBot, journal_vault: Vault,
                                  messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert "Write something first" in page.editor.status.text()


def test_journal_model(qtmodeltester, journal_vault: Vault) -> None:
    with transaction(journal_vault.db):
        repo = JournalRepository(journal_vault.db)
        for number in range(PAGE + 30):
            repo.add(JournalEntry(new_id(), f"2026-{1 + number % 12:02d}-01", f"Entry {number}",
                                  mood=1 + number % 5, title=None if number % 2 else "T"))
    model = JournalModel()
    model.set_entries(JournalService(journal_vault.db).entries())
    assert model.rowCount() == PAGE and model.canFetchMore(model.index(0).parent())
    qtmodeltester.check(model)
    model.fetchMore(model.index(0).parent())
    assert model.rowCount() == PAGE + 30


@pytest.mark.parametrize(("typed", "query"), [
    ("riv", '"riv" *'),
    ('say "hi"', '"say" * """hi""" *'),
    ("  ", None),
    ("AND (", '"AND" *'),  # "(" is no word of the index: matched as text
    ("a\x00b", "\"a\" * \"b\" *"),
])
def test_fts_query_quotes_every_term(typed: str, query: str | None) -> None:
    assert fts_query(typed) == query


def test_parse_tags() -> None:
    assert parse_tags(" calm, ,River, river ,sleep") == ["calm", "River", "sleep"]


def test_draft_survives_a_lock_and_unlock(qtbot: QtBot, library: VaultLibrary,
                                          journal_vault: Vault, messages: list[str]) -> None:
    page = make_page(qtbot, journal_vault, messages)
    write(qtbot, page, "Written just before the lock")
    page.hide()  # the main window hides, then destroys, every page on lock
    journal_vault.close()
    reopened = library.open_with_passphrase("notes", JOURNAL_PASSPHRASE)
    try:
        again = make_page(qtbot, reopened, messages)
        assert again.editor.text.toPlainText() == "Written just before the lock"
        again.hide()
    finally:
        reopened.close()


def test_delete_asks_first_and_then_removes_the_entry(
        qtbot: QtBot, journal_vault: Vault, messages: list[str]) -> None:
    add_entry(journal_vault, "2026-05-02", "Let this go.", "Old")
    page = make_page(qtbot, journal_vault, messages)
    rect = page.list.visualRect(page.model.index(0))
    qtbot.mouseClick(page.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "can't be undone" in box.text()
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert len(JournalService(journal_vault.db).entries()) == 1
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(page.editor.delete_button, Qt.MouseButton.LeftButton)
    assert JournalService(journal_vault.db).entries() == []
    assert page.results.currentWidget() is page.empty
    assert page.editor.title.text() == ""
