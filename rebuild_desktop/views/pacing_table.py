"""The pacing ladder as a table: one row per step, columns that always fit the page.

Kept apart from the pacing page so the table's look (wrapping columns, quiet
rows, left-aligned headers) is set up in one place and the page only wires it.
The accessible name keeps the page's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView

from rebuild_desktop.views.models.pacing_model import STEP, PacingModel
from rebuild_desktop.views.widgets.fitted_table import FittedTable
from rebuild_desktop.views.widgets.page_parts import GRID, named


def ladder_table(model: PacingModel) -> FittedTable:
    """A single-selection table of ``model``'s steps."""
    # Columns fit the page at any width: words wrap onto a second line, never "Sha…".
    table = FittedTable(STEP, 5 * GRID)
    named(table, QCoreApplication.translate("PacingPage", "Pacing ladder"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.setStyleSheet(
        "QTableView::item { padding: 0px 8px; } QHeaderView::section { padding: 0px 8px; }")
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setMinimumHeight(4 * GRID)
    return table
