"""The leak test: a whole session through the real window, then a byte search for what was typed.

A sentinel is written in every view of a couple space and of a private
journal, searched for, exported (JSON outside the searched folders, a
password-protected PDF inside HOME), locked away and the window closed.
Afterwards nothing under HOME, the XDG folders, the data dir or the temp
folder may hold it in any encoding: only encrypted files are allowed to
carry it, and they show no plaintext. QSettings holds only allowlisted
keys, Qt's file dialog remembers no folder, and no window title ever
carried the sentinel.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from rebuild_desktop.services import drafts
from rebuild_desktop.services.drafts import DraftKeeper
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.views import ui_state
from rebuild_desktop.views.couple_wizard import CoupleWizard
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog
from rebuild_desktop.views.journal_wizard import JournalWizard
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.timeline_editor import EventDialog
from rebuild_desktop.views.vault_view import VaultView

SENTINEL = "ZEBRA-LEAK-7731"
# QTest types ASCII only; this one is inserted as text, as a paste would be.
WIDE = "Zèbra-Łeak-Ωψ-7731-🦓"
PDF_PASSWORD = "counselor only"
JOURNAL_PASSPHRASE = "a quiet evening walk"


def needles() -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for text in (SENTINEL, WIDE):
        for variant in (text, text.lower(), text.upper()):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                found[f"{variant!r} in {encoding}"] = variant.encode(encoding)
    found["the wide one's middle in UTF-8"] = "Łeak-Ωψ".encode()
    return found


def files_holding(roots: list[Path]) -> list[str]:
    """Every ``file: needle`` pair found under ``roots``."""
    hits = []
    patterns = needles()
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_symlink() or not path.is_file():
                continue
            data = path.read_bytes()
            hits += [f"{path}: {name}" for name, needle in patterns.items() if needle in data]
    return hits


class TitleRecorder(QObject):
    """Every window title any widget had while the session ran."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: set[str] = set()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.WindowTitleChange and isinstance(watched, QWidget):
            self.titles.add(watched.windowTitle())
        return False


@pytest.fixture
def temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The temporary folder of this test, for Python and for Qt."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    yield folder


# Driving the window ---------------------------------------------------------------------


def named(parent: QWidget, kind: type, name: str) -> QWidget:
    """The one control a screen reader would announce as ``name``."""
    found = [w for w in parent.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, f"{len(found)} controls named {name!r}"
    return found[0]


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.accessibleName() or button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_both(qtbot: QtBot, edit: QLineEdit | QPlainTextEdit, before: str = "") -> None:
    """Type the ASCII sentinel, then paste-like insert the wide one."""
    qtbot.keyClicks(edit, f"{before}{SENTINEL} ")
    if isinstance(edit, QLineEdit):
        edit.insert(WIDE)
    else:
        edit.insertPlainText(WIDE)


def go_to(qtbot: QtBot, view: VaultView, key: str) -> QWidget:
    row = [s.key for s in view.sections].index(key)
    item = view.sidebar.item(row)
    qtbot.mouseClick(view.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.sidebar.visualItemRect(item).center())
    assert view.sidebar.currentRow() == row
    return view.pages.currentWidget()


def when_modal(qtbot: QtBot, kind: type, fill: Callable[[QDialog], None]) -> list[bool]:
    """Fill the modal dialog that is about to open; the list gets True once it was filled."""
    done: list[bool] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, act)
            return
        fill(dialog)
        done.append(True)

    QTimer.singleShot(0, act)
    return done


def save_in_file_dialog(qtbot: QtBot, target: Path) -> list[bool]:
    """Answer Qt's own file dialog, which is about to open, with ``target``."""
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(target))
        dialog.accept()
    return when_modal(qtbot, QFileDialog, fill)


def press_save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    click(qtbot, box.button(QDialogButtonBox.StandardButton.Save))


def wizard_button(qtbot: QtBot, wizard: QWizard, which: QWizard.WizardButton) -> None:
    click(qtbot, wizard.button(which))


# The session ------------------------------------------------------------------------------


def create_couple_space(qtbot: QtBot, window: MainWindow) -> VaultView:
    click(qtbot, window.start.create_couple)
    wizard = window.dialog
    assert isinstance(wizard, CoupleWizard)
    qtbot.keyClicks(wizard.label_page.field, "home")
    wizard_button(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.partners_page.names[0], "Robin")
    qtbot.keyClicks(wizard.partners_page.names[1], "Kai")
    wizard_button(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.unlock_page.remember.isChecked()
    wizard_button(qtbot, wizard, QWizard.WizardButton.CommitButton)
    click(qtbot, wizard.recovery_page.kept)
    wizard_button(qtbot, wizard, QWizard.WizardButton.FinishButton)
    assert isinstance(window.vault_view, VaultView)
    return window.vault_view


def write_on_the_timeline(qtbot: QtBot, view: VaultView) -> None:
    page = go_to(qtbot, view, "timeline")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, EventDialog)
        type_both(qtbot, dialog.title)
        type_both(qtbot, dialog.text, "What happened: ")
        type_both(qtbot, dialog.tags)
        press_save(qtbot, dialog)

    filled = when_modal(qtbot, EventDialog, fill)
    click(qtbot, page.add_button)
    assert filled
    assert SENTINEL in page.selected_event().title


