"""The event editor loses nothing: drafts survive a lock, a failed save keeps the text."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from rebuild_desktop.domain.errors import DiskFull
from rebuild_desktop.storage.drafts import DraftRepository
from rebuild_desktop.views.timeline_editor import EventDialog

NAMES = {"a": "Alex", "b": "Sam"}


def _dialog(qtbot, conn, **kwargs) -> EventDialog:
    dialog = EventDialog(NAMES, drafts=conn, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_lock_keeps_the_draft_and_the_next_editor_brings_it_back(qtbot, couple_vault):
    dialog = _dialog(qtbot, couple_vault.db)
    qtbot.keyClicks(dialog.title, "We said sorry")
    qtbot.keyClicks(dialog.text, "and meant it")
    dialog.reject()  # what the lock does to an open dialog
    assert DraftRepository(couple_vault.db).load("timeline:new")["title"] == "We said sorry"

    again = _dialog(qtbot, couple_vault.db)
    assert again.title.text() == "We said sorry"
    assert again.text.toPlainText() == "and meant it"
    assert "kept" in again.problem.text()


def test_cancel_by_the_person_drops_the_draft(qtbot, couple_vault):
    dialog = _dialog(qtbot, couple_vault.db)
    qtbot.keyClicks(dialog.title, "not now")
    dialog.draft.flush()
    dialog.cancel()
    assert DraftRepository(couple_vault.db).load("timeline:new") is None


def test_a_failed_save_says_so_and_keeps_everything(qtbot, couple_vault):
    def full_disk(_event):
        raise DiskFull()

    dialog = _dialog(qtbot, couple_vault.db, save=full_disk)
    qtbot.keyClicks(dialog.title, "Kept safe")
    qtbot.keyClicks(dialog.text, "every word")
    dialog.accept()
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert "disk" in dialog.problem.text().lower()
    assert dialog.title.text() == "Kept safe" and dialog.text.toPlainText() == "every word"


def test_a_saved_event_drops_its_draft(qtbot, couple_vault):
    saved = []
    dialog = _dialog(qtbot, couple_vault.db, save=saved.append)
    qtbot.keyClicks(dialog.title, "Saved")
    dialog.draft.flush()
    dialog.accept()
    assert [e.title for e in saved] == ["Saved"] and saved[0] is dialog.saved_event
    assert DraftRepository(couple_vault.db).load("timeline:new") is None


def test_check_in_answers_survive_a_lock(qtbot, couple_vault, library):
    from rebuild_desktop.views.checkins import CheckInsPage
    from rebuild_desktop.views.sections import ChangeBus, SectionContext
    from rebuild_desktop.views.tasks import TaskRunner

    def page_for(vault):
        page = CheckInsPage(SectionContext(vault, TaskRunner(immediate=True), ChangeBus(),
                                           lambda _m: None))
        qtbot.addWidget(page)
        page.show()
        return page

    page = page_for(couple_vault)
    qtbot.keyClicks(page.feel, "hopeful")
    qtbot.keyClicks(page.went_well, "we laughed at dinner")
    page.hide()  # the main window hides each page before it closes the vault
    couple_vault.close()
    reopened = library.open_with_keyring("home")
    try:
        again = page_for(reopened)
        assert again.feel.text() == "hopeful"
        assert again.went_well.toPlainText() == "we laughed at dinner"
        again.record()
        assert DraftRepository(reopened.db).load("checkins:form") is None
        assert again.feel.text() == ""
    finally:
        reopened.close()


def test_hard_moment_dialog_keeps_its_words_through_a_failed_save_and_a_lock(qtbot, couple_vault):
    from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog

    def full_disk(_moment):
        raise DiskFull()

    dialog = HardMomentDialog(NAMES, save=full_disk, drafts=couple_vault.db)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.trigger, "an old song on the radio")
    dialog.accept()
    assert dialog.isVisible() and "disk" in dialog.problem.text().lower()
    assert dialog.height() >= dialog.sizeHint().height()  # the sentence did not squeeze the fields
    assert dialog.trigger.toPlainText() == "an old song on the radio"
    dialog.reject()  # a lock
    again = HardMomentDialog(NAMES, drafts=couple_vault.db)
    qtbot.addWidget(again)
    assert again.trigger.toPlainText() == "an old song on the radio"
