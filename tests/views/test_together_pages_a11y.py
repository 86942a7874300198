"""Every page: one primary button, a name on every control, reachable by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QWidget,
)

from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views import agreements, gratitude, pacing, settings
from tests.support.together_data import fill
from tests.views.support import OFFSCREEN_NOISE, make_context

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

PAGES = (gratitude, agreements, pacing, settings)
CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
            QPlainTextEdit)


def _controls(page: QWidget) -> list[QWidget]:
    found = [w for kind in CONTROLS for w in page.findChildren(kind)]
    return [w for w in found if not _inside_owner(w)]


def _inside_owner(widget: QWidget) -> bool:
    """Parts of a combo box, spin box or scroll area (popups, editors) that speak for it."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QComboBox | QAbstractSpinBox | QLineEdit | QTableView
                      | QCalendarWidget) or type(parent).__name__ in (
                "QComboBoxPrivateContainer", "QScrollBar"):
            return True
        parent = parent.parentWidget()
    return False


@pytest.mark.parametrize("module", PAGES, ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_page_is_named_calm_and_keyboard_friendly(qtbot, couple_vault: Vault, module) -> None:
    fill(couple_vault)
    page = module.SECTION.build(make_context(couple_vault, []))
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    primaries = [b for b in page.findChildren(QAbstractButton) if b.property("primary")]
    assert len(primaries) == 1
    for control in _controls(page):
        name = control.accessibleName() or getattr(control, "text", lambda: "")()
        assert name, f"{type(control).__name__} has no accessible name"
    focusable = [w for w in _controls(page) if w.isVisible() and w.isEnabled()
                 and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert len(focusable) >= 3
    # Tab follows the focus chain; every named control must be on it, in reach.
    chain, widget = [], page.nextInFocusChain()
    while widget is not page and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    assert all(w in chain for w in focusable)
