"""The Backups page driven as a person would."""

from __future__ import annotations

import uuid
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from rebuild_desktop.domain.records import TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind
from rebuild_desktop.services import backups
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.views.backups_page import BackupsPage
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner


def _page(qtbot, vault, messages):
    context = SectionContext(vault, TaskRunner(immediate=True), ChangeBus(), messages.append)
    page = BackupsPage(context)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    return page, context


def _add(vault, title):
    with transaction(vault.db):
        TimelineRepository(vault.db).add(TimelineEvent(
            str(uuid.uuid4()), "2026-04-01", EventKind.NOTE, Author.BOTH, title))


def test_model(qtbot, qtmodeltester, couple_vault):
    couple_vault.backup("manual")
    couple_vault.backup("daily")
    page, _ = _page(qtbot, couple_vault, [])
    assert page.model.rowCount() == 2
    qtmodeltester.check(page.model)


def test_empty_state_then_back_up_now(qtbot, couple_vault):
    messages: list[str] = []
    page, _ = _page(qtbot, couple_vault, messages)
    assert page.empty.isVisible() and not page.list.isVisible()
    assert not page.restore_button.isEnabled()
    qtbot.mouseClick(page.back_up_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 1
    assert page.list.isVisible()
    assert messages == ["A backup was taken."]
    assert len(backups.list_backups(couple_vault.paths)) == 1


def test_restore_from_the_page(qtbot, couple_vault, monkeypatch):
    _add(couple_vault, "kept in the backup")
    couple_vault.backup("manual")
    _add(couple_vault, "written later")
    messages: list[str] = []
    page, context = _page(qtbot, couple_vault, messages)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(context.changes.changed) as changed:
        qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert changed.args == ["all"]
    titles = [e.title for e in TimelineRepository(couple_vault.db).all()]
    assert titles == ["kept in the backup"]
    assert "restored" in page.status.text()
    assert page.model.rowCount() == 2  # the backup and the copy kept before restoring
    Path("shots").mkdir(exist_ok=True)
    page.grab().save("shots/backups-page.png")


def test_refused_restore_keeps_the_vault_and_says_why(qtbot, couple_vault, monkeypatch):
    _add(couple_vault, "mine")
    backup = couple_vault.backup("manual")
    backup.write_bytes(b"not a vault at all" * 400)
    page, _ = _page(qtbot, couple_vault, [])
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert "not used" in page.status.text()
    assert [e.title for e in TimelineRepository(couple_vault.db).all()] == ["mine"]
    assert page.back_up_button.isEnabled()
