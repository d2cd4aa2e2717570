"""Merging a national round's score files into the contest database, against the floor of checking and inserting them bare.

A national round: thousands of entries, dozens of judges, each entry scored by
several judges on every criterion. The score files are built directly (the
same payload, canonical JSON and two signatures ``export_score_file`` writes),
not played through judges' workspaces, and carry no attachments.

The floor is the least any merge of these files can cost: for every file, read
its bytes, open the container, check both signatures (minisign and SSHSIG) and
parse the payload with ``json.loads``; then one bare ``sqlite3`` executemany of
the same (round, judge, entry, criterion, score, comment) rows into a fresh
table of the same shape as the contest's ``scores`` table, committed once. The
ratio says what the merge rules, the audit copy of every file and one durable
transaction per file cost on top of it.

    .venv/bin/python bench/bench_merge.py [--entries 7000 --judges 70 --per-entry 3 --criteria 8] [--repeat 2]
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from _common import Figure  # noqa: E402

from judge_app import canonical  # noqa: E402
from judge_app.assignment import assign_judges  # noqa: E402
from judge_app.container import open_container  # noqa: E402
from judge_app.container_write import write_container  # noqa: E402
from judge_app.decimals import decimal_str  # noqa: E402
from judge_app.issuing import issue_bundles  # noqa: E402
from judge_app.keys import PrivateKey, PublicKey  # noqa: E402
from judge_app.merge import ACCEPTED, merge_files  # noqa: E402
from judge_app.contest_json import CONTEST_FORMAT, contest_from_json, entry_to_json, judge_to_json  # noqa: E402
from judge_app.model import Contact, Entry, Judge  # noqa: E402
from judge_app.scorefile import MINISIG, PAYLOAD, SCORES_FORMAT, SSH_NAMESPACE, SSHSIG  # noqa: E402
from judge_app.scoring import total_str, weighted_total  # noqa: E402
from judge_app.secretariat import ContestDatabase  # noqa: E402
from judge_app.signatures import minisign_sign, minisign_verify, sshsig_sign, sshsig_verify  # noqa: E402

ROUND = "r1"
ENTRY_PROVINCES = ("ขอนแก่น", "เชียงใหม่", "สงขลา", "นครราชสีมา", "ชลบุรี", "อุบลราชธานี", "ลำปาง", "ตรัง")
JUDGE_PROVINCE = "กรุงเทพมหานคร"  # no entry comes from here, so every judge is eligible everywhere


def weights(count: int) -> list[int]:
    """``count`` whole weights summing to 100, the first ones heavier (8 → 15,15,15,15,10,10,10,10)."""
    base, extra = divmod(100, count)
    if count == 8:
        return [15, 15, 15, 15, 10, 10, 10, 10]
    return [base + (1 if i < extra else 0) for i in range(count)]


def build_contest(entry_count: int, judge_count: int, per_entry: int, criterion_count: int) -> dict:
    """A ``dlg-contest/1`` dict of the given size, assignments included."""
    criteria = [
        {
            "id": f"C{i + 1}",
            "title_th": f"เกณฑ์ที่ {i + 1}",
            "title_en": f"Criterion {i + 1}",
            "guidance_th": "",
            "guidance_en": "",
            "weight": str(w),
            "scale": {"min": "1", "max": "5", "step": "0.5"},
            "levels": [{"score": "1", "th": "เริ่มต้น", "en": "Starting"}],
        }
        for i, w in enumerate(weights(criterion_count))
    ]
    entries = [
        Entry(
            id=f"E{n:05d}",
            org_name=f"องค์การบริหารส่วนตำบลที่ {n}",
            org_type="sao",
            province=ENTRY_PROVINCES[n % len(ENTRY_PROVINCES)],
            project_title=f"โครงการบริการประชาชนดิจิทัล {n}",
            summary="",
            contact=Contact("", "", ""),
        )
        for n in range(1, entry_count + 1)
    ]
    judges = [
        Judge(id=f"J{n:03d}", name=f"ผู้ทรงคุณวุฒิ {n}", affiliation="", province=JUDGE_PROVINCE, position="")
        for n in range(1, judge_count + 1)
    ]
    assignments = assign_judges(entries, judges, per_entry)
    return {
        "format": CONTEST_FORMAT,
        "id": "dlg2567",
        "title_th": "รางวัลองค์กรปกครองส่วนท้องถิ่นดิจิทัล",
        "title_en": "Digital Local Government Award",
        "organiser_th": "",
        "organiser_en": "",
        "year_be": 2567,
        "rounds": [{
            "id": ROUND,
            "title_th": "รอบระดับประเทศ",
            "title_en": "National round",
            "deadline": "2024-09-30",
            "rubric": {"criteria": criteria},
            "assignments": {judge: list(ids) for judge, ids in assignments.items()},
        }],
        "entries": [entry_to_json(e) for e in entries],
        "judges": [judge_to_json(j) for j in judges],
    }


def payload_for(contest, bundle: dict, judge_id: str, key: PublicKey, rng: random.Random) -> dict:
    """The payload ``build_payload`` would write for a judge who scored every assigned entry."""
    round_ = contest.round(ROUND)
    rubric = round_.rubric
    entries = []
    for entry_id in round_.entries_of(judge_id):
        scores = {c.id: Decimal(rng.randint(2, 10)) / 2 for c in rubric.criteria}
        entries.append({
            "entry_id": entry_id,
            "status": "scored",
            "scores": {c: decimal_str(v) for c, v in scores.items()},
            "comments": {},
            "overall_comment": "",
            "conflict_reason": "",
            "total": total_str(weighted_total(rubric, scores)),
        })
    return {
        "format": SCORES_FORMAT,
        "contest_id": contest.id,
        "round_id": ROUND,
        "bundle_sha256": bundle["sha256"],
        "bundle_id": bundle["bundle_id"],
        "judge_id": judge_id,
        "judge_public_key": key.to_base64(),
        "judge_fingerprint": key.fingerprint,
        "sequence": 1,
        "exported_at": datetime(2024, 9, 1, 3, 0, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "entries": entries,
    }


def write_score_file(path: Path, payload: dict, key: PrivateKey) -> None:
    """Sign and pack ``payload`` as ``export_score_file`` does."""
    data = canonical.dumps(payload)
    judge = payload["judge_id"]
    comment = f"dlg score file contest={payload['contest_id']} round={ROUND} judge={judge} sequence=1"
    write_container(path, [
        (PAYLOAD, data),
        (MINISIG, minisign_sign(key, data, trusted_comment=comment,
                                untrusted_comment=f"score file of judge {judge}").encode("utf-8")),
        (SSHSIG, sshsig_sign(key, data, namespace=SSH_NAMESPACE).encode("utf-8")),
    ])


def prepare(folder: Path, args: argparse.Namespace) -> tuple[Path, list[Path], int]:
    """The contest database (closed, checkpointed) and one score file per judge; also the row count."""
    contest = contest_from_json(build_contest(args.entries, args.judges, args.per_entry, args.criteria))
    secretariat = PrivateKey.generate()
    db_path = folder / "contest.sqlite"
    (folder / "contest").mkdir()
    (folder / "bundles").mkdir()
    (folder / "scores").mkdir()
    db = ContestDatabase.create(db_path, contest, folder / "contest", secretariat.public_key)
    issue_bundles(db, secretariat, folder / "bundles", round_id=ROUND)
    bundles = {b["judge_id"]: b for b in db.bundles()}
    rng = random.Random(args.seed)
    paths = []
    rows = 0
    for judge in contest.judges:
        if judge.id not in bundles:
            continue
        key = PrivateKey.generate()
        db.enrol_key(judge.id, key.public_key, how="bench")
        payload = payload_for(contest, bundles[judge.id], judge.id, key.public_key, rng)
        rows += sum(len(e["scores"]) for e in payload["entries"])
        path = folder / "scores" / f"{contest.id}-{ROUND}-{judge.id}-seq001.dlgscores"
        write_score_file(path, payload, key)
        paths.append(path)
    db.close()  # the last connection checkpoints the WAL, so the file alone is the database
    return db_path, paths, rows


def fresh_copy(pristine: Path, scratch: Path) -> ContestDatabase:
    """A clean copy of the database as it stood before any merge, opened."""
    copy = scratch / "merge.sqlite"
    for leftover in scratch.glob("merge.sqlite*"):
        leftover.unlink()
    shutil.copyfile(pristine, copy)
    return ContestDatabase.open(copy)


def ours(db: ContestDatabase, paths: list[Path]) -> int:
    """Merge every file into the database; return the rows merged."""
    outcomes = merge_files(db, paths)
    bad = [o for o in outcomes if o.status != ACCEPTED]
    assert not bad, f"{len(bad)} files not accepted, first: {bad[0]}"
    return db.conn.execute("SELECT count(*) FROM scores").fetchone()[0]


def floor(paths: list[Path], scratch: Path) -> int:
    """Check both signatures of every file, parse it, and bulk-insert its rows bare; return the rows."""
    rows = []
    for path in paths:
        raw = path.read_bytes()
        assert raw
        with open_container(path) as container:
            payload = container.read(PAYLOAD)
            minisig = container.read(MINISIG)
            sshsig = container.read(SSHSIG)
        data = json.loads(payload)
        key = PublicKey.from_base64(data["judge_public_key"])
        minisign_verify(key, payload, minisig)
        sshsig_verify(key, payload, sshsig, namespace=SSH_NAMESPACE)
        round_id, judge_id = data["round_id"], data["judge_id"]
        rows.extend(
            (round_id, judge_id, e["entry_id"], criterion, score, e["comments"].get(criterion, ""))
            for e in data["entries"]
            for criterion, score in e["scores"].items()
        )
    target = scratch / "floor.sqlite"
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target)
    try:
        conn.execute(
            "CREATE TABLE scores (round_id TEXT NOT NULL, judge_id TEXT NOT NULL, entry_id TEXT NOT NULL,"
            " criterion_id TEXT NOT NULL, score TEXT NOT NULL, comment TEXT NOT NULL,"
            " PRIMARY KEY (round_id, judge_id, entry_id, criterion_id))"
        )
        conn.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.commit()
    finally:
        conn.close()
    return len(rows)


def timed(work, repeat: int, setup=lambda: None, teardown=lambda _: None) -> tuple[float, float, int]:
    """Best wall time over ``repeat`` runs, peak traced memory (MiB) of one more run, and its result.

    ``setup`` runs untimed before each run and its value is passed to ``work``.
    """
    best = float("inf")
    result = 0
    for _ in range(repeat):
        state = setup()
        start = time.perf_counter()
        result = work(state)
        best = min(best, time.perf_counter() - start)
        teardown(state)
    state = setup()
    tracemalloc.start()
    work(state)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    teardown(state)
    return best, peak, result


def measure(args: argparse.Namespace) -> dict:
    """Prepare the round, merge it (ours) and check + bulk-insert it (floor); times, peaks and counts."""
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        start = time.perf_counter()
        pristine, paths, rows = prepare(folder, args)
        setup = time.perf_counter() - start
        scratch = folder / "scratch"
        scratch.mkdir()
        merged = timed(lambda db: ours(db, paths), args.repeat,
                       setup=lambda: fresh_copy(pristine, scratch), teardown=lambda db: db.close())
        bare = timed(lambda _: floor(paths, scratch), args.repeat)
    assert merged[2] == rows == bare[2], (merged[2], rows, bare[2])
    return {"merged": merged, "bare": bare, "files": len(paths), "rows": rows, "setup": setup}


def arguments(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=7000)
    parser.add_argument("--judges", type=int, default=70)
    parser.add_argument("--per-entry", type=int, default=3)
    parser.add_argument("--criteria", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2567)
    return parser.parse_args(argv)


def figures(quick: bool = False) -> list[Figure]:
    args = arguments(["--entries", "200", "--judges", "6", "--repeat", "1"] if quick else [])
    out = measure(args)
    merged, bare = out["merged"], out["bare"]
    return [Figure(f"merge {args.entries:,} entries x {args.per_entry} judges, {out['files']} files", merged[0],
                   bare[0], traced_mib=merged[1],
                   note=f"best of {args.repeat}; {out['rows']:,} score rows; floor: signatures checked + one "
                        f"bulk insert ({bare[1]:.1f} MiB traced)")]


def main() -> None:
    args = arguments()
    out = measure(args)
    merged, bare, files = out["merged"], out["bare"], out["files"]
    print(f"merge, {args.entries} entries x {args.per_entry} judges x {args.criteria} criteria, "
          f"{args.judges} judges, best of {args.repeat} (setup {out['setup']:.1f} s)")
    print(f"{files} score files, {out['rows']} score rows")
    print(f"{'':<30}{'time s':>9}{'peak MiB':>10}{'ms/file':>9}")
    print(f"{'judge-app merge_files':<30}{merged[0]:>9.2f}{merged[1]:>10.1f}{merged[0] * 1000 / files:>9.1f}")
    print(f"{'floor (verify + bulk insert)':<30}{bare[0]:>9.2f}{bare[1]:>10.1f}{bare[0] * 1000 / files:>9.1f}")
    print(f"ratio {merged[0] / bare[0]:.1f}x")


if __name__ == "__main__":
    main()
