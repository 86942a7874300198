"""Run slow work off the GUI thread and deliver its result or its error back.

Key derivation, keyring calls, import, export, backup and restore all go
through ``TaskRunner.run``. The callbacks always run on the GUI thread. A
worker that needs the database opens its own connection. Tests use
``TaskRunner(immediate=True)``, which runs each task at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Progress = Callable[[int, int], None]


class _Relay(QObject):
    """Lives on the GUI thread. The worker emits its signals; because the
    receiving slots belong to this GUI-thread object, Qt queues the calls onto
    the GUI thread (a bare lambda would run on the worker instead)."""

    done = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)

    def __init__(self, on_done: Callable[[Any], None], on_error: Callable[[BaseException], None],
                 on_progress: Callable[[int, int], None] | None,
                 finished: Callable[[_Relay], None]) -> None:
        super().__init__()
        self._on_done, self._on_error, self._on_progress = on_done, on_error, on_progress
        self._finished = finished
        self.done.connect(self._deliver_result)
        self.failed.connect(self._deliver_error)
        self.progressed.connect(self._deliver_progress)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        self._finished(self)
        self._on_done(result)

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        self._finished(self)
        self._on_error(error)

    @Slot(int, int)
    def _deliver_progress(self, done: int, total: int) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total)


class _Job(QRunnable):
    def __init__(self, fn: Callable[..., Any], relay: _Relay, wants_progress: bool) -> None:
        super().__init__()
        self._fn, self._relay, self._wants_progress = fn, relay, wants_progress

    def run(self) -> None:
        try:
            if self._wants_progress:
                result = self._fn(progress=self._relay.progressed.emit)
            else:
                result = self._fn()
        except BaseException as error:  # handed to on_error on the GUI thread
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Runs callables on a thread pool and calls back on the GUI thread.

    Signals:
        busy_changed(bool): whether any task is running, for a progress hint.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, immediate: bool = False,
                 pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self._immediate = immediate
        self._pool = pool or QThreadPool.globalInstance()
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def run(
        self,
        fn: Callable[..., Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
        on_progress: Callable[[int, int], None] | None = None,
    ) -> None:
        """Run ``fn`` in the pool; with ``on_progress``, ``fn`` gets ``progress=``."""
        if self._immediate:
            self._run_now(fn, on_done, on_error, on_progress)
            return
        was_busy = self.busy
        relay = _Relay(on_done, on_error, on_progress, self._finished)
        self._relays.add(relay)
        if not was_busy:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay, on_progress is not None))

    def _finished(self, relay: _Relay) -> None:
        self._relays.discard(relay)
        relay.deleteLater()
        if not self.busy:
            self.busy_changed.emit(False)

    @staticmethod
    def _run_now(fn: Callable[..., Any], on_done: Callable[[Any], None],
                 on_error: Callable[[BaseException], None],
                 on_progress: Callable[[int, int], None] | None) -> None:
        try:
            result = fn(progress=on_progress) if on_progress is not None else fn()
        except BaseException as error:
            on_error(error)
        else:
            on_done(result)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every running task (used at quit and in tests)."""
        return self._pool.waitForDone(msecs)
