"""Paint laid-out pages onto a PDF in memory, or onto images for the preview.

The same ``paint_page`` draws both, so the preview shows the real pages.
The PDF is written into a ``QBuffer``: an unencrypted copy never touches
the disk.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
)

from rebuild_desktop.export.layout import (
    A4_HEIGHT,
    A4_WIDTH,
    DPI,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    PT,
    STYLES,
    ChartItem,
    LineItem,
    Page,
    RuleItem,
    Typesetter,
)
from rebuild_desktop.painting.trust_chart import paint_trust_chart

Progress = Callable[[int, int], None]

# Paper colours: a PDF is read on white paper or a light viewer whatever the
# app's scheme, so the report has one fixed, calm print palette.
INK = {
    "text": QColor("#1f2430"),
    "muted": QColor("#5c6370"),
    "accent": QColor("#9a4f2a"),  # the app's warm accent, deepened for print contrast
    "rule": QColor("#d5d9de"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("CounselorReport", text)


def print_palette() -> QPalette:
    """A light palette for charts painted on paper."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Text, INK["text"])
    palette.setColor(QPalette.ColorRole.PlaceholderText, INK["muted"])
    palette.setColor(QPalette.ColorRole.Mid, INK["rule"])
    palette.setColor(QPalette.ColorRole.Base, QColor("white"))
    return palette


def paint_page(painter: QPainter, page: Page, number: int, count: int,
               setter: Typesetter) -> None:
    """Draw one page: running header, body items, "Page i of n" footer."""
    _line(painter, setter, MARGIN_X, MARGIN_TOP + setter.metrics["header"].ascent(),
          _tr("Confidential"), "header")
    title = _tr("Counselor summary")
    right = A4_WIDTH - MARGIN_X - setter.metrics["footer"].horizontalAdvance(title)
    _line(painter, setter, right, MARGIN_TOP + setter.metrics["footer"].ascent(), title, "footer")
    painter.setPen(QPen(INK["rule"], 0.75 * PT))
    rule_y = MARGIN_TOP + setter.line_height("header") + 4 * PT
    painter.drawLine(QPointF(MARGIN_X, rule_y), QPointF(A4_WIDTH - MARGIN_X, rule_y))

    palette = print_palette()
    for item in page.items:
        if isinstance(item, LineItem):
            _line(painter, setter, item.x, item.baseline, item.text, item.style)
        elif isinstance(item, RuleItem):
            painter.setPen(QPen(INK["rule"], 0.75 * PT))
            painter.drawLine(QPointF(item.x1, item.y), QPointF(item.x2, item.y))
        elif isinstance(item, ChartItem):
            _chart(painter, setter, item, palette)

    footer = _tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(count))
    width = setter.metrics["footer"].horizontalAdvance(footer)
    _line(painter, setter, (A4_WIDTH - width) / 2, A4_HEIGHT - MARGIN_BOTTOM, footer, "footer")


CHART_PIXELS_WIDE = 640  # the chart is drawn on the grid it has on screen, then scaled


def _chart(painter: QPainter, setter: object, item: ChartItem, palette: QPalette) -> None:
    """The timeline's own chart painting, scaled from its screen grid to the page."""
    scale = item.rect.width() / CHART_PIXELS_WIDE
    font = QFont(setter.fonts["small"])  # type: ignore[attr-defined]
    font.setPixelSize(12)
    painter.save()
    painter.translate(item.rect.topLeft())
    painter.scale(scale, scale)
    painter.setFont(font)
    paint_trust_chart(painter, QRectF(0, 0, CHART_PIXELS_WIDE, item.rect.height() / scale),
                      item.series.trend, palette, item.series.names)
    painter.restore()


def _line(painter: QPainter, setter: Typesetter, x: float, baseline: float, text: str,
          style: str) -> None:
    painter.setFont(setter.fonts[style])
    painter.setPen(INK[STYLES[style][2]])
    painter.drawText(QPointF(x, baseline), text)


def render_pdf(pages: list[Page], setter: Typesetter, progress: Progress | None = None) -> bytes:
    """The PDF's bytes, A4 at 300 dpi, built in memory."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(_tr("Counselor summary"))
    writer.setCreator("Rebuild")
    painter = QPainter(writer)
    try:
        for index, page in enumerate(pages):
            if index:
                writer.newPage()
            paint_page(painter, page, index + 1, len(pages), setter)
            if progress is not None:
                progress(index + 1, len(pages))
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_image(page: Page, number: int, count: int, setter: Typesetter,
                 width_px: int) -> QImage:
    """One page as an image ``width_px`` wide, for the preview."""
    scale = width_px / A4_WIDTH
    image = QImage(width_px, round(A4_HEIGHT * scale), QImage.Format.Format_ARGB32_Premultiplied)
    dots_per_metre = round(DPI / 0.0254)  # fonts sized as on paper, then scaled down
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        paint_page(painter, page, number, count, setter)
    finally:
        painter.end()
    return image
