"""Pacing settings: who sets the pace, names and roles, check-ins, privacy.

Every value lives inside the encrypted vault (never in QSettings); the form
is built from the declarations in ``services.settings`` and only maps
widgets with ``load()`` and ``save()``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from rebuild_desktop.domain.errors import KnownError
from rebuild_desktop.domain.records import Partner
from rebuild_desktop.domain.values import PartnerId, Role
from rebuild_desktop.services.settings import (
    CONTEXT,
    GROUPS,
    SETTINGS,
    SettingsService,
    SettingType,
)
from rebuild_desktop.views.sections import COUPLE, Section, SectionContext
from rebuild_desktop.views.widgets.page_parts import (
    GRID,
    button,
    card,
    label,
    named,
    page_layout,
    show_message,
)
from rebuild_desktop.views.widgets.setting_fields import SettingField, field_for

_FORM_WIDTH = 80 * GRID
_LABEL_WIDTH = 20 * GRID


class SettingsPage(QWidget):
    """The couple's choices, saved together with one button."""

    def __init__(self, context: SectionContext) -> None:
        super().__init__()
        self._context = context
        self._service = SettingsService(context.vault.db)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget()
        body.setMaximumWidth(_FORM_WIDTH + 6 * GRID)
        scroll.setWidget(body)
        scroll.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = page_layout(body, self.tr("Settings"), self.tr(
            "Choices the two of you make together. They are kept inside this encrypted "
            "space and nowhere else on the computer."))
        names = {p.id: p.name for p in self._service.partners()}
        layout.addWidget(self._build_partners())
        self._fields: list[SettingField] = [field_for(s, names) for s in SETTINGS]
        for group in GROUPS:
            frame, box = card()
            box.addWidget(label(QCoreApplication.translate(CONTEXT, group), "subheading"))
            form = _form()
            for field in self._fields:
                if field.setting.group == group:
                    form.addRow(_row_label(field), field.widget)
            box.addLayout(form)
            layout.addWidget(frame)
        layout.addStretch(1)
        outer.addWidget(self._build_footer())
        context.changes.changed.connect(self._on_changed)
        self.load()

    def _build_footer(self) -> QWidget:
        """The message and the save button stay in view below the scrolling form."""
        footer = QWidget()
        footer.setMaximumWidth(_FORM_WIDTH + 6 * GRID)
        row = QHBoxLayout(footer)
        row.setContentsMargins(3 * GRID, GRID, 3 * GRID, 2 * GRID)
        row.setSpacing(2 * GRID)
        self._message = label("", "message")
        self._message.hide()
        row.addWidget(self._message, 1)
        row.addStretch(0)
        self._save = button(self.tr("Save settings"), self.tr("Save settings"), primary=True)
        self._save.clicked.connect(self.save)
        row.addWidget(self._save, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return footer

    def _build_partners(self) -> QWidget:
        frame, box = card()
        box.addWidget(label(self.tr("The two of you"), "subheading"))
        box.addWidget(label(self.tr(
            "Role words are optional; use them only if they help you."), "note"))
        form = _form()
        self._partner_names: dict[PartnerId, QLineEdit] = {}
        self._partner_roles: dict[PartnerId, QComboBox] = {}
        for partner in PartnerId:
            name = QLineEdit()
            name.setMaxLength(40)
            named(name, self.tr("Name of partner {letter}").format(letter=partner.value.upper()))
            role = QComboBox()
            named(role, self.tr("Role word for partner {letter}").format(
                letter=partner.value.upper()))
            role.addItem(self.tr("No role word"), "")
            role.addItem(self.tr("The partner who was hurt"), Role.HURT.value)
            role.addItem(self.tr("The partner who broke trust"), Role.BROKE_TRUST.value)
            form.addRow(_label(self.tr("Partner {letter}").format(
                letter=partner.value.upper()), name), name)
            form.addRow(_label("", role), role)
            self._partner_names[partner], self._partner_roles[partner] = name, role
        box.addLayout(form)
        return frame

    def load(self) -> None:
        """Show what the vault holds."""
        values = self._service.values()
        for field in self._fields:
            field.load(values[field.setting.key])
        partners = {p.id: p for p in self._service.partners()}
        for partner_id, line in self._partner_names.items():
            partner = partners.get(partner_id, Partner(partner_id))
            line.setText(partner.name)
            role = self._partner_roles[partner_id]
            role.setCurrentIndex(max(0, role.findData(partner.role.value if partner.role else "")))

    def save(self) -> None:
        """Store every field in one go, or nothing with one calm sentence why."""
        partners = [Partner(p, self._partner_names[p].text().strip(),
                            Role(self._partner_roles[p].currentData())
                            if self._partner_roles[p].currentData() else None)
                    for p in PartnerId]
        if any(not p.name for p in partners):
            show_message(self._message, self.tr("Each of you needs a name, even just an initial."))
            return
        values = {field.setting.key: field.value() for field in self._fields}
        empty = [f for f in self._fields if isinstance(values[f.setting.key], str)
                 and not values[f.setting.key]]
        if empty:
            show_message(self._message, self.tr("“{label}” needs a few words.").format(
                label=QCoreApplication.translate(CONTEXT, empty[0].setting.label)))
            empty[0].widget.setFocus()
            return
        try:
            self._service.save(values, partners)
        except (KnownError, ValueError) as error:
            show_message(self._message, str(error) if isinstance(error, KnownError) else
                         self.tr("One of the values does not fit; nothing was changed."))
            return
        show_message(self._message, "")
        self._context.notify(self.tr("Settings saved."))
        self._context.changes.changed.emit("settings")
        self._context.changes.changed.emit("partners")

    def _on_changed(self, kind: str) -> None:
        if kind in ("settings", "partners") and self._message.isHidden():
            self.load()


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setSpacing(GRID)
    form.setHorizontalSpacing(2 * GRID)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def _row_label(field: SettingField) -> QLabel:
    """A label of one width on every card, so the fields line up down the page."""
    text = ("" if field.setting.type is SettingType.BOOL  # the check box has its own words
            else QCoreApplication.translate(CONTEXT, field.setting.label))
    return _label(text, field.widget)


def _label(text: str, buddy: QWidget) -> QLabel:
    widget = QLabel(text)
    widget.setMinimumWidth(_LABEL_WIDTH)
    widget.setBuddy(buddy)
    return widget



SECTION = Section(
    key="settings",
    title=lambda: QCoreApplication.translate("Sections", "Settings"),
    icon="settings.svg",
    kinds=COUPLE,
    build=SettingsPage,
)
