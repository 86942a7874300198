"""Stroke icons from resources/icons, coloured from the palette when loaded.

The SVGs draw with ``currentColor``; the colour is filled in here so that
icons follow light and dark schemes. Call ``clear_cache()`` after a scheme
change so the next load picks the new colour.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from rebuild_desktop.resources import resource

_SIZES = (16, 24, 32, 48, 64)
_cache: dict[tuple[str, str], QIcon] = {}


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The icon ``name`` (a file under resources/icons, without or with ``.svg``)."""
    file_name = name if name.endswith(".svg") else name + ".svg"
    tint = color or QApplication.palette().color(QPalette.ColorRole.WindowText)
    key = (file_name, tint.name())
    if key not in _cache:
        _cache[key] = _render(file_name, tint)
    return _cache[key]


def clear_cache() -> None:
    _cache.clear()


def _render(file_name: str, tint: QColor) -> QIcon:
    svg = resource("icons", file_name).read_bytes().replace(b"currentColor", tint.name().encode())
    renderer = QSvgRenderer(QByteArray(svg))
    result = QIcon()
    ratio = 2.0  # crisp on high-DPI screens too
    for size in _SIZES:
        pixmap = QPixmap(int(size * ratio), int(size * ratio))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
        painter.end()
        pixmap.setDevicePixelRatio(ratio)
        result.addPixmap(pixmap)
    return result
