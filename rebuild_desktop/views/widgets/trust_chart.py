"""The trust trend chart widget: the shared painting (``painting/trust_chart``)
plus what a person does with it: hover for a value and date, click a point
to find its event, and a description for screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from rebuild_desktop.domain.trust_trend import TrustTrend
from rebuild_desktop.painting.trust_chart import Hit, chart_hits, paint_trust_chart


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrustChart", text)


class TrustChart(QWidget):
    """The chart as a widget.

    Signals:
        picked(str): the id of the event under a clicked point.
        bucket_picked(object): the first day of a clicked averaged week or month.
    """

    picked = Signal(str)
    bucket_picked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._trend = TrustTrend()
        self._names: dict[str, str] = {}
        self._loaded = False  # until the first trend arrives, draw nothing rather than "empty"
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(_tr("Trust over time"))

    def sizeHint(self) -> QSize:
        return QSize(600, 170)

    def set_trend(self, trend: TrustTrend, names: dict[str, str]) -> None:
        self._trend, self._names, self._loaded = trend, names, True
        self.setAccessibleDescription(describe(trend, names))
        self.update()

    @property
    def trend(self) -> TrustTrend:
        return self._trend

    def paintEvent(self, event: object) -> None:
        if not self._loaded:
            return
        painter = QPainter(self)
        paint_trust_chart(painter, QRectF(self.rect()), self._trend, self.palette(), self._names)
        painter.end()

    def hit_at(self, pos: QPointF) -> Hit | None:
        best, best_distance = None, 12.0
        for hit in chart_hits(QRectF(self.rect()), self._trend, self._names):
            distance = (hit.point - pos).manhattanLength()
            if distance < best_distance:
                best, best_distance = hit, distance
        return best

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(event.position())
        if hit is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(), hit.label, self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(event.position())
        if hit is None or event.button() != Qt.MouseButton.LeftButton:
            return
        if hit.event_id:
            self.picked.emit(hit.event_id)
        else:
            self.bucket_picked.emit(hit.day)


def describe(trend: TrustTrend, names: dict[str, str]) -> str:
    """The chart in words, for a screen reader."""
    span = trend.span()
    if span is None:
        return _tr("No trust ratings yet.")
    parts = [_tr("Trust ratings from {first} to {last}.").format(
        first=span[0].isoformat(), last=span[1].isoformat())]
    for partner, points in trend.series.items():
        if points:
            parts.append(_tr("{name}: first {first:.0f}, most recent {last:.0f}.").format(
                name=names.get(partner, partner), first=points[0].value, last=points[-1].value))
    if trend.markers:
        parts.append(_tr("{count} marked moments.").format(
            count=sum(m.count for m in trend.markers)))
    return " ".join(parts)
