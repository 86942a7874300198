"""Lay document blocks out on A4 pages, measuring text once at print resolution.

Everything is in device units of a 300-dpi page, measured against an image
of that resolution, so the PDF and the preview images (same dpi, scaled
painter) get exactly the same lines and page breaks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage, QTextLayout, QTextOption

from rebuild_desktop.export.blocks import Block, Chart, Fact, PageBreak, Rule, Text
from rebuild_desktop.export.fonts import report_font
from rebuild_desktop.painting.trust_chart import TrustSeries

DPI = 300
PT = DPI / 72.0
A4_WIDTH = round(210 / 25.4 * DPI)
A4_HEIGHT = round(297 / 25.4 * DPI)
MARGIN_X = 64 * PT
MARGIN_TOP = 48 * PT
MARGIN_BOTTOM = 48 * PT
BODY_TOP = MARGIN_TOP + 34 * PT  # below the running header
BODY_BOTTOM = A4_HEIGHT - MARGIN_BOTTOM - 26 * PT  # above the footer
FACT_LABEL_WIDTH = 170 * PT

# style: (size in points, bold, colour role, line-height factor)
STYLES: dict[str, tuple[float, bool, str, float]] = {
    "title": (26, True, "text", 1.2),
    "subtitle": (13, False, "muted", 1.3),
    "heading": (15, True, "accent", 1.3),
    "subheading": (11, True, "text", 1.3),
    "entry_title": (10.5, True, "text", 1.3),
    "meta": (8.5, False, "muted", 1.3),
    "label": (8.5, True, "muted", 1.3),
    "body": (10, False, "text", 1.4),
    "small": (8.5, False, "muted", 1.35),
    "note": (9.5, False, "muted", 1.4),
    "fact_label": (9.5, False, "muted", 1.35),
    "fact_value": (9.5, False, "text", 1.35),
    "header": (8, True, "accent", 1.2),
    "footer": (8, False, "muted", 1.2),
}


@dataclass(frozen=True, slots=True)
class LineItem:
    x: float
    baseline: float
    text: str
    style: str


@dataclass(frozen=True, slots=True)
class RuleItem:
    x1: float
    x2: float
    y: float


@dataclass(frozen=True, slots=True)
class ChartItem:
    rect: QRectF
    series: TrustSeries


Item = LineItem | RuleItem | ChartItem


@dataclass(slots=True)
class Page:
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class _Unit:
    """An unbreakable piece: its height, items relative to its top, how it joins the next."""

    height: float
    items: list[tuple[str, object]]
    space_before: float = 0.0
    keep_with_next: bool = False
    page_break: bool = False


class Typesetter:
    """Fonts and metrics for every style at print resolution."""

    def __init__(self) -> None:
        self.device = QImage(1, 1, QImage.Format.Format_ARGB32)
        dots_per_metre = round(DPI / 0.0254)
        self.device.setDotsPerMeterX(dots_per_metre)
        self.device.setDotsPerMeterY(dots_per_metre)
        self.fonts: dict[str, QFont] = {}
        self.metrics: dict[str, QFontMetricsF] = {}
        for style, (size, bold, _colour, _factor) in STYLES.items():
            self.fonts[style] = report_font(size, bold=bold)
            self.metrics[style] = QFontMetricsF(self.fonts[style], self.device)

    def line_height(self, style: str) -> float:
        return self.metrics[style].height() * STYLES[style][3]

    def wrap(self, text: str, style: str, width: float) -> list[str]:
        """Break ``text`` into lines no wider than ``width``."""
        if self.metrics[style].horizontalAdvance(text) <= width:
            return [text]
        layout = QTextLayout(text, self.fonts[style], self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        lines = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            lines.append(text[line.textStart():line.textStart() + line.textLength()].rstrip())
        layout.endLayout()
        return lines or [""]


def paginate(blocks: list[Block], setter: Typesetter) -> list[Page]:
    """Place ``blocks`` on pages; headings and entry heads stay with what follows."""
    width = A4_WIDTH - 2 * MARGIN_X
    units = [unit for block in blocks for unit in _units(block, setter, width)]
    pages = [Page()]
    y = BODY_TOP
    index = 0
    while index < len(units):
        chunk = [units[index]]
        while chunk[-1].keep_with_next and index + len(chunk) < len(units):
            chunk.append(units[index + len(chunk)])
        if chunk[0].page_break:
            pages.append(Page())
            y = BODY_TOP
            index += 1
            continue
        at_top = y == BODY_TOP
        needed = sum(u.height + u.space_before for u in chunk) - (chunk[0].space_before
                                                                  if at_top else 0)
        too_tall = needed > BODY_BOTTOM - BODY_TOP
        if not at_top and y + needed > BODY_BOTTOM and not too_tall:
            pages.append(Page())
            y = BODY_TOP
            continue
        placed = chunk if not too_tall else chunk[:1]
        for unit in placed:
            if y != BODY_TOP:
                y += unit.space_before
            if y + unit.height > BODY_BOTTOM and y != BODY_TOP:
                pages.append(Page())
                y = BODY_TOP
            pages[-1].items.extend(_place(unit, y))
            y += unit.height
        index += len(placed)
    return pages


def _place(unit: _Unit, top: float) -> list[Item]:
    items: list[Item] = []
    for kind, data in unit.items:
        if kind == "line":
            x, baseline, text, style = data  # type: ignore[misc]
            items.append(LineItem(x, top + baseline, text, style))
        elif kind == "rule":
            x1, x2, y = data  # type: ignore[misc]
            items.append(RuleItem(x1, x2, top + y))
        elif kind == "chart":
            rect, series = data  # type: ignore[misc]
            items.append(ChartItem(rect.translated(0, top), series))
    return items


def _units(block: Block, setter: Typesetter, width: float) -> list[_Unit]:
    if isinstance(block, PageBreak):
        return [_Unit(0, [], page_break=True)]
    if isinstance(block, Rule):
        return [_Unit(1 * PT, [("rule", (MARGIN_X, MARGIN_X + width, 0.5 * PT))],
                      block.space_before * PT)]
    if isinstance(block, Chart):
        rect = QRectF(MARGIN_X, 6 * PT, width, block.height * PT)
        return [_Unit((block.height + 10) * PT, [("chart", (rect, block.series))], 4 * PT)]
    if isinstance(block, Fact):
        return [_fact(block, setter, width)]
    return _text(block, setter, width)


def _text(block: Text, setter: Typesetter, width: float) -> list[_Unit]:
    indent = block.indent * PT
    height = setter.line_height(block.style)
    ascent = setter.metrics[block.style].ascent()
    lead = (height - setter.metrics[block.style].height()) / 2
    lines = setter.wrap(block.text, block.style, width - indent)
    units = []
    for number, line in enumerate(lines):
        last = number == len(lines) - 1
        units.append(_Unit(
            height, [("line", (MARGIN_X + indent, lead + ascent, line, block.style))],
            block.space_before * PT if number == 0 else 0.0,
            keep_with_next=block.keep_with_next or (not last and len(lines) <= 2),
        ))
    return units


def _fact(block: Fact, setter: Typesetter, width: float) -> _Unit:
    label_lines = setter.wrap(block.label, "fact_label", FACT_LABEL_WIDTH - 12 * PT)
    value_lines = setter.wrap(block.value, "fact_value", width - FACT_LABEL_WIDTH)
    height = setter.line_height("fact_value")
    ascent = setter.metrics["fact_value"].ascent()
    lead = (height - setter.metrics["fact_value"].height()) / 2
    items: list[tuple[str, object]] = []
    for row, line in enumerate(label_lines):
        items.append(("line", (MARGIN_X, lead + ascent + row * height, line, "fact_label")))
    for row, line in enumerate(value_lines):
        items.append(("line", (MARGIN_X + FACT_LABEL_WIDTH, lead + ascent + row * height, line,
                               "fact_value")))
    rows = max(len(label_lines), len(value_lines))
    return _Unit(rows * height, items, block.space_before * PT)
