"""Crash suite: kill the real app at random moments, fill the disk, and check nothing saved is lost.

A driver process (tests/crash_driver.py) works through the core at full speed
and prints ``ack`` only after a core call returned, i.e. when the app would
show the change as saved. The parent kills it with SIGKILL at a random moment
(seeded), reopens the files and checks:

* workspace: every acknowledged change is there with its value, the one change
  in flight is there whole or not at all, nothing else changed, the database
  passes ``PRAGMA integrity_check`` and the append-only change log (triggers
  intact) replays exactly to the stored state;
* export: the destination holds the previous score file byte for byte or the
  complete new one (which verifies), and a later export succeeds with a new
  sequence;
* secretariat: a killed ``merge_files`` leaves every judge's merged scores
  those of one whole file, and finishing the merge gives the same result as an
  uninterrupted one.

Full disk is a real small tmpfs when this process may mount one (root on
Linux, as CI runs), else injected faults: SQLite's page limit for the
workspace (SQLITE_FULL) and an ENOSPC-raising file for the export.

Sizes: the default run is small; ``DLG_LONG=1 ./dev test tests/test_crash_suite.py``
runs the full counts (``DLG_CRASH_SEED`` picks another seed). The figures are
printed at the end of the module's tests.
"""

from __future__ import annotations

import errno
import hashlib
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import PASSPHRASE, IssuedRound, play_judge
from crash_driver import Driver, apply_change, run_and_kill
from judge_app.cli.support import expand_paths
from judge_app.decimals import decimal_str
from judge_app.errors import JudgeAppError, ScoreFileError, WorkspaceError
from judge_app.judging import JudgeSession
from judge_app.merge import merge_files
from judge_app.paths import SCORE_FILE_SUFFIX
from judge_app.scorefile import export_score_file, parse_score_file, read_score_file
from judge_app.secretariat import ContestDatabase

LONG = os.environ.get("DLG_LONG", "") == "1"
SEED = int(os.environ.get("DLG_CRASH_SEED", "2565"))
WORKSPACE_TRIALS = 120 if LONG else 20
EXPORT_TRIALS = 100 if LONG else 15
MERGE_TRIALS = 100 if LONG else 6
DISK_FULL = re.compile(r"disk is full|no space left", re.IGNORECASE)

FIGURES: dict[str, dict[str, int]] = {}


class _FigureReport:
    """Prints the figures in pytest's closing summary (output inside tests is captured)."""

    def pytest_terminal_summary(self, terminalreporter):
        terminalreporter.section(f"crash suite figures (seed {SEED}, {'DLG_LONG=1' if LONG else 'default size'})")
        for name, numbers in FIGURES.items():
            terminalreporter.write_line(f"{name}: " + ", ".join(f"{k} {v}" for k, v in numbers.items()))


@pytest.fixture(scope="module", autouse=True)
def report_figures(request):
    plugins = request.config.pluginmanager
    if not plugins.has_plugin("crash-suite-figures"):
        plugins.register(_FigureReport(), "crash-suite-figures")


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


# ---------------------------------------------------------------- the workspace model

LogRow = tuple[str, str, "str | None", "str | None", "str | None"]


