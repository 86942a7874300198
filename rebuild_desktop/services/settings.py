"""The couple's settings, each declared once, stored inside the encrypted vault.

A settings page maps widgets to these declarations with ``load()`` and
``save()``; nothing here goes to QSettings, because even a window title or a
cadence says something about the people using the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from rebuild_desktop.domain.records import Partner
from rebuild_desktop.storage.connection import Connection, transaction
from rebuild_desktop.storage.meta import get_setting, set_setting
from rebuild_desktop.storage.partners import PartnerRepository

CONTEXT = "Settings"  # the translation context of every label and tooltip below


class SettingType(StrEnum):
    BOOL = "bool"
    MINUTES = "minutes"
    TEXT = "text"
    WEEKDAY = "weekday"  # 0 = Monday … 6 = Sunday, or None for no cadence
    TIME = "time"  # "HH:MM"
    PARTNER = "partner"  # "a", "b" or None


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    type: SettingType
    default: Any
    label: str  # source text; translate with QCoreApplication.translate(CONTEXT, …)
    tooltip: str
    group: str


PACING = QT_TRANSLATE_NOOP("Settings", "Pacing")
CHECKINS = QT_TRANSLATE_NOOP("Settings", "Check-ins and reminders")
PRIVACY = QT_TRANSLATE_NOOP("Settings", "Privacy on this computer")
GROUPS = (PACING, CHECKINS, PRIVACY)


SETTINGS: tuple[Setting, ...] = (
    Setting("pacing.pace_setter", SettingType.PARTNER, "a",
            QT_TRANSLATE_NOOP("Settings", "Who sets the pace"),
            QT_TRANSLATE_NOOP("Settings", "This partner has the last word on moving a pacing "
                              "step forward; the other can always ask."),
            PACING),
    Setting("pacing.pause_on_hard_moment", SettingType.BOOL, False,
            QT_TRANSLATE_NOOP("Settings", "A hard moment pauses pacing"),
            QT_TRANSLATE_NOOP("Settings", "When either of you records a hard moment, pacing "
                              "pauses until that partner resumes it."),
            PACING),
    Setting("checkin.cadence_day", SettingType.WEEKDAY, None,
            QT_TRANSLATE_NOOP("Settings", "Check-in day"),
            QT_TRANSLATE_NOOP("Settings", "The day of the week you like to check in together."),
            CHECKINS),
    Setting("checkin.cadence_time", SettingType.TIME, "20:00",
            QT_TRANSLATE_NOOP("Settings", "Check-in time"),
            QT_TRANSLATE_NOOP("Settings", "The time of day for your check-in."),
            CHECKINS),
    Setting("checkin.reminders", SettingType.BOOL, False,
            QT_TRANSLATE_NOOP("Settings", "Remind us when it is time"),
            QT_TRANSLATE_NOOP("Settings", "A quiet reminder with the neutral text below."),
            CHECKINS),
    Setting("notify.text", SettingType.TEXT, "A gentle reminder from Rebuild",
            QT_TRANSLATE_NOOP("Settings", "Reminder text"),
            QT_TRANSLATE_NOOP("Settings", "What a reminder says. Others may see it, so keep "
                              "it neutral."),
            CHECKINS),
    Setting("window.title", SettingType.TEXT, "Rebuild",
            QT_TRANSLATE_NOOP("Settings", "Window title"),
            QT_TRANSLATE_NOOP("Settings", "The title shown in the taskbar while this space "
                              "is open."),
            PRIVACY),
    Setting("lock.idle_minutes", SettingType.MINUTES, 5,
            QT_TRANSLATE_NOOP("Settings", "Lock when idle for"),
            QT_TRANSLATE_NOOP("Settings", "The space locks itself when nobody has used it "
                              "for a while."),
            PRIVACY),
)

BY_KEY: dict[str, Setting] = {s.key: s for s in SETTINGS}


def _valid(setting: Setting, value: Any) -> bool:
    checks = {
        SettingType.BOOL: lambda v: isinstance(v, bool),
        SettingType.MINUTES: lambda v: isinstance(v, int) and not isinstance(v, bool)
        and 1 <= v <= 240,
        SettingType.TEXT: lambda v: isinstance(v, str) and 0 < len(v.strip()) <= 80,
        SettingType.WEEKDAY: lambda v: v is None or (isinstance(v, int)
                                                     and not isinstance(v, bool) and 0 <= v <= 6),
        SettingType.TIME: lambda v: isinstance(v, str) and len(v) == 5 and v[2] == ":"
        and v[:2].isdigit() and v[3:].isdigit() and int(v[:2]) < 24 and int(v[3:]) < 60,
        SettingType.PARTNER: lambda v: v in ("a", "b", None),
    }
    return bool(checks[setting.type](value))


class SettingsService:
    """Read and write the declared settings and the partners' names and roles."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> Any:
        setting = BY_KEY[key]
        value = get_setting(self._conn, key, setting.default)
        return value if _valid(setting, value) else setting.default

    def values(self) -> dict[str, Any]:
        return {s.key: self.get(s.key) for s in SETTINGS}

    def save(self, values: dict[str, Any], partners: list[Partner] | None = None) -> None:
        """Store ``values`` (and partners) in one transaction.

        Raises:
            ValueError: a value does not fit its declaration; nothing is stored.
        """
        for key, value in values.items():
            if not _valid(BY_KEY[key], value):
                raise ValueError(key)
        if partners and any(not p.name.strip() for p in partners):
            raise ValueError("partner name")
        with transaction(self._conn):
            for key, value in values.items():
                set_setting(self._conn, key, value)
            for partner in partners or []:
                PartnerRepository(self._conn).save(
                    Partner(partner.id, partner.name.strip(), partner.role))

    def partners(self) -> list[Partner]:
        return PartnerRepository(self._conn).all()
