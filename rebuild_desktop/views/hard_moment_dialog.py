"""A quick record of a hard moment, reachable from everywhere (Ctrl+Shift+H).

The main window adds ``hard_moment_action(context, parent)`` to its toolbar;
the dialog asks only what helps: who, how intense, what set it off, what
helped. Saving also puts the moment on the timeline. The same dialog, given
a saved moment, edits it (from its row on the timeline); the service rewrites
the row with it, so the two never differ.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from rebuild_desktop.domain.records import HardMoment
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.hard_moments import HardMomentService
from rebuild_desktop.services.timeline import TimelineService, new_id
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.views.icons import icon
from rebuild_desktop.views.sections import SectionContext
from rebuild_desktop.views.widgets.editor_dialog import EditorDialog, fetch_to_edit

SHORTCUT = "Ctrl+Shift+H"


class HardMomentDialog(EditorDialog):
    """Intensity 0–10, what set it off, what helped; nothing else is asked.

    With ``moment``, the dialog edits that saved moment: its id, time and
    partner stay.
    """

    def __init__(self, names: dict[str, str], parent: QWidget | None = None, *,
                 save: Callable[[HardMoment], object] | None = None,
                 drafts: Connection | None = None, moment: HardMoment | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._moment = moment
        layout, form = self.frame(self.tr("A hard moment") if moment is None
                                  else self.tr("Edit this hard moment"), min_width=440)
        intro = QLabel(self.tr("Take a breath. Write as much or as little as you like; "
                               "this is a record, not a score."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.partner = QComboBox()
        self.partner.setAccessibleName(self.tr("Whose moment"))
        for p in (PartnerId.A, PartnerId.B):
            if p.value in names:
                self.partner.addItem(names[p.value], p.value)
        self.intensity = QSlider(Qt.Orientation.Horizontal)
        self.intensity.setRange(0, 10)
        self.intensity.setValue(5)
        self.intensity.setPageStep(1)
        self.intensity.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.intensity.setAccessibleName(self.tr("How intense, 0 to 10"))
        self.intensity_value = QLabel("5")
        self.intensity_value.setMinimumWidth(24)
        self.intensity.valueChanged.connect(lambda v: self.intensity_value.setText(str(v)))
        intensity_row = QHBoxLayout()
        intensity_row.addWidget(self.intensity, 1)
        intensity_row.addWidget(self.intensity_value)
        self.trigger = QPlainTextEdit()
        self.trigger.setAccessibleName(self.tr("What set it off"))
        self.helped = QPlainTextEdit()
        self.helped.setAccessibleName(self.tr("What helped"))
        for edit in (self.trigger, self.helped):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(72)
        self.for_counselor = QCheckBox(self.tr("Include in the counselor summary"))
        form.addRow(self.tr("&Who"), self.partner)
        intensity_label = QLabel(self.tr("&Intensity"))
        intensity_label.setBuddy(self.intensity)
        form.addRow(intensity_label, intensity_row)
        form.addRow(self.tr("What &set it off"), self.trigger)
        form.addRow(self.tr("What &helped"), self.helped)
        form.addRow("", self.for_counselor)
        layout.addLayout(form)
        self.add_buttons(layout)
        if moment is not None:
            self._fill(moment)
        if drafts is not None:
            self.keep_drafts(drafts, f"hard_moment:{moment.id if moment else 'new'}",
                             {"trigger": self.trigger, "helped": self.helped})

    def _fill(self, moment: HardMoment) -> None:
        self.partner.setCurrentIndex(self.partner.findData(moment.partner.value))
        self.partner.setEnabled(False)  # whose moment it was does not change
        self.intensity.setValue(moment.intensity)
        self.trigger.setPlainText(moment.trigger or "")
        self.helped.setPlainText(moment.helped or "")
        self.for_counselor.setChecked(moment.for_counselor)

    def accept(self) -> None:
        moment = self.saved_moment = self.moment()
        save = self._save
        self.save_then_accept(None if save is None else lambda: save(moment))

    def moment(self, now: datetime | None = None) -> HardMoment:
        if self._moment is not None:
            return replace(
                self._moment, intensity=self.intensity.value(),
                trigger=self.trigger.toPlainText().strip() or None,
                helped=self.helped.toPlainText().strip() or None,
                for_counselor=self.for_counselor.isChecked(), extra=dict(self._moment.extra))
        when = (now or datetime.now().astimezone()).replace(microsecond=0)
        return HardMoment(
            id=new_id(), date=when.isoformat(), partner=PartnerId(self.partner.currentData()),
            intensity=self.intensity.value(),
            trigger=self.trigger.toPlainText().strip() or None,
            helped=self.helped.toPlainText().strip() or None,
            for_counselor=self.for_counselor.isChecked(),
        )

    def timeline_text(self, moment: HardMoment) -> str:
        lines = [self.tr("Intensity {n} of 10.").format(n=moment.intensity)]
        if moment.trigger:
            lines.append(self.tr("What set it off: {text}").format(text=moment.trigger))
        if moment.helped:
            lines.append(self.tr("What helped: {text}").format(text=moment.helped))
        return "\n".join(lines)


def record_hard_moment(context: SectionContext, parent: QWidget | None = None) -> bool:
    """Open the dialog and save what was written; True when something was saved."""
    names = TimelineService(context.vault.db).partner_names()
    service = HardMomentService(context.vault.db)
    outcome: list[bool] = []

    def save(moment: HardMoment) -> None:
        outcome.append(service.record(moment, dialog.tr("A hard moment"),
                                      dialog.timeline_text(moment)))

    dialog = HardMomentDialog(names, parent, save=save, drafts=context.vault.db)
    if not dialog.exec() or not outcome:
        return False
    paused = outcome[0]
    if paused:
        context.notify(dialog.tr("Saved, and pacing is paused for now. Be gentle with yourself."))
        context.changes.changed.emit("pacing")
    else:
        context.notify(dialog.tr("Saved. Be gentle with yourself."))
    context.changes.changed.emit("hard_moments")
    context.changes.changed.emit("timeline")
    return True


def edit_hard_moment(context: SectionContext, moment_id: str,
                     parent: QWidget | None = None) -> bool:
    """Open the dialog on a saved hard moment; True when a change was saved."""
    service = HardMomentService(context.vault.db)
    moment = fetch_to_edit(lambda: service.get(moment_id), context.notify,
                           QCoreApplication.translate("HardMoment",
                                                      "That hard moment is no longer there."))
    if moment is None:
        return False
    names = TimelineService(context.vault.db).partner_names()

    def save(edited: HardMoment) -> None:
        service.update(edited, dialog.timeline_text(edited))

    dialog = HardMomentDialog(names, parent, save=save, drafts=context.vault.db, moment=moment)
    if not dialog.exec():
        return False
    context.changes.changed.emit("hard_moments")
    context.changes.changed.emit("timeline")
    return True


def hard_moment_action(context: SectionContext, parent: QWidget) -> QAction:
    """The toolbar action (Ctrl+Shift+H) that records a hard moment from any page."""
    action = QAction(icon("hard-moment"),
                     QCoreApplication.translate("HardMoment", "Hard moment"), parent)
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.setToolTip(
        QCoreApplication.translate("HardMoment", "Record a hard moment (Ctrl+Shift+H)"))
    action.triggered.connect(lambda: record_hard_moment(context, parent))
    return action
