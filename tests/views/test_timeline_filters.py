"""The timeline's filter bar: "Show everything" stays whole in a small window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from rebuild_desktop.views.widgets.timeline_filters import TimelineFilters
from tests.views.support import OFFSCREEN_NOISE

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.mark.parametrize("width", [500, 640, 1000])
def test_show_everything_fits_inside_the_bar(qtbot, width: int) -> None:
    page = QWidget()  # a page narrower than the bar would like, as in a small window
    qtbot.addWidget(page)
    page.resize(width, 120)
    bar = TimelineFilters({"a": "Alex", "b": "Sam", "both": "Both"}, page)
    bar.setGeometry(0, 0, width, 80)
    page.show()
    qtbot.waitExposed(page)
    assert bar.width() == width
    # The rows are rearranged on resize; the layout settles on the next pass of the event loop.
    qtbot.waitUntil(lambda: bar.clear.width() >= bar.clear.sizeHint().width())  # reads whole
    assert bar.clear.isVisible()
    assert bar.clear.geometry().right() < bar.width()
