"""Start-up of the built app (dist/judge-app, PyInstaller) against the same app run from the venv.

Each run is a fresh process opening the same bundle, as a double-click does, timed from just
before the process is started to two marks the app itself records (``DLG_SMOKE_SCREENSHOT``, the
smoke test's hook in ui/app.py): the main window's first paint ("window shown") and the bundle
verified and its judging page shown ("bundle open"). The hook then grabs the window and quits;
that part is not timed. The judge is a returning one (key made, secretariat key pinned, workspace
there); one warm-up run of each is not counted; runs alternate between the two.

    make dist
    .venv/bin/python bench/bench_frozen_startup.py [--entries 120] [--runs 7] [--platform offscreen]

Prints the median (min, max) of each and the ratio frozen / venv.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def frozen_program() -> Path:
    if sys.platform == "win32":
        return ROOT / "dist" / "judge-app" / "judge-app.exe"
    if sys.platform == "darwin":
        return ROOT / "dist" / "judge-app.app" / "Contents" / "MacOS" / "judge-app"
    return ROOT / "dist" / "judge-app" / "judge-app"


def run(command: list[str], env: dict[str, str], shot: Path) -> dict[str, float]:
    """Seconds from just before the process starts to the marks its hook wrote."""
    shot.with_suffix(".json").unlink(missing_ok=True)
    start = time.time()
    result = subprocess.run(command, env={**env, "DLG_SMOKE_SCREENSHOT": str(shot)}, capture_output=True,
                            text=True, timeout=300)
    ended = time.time()
    info_path = shot.with_suffix(".json")
    if result.returncode != 0 or not info_path.exists():
        raise SystemExit(f"{command[0]} failed ({result.returncode}):\n{result.stderr[-2000:]}")
    info = json.loads(info_path.read_text("utf-8"))
    if info.get("error") or "opened" not in info:
        raise SystemExit(f"the bundle did not open: {info}")
    return {"shown": info["shown"] - start, "opened": info["opened"] - start, "exit": ended - start}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=120)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = parser.parse_args()
    frozen = frozen_program()
    if not frozen.exists():
        raise SystemExit(f"no build at {frozen}: run make dist first")

    from bench_startup import make_bundle  # the same 'every entry for J01' bundle as bench_startup.py
    from judge_app.judging import JudgeSession

    with tempfile.TemporaryDirectory(prefix="dlg-bench-frozen-") as scratch:
        folder = Path(scratch)
        bundle = make_bundle(folder, args.entries)
        data = folder / "judge-data"
        with JudgeSession.open(bundle, data_dir=data) as session:  # a returning judge
            session.create_key("bench passphrase 2565")
        env = {**os.environ, "QT_QPA_PLATFORM": args.platform, "DLG_JUDGE_DATA": str(data)}
        programs = {"frozen (dist/judge-app)": [str(frozen), str(bundle)],
                    "venv (python main.py)": [sys.executable, str(ROOT / "main.py"), str(bundle)]}
        times: dict[str, list[dict[str, float]]] = {label: [] for label in programs}
        for number in range(args.runs + 1):
            for label, command in programs.items():
                marks = run(command, env, folder / "shot.png")
                if number:  # run 0 warms the disk cache and the venv's .pyc files
                    times[label].append(marks)

    print(f"start-up, {args.entries}-entry bundle given as a file association does, median of {args.runs} runs "
          f"(platform {args.platform}, {os.cpu_count()} CPUs)")
    print(f"{'seconds: median (min–max)':<26}{'window shown':>22}{'bundle open':>22}{'process exit':>22}")
    medians: dict[str, dict[str, float]] = {}
    for label, runs in times.items():
        medians[label] = {mark: statistics.median(r[mark] for r in runs) for mark in ("shown", "opened", "exit")}
        cells = "".join(f"{medians[label][mark]:.3f} ({min(r[mark] for r in runs):.2f}–"
                        f"{max(r[mark] for r in runs):.2f})".rjust(22) for mark in ("shown", "opened", "exit"))
        print(f"{label:<26}{cells}")
    frozen_label, venv_label = programs
    ratio = {mark: medians[frozen_label][mark] / medians[venv_label][mark] for mark in ("shown", "opened")}
    print("(process exit includes the hook's 0.5 s wait and the grab)")
    print(f"ratio frozen / venv: window shown {ratio['shown']:.2f}x, bundle open {ratio['opened']:.2f}x")


if __name__ == "__main__":
    main()
