"""Turn rated events into the trust trend the chart draws (pure, no Qt, no SQL).

With few ratings every one is a point; with many, ratings are averaged per
week or per month, so that 100,000 events draw as a readable line and the
chart costs the same however long the story is.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Protocol


class TrustPoint(Protocol):
    """A rated or marked event, as the timeline's queries read it."""

    @property
    def id(self) -> str: ...
    @property
    def date(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def trust_a(self) -> int | None: ...
    @property
    def trust_b(self) -> int | None: ...

MAX_POINTS = 120
PARTNERS = ("a", "b")
MARKED_KINDS = ("discovery", "milestone", "setback")


class Bucket(StrEnum):
    EVENT = "event"
    WEEK = "week"
    MONTH = "month"


@dataclass(frozen=True, slots=True)
class TrendPoint:
    """One point: a single rating (``event_id`` set) or the mean of a bucket."""

    day: date
    value: float
    count: int = 1
    event_id: str | None = None


@dataclass(frozen=True, slots=True)
class Marker:
    """A discovery, milestone or setback on the chart (or several in one bucket)."""

    day: date
    kind: str
    count: int = 1
    event_id: str | None = None


@dataclass(slots=True)
class TrustTrend:
    bucket: Bucket = Bucket.EVENT
    series: dict[str, list[TrendPoint]] = field(default_factory=dict)
    markers: list[Marker] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not any(self.series.values()) and not self.markers

    def span(self) -> tuple[date, date] | None:
        days = [p.day for pts in self.series.values() for p in pts] + [m.day for m in self.markers]
        return (min(days), max(days)) if days else None


def day_of(text: str) -> date:
    """The calendar day of a stored date (which may carry a time after it)."""
    return date.fromisoformat(text[:10])


def bucket_start(day: date, bucket: Bucket) -> date:
    if bucket is Bucket.WEEK:
        return day - timedelta(days=day.weekday())
    if bucket is Bucket.MONTH:
        return day.replace(day=1)
    return day


def choose_bucket(days: list[date], max_points: int = MAX_POINTS) -> Bucket:
    """The finest grouping that keeps each line within ``max_points`` points."""
    if len(days) <= max_points:
        return Bucket.EVENT
    for bucket in (Bucket.WEEK, Bucket.MONTH):
        if len({bucket_start(d, bucket) for d in days}) <= max_points:
            return bucket
    return Bucket.MONTH


def aggregate(ratings: Iterable[tuple[date, int, str]], bucket: Bucket) -> list[TrendPoint]:
    """Ratings ``(day, value, event id)`` as points, averaged per bucket, oldest first."""
    if bucket is Bucket.EVENT:
        return [TrendPoint(d, float(v), 1, i) for d, v, i in sorted(ratings)]
    sums: dict[date, list[float]] = {}
    for d, v, _ in ratings:
        total = sums.setdefault(bucket_start(d, bucket), [0.0, 0])
        total[0] += v
        total[1] += 1
    return [TrendPoint(d, s / n, int(n)) for d, (s, n) in sorted(sums.items())]


def group_markers(markers: Iterable[tuple[date, str, str]], bucket: Bucket) -> list[Marker]:
    """Marked events ``(day, kind, id)``, one marker per kind and bucket."""
    if bucket is Bucket.EVENT:
        return [Marker(d, k, 1, i) for d, k, i in sorted(markers)]
    counts: dict[tuple[date, str], list] = {}
    for d, k, i in markers:
        entry = counts.setdefault((bucket_start(d, bucket), k), [0, i])
        entry[0] += 1
    return [Marker(d, k, n, i if n == 1 else None) for (d, k), (n, i) in sorted(counts.items())]


def build_trend(points: Iterable[TrustPoint], max_points: int = MAX_POINTS) -> TrustTrend:
    """The chart's data from rated and marked events."""
    ratings: dict[str, list[tuple[date, int, str]]] = {p: [] for p in PARTNERS}
    marks: list[tuple[date, str, str]] = []
    for point in points:
        day = day_of(point.date)
        if point.trust_a is not None:
            ratings["a"].append((day, point.trust_a, point.id))
        if point.trust_b is not None:
            ratings["b"].append((day, point.trust_b, point.id))
        if point.kind in MARKED_KINDS:
            marks.append((day, point.kind, point.id))
    longest = max(ratings.values(), key=len)
    bucket = choose_bucket([d for d, _, _ in longest] if len(longest) >= len(marks)
                           else [d for d, _, _ in marks], max_points)
    return TrustTrend(
        bucket,
        {p: aggregate(r, bucket) for p, r in ratings.items()},
        group_markers(marks, bucket),
    )
