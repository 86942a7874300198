"""Typed text survives a lock or a crash as a draft inside the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from rebuild_desktop.domain.errors import DiskFull
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.storage.drafts import DraftRepository
from rebuild_desktop.views.widgets import draft_keeper
from rebuild_desktop.views.widgets.draft_keeper import DraftKeeper, keepers_under


def _editor(qtbot, conn):
    page = QWidget()
    title, text = QLineEdit(), QPlainTextEdit()
    layout = QVBoxLayout(page)
    layout.addWidget(title)
    layout.addWidget(text)
    keeper = DraftKeeper(conn, "timeline:new", {"title": title, "text": text}, page)
    qtbot.addWidget(page)
    page.show()
    return page, title, text, keeper


def test_draft_is_saved_after_a_pause_and_restored_after_reopening(
        qtbot, library: VaultLibrary, couple_vault):
    _page, title, text, _keeper = _editor(qtbot, couple_vault.db)
    qtbot.keyClicks(title, "A hard evening")
    qtbot.keyClicks(text, "We talked it through")
    text.insertPlainText(" ✨ שלום")  # QTest types ASCII only; an input method types the rest
    qtbot.waitUntil(lambda: DraftRepository(couple_vault.db).load("timeline:new") is not None,
                    timeout=3000)
    couple_vault.close()  # as a lock (or a crash after the save) would

    reopened = library.open_with_keyring("home")
    try:
        _page2, title2, text2, keeper2 = _editor(qtbot, reopened.db)
        assert keeper2.restore()
        assert title2.text() == "A hard evening"
        assert text2.toPlainText() == "We talked it through ✨ שלום"
        keeper2.discard()
        assert DraftRepository(reopened.db).load("timeline:new") is None
    finally:
        reopened.close()


def test_flush_before_lock_saves_at_once(qtbot, couple_vault):
    page, title, _text, _keeper = _editor(qtbot, couple_vault.db)
    qtbot.keyClicks(title, "typed just before the lock")
    for keeper in keepers_under(page):
        keeper.flush()
    assert DraftRepository(couple_vault.db).load("timeline:new") == {
        "title": "typed just before the lock", "text": ""}


def test_emptied_fields_drop_the_draft(qtbot, couple_vault):
    _page, title, _text, keeper = _editor(qtbot, couple_vault.db)
    qtbot.keyClicks(title, "x")
    keeper.flush()
    title.clear()
    keeper.flush()
    assert DraftRepository(couple_vault.db).load("timeline:new") is None


def test_failed_draft_save_is_reported_and_text_kept(qtbot, couple_vault, monkeypatch):
    _page, title, _text, keeper = _editor(qtbot, couple_vault.db)

    def full_disk(*_args, **_kwargs):
        raise DiskFull()

    monkeypatch.setattr(draft_keeper.DraftRepository, "save", full_disk)
    qtbot.keyClicks(title, "still here")
    with qtbot.waitSignal(keeper.failed) as failure:
        keeper.flush()
    assert isinstance(failure.args[0], DiskFull)
    assert title.text() == "still here"
    qtbot.keyClick(title, Qt.Key.Key_End)
