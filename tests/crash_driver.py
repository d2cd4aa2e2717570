"""The process the crash suite kills: it works through the real core at full speed.

Run as ``python tests/crash_driver.py MODE ...``. Every line it prints is
flushed at once, in one write, so the parent can trust what it reads even
after a SIGKILL:

``doing <json>``
    the next change, printed *before* the core call (the parent's "in flight").
``ack <json>``
    printed only *after* the core call returned: the app would now show the
    change as saved, so it must survive the kill.

Modes:

``workspace BUNDLE DATA_DIR SEED``
    a random mix of scores (one or several criteria in one call), cleared
    scores, comments, conflict declarations and withdrawals (some restoring
    the set-aside scores), forever.
``export BUNDLE DATA_DIR DESTINATION PASSPHRASE SEED``
    alternately changes one score and exports the score file to
    DESTINATION (always the same path), forever.
``merge CONTEST_DB FILE...``
    one :func:`judge_app.merge.merge_files` call over all files; an ``ack``
    after each file (the progress callback runs after a file was merged or
    rejected), then ``finished``.

The parent's side (:class:`Driver`, :func:`run_and_kill`) starts it, reads
those lines and kills it; it lives here so the lines are written and read in
one place.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

#: Entries the workspace mode works on: few, so the same fields are overwritten again and again.
ACTIVE_ENTRIES = 8
COMMENTS = ["ใช้งานได้จริงทั้งตำบล", "ควรขยายผลไปยังชุมชนอื่น", "ข้อมูลประกอบยังไม่ครบ", "Good public value"]


def say(kind: str, data: object) -> None:
    sys.stdout.write(f"{kind} {json.dumps(data, ensure_ascii=False, separators=(',', ':'))}\n")
    sys.stdout.flush()


def allowed_values(rubric) -> dict[str, list[str]]:
    from judge_app.decimals import decimal_str

    return {c.id: [decimal_str(v) for v in c.allowed_scores()] for c in rubric.criteria}


def next_workspace_change(rng: random.Random, ws, entries: list[str], values: dict[str, list[str]], n: int) -> dict:
    """A change the workspace accepts as it stands (no score on an entry under conflict)."""
    entry = rng.choice(entries)
    in_conflict = ws.conflict_reason(entry) is not None
    roll = rng.random()
    if in_conflict and roll < 0.6:
        restore = None
        if rng.random() < 0.5:
            chosen = rng.sample(sorted(values), rng.randint(1, len(values)))
            restore = {c: rng.choice(values[c]) for c in chosen}
        return {"op": "withdraw", "entry": entry, "restore": restore}
    if roll < 0.12:
        text = rng.choice(COMMENTS) + f" #{n}" if rng.random() < 0.85 else rng.choice(["", "   "])
        criterion = None if rng.random() < 0.4 else rng.choice(sorted(values))
        return {"op": "comment", "entry": entry, "criterion": criterion, "text": text}
    if in_conflict:
        return {"op": "withdraw", "entry": entry, "restore": None}
    if roll < 0.19:
        return {"op": "conflict", "entry": entry, "reason": rng.choice(["เคยเป็นที่ปรึกษา", " ญาติทำงานที่นี่ ", ""])}
    if roll < 0.34:
        chosen = rng.sample(sorted(values), rng.randint(2, len(values)))
        return {"op": "scores", "entry": entry,
                "values": {c: (None if rng.random() < 0.1 else rng.choice(values[c])) for c in chosen}}
    criterion = rng.choice(sorted(values))
    value = None if rng.random() < 0.08 else rng.choice(values[criterion])
    return {"op": "score", "entry": entry, "criterion": criterion, "value": value}


def apply_change(ws, change: dict) -> None:
    op, entry = change["op"], change["entry"]
    if op == "score":
        ws.set_score(entry, change["criterion"], change["value"])
    elif op == "scores":
        ws.set_scores(entry, change["values"])
    elif op == "comment":
        ws.set_comment(entry, change["criterion"], change["text"])
    elif op == "conflict":
        ws.declare_conflict(entry, change["reason"])
    elif op == "withdraw":
        ws.withdraw_conflict(entry, restore_scores=change["restore"])
    else:
        raise ValueError(op)


def run_workspace(bundle: str, data_dir: str, seed: str) -> None:
    from judge_app.judging import JudgeSession

    rng = random.Random(int(seed))
    session = JudgeSession.open(Path(bundle), data_dir=Path(data_dir))
    ws = session.workspace
    entries = list(session.bundle.entry_ids)[:ACTIVE_ENTRIES]
    values = allowed_values(session.bundle.round.rubric)
    say("ready", {"seed": int(seed)})
    n = 0
    while True:
        change = next_workspace_change(rng, ws, entries, values, n)
        say("doing", change)
        apply_change(ws, change)
        say("ack", change)
        n += 1


def run_export(bundle: str, data_dir: str, destination: str, passphrase: str, seed: str) -> None:
    from judge_app.judging import JudgeSession
    from judge_app.scorefile import export_score_file

    rng = random.Random(int(seed))
    session = JudgeSession.open(Path(bundle), data_dir=Path(data_dir))
    key = session.unlock(passphrase)
    ws = session.workspace
    values = allowed_values(session.bundle.round.rubric)
    entries = list(session.bundle.entry_ids)
    say("ready", {"seed": int(seed)})
    while True:
        entry, criterion = rng.choice(entries), rng.choice(sorted(values))
        change = {"op": "score", "entry": entry, "criterion": criterion, "value": rng.choice(values[criterion])}
        say("doing", change)
        apply_change(ws, change)
        say("ack", change)
        say("doing", {"op": "export"})
        result = export_score_file(ws, key, Path(destination), allow_incomplete=True)
        say("ack", {"op": "export", "sequence": result.sequence, "sha256": result.sha256})


def run_merge(contest_db: str, *files: str) -> None:
    from judge_app.merge import merge_files
    from judge_app.secretariat import ContestDatabase

    db = ContestDatabase.open(Path(contest_db))
    say("ready", {"files": len(files)})
    merge_files(db, [Path(f) for f in files], progress=lambda done, total: say("ack", {"done": done}))
    say("finished", {})


# ---------------------------------------------------------------- the parent's side


class Driver:
    """A crash_driver.py process; its lines are read on a thread so the parent can kill at any moment."""

    def __init__(self, *args: object, kill_on_line=None):
        self.started = time.monotonic()
        self.lines: list[tuple[str, dict]] = []
        self.ready_after: float | None = None
        self.finished_after: float | None = None
        self._kill_on_line = kill_on_line
        self._stderr = tempfile.TemporaryFile("w+")
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), *map(str, args)],
            stdout=subprocess.PIPE, stderr=self._stderr, text=True, encoding="utf-8",
            env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith("\n"):
                break  # cut short by the kill: never acknowledged
            kind, _, payload = raw.rstrip("\n").partition(" ")
            self.lines.append((kind, json.loads(payload)))
            if kind == "ready":
                self.ready_after = time.monotonic() - self.started
            if kind == "finished":
                self.finished_after = time.monotonic() - self.started
            if self._kill_on_line is not None and self._kill_on_line(self, kind):
                self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()  # SIGKILL on POSIX: no handler, no cleanup, no flush

    def finish(self, *, timeout: float = 60) -> bool:
        """Wait for the end; True if it was killed, False if it finished on its own."""
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            self.proc.wait()
            raise AssertionError("the crash driver neither finished nor was killed in time")
        self._reader.join()
        self.proc.stdout.close()
        self._stderr.seek(0)
        errors = self._stderr.read()
        self._stderr.close()
        killed = self.proc.returncode == (-9 if os.name == "posix" else 1)
        assert killed or self.proc.returncode == 0, f"the crash driver failed by itself:\n{errors}"
        return killed

    def of(self, kind: str) -> list[dict]:
        return [data for k, data in self.lines if k == kind]

    def in_flight(self) -> dict | None:
        """The change announced but not acknowledged when the process died, if any."""
        doing, acked = self.of("doing"), self.of("ack")
        return doing[len(acked)] if len(doing) > len(acked) else None


def spin(seconds: float) -> None:
    """Wait a fraction of a millisecond (sleep is too coarse for it)."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def kill_after_announced(kind_wanted: str, count: int, jitter: float, match=lambda data: True):
    """A kill_on_line hook: kill ``jitter`` seconds after the ``count``-th matching line was read."""
    seen = {"n": 0}

    def hook(driver: Driver, kind: str) -> bool:
        if kind != kind_wanted or not match(driver.lines[-1][1]):
            return False
        seen["n"] += 1
        if seen["n"] != count:
            return False
        spin(jitter)
        return True

    return hook


def run_and_kill(rng: random.Random, *args: object, timed_window: float, announced: str,
                 announced_match=lambda data: True, max_count: int = 150, jitter: float = 0.0002) -> Driver:
    """Start the driver and SIGKILL it at a random moment of one of two kinds (chosen by ``rng``).

    ``timed``: after a random delay from the start (start-up and opening included);
    ``in-call``: a random ``jitter`` (a fraction of a core call's time) after the
    k-th ``announced`` line was read, which lands inside or right around a core call.
    """
    if rng.random() < 0.5:
        driver = Driver(*args)
        time.sleep(rng.uniform(0, timed_window))
        driver.kill()
    else:
        hook = kill_after_announced(announced, rng.randint(1, max_count), rng.uniform(0, jitter), announced_match)
        driver = Driver(*args, kill_on_line=hook)
    driver.finish()
    return driver


if __name__ == "__main__":
    mode, *arguments = sys.argv[1:]
    {"workspace": run_workspace, "export": run_export, "merge": run_merge}[mode](*arguments)
