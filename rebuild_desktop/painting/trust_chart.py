"""The trust trend chart's drawing: one line per partner, discoveries,
milestones and hard days marked.

``paint_trust_chart`` draws into any QPainter, from palette roles only: the
timeline's chart widget and the counselor summary's PDF page use this same
code, so the counselor sees the chart the couple sees.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen

from rebuild_desktop.domain.trust_trend import Bucket, TrustTrend
from rebuild_desktop.painting.kind_style import (
    is_dark,
    kind_colour,
    kind_word,
    paint_kind_icon,
)

_LINE_COLOURS = {"a": "#0072B2", "b": "#CC79A7"}  # Okabe–Ito blue and reddish purple
_MARKER_BAND = 28
_LANES = {"discovery": 0, "milestone": 0, "setback": 1}  # hard days on a lane of their own


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrustChart", text)


@dataclass(frozen=True, slots=True)
class Hit:
    """Something under the pointer: where it is, what to say, what to select."""

    point: QPointF
    label: str
    event_id: str | None
    day: date


@dataclass(frozen=True, slots=True)
class TrustSeries:
    """What a chart shows: the trend and the partners' names (or initials) by id."""

    trend: TrustTrend
    names: dict[str, str]


def line_colour(partner: str, palette: QPalette) -> QColor:
    colour = QColor(_LINE_COLOURS[partner])
    return colour.lighter(140) if is_dark(palette) else colour


class _Frame:
    """Maps days and ratings (0–10) to points inside the plot area."""

    def __init__(self, rect: QRectF, first: date, last: date) -> None:
        self.plot = rect.adjusted(28, _MARKER_BAND + 8, -8, -22)
        self.first = first
        self.days = max(1, (last - first).days)

    def x(self, day: date) -> float:
        return self.plot.left() + (day - self.first).days / self.days * self.plot.width()

    def y(self, value: float) -> float:
        return self.plot.bottom() - value / 10 * self.plot.height()


def _frame(rect: QRectF, trend: TrustTrend) -> _Frame | None:
    span = trend.span()
    if span is None:
        return None
    first, last = span
    if first == last:
        first, last = first - timedelta(days=3), last + timedelta(days=3)
    return _Frame(rect, first, last)


def _date_text(day: date, bucket: Bucket) -> str:
    if bucket is Bucket.MONTH:
        return day.strftime("%Y-%m")
    if bucket is Bucket.WEEK:
        return _tr("week of {day}").format(day=day.isoformat())
    return day.isoformat()


def chart_hits(rect: QRectF, trend: TrustTrend, names: dict[str, str]) -> list[Hit]:
    """Every point and marker as the chart places them in ``rect``."""
    frame = _frame(rect, trend)
    if frame is None:
        return []
    hits = []
    for partner, points in trend.series.items():
        for p in points:
            if p.count > 1:
                label = _tr("{name}: trust {value:.1f} on average, {when} ({count} ratings)")
            else:
                label = _tr("{name}: trust {value:.0f}, {when}")
            hits.append(Hit(QPointF(frame.x(p.day), frame.y(p.value)),
                            label.format(name=names.get(partner, partner), value=p.value,
                                         when=_date_text(p.day, trend.bucket), count=p.count),
                            p.event_id, p.day))
    for m in trend.markers:
        text = kind_word(m.kind) if m.count == 1 else f"{kind_word(m.kind)} × {m.count}"
        lane_y = frame.plot.top() - _MARKER_BAND + 6 + _LANES.get(m.kind, 0) * 14
        hits.append(Hit(QPointF(frame.x(m.day), lane_y),
                        f"{text}, {_date_text(m.day, trend.bucket)}", m.event_id, m.day))
    return hits


