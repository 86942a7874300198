"""The timeline's trust trend: a chart, or the same figures as a table for those who prefer one.

Kept apart from the timeline page so the page only decides when the trend is
read and what a click on it does, while this widget alone holds the chart,
its table twin and the button that flips between them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QStackedWidget, QTableView, QWidget

from rebuild_desktop.domain.trust_trend import TrustTrend
from rebuild_desktop.views.models.trend_table_model import TrendTableModel
from rebuild_desktop.views.widgets.trust_chart import TrustChart


class TrendPanel(QStackedWidget):
    """The chart or the table; ``toggle`` (placed by the page) always names what it shows next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.toggle = QPushButton(self.tr("Show as table"))
        self.toggle.setAccessibleName(self.tr("Show the trust chart as a table"))
        self.chart = TrustChart()
        self.trend_table = TrendTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.trend_table)
        self.table.setAccessibleName(self.tr("Trust over time, as a table"))
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.addWidget(self.chart)
        self.addWidget(self.table)
        self.setFixedHeight(180)
        self.toggle.clicked.connect(self.flip)

    def flip(self) -> None:
        """Swap chart and table; the button always names what it will show next."""
        table = self.currentIndex() == 0
        self.setCurrentIndex(1 if table else 0)
        if table:
            self.toggle.setText(self.tr("Show as chart"))
            self.toggle.setAccessibleName(self.tr("Show the trust table as a chart"))
        else:
            self.toggle.setText(self.tr("Show as table"))
            self.toggle.setAccessibleName(self.tr("Show the trust chart as a table"))

    def set_trend(self, trend: TrustTrend, names: dict[str, str]) -> None:
        self.chart.set_trend(trend, names)
        self.trend_table.set_trend(trend, names)
