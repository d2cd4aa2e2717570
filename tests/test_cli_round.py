"""The whole round through the command line, checked against an independent computation."""

from __future__ import annotations

import csv
import io
import json
import random
import subprocess
import sys
from fractions import Fraction
from pathlib import Path
from statistics import median

import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent


def allowed(criterion: dict) -> list[Fraction]:
    low, high, step = (Fraction(criterion["scale"][k]) for k in ("min", "max", "step"))
    count = int((high - low) / step)
    return [low + step * i for i in range(count + 1)]


def as_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{float(value):g}"


def two_places(value: Fraction) -> str:
    scaled = value * 100
    whole = scaled.numerator // scaled.denominator
    if (scaled - whole) * 2 >= 1:
        whole += 1
    return f"{whole // 100}.{whole % 100:02d}"


@pytest.mark.slow
def test_seven_judges_through_the_cli(tmp_path):
    env = {"DLG_PASSPHRASE": "ความลับของสำนักงาน"}
    run_cli("contest", "demo", str(tmp_path / "contest"))
    contest = json.loads((tmp_path / "contest" / "contest.json").read_text("utf-8"))
    db = str(tmp_path / "contest.db")
    init = run_cli("secretariat", "init", db, "--contest", str(tmp_path / "contest" / "contest.json"),
                   "--key", str(tmp_path / "secretariat.key"), env=env)
    assert "secretariat key fingerprint" in init.stdout
    issue = run_cli("secretariat", "issue", db, "--key", str(tmp_path / "secretariat.key"),
                    "--out", str(tmp_path / "bundles"), env=env)
    assert "7 bundles" in issue.stdout

    round_ = contest["rounds"][0]
    criteria = round_["rubric"]["criteria"]
    given: dict[str, dict[str, dict[str, Fraction] | None]] = {}
    for judge in contest["judges"]:
        judge_id = judge["id"]
        data = str(tmp_path / "laptops" / judge_id)
        judge_env = {"DLG_PASSPHRASE": f"รหัส-{judge_id}"}
        run_cli("--data-dir", data, "judge", "keygen", "--judge", judge_id, "--name", judge["name"],
                "--enrolment-out", str(tmp_path / "enrolments"), env=judge_env)
        bundle = str(tmp_path / "bundles" / f"{contest['id']}-r1-{judge_id}.dlgbundle")
        opened = run_cli("--data-dir", data, "judge", "open", bundle)
        assert "bundle verified" in opened.stdout and judge["name"] in opened.stdout
        rng = random.Random(judge_id)
        rows = ["entry_id,criterion_id,score,comment"]
        given[judge_id] = {}
        for number, entry_id in enumerate(round_["assignments"][judge_id]):
            if number == 0:
                rows.append(f"{entry_id},conflict,,เป็นกรรมการของมูลนิธิที่ร่วมโครงการ")
                given[judge_id][entry_id] = None
                continue
            chosen = {c["id"]: rng.choice(allowed(c)) for c in criteria}
            given[judge_id][entry_id] = chosen
            rows += [f"{entry_id},{cid},{as_text(v)}," for cid, v in chosen.items()]
        sheet = tmp_path / f"scores-{judge_id}.csv"
        sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
        run_cli("--data-dir", data, "judge", "import-scores", bundle, str(sheet))
        status = run_cli("--data-dir", data, "judge", "status", bundle)
        assigned = len(round_["assignments"][judge_id])
        assert f"scored {assigned - 1} of {assigned}; conflicts 1" in status.stdout
        run_cli("--data-dir", data, "judge", "export", bundle, "--out", str(tmp_path / "inbox"), env=judge_env)

    for enrolment in sorted((tmp_path / "enrolments").iterdir()):
        run_cli("secretariat", "enrol", db, str(enrolment))
    merge = run_cli("secretariat", "merge", db, str(tmp_path / "inbox"))
    assert "7 accepted; 0 duplicate; 0 superseded; 0 rejected" in merge.stdout
    again = run_cli("secretariat", "merge", db, str(tmp_path / "inbox"))
    assert "0 accepted; 7 duplicate" in again.stdout
    shown = run_cli("secretariat", "results", db, "--csv", str(tmp_path / "results.csv"))
    assert "Krippendorff's alpha (interval) = " in shown.stdout
    assert all(f"  {j['id']}: severity " in shown.stdout for j in contest["judges"])

    # Independent computation from the scores this test typed in.
    totals: dict[str, list[Fraction]] = {}
    for judge_scores in given.values():
        for entry_id, chosen in judge_scores.items():
            if chosen is None:
                continue
            total = sum(Fraction(c["weight"]) * chosen[c["id"]] / Fraction(c["scale"]["max"]) for c in criteria)
            totals.setdefault(entry_id, []).append(total)
    expected = sorted(
        totals,
        key=lambda e: (-sum(totals[e]) / len(totals[e]), -Fraction(median(totals[e])), -len(totals[e]), e),
    )
    table = list(csv.DictReader(io.StringIO((tmp_path / "results.csv").read_text("utf-8-sig"))))
    ranked = [row for row in table if row["rank"]]
    assert [row["entry_id"] for row in ranked] == expected
    assert [int(row["rank"]) for row in ranked] == list(range(1, len(expected) + 1))
    for row in ranked:
        values = totals[row["entry_id"]]
        assert row["mean"] == two_places(sum(values) / len(values))
        assert int(row["judges"]) == len(values)


