"""The Vault page: unlock methods, passphrase, remember/forget, export and import."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.change_passphrase import ChangePassphraseDialog
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.vault_page import SECTION, VaultPage
from tests.conftest import JOURNAL_PASSPHRASE


def make_page(qtbot: QtBot, vault: Vault, tasks: TaskRunner) -> tuple[VaultPage, list[str]]:
    notices: list[str] = []
    page = SECTION.build(SectionContext(vault, tasks, ChangeBus(), notices.append))
    assert isinstance(page, VaultPage)
    qtbot.addWidget(page)
    page.show()
    return page, notices


def test_the_section_is_for_every_kind() -> None:
    assert SECTION.key == "vault" and SECTION.title() == "Vault"
    assert len(SECTION.kinds) == 2


def test_shows_how_a_couple_space_opens(qtbot: QtBot, couple_vault: Vault,
                                        tasks: TaskRunner) -> None:
    page, _ = make_page(qtbot, couple_vault, tasks)
    assert page.keyring_state.text().startswith("Yes")
    assert page.passphrase_state.text() == "Not set"
    assert "Add a passphrase" in page.passphrase_button.text()
    # Forgetting would leave only the recovery code: not offered until a passphrase exists.
    assert not page.remember_button.isEnabled()


def test_change_the_passphrase(qtbot: QtBot, journal_vault: Vault, tasks: TaskRunner,
                               library: VaultLibrary) -> None:
    page, _ = make_page(qtbot, journal_vault, tasks)
    qtbot.mouseClick(page.passphrase_button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(ChangePassphraseDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.fields.first, "a brand new morning")
    qtbot.keyClicks(dialog.fields.second, "a brand new morning")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "new passphrase is saved" in page.message.text()
    library.open_with_passphrase("notes", "a brand new morning").close()
    with pytest.raises(Exception, match="didn't unlock"):
        library.open_with_passphrase("notes", JOURNAL_PASSPHRASE)


def test_remember_and_forget_on_this_computer(qtbot: QtBot, journal_vault: Vault,
                                              tasks: TaskRunner, library: VaultLibrary) -> None:
    page, _ = make_page(qtbot, journal_vault, tasks)
    assert page.keyring_state.text() == "No"
    assert "anyone who can use this computer account" in page.remember_note.text()
    qtbot.mouseClick(page.remember_button, Qt.MouseButton.LeftButton)
    assert journal_vault.remembered
    assert page.keyring_state.text().startswith("Yes")
    assert "now remembers" in page.message.text()
    library.open_with_keyring("notes").close()

    qtbot.mouseClick(page.remember_button, Qt.MouseButton.LeftButton)
    assert not journal_vault.remembered
    assert library.summary("notes").remembered is False


class StandIn:
    """A stand-in for services.interchange (written in parallel by the data helper)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, Path]] = []

    def export_json(self, vault: Vault, out: Path, progress: Any = None) -> Path:
        conn = vault.connect()  # a worker's own connection
        conn.close()
        if progress is not None:
            progress(1, 2)
            progress(2, 2)
        out.write_text("{}")
        self.calls.append(("export", out))
        return out

    def import_json(self, vault: Vault, path: Path, progress: Any = None) -> Any:
        if path.read_text() != "{}":
            raise BadImportFile("The record gratitude[0] has no field \"text\"; nothing was "
                                "imported.")
        self.calls.append(("import", path))
        return types.SimpleNamespace(total_added=3, total_skipped=1)


@pytest.fixture
def interchange(monkeypatch: pytest.MonkeyPatch) -> StandIn:
    stand_in = StandIn()
    module = types.ModuleType("rebuild_desktop.services.interchange")
    module.export_json = stand_in.export_json  # type: ignore[attr-defined]
    module.import_json = stand_in.import_json  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "rebuild_desktop.services.interchange", module)
    return stand_in


def test_export_and_import(qtbot: QtBot, couple_vault: Vault, tasks: TaskRunner,
                           interchange: StandIn, tmp_path: Path) -> None:
    page, _ = make_page(qtbot, couple_vault, tasks)
    changed: list[str] = []
    page.context.changes.changed.connect(changed.append)
    out = tmp_path / "home.json"
    page.ask_save_path = lambda *args: out
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    assert interchange.calls == [("export", out)]
    assert str(out) in page.message.text()
    assert not page.busy.isVisible()

    page.ask_open_path = lambda *args: out
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert interchange.calls[-1] == ("import", out)
    assert "3 added, 1 already here" in page.message.text()
    assert "timeline" in changed and "gratitude" in changed

    out.write_text("[]")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert "gratitude[0]" in page.message.text()
    assert page.import_button.isEnabled()


def test_cancelled_dialogs_do_nothing(qtbot: QtBot, couple_vault: Vault, tasks: TaskRunner,
                                      interchange: StandIn) -> None:
    page, _ = make_page(qtbot, couple_vault, tasks)
    page.ask_save_path = lambda *args: None
    page.ask_open_path = lambda *args: None
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert interchange.calls == []
    assert not page.message.isVisible()


def test_opened_with_the_recovery_code_suggests_a_new_passphrase(
    qtbot: QtBot, journal_vault: Vault, tasks: TaskRunner, library: VaultLibrary
) -> None:
    from rebuild_desktop.secrets import recovery

    code = recovery.encode(journal_vault.key())
    journal_vault.close()
    vault = library.open_with_recovery_code("notes", code)
    page, _ = make_page(qtbot, vault, tasks)
    assert "forgotten" in page.recovery_note.text()
    vault.close()
