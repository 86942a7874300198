"""One widget per declared setting type, each with ``load(value)`` and ``value()``.

The settings page builds its form from ``services.settings.SETTINGS`` through
``field_for``; adding a setting means declaring it, not writing a widget.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QSpinBox, QTimeEdit, QWidget

from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.settings import CONTEXT, Setting, SettingType


class SettingField:
    """Maps one setting to one widget."""

    def __init__(self, setting: Setting, widget: QWidget) -> None:
        self.setting = setting
        self.widget = widget
        label = QCoreApplication.translate(CONTEXT, setting.label)
        widget.setAccessibleName(label)
        widget.setToolTip(QCoreApplication.translate(CONTEXT, setting.tooltip))
        widget.setAccessibleDescription(widget.toolTip())

    def load(self, value: Any) -> None:
        raise NotImplementedError

    def value(self) -> Any:
        raise NotImplementedError


class _Bool(SettingField):
    def load(self, value: Any) -> None:
        self.widget.setChecked(bool(value))  # type: ignore[attr-defined]

    def value(self) -> bool:
        return bool(self.widget.isChecked())  # type: ignore[attr-defined]


class _Minutes(SettingField):
    def load(self, value: Any) -> None:
        self.widget.setValue(int(value))  # type: ignore[attr-defined]

    def value(self) -> int:
        return int(self.widget.value())  # type: ignore[attr-defined]


class _Text(SettingField):
    def load(self, value: Any) -> None:
        self.widget.setText(str(value))  # type: ignore[attr-defined]

    def value(self) -> str:
        return str(self.widget.text()).strip()  # type: ignore[attr-defined]


class _Choice(SettingField):
    """A combo box whose item data are the stored values."""

    def load(self, value: Any) -> None:
        combo: QComboBox = self.widget  # type: ignore[assignment]
        index = combo.findData(-1 if value is None else value)
        combo.setCurrentIndex(max(0, index))

    def value(self) -> Any:
        data = self.widget.currentData()  # type: ignore[attr-defined]
        return None if data == -1 else data


class _Time(SettingField):
    def load(self, value: Any) -> None:
        self.widget.setTime(QTime.fromString(str(value), "HH:mm"))  # type: ignore[attr-defined]

    def value(self) -> str:
        return str(self.widget.time().toString("HH:mm"))  # type: ignore[attr-defined]


def field_for(setting: Setting, names: dict[PartnerId, str]) -> SettingField:
    """The field for ``setting``; ``names`` label the partner choices."""
    tr = QCoreApplication.translate
    if setting.type is SettingType.BOOL:
        return _Bool(setting, QCheckBox(tr(CONTEXT, setting.label)))
    if setting.type is SettingType.MINUTES:
        spin = QSpinBox()
        spin.setRange(1, 240)
        spin.setSuffix(" " + tr(CONTEXT, "min"))
        return _Minutes(setting, spin)
    if setting.type is SettingType.TEXT:
        line = QLineEdit()
        line.setMaxLength(80)
        return _Text(setting, line)
    if setting.type is SettingType.TIME:
        time = QTimeEdit()
        time.setDisplayFormat("HH:mm")
        return _Time(setting, time)
    combo = QComboBox()
    if setting.type is SettingType.WEEKDAY:
        combo.addItem(tr(CONTEXT, "No set day"), -1)
        locale = QLocale()
        for day in range(7):  # 0 = Monday, as Python counts; Qt counts Monday as 1
            combo.addItem(locale.dayName(day + 1), day)
    else:
        for partner in PartnerId:
            combo.addItem(names.get(partner) or partner.value.upper(), partner.value)
    return _Choice(setting, combo)
