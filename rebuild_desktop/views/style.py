"""One calm look: the system palette, one warm accent, light or dark as the system says.

The palette starts from the style's own palette for the current colour
scheme, so greys come from the system, never from here. Only the accent
(highlight, links, the primary button) is ours. The small stylesheet refers
to palette roles, so it follows a scheme change once it is set again.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QTextEdit,
    QWidget,
)

from rebuild_desktop.views import icons

# A warm terracotta: readable with white text in light mode, and a softer,
# lighter tone with dark text in dark mode.
_ACCENT_LIGHT = QColor("#b5573a")
_ACCENT_DARK = QColor("#e39a7b")

GRID = 8  # spacing unit in pixels

_STYLESHEET = """
QLabel[role="heading"] { font-size: 18pt; font-weight: 600; }
QLabel[role="subheading"] { font-size: 13pt; font-weight: 600; }
QLabel[role="note"] { color: palette(placeholder-text); }
QLabel[role="message"] { color: palette(text); padding: 8px;
    border: 1px solid palette(highlight); border-radius: 6px; }
QLabel[role="code"] { font-size: 14pt; padding: 16px; border-radius: 6px;
    background: palette(base); border: 1px solid palette(mid); }
QPushButton[primary="true"] { background: palette(highlight); color: palette(highlighted-text);
    border: 2px solid palette(highlight); border-radius: 6px; padding: 1px 16px; min-height: 24px; }
QPushButton[primary="true"]:hover { border-color: palette(text); }
QPushButton[primary="true"]:focus { border-color: palette(text); }
QPushButton[primary="true"]:disabled { background: palette(button);
    color: palette(placeholder-text); border-color: palette(mid); }
QPushButton { min-height: 24px; padding: 2px 16px; }
QPushButton[role="link"] { border: none; background: transparent; color: palette(link);
    text-align: left; padding: 4px 0px; text-decoration: underline; }
QPushButton[role="link"]:focus { border: 1px dotted palette(text); }
QListView[role="rows"]::item { padding: 8px; border-bottom: 1px solid palette(midlight); }
QListView[role="rows"]::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QListView#sidebar { border: none; background: palette(window); outline: none; }
QListView#sidebar::item { padding: 6px 8px; border-radius: 6px; color: palette(window-text); }
QListView#sidebar::item:selected { background: palette(highlight);
    color: palette(highlighted-text); }
QListView#sidebar::item:focus { border: 1px solid palette(text); }
"""


_forced_scheme: Qt.ColorScheme | None = None


def is_dark() -> bool:
    """Whether the system asks for a dark scheme (or the palette already is dark)."""
    scheme = _forced_scheme or QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    window = QApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def accent() -> QColor:
    return QColor(_ACCENT_DARK if is_dark() else _ACCENT_LIGHT)


def calm_palette() -> QPalette:
    """The style's palette for the current scheme with the warm accent added."""
    style = QApplication.style()
    palette = QPalette(style.standardPalette()) if style is not None else QApplication.palette()
    if is_dark() and palette.color(QPalette.ColorRole.Window).lightness() >= 128:
        # The system asks for dark but its style only knows a light palette
        # (no platform theme): turn the system's own colours around.
        palette = _turned_dark(palette)
    warm = accent()
    text_on_warm = QColor("#1d1512") if is_dark() else QColor("#ffffff")
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        palette.setColor(group, QPalette.ColorRole.Highlight, warm)
        palette.setColor(group, QPalette.ColorRole.HighlightedText, text_on_warm)
        palette.setColor(group, QPalette.ColorRole.Accent, warm)
        palette.setColor(group, QPalette.ColorRole.Link, warm)
    return palette


_TURNED_ROLES = (
    QPalette.ColorRole.Window, QPalette.ColorRole.WindowText, QPalette.ColorRole.Base,
    QPalette.ColorRole.AlternateBase, QPalette.ColorRole.Text, QPalette.ColorRole.Button,
    QPalette.ColorRole.ButtonText, QPalette.ColorRole.ToolTipBase, QPalette.ColorRole.ToolTipText,
    QPalette.ColorRole.PlaceholderText, QPalette.ColorRole.Light, QPalette.ColorRole.Midlight,
    QPalette.ColorRole.Mid, QPalette.ColorRole.Dark, QPalette.ColorRole.Shadow,
    QPalette.ColorRole.BrightText,
)


