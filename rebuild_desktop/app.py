"""Start the app: the window first, everything slow after it is painted.

Importing ``keyring`` costs about as much start-up time as Qt itself, so no
code path before the first paint touches it: the window is shown, and only
once it has been painted does the demo vault get made or ``--vault NAME``
get opened, on the task runner.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rebuild_desktop import APP_NAME

if TYPE_CHECKING:
    from rebuild_desktop.services.library import CreatedVault
    from rebuild_desktop.views.main_window import MainWindow


@dataclass
class GuiOptions:
    """What the command line asks of the app."""

    data_dir: Path
    vault: str | None = None
    demo: bool = False


def run(options: GuiOptions) -> int:
    """Open the app and return its exit code when the last window closes."""
    from PySide6.QtWidgets import QApplication

    from rebuild_desktop.services.library import VaultLibrary
    from rebuild_desktop.views import crash, ui_state
    from rebuild_desktop.views.main_window import MainWindow
    from rebuild_desktop.views.style import apply_style
    from rebuild_desktop.views.tasks import TaskRunner

    crash.install()  # a bug shows a calm dialog and a report without content
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    apply_style(app)  # type: ignore[arg-type]

    ui_state.scrub()  # QSettings keeps only its allowlist, whatever an old version left
    # The throwaway place of --demo, removed at exit.
    demo = Path(tempfile.mkdtemp(prefix="rebuild-demo-")) if options.demo else None
    library = VaultLibrary(demo or options.data_dir)
    tasks = TaskRunner(app)
    window = MainWindow(library, tasks)
    ui_state.restore_geometry(window)
    try:
        window.first_painted.connect(lambda: after_first_paint(window, options, demo))
        window.show()
        code = app.exec()
        window.lock()
        tasks.wait()
        return code
    finally:
        if demo is not None:
            shutil.rmtree(demo, ignore_errors=True)


def after_first_paint(window: MainWindow, options: GuiOptions, demo: Path | None = None) -> None:
    """The slow start-up work: make the demo vault, or open ``--vault NAME``."""
    if demo is not None:
        open_demo(window)
    elif options.vault:
        window.open_by_name(options.vault)


def open_demo(window: MainWindow) -> None:
    """Make the sample couple vault off the GUI thread, then show it."""
    from rebuild_desktop.views.errors import describe

    library = window.library

    def make() -> CreatedVault:
        from rebuild_desktop.services.demo import create_demo_vault

        # A throwaway place keeps nothing in the real keyring either: the
        # demo opens with its passphrase, "demo-passphrase", after a lock.
        return create_demo_vault(library, remember=False)

    def made(created: CreatedVault) -> None:
        window.start.reload()
        window.show_vault(created.vault)

    window.start.set_busy(window.tr("Making a sample couple space…"))
    window.tasks.run(make, made, lambda error: window.start.show_error(describe(error)))
