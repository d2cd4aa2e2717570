"""The secretariat's demo database and the bundles' hand-out list, read back from real files."""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import require_tool, run_cli
from judge_app.demo_round import DEMO_PASSPHRASE
from judge_app.demo_secretariat import DEMO_DB_NAME, READY_MARKER, prepare_demo_contest_db
from judge_app.enrolment import read_enrolment
from judge_app.errors import SecretariatError
from judge_app.issuing import issue_bundles
from judge_app.keys import load_private_key
from judge_app.merge import merge_files
from judge_app.pdf.issue_list import grouped_digest, issue_list_data, render_issue_list
from judge_app.thai_dates import thai_time
from judge_app.scorefile import read_score_file
from judge_app.secretariat import ContestDatabase
from test_pdf_documents import flat, pdf_pages


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    return prepare_demo_contest_db(tmp_path_factory.mktemp("secretariat-demo"), entry_count=40)


# ---------------------------------------------------------------- the demo database


def test_the_demo_database_has_bundles_issued_and_signed_score_files_waiting(demo_db):
    assert demo_db.db_path.name == DEMO_DB_NAME and demo_db.passphrase == DEMO_PASSPHRASE
    with ContestDatabase.open(demo_db.db_path) as db:
        judges = [j.id for j in db.contest.judges]
        assert load_private_key(demo_db.key_path, "demo").public_key == db.secretariat_key
        assert db.secretariat_key.fingerprint == demo_db.secretariat_fingerprint
        issued = {row["sha256"]: row for row in db.bundles()}
        assert sorted(row["judge_id"] for row in issued.values()) == judges
        assert all((demo_db.bundles_dir / row["file_name"]).is_file() for row in issued.values())
        # nothing merged or enrolled yet: that is for the officer to try
        assert db.score_files() == [] and all(db.active_key(j) is None for j in judges)
        score_files = [read_score_file(path) for path in demo_db.score_files]
        assert sorted(sf.judge_id for sf in score_files) == judges
        assert all(issued[sf.bundle_sha256]["judge_id"] == sf.judge_id for sf in score_files)
        enrolments = [read_enrolment(path) for path in demo_db.enrolments]
        assert sorted(e.judge_id for e in enrolments) == judges


def test_the_demo_score_files_merge_once_their_keys_are_enrolled(demo_db, tmp_path):
    copy = tmp_path / "copy.dlgcontest"
    copy.write_bytes(demo_db.db_path.read_bytes())
    with ContestDatabase.open(copy) as db:
        for path in demo_db.enrolments:
            enrolment = read_enrolment(path)
            db.enrol_key(enrolment.judge_id, enrolment.public_key, how=path.name)
        outcomes = merge_files(db, list(demo_db.score_files))
    assert [o.status for o in outcomes] == ["accepted"] * len(demo_db.score_files)


def test_the_demo_is_made_once_and_a_half_made_one_again(tmp_path):
    folder = tmp_path / "demo"
    steps: list[tuple[int, int, str]] = []
    first = prepare_demo_contest_db(folder, entry_count=12, progress=lambda *step: steps.append(step))
    assert steps[0] == (0, 0, "contest") and steps[-1][0] == steps[-1][1] > 0
    assert [what for _, _, what in steps[2:-1]] == ["J01", "J02", "J03", "J04", "J05", "J06", "J07"]
    made = first.db_path.stat().st_mtime_ns
    again = prepare_demo_contest_db(folder, entry_count=12, progress=lambda *step: steps.append(("again",)))
    assert again == first and first.db_path.stat().st_mtime_ns == made and ("again",) not in steps

    (folder / READY_MARKER).unlink()  # as if the app was closed while preparing
    (folder / "notes.txt").write_text("the officer's own file", "utf-8")
    remade = prepare_demo_contest_db(folder, entry_count=12)
    assert remade.secretariat_fingerprint != first.secretariat_fingerprint  # a new key: made from the start
    assert (folder / READY_MARKER).is_file() and (folder / "notes.txt").read_text("utf-8") == "the officer's own file"
    assert len(remade.score_files) == 7


# ---------------------------------------------------------------- the hand-out list


