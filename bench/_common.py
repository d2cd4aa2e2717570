"""What the benchmarks share: timing, memory readings, and the figures they hand to bench/run_all.py.

Every benchmark module keeps its own ``main()`` (run it alone for its full
printout) and also exposes ``figures(quick=False) -> list[Figure]``: the rows
it contributes to the one table ``bench/run_all.py`` prints. A :class:`Figure`
is one measured thing: our time, the floor's time (the same work done by the
raw libraries; ``None`` when there is no fair floor) and peak memory.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
for _path in (str(ROOT), str(ROOT / "bench")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

#: The line a benchmark run by run_all.py prints its figures on (JSON after the marker).
FIGURES_MARKER = "BENCH-FIGURES "


@dataclass
class Figure:
    """One row of the table: what was measured, in seconds, against its floor."""

    name: str
    seconds: float | None
    floor: float | None = None
    #: Peak memory the benchmark traced for this work with tracemalloc (Python objects), MiB.
    traced_mib: float | None = None
    #: Peak resident memory of the process that did the work, MiB (set by the benchmark or the runner).
    rss_mib: float | None = None
    #: How ``seconds`` was taken (best of 3, median of 7, median per keystroke…) and anything else worth saying.
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.seconds is None or not self.floor:
            return None
        return self.seconds / self.floor

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Figure":
        return cls(**{k: data.get(k) for k in ("name", "seconds", "floor", "traced_mib", "rss_mib")},
                   note=data.get("note") or "")


def best_of(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Best wall time of ``repeat`` runs of ``work`` and the last run's result."""
    best = float("inf")
    result = None
    for _ in range(max(1, repeat)):
        start = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - start)
    return best, result


def traced_peak_mib(work: Callable[[], Any]) -> float:
    """Peak Python memory (tracemalloc) of one more run of ``work``, MiB. Slow: never time this run."""
    was_tracing = tracemalloc.is_tracing()
    if not was_tracing:
        tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    work()
    peak = tracemalloc.get_traced_memory()[1] - base
    if not was_tracing:
        tracemalloc.stop()
    return peak / 2**20


def peak_rss_mib(usage: Any = None) -> float:
    """Peak resident memory of this process (or of a ``resource.struct_rusage``), MiB."""
    usage = usage or resource.getrusage(resource.RUSAGE_SELF)
    # Linux gives KiB, macOS bytes.
    return usage.ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10)


def rss_now_mib() -> float:
    """Resident memory of this process right now, MiB (Linux /proc; elsewhere the peak)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return peak_rss_mib()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def median_ms(values: Iterable[float]) -> str:
    values = list(values)
    return f"{statistics.median(values) * 1000:.1f} ms" if values else "—"


def emit_figures(figures: list[Figure]) -> None:
    """Print the figures on one marked line, for the runner to read."""
    print(FIGURES_MARKER + json.dumps([f.to_json() for f in figures], ensure_ascii=False), flush=True)


def read_figures(stdout: str) -> list[Figure] | None:
    """The figures a benchmark printed with :func:`emit_figures`, or None if it printed none."""
    for line in reversed(stdout.splitlines()):
        if line.startswith(FIGURES_MARKER):
            return [Figure.from_json(item) for item in json.loads(line[len(FIGURES_MARKER):])]
    return None


def seconds_text(value: float | None) -> str:
    """A duration as people read it: 0.8 ms, 42 ms, 1.37 s."""
    if value is None:
        return "—"
    if value < 0.01:
        return f"{value * 1000:.2f} ms"
    if value < 1:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def print_figures(figures: list[Figure], title: str = "") -> None:
    """The figures as a plain table (each benchmark's own ``main`` may print more)."""
    if title:
        print(title)
    width = max([len(f.name) for f in figures] + [9])
    print(f"{'benchmark':<{width}}  {'time':>9}  {'floor':>9}  {'ratio':>7}  {'py MiB':>7}  {'RSS MiB':>7}  note")
    for f in figures:
        ratio = f"{f.ratio:.1f}x" if f.ratio is not None else "—"
        traced = f"{f.traced_mib:.1f}" if f.traced_mib is not None else "—"
        rss = f"{f.rss_mib:.0f}" if f.rss_mib is not None else "—"
        print(f"{f.name:<{width}}  {seconds_text(f.seconds):>9}  {seconds_text(f.floor):>9}  {ratio:>7}  "
              f"{traced:>7}  {rss:>7}  {f.note}")


# ================================================================ timing work in a Qt window


def timed(work: Callable[[], Any]) -> float:
    """Wall seconds of one run of ``work``."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


class QtDriver:
    """Runs the event loop until something happens, as the application's own loop would."""

    def __init__(self, app: Any):
        from PySide6.QtCore import QEvent

        self.app = app
        self._deferred_delete = QEvent.Type.DeferredDelete

    def settle(self) -> None:
        """What the event loop does between two inputs: posted events, then deferred deletes."""
        self.app.processEvents()
        self.app.sendPostedEvents(None, self._deferred_delete)
        self.app.processEvents()

    def run_until(self, predicate: Callable[[], Any], timeout: float = 120.0, what: str = "") -> None:
        """Run a real event loop (not a busy one: workers keep the CPU) until ``predicate()`` holds."""
        from PySide6.QtCore import QEventLoop, QTimer

        if predicate():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(2)
        poll.timeout.connect(lambda: loop.quit() if predicate() else None)
        give_up = QTimer()
        give_up.setSingleShot(True)
        give_up.timeout.connect(loop.quit)
        poll.start()
        give_up.start(int(timeout * 1000))
        loop.exec()
        poll.stop()
        give_up.stop()
        if not predicate():
            raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what or predicate}")

    @staticmethod
    def first_paint(widget: Any) -> Any:
        """An object whose ``at`` becomes the time of ``widget``'s next paint."""
        from PySide6.QtCore import QEvent, QObject

        class Watch(QObject):
            at: float | None = None

            def eventFilter(self, obj, event):  # noqa: N802 - Qt's name
                if event.type() == QEvent.Type.Paint and self.at is None:
                    self.at = time.perf_counter()
                return False

        watch = Watch(widget)
        widget.installEventFilter(watch)
        return watch

    @staticmethod
    def stall_meter() -> tuple[Any, dict[str, float]]:
        """A 5 ms ticker and its state; ``state["longest"]`` is the longest the GUI thread did not answer."""
        from PySide6.QtCore import QTimer

        timer = QTimer()
        timer.setInterval(5)
        state = {"last": time.perf_counter(), "longest": 0.0}

        def tick() -> None:
            now = time.perf_counter()
            state["longest"] = max(state["longest"], now - state["last"])
            state["last"] = now

        timer.timeout.connect(tick)
        timer.start()
        return timer, state


class Profiler:
    """cProfile around named phases when asked; prints the top of each to stderr."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.profile: Any = None
        self.phase = ""

    def start(self, phase: str) -> None:
        if self.enabled:
            import cProfile

            self.phase = phase
            self.profile = cProfile.Profile()
            self.profile.enable()

    def stop(self) -> None:
        if self.enabled and self.profile is not None:
            import io
            import pstats

            self.profile.disable()
            out = io.StringIO()
            pstats.Stats(self.profile, stream=out).sort_stats("cumulative").print_stats(22)
            print(f"--- profile: {self.phase}\n{out.getvalue()}", file=sys.stderr)
            self.profile = None
