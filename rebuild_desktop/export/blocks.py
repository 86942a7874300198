"""The document's building blocks, between the report model and the page layout."""

from __future__ import annotations

from dataclasses import dataclass

from rebuild_desktop.painting.trust_chart import TrustSeries


@dataclass(frozen=True, slots=True)
class Text:
    """A paragraph in one of the layout's styles (see ``layout.STYLES``)."""

    text: str
    style: str = "body"
    indent: float = 0.0  # points
    space_before: float = 0.0  # points; dropped at the top of a page
    keep_with_next: bool = False


@dataclass(frozen=True, slots=True)
class Fact:
    """A label and its value side by side (cover sheet, pacing levels, numbers)."""

    label: str
    value: str
    space_before: float = 0.0


@dataclass(frozen=True, slots=True)
class Chart:
    series: TrustSeries
    height: float = 220.0  # points


@dataclass(frozen=True, slots=True)
class Rule:
    space_before: float = 6.0


@dataclass(frozen=True, slots=True)
class PageBreak:
    pass


Block = Text | Fact | Chart | Rule | PageBreak
