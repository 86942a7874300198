"""What a bug looks like to a person: a calm dialog and a report to copy.

An exception nobody expected reaches ``sys.excepthook``. Its message and the
values in its frames may quote what the person wrote, so the report holds
only the exception's type, the code locations it passed through and the
versions — never a message, never a local value.
"""

from __future__ import annotations

import platform
import sys
import traceback
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from rebuild_desktop import __version__


def report(kind: type[BaseException], trace: TracebackType | None) -> str:
    """A bug report that holds no content: type, code locations, versions."""
    frames = traceback.extract_tb(trace)
    lines = [f"Rebuild {__version__}, Python {platform.python_version()}, "
             f"PySide6 {pyside_version}, {platform.system()}",
             f"{kind.__module__}.{kind.__qualname__}"]
    lines += [f"  {frame.filename.rsplit('rebuild_desktop', 1)[-1]}:{frame.lineno} "
              f"in {frame.name}" for frame in frames if "rebuild_desktop" in frame.filename]
    return "\n".join(lines)


def show_bug(kind: type[BaseException], error: BaseException,
             trace: TracebackType | None) -> None:
    """The excepthook: one line on stderr, and a dialog when there is a window."""
    text = report(kind, trace)
    print(f"rebuild-desktop: unexpected {kind.__name__} (a bug in Rebuild)", file=sys.stderr)
    if QApplication.instance() is None or isinstance(error, KeyboardInterrupt):
        return
    tr = QCoreApplication.translate
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Crash", "Something went wrong"), tr(
        "Crash",
        "Something unexpected happened inside Rebuild. What was already saved is safe in "
        "the vault. If it happens again, the report below can help fix it: it names only "
        "places in the code, never anything you wrote."),
        QMessageBox.StandardButton.Ok)
    box.setDetailedText(text)
    box.setAccessibleName(tr("Crash", "Something went wrong"))
    box.exec()


def install() -> None:
    sys.excepthook = show_bug
