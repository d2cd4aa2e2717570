"""The one benchmark command (bench/run_all.py) runs every benchmark and prints one table.

A smoke run at the quick sizes (about half a minute): each benchmark must still
run against today's code and hand back its rows with a time, and a floor where
it has one. No timing is asserted: CI machines differ; the figures are for
people (`.venv/bin/python bench/run_all.py` for the full sizes).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUNNER = ROOT / "bench" / "run_all.py"

#: Every benchmark module and the start of the rows it must give (its quick sizes are in its figures()).
EXPECTED = {
    "bench_thai_text": ["Thai comments PDF, 30 comments", "Thai wrap, 30 comments"],
    "bench_score_sheets": ["score sheets PDF, 20 entries"],
    "bench_merge": ["merge 200 entries x 3 judges"],
    "bench_startup": ["start-up: start page shown", "start-up: 20-entry bundle open, list shown"],
    "bench_judge_scale": [
        "scale 200: open bundle → list shown", "scale 200: search keystroke", "scale 200: status filter change",
        "scale 200: sort by a column", "scale 200: open an entry", "scale 200: score one criterion",
        "scale 200: scroll the list a page", "scale 200: view 20 entries (memory)",
    ],
}


def table_rows(markdown: str) -> dict[str, list[str]]:
    """The Markdown table's rows by benchmark name: [time, floor, ratio, py MiB, RSS MiB, how]."""
    rows = {}
    for line in markdown.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("| ") and len(cells) == 7 and cells[0] != "benchmark":
            rows[cells[0]] = cells[1:]
    return rows


@pytest.fixture(scope="module")
def quick_run() -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(RUNNER), "--quick", "--markdown"], capture_output=True, text=True,
                          timeout=900, cwd=ROOT)


def test_every_benchmark_runs_at_the_quick_sizes_and_reports_its_figures(quick_run):
    assert quick_run.returncode == 0, quick_run.stderr[-3000:]
    rows = table_rows(quick_run.stdout)
    print(quick_run.stdout)  # the table, for anyone running with -s
    assert not [name for name, cells in rows.items() if "FAILED" in cells[-1]]
    for module, names in EXPECTED.items():
        assert f"running {module} (quick)" in quick_run.stderr
        for name in names:
            found = [row for row in rows if row.startswith(name)]
            assert found, f"{module} did not report {name!r}; rows: {list(rows)}"
    for name, (time, floor, ratio, traced, rss, how) in rows.items():
        if how.startswith("skipped: "):
            continue
        assert rss != "—" and float(rss) > 10, (name, rss)  # every benchmark's process memory is read
        if "(memory)" in name:
            assert traced != "—" and "RSS" in how, (name, how)
            continue
        assert time.endswith(("ms", " s")), (name, time)
        if floor != "—":
            assert ratio.endswith("x") and float(ratio[:-1]) > 0, (name, ratio)


def load_runner():
    spec = importlib.util.spec_from_file_location("run_all", RUNNER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_runner_takes_every_benchmark_and_lists_one_it_cannot_run(tmp_path, monkeypatch):
    run_all = load_runner()
    names = run_all.benchmark_names()
    assert sorted(names) == sorted(path.stem for path in RUNNER.parent.glob("bench_*.py"))
    assert set(EXPECTED) <= set(names)
    for name in names:  # a new benchmark must expose figures() (or the runner must know how to read it)
        assert run_all.has_figures(name) or name in run_all.ADAPTERS, f"bench/{name}.py would not be run"

    (tmp_path / "bench_by_hand.py").write_text('"""Prints its own table."""\n\ndef main():\n    pass\n', "utf-8")
    monkeypatch.setattr(run_all, "BENCH", tmp_path)
    assert run_all.benchmark_names() == ["bench_by_hand"]
    (row,), ran = run_all.run_one("bench_by_hand", quick=True, verbose=False)
    assert ran and row.seconds is None and row.note.startswith("skipped: ") and "bench/bench_by_hand.py" in row.note
    assert "| bench_by_hand | — | — | — |" in run_all.markdown([row])
