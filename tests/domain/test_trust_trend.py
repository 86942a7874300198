"""The chart's data: single points when few, weekly or monthly means when many."""

from __future__ import annotations

from datetime import date, timedelta

from rebuild_desktop.domain.trust_trend import (
    Bucket,
    aggregate,
    bucket_start,
    build_trend,
    choose_bucket,
    group_markers,
)
from rebuild_desktop.storage.timeline_queries import TrustPoint


def test_bucket_start():
    assert bucket_start(date(2026, 3, 5), Bucket.WEEK) == date(2026, 3, 2)  # a Monday
    assert bucket_start(date(2026, 3, 5), Bucket.MONTH) == date(2026, 3, 1)
    assert bucket_start(date(2026, 3, 5), Bucket.EVENT) == date(2026, 3, 5)


def test_choose_bucket_keeps_the_line_readable():
    day = date(2026, 1, 1)
    assert choose_bucket([day] * 10, 120) is Bucket.EVENT
    daily_half_year = [day + timedelta(days=i) for i in range(180)]
    assert choose_bucket(daily_half_year, 120) is Bucket.WEEK
    daily_five_years = [day + timedelta(days=i) for i in range(5 * 365)]
    assert choose_bucket(daily_five_years, 120) is Bucket.MONTH


def test_aggregate_means_per_week():
    ratings = [(date(2026, 3, 2), 4, "a"), (date(2026, 3, 4), 6, "b"),
               (date(2026, 3, 9), 7, "c")]
    points = aggregate(ratings, Bucket.WEEK)
    assert [(p.day, p.value, p.count, p.event_id) for p in points] == [
        (date(2026, 3, 2), 5.0, 2, None), (date(2026, 3, 9), 7.0, 1, None)]
    single = aggregate(ratings, Bucket.EVENT)
    assert [p.event_id for p in single] == ["a", "b", "c"]


def test_group_markers_counts_per_kind_and_bucket():
    marks = [(date(2026, 3, 2), "setback", "x"), (date(2026, 3, 3), "setback", "y"),
             (date(2026, 3, 3), "milestone", "z")]
    grouped = group_markers(marks, Bucket.MONTH)
    assert [(m.kind, m.count, m.event_id) for m in grouped] == [
        ("milestone", 1, "z"), ("setback", 2, None)]


def test_build_trend_at_scale_stays_small():
    start = date(2020, 1, 1)
    points = [TrustPoint(str(i), (start + timedelta(days=i // 20)).isoformat(), "note",
                         i % 11, None) for i in range(50_000)]
    points.append(TrustPoint("m", "2021-06-01T20:00:00+02:00", "milestone", None, None))
    trend = build_trend(points)
    assert trend.bucket is not Bucket.EVENT
    assert 0 < len(trend.series["a"]) <= 120 and trend.series["b"] == []
    assert [m.kind for m in trend.markers] == ["milestone"]
    assert all(0 <= p.value <= 10 for p in trend.series["a"])


def test_empty_trend():
    trend = build_trend([])
    assert trend.is_empty and trend.span() is None
