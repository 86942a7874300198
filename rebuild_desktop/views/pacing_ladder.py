"""Editing the pacing ladder: add a step, rename, move up or down, remove one you added."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.values import PacingArea
from rebuild_desktop.services.pacing import PacingService, is_default_step
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.style import mark_link
from rebuild_desktop.views.widgets.page_parts import GRID, button, card, label, named


class LadderEditor(QWidget):
    """A folded card under the ladder; ``after_edit(step_id)`` reloads the page."""

    def __init__(self, service: PacingService, selected: Callable[[], str | None],
                 after_edit: Callable[[str | None], None]) -> None:
        super().__init__()
        self._service, self._selected, self._after_edit = service, selected, after_edit
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(GRID)
        self._toggle = QPushButton(self.tr("Change the ladder…"))
        self._toggle.setCheckable(True)
        mark_link(self._toggle)  # a quiet second way, like "Use recovery code instead"
        self._toggle.setAccessibleName(self.tr("Show or hide changing the ladder"))
        outer.addWidget(self._toggle, 0, Qt.AlignmentFlag.AlignLeft)
        self._card, box = card()
        self._card.hide()
        self._toggle.toggled.connect(self._card.setVisible)
        outer.addWidget(self._card)
        row = QHBoxLayout()
        row.setSpacing(GRID)
        self._title = QLineEdit()
        self._title.setPlaceholderText(self.tr("Name of a step"))
        named(self._title, self.tr("Name of a step"))
        self._area = QComboBox()
        named(self._area, self.tr("Kind of step"))
        for area, words in ((PacingArea.EMOTIONAL, self.tr("Emotional")),
                            (PacingArea.TRUST, self.tr("Trust")),
                            (PacingArea.PHYSICAL, self.tr("Physical"))):
            self._area.addItem(words, area.value)
        self._add = button(self.tr("Add step"), self.tr("Add the step at the end"))
        self._rename = button(self.tr("Rename selected"), self.tr("Rename the selected step"))
        row.addWidget(self._title, 1)
        row.addWidget(self._area)
        row.addWidget(self._add)
        row.addWidget(self._rename)
        box.addLayout(row)
        moves = QHBoxLayout()
        moves.setSpacing(GRID)
        self._up = button(self.tr("Move up"), self.tr("Move the selected step up"))
        self._down = button(self.tr("Move down"), self.tr("Move the selected step down"))
        self._remove = button(self.tr("Remove"), self.tr("Remove the selected step"))
        for widget in (self._up, self._down, self._remove):
            moves.addWidget(widget)
        moves.addStretch(1)
        box.addLayout(moves)
        self._message = label("", "note")
        box.addWidget(self._message)
        self._add.clicked.connect(self._add_step)
        self._rename.clicked.connect(self._rename_step)
        self._up.clicked.connect(lambda: self._move(-1))
        self._down.clicked.connect(lambda: self._move(1))
        self._remove.clicked.connect(self._remove_step)

    def _say(self, text: str) -> None:
        self._message.setText(text)
        self._message.setAccessibleName(text)

    def _add_step(self) -> None:
        if not self._title.text().strip():
            self._say(self.tr("Give the step a name first."))
            return
        try:
            step = self._service.add_step(self._title.text(), PacingArea(self._area.currentData()))
        except KnownError as error:
            self._say(describe(error))
            return
        self._title.clear()
        self._say(self.tr("Added at the end of the ladder; move it where it fits."))
        self._after_edit(step.id)

    def _rename_step(self) -> None:
        step_id = self._selected()
        if step_id is None or not self._title.text().strip():
            self._say(self.tr("Choose a step and write its new name first."))
            return
        self._service.rename(step_id, self._title.text())
        self._title.clear()
        self._say("")
        self._after_edit(step_id)

    def _move(self, delta: int) -> None:
        step_id = self._selected()
        if step_id is not None:
            self._service.move(step_id, delta)
            self._after_edit(step_id)

    def _remove_step(self) -> None:
        step_id = self._selected()
        if step_id is None:
            return
        if is_default_step(step_id):
            self._say(self.tr("The usual steps stay on the ladder; you can rename or move them."))
            return
        self._service.remove(step_id)
        self._say(self.tr("Removed."))
        self._after_edit(None)
