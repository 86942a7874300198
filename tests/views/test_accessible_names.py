"""Every control on these screens has a name a screen reader can say."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTableView,
    QWidget,
)

from rebuild_desktop.domain.records import CheckIn, HardMoment
from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.views.checkin_dialog import CheckInDialog
from rebuild_desktop.views.checkins import CheckInsPage
from rebuild_desktop.views.hard_moment_dialog import HardMomentDialog
from rebuild_desktop.views.sections import ChangeBus, SectionContext
from rebuild_desktop.views.tasks import TaskRunner
from rebuild_desktop.views.timeline import TimelinePage
from rebuild_desktop.views.timeline_editor import EventDialog

_CONTROLS = (QAbstractButton, QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QComboBox,
             QLineEdit, QPlainTextEdit)


def _inside_owner(widget: QWidget) -> bool:
    """Parts of a spin box, combo box or table (editor, popup, header) speak for their owner."""
    if isinstance(widget, (QHeaderView, QScrollBar)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox)) or (
                isinstance(parent, QTableView) and isinstance(widget, QAbstractButton)):
            return True
        parent = parent.parentWidget()
    return False


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _CONTROLS) or widget.parent() is None:
            continue
        if _inside_owner(widget) or widget.isHidden():
            continue
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not widget.accessibleName() and not text:
            missing.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    return missing


@pytest.mark.parametrize("build", [
    lambda c: TimelinePage(c),
    lambda c: CheckInsPage(c),
    lambda c: EventDialog({"a": "Alex", "b": "Sam", "both": "Both"}),
    lambda c: HardMomentDialog({"a": "Alex", "b": "Sam"}),
    lambda c: CheckInDialog({"a": "Alex", "b": "Sam"},
                            CheckIn("9a4f0c43-0b0e-4c55-9f55-2f4b2a8d5e10", "2026-03-01",
                                    PartnerId.B, 3, 6)),
    lambda c: HardMomentDialog({"a": "Alex", "b": "Sam"}, moment=HardMoment(
        "4d1b8e0a-8c1f-4a53-a1de-5b1b9a1f2c33", "2026-03-04T21:10:00+01:00", PartnerId.A, 7)),
])
def test_every_control_is_named(qtbot, couple_vault, build):
    context = SectionContext(couple_vault, TaskRunner(immediate=True), ChangeBus(), print)
    widget = build(context)
    qtbot.addWidget(widget)
    assert _unnamed(widget) == []
