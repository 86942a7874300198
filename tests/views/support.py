"""Helpers for building one page under test."""

from __future__ import annotations

from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner


def make_context(vault: Vault, messages: list[str]) -> SectionContext:
    return SectionContext(vault=vault, tasks=TaskRunner(immediate=True), changes=ChangeBus(),
                          notify=messages.append)

# The offscreen platform says this whenever a top-level widget is shown; it is
# about the test platform, not about the page.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
