"""Import and export run on a TaskRunner worker, each on its own connection."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.errors import BadImportFile
from rebuild_desktop.services.interchange import export_json, import_json
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.storage.records import TimelineRepository
from rebuild_desktop.views.tasks import TaskRunner
from tests.services.test_interchange_parse import couple_doc, encode


def test_import_then_export_on_a_worker(qtbot: QtBot, couple_vault: Vault,
                                        tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(encode(couple_doc()))
    runner = TaskRunner()
    done: list[object] = []
    failed: list[BaseException] = []
    steps: list[tuple[int, int]] = []
    runner.run(lambda progress: import_json(couple_vault, source, progress), done.append,
               failed.append, lambda step, total: steps.append((step, total)))
    qtbot.waitUntil(lambda: bool(done or failed), timeout=30_000)
    assert not failed and done[0].total_added == 6  # type: ignore[attr-defined]
    assert steps and steps[-1] == (6, 6)
    assert TimelineRepository(couple_vault.db).count() == 1  # seen by the GUI connection

    out = tmp_path / "out.json"
    runner.run(lambda: export_json(couple_vault, out), done.append, failed.append)
    qtbot.waitUntil(lambda: len(done) == 2 or bool(failed), timeout=30_000)
    assert not failed and done[1] == out and out.stat().st_size > 0
    assert runner.wait()


def test_a_bad_file_reaches_on_error_on_the_gui_thread(qtbot: QtBot, couple_vault: Vault,
                                                       tmp_path: Path) -> None:
    source = tmp_path / "bad.json"
    source.write_text("[]")
    runner = TaskRunner()
    failed: list[BaseException] = []
    runner.run(lambda: import_json(couple_vault, source), lambda result: None, failed.append)
    qtbot.waitUntil(lambda: bool(failed), timeout=30_000)
    assert isinstance(failed[0], BadImportFile)
    assert runner.wait()
