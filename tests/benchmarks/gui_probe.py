"""The GUI half of the benchmark, run in a fresh process so start-up is real.

``python -m tests.benchmarks.gui_probe bare`` shows an empty QListView;
``python -m tests.benchmarks.gui_probe timeline DATA_DIR NAME`` (recovery code
on stdin) opens the vault and shows the timeline page, then times search and
scrolling. Prints one JSON line.
"""

from __future__ import annotations

import json
import statistics
import sys
import time

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QListView

from tests.benchmarks.corpus import COMMON_TERMS, RARE_TERMS, VERY_COMMON_TERMS


def rss_mib() -> tuple[float, float]:
    """Resident memory now and at its peak, in MiB (Linux /proc)."""
    values = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0]) / 1024
    return values.get("VmRSS", 0.0), values.get("VmHWM", 0.0)


class _FirstPaint(QObject):
    """Notes that the watched widget got its first paint event."""

    def __init__(self) -> None:
        super().__init__()
        self.seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.seen = True
        return False


def _show_and_wait(app: QApplication, widget, viewport) -> tuple[float, float]:
    probe = _FirstPaint()
    viewport.installEventFilter(probe)
    shown = time.perf_counter()
    widget.show()
    while not probe.seen:
        app.processEvents()
    painted = time.perf_counter()  # processEvents returns once that paint is done
    viewport.removeEventFilter(probe)
    return shown, painted


def _settle(app: QApplication, tasks) -> None:
    """Let timers fire and background reads finish before the next measurement."""
    until = time.perf_counter() + 0.6
    while time.perf_counter() < until:
        app.processEvents()
        time.sleep(0.01)
    tasks.wait()
    app.processEvents()


def _timed_jump(app: QApplication, bar, viewport, value: int, painted: list[int]) -> float:
    """From moving the scroll bar to the new page painted: what a person waits for.

    ``repaint`` paints the whole page at once (a posted update would wait for
    the platform's frame timer); the page's rows are read, when not cached,
    inside that paint. ``painted`` counts the rows the delegate drew, so a
    jump that painted nothing is caught.
    """
    start = time.perf_counter()
    bar.setValue(value)
    viewport.repaint()
    elapsed = (time.perf_counter() - start) * 1000
    painted.append(_ROWS_PAINTED[0])
    app.processEvents()
    return elapsed


_ROWS_PAINTED = [0]


def _until_laid_out(app: QApplication, page) -> None:
    """Lay out every row now, as the batched layout does in the background while a person reads.

    Until then the scroll range covers only the rows laid out so far, and a
    jump past them would paint nothing. Untimed.
    """
    from PySide6.QtWidgets import QListView

    page.list.setLayoutMode(QListView.LayoutMode.SinglePass)
    page.list.doItemsLayout()
    app.processEvents()
    page.list.setLayoutMode(QListView.LayoutMode.Batched)


def _count_painted_rows(delegate) -> None:
    """Count the event rows the delegate paints (through its Python-side helper)."""
    kind = type(delegate)
    paint_event = kind._paint_event

    def counted(self, *args, **kwargs) -> None:
        _ROWS_PAINTED[0] += 1
        paint_event(self, *args, **kwargs)

    kind._paint_event = counted


def _search_latency(app, page, terms: tuple[str, ...]) -> list[float]:
    from rebuild_desktop.services.timeline import TimelineFilter

    times = []
    for term in terms * 3:
        # As typed: every prefix of three letters or more, then the word.
        for end in range(min(3, len(term)), len(term) + 1):
            start = time.perf_counter()
            page.apply_filter(TimelineFilter(search=term[:end]))
            app.processEvents()  # let the list lay out the new rows
            page.list.viewport().repaint()
            times.append((time.perf_counter() - start) * 1000)
    page.apply_filter(TimelineFilter())
    return times


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def bare(started: float) -> dict:
    app = QApplication(sys.argv[:1])
    view = QListView()
    view.resize(1280, 800)
    shown, painted = _show_and_wait(app, view, view.viewport())
    rss, peak = rss_mib()
    return {"start_to_paint_ms": (time.time() - started) * 1000,
            "show_to_paint_ms": (painted - shown) * 1000, "rss_mib": rss, "peak_mib": peak}


def timeline(started: float, data_dir: str, name: str) -> dict:
    from pathlib import Path

    from rebuild_desktop.secrets.keyring_store import SystemKeyring
    from rebuild_desktop.services.library import VaultLibrary
    from rebuild_desktop.views.sections import ChangeBus, SectionContext
    from rebuild_desktop.views.tasks import TaskRunner
    from rebuild_desktop.views.timeline import TimelinePage

    code = sys.stdin.readline().strip()
    app = QApplication(sys.argv[:1])
    vault = VaultLibrary(Path(data_dir), SystemKeyring(timeout=5)).open_with_recovery_code(
        name, code)
    tasks = TaskRunner()
    page = TimelinePage(SectionContext(vault, tasks, ChangeBus(), lambda _: None))
    page.resize(1280, 800)
    shown, painted = _show_and_wait(app, page, page.list.viewport())
    result = {"start_to_paint_ms": (time.time() - started) * 1000,
              "show_to_paint_ms": (painted - shown) * 1000}
    _settle(app, tasks)  # the chart and tags are read just after the first paint
    for label, terms in (("rare", RARE_TERMS), ("common", COMMON_TERMS),
                         ("very_common", VERY_COMMON_TERMS)):
        times = _search_latency(app, page, terms)
        result[f"search_{label}_median_ms"] = statistics.median(times)
        result[f"search_{label}_p95_ms"] = _p95(times)
        _settle(app, tasks)
    bar = page.list.verticalScrollBar()
    loading = time.perf_counter()
    while page.model.canFetchMore():  # scroll all the way down once, untimed per page
        page.model.fetchMore()
    result["load_all_ms"] = (time.perf_counter() - loading) * 1000
    viewport = page.list.viewport()
    _until_laid_out(app, page)
    _count_painted_rows(page.list.itemDelegate())
    painted: list[int] = []
    result["scroll_middle_ms"] = _timed_jump(app, bar, viewport, bar.maximum() // 2, painted)
    result["scroll_end_ms"] = _timed_jump(app, bar, viewport, bar.maximum(), painted)
    pages = []
    start = bar.maximum() // 3
    for step in range(1, 21):
        pages.append(_timed_jump(app, bar, viewport, start + step * bar.pageStep(), painted))
    if min(b - a for a, b in zip([0, *painted], painted, strict=False)) <= 0:
        raise RuntimeError("a jump painted no rows: the figure would mean nothing")
    result["page_paint_max_ms"] = max(pages)
    result["loaded_rows"] = page.model.rowCount()
    result["rss_mib"], result["peak_mib"] = rss_mib()
    tasks.wait()
    vault.close()
    return result


def main() -> None:
    started = float(sys.argv[2]) if sys.argv[1] == "bare" else float(sys.argv[4])
    result = bare(started) if sys.argv[1] == "bare" else timeline(started, sys.argv[2],
                                                                   sys.argv[3])
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