def test_the_hand_out_list_reads_back_names_files_hashes_and_the_key_fingerprint(issued, tmp_path):
    with issued.open_db() as db:
        pdf = render_issue_list(db, "r1")
        again = render_issue_list(db, "r1")
        rows = db.bundles()
        fingerprint = db.secretariat_key.fingerprint
    assert pdf == again  # the same database gives the same bytes
    pages = pdf_pages(pdf, tmp_path)
    text = flat("".join(pages))
    for number, page in enumerate(pages, start=1):
        assert flat(f"หน้า {number} จาก {len(pages)}") in flat(page)
        assert flat(fingerprint) in flat(page)  # in every page's footer
    assert flat("บัญชีการส่งมอบแฟ้มชุดผลงานให้กรรมการ") in text and flat(issued.contest.title_th) in text
    for row in rows:
        judge = issued.contest.judge(row["judge_id"])
        assert flat(judge.name) in text and flat(judge.affiliation) in text
        assert row["file_name"] in text and flat(f"ผลงาน {row['entry_count']} รายการ") in text
        assert row["sha256"] in text  # the groups of four read back as the whole digest
        assert hashlib.sha256((issued.bundles[row["judge_id"]]).read_bytes()).hexdigest() == row["sha256"]
    # one receipt line per judge, and the officer's
    assert len(re.findall(r"ลงชื่อ\.{20,}", text)) == len(rows) + 1


def test_the_hand_out_list_shows_each_judges_latest_bundle(issued, tmp_path):
    with issued.open_db() as db:
        before = {row["judge_id"]: row["sha256"] for row in db.bundles()}
        new = issue_bundles(db, issued.secretariat, tmp_path / "again", round_id="r1", judge_ids=["J03"])[0]
        data = issue_list_data(db, "r1")
        text = flat("".join(pdf_pages(render_issue_list(db, "r1"), tmp_path)))
    assert [b.judge.id for b in data.bundles] == sorted(before)
    assert {b.judge.id: b.sha256 for b in data.bundles}["J03"] == new.sha256 != before["J03"]
    assert new.sha256 in text and before["J03"] not in text and before["J02"] in text


def test_the_hand_out_list_needs_issued_bundles(demo, secretariat_key, tmp_path):
    folder, contest = demo
    with ContestDatabase.create(tmp_path / "empty.dlgcontest", contest, folder, secretariat_key.public_key) as db:
        with pytest.raises(SecretariatError, match="no bundles have been issued for round r1"):
            render_issue_list(db, "r1")


def test_the_hand_out_list_page_renders(issued, tmp_path):
    require_tool("pdftoppm")
    with issued.open_db() as db:
        (tmp_path / "list.pdf").write_bytes(render_issue_list(db, "r1"))
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(tmp_path / "list.pdf"),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png")).read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 10_000


@given(st.text(alphabet="0123456789abcdef", min_size=64, max_size=64))
def test_a_grouped_digest_reads_back_as_the_digest(digest):
    shown = grouped_digest(digest)
    lines = shown.split("\n")
    assert "".join(shown.split()) == digest
    assert len(lines) == 4 and all(re.fullmatch(r"[0-9a-f]{4}( [0-9a-f]{4}){3}", line) for line in lines)


@given(st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1)))
def test_issue_times_are_shown_in_thai_time_and_the_buddhist_era(moment):
    iso = moment.replace(microsecond=0).isoformat() + "Z"
    local = moment.replace(tzinfo=timezone.utc).astimezone(timezone(timedelta(hours=7)))
    shown = thai_time(iso)
    assert shown.startswith(f"{local.day} ") and f" {local.year + 543} เวลา " in shown
    assert shown.endswith(f"{local:%H.%M} น.")


# ---------------------------------------------------------------- command line


def test_the_command_line_writes_the_hand_out_list_with_the_bundles_and_alone(demo_db, tmp_path):
    db = tmp_path / "round.dlgcontest"
    db.write_bytes(demo_db.db_path.read_bytes())
    secret = tmp_path / "passphrase"
    secret.write_text("demo", "utf-8")
    result = run_cli("secretariat", "issue", str(db), "--key", str(demo_db.key_path), "--out", str(tmp_path / "b"),
                     "--passphrase-file", str(secret), "--list-pdf", str(tmp_path / "with-issue.pdf"))
    assert f"wrote {tmp_path / 'with-issue.pdf'}" in result.stdout
    alone = run_cli("secretariat", "issue-list", str(db), "--out", str(tmp_path / "alone.pdf"))
    assert f"wrote {tmp_path / 'alone.pdf'}" in alone.stdout
    assert (tmp_path / "with-issue.pdf").read_bytes() == (tmp_path / "alone.pdf").read_bytes()
    text = flat("".join(pdf_pages((tmp_path / "alone.pdf").read_bytes(), tmp_path)))
    for path in sorted((tmp_path / "b").iterdir()):
        assert hashlib.sha256(path.read_bytes()).hexdigest() in text
    refused = run_cli("secretariat", "issue-list", str(db), "--round", "r9", "--out", str(tmp_path / "x.pdf"),
                      check=False)
    assert refused.returncode == 2 and "no round 'r9'" in refused.stderr and not (tmp_path / "x.pdf").exists()
    assert result.stdout.count(".dlgbundle") == 7