@dataclass
class Snapshot:
    """What a workspace holds: its state and its whole change log."""

    scores: dict[tuple[str, str], str] = field(default_factory=dict)
    comments: dict[tuple[str, str], str] = field(default_factory=dict)
    conflicts: dict[str, str] = field(default_factory=dict)
    log: list[LogRow] = field(default_factory=list)

    def copy(self) -> "Snapshot":
        return Snapshot(dict(self.scores), dict(self.comments), dict(self.conflicts), list(self.log))

    def apply(self, change: dict) -> None:
        """What the workspace must do for one change, log rows included (the documented rules)."""
        op, entry = change["op"], change["entry"]
        if op == "score":
            self._set("score", self.scores, entry, change["criterion"],
                      None if change["value"] is None else decimal_str(Decimal(change["value"])))
        elif op == "scores":
            for criterion, value in change["values"].items():
                self.apply({"op": "score", "entry": entry, "criterion": criterion, "value": value})
        elif op == "comment":
            text = change["text"]
            self._set("comment", self.comments, entry, change["criterion"] or "", text if text.strip() else None)
        elif op == "conflict" and entry not in self.conflicts:
            for (e, criterion) in sorted(k for k in self.scores if k[0] == entry):
                self.log.append(("score", entry, criterion, self.scores.pop((e, criterion)), None))
            self.conflicts[entry] = change["reason"].strip()
            self.log.append(("conflict_declared", entry, None, None, change["reason"].strip()))
        elif op == "withdraw" and entry in self.conflicts:
            self.log.append(("conflict_withdrawn", entry, None, self.conflicts.pop(entry), None))
            if change["restore"]:
                self.apply({"op": "scores", "entry": entry, "values": change["restore"]})

    def _set(self, action: str, table: dict, entry: str, key: str, new: str | None) -> None:
        old = table.get((entry, key))
        if old == new:
            return
        if new is None:
            del table[(entry, key)]
        else:
            table[(entry, key)] = new
        self.log.append((action, entry, key, old, new))


