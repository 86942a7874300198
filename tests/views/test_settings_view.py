"""The settings page keeps every choice inside the vault, never in QSettings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTime

from rebuild_desktop.domain.values import PartnerId, Role
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.settings import SETTINGS, SettingsService
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.settings import SettingsPage
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def _field(page: SettingsPage, key: str):  # type: ignore[no-untyped-def]
    return next(f.widget for f in page._fields if f.setting.key == key)


def test_every_declared_setting_has_a_named_widget(qtbot, couple_vault: Vault) -> None:
    page = SettingsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    assert [f.setting.key for f in page._fields] == [s.key for s in SETTINGS]
    assert all(f.widget.accessibleName() and f.widget.toolTip() for f in page._fields)
    assert _field(page, "lock.idle_minutes").value() == 5
    assert _field(page, "window.title").text() == "Rebuild"
    assert page._partner_names[PartnerId.A].text() == "Alex"


def test_round_trip_through_the_vault(qtbot, couple_vault: Vault, library: VaultLibrary,
                                      private_home: Path) -> None:
    messages: list[str] = []
    page = SettingsPage(make_context(couple_vault, messages))
    qtbot.addWidget(page)
    page.show()
    page._partner_names[PartnerId.B].clear()
    qtbot.keyClicks(page._partner_names[PartnerId.B], "Sam R.")
    page._partner_roles[PartnerId.B].setCurrentIndex(0)
    _field(page, "pacing.pace_setter").setCurrentIndex(1)
    _field(page, "pacing.pause_on_hard_moment").setChecked(True)
    _field(page, "checkin.cadence_day").setCurrentIndex(7)  # Sunday
    _field(page, "checkin.cadence_time").setTime(QTime(19, 30))
    _field(page, "checkin.reminders").setChecked(True)
    _field(page, "lock.idle_minutes").setValue(12)
    title = _field(page, "window.title")
    title.clear()
    qtbot.keyClicks(title, "Notes")
    notice = _field(page, "notify.text")
    notice.clear()
    qtbot.keyClicks(notice, "Time for tea")
    qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert messages == ["Settings saved."]
    couple_vault.close()

    reopened = library.open_with_keyring("home")
    try:
        service = SettingsService(reopened.db)
        assert service.values() == {
            "pacing.pace_setter": "b", "pacing.pause_on_hard_moment": True,
            "checkin.cadence_day": 6, "checkin.cadence_time": "19:30",
            "checkin.reminders": True, "notify.text": "Time for tea",
            "window.title": "Notes", "lock.idle_minutes": 12,
        }
        sam = next(p for p in service.partners() if p.id is PartnerId.B)
        assert (sam.name, sam.role) == ("Sam R.", None)
        alex = next(p for p in service.partners() if p.id is PartnerId.A)
        assert alex.role is Role.HURT
    finally:
        reopened.close()

    settings = QSettings()
    assert not any(key.startswith(("pacing", "checkin", "lock", "window", "notify"))
                   for key in settings.allKeys())
    for path in private_home.rglob("*"):
        if path.is_file():
            content = path.read_bytes()
            assert b"Time for tea" not in content and b"Sam R." not in content


def test_an_empty_name_is_refused_and_nothing_changes(qtbot, couple_vault: Vault) -> None:
    page = SettingsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    page._partner_names[PartnerId.A].clear()
    _field(page, "lock.idle_minutes").setValue(30)
    qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert page._message.text() == "Each of you needs a name, even just an initial."
    assert SettingsService(couple_vault.db).get("lock.idle_minutes") == 5
    assert _field(page, "lock.idle_minutes").value() == 30


def test_an_empty_window_title_is_refused(qtbot, couple_vault: Vault) -> None:
    page = SettingsPage(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.show()
    _field(page, "window.title").clear()
    qtbot.mouseClick(page._save, Qt.MouseButton.LeftButton)
    assert page._message.text() == "“Window title” needs a few words."
    assert SettingsService(couple_vault.db).get("window.title") == "Rebuild"
