"""Run every benchmark under bench/ and print one table: time, floor, ratio and peak memory of each.

    .venv/bin/python bench/run_all.py             # full sizes (several minutes)
    .venv/bin/python bench/run_all.py --quick     # small sizes: checks every benchmark still runs (~30 s)
    .venv/bin/python bench/run_all.py --only merge --only scale --markdown

Each benchmark runs in a fresh process of its own (this script again, with
``--child NAME``): Qt starts once per process, one benchmark's caches do not
warm the next, and the peak resident memory reported is that benchmark's own
(the largest of its process and the processes it started). A benchmark module
takes part by exposing ``figures(quick=False) -> list[_common.Figure]``; one
that does not is run as a script when this file knows how to read its output
(bench_frozen_startup.py), and otherwise listed as "run it separately".
Columns: time and floor (the same work done by the raw libraries), their
ratio, the Python memory the benchmark traced (tracemalloc) and the process's
peak resident memory; the note says how each time was taken.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import re
import resource
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from _common import Figure, emit_figures, peak_rss_mib, print_figures, read_figures, seconds_text  # noqa: E402

#: Cheap ones first, so a quick run shows trouble early; any other bench_*.py follows in name order.
ORDER = ("bench_thai_text", "bench_score_sheets", "bench_merge", "bench_startup", "bench_frozen_startup",
         "bench_judge_scale")
SKIPPED = "skipped: "


def benchmark_names() -> list[str]:
    found = sorted(path.stem for path in BENCH.glob("bench_*.py"))
    return [name for name in ORDER if name in found] + [name for name in found if name not in ORDER]


def has_figures(name: str) -> bool:
    """Whether the module exposes figures() (read from its text: importing it may start Qt)."""
    return re.search(r"^def figures\(", (BENCH / f"{name}.py").read_text("utf-8"), re.MULTILINE) is not None


# ---------------------------------------------------------------- scripts without figures()


def frozen_startup(quick: bool) -> list[Figure]:
    """bench_frozen_startup.py run as a script; its medians read back from what it prints."""
    args = ["--entries", "20", "--runs", "1"] if quick else []
    result = subprocess.run([sys.executable, str(BENCH / "bench_frozen_startup.py"), *args],
                            capture_output=True, text=True, timeout=3600)
    output = result.stdout + result.stderr
    if result.returncode != 0:
        if "no build at" in output:
            return [Figure("frozen start-up (dist/judge-app)", None, note=SKIPPED + "no build; run make dist first")]
        raise RuntimeError(f"bench_frozen_startup.py failed ({result.returncode}): {output.strip()[-500:]}")
    medians = {}
    for line in result.stdout.splitlines():
        label = line.split(" ", 1)[0]
        if label in ("frozen", "venv"):
            # "frozen (dist/judge-app)   0.240 (0.23–0.25)   0.520 (0.50–0.55)   …": window shown, bundle open, exit
            medians[label] = [float(v) for v in re.findall(r"(\d+\.\d+) \(", line)]
    if set(medians) != {"frozen", "venv"} or min(len(v) for v in medians.values()) < 2:
        raise RuntimeError(f"cannot read bench_frozen_startup.py's output:\n{result.stdout[-800:]}")
    runs = "1 run" if quick else "median of its runs"
    return [Figure(f"frozen start-up: {what}", medians["frozen"][column], medians["venv"][column],
                   note=f"{runs}; floor: the same app run from the venv")
            for column, what in ((0, "window shown"), (1, "bundle open"))]


ADAPTERS = {"bench_frozen_startup": frozen_startup}


# ---------------------------------------------------------------- one benchmark, in its own process


def child(name: str, quick: bool) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if has_figures(name):
        figures = importlib.import_module(name).figures(quick=quick)
    else:
        figures = ADAPTERS[name](quick)
    rss = max(peak_rss_mib(), peak_rss_mib(resource.getrusage(resource.RUSAGE_CHILDREN)))
    for figure in figures:
        if figure.rss_mib is None and not figure.note.startswith(SKIPPED):
            figure.rss_mib = rss
    emit_figures(figures)


def run_one(name: str, quick: bool, verbose: bool) -> tuple[list[Figure], bool]:
    """(the benchmark's rows, whether it ran); a failure becomes one row saying why."""
    if not has_figures(name) and name not in ADAPTERS:
        return [Figure(name, None, note=SKIPPED + f"no figures(); run it separately: bench/{name}.py")], True
    command = [sys.executable, str(Path(__file__).resolve()), "--child", name] + (["--quick"] if quick else [])
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    try:
        result = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600 if quick else 7200)
    except subprocess.TimeoutExpired:
        return [Figure(name, None, note="FAILED: timed out")], False
    if verbose:
        print(result.stdout, end="", file=sys.stderr)
    figures = read_figures(result.stdout)
    if result.returncode != 0 or figures is None:
        last = (result.stderr.strip() or result.stdout.strip() or "no output").splitlines()[-1]
        return [Figure(name, None, note=f"FAILED (exit {result.returncode}): {last[:200]}")], False
    return figures, True


def markdown(figures: list[Figure]) -> str:
    lines = ["| benchmark | time | floor | ratio | py peak MiB | RSS peak MiB | how |", "|---|--:|--:|--:|--:|--:|---|"]
    for f in figures:
        ratio = f"{f.ratio:.1f}x" if f.ratio is not None else "—"
        traced = f"{f.traced_mib:.1f}" if f.traced_mib is not None else "—"
        rss = f"{f.rss_mib:.0f}" if f.rss_mib is not None else "—"
        lines.append(f"| {f.name} | {seconds_text(f.seconds)} | {seconds_text(f.floor)} | {ratio} | {traced} | {rss} "
                     f"| {f.note.replace('|', '/')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run of every benchmark")
    parser.add_argument("--only", action="append", default=[], metavar="PART",
                        help="run only benchmarks whose name contains PART (may be repeated)")
    parser.add_argument("--markdown", action="store_true", help="print the table in Markdown")
    parser.add_argument("--verbose", action="store_true", help="also show what each benchmark prints")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child, args.quick)
        return 0
    names = [n for n in benchmark_names() if not args.only or any(part in n for part in args.only)]
    started = time.perf_counter()
    rows: list[Figure] = []
    failed = []
    for name in names:
        start = time.perf_counter()
        print(f"running {name}{' (quick)' if args.quick else ''}…", file=sys.stderr, flush=True)
        figures, ok = run_one(name, args.quick, args.verbose)
        rows += figures
        if not ok:
            failed.append(name)
        print(f"  {name}: {time.perf_counter() - start:.1f} s{'' if ok else ' FAILED'}", file=sys.stderr, flush=True)
    import PySide6

    title = (f"benchmarks, {'quick' if args.quick else 'full'} sizes — {datetime.now():%Y-%m-%d %H:%M}, "
             f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"PySide6 {PySide6.__version__}, Qt platform {os.environ.get('QT_QPA_PLATFORM', 'offscreen')}; "
             f"{time.perf_counter() - started:.0f} s in all")
    if args.markdown:
        print(title + "\n\n" + markdown(rows))
    else:
        print_figures(rows, title)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
