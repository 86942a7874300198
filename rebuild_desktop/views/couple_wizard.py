"""Create a couple space: a label, the two of you, how it opens, the recovery code."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from rebuild_desktop.domain.errors import KeyringLocked
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role, VaultKind
from rebuild_desktop.services.library import NewVault, VaultLibrary
from rebuild_desktop.views.create_wizard import CreatePage, CreateWizard, LabelPage
from rebuild_desktop.views.style import GRID
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.widgets.page_parts import label
from rebuild_desktop.views.widgets.passphrase_fields import NewPassphraseFields


class PartnersPage(QWizardPage):
    """Both names, and optional roles in words the couple chooses."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("The two of you"))
        layout = QVBoxLayout(self)
        layout.setSpacing(2 * GRID)
        layout.addWidget(label(self.tr(
            "Your names stay inside the encrypted space. A role is optional: pick the words "
            "that fit, or leave it out. You can change both later.")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(2 * GRID)
        grid.setVerticalSpacing(GRID)
        grid.addWidget(label(self.tr("Name"), "note"), 0, 1)
        grid.addWidget(label(self.tr("Role (optional)"), "note"), 0, 2)
        self.names: list[QLineEdit] = []
        self.roles: list[QComboBox] = []
        rows = ((self.tr("First partner"), "partner_a*"),
                (self.tr("Second partner"), "partner_b*"))
        for row, (title, field_name) in enumerate(rows, start=1):
            name = QLineEdit(self)
            name.setAccessibleName(self.tr("{partner}: name").format(partner=title))
            name.setMaxLength(60)
            role = QComboBox(self)
            role.setAccessibleName(self.tr("{partner}: role").format(partner=title))
            role.addItem(self.tr("No role"), "")
            role.addItem(self.tr("The partner who was hurt"), Role.HURT.value)
            role.addItem(self.tr("The partner who broke trust"), Role.BROKE_TRUST.value)
            caption = QLabel(title + ":", self)
            caption.setBuddy(name)
            grid.addWidget(caption, row, 0)
            grid.addWidget(name, row, 1)
            grid.addWidget(role, row, 2)
            self.registerField(field_name, name)
            self.names.append(name)
            self.roles.append(role)
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        layout.addWidget(label(self.tr(
            "The partner who was hurt sets the pace of reconnection by default."), "note"))
        layout.addStretch(1)

    def partners(self) -> list[Partner]:
        return [
            Partner(pid, name.text().strip(), Role(role.currentData()) if role.currentData()
                    else None)
            for pid, name, role in zip((PartnerId.A, PartnerId.B), self.names, self.roles,
                                       strict=True)
        ]

    def isComplete(self) -> bool:
        return all(name.text().strip() for name in self.names)


class CoupleUnlockPage(CreatePage):
    """How the space opens: this computer's keyring (default) and/or a passphrase."""

    def __init__(self, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._tasks = library, tasks
        self._keyring_usable: bool | None = None
        self._probing = False
        self.setTitle(self.tr("How this space opens"))
        layout = QVBoxLayout(self)
        layout.setSpacing(2 * GRID)
        self.remember = QCheckBox(self.tr("&Keep the key in this computer's keyring"), self)
        self.remember.setAccessibleName(self.tr("Keep the key in this computer's keyring"))
        self.remember.setChecked(True)
        layout.addWidget(self.remember)
        layout.addWidget(label(self.tr(
            "The space then opens without a prompt for anyone signed in to this computer "
            "account, which suits a computer the two of you share."), "note"))
        self.keyring_status = label(self.tr("Checking this computer's keyring…"), "note")
        layout.addWidget(self.keyring_status)
        layout.addWidget(label(self.tr("A passphrase"), "subheading"))
        self.passphrase = NewPassphraseFields(optional=True, parent=self)
        layout.addWidget(self.passphrase)
        self.add_status(layout)
        self.remember.toggled.connect(self._update)
        self.passphrase.changed.connect(self.completeChanged)

    def initializePage(self) -> None:
        if self._keyring_usable is None and not self._probing:
            self._probing = True
            keyring = self._library.keyring

            def probe() -> str:
                keyring.check()  # a locked or refused keyring says so here
                return keyring.backend_name()

            self._tasks.run(probe, self._keyring_found, self._keyring_missing)

    def _keyring_found(self, backend: str) -> None:
        self._probing = False
        self._keyring_usable = True
        self.keyring_status.setText(self.tr(
            "This computer's keyring ({backend}) can keep the key.").format(
            backend=backend.removesuffix(" Keyring")))
        self._update()

    def _keyring_missing(self, error: BaseException) -> None:
        self._probing = False
        self._keyring_usable = False
        self.remember.setChecked(False)
        self.remember.setEnabled(False)
        if isinstance(error, KeyringLocked):
            text = self.tr("This computer's keyring is locked or didn't answer, so this space "
                           "needs a passphrase. You can let this computer remember it later, "
                           "on the Vault page.")
        else:
            text = self.tr("This computer has no secure keyring that could keep the key, so "
                           "this space needs a passphrase.")
        self.keyring_status.setText(text)
        self._update()

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        if not busy and self._keyring_usable is False:
            self.remember.setEnabled(False)

    def _update(self) -> None:
        self.passphrase.set_optional(self.remember.isChecked())
        self.completeChanged.emit()

    @property
    def keeps_in_keyring(self) -> bool:
        return bool(self._keyring_usable) and self.remember.isChecked()

    def ready(self) -> bool:
        if self._keyring_usable is None:
            return False
        if not self.keeps_in_keyring and self.passphrase.passphrase is None:
            return False
        return self.passphrase.is_acceptable()


class CoupleWizard(CreateWizard):
    """Label → partners → how it opens (creates) → recovery code."""

    def __init__(self, library: VaultLibrary, tasks: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(library, tasks, parent)
        self.setAccessibleName(self.tr("Create a couple space"))
        self.label_page = LabelPage(library, self.tr("Name this couple space"), "home", self)
        self.partners_page = PartnersPage(self)
        self.unlock_page = CoupleUnlockPage(library, tasks, self)
        for page in (self.label_page, self.partners_page, self.unlock_page, self.recovery_page):
            self.addPage(page)

    def new_vault(self) -> NewVault:
        return NewVault(
            self.label_page.name, VaultKind.COUPLE, self.partners_page.partners(),
            passphrase=self.unlock_page.passphrase.passphrase,
            remember=self.unlock_page.keeps_in_keyring,
        )
