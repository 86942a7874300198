"""How each timeline kind looks: a colour, a drawn icon and a word, never colour alone.

Colours come from the Okabe–Ito set, which stays distinct for colour-blind
eyes; the hard-day kind (setback) is a muted amber, never an alarm red.
Icons are simple shapes painted with QPainter so that they follow the
palette and print the same in a PDF.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen, QPolygonF

from rebuild_desktop.domain.values import EventKind

_COLOURS = {
    EventKind.DISCOVERY: "#CC79A7",
    EventKind.DISCLOSURE: "#0072B2",
    EventKind.MILESTONE: "#009E73",
    EventKind.SETBACK: "#C99A3E",
    EventKind.ACCOUNTABILITY: "#56B4E9",
    EventKind.AGREEMENT: "#0072B2",
    EventKind.CHECKIN: "#56B4E9",
    EventKind.COUNSELING: "#CC79A7",
    EventKind.QUALITY_TIME: "#009E73",
}


def kind_word(kind: EventKind | str) -> str:
    """The kind as the person reads it."""
    words = {
        EventKind.DISCOVERY: QCoreApplication.translate("Kind", "Discovery"),
        EventKind.DISCLOSURE: QCoreApplication.translate("Kind", "Disclosure"),
        EventKind.MILESTONE: QCoreApplication.translate("Kind", "Milestone"),
        EventKind.SETBACK: QCoreApplication.translate("Kind", "Hard day"),
        EventKind.ACCOUNTABILITY: QCoreApplication.translate("Kind", "Accountability"),
        EventKind.AGREEMENT: QCoreApplication.translate("Kind", "Agreement"),
        EventKind.CHECKIN: QCoreApplication.translate("Kind", "Check-in"),
        EventKind.COUNSELING: QCoreApplication.translate("Kind", "Counseling"),
        EventKind.QUALITY_TIME: QCoreApplication.translate("Kind", "Quality time"),
        EventKind.NOTE: QCoreApplication.translate("Kind", "Note"),
    }
    return words[EventKind(kind)]


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def kind_colour(kind: EventKind | str, palette: QPalette) -> QColor:
    """The kind's colour, lifted a little on a dark palette so it stays readable."""
    name = _COLOURS.get(EventKind(kind))
    if name is None:  # notes take the palette's own quiet tone
        return palette.color(QPalette.ColorRole.PlaceholderText)
    colour = QColor(name)
    return colour.lighter(125) if is_dark(palette) else colour


def _star(rect: QRectF) -> QPolygonF:
    c, r = rect.center(), rect.width() / 2
    points = []
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append(QPointF(c.x() + radius * math.cos(angle), c.y() - radius * math.sin(angle)))
    return QPolygonF(points)


def paint_kind_icon(painter: QPainter, rect: QRectF, kind: EventKind | str,
                    colour: QColor) -> None:
    """Draw the kind's shape inside ``rect`` (square) in ``colour``."""
    kind = EventKind(kind)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    r = rect.adjusted(1, 1, -1, -1)
    pen = QPen(colour, max(1.5, r.width() / 8))
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(colour)
    c, w = r.center(), r.width()
    if kind is EventKind.DISCOVERY:
        painter.drawPolygon(QPolygonF([QPointF(c.x(), r.top()), QPointF(r.right(), c.y()),
                                       QPointF(c.x(), r.bottom()), QPointF(r.left(), c.y())]))
    elif kind is EventKind.MILESTONE:
        painter.drawPolygon(_star(r))
    elif kind is EventKind.SETBACK:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(r.left(), c.y()))
        path.cubicTo(QPointF(r.left() + w * 0.25, r.top()), QPointF(c.x() - w * 0.05, r.top()),
                     QPointF(c.x(), c.y()))
        path.cubicTo(QPointF(c.x() + w * 0.05, r.bottom()), QPointF(r.right() - w * 0.25,
                     r.bottom()), QPointF(r.right(), c.y()))
        painter.drawPath(path)
    elif kind is EventKind.ACCOUNTABILITY:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(QPolygonF([QPointF(r.left() + w * 0.1, c.y()),
                                        QPointF(r.left() + w * 0.4, r.bottom() - w * 0.15),
                                        QPointF(r.right() - w * 0.05, r.top() + w * 0.15)]))
    elif kind is EventKind.AGREEMENT:
        painter.drawRoundedRect(r.adjusted(w * 0.1, w * 0.1, -w * 0.1, -w * 0.1), 2, 2)
    elif kind is EventKind.CHECKIN:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(r.adjusted(w * 0.1, w * 0.1, -w * 0.1, -w * 0.1))
        painter.drawPoint(c)
    elif kind is EventKind.COUNSELING:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        small = w * 0.32
        painter.drawEllipse(QPointF(c.x() - w * 0.17, c.y()), small, small)
        painter.drawEllipse(QPointF(c.x() + w * 0.17, c.y()), small, small)
    elif kind is EventKind.QUALITY_TIME:
        path = QPainterPath(QPointF(c.x(), r.bottom()))
        path.cubicTo(QPointF(r.left() - w * 0.1, c.y()), QPointF(r.left() + w * 0.2, r.top()),
                     QPointF(c.x(), r.top() + w * 0.3))
        path.cubicTo(QPointF(r.right() - w * 0.2, r.top()), QPointF(r.right() + w * 0.1, c.y()),
                     QPointF(c.x(), r.bottom()))
        painter.drawPath(path)
    elif kind is EventKind.DISCLOSURE:
        painter.drawEllipse(r.adjusted(w * 0.15, w * 0.15, -w * 0.15, -w * 0.15))
    else:  # a note: a small, quiet dot
        painter.drawEllipse(c, w * 0.22, w * 0.22)
    painter.restore()
