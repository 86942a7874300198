"""Starting the app: window first, keyring after the first paint, demo and --vault."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from rebuild_desktop import app as app_module
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.unlock_dialog import UnlockDialog
from tests.support.memory_keyring import MemoryKeyring

# Runs the real ``run()`` in a fresh interpreter: records whether ``keyring`` was
# imported when the window was first painted, makes a stand-in demo vault, and
# closes the window; prints what it saw as JSON.
_SCRIPT = r"""
import json, sys, types
from pathlib import Path
from rebuild_desktop import app
seen = {}

def make_demo(library, name="demo", **_options):
    from rebuild_desktop.services.library import NewVault
    from rebuild_desktop.domain.values import VaultKind
    seen["demo_dir"] = str(library.data_dir)
    return library.create(NewVault(name, VaultKind.JOURNAL, passphrase="demo-passphrase"))

demo = types.ModuleType("rebuild_desktop.services.demo")
demo.create_demo_vault = make_demo
sys.modules["rebuild_desktop.services.demo"] = demo
real_after = app.after_first_paint

def spy(window, options, demo=None):
    seen["keyring_before_paint"] = "keyring" in sys.modules
    seen["title"] = window.windowTitle()
    real_after(window, options, demo)
    from PySide6.QtCore import QTimer
    timer = QTimer(window)

    def poll():
        timer.setProperty("ticks", (timer.property("ticks") or 0) + 1)
        if window.vault_view is not None or timer.property("ticks") > 400:
            seen["vault_shown"] = window.vault_view is not None
            timer.stop()
            window.close()

    timer.timeout.connect(poll)
    timer.start(50)

app.after_first_paint = spy
seen["code"] = app.run(app.GuiOptions(Path(sys.argv[1]), demo=True))
seen["demo_dir_left"] = Path(seen.get("demo_dir", "/nonexistent")).exists()
print(json.dumps(seen))
"""


def test_the_window_paints_before_keyring_is_imported_and_demo_is_thrown_away(
    tmp_path: Path,
) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path / "data")],
        capture_output=True, text=True, timeout=120, env=env, cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["keyring_before_paint"] is False
    assert seen["title"] == "Rebuild"
    assert seen["vault_shown"] is True
    assert seen["code"] == 0
    assert seen["demo_dir_left"] is False
    assert not (tmp_path / "data").exists()  # the real data dir was never touched
    assert "Traceback" not in result.stderr


def test_demo_opens_the_sample_vault(
    qtbot: QtBot, window: MainWindow, memory_keyring, tmp_path: Path,
) -> None:
    app_module.after_first_paint(window, app_module.GuiOptions(tmp_path), tmp_path)
    view = window.vault_view
    assert view is not None and view.vault.name == "demo"
    assert not view.vault.remembered and memory_keyring.items == {}  # nothing in the keyring
    assert window.windowTitle() == "Rebuild"


def test_a_named_journal_goes_straight_to_its_unlock_dialog(
    qtbot: QtBot, window: MainWindow, journal_vault: Vault, data_dir: Path
) -> None:
    journal_vault.close()
    app_module.after_first_paint(window, app_module.GuiOptions(data_dir, vault="notes"))
    assert isinstance(window.dialog, UnlockDialog)
    assert window.dialog.isVisible()


def test_a_named_couple_space_opens_from_the_keyring(
    qtbot: QtBot, window: MainWindow, couple_vault: Vault, data_dir: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    couple_vault.close()
    app_module.after_first_paint(window, app_module.GuiOptions(data_dir, vault="home"))
    assert window.vault_view is not None


def test_an_unknown_name_is_one_calm_sentence(
    qtbot: QtBot, window: MainWindow, data_dir: Path
) -> None:
    app_module.after_first_paint(window, app_module.GuiOptions(data_dir, vault="nowhere"))
    assert window.vault_view is None and window.dialog is None
    assert window.start.message.isVisible()
    assert "no longer here" in window.start.message.text()


def test_first_painted_comes_once_after_the_window_shows(
    qtbot: QtBot, library: VaultLibrary
) -> None:
    from rebuild_desktop.views.tasks import TaskRunner

    main = MainWindow(library, TaskRunner(immediate=True))
    qtbot.addWidget(main)
    with qtbot.waitSignal(main.first_painted, timeout=5000):
        main.show()
    with qtbot.assertNotEmitted(main.first_painted, wait=100):
        main.update()
