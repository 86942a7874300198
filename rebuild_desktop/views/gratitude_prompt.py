"""Today's gratitude writing prompt, with a quiet link to show another.

Kept apart from the gratitude page so choosing and turning the prompts lives
in one small row the composer places, away from writing and the log.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout

from rebuild_desktop.services.gratitude import WritingPrompts
from rebuild_desktop.views.style import mark_link
from rebuild_desktop.views.widgets.page_parts import button, label


class PromptRow(QHBoxLayout):
    """The day's prompt beside an "Another prompt" link that turns to the next one."""

    def __init__(self, prompts: WritingPrompts) -> None:
        super().__init__()
        self._prompts = prompts
        self._turn = 0
        self.prompt = label("", "note")
        self.prompt.setAccessibleName(self.tr("Writing prompt"))
        another = button(self.tr("Another prompt"), self.tr("Show another writing prompt"))
        mark_link(another)
        another.clicked.connect(self._next_prompt)
        self.addWidget(self.prompt, 1)
        self.addWidget(another, 0, Qt.AlignmentFlag.AlignTop)
        self._show_prompt()

    def _show_prompt(self) -> None:
        prompt = self._prompts.for_day(dt.date.today(), self._turn)
        text = QCoreApplication.translate("GratitudePrompts", prompt)
        self.prompt.setText(text)

    def _next_prompt(self) -> None:
        self._turn += 1
        self._show_prompt()