def differences(found: Snapshot, expected: Snapshot) -> int:
    """How many fields (a score, a comment, a conflict) differ: changes lost or made up."""
    count = 0
    for name in ("scores", "comments", "conflicts"):
        a, b = getattr(found, name), getattr(expected, name)
        count += sum(1 for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    return count


def replayed(log: list[LogRow]) -> Snapshot:
    """The state the change log describes, checking each row's old value against the replay."""
    state = Snapshot()
    for action, entry, criterion, old, new in log:
        if action == "conflict_declared":
            assert entry not in state.conflicts
            state.conflicts[entry] = new
        elif action == "conflict_withdrawn":
            assert state.conflicts.pop(entry) == old
        else:
            table = state.scores if action == "score" else state.comments
            assert table.get((entry, criterion)) == old, f"change log row {action} {entry} {criterion} broken"
            if new is None:
                del table[(entry, criterion)]
            else:
                table[(entry, criterion)] = new
    return state


def read_workspace(bundle: Path, data_dir: Path) -> Snapshot:
    """Reopen the workspace the way the app does and check it through and through."""
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        ws = session.workspace
        assert integrity(ws.path) == "ok"
        snap = Snapshot()
        for entry in session.bundle.entry_ids:
            snap.scores.update({(entry, c): decimal_str(v) for c, v in ws.scores_of(entry).items()})
            snap.comments.update({(entry, c): t for c, t in ws.comments_of(entry).items()})
            if (reason := ws.conflict_reason(entry)) is not None:
                snap.conflicts[entry] = reason
        rows = ws.change_log()
        assert [r["id"] for r in rows] == sorted({r["id"] for r in rows})
        assert {r["judge_id"] for r in rows} <= {session.judge_id}
        snap.log = [(r["action"], r["entry_id"], r["criterion_id"], r["old_value"], r["new_value"]) for r in rows]
        again = replayed(snap.log)
        assert (again.scores, again.comments, again.conflicts) == (snap.scores, snap.comments, snap.conflicts)
        check_append_only(ws.path, bool(rows))
    return snap


def check_append_only(path: Path, has_rows: bool) -> None:
    conn = sqlite3.connect(path)
    try:
        triggers = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
        assert set(triggers) == {"change_log_no_update", "change_log_no_delete"}
        assert all("append-only" in sql for sql in triggers.values())
        if has_rows:
            for statement in ("UPDATE change_log SET new_value = 'x'", "DELETE FROM change_log"):
                with pytest.raises(sqlite3.DatabaseError, match="append-only"):
                    conn.execute(statement)
    finally:
        conn.close()


# ---------------------------------------------------------------- 1. killed while recording


def test_sigkill_while_recording_loses_no_acknowledged_change(issued, tmp_path):
    bundle = issued.bundles["J01"]
    rng = random.Random(SEED)
    figures = FIGURES.setdefault("workspace kills", dict.fromkeys(
        ["trials", "acknowledged changes checked", "changes lost", "in-flight kept", "in-flight dropped",
         "killed before ready", "fresh workspaces"], 0))
    data_dir, known, start_up = tmp_path / "data-0", Snapshot(), 0.4
    for trial in range(WORKSPACE_TRIALS):
        if trial and trial % 8 == 0:  # now and then a new workspace, so creating one gets killed too
            data_dir, known = tmp_path / f"data-{trial}", Snapshot()
            figures["fresh workspaces"] += 1
        driver = run_and_kill(rng, "workspace", bundle, data_dir, SEED * 1000 + trial,
                              timed_window=start_up + 0.25, announced="doing")
        if driver.ready_after is not None:
            start_up = (start_up + driver.ready_after) / 2
        else:
            figures["killed before ready"] += 1
        expected = known.copy()
        for change in driver.of("ack"):
            expected.apply(change)
        found = read_workspace(bundle, data_dir)
        in_flight = driver.in_flight()
        with_in_flight = expected.copy()
        if in_flight is not None:
            with_in_flight.apply(in_flight)
        lost = min(differences(found, expected), differences(found, with_in_flight))
        figures["changes lost"] += lost
        assert lost == 0 and found in (expected, with_in_flight), (
            f"trial {trial}: the workspace is neither as acknowledged nor with the change in flight {in_flight}")
        if in_flight is not None:
            figures["in-flight kept" if found != expected else "in-flight dropped"] += 1
        figures["trials"] += 1
        figures["acknowledged changes checked"] += len(driver.of("ack"))
        known = found
    assert figures["trials"] == WORKSPACE_TRIALS and figures["changes lost"] == 0
    assert figures["acknowledged changes checked"] > WORKSPACE_TRIALS * 10


# ---------------------------------------------------------------- 2. killed while exporting


def verified_payload_matches(score_file, bundle: Path, data_dir: Path) -> None:
    """A complete new score file carries exactly what the workspace holds."""
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        for entry in score_file.entries:
            state = session.workspace.state(entry.entry_id)
            assert entry.scores == (state.scores if entry.status == "scored" else {})
            assert entry.comments == state.comments and entry.overall_comment == state.overall_comment


def test_sigkill_during_export_leaves_the_old_file_or_the_whole_new_one(issued, tmp_path):
    bundle, data_dir = issued.bundles["J01"], tmp_path / "data"
    destination = tmp_path / "usb" / f"J01{SCORE_FILE_SUFFIX}"
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        session.create_key(PASSPHRASE)
        key = session.unlock(PASSPHRASE)
        started = time.perf_counter()
        last = export_score_file(session.workspace, key, destination, allow_incomplete=True)
        export_time = time.perf_counter() - started
    rng = random.Random(SEED + 1)
    figures = FIGURES.setdefault("export kills", dict.fromkeys(
        ["trials", "killed inside an export", "old file kept", "new file complete", "partial files",
         "sequences burnt", "temp files left by kills", "later exports ok"], 0))
    for trial in range(EXPORT_TRIALS):
        driver = run_and_kill(rng, "export", bundle, data_dir, destination, PASSPHRASE, SEED * 1000 + trial,
                              timed_window=0.6, announced="doing", max_count=6, jitter=export_time * 1.5,
                              announced_match=lambda data: data["op"] == "export")
        exports = [a for a in driver.of("ack") if a["op"] == "export"]
        if exports:
            last_sequence, last_sha = exports[-1]["sequence"], exports[-1]["sha256"]
        else:
            last_sequence, last_sha = last.sequence, last.sha256
        raw = destination.read_bytes()
        in_flight = driver.in_flight()
        figures["killed inside an export"] += bool(in_flight and in_flight["op"] == "export")
        if hashlib.sha256(raw).hexdigest() == last_sha:
            figures["old file kept"] += 1
        else:
            assert in_flight is not None and in_flight["op"] == "export", f"trial {trial}: file changed unasked"
            try:
                new = parse_score_file(raw, path=destination)
            except ScoreFileError:
                figures["partial files"] += 1
                raise
            assert new.sequence > last_sequence and new.judge_id == "J01"
            verified_payload_matches(new, bundle, data_dir)
            figures["new file complete"] += 1
        folder = destination.parent
        with JudgeSession.open(bundle, data_dir=data_dir) as session:
            ws = session.workspace
            latest = {(c["entry"], c["criterion"]): c["value"] for c in driver.of("ack") if c["op"] == "score"}
            maybe = {(in_flight["entry"], in_flight["criterion"]): in_flight["value"]} if (
                in_flight and in_flight["op"] == "score") else {}
            for (entry, criterion), value in latest.items():  # scores acknowledged between exports are there
                found = ws.scores_of(entry).get(criterion)
                assert found == Decimal(value) or found == Decimal(maybe.get((entry, criterion), "0"))
            reserved = [row["sequence"] for row in ws.exports()]
            acked = {a["sequence"]: a["sha256"] for a in exports}
            assert all(row["sha256"] == acked[row["sequence"]] for row in ws.exports() if row["sequence"] in acked)
            last = export_score_file(ws, key, destination, allow_incomplete=True)
        assert last.sequence == max(reserved) + 1
        assert read_score_file(destination).sequence == last.sequence
        assert expand_paths([str(folder)], SCORE_FILE_SUFFIX) == [destination]  # leftovers are never collected
        figures["later exports ok"] += 1
        figures["trials"] += 1
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        figures["sequences burnt"] = sum(1 for row in session.workspace.exports() if not row["sha256"])
    figures["temp files left by kills"] = len(list(destination.parent.glob(f".{destination.name}.*.tmp")))
    assert figures["partial files"] == 0 and figures["trials"] == EXPORT_TRIALS
    assert figures["killed inside an export"] > 0
    # The surviving file is one the secretariat accepts, burnt sequences and all.
    with issued.open_db() as db:
        db.enrol_key("J01", key.public_key, how="test")
        assert merge_files(db, [destination])[0].status == "accepted"


# ---------------------------------------------------------------- secretariat: killed while merging


@dataclass
class MergeScene:
    """Score files of every judge (three sequences each, one broken file) and a contest DB ready for them."""

    pristine: Path
    files: list[Path]
    parsed: dict[str, object]
    final: list[tuple]
    run_time: float


def merged_state(db_path: Path) -> list[tuple]:
    conn = sqlite3.connect(db_path)
    try:
        rows = conn.execute("SELECT * FROM scores ORDER BY judge_id, entry_id, criterion_id").fetchall()
        rows += conn.execute("SELECT * FROM entry_results ORDER BY judge_id, entry_id").fetchall()
        rows += conn.execute("SELECT * FROM submissions ORDER BY judge_id").fetchall()
        rows += conn.execute("SELECT sha256, outcome FROM score_files ORDER BY sha256").fetchall()
        return rows
    finally:
        conn.close()


@pytest.fixture(scope="module")
def merge_scene(issued_template, tmp_path_factory) -> MergeScene:
    folder = tmp_path_factory.mktemp("merge-scene")
    shutil.copytree(issued_template.folder, folder / "round")
    scene = IssuedRound(folder / "round", issued_template.contest, folder / "round" / "contest.db",
                        {j: folder / "round" / "bundles" / p.name for j, p in issued_template.bundles.items()},
                        issued_template.secretariat)
    rng = random.Random(SEED + 2)
    files: list[Path] = []
    with scene.open_db() as db:
        for judge in sorted(scene.bundles):
            played = play_judge(scene, judge, folder / "judges")
            db.enrol_key(judge, played.key.public_key, how="test")
            files.append(played.score_file)
            with JudgeSession.open(played.bundle, data_dir=played.data_dir) as session:
                ws = session.workspace
                scored = [s.entry_id for s in ws.states() if s.status.name == "SCORED"]
                for _ in range(2):
                    for entry in rng.sample(scored, 5):
                        ws.set_score(entry, rng.choice(ws.rubric.criterion_ids), rng.choice(["1", "2.5", "4", "5"]))
                    out = folder / "judges" / f"{judge}-seq{ws.next_sequence()}{SCORE_FILE_SUFFIX}"
                    files.append(export_score_file(ws, played.key, out).path)
    broken = folder / "judges" / f"broken{SCORE_FILE_SUFFIX}"
    broken.write_bytes(files[0].read_bytes()[:3000])
    files.append(broken)
    pristine = folder / "pristine.db"
    shutil.copy(scene.db_path, pristine)
    assert not Path(f"{scene.db_path}-wal").exists()  # closed: everything is in the main file
    parsed = {}
    for path in files[:-1]:
        sf = read_score_file(path)
        parsed[sf.sha256] = sf
    reference = folder / "reference.db"
    shutil.copy(pristine, reference)
    driver = Driver("merge", reference, *files)
    assert not driver.finish() and driver.of("finished")
    run_time = driver.finished_after
    return MergeScene(pristine, files, parsed, merged_state(reference), run_time)


def check_each_judge_holds_one_whole_file(db_path: Path, scene: MergeScene, round_id: str) -> int:
    """Every judge's merged rows are exactly one file's (or none); returns how many judges have one."""
    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        judges = {sf.judge_id for sf in scene.parsed.values()}
        holding = 0
        for judge in sorted(judges):
            sub = conn.execute("SELECT score_file, sequence FROM submissions WHERE round_id = ? AND judge_id = ?",
                               (round_id, judge)).fetchone()
            results = set(conn.execute(
                "SELECT entry_id, status, total, overall_comment, conflict_reason, score_file FROM entry_results"
                " WHERE round_id = ? AND judge_id = ?", (round_id, judge)).fetchall())
            scores = set(conn.execute("SELECT entry_id, criterion_id, score, comment FROM scores"
                                      " WHERE round_id = ? AND judge_id = ?", (round_id, judge)).fetchall())
            if sub is None:
                assert not results and not scores, f"judge {judge}: rows merged without a submission"
                continue
            sf = scene.parsed[sub[0]]
            assert sub[1] == sf.sequence
            assert results == {(e.entry_id, e.status, e.total, e.overall_comment, e.conflict_reason, sf.sha256)
                               for e in sf.entries}, f"judge {judge}: entry results are not those of one file"
            assert scores == {(e.entry_id, c, decimal_str(v), e.comments.get(c, ""))
                              for e in sf.entries for c, v in e.scores.items()}, f"judge {judge}: scores mixed"
            outcomes = conn.execute("SELECT sequence, outcome FROM score_files WHERE judge_id = ? AND round_id = ?"
                                    " AND outcome != 'rejected'", (judge, round_id)).fetchall()
            assert sorted(o for s, o in outcomes if s == sf.sequence) == ["merged"]
            assert all(o == "superseded" and s < sf.sequence for s, o in outcomes if s != sf.sequence)
            holding += 1
        return holding
    finally:
        conn.close()


def test_sigkill_during_merge_leaves_each_file_merged_whole_or_not_at_all(merge_scene, issued_template, tmp_path):
    round_id = issued_template.contest.rounds[0].id
    rng = random.Random(SEED + 3)
    figures = FIGURES.setdefault("merge kills", dict.fromkeys(
        ["trials", "files in each merge", "killed mid-merge", "files acknowledged and checked",
         "judge submissions checked whole", "half-merged files", "merges finished before the kill"], 0))
    figures["files in each merge"] = len(merge_scene.files)
    for trial in range(MERGE_TRIALS):
        db_path = tmp_path / f"contest-{trial}.db"
        shutil.copy(merge_scene.pristine, db_path)
        files = rng.sample(merge_scene.files, len(merge_scene.files))
        per_file = merge_scene.run_time / len(files)
        driver = run_and_kill(rng, "merge", db_path, *files, timed_window=merge_scene.run_time * 1.1,
                              announced="ack", max_count=len(files) - 1, jitter=per_file)
        killed = driver.proc.returncode != 0
        acknowledged = len(driver.of("ack"))
        imported = sqlite3.connect(db_path).execute("SELECT count(*) FROM score_files").fetchone()[0]
        assert acknowledged <= imported <= acknowledged + 1  # each file leaves one row, the one in flight maybe
        try:
            figures["judge submissions checked whole"] += check_each_judge_holds_one_whole_file(
                db_path, merge_scene, round_id)
        except AssertionError:
            figures["half-merged files"] += 1
            raise
        figures["killed mid-merge"] += killed and 0 < acknowledged < len(files)
        figures["merges finished before the kill"] += not killed
        figures["files acknowledged and checked"] += acknowledged
        # Importing the same files again finishes the job: the result is the uninterrupted one.
        with ContestDatabase.open(db_path) as db:
            merge_files(db, files)
        assert merged_state(db_path) == merge_scene.final
        figures["trials"] += 1
    assert figures["killed mid-merge"] > 0 and figures["half-merged files"] == 0


# ---------------------------------------------------------------- 3. full disk


@pytest.fixture
def small_disk(tmp_path):
    """A 4 MiB tmpfs folder (a real full disk when filled), or a skip where this process may not mount."""
    folder = tmp_path / "small-disk"
    folder.mkdir()
    if not sys.platform.startswith("linux") or os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root on Linux; the injected-fault variants cover this case")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({mounted.stderr.decode(errors='replace').strip()})")
    yield folder
    subprocess.run(["umount", "-l", str(folder)], check=True)


