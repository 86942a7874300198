"""Change a check-in already saved, from its row on the timeline or from the history.

A check-in and its timeline row are one thing (``services.timeline_mirrors``):
this dialog edits the check-in, and the service rewrites the row with it, so
the history, the timeline and the chart always say the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from rebuild_desktop.domain.records import CheckIn
from rebuild_desktop.services.checkins import CheckInService
from rebuild_desktop.services.timeline import TimelineService
from rebuild_desktop.storage.connection import Connection
from rebuild_desktop.views.sections import SectionContext
from rebuild_desktop.views.widgets.editor_dialog import EditorDialog, fetch_to_edit


class CheckInDialog(EditorDialog):
    """The answers of one check-in, to correct or complete; whose check-in it is stays."""

    def __init__(self, names: dict[str, str], checkin: CheckIn, parent: QWidget | None = None,
                 *, save: Callable[[CheckIn], object] | None = None,
                 drafts: Connection | None = None) -> None:
        super().__init__(parent)
        self._checkin = checkin
        self._save = save
        layout, form = self.frame(self.tr("Edit check-in"))
        self.who = QLabel(names.get(checkin.partner.value, checkin.partner.value))
        self.date = QDateEdit(calendarPopup=True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Date"))
        self.mood = QSpinBox()
        self.mood.setRange(1, 5)
        self.mood.setAccessibleName(self.tr("Mood, 1 (very low) to 5 (very good)"))
        self.trust = QSpinBox()
        self.trust.setRange(0, 10)
        self.trust.setAccessibleName(self.tr("Trust, 0 to 10"))
        self.feel = QPlainTextEdit()
        self.feel.setAccessibleName(self.tr("I feel … when … I need …"))
        self.went_well = QPlainTextEdit()
        self.went_well.setAccessibleName(self.tr("What went well"))
        self.hard = QPlainTextEdit()
        self.hard.setAccessibleName(self.tr("What was hard"))
        for edit in (self.feel, self.went_well, self.hard):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(7 * 8)
        self.request = QLineEdit()
        self.request.setAccessibleName(self.tr("One request"))
        self.for_counselor = QCheckBox(self.tr("Include in the counselor summary"))
        form.addRow(self.tr("Who"), self.who)
        form.addRow(self.tr("&Date"), self.date)
        form.addRow(self.tr("&Mood (1–5)"), self.mood)
        form.addRow(self.tr("&Trust (0–10)"), self.trust)
        form.addRow(self.tr("I &feel … when … I need …"), self.feel)
        form.addRow(self.tr("What went &well"), self.went_well)
        form.addRow(self.tr("What was h&ard"), self.hard)
        form.addRow(self.tr("One &request"), self.request)
        form.addRow("", self.for_counselor)
        layout.addLayout(form)
        self.add_buttons(layout)
        self._fill(checkin)
        if drafts is not None:
            self.keep_drafts(drafts, f"checkin:{checkin.id}", {
                "feel": self.feel, "went_well": self.went_well, "hard": self.hard,
                "request": self.request})

    def _fill(self, checkin: CheckIn) -> None:
        self.date.setDate(QDate.fromString(checkin.date[:10], "yyyy-MM-dd"))
        self.mood.setValue(checkin.mood)
        self.trust.setValue(checkin.trust)
        self.feel.setPlainText(checkin.feel or "")
        self.went_well.setPlainText(checkin.went_well or "")
        self.hard.setPlainText(checkin.hard or "")
        self.request.setText(checkin.request or "")
        self.for_counselor.setChecked(checkin.for_counselor)

    def accept(self) -> None:
        checkin = self.result_checkin()
        save = self._save
        self.save_then_accept(None if save is None else lambda: save(checkin))

    def result_checkin(self) -> CheckIn:
        """The check-in as the form now describes it (same id, partner and unknown keys)."""
        day = self.date.date().toString("yyyy-MM-dd")
        base = self._checkin
        return replace(
            base, date=base.date if base.date[:10] == day else day,
            mood=self.mood.value(), trust=self.trust.value(),
            feel=self.feel.toPlainText().strip() or None,
            went_well=self.went_well.toPlainText().strip() or None,
            hard=self.hard.toPlainText().strip() or None,
            request=self.request.text().strip() or None,
            for_counselor=self.for_counselor.isChecked(), extra=dict(base.extra))


def edit_checkin(context: SectionContext, checkin_id: str, parent: QWidget | None = None) -> bool:
    """Open the editor on a saved check-in; True when a change was saved."""
    service = CheckInService(context.vault.db)
    checkin = fetch_to_edit(lambda: service.get(checkin_id), context.notify,
                            QCoreApplication.translate("CheckInDialog",
                                                       "That check-in is no longer there."))
    if checkin is None:
        return False
    names = TimelineService(context.vault.db).partner_names()
    dialog = CheckInDialog(names, checkin, parent, save=service.update,
                           drafts=context.vault.db)
    if not dialog.exec():
        return False
    context.changes.changed.emit("checkins")
    context.changes.changed.emit("timeline")
    return True
