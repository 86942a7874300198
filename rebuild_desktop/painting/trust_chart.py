"""The trust trend chart: each partner's trust over time, milestones and setbacks marked.

``paint_trust_chart`` draws into any painter (a widget, a PDF page, an
image). Colours come from the palette for text and grid; the two lines use
the Okabe–Ito colours and differ in dash and point shape as well, so the
chart reads in greyscale and for colour-blind readers. Setbacks are muted
amber, not alarm red.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QLineF, QLocale, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

LINE_COLOURS = (QColor("#0072B2"), QColor("#CC79A7"))  # blue, reddish purple
MILESTONE_COLOUR = QColor("#009E73")  # bluish green
SETBACK_COLOUR = QColor("#D9A441")  # muted amber
TRUST_MAX = 10
MARKER_LINES_UP_TO = 12


@dataclass(frozen=True, slots=True)
class TrustLine:
    """One partner's ratings: ``(YYYY-MM-DD, 0–10)`` in date order."""

    label: str
    points: list[tuple[str, int]]


@dataclass(frozen=True, slots=True)
class TrustMarker:
    """A milestone or a setback on the date axis."""

    date: str
    setback: bool


@dataclass(frozen=True, slots=True)
class TrustSeries:
    lines: list[TrustLine]
    markers: list[TrustMarker] = field(default_factory=list)
    span: tuple[str, str] | None = None  # the period shown, when it is known

    @property
    def empty(self) -> bool:
        return not any(line.points for line in self.lines)


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrustChart", text)