def fill(folder: Path) -> Path:
    """Take every free byte of the file system of ``folder``; delete the returned file to free them."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def assert_disk_full_message(error: JudgeAppError, path: Path) -> None:
    text = str(error)
    assert error.path == path and text.startswith(str(path)), text
    assert DISK_FULL.search(text), text


def changes_until_refused(ws, rng: random.Random, model: Snapshot, tries: int = 80) -> list[WorkspaceError]:
    """Comments and scores until the disk refuses; every change that went through joins ``model``."""
    refused = []
    for n in range(tries):
        entry = rng.choice(ws.bundle.entry_ids[:10])
        if n % 3:
            change = {"op": "comment", "entry": entry, "criterion": None, "text": f"ความเห็นยาว {n} " + "ก" * 900}
        else:
            change = {"op": "scores", "entry": entry, "values": {c: rng.choice(["2", "3.5"]) for c in ws.rubric.criterion_ids}}
            if ws.conflict_reason(entry) is not None:
                continue
        try:
            apply_change(ws, change)
        except WorkspaceError as exc:
            refused.append(exc)
            continue
        model.apply(change)
    return refused


@pytest.mark.parametrize("disk", ["tmpfs", "injected"])
def test_a_full_disk_while_saving_is_a_clear_message_and_loses_nothing(issued, tmp_path, request, disk):
    """On a full disk every change is refused whole with a message; nothing saved before is touched."""
    folder = request.getfixturevalue("small_disk") if disk == "tmpfs" else tmp_path
    bundle, data_dir = issued.bundles["J01"], folder / "data"
    destination = folder / f"J01{SCORE_FILE_SUFFIX}"
    rng = random.Random(SEED + 4)
    model = Snapshot()
    session = JudgeSession.open(bundle, data_dir=data_dir)
    ws = session.workspace
    session.create_key(PASSPHRASE)
    key = session.unlock(PASSPHRASE)
    for n, entry in enumerate(ws.bundle.entry_ids[:10]):
        for change in ({"op": "scores", "entry": entry, "values": {c: "4" for c in ws.rubric.criterion_ids}},
                       {"op": "comment", "entry": entry, "criterion": "C1", "text": f"บันทึกก่อนดิสก์เต็ม {n}"}):
            apply_change(ws, change)
            model.apply(change)
    previous = export_score_file(ws, key, destination, allow_incomplete=True)
    previous_bytes = destination.read_bytes()
    if disk == "tmpfs":
        filler = fill(folder)
    else:  # SQLite's own limit: the file may not grow, as on a full disk (SQLITE_FULL)
        pages = ws._conn.execute("PRAGMA page_count").fetchone()[0]
        ws._conn.execute(f"PRAGMA max_page_count = {pages}")
    refused = changes_until_refused(ws, rng, model)
    assert refused, "the full disk never refused a change"
    for error in refused:
        assert_disk_full_message(error, ws.path)
        assert "everything saved before is safe" in str(error)
    if disk == "tmpfs":  # an export to the same full disk is refused too, and the old file stays
        with pytest.raises(JudgeAppError) as export_error:
            export_score_file(ws, key, destination, allow_incomplete=True)
        assert DISK_FULL.search(str(export_error.value)), str(export_error.value)
        assert destination.read_bytes() == previous_bytes
    session.close()
    assert read_workspace(bundle, data_dir) == model  # a fresh connection sees exactly what was saved
    # Space again: the app works on.
    if disk == "tmpfs":
        filler.unlink()
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        change = {"op": "comment", "entry": ws.bundle.entry_ids[0], "criterion": None, "text": "ดิสก์ว่างแล้ว"}
        apply_change(session.workspace, change)
        model.apply(change)
        later = export_score_file(session.workspace, key, destination, allow_incomplete=True)
    assert later.sequence > previous.sequence and read_score_file(destination).sequence == later.sequence
    assert read_workspace(bundle, data_dir) == model
    FIGURES.setdefault("full disk while saving (changes refused, all with the message)", {})[disk] = len(refused)


class _FullAfter:
    """A file whose disk fills after ``room`` bytes: a short write, then ENOSPC (as a real disk does)."""

    def __init__(self, handle, room: int):
        self._handle, self._room = handle, room

    def write(self, data) -> int:
        if len(data) > self._room:
            self._handle.write(bytes(data[: self._room]))
            self._room = 0
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self._room -= len(data)
        return self._handle.write(data)

    def __getattr__(self, name):
        return getattr(self._handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return self._handle.__exit__(*exc)


@pytest.mark.parametrize("disk", ["tmpfs", "full after 0 bytes", "full after 700 bytes", "full after 6000 bytes",
                                  "full at fsync"])
def test_a_full_disk_while_exporting_keeps_the_previous_file(issued, tmp_path, request, disk):
    folder = request.getfixturevalue("small_disk") if disk == "tmpfs" else tmp_path / "usb"
    bundle, data_dir = issued.bundles["J01"], tmp_path / "data"
    destination = folder / f"J01{SCORE_FILE_SUFFIX}"
    with JudgeSession.open(bundle, data_dir=data_dir) as session:
        ws = session.workspace
        session.create_key(PASSPHRASE)
        key = session.unlock(PASSPHRASE)
        ws.set_scores(ws.bundle.entry_ids[0], {c: "3" for c in ws.rubric.criterion_ids})
        previous = export_score_file(ws, key, destination, allow_incomplete=True)
        previous_bytes = destination.read_bytes()
        ws.set_score(ws.bundle.entry_ids[1], "C1", "5")
        filler = fill(folder) if disk == "tmpfs" else None
        with pytest.MonkeyPatch.context() as patch:
            if disk == "full at fsync":
                def no_room(fd):
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                patch.setattr(os, "fsync", no_room)
            elif disk != "tmpfs":
                room, real_fdopen = int(disk.split()[2]), os.fdopen
                assert room < len(previous_bytes)
                patch.setattr(os, "fdopen", lambda fd, *a, **k: _FullAfter(real_fdopen(fd, *a, **k), room))
            with pytest.raises(ScoreFileError) as error:
                export_score_file(ws, key, destination, allow_incomplete=True)
        assert_disk_full_message(error.value, destination)
        assert "nothing was lost" in str(error.value)
        assert destination.read_bytes() == previous_bytes
        assert sorted(folder.iterdir()) == sorted(p for p in (destination, filler) if p)  # no temp file left
        if filler:
            filler.unlink()
        later = export_score_file(ws, key, destination, allow_incomplete=True)
        assert later.sequence == previous.sequence + 2  # the failed export burnt one number, never reused
        assert read_score_file(destination).entry(ws.bundle.entry_ids[1]).scores == {}  # not fully scored
        assert ws.scores_of(ws.bundle.entry_ids[1]) == {"C1": Decimal(5)}
    FIGURES.setdefault("full disk while exporting (refused, old file kept, later export ok)", {})[disk] = 1