def paint_trust_chart(painter: QPainter, rect: QRectF, series: TrustTrend, palette: QPalette,
                      names: dict[str, str] | None = None) -> None:
    """Draw the trend into ``rect`` with colours from ``palette``."""
    names = names or {"a": "A", "b": "B"}
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    text = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    frame = _frame(rect, series)
    if frame is None:
        painter.setPen(muted)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                         _tr("Trust ratings from check-ins and events will gather here."))
        painter.restore()
        return
    _paint_grid(painter, frame, series, palette)
    for partner, points in series.series.items():
        if not points:
            continue
        colour = line_colour(partner, palette)
        pen = QPen(colour, 2)
        if partner == "b":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(frame.x(points[0].day), frame.y(points[0].value)))
        for p in points[1:]:
            path.lineTo(frame.x(p.day), frame.y(p.value))
        painter.drawPath(path)
        painter.setPen(QPen(colour, 1.5))
        painter.setBrush(palette.color(QPalette.ColorRole.Base))
        radius = 3.0 if len(points) < 60 else 2.0
        for p in points:
            centre = QPointF(frame.x(p.day), frame.y(p.value))
            if partner == "b":
                painter.drawRect(QRectF(centre.x() - radius, centre.y() - radius,
                                        radius * 2, radius * 2))
            else:
                painter.drawEllipse(centre, radius, radius)
    _paint_markers(painter, frame, series, palette)
    _paint_legend(painter, frame, names, palette, text)
    painter.restore()


def _paint_markers(painter: QPainter, frame: _Frame, series: TrustTrend,
                   palette: QPalette) -> None:
    """Marked moments along the top; where they crowd, one icon stands for its neighbours."""
    size, last_x = 11, {0: -1e9, 1: -1e9}
    guides = len(series.markers) <= 40
    for m in series.markers:
        x = frame.x(m.day)
        colour = kind_colour(m.kind, palette)
        if guides:
            faint = QColor(colour)
            faint.setAlpha(70)
            painter.setPen(QPen(faint, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, frame.plot.top()), QPointF(x, frame.plot.bottom()))
        lane = _LANES.get(m.kind, 0)
        if x - last_x[lane] < size + 2:
            continue
        last_x[lane] = x
        top = frame.plot.top() - _MARKER_BAND + 1 + lane * (size + 3)
        paint_kind_icon(painter, QRectF(x - size / 2, top, size, size), m.kind, colour)


def _paint_grid(painter: QPainter, frame: _Frame, trend: TrustTrend, palette: QPalette) -> None:
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    grid = QColor(palette.color(QPalette.ColorRole.Mid))
    grid.setAlpha(90)
    small = QFont(painter.font())
    if small.pixelSize() > 0:  # a page scaled to the chart's pixel grid (the PDF)
        small.setPixelSize(max(9, round(small.pixelSize() * 0.85)))
    else:
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.85))
    painter.setFont(small)
    for value in (0, 5, 10):
        y = frame.y(value)
        painter.setPen(QPen(grid, 1))
        painter.drawLine(QPointF(frame.plot.left(), y), QPointF(frame.plot.right(), y))
        painter.setPen(muted)
        painter.drawText(QRectF(0 + frame.plot.left() - 28, y - 8, 22, 16),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
    first = frame.first
    last = first + timedelta(days=frame.days)
    below = QRectF(frame.plot.left(), frame.plot.bottom() + 4, frame.plot.width(), 16)
    painter.drawText(below, Qt.AlignmentFlag.AlignLeft, first.isoformat())
    painter.drawText(below, Qt.AlignmentFlag.AlignRight, last.isoformat())
    if trend.bucket is not Bucket.EVENT:
        note = _tr("averaged per week") if trend.bucket is Bucket.WEEK else _tr(
            "averaged per month")
        edge = painter.fontMetrics().horizontalAdvance(first.isoformat()) + 16
        painter.drawText(below.adjusted(edge, 0, 0, 0), Qt.AlignmentFlag.AlignLeft, note)


def _paint_legend(painter: QPainter, frame: _Frame, names: dict[str, str], palette: QPalette,
                  text: QColor) -> None:
    """Both partners' line styles, centred under the plot beside the date labels."""
    metrics = painter.fontMetrics()
    labels = [(p, names.get(p, p)) for p in ("a", "b")]
    width = sum(metrics.horizontalAdvance(label) + 30 for _, label in labels) + 16
    x = frame.plot.center().x() - width / 2
    y = frame.plot.bottom() + 4
    for partner, label in labels:
        pen = QPen(line_colour(partner, palette), 2)
        if partner == "b":
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, y + 8), QPointF(x + 22, y + 8))
        painter.setPen(text)
        label_width = metrics.horizontalAdvance(label)
        painter.drawText(QRectF(x + 26, y, label_width + 2, 16), Qt.AlignmentFlag.AlignVCenter,
                         label)
        x += label_width + 30 + 16


