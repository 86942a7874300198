"""Fixtures for the frame's views: a task runner that runs at once, the main window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner

# The offscreen platform cannot pass a window's size limits on to a window
# manager and says so; that is the test platform talking, not the app.
_OFFSCREEN_NOTE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/views/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(_OFFSCREEN_NOTE))


@pytest.fixture
def tasks() -> TaskRunner:
    return TaskRunner(immediate=True)


@pytest.fixture
def messages() -> list[str]:
    """What a page said to the person (its ``notify``), in order."""
    return []


@pytest.fixture
def context(couple_vault, messages) -> SectionContext:
    """A page's surroundings on the couple vault, with work run at once."""
    return SectionContext(vault=couple_vault, tasks=TaskRunner(immediate=True),
                          changes=ChangeBus(), notify=messages.append)


@pytest.fixture
def window(qtbot: QtBot, library: VaultLibrary, tasks: TaskRunner) -> Iterator[MainWindow]:
    main = MainWindow(library, tasks)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.lock()
