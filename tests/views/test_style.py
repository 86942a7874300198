"""The look follows the system's light or dark scheme, with one warm accent."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rebuild_desktop.views import style
from rebuild_desktop.views.icons import icon


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    before, sheet = QApplication.palette(), qapp.styleSheet()
    yield qapp
    style._forced_scheme = None
    qapp.setStyleSheet(sheet)
    QApplication.setPalette(before)


def window_lightness() -> int:
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness()


def test_light_and_dark_schemes(app: QApplication) -> None:
    style.apply_style(app, Qt.ColorScheme.Light)
    assert window_lightness() > 128
    light_accent = QApplication.palette().color(QPalette.ColorRole.Highlight)
    light_icon = icon("lock").pixmap(24).toImage()

    style.apply_style(app, Qt.ColorScheme.Dark)
    assert window_lightness() < 128
    text = QApplication.palette().color(QPalette.ColorRole.WindowText)
    assert text.lightness() > 128
    dark_accent = QApplication.palette().color(QPalette.ColorRole.Highlight)
    assert dark_accent != light_accent  # the same warm hue, softened for the dark
    assert abs(dark_accent.hslHue() - light_accent.hslHue()) < 20
    assert icon("lock").pixmap(24).toImage() != light_icon  # icons follow the palette


def test_one_primary_button(qtbot: QtBot, app: QApplication) -> None:
    from PySide6.QtWidgets import QPushButton

    style.apply_style(app, Qt.ColorScheme.Light)
    button = QPushButton("Go")
    qtbot.addWidget(button)
    style.mark_primary(button)
    assert button.property("primary") is True and button.isDefault()


@pytest.mark.parametrize("scheme", [Qt.ColorScheme.Light, Qt.ColorScheme.Dark])
def test_text_fields_have_a_quiet_border_and_an_accent_focus_ring(
        qtbot: QtBot, app: QApplication, scheme: Qt.ColorScheme) -> None:
    from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

    style.apply_style(app, scheme)
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    focused, quiet = QLineEdit("here"), QLineEdit("there")
    layout.addWidget(focused)
    layout.addWidget(quiet)
    window.resize(300, 100)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    focused.setFocus()
    qtbot.waitUntil(focused.hasFocus)
    palette = QApplication.palette()
    quiet_role = (QPalette.ColorRole.Dark if scheme == Qt.ColorScheme.Dark
                  else QPalette.ColorRole.Mid)
    quiet_edge = quiet.grab().toImage().pixelColor(0, quiet.height() // 2).rgb()
    assert quiet_edge == palette.color(quiet_role).rgb()
    assert quiet_edge != palette.color(QPalette.ColorRole.Base).rgb()
    ring = focused.grab().toImage()
    for x in (0, 1):  # two pixels wide
        assert ring.pixelColor(x, focused.height() // 2).rgb() == palette.color(
            QPalette.ColorRole.Highlight).rgb()