def test_entry_points_answer_version_and_errors(tmp_path):
    for command in ([sys.executable, str(ROOT / "main.py"), "--version"], [sys.executable, "-m", "judge_app", "--version"]):
        result = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
        assert result.returncode == 0 and result.stdout.startswith("judge-app "), result.stderr
    missing = run_cli("contest", "check", str(tmp_path / "nope.json"), check=False)
    assert missing.returncode == 2 and "nope.json: file not found" in missing.stderr
    no_pass = run_cli("secretariat", "init", str(tmp_path / "x.db"), "--contest", str(tmp_path / "nope.json"),
                      "--key", str(tmp_path / "k"), check=False)
    assert no_pass.returncode == 2 and "judge-app:" in no_pass.stderr


def test_documents_from_the_cli(tmp_path):
    from judge_app.demo_round import play_demo_round

    folder = tmp_path / "round"
    play_demo_round(folder, entry_count=30)
    db = str(folder / "contest.db")
    report = run_cli("secretariat", "report", db, "--out", str(tmp_path / "report.pdf"), "--thai-digits")
    assert "report.pdf" in report.stdout and (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")
    run_cli("secretariat", "blank-sheets", db, "--judge", "J01", "--out", str(tmp_path / "blank.pdf"))
    assert (tmp_path / "blank.pdf").stat().st_size > 10_000
    bundle = next((folder / "bundles").glob("*J02*"))
    score_file = next((folder / "score-files").glob("*J02*"))
    run_cli("--data-dir", str(folder / "judges" / "J02"), "judge", "sheet", str(bundle), str(score_file),
            "--out", str(tmp_path / "sheet.pdf"))
    assert (tmp_path / "sheet.pdf").read_bytes().startswith(b"%PDF")
    other = next((folder / "score-files").glob("*J03*"))
    refused = run_cli("--data-dir", str(folder / "judges" / "J02"), "judge", "sheet", str(bundle), str(other),
                      "--out", str(tmp_path / "wrong.pdf"), check=False)
    assert refused.returncode == 2 and "answers another bundle" in refused.stderr
    assert not (tmp_path / "wrong.pdf").exists()


def test_importing_entries_previews_then_adds_only_with_consent(issued, tmp_path):
    sheet = tmp_path / "portal.csv"
    rows = [
        "รหัส,ชื่อหน่วยงาน,ประเภท อปท.,จังหวัด,ชื่อผลงาน,สรุปผลงาน",
        'N001,เทศบาลตำบลหนองบัว,ทต.,อุดรธานี,"ระบบรับชำระภาษี, ออนไลน์","บรรทัดแรก\nบรรทัดที่สอง"',
        "N002,องค์การบริหารส่วนตำบลท่าช้าง,อบต.,นครราชสีมา,ระบบแจ้งเหตุผ่าน LINE,",
        "N003,เทศบาลบางแห่ง,ทบ.,ลำปาง,ระบบที่ไม่รู้ประเภท,",
    ]
    sheet.write_bytes(("\r\n".join(rows) + "\r\n").encode("cp874"))
    db = str(issued.db_path)
    preview = run_cli("secretariat", "import-entries", db, str(sheet), check=False)
    assert preview.returncode == 1
    assert "read as cp874, 3 rows" in preview.stdout and "new 2, unchanged 0" in preview.stdout
    assert "line 5, ประเภท อปท.: 'ทบ.' is not a known type" in preview.stdout
    assert "nothing was imported" in preview.stdout
    with issued.open_db() as opened:
        assert not {"N001", "N002"} & {e.id for e in opened.contest.entries}
    accepted = run_cli("secretariat", "import-entries", db, str(sheet), "--accept", check=False)
    assert "added 2 entries" in accepted.stdout
    with issued.open_db() as opened:
        added = opened.contest.entry("N001")
        assert added.org_type == "subdistrict_municipality" and added.summary == "บรรทัดแรก\nบรรทัดที่สอง"
        assert added.project_title == "ระบบรับชำระภาษี, ออนไลน์"
        count = len(opened.contest.entries)
    again = run_cli("secretariat", "import-entries", db, str(sheet), "--accept", check=False)
    assert "new 0, unchanged 2" in again.stdout and "added 0 entries" in again.stdout
    with issued.open_db() as opened:
        assert len(opened.contest.entries) == count
