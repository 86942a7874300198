"""The counselor summary page: consent per section, preview, password, save."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.records import JournalEntry, TimelineEvent
from rebuild_desktop.domain.values import Author, EventKind, PartnerId
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.connection import transaction
from rebuild_desktop.storage.records import JournalRepository, TimelineRepository
from rebuild_desktop.views import export_dialog
from rebuild_desktop.views.export_dialog import CounselorExportPanel
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner
from tests.export.pdf_reading import page_count, pdf_text
from tests.support.report_data import new_id

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_panel(qtbot: QtBot, vault: Vault, messages: list[str],
               tasks: TaskRunner | None = None) -> CounselorExportPanel:
    context = SectionContext(vault=vault, tasks=tasks or TaskRunner(immediate=True),
                             changes=ChangeBus(), notify=messages.append)
    panel = CounselorExportPanel(context)
    qtbot.addWidget(panel)
    panel.resize(1200, 760)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def tick(qtbot: QtBot, panel: CounselorExportPanel, section: str, partner: PartnerId) -> None:
    box = panel.share[section][partner]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)


@pytest.fixture
def couple(couple_vault: Vault) -> Vault:
    today = QDate.currentDate().toString("yyyy-MM-dd")
    with transaction(couple_vault.db):
        TimelineRepository(couple_vault.db).add(TimelineEvent(
            new_id(), today, EventKind.MILESTONE, Author.BOTH, "A gentle evening", "We talked."))
    return couple_vault


def test_a_section_goes_in_only_when_both_partners_agree(
        qtbot: QtBot, couple: Vault, tmp_path: Path) -> None:
    messages: list[str] = []
    panel = make_panel(qtbot, couple, messages)
    assert panel.share["timeline"][PartnerId.A].text() == "Alex"
    assert panel.share["timeline"][PartnerId.B].accessibleName() == (
        "Trust timeline: Sam: OK to share")
    assert panel.chosen_sections() == []
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "at least one section" in panel.status.text()
    tick(qtbot, panel, "timeline", PartnerId.A)
    tick(qtbot, panel, "gratitude", PartnerId.B)
    assert panel.chosen_sections() == []
    tick(qtbot, panel, "timeline", PartnerId.B)
    assert panel.chosen_sections() == ["timeline"]

    out = tmp_path / "summary.pdf"
    panel.save_to(out)
    assert messages[-1] == "The counselor summary was saved."
    text = pdf_text(out)
    assert "A gentle evening" in text and "Trust timeline" in text
    assert "Gratitude" not in text
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_preview_shows_the_real_pages(qtbot: QtBot, couple: Vault, tmp_path: Path) -> None:
    panel = make_panel(qtbot, couple, [])
    for partner in (PartnerId.A, PartnerId.B):
        tick(qtbot, panel, "timeline", partner)
    qtbot.mouseClick(panel.preview_button, Qt.MouseButton.LeftButton)
    pages = [w for w in panel.preview.pages.findChildren(QLabel)
             if w.pixmap() and not w.pixmap().isNull()]
    assert panel.status.text() == "2 pages. This is exactly what will be saved."
    assert not panel.progress.isVisible()
    assert pages[0].accessibleName() == "Page 1 of 2"
    tick(qtbot, panel, "gratitude", PartnerId.A)
    assert "press Preview" in panel.status.text()
    tick(qtbot, panel, "gratitude", PartnerId.A)
    out = tmp_path / "s.pdf"
    panel.save_to(out)
    assert len(pages) == page_count(out) == 2


def test_passwords_must_match_and_protect_the_file(
        qtbot: QtBot, couple: Vault, tmp_path: Path) -> None:
    panel = make_panel(qtbot, couple, [])
    for partner in (PartnerId.A, PartnerId.B):
        tick(qtbot, panel, "timeline", partner)
    qtbot.keyClicks(panel.password, "kind words")
    qtbot.keyClicks(panel.password_again, "kind word")
    out = tmp_path / "s.pdf"
    panel.save_to(out)
    assert panel.status.text() == "The two passwords don't match."
    assert not out.exists()
    qtbot.keyClicks(panel.password_again, "s")
    panel.save_to(out)
    assert "A gentle evening" in pdf_text(out, "kind words")


def test_journal_save_button_writes_the_file(qtbot: QtBot, journal_vault: Vault,
                                             tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    today = QDate.currentDate().toString("yyyy-MM-dd")
    with transaction(journal_vault.db):
        JournalRepository(journal_vault.db).add(JournalEntry(
            new_id(), today, "A steadier week.", 4, [], "Steadier", for_counselor=True))
    panel = make_panel(qtbot, journal_vault, [])
    assert panel.chosen_sections() == ["journal"]
    out = tmp_path / "journal-summary"
    monkeypatch.setattr(export_dialog, "ask_save_path", lambda _parent: out.with_suffix(".pdf"))
    qtbot.mouseClick(panel.save_button, Qt.MouseButton.LeftButton)
    assert "Steadier" in pdf_text(out.with_suffix(".pdf"))


def test_the_sections_are_registered() -> None:
    from rebuild_desktop.domain.values import VaultKind
    from rebuild_desktop.views import journal, sections, summary

    assert {"rebuild_desktop.views.journal", "rebuild_desktop.views.summary"} <= set(
        sections._SECTION_MODULES)
    assert journal.SECTION.kinds == {VaultKind.JOURNAL}
    assert summary.SECTION.kinds == set(VaultKind)
    assert summary.SECTION.title() == "Counselor summary"


def test_saving_runs_on_a_worker_thread_with_progress(
        qtbot: QtBot, couple: Vault, tmp_path: Path) -> None:
    tasks = TaskRunner()
    messages: list[str] = []
    panel = make_panel(qtbot, couple, messages, tasks)
    for partner in (PartnerId.A, PartnerId.B):
        tick(qtbot, panel, "timeline", partner)
    out = tmp_path / "s.pdf"
    panel.save_to(out)
    assert panel.progress.isVisible() and not panel.save_button.isEnabled()
    qtbot.waitUntil(lambda: messages == ["The counselor summary was saved."], timeout=10_000)
    assert not panel.progress.isVisible() and panel.save_button.isEnabled()
    assert "A gentle evening" in pdf_text(out)