def write_a_checkin(qtbot: QtBot, view: VaultView) -> None:
    page = go_to(qtbot, view, "checkins")
    for edit in (page.feel, page.when, page.need, page.went_well, page.hard, page.request):
        type_both(qtbot, edit)
    click(qtbot, page.save)
    assert page.model.rowCount() == 1
    assert page.feel.text() == ""


def record_a_hard_moment(qtbot: QtBot, view: VaultView) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, HardMomentDialog)
        type_both(qtbot, dialog.trigger)
        type_both(qtbot, dialog.helped)
        press_save(qtbot, dialog)

    filled = when_modal(qtbot, HardMomentDialog, fill)
    click(qtbot, view.hard_moment_button)
    assert filled


def write_gratitude(qtbot: QtBot, view: VaultView) -> None:
    page = go_to(qtbot, view, "gratitude")
    type_both(qtbot, named(page, QPlainTextEdit, "What you appreciated"))
    category = named(page, QComboBox, "Category (optional)")
    category.lineEdit().clear()
    type_both(qtbot, category.lineEdit())
    click(qtbot, named(page, QPushButton, "Save appreciation"))
    log = named(page, QListView, "Gratitude log")
    assert log.model().rowCount() == 1
    log.setCurrentIndex(log.model().index(0, 0))
    reply = named(page, QLineEdit, "Reply to the selected appreciation")
    type_both(qtbot, reply)
    qtbot.keyClick(reply, Qt.Key.Key_Return)
    assert reply.text() == ""


def write_an_agreement(qtbot: QtBot, view: VaultView) -> None:
    page = go_to(qtbot, view, "agreements")
    type_both(qtbot, named(page, QPlainTextEdit, "Words of the new agreement"))
    click(qtbot, named(page, QPushButton, "Propose agreement"))
    consent = named(page, QCheckBox, "Kai says yes")
    consent.setFocus()
    qtbot.keyClick(consent, Qt.Key.Key_Space)  # in force now: its words go on the timeline too
    assert consent.isChecked()


def add_a_pacing_step(qtbot: QtBot, view: VaultView) -> None:
    page = go_to(qtbot, view, "pacing")
    click(qtbot, named(page, QPushButton, "Show or hide changing the ladder"))
    type_both(qtbot, named(page, QLineEdit, "Name of a step"))
    click(qtbot, named(page, QPushButton, "Add the step at the end"))
    assert named(page, QLineEdit, "Name of a step").text() == ""


def rename_a_partner(qtbot: QtBot, view: VaultView) -> None:
    """Names may hold anything; they live inside the vault only."""
    page = go_to(qtbot, view, "settings")
    name = named(page, QLineEdit, "Name of partner B")
    name.clear()
    qtbot.keyClicks(name, f"Kai {SENTINEL}")
    click(qtbot, named(page, QPushButton, "Save settings"))
    assert view.status.currentMessage() == "Settings saved."


def search(qtbot: QtBot, view: VaultView) -> None:
    timeline = go_to(qtbot, view, "timeline")
    qtbot.keyClicks(timeline.filters.search, SENTINEL)
    qtbot.waitUntil(lambda: not timeline.model.filter.is_empty)
    assert timeline.model.rowCount() >= 2  # a month heading and the event, at least
    gratitude = go_to(qtbot, view, "gratitude")
    field = named(gratitude, QLineEdit, "Search the gratitude log")
    field.insert(WIDE)
    assert named(gratitude, QListView, "Gratitude log").model().rowCount() == 1


def leave_a_draft(qtbot: QtBot, view: VaultView) -> None:
    """Typed but not saved: the lock keeps it as a draft inside the vault."""
    page = go_to(qtbot, view, "gratitude")
    type_both(qtbot, named(page, QPlainTextEdit, "What you appreciated"))
    page = go_to(qtbot, view, "agreements")
    type_both(qtbot, named(page, QPlainTextEdit, "Words of the new agreement"))


def export_json(qtbot: QtBot, view: VaultView, target: Path) -> None:
    page = go_to(qtbot, view, "vault")
    answered = save_in_file_dialog(qtbot, target)
    click(qtbot, page.export_button)
    assert answered
    assert "Exported" in page.message.text()


def export_pdf(qtbot: QtBot, view: VaultView, target: Path) -> None:
    panel = go_to(qtbot, view, "summary")
    for boxes in panel.share.values():
        for box in boxes.values():
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Space)
    qtbot.keyClicks(panel.password, PDF_PASSWORD)
    qtbot.keyClicks(panel.password_again, PDF_PASSWORD)
    click(qtbot, panel.preview_button)
    assert "exactly what will be saved" in panel.status.text()
    answered = save_in_file_dialog(qtbot, target)
    click(qtbot, panel.save_button)
    assert answered
    assert panel.status.text() == "The summary was saved."


