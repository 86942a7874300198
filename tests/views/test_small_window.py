"""Every page is whole in the smallest window: nothing squeezed, cut at the side or elided away."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QStyle, QWidget
from pytestqt.qtbot import QtBot

from rebuild_desktop.domain.values import PartnerId
from rebuild_desktop.services.demo import create_demo_vault
from rebuild_desktop.services.library import VaultLibrary
from rebuild_desktop.services.vault import Vault
from rebuild_desktop.views.export_dialog import CounselorExportPanel
from rebuild_desktop.views.main_window import MainWindow
from rebuild_desktop.views.models.pacing_model import STEP
from rebuild_desktop.views.pacing import PacingPage
from rebuild_desktop.views.widgets.fitted_table import fit_widths
from tests.views.support import make_context

SMALLEST = QSize(800, 560)


def _settle(qtbot: QtBot) -> None:
    QApplication.processEvents()
    qtbot.wait(10)


def _assert_whole(page: QWidget, name: str) -> None:
    """The page's layout has the room it needs and nothing in it scrolls sideways."""
    least = page.minimumSizeHint()
    assert least.width() <= page.width(), f"{name} needs {least.width()} px of {page.width()}"
    assert least.height() <= page.height(), f"{name} needs {least.height()} px of {page.height()}"
    for area in page.findChildren(QAbstractScrollArea):
        if area.isVisible():
            assert not area.horizontalScrollBar().isVisible(), (
                f"{name}: {area.accessibleName() or type(area).__name__} scrolls sideways")


def _every_page(qtbot: QtBot, window: MainWindow, size: QSize) -> None:
    window.resize(size)
    _settle(qtbot)
    assert window.size() == size
    view = window.vault_view
    assert view is not None
    for row, section in enumerate(view.sections):
        view.sidebar.setCurrentRow(row)
        _settle(qtbot)
        _assert_whole(view.pages.currentWidget(), section.key)


@pytest.mark.parametrize("size", [SMALLEST, QSize(1024, 640), QSize(1280, 800)])
def test_every_couple_page_is_whole(qtbot: QtBot, window: MainWindow, library: VaultLibrary,
                                    size: QSize) -> None:
    assert window.minimumSize() == SMALLEST
    window.show_vault(create_demo_vault(library).vault)
    _every_page(qtbot, window, size)


def test_every_journal_page_is_whole(qtbot: QtBot, window: MainWindow,
                                     journal_vault: Vault) -> None:
    window.show_vault(journal_vault)
    _every_page(qtbot, window, SMALLEST)


def _padding(page: PacingPage) -> int:
    """The room a cell keeps beside its text: the page's 8 px each side and the style's margin."""
    margin = page.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
    return 2 * (8 + margin)


def test_every_step_name_is_readable_in_the_smallest_window(
        qtbot: QtBot, library: VaultLibrary) -> None:
    vault = create_demo_vault(library).vault  # marks as long as "Open to talking"
    page = PacingPage(make_context(vault, []))
    qtbot.addWidget(page)
    page.resize(SMALLEST.width() - 256, SMALLEST.height() - 120)  # less the sidebar and heading
    page.show()
    _settle(qtbot)
    table, model = page._table, page._model
    assert table.horizontalHeader().length() <= table.viewport().width()
    room = table.columnWidth(STEP) - _padding(page)
    for row in range(model.rowCount()):
        index = model.index(row, STEP)
        name = index.data()
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font if isinstance(font, QFont) else table.font())
        assert all(metrics.horizontalAdvance(word) <= room for word in name.split()), name
        lines = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, name)
        assert lines.height() <= table.rowHeight(row), name
        assert index.data(Qt.ItemDataRole.ToolTipRole) == name
        assert index.data(Qt.ItemDataRole.AccessibleTextRole) == name
    vault.close()


def test_the_summary_preview_goes_below_the_form_when_it_cannot_sit_beside(
        qtbot: QtBot, couple_vault: Vault) -> None:
    panel = CounselorExportPanel(make_context(couple_vault, []))
    qtbot.addWidget(panel)
    panel.resize(560, 480)
    panel.show()
    _settle(qtbot)
    assert panel.splitter.orientation() == Qt.Orientation.Vertical
    for partner in PartnerId:
        panel.share["timeline"][partner].setChecked(True)
    panel.make_preview()
    _settle(qtbot)
    assert not panel.preview.horizontalScrollBar().isVisible()
    sizes = panel.splitter.sizes()
    assert sizes[1] > sizes[0]  # once there are pages, they get the larger part
    panel.resize(1200, 700)
    _settle(qtbot)
    assert panel.splitter.orientation() == Qt.Orientation.Horizontal
    assert panel.splitter.widget(0).width() >= panel.splitter.widget(0).minimumWidth()


@given(natural=st.lists(st.integers(20, 400), min_size=1, max_size=6), data=st.data())
def test_fitted_widths_fill_the_room_and_keep_every_longest_word(natural: list[int],
                                                                   data: st.DataObject) -> None:
    least = [data.draw(st.integers(10, width)) for width in natural]
    room = data.draw(st.integers(0, 2 * sum(natural)))
    stretch = data.draw(st.integers(0, len(natural) - 1))
    widths = fit_widths(natural, least, room, stretch)
    assert all(w >= low for w, low in zip(widths, least, strict=True))
    if room >= sum(least):
        assert sum(widths) == room
    else:
        assert widths == least
    if room >= sum(natural):
        assert [w for i, w in enumerate(widths) if i != stretch] == [
            n for i, n in enumerate(natural) if i != stretch]
