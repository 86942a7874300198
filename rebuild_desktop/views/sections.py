"""The sections of an open vault's sidebar, declared once.

Each screen module declares one ``Section``; ``all_sections()`` lists them in
sidebar order. The main window shows the sections whose ``kinds`` include the
open vault's kind, builds a page only when it is first shown, and destroys
every page on lock, so nothing of the content outlives the key.

To add a screen: write ``views/<name>.py`` with a ``SECTION`` and add it to
``_SECTION_MODULES`` below.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from rebuild_desktop.domain.values import VaultKind
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.tasks import TaskRunner


class ChangeBus(QObject):
    """Tells every page that records of some kind changed elsewhere.

    Signals:
        changed(str): the record kind that changed ("timeline", "checkins", ...).
    """

    changed = Signal(str)


@dataclass(slots=True)
class SectionContext:
    """What a page gets: the open vault, the task runner and the change bus."""

    vault: Vault
    tasks: TaskRunner
    changes: ChangeBus
    notify: Callable[[str], None]  # one calm sentence in the status line


@dataclass(frozen=True, slots=True)
class Section:
    key: str
    title: Callable[[], str]  # translated when called, so a language change shows
    icon: str  # file name under resources/icons
    kinds: frozenset[VaultKind]
    build: Callable[[SectionContext], QWidget]
    shortcut: str | None = None


COUPLE = frozenset({VaultKind.COUPLE})
JOURNAL = frozenset({VaultKind.JOURNAL})
EVERY_KIND = frozenset(VaultKind)

# Sidebar order. Modules are imported when the sidebar is built, not at start-up.
_SECTION_MODULES: tuple[str, ...] = (
    "rebuild_desktop.views.timeline",
    "rebuild_desktop.views.checkins",
    "rebuild_desktop.views.gratitude",
    "rebuild_desktop.views.agreements",
    "rebuild_desktop.views.pacing",
    "rebuild_desktop.views.journal",
    "rebuild_desktop.views.summary",
    "rebuild_desktop.views.settings",
    "rebuild_desktop.views.backups_page",
    "rebuild_desktop.views.vault_page",
)


def all_sections() -> list[Section]:
    return [importlib.import_module(name).SECTION for name in _SECTION_MODULES]


def sections_for(kind: VaultKind) -> list[Section]:
    return [section for section in all_sections() if kind in section.kinds]