def _day(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def paint_trust_chart(painter: QPainter, rect: QRectF, series: TrustSeries,
                      palette: QPalette) -> None:
    """Draw ``series`` inside ``rect`` with the painter's current font as the base size."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = max(painter.device().logicalDpiY(), 1) / 72.0  # one point in device units
    metrics = QFontMetricsF(painter.font(), painter.device())
    text_colour = palette.color(QPalette.ColorRole.Text)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    grid = palette.color(QPalette.ColorRole.Mid)

    legend_h = metrics.height() * 1.6
    label_w = metrics.horizontalAdvance("10") + 6 * unit
    plot = QRectF(rect.left() + label_w, rect.top() + legend_h,
                  rect.width() - label_w - 4 * unit,
                  rect.height() - legend_h - metrics.height() * 1.8)
    inset = 8 * unit  # points never sit on the plot's edges
    span = QRectF(plot.left() + inset, plot.top(), plot.width() - 2 * inset, plot.height())

    days = [_day(d) for line in series.lines for d, _ in line.points]
    days += [_day(m.date) for m in series.markers]
    if series.span is not None:
        days += [_day(series.span[0]), _day(series.span[1])]
    first, last = (min(days), max(days)) if days else (0, 1)
    if first == last:
        first, last = first - 1, last + 1

    def x_of(iso: str) -> float:
        return span.left() + (_day(iso) - first) / (last - first) * span.width()

    def y_of(value: int) -> float:
        return plot.bottom() - value / TRUST_MAX * plot.height()

    painter.setPen(QPen(grid, 0.5 * unit))
    for value in (0, 5, 10):
        y = y_of(value)
        painter.drawLine(QLineF(plot.left(), y, plot.right(), y))
        painter.setPen(muted)
        painter.drawText(QRectF(rect.left(), y - metrics.height() / 2, label_w - 4 * unit,
                                metrics.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(value))
        painter.setPen(QPen(grid, 0.5 * unit))

    if days:
        _date_axis(painter, plot, first, last, x_of, metrics, unit, muted)

    busy = len(series.markers) > MARKER_LINES_UP_TO
    for marker in series.markers:
        colour = SETBACK_COLOUR if marker.setback else MILESTONE_COLOUR
        x = x_of(marker.date)
        if not busy:  # a faint guide line; with many markers the shapes alone read better
            guide = QColor(colour)
            guide.setAlpha(110)
            painter.setPen(QPen(guide, 0.75 * unit, Qt.PenStyle.DotLine))
            painter.drawLine(QLineF(x, plot.top(), x, plot.bottom()))
        _marker_shape(painter, QPointF(x, plot.bottom()), 3.5 * unit, colour, marker.setback)

    for index, line in enumerate(series.lines):
        colour = LINE_COLOURS[index % len(LINE_COLOURS)]
        pen = QPen(colour, 1.5 * unit)
        if index % 2:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        points = [QPointF(x_of(d), y_of(v)) for d, v in line.points]
        if len(points) > 1:
            painter.drawPolyline(QPolygonF(points))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        for point in points:
            _point_shape(painter, point, 2.0 * unit, square=bool(index % 2))

    if series.empty:
        painter.setPen(muted)
        painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                         _tr("No trust ratings were shared for this period."))

    _legend(painter, QRectF(plot.left(), rect.top(), plot.width(), legend_h), series,
            metrics, unit, text_colour)
    painter.restore()


def _label(ordinal: int, pattern: str = "d MMM yyyy") -> str:
    day = date.fromordinal(ordinal)
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def _date_axis(painter: QPainter, plot: QRectF, first: int, last: int, x_of, metrics:
               QFontMetricsF, unit: float, muted: QColor) -> None:
    """The first and last day at the ends, and month names between where they fit."""
    painter.setPen(muted)
    below = QRectF(plot.left(), plot.bottom() + 5 * unit, plot.width(), metrics.height())
    start, end = _label(first), _label(last)
    painter.drawText(below, Qt.AlignmentFlag.AlignLeft, start)
    painter.drawText(below, Qt.AlignmentFlag.AlignRight, end)
    left_edge = plot.left() + metrics.horizontalAdvance(start) + 8 * unit
    right_edge = plot.right() - metrics.horizontalAdvance(end) - 8 * unit
    day = date.fromordinal(first)
    month = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    while month.toordinal() < last:
        name = _label(month.toordinal(), "MMM")
        x = x_of(month.isoformat())
        width = metrics.horizontalAdvance(name)
        if x - width / 2 > left_edge and x + width / 2 < right_edge:
            painter.drawLine(QLineF(x, plot.bottom(), x, plot.bottom() + 3 * unit))
            painter.drawText(QPointF(x - width / 2, below.top() + metrics.ascent()), name)
            left_edge = x + width / 2 + 8 * unit
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)


def _point_shape(painter: QPainter, at: QPointF, radius: float, *, square: bool) -> None:
    box = QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius)
    if square:
        painter.drawRect(box)
    else:
        painter.drawEllipse(box)


def _marker_shape(painter: QPainter, at: QPointF, size: float, colour: QColor,
                  setback: bool) -> None:
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    if setback:  # a diamond
        shape = [QPointF(at.x(), at.y() - size), QPointF(at.x() + size, at.y()),
                 QPointF(at.x(), at.y() + size), QPointF(at.x() - size, at.y())]
    else:  # a triangle pointing up
        shape = [QPointF(at.x(), at.y() - size), QPointF(at.x() + size, at.y() + size * 0.7),
                 QPointF(at.x() - size, at.y() + size * 0.7)]
    painter.drawPolygon(QPolygonF(shape))


def _legend(painter: QPainter, rect: QRectF, series: TrustSeries, metrics: QFontMetricsF,
            unit: float, text_colour: QColor) -> None:
    x = rect.left()
    y = rect.top() + metrics.height() / 2
    entries: list[tuple[str, int | str]] = [(line.label, i) for i, line in enumerate(series.lines)]
    if any(not m.setback for m in series.markers):
        entries.append((_tr("Milestone"), "milestone"))
    if any(m.setback for m in series.markers):
        entries.append((_tr("Setback"), "setback"))
    for label, key in entries:
        painter.save()
        if isinstance(key, int):
            colour = LINE_COLOURS[key % len(LINE_COLOURS)]
            pen = QPen(colour, 1.5 * unit)
            if key % 2:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QLineF(x, y, x + 16 * unit, y))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            _point_shape(painter, QPointF(x + 8 * unit, y), 2.0 * unit, square=bool(key % 2))
        else:
            colour = SETBACK_COLOUR if key == "setback" else MILESTONE_COLOUR
            _marker_shape(painter, QPointF(x + 8 * unit, y), 3.5 * unit, colour,
                          key == "setback")
        painter.restore()
        x += 20 * unit
        painter.setPen(text_colour)
        painter.drawText(QPointF(x, y + metrics.ascent() / 2 - metrics.descent() / 2), label)
        x += metrics.horizontalAdvance(label) + 14 * unit
