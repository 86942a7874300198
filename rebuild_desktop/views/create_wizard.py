"""What both creation wizards share: the label page, the creating step, the end.

A wizard gathers a ``NewVault``; its last page before the recovery code is a
commit page that creates the vault off the GUI thread (Argon2id and the
keyring are slow) and moves on only when it succeeded. On an error the page
shows one calm sentence and keeps every typed word.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from rebuild_desktop.domain.errors import InvalidVaultName
from rebuild_desktop.services.library import CreatedVault, NewVault, VaultLibrary
from rebuild_desktop.storage.layout import check_name
from rebuild_desktop.views.errors import describe
from rebuild_desktop.views.recovery_page import RecoveryPage
from rebuild_desktop.views.style import GRID, mark_primary
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.widgets.busy import BusyIndicator
from rebuild_desktop.views.widgets.page_parts import label, message_label, show_message


class CreateWizard(QWizard):
    """A wizard that ends with a new, open vault and its recovery code shown once.

    Signals:
        vault_created(Vault): Finish was pressed; the vault is open.
    """

    vault_created = Signal(object)

    def __init__(self, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.tasks = library, tasks
        self.created: CreatedVault | None = None
        self.creating = False
        self.setWindowTitle(self.tr("Rebuild"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        for which, name in ((QWizard.WizardButton.NextButton, self.tr("Next")),
                            (QWizard.WizardButton.BackButton, self.tr("Back")),
                            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
                            (QWizard.WizardButton.CommitButton, self.tr("Create")),
                            (QWizard.WizardButton.FinishButton, self.tr("Done"))):
            self.button(which).setAccessibleName(name)
        for which in (QWizard.WizardButton.NextButton, QWizard.WizardButton.CommitButton,
                      QWizard.WizardButton.FinishButton):
            mark_primary(self.button(which))  # one of them shows at a time
        self.setMinimumSize(640, 520)
        self.recovery_page = RecoveryPage(self)

    def new_vault(self) -> NewVault:
        """What to create, from the fields of the pages (each wizard says)."""
        raise NotImplementedError

    def create(self, page: CreatePage) -> None:
        """Create the vault off the GUI thread, then go on to the recovery code."""
        try:
            spec = self.new_vault()
        except Exception as error:  # a typed error from gathering (e.g. a bad label)
            page.show_error(describe(error))
            return
        self.creating = True
        page.set_busy(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)

        def done(created: CreatedVault) -> None:
            self.creating = False
            self.created = created
            page.set_busy(False)
            self.recovery_page.set_code(created.vault.name, created.recovery_code)
            if self.currentPage() is page:
                self.next()

        def failed(error: BaseException) -> None:
            self.creating = False
            page.set_busy(False)
            self.button(QWizard.WizardButton.BackButton).setEnabled(True)
            self.button(QWizard.WizardButton.CancelButton).setEnabled(True)
            page.show_error(describe(error))

        self.tasks.run(lambda: self.library.create(spec), done, failed)

    def accept(self) -> None:
        if self.created is None:
            return
        super().accept()
        self.vault_created.emit(self.created.vault)

    def reject(self) -> None:
        # While creating, or once the code is shown, the only way on is forward:
        # the code is never shown again.
        if self.creating or self.created is not None:
            return
        super().reject()


class LabelPage(QWizardPage):
    """The vault's label: the one word anyone at this computer can see."""

    def __init__(self, library: VaultLibrary, title: str, example: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.setTitle(title)
        layout = QVBoxLayout(self)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr(
            "The label is shown on the start screen to anyone who uses this computer, "
            "so choose a plain word that doesn't say what's inside, like “{example}”.")
            .format(example=example)))
        self.field = QLineEdit(self)
        self.field.setAccessibleName(self.tr("Label"))
        self.field.setMaxLength(64)
        self.field.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"[A-Za-z0-9_.\-]{0,64}"), self.field))
        form = QFormLayout()
        form.addRow(self.tr("&Label:"), self.field)
        layout.addLayout(form)
        layout.addWidget(label(self.tr(
            "Letters, digits, dots, dashes and underscores; up to 64. "
            "No spaces, so the label also works on the command line."), "note"))
        self.message = message_label(self)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.registerField("label*", self.field)
        self.field.textChanged.connect(self._check)

    @property
    def name(self) -> str:
        return self.field.text()

    def _taken(self) -> bool:
        return any(s.name.lower() == self.name.lower() for s in self._library.summaries())

    def _check(self) -> None:
        show_message(self.message, describe_label_problem(self.name, self._taken()))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.name) and not describe_label_problem(self.name, self._taken())


def describe_label_problem(name: str, taken: bool) -> str:
    """One sentence about what is wrong with ``name``, or "" when it is fine."""
    if not name:
        return ""
    try:
        check_name(name)
    except InvalidVaultName as error:
        return describe(error)
    if taken:
        return QCoreApplication.translate(
            "LabelPage",
            "A vault with that label already exists here. Please choose another label.")
    return ""


class CreatePage(QWizardPage):
    """The commit page: Create runs the wizard's creation and waits for it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCommitPage(True)
        self.busy = BusyIndicator(self)
        self.message = message_label(self)
        self._busy = False

    def add_status(self, layout: QVBoxLayout) -> None:
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        # Nothing typed may change (or re-enable Back) while the vault is being made.
        for kind in (QLineEdit, QAbstractButton, QComboBox):
            for control in self.findChildren(kind):
                control.setEnabled(not busy)
        if busy:
            show_message(self.message, "")
            self.busy.start(self.tr("Creating it securely… this takes a moment."))
        else:
            self.busy.stop()
        self.completeChanged.emit()

    def show_error(self, text: str) -> None:
        show_message(self.message, text)

    def isComplete(self) -> bool:
        return not self._busy and self.ready()

    def ready(self) -> bool:
        return True

    def validatePage(self) -> bool:
        wizard = self.wizard()
        if isinstance(wizard, CreateWizard):
            if wizard.created is not None:
                return True
            wizard.create(self)
        return False
