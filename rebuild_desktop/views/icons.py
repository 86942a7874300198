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
    """The icon ``name`` (a file under resources/icons, without or with ``.svg``).

    Drawn in ``color`` (default: the window text colour), and in the
    highlighted-text colour when its item is selected.
    """
    file_name = name if name.endswith(".svg") else name + ".svg"
    palette = QApplication.palette()
    tint = color or palette.color(QPalette.ColorRole.WindowText)
    selected = palette.color(QPalette.ColorRole.HighlightedText)
    key = (file_name, tint.name())
    if key not in _cache:
        _cache[key] = _render(file_name, tint, selected)
    return _cache[key]


def clear_cache() -> None:
    _cache.clear()


def _render(file_name: str, tint: QColor, selected: QColor) -> QIcon:
    found = resource("icons", file_name)
    # A section whose own drawing is not there yet gets the generic one.
    source = (found if found.is_file() else resource("icons", "section.svg")).read_bytes()
    result = QIcon()
    for colour, mode in ((tint, QIcon.Mode.Normal), (selected, QIcon.Mode.Selected)):
        svg = source.replace(b"currentColor", colour.name().encode())
        renderer = QSvgRenderer(QByteArray(svg))
        ratio = 2.0  # crisp on high-DPI screens too
        for size in _SIZES:
            pixmap = QPixmap(int(size * ratio), int(size * ratio))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size * ratio, size * ratio))
            painter.end()
            pixmap.setDevicePixelRatio(ratio)
            result.addPixmap(pixmap, mode)
    return result
