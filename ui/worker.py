"""Long work off the GUI thread, in the spirit of Anki's ``QueryOp``.

The window says what to run and what to do with the result::

    Op(self, lambda report: open_bundle(path, ..., progress=report),
       done=self._bundle_verified, failed=self._bundle_refused,
       progress=self._show_progress).start()

``run`` gets a ``report(payload)`` callable and runs on the thread pool; it
must not touch widgets, and an SQLite connection it needs it opens itself
(a connection belongs to the thread that made it). ``done``, ``failed`` and
``progress`` always run on the GUI thread. An :class:`Op` whose owner is
destroyed is cancelled: its callbacks never run on a dead window.
"""

from __future__ import annotations

import threading
import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

Report = Callable[[Any], None]


class Cancelled(Exception):
    """Raised inside ``run`` (through :meth:`Op.check`) when the op was cancelled."""


class Op(QObject):
    """One piece of background work and what to do with its outcome on the GUI thread."""

    #: The result of ``run`` (emitted on the GUI thread after ``done`` ran).
    succeeded = Signal(object)
    #: The exception ``run`` raised (after ``failed`` ran); not emitted when cancelled.
    errored = Signal(object)
    #: Emitted last, whatever happened.
    finished = Signal()

    # Cross-thread relays: emitted on the worker, delivered queued to the slots below.
    _result = Signal(object)
    _error = Signal(object)
    _progress = Signal(object)

    _running: set["Op"] = set()

    def __init__(
        self,
        owner: QObject,
        run: Callable[[Report], Any],
        *,
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        progress: Callable[[Any], None] | None = None,
        pool: QThreadPool | None = None,
    ):
        # Not a child of ``owner``: the op outlives it if need be, so the worker never emits on a
        # deleted object; the owner's end only cancels it (its callbacks then never run).
        super().__init__()
        owner.destroyed.connect(self.cancel)
        self._run = run
        self._done = done
        self._failed = failed
        self._on_progress = progress
        self._pool = pool or QThreadPool.globalInstance()
        self._cancel = threading.Event()
        self._result.connect(self._deliver_result)
        self._error.connect(self._deliver_error)
        self._progress.connect(self._deliver_progress)

    # ------------------------------------------------------------ control

    def start(self) -> "Op":
        Op._running.add(self)
        self._pool.start(_Runnable(self))
        return self

    @Slot()
    def cancel(self) -> None:
        """Ask ``run`` to stop at its next :meth:`check`; no callback runs afterwards."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Called from ``run`` between steps: raises :class:`Cancelled` once cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    # ------------------------------------------------------------ worker side

    def _work(self) -> None:
        try:
            result = self._run(self._report)
        except Cancelled:
            self._safe_emit("_error", Cancelled())
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the window
            exc.__dict__.setdefault("worker_traceback", traceback.format_exc())
            self._safe_emit("_error", exc)
        else:
            self._safe_emit("_result", result)

    def _report(self, payload: Any) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self._safe_emit("_progress", payload)

    def _safe_emit(self, signal: str, payload: Any) -> None:
        try:
            getattr(self, signal).emit(payload)
        except RuntimeError:  # the owner (and this object with it) was deleted meanwhile
            Op._running.discard(self)

    # ------------------------------------------------------------ GUI side

    @Slot(object)
    def _deliver_progress(self, payload: Any) -> None:
        if not self.cancelled and self._on_progress is not None:
            self._on_progress(payload)

    @Slot(object)
    def _deliver_result(self, result: Any) -> None:
        try:
            if not self.cancelled:
                if self._done is not None:
                    self._done(result)
                self.succeeded.emit(result)
        finally:
            self._finish()

    @Slot(object)
    def _deliver_error(self, error: BaseException) -> None:
        try:
            if not self.cancelled and not isinstance(error, Cancelled):
                if self._failed is not None:
                    self._failed(error)
                else:
                    raise error
                self.errored.emit(error)
        finally:
            self._finish()

    def _finish(self) -> None:
        Op._running.discard(self)
        self.finished.emit()
        self.deleteLater()


class _Runnable(QRunnable):
    def __init__(self, op: Op):
        super().__init__()
        self._op = op
        self.setAutoDelete(True)

    def run(self) -> None:
        self._op._work()


def wait_for_all(timeout_ms: int = 30000) -> bool:
    """Wait for every op on the global pool (used when the app quits)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