def lock_with_ctrl_l(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.vault_view is None


def keep_a_journal(qtbot: QtBot, window: MainWindow) -> None:
    click(qtbot, window.start.create_journal)
    wizard = window.dialog
    assert isinstance(wizard, JournalWizard)
    qtbot.keyClicks(wizard.label_page.field, "notes")
    wizard_button(qtbot, wizard, QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.passphrase_page.passphrase.first, JOURNAL_PASSPHRASE)
    qtbot.keyClicks(wizard.passphrase_page.passphrase.second, JOURNAL_PASSPHRASE)
    wizard_button(qtbot, wizard, QWizard.WizardButton.CommitButton)
    click(qtbot, wizard.recovery_page.kept)
    wizard_button(qtbot, wizard, QWizard.WizardButton.FinishButton)
    view = window.vault_view
    assert isinstance(view, VaultView)
    page = go_to(qtbot, view, "journal")
    type_both(qtbot, page.editor.title)
    type_both(qtbot, page.editor.text)
    type_both(qtbot, page.editor.tags)
    click(qtbot, page.editor.save_button)
    assert page.model.rowCount() == 1
    type_both(qtbot, page.editor.text)  # an unsaved draft, kept in the vault on lock
    qtbot.keyClicks(page.search, SENTINEL)
    qtbot.waitUntil(lambda: page.results.currentWidget() is page.list)


# The test -----------------------------------------------------------------------------------


def test_nothing_typed_is_left_outside_the_vaults(
    qtbot: QtBot, library: VaultLibrary, private_home: Path, data_dir: Path, temp_dir: Path,
    tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture,
) -> None:
    exports = tmp_path / "exports"  # the person's own, unencrypted choice: not searched
    exports.mkdir()
    documents = private_home / "Documents"
    documents.mkdir()
    titles = TitleRecorder()
    QApplication.instance().installEventFilter(titles)
    window = MainWindow(library, TaskRunner(immediate=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        view = create_couple_space(qtbot, window)
        write_on_the_timeline(qtbot, view)
        write_a_checkin(qtbot, view)
        record_a_hard_moment(qtbot, view)
        write_gratitude(qtbot, view)
        write_an_agreement(qtbot, view)
        add_a_pacing_step(qtbot, view)
        rename_a_partner(qtbot, view)
        search(qtbot, view)
        export_json(qtbot, view, exports / "home.json")
        export_pdf(qtbot, view, documents / "summary.pdf")
        assert SENTINEL not in QApplication.clipboard().text()
        leave_a_draft(qtbot, view)
        lock_with_ctrl_l(qtbot, window)
        keep_a_journal(qtbot, window)
        lock_with_ctrl_l(qtbot, window)
        titles.titles.add(window.windowTitle())
        window.close()
    finally:
        QApplication.instance().removeEventFilter(titles)

    # The search would find it: the plain export holds it, in both spellings.
    assert files_holding([exports])
    assert WIDE.encode() in (exports / "home.json").read_bytes()
    # The PDF holds it too, but only behind its password.
    reader = PdfReader(documents / "summary.pdf")
    assert reader.is_encrypted
    reader.decrypt(PDF_PASSWORD)
    assert SENTINEL in "".join(page.extract_text() for page in reader.pages)

    out, err = capfd.readouterr()
    for said in (out, err, caplog.text):
        assert SENTINEL not in said and WIDE not in said and "Kai" not in said

    roots = [private_home, data_dir, temp_dir]
    assert files_holding(roots) == []
    assert {p.name for p in (data_dir / "vaults").iterdir()} == {"home", "notes"}

    assert "Rebuild" in titles.titles
    for title in titles.titles:
        assert not any(word in title for word in (SENTINEL, WIDE, "Robin", "Kai")), title

    config = private_home / ".config"
    settings_files = sorted(p for p in config.rglob("*") if p.is_file())
    for path in settings_files:
        store = QSettings(str(path), QSettings.Format.IniFormat)
        keys = store.allKeys()
        if path.name == "QtProject.conf":
            values = " ".join(str(store.value(k)) for k in keys)
            for folder in (exports, documents, temp_dir):
                assert str(folder) not in values, f"{path.name} remembers {folder}"
            assert not {"FileDialog/lastVisited", "FileDialog/history"} & set(keys)
        else:
            assert set(keys) <= ui_state.ALLOWED_KEYS, f"{path}: {keys}"
    assert any(p.name != "QtProject.conf" for p in settings_files)  # geometry was saved

    # The unsaved words were not lost either: they wait inside the vault.
    vault = library.open_with_keyring("home")
    try:
        for key in (drafts.GRATITUDE, drafts.AGREEMENT):
            assert SENTINEL in str(DraftKeeper(vault.db, key).load().get("text"))
    finally:
        vault.close()
