"""Prepare a counselor summary: period, sections, options, password, preview, save.

In a couple space a section goes in only when both partners have ticked
"OK to share" for it. The preview shows the real pages (painted by the same
code as the PDF). Preview and saving run off the GUI thread with progress;
the file dialog is Qt's own, so no system recent-files list learns the name,
and it forgets the folder it was shown.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.services import counselor_summary as summary
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.export_preview import PagesPreview
from rebuild_desktop.views.sections import SectionContext
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.widgets import file_dialogs
from rebuild_desktop.views.widgets.page_parts import card, label, page_layout, scrolling
from rebuild_desktop.views.widgets.turning_splitter import TurningSplitter


def ask_save_path(parent: QWidget) -> Path | None:
    """Ask where to save, in Qt's own dialog, which then forgets the folder it was shown."""
    name = file_dialogs.ask_save_path(parent, parent.tr("Save the counselor summary"),
                                      "counselor-summary.pdf",
                                      parent.tr("PDF documents (*.pdf)"))
    if name is None:
        return None
    return name if name.suffix.lower() == ".pdf" else name.with_suffix(".pdf")


class CounselorExportPanel(QWidget):
    def __init__(self, context: SectionContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._vault = context.vault
        self._couple = self._vault.kind is VaultKind.COUPLE
        self._names = summary.partner_names(self._vault)
        self._busy = False
        summary.warm_up()
        self._build()

    # Layout -------------------------------------------------------------------------

    def _build(self) -> None:
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, GRID, 0)
        column.setSpacing(2 * GRID)
        column.addWidget(self._period_box())
        column.addWidget(self._sections_box())
        column.addWidget(self._options_box())
        column.addWidget(self._password_box())
        column.addStretch(1)
        scroll = scrolling(form)  # it keeps its width; the preview gives way
        # The buttons stay in sight below the form, however far it is scrolled.
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 2 * GRID, GRID)
        side_layout.setSpacing(GRID)
        side_layout.addWidget(scroll)
        self._add_actions(side_layout)
        side_layout.addStretch(1)

        self.preview = PagesPreview()
        # Beside the form when a page fits there, else below it: never a sliver.
        self.splitter = TurningSplitter(side, self.preview, self.preview.least_width(),
                                        self.preview.ideal_width())
        layout = page_layout(self, self.tr("Counselor summary"), self.tr(
            "A calm, printable summary to bring to a counseling session. Only entries "
            "marked for the counselor go in."))
        layout.addWidget(self.splitter, 1)
        self.preview_button.clicked.connect(self.make_preview)
        self.save_button.clicked.connect(self._save_clicked)
        self._previewed = False
        for edit in (self.date_from, self.date_to, self.session):
            edit.dateChanged.connect(self._choices_changed)
        checks = [box for boxes in self.share.values() for box in boxes.values()]
        for check in [*checks, self.initials, self.titles_only]:
            check.toggled.connect(self._choices_changed)

    def _add_actions(self, column: QVBoxLayout) -> None:
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName(self.tr("Status"))
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.setVisible(False)
        column.addWidget(self.progress)
        buttons = QHBoxLayout()
        buttons.setSpacing(GRID)
        buttons.addWidget(self.status, 1)  # beside the buttons: no empty line under the form
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setAccessibleName(self.tr("Preview the pages"))
        self.save_button = QPushButton(self.tr("Save PDF…"))
        self.save_button.setAccessibleName(self.tr("Save the summary as a PDF"))
        mark_primary(self.save_button)
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        column.addLayout(buttons)

    def _choices_changed(self) -> None:
        if self._previewed and not self._busy:
            self.status.setText(self.tr("Your choices changed; press Preview to see the new "
                                        "pages."))

    def _date_edit(self, date: QDate, name: str) -> QDateEdit:
        edit = QDateEdit(date)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setAccessibleName(name)
        return edit

    def _period_box(self) -> QFrame:
        box, column = card(self.tr("Period and session"))
        today = QDate.currentDate()
        self.date_from = self._date_edit(today.addMonths(-3), self.tr("From"))
        self.date_to = self._date_edit(today, self.tr("To"))
        self.session = self._date_edit(today.addDays(7), self.tr("Session date"))
        form = QFormLayout()
        column.addLayout(form)
        form.addRow(self.tr("&From"), self.date_from)
        form.addRow(self.tr("&To"), self.date_to)
        form.addRow(self.tr("&Session on"), self.session)
        for edit in (self.date_from, self.date_to, self.session):
            form.labelForField(edit).setBuddy(edit)
        return box

    def _sections_box(self) -> QFrame:
        box, column = card(self.tr("Sections"))
        grid = QGridLayout()
        column.addLayout(grid)
        grid.setHorizontalSpacing(2 * GRID)
        self.share: dict[str, dict[PartnerId, QCheckBox]] = {}
        partners = list(self._names) if self._couple else [PartnerId.A]
        if self._couple:
            column.insertWidget(1, label(self.tr(
                "Each of you ticks the sections you are OK to share; a section goes in "
                "only when both of you do."), "note"))
        for row, key in enumerate(summary.sections_for(self._vault.kind), start=1):
            title = summary.section_title(key)
            grid.addWidget(QLabel(title), row, 0)
            self.share[key] = {}
            for column, partner in enumerate(partners, start=1):
                # Just the name on screen, so the form fits a small window; the whole
                # meaning in the name a screen reader says.
                if self._couple:
                    check = QCheckBox(self._names[partner])
                    meaning = self.tr("%1: OK to share").replace("%1", self._names[partner])
                else:
                    check = QCheckBox(self.tr("Include"))
                    meaning = check.text()
                check.setChecked(not self._couple)
                check.setAccessibleName(f"{title}: {meaning}")
                grid.addWidget(check, row, column)
                self.share[key][partner] = check
        grid.setColumnStretch(0, 1)
        return box

    def _options_box(self) -> QFrame:
        box, column = card(self.tr("Options"))
        self.initials = QCheckBox(self.tr("Initials instead of names"))
        self.initials.setAccessibleName(self.tr("Use initials instead of names"))
        self.titles_only = QCheckBox(self.tr("Timeline: titles only, without the text"))
        self.titles_only.setAccessibleName(self.tr("Timeline titles only"))
        column.addWidget(self.initials)
        if self._couple:
            column.addWidget(self.titles_only)
        return box

    def _password_box(self) -> QFrame:
        box, column = card(self.tr("Password (optional)"))
        form = QFormLayout()
        column.addLayout(form)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("PDF password"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again.setAccessibleName(self.tr("PDF password again"))
        form.addRow(self.tr("Pass&word"), self.password)
        form.addRow(self.tr("&Again"), self.password_again)
        form.labelForField(self.password).setBuddy(self.password)
        form.labelForField(self.password_again).setBuddy(self.password_again)
        column.addWidget(label(self.tr("The PDF is then encrypted (AES-256); share the "
                                       "password in person, not with the file."), "note"))
        return box

    # What was chosen ----------------------------------------------------------------

    def chosen_sections(self) -> list[str]:
        return [key for key, boxes in self.share.items()
                if all(box.isChecked() for box in boxes.values())]

    def _request(self) -> dict | None:
        """The export's arguments, or None after saying what to fix."""
        if self.date_from.date() > self.date_to.date():
            self.status.setText(self.tr("The start of the period is after its end."))
            return None
        if self.password.text() != self.password_again.text():
            self.status.setText(self.tr("The two passwords don't match."))
            return None
        sections = self.chosen_sections()
        if not sections:
            self.status.setText(self.tr("Choose at least one section to share."))
            return None
        options = summary.ReportOptions(
            initials=self.initials.isChecked(),
            titles_only=self._couple and self.titles_only.isChecked(),
            session_date=self.session.date().toString("yyyy-MM-dd"))
        return {"date_from": self.date_from.date().toString("yyyy-MM-dd"),
                "date_to": self.date_to.date().toString("yyyy-MM-dd"),
                "sections": sections, "options": options}

    # Preview and save ------------------------------------------------------------------

    def make_preview(self) -> None:
        request = self._request()
        if request is None or self._busy:
            return
        self._start(self.tr("Preparing the preview…"))
        width = self.preview.page_width()
        job = partial(summary.preview_images, self._vault, width_px=width, **request)
        self._context.tasks.run(job, self._show_preview, self._failed, self._progressed)

    def _show_preview(self, images: list[QImage]) -> None:
        self._finish("")
        self.preview.show_pages(images)
        self._previewed = True
        self.splitter.favour_second()
        count = (self.tr("One page.") if len(images) == 1 else
                 self.tr("%1 pages.").replace("%1", str(len(images))))
        self.status.setText(count + " " + self.tr("This is exactly what will be saved."))

    def _save_clicked(self) -> None:
        if self._request() is None:
            return
        path = ask_save_path(self)
        if path is not None:
            self.save_to(path)

    def save_to(self, path: Path) -> None:
        """Write the PDF to ``path`` on a worker thread."""
        request = self._request()
        if request is None or self._busy:
            return
        self._start(self.tr("Saving the summary…"))
        job = partial(summary.write_counselor_pdf, self._vault, path,
                      password=self.password.text() or None, **request)
        self._context.tasks.run(job, self._saved, self._failed, self._progressed)

    def _saved(self, _path: Path) -> None:
        self._finish(self.tr("The summary was saved."))
        self._context.notify(self.tr("The counselor summary was saved."))

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, KnownError):
            self._finish("")
            raise error
        self._finish(describe(error))

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _start(self, message: str) -> None:
        self._busy = True
        self.status.setText(message)
        self.progress.setRange(0, 0)
        self.progress.setVisible(True)
        self.preview_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _finish(self, message: str) -> None:
        self._busy = False
        self.status.setText(message)
        self.progress.setVisible(False)
        self.preview_button.setEnabled(True)
        self.save_button.setEnabled(True)