def _turned_dark(light: QPalette) -> QPalette:
    """The same palette with every lightness mirrored, so light greys become dark ones."""
    dark = QPalette(light)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
                  QPalette.ColorGroup.Disabled):
        for role in _TURNED_ROLES:
            colour = light.color(group, role)
            hue, sat, lightness, alpha = colour.getHsl()
            # Mirrored, and kept off pure black and white, which glare at night.
            mirrored = 20 + round((255 - lightness) * 0.85)
            dark.setColor(group, role, QColor.fromHsl(hue, sat, mirrored, alpha))
    return dark


def apply_style(app: QApplication, scheme: Qt.ColorScheme | None = None) -> None:
    """Set the palette and stylesheet now and whenever the colour scheme changes.

    Args:
        scheme: a scheme to use instead of the system's (for screenshots on a
            platform without one); None follows the system.
    """
    global _forced_scheme
    _forced_scheme = scheme
    if not app.property("rebuild-calm-style"):
        app.setProperty("rebuild-calm-style", True)
        app.setStyle(CalmStyle())
    _refresh(app)
    if not app.property("rebuild-style-follows"):
        app.setProperty("rebuild-style-follows", True)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: _refresh(app))


def _refresh(app: QApplication) -> None:
    icons.clear_cache()
    app.setPalette(calm_palette())
    app.setStyleSheet(_STYLESHEET)


class CalmStyle(QProxyStyle):
    """Fusion, with outlines that stay visible on a dark palette.

    Fusion draws outlines a little darker than the window, which vanishes
    when the window itself is dark. Check boxes and radio buttons take the
    palette's quiet text colour instead; text fields and spin boxes get a
    quiet grey border and, with focus, a two-pixel accent ring.
    """

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802
                      painter: QPainter, widget: QWidget | None = None) -> None:
        if element == QStyle.PrimitiveElement.PE_FrameLineEdit or (
                element == QStyle.PrimitiveElement.PE_Frame
                and isinstance(widget, QTextEdit | QPlainTextEdit)):
            _field_frame(option, painter)
            return
        super().drawPrimitive(element, option, painter, widget)
        round_mark = element == QStyle.PrimitiveElement.PE_IndicatorRadioButton
        if not (round_mark or element == QStyle.PrimitiveElement.PE_IndicatorCheckBox):
            return
        if option.palette.color(QPalette.ColorRole.Window).lightness() >= 128:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if round_mark:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2, 2)
        painter.restore()

    def drawComplexControl(self, control: QStyle.ComplexControl,  # noqa: N802 (Qt's name)
                           option: QStyleOptionComplex, painter: QPainter,
                           widget: QWidget | None = None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_SpinBox and getattr(option, "frame", True):
            _field_frame(option, painter)


def _field_frame(option: QStyleOption, painter: QPainter) -> None:
    """A text field's border: a quiet grey, or the accent, two pixels wide, with focus."""
    focused = bool(option.state & QStyle.StateFlag.State_HasFocus)
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    quiet = QPalette.ColorRole.Mid
    if option.palette.color(QPalette.ColorRole.Window).lightness() < 128:
        # Turned around for dark, "dark" is the lighter grey: it stands clear of the window.
        quiet = QPalette.ColorRole.Dark
    colour = option.palette.color(QPalette.ColorRole.Highlight if focused and enabled else quiet)
    width = 2 if focused and enabled else 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRoundedRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset), 3, 3)
    painter.restore()


def mark_primary(button: QWidget) -> None:
    """The one primary button of a screen: accent colour, default for Enter."""
    button.setProperty("primary", True)
    if hasattr(button, "setDefault"):
        button.setDefault(True)
    repolish(button)


def mark_link(button: QWidget) -> None:
    """A quiet, link-like button for a second way ("Use recovery code instead")."""
    button.setProperty("role", "link")
    repolish(button)


def repolish(widget: QWidget) -> None:
    """Apply the stylesheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
