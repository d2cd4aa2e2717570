"""Start-up time of the judge window with a 300-entry bundle, against the floor of a bare Qt window.

Each run is a fresh process, timed from just before it is started to the first
paint of what the judge sees:

- floor: a bare PySide6 ``QMainWindow`` (import Qt, make the application, show
  an empty window) — no Python program can show a window faster;
- start page: the judge window (fonts, Thai translation, menus, settings);
- entries shown: the same, opening a bundle given on the command line as a file
  association does — every attachment hashed, the signature and pin checked,
  the workspace opened — until the list of 300 entries is painted.

The judge's data folder is kept between runs (a returning judge: key made,
secretariat key pinned, workspace there); one warm-up run of each is not
counted. Prints the median of each, the ratio to the floor, and the largest
peak resident memory the processes reported.

    .venv/bin/python bench/bench_startup.py [--entries 300] [--runs 7] [--platform offscreen]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import Figure  # noqa: E402

#: The last thing each process prints: its peak resident memory.
REPORT_RSS = r"""
try:
    import resource
    print("rss", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (2**20 if sys.platform == "darwin" else 2**10))
except ImportError:  # Windows
    pass
"""

FLOOR = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

app = QApplication(sys.argv[:1])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("shown", time.time(), flush=True)
            obj.removeEventFilter(self)
            QTimer.singleShot(0, app.quit)
        return False

window = QMainWindow()
window.resize(1280, 800)
watch = FirstPaint()
window.installEventFilter(watch)
window.show()
app.exec()
""" + REPORT_RSS

APP = r"""
import sys, time
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
from ui.app import prepare_app

app = prepare_app([])
from ui.judge_window import JudgeWindow

class FirstPaint(QObject):
    def __init__(self, label, then=None):
        super().__init__()
        self.label, self.then = label, then
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(self.label, time.time(), flush=True)
            obj.removeEventFilter(self)
            if self.then:
                QTimer.singleShot(0, self.then)
        return False

window = JudgeWindow()
window.resize(1280, 800)
start_watch = FirstPaint("start")
window.installEventFilter(start_watch)
watches = [start_watch]

def opened():
    watch = FirstPaint("entries", app.quit)
    watches.append(watch)
    window.page.table.viewport().installEventFilter(watch)

window.session_opened.connect(opened)
window.open_failed.connect(lambda reason: (print("failed", reason, flush=True), app.quit()))
window.show()
if len(sys.argv) > 2:  # the bundle, as a file association passes it
    QTimer.singleShot(0, lambda: window.open_bundle(sys.argv[2]))
app.exec()
""" + REPORT_RSS


def make_bundle(folder: Path, entries: int) -> Path:
    """A demo contest of ``entries`` entries, every one assigned to judge J01, in one signed bundle."""
    from judge_app.bundle import build_bundle
    from judge_app.demo import build_demo_contest
    from judge_app.keys import PrivateKey

    contest = build_demo_contest(folder / "contest", entry_count=entries)
    everything = replace(contest.rounds[0], assignments={"J01": tuple(e.id for e in contest.entries)})
    contest = replace(contest, rounds=(everything,))
    path = folder / "dlg-2565-r1-J01.dlgbundle"
    build_bundle(contest, "r1", "J01", folder / "contest", PrivateKey.generate(), path)
    return path


def run(code: str, args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from just before the process starts to each first paint it reports."""
    start = time.time()
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            timeout=300)
    marks: dict[str, float] = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "rss":
            marks["rss"] = float(parts[1])
        elif len(parts) == 2 and parts[0] in ("shown", "start", "entries"):
            marks[parts[0]] = float(parts[1]) - start
        elif parts and parts[0] == "failed":
            raise SystemExit(f"the bundle did not open: {line}")
    if result.returncode != 0 or not marks:
        raise SystemExit(f"run failed ({result.returncode}):\n{result.stderr[-2000:]}")
    return marks


def measure(entries: int, runs: int, platform: str) -> dict[str, list[float]]:
    """Seconds to each first paint (and peak RSS, MiB) of every counted run: floor, start, shown, rss."""
    with tempfile.TemporaryDirectory(prefix="dlg-bench-startup-") as scratch:
        folder = Path(scratch)
        bundle = make_bundle(folder, entries)
        print(f"bundle of {entries} entries: {bundle.stat().st_size / 2**20:.1f} MiB")
        env = {**os.environ, "QT_QPA_PLATFORM": platform, "DLG_JUDGE_DATA": str(folder / "judge-data")}
        from judge_app.judging import JudgeSession

        with JudgeSession.open(bundle, data_dir=folder / "judge-data") as session:  # a returning judge
            session.create_key("bench passphrase 2565")
        times: dict[str, list[float]] = {"floor": [], "start": [], "shown": [], "rss": [], "floor_rss": []}
        for number in range(runs + 1):
            bare = run(FLOOR, [], env)
            ours = run(APP, [str(ROOT), str(bundle)], env)
            if number == 0:
                continue  # warm-up: disk caches, .pyc files
            times["floor"].append(bare["shown"])
            times["start"].append(ours["start"])
            times["shown"].append(ours["entries"])
            times["floor_rss"].append(bare.get("rss", 0.0))
            times["rss"].append(ours.get("rss", 0.0))
    return times


def figures(quick: bool = False) -> list[Figure]:
    entries, runs = (20, 1) if quick else (300, 7)
    times = measure(entries, runs, os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    floor, rss = statistics.median(times["floor"]), max(times["rss"]) or None
    how = f"median of {runs} fresh processes; floor: a bare QMainWindow shown"
    return [Figure("start-up: start page shown", statistics.median(times["start"]), floor, rss_mib=rss, note=how),
            Figure(f"start-up: {entries}-entry bundle open, list shown", statistics.median(times["shown"]), floor,
                   rss_mib=rss, note=how + " (every attachment hashed)")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=300)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    times = measure(args.entries, args.runs, args.platform)
    print(f"start-up to first paint, {args.entries}-entry bundle, median of {args.runs} runs "
          f"(platform {args.platform})")
    print(f"{'':<34}{'median s':>9}{'min s':>8}{'max s':>8}")
    for label, values in (("floor: bare QMainWindow", times["floor"]), ("judge window: start page", times["start"]),
                          (f"judge window: {args.entries} entries shown", times["shown"])):
        print(f"{label:<34}{statistics.median(values):>9.3f}{min(values):>8.3f}{max(values):>8.3f}")
    base = statistics.median(times["floor"])
    print(f"ratio to the floor: start page {statistics.median(times['start']) / base:.1f}x, "
          f"entries shown {statistics.median(times['shown']) / base:.1f}x")
    print(f"peak resident memory: floor {max(times['floor_rss']):.0f} MiB, judge window {max(times['rss']):.0f} MiB")


if __name__ == "__main__":
    main()
