"""The bundled report font, so the PDF looks the same on every computer.

DejaVu Sans (Bitstream Vera licence, see resources/fonts/DejaVu-LICENSE.txt)
is loaded from the package once. Ligatures are switched off: a PDF whose
"fi" is one glyph breaks copy, search and screen readers.
"""

from __future__ import annotations

import threading

from PySide6.QtGui import QFont, QFontDatabase

from rebuild_desktop.resources import resource

_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
_NO_LIGATURES = ("liga", "clig", "dlig", "hlig")
_lock = threading.Lock()
_family: str | None = None


def family() -> str:
    """The bundled family's name, loading the font files the first time."""
    global _family
    with _lock:
        if _family is None:
            loaded = ""
            for name in _FILES:
                font_id = QFontDatabase.addApplicationFontFromData(font_data(name != _FILES[0]))
                families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                loaded = loaded or (families[0] if families else "")
            _family = loaded or "DejaVu Sans"
        return _family


def font_data(bold: bool = False) -> bytes:
    """The bundled regular (or bold) font file's bytes."""
    return resource("fonts", _FILES[1 if bold else 0]).read_bytes()


def report_font(size_pt: float, *, bold: bool = False) -> QFont:
    """The report font at ``size_pt``, unhinted (same metrics on screen and paper)."""
    font = QFont(family())
    font.setPointSizeF(size_pt)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    for tag in _NO_LIGATURES:
        font.setFeature(QFont.Tag(tag), 0)
    return font
