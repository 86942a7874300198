"""Create a private journal: a label, a passphrase, the recovery code."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, VaultKind
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.views.create_wizard import CreatePage, CreateWizard, LabelPage
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.widgets.page_parts import label
from rebuild_desktop.views.widgets.passphrase_fields import NewPassphraseFields


class JournalPassphrasePage(CreatePage):
    """The journal's own passphrase, and an honest "remember" choice, off by default."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Choose a passphrase"))
        layout = QVBoxLayout(self)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr(
            "The journal opens only with this passphrase, or with the recovery code you'll "
            "see next. Even on a shared computer, nobody else can read it.")))
        self.passphrase = NewPassphraseFields(optional=False, parent=self)
        layout.addWidget(self.passphrase)
        self.remember = QCheckBox(self.tr("&Remember on this computer"), self)
        self.remember.setAccessibleName(self.tr("Remember on this computer"))
        self.remember.setChecked(False)
        layout.addWidget(self.remember)
        self.remember_note = label(self.tr(
            "If you tick this, the key goes into this computer's keyring, and anyone who can "
            "use this computer account could open the journal without the passphrase. "
            "On a shared computer, leave it unticked."), "note")
        layout.addWidget(self.remember_note)
        self.add_status(layout)
        self.passphrase.changed.connect(self.completeChanged)

    def ready(self) -> bool:
        return self.passphrase.passphrase is not None and self.passphrase.is_acceptable()


class JournalWizard(CreateWizard):
    """Label → passphrase (creates) → recovery code."""

    def __init__(self, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(library, tasks, parent)
        self.setAccessibleName(self.tr("Create a private journal"))
        self.label_page = LabelPage(library, self.tr("Name this journal"), "notes", self)
        self.passphrase_page = JournalPassphrasePage(self)
        for page in (self.label_page, self.passphrase_page, self.recovery_page):
            self.addPage(page)

    def new_vault(self) -> NewVault:
        return NewVault(
            self.label_page.name, VaultKind.JOURNAL, [Partner(PartnerId.A, "")],
            passphrase=self.passphrase_page.passphrase.passphrase,
            remember=self.passphrase_page.remember.isChecked(),
        )
