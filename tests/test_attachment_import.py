"""Attachments from a folder, matched by entry id: real folders, a real contest database, real bundles."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from judge_app.attachment_import import (
    DUPLICATE,
    EMPTY,
    MAX_ATTACHMENT_BYTES,
    NAME_TAKEN,
    NOT_READ,
    TOO_LARGE,
    UNKNOWN_ID,
    UNMATCHED,
    UNSAFE_NAME,
    add_attachments,
    detect_media_type,
    entry_id_of_name,
    match_attachments,
    safe_name,
)
from judge_app.bundle import open_bundle
from judge_app.errors import ValidationError
from judge_app.issuing import issue_bundles
from judge_app.contest_json import contest_from_json
from judge_app.model import ID_RULE, Entry
from judge_app.secretariat import ContestDatabase

PDF = b"%PDF-1.4\n% entry attachment\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0\0\0\rIHDR" + bytes(200)
JPEG = b"\xff\xd8\xff\xe0\0\x10JFIF\0" + bytes(300)


def pdf(tag: str) -> bytes:
    """A distinct PDF per tag, so duplicates are only where a test puts them."""
    return PDF + tag.encode("utf-8")


def write(folder: Path, relative: str, data: bytes) -> Path:
    path = folder / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def bare_entries(template: Entry, ids: list[str]) -> list[Entry]:
    return [replace(template, id=i, attachments=()) for i in ids]


@pytest.fixture
def contest_db(tmp_path, demo, secretariat_key):
    """A contest database over a private copy of the demo folder (its attachments root)."""
    demo_folder, contest = demo
    root = tmp_path / "contest"
    shutil.copytree(demo_folder, root)
    with ContestDatabase.create(tmp_path / "contest.db", contest, root, secretariat_key.public_key) as db:
        yield db


def snapshot(root: Path) -> dict[str, str]:
    """Every file under the root (hidden ones too) with its hash."""
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


# ----------------------------------------------------------------- matching


def test_files_and_folders_are_matched_to_entries_by_id(tmp_path, demo):
    _, contest = demo
    entries = bare_entries(contest.entries[0], ["E1", "E12", "E-3", "E4", "E5", "E6", "E7", "E8"])
    folder = tmp_path / "from-portal"
    write(folder, "E1_proposal.pdf", pdf("1"))
    write(folder, "e12 - slides.pdf", pdf("12"))  # id case does not matter; " - " separates
    write(folder, "E-3.png", PNG)
    write(folder, "E4/แผนงาน.pdf", pdf("4a"))  # a folder named by the id: any name inside
    write(folder, "E4/photo.JPG", JPEG)
    write(folder, "E5 เทศบาลตำบลหนองบัว/สรุป.pdf", pdf("5"))  # folder named id + separator
    write(folder, "E6_notes.docx", b"PK\x03\x04 not a picture")
    write(folder, "E7_scan.pdf", b"GIF89a not a pdf at all")
    write(folder, "E123_x.pdf", pdf("123"))  # E12 must not take E123's file
    write(folder, "E99 - เอกสาร.pdf", pdf("99"))
    write(folder, "รายชื่อผู้สมัคร.xlsx", b"PK\x03\x04")
    write(folder, "E2/x.pdf", pdf("2"))
    write(folder, "E4/older/y.pdf", pdf("4b"))
    write(folder, ".DS_Store", b"\0")
    write(folder, "Thumbs.db", b"\0")
    write(folder, "~$E1_proposal.docx", b"\0")

    match = match_attachments(folder, entries)

    placed = {(f.shown, f.entry_id, f.media_type) for f in match.files}
    assert placed == {
        ("E1_proposal.pdf", "E1", "application/pdf"),
        ("e12 - slides.pdf", "E12", "application/pdf"),
        ("E-3.png", "E-3", "image/png"),
        ("E4/photo.JPG", "E4", "image/jpeg"),
        ("E4/แผนงาน.pdf", "E4", "application/pdf"),
        ("E5 เทศบาลตำบลหนองบัว/สรุป.pdf", "E5", "application/pdf"),
        ("E6_notes.docx", "E6", "application/octet-stream"),
        ("E7_scan.pdf", "E7", "application/octet-stream"),
    }
    assert [f.shown for f in match.unrecognised] == ["E6_notes.docx", "E7_scan.pdf"]
    assert [f.shown for f in match.files if f.misnamed] == ["E7_scan.pdf"]
    problems = {p.shown: p.kind for p in match.problems}
    assert problems == {
        "E123_x.pdf": UNKNOWN_ID,
        "E2/": UNKNOWN_ID,
        "E99 - เอกสาร.pdf": UNKNOWN_ID,
        "รายชื่อผู้สมัคร.xlsx": UNMATCHED,
        "E4/older": NOT_READ,
    }
    assert "no entry has the id 'E123'" in str(next(p for p in match.problems if p.shown == "E123_x.pdf"))
    assert match.entries_without_files == ["E8"]
    assert not match.already_attached
    matched = next(f for f in match.files if f.entry_id == "E1")
    assert matched.sha256 == hashlib.sha256(pdf("1")).hexdigest() and matched.size == len(pdf("1"))


def test_duplicates_empty_large_and_unsafe_files_are_listed_not_added(tmp_path, demo):
    _, contest = demo
    entries = bare_entries(contest.entries[0], ["E1", "E2", "E3"])
    folder = tmp_path / "folder"
    write(folder, "E1_a.pdf", pdf("same"))
    write(folder, "E1_b.pdf", pdf("same"))
    write(folder, "E1/c.pdf", pdf("same"))
    write(folder, "E2_empty.pdf", b"")
    with open(folder / "E2_huge.pdf", "wb") as handle:  # sparse: large on paper, nothing written
        handle.write(b"%PDF-1.7")
        handle.truncate(MAX_ATTACHMENT_BYTES + 1)
    write(folder, "E3_a\x01b.pdf", pdf("ctl"))
    write(folder, "E3_a\\b.pdf", pdf("bs"))
    write(folder, "E3_slides\u202efdp.exe", pdf("bidi"))
    write(folder, "E3_" + "ก" * 80 + ".pdf", pdf("long"))  # 247 bytes: fits a disk, not a bundle path
    write(folder, "E3/plan.pdf", pdf("plan2"))
    write(folder, "E3/E3_plan.pdf", pdf("plan3"))
    write(folder, "E3_Plan.pdf", pdf("plan1"))  # one file with E3/E3_plan.pdf on Windows and macOS
    match = match_attachments(folder, entries)
    # In the order a file manager lists them (a folder "E1" before "E1_a.pdf").
    assert [(p.shown, p.kind) for p in match.problems] == [
        ("E1_a.pdf", DUPLICATE),
        ("E1_b.pdf", DUPLICATE),
        ("E2_empty.pdf", EMPTY),
        ("E2_huge.pdf", TOO_LARGE),
        ("E3_Plan.pdf", NAME_TAKEN),
        ("E3_a\x01b.pdf", UNSAFE_NAME),
        ("E3_a\\b.pdf", UNSAFE_NAME),
        ("E3_slides\u202efdp.exe", UNSAFE_NAME),
        ("E3_" + "ก" * 80 + ".pdf", UNSAFE_NAME),
    ]
    assert [f.shown for f in match.files] == ["E1/c.pdf", "E3/E3_plan.pdf", "E3/plan.pdf"]
    messages = {p.shown: p.message for p in match.problems}
    assert "control character (U+0001)" in messages["E3_a\x01b.pdf"]
    assert "path separator" in messages["E3_a\\b.pdf"]
    assert "text-direction control (U+202E)" in messages["E3_slides\u202efdp.exe"]
    assert "longer than 255 bytes" in messages["E3_" + "ก" * 80 + ".pdf"]
    assert "more than the 50 MB" in messages["E2_huge.pdf"]
    assert messages["E1_b.pdf"] == "the same content as E1/c.pdf (entry E1); only that one is kept"
    assert "same name as E3/E3_plan.pdf" in messages["E3_Plan.pdf"]


@pytest.mark.parametrize(
    ("name", "safe"),
    [
        ("แผนงาน: ปี 2567?.pdf", "แผนงาน_ ปี 2567_.pdf"),
        ('a<b>"c"|d*.png', "a_b__c__d_.png"),
        ("slides.pdf. ", "slides.pdf"),
        ("CON.pdf", "_CON.pdf"),
        ("lpt1", "_lpt1"),
        ("สรุป\u0e40\u0e2d\u0e01\u0e2a\u0e32\u0e23.pdf", "สรุปเอกสาร.pdf"),
    ],
)
def test_names_are_made_safe_for_a_judge_on_windows(name, safe):
    assert safe_name(name) == (safe, None)


def test_media_types_come_from_the_content():
    assert detect_media_type(PDF[:16]) == "application/pdf"
    assert detect_media_type(PNG[:16]) == "image/png"
    assert detect_media_type(JPEG[:16]) == "image/jpeg"
    assert detect_media_type(b"GIF89a") == "application/octet-stream"


def test_a_missing_folder_is_refused_by_name(tmp_path, demo):
    with pytest.raises(ValidationError, match="nowhere: is not a folder"):
        match_attachments(tmp_path / "nowhere", demo[1].entries)


ID_TEXT = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,20}", fullmatch=True)
SEPARATOR = st.sampled_from(["_", "-", ".", " "])
TAIL = st.text(alphabet=st.sampled_from(list("abcxyz019 ._-กขคสรุป")), max_size=12)


@settings(max_examples=300, deadline=None)
@given(ids=st.lists(ID_TEXT, min_size=1, max_size=8, unique_by=str.casefold), pick=st.integers(0, 7),
       separator=SEPARATOR, tail=TAIL, swap_case=st.booleans())
def test_a_file_named_for_an_id_never_goes_to_a_shorter_id(ids, pick, separator, tail, swap_case):
    target = ids[pick % len(ids)]
    assert ID_RULE.match(target)
    name = (target.swapcase() if swap_case else target) + separator + tail
    found = entry_id_of_name(name, {i.casefold(): i for i in ids})
    assert found is not None and len(found) >= len(target)
    # whatever it found starts the name and ends at a separator or the end of the name
    folded = name.casefold()
    assert folded.startswith(found.casefold())
    assert len(folded) == len(found) or folded[len(found)] in "_-. "


@settings(max_examples=300, deadline=None)
@given(short=ID_TEXT, more=st.from_regex(r"[._-]?[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True),
       separator=SEPARATOR, tail=TAIL)
def test_an_id_never_matches_a_longer_id(short, more, separator, tail):
    longer = short + more  # "E1" + "2" = "E12", or "E-1" + "-2" = "E-1-2"
    assume(len(longer) <= 64)
    name = longer + separator + tail
    alone = entry_id_of_name(name, {short.casefold(): short})
    # E1 takes "E1-2_x.pdf" only while there is no entry E1-2, and never "E12_x.pdf"
    assert alone == (short if more[0] in "._-" else None)
    assert entry_id_of_name(name, {short.casefold(): short, longer.casefold(): longer}) == longer


def test_placing_a_copy_never_replaces_a_file_that_appeared_meanwhile(tmp_path):
    from judge_app.attachment_import import _place_without_replacing

    copy, target = write(tmp_path, ".adding-1.part", b"new"), write(tmp_path, "slides.pdf", b"old")
    assert _place_without_replacing(copy, target) is False
    assert target.read_bytes() == b"old"
    assert _place_without_replacing(copy, tmp_path / "free.pdf") is True
    assert (tmp_path / "free.pdf").read_bytes() == b"new"


# ----------------------------------------------------------------- copying and recording


def portal_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "attachments-from-portal"
    write(folder, "E001_ข้อเสนอโครงการ.pdf", pdf("E001"))
    write(folder, "E002/ภาพหน้าจอ.png", PNG)
    write(folder, "E002/photo.jpg", JPEG)
    write(folder, "E003 - notes.docx", b"PK\x03\x04 word")
    return folder


def test_files_are_copied_byte_for_byte_and_recorded_once(contest_db, tmp_path):
    folder = portal_folder(tmp_path)
    root = contest_db.attachments_root
    before = {e.id: e.attachments for e in contest_db.contest.entries}
    match = match_attachments(folder, contest_db.contest.entries)
    assert match.problems == [] and len(match.new_files) == 4

    result = add_attachments(contest_db, match)
    assert result.added == 4 and result.entry_ids == ("E001", "E002", "E003")
    assert result.out_of_date == ()  # no bundle was issued yet

    for found in match.new_files:
        attachment = next(a for a in contest_db.contest.entry(found.entry_id).attachments if a.name == found.name)
        copy = root / attachment.file
        assert attachment.file == f"attachments/{found.entry_id}/{found.name}"
        assert copy.read_bytes() == found.source.read_bytes()
        assert hashlib.sha256(copy.read_bytes()).hexdigest() == attachment.sha256 == found.sha256
        assert (attachment.size, attachment.media_type) == (len(copy.read_bytes()), found.media_type)
    assert not [p for p in root.rglob("*.part")]
    entry = contest_db.contest.entry("E002")
    assert entry.attachments[: len(before["E002"])] == before["E002"]  # the old ones stay first, untouched

    # The file on disk is valid contest JSON, as another connection reads it.
    with ContestDatabase.open(contest_db.path) as other:
        raw = json.loads(other.meta("contest_json"))
        assert contest_from_json(raw).entry("E003").attachments[-1].media_type == "application/octet-stream"

    # Again with the same folder: everything is already there, nothing is copied or recorded.
    files_before, contest_before = snapshot(root), contest_db.meta("contest_json")
    again = match_attachments(folder, contest_db.contest.entries)
    assert again.new_files == [] and len(again.already_attached) == 4 and again.problems == []
    assert add_attachments(contest_db, again).added == 0
    assert snapshot(root) == files_before and contest_db.meta("contest_json") == contest_before


def test_a_bundle_issued_afterwards_carries_the_new_file(contest_db, tmp_path, secretariat_key, demo):
    round_id = contest_db.contest.rounds[0].id
    issue_bundles(contest_db, secretariat_key, tmp_path / "bundles", round_id=round_id)
    assignments = contest_db.contest.round(round_id).assignments
    changed = {"E001", "E002", "E003"}

    result = add_attachments(contest_db, match_attachments(portal_folder(tmp_path), contest_db.contest.entries))
    # Every judge holding a changed entry must be sent a new bundle; no one else.
    expected = sorted(j for j, ids in assignments.items() if changed & set(ids))
    assert expected and [b.judge_id for b in result.out_of_date] == expected
    for stale in result.out_of_date:
        assert stale.file_name.endswith(f"-{stale.judge_id}.dlgbundle") and stale.round_id == round_id
        assert set(stale.entry_ids) == changed & set(assignments[stale.judge_id])

    judge = next(j for j in expected if "E002" in assignments[j])
    [reissued] = issue_bundles(contest_db, secretariat_key, tmp_path / "again", round_id=round_id, judge_ids=[judge])
    opened = open_bundle(reissued.path, None)
    before = [a.name for a in demo[1].entry("E002").attachments]
    assert [a.name for a in opened.entry("E002").attachments] == [*before, "photo.jpg", "ภาพหน้าจอ.png"]
    for name, data in (("photo.jpg", JPEG), ("ภาพหน้าจอ.png", PNG)):
        out = opened.extract_attachment("E002", name, tmp_path / "extracted" / name)
        assert out.read_bytes() == data


def test_a_failed_database_update_leaves_no_copies(contest_db, tmp_path):
    root = contest_db.attachments_root
    before, contest_before = snapshot(root), contest_db.meta("contest_json")
    match = match_attachments(portal_folder(tmp_path), contest_db.contest.entries)
    contest_db.conn.execute("PRAGMA busy_timeout = 50")
    blocker = sqlite3.connect(contest_db.path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another window is writing: our transaction cannot start
    try:
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            add_attachments(contest_db, match)
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert snapshot(root) == before
    assert contest_db.meta("contest_json") == contest_before
    assert add_attachments(contest_db, match).added == 4  # once the other writer is done, it goes through


def test_a_file_changed_after_the_check_is_refused_and_nothing_is_kept(contest_db, tmp_path):
    folder = portal_folder(tmp_path)
    root = contest_db.attachments_root
    before, contest_before = snapshot(root), contest_db.meta("contest_json")
    match = match_attachments(folder, contest_db.contest.entries)
    (folder / "E002" / "photo.jpg").write_bytes(JPEG + b"edited")
    with pytest.raises(ValidationError, match="photo.jpg: changed since the folder was checked"):
        add_attachments(contest_db, match)
    assert snapshot(root) == before and contest_db.meta("contest_json") == contest_before


def test_a_different_file_already_on_disk_is_never_overwritten(contest_db, tmp_path):
    root = contest_db.attachments_root
    squatter = write(root, "attachments/E001/E001_ข้อเสนอโครงการ.pdf", b"someone else's file")
    match = match_attachments(portal_folder(tmp_path), contest_db.contest.entries)
    add_attachments(contest_db, match)
    assert squatter.read_bytes() == b"someone else's file"
    attachment = contest_db.contest.entry("E001").attachments[-1]
    assert attachment.name == "E001_ข้อเสนอโครงการ.pdf"
    assert attachment.file == "attachments/E001/E001_ข้อเสนอโครงการ (2).pdf"
    assert (root / attachment.file).read_bytes() == pdf("E001")


def test_the_contest_copy_on_disk_is_reused_when_it_is_the_same_file(contest_db, tmp_path):
    folder = portal_folder(tmp_path)
    root = contest_db.attachments_root
    write(root, "attachments/E001/E001_ข้อเสนอโครงการ.pdf", pdf("E001"))  # left by an earlier, unrecorded copy
    result = add_attachments(contest_db, match_attachments(folder, contest_db.contest.entries))
    assert result.added == 4
    files = sorted(p.name for p in (root / "attachments" / "E001").iterdir())
    assert files == ["E001_ข้อเสนอโครงการ.pdf", "project-summary.pdf"]


def test_a_file_already_attached_under_another_name_is_a_duplicate(contest_db, tmp_path):
    root = contest_db.attachments_root
    folder = tmp_path / "again"
    shutil.copyfile(root / "attachments" / "E005" / "project-summary.pdf", write(folder, "E005_summary.pdf", b""))
    write(folder, "E006_project-summary.pdf", pdf("other content"))
    match = match_attachments(folder, contest_db.contest.entries)
    assert [(p.shown, p.kind) for p in match.problems] == [
        ("E005_summary.pdf", DUPLICATE),
    ]
    assert "entry E005 already has this file, as 'project-summary.pdf'" in match.problems[0].message
    assert [f.name for f in match.new_files] == ["E006_project-summary.pdf"]


def test_the_same_name_with_other_content_is_refused_not_replaced(contest_db, tmp_path):
    folder = tmp_path / "clash"
    write(folder, "E007/Project-Summary.pdf", pdf("a newer summary"))
    match = match_attachments(folder, contest_db.contest.entries)
    assert [(p.shown, p.kind) for p in match.problems] == [("E007/Project-Summary.pdf", NAME_TAKEN)]
    assert add_attachments(contest_db, match).added == 0


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_links_are_not_followed(tmp_path, demo):
    folder = tmp_path / "links"
    target = write(tmp_path, "elsewhere.pdf", pdf("x"))
    folder.mkdir()
    (folder / "E001_link.pdf").symlink_to(target)
    match = match_attachments(folder, demo[1].entries)
    assert [(p.shown, p.kind) for p in match.problems] == [("E001_link.pdf", NOT_READ)]


# ----------------------------------------------------------------- command line


def test_the_command_previews_then_copies_only_with_accept(contest_db, tmp_path, secretariat_key):
    from conftest import run_cli

    round_id = contest_db.contest.rounds[0].id
    issue_bundles(contest_db, secretariat_key, tmp_path / "bundles", round_id=round_id)
    folder = portal_folder(tmp_path)
    write(folder, "E999_ไม่มีผู้สมัคร.pdf", pdf("nobody"))
    db, root = str(contest_db.path), contest_db.attachments_root
    before = snapshot(root)

    preview = run_cli("secretariat", "import-attachments", db, str(folder), check=False)
    assert preview.returncode == 1, preview.stderr
    lines = preview.stdout.splitlines()
    assert lines[0].endswith("4 files for 3 entries — 4 new, 0 already attached; 1 not added")
    assert "  E002     new      E002/photo.jpg  image/jpeg, 1 KB" in lines
    assert "  E999_ไม่มีผู้สมัคร.pdf: no entry has the id 'E999'; the file is not added" in lines
    assert "  E003 - notes.docx" in lines  # listed as not a PDF, PNG or JPEG
    assert lines[-1] == "nothing was copied; run again with --accept to add the new files"
    assert snapshot(root) == before

    accepted = run_cli("secretariat", "import-attachments", db, str(folder), "--accept", check=False)
    assert accepted.returncode == 1  # the unknown id was still refused
    assert f"added 4 attachments to 3 entries under {root} (the files listed as not added were skipped)" \
        in accepted.stdout
    holders = sorted(j for j, ids in contest_db.contest.round(round_id).assignments.items() if "E002" in ids)
    assert all(f"  {j}  dlg-2565-{round_id}-{j}.dlgbundle  (" in accepted.stdout for j in holders)
    with ContestDatabase.open(contest_db.path) as reopened:
        assert [a.name for a in reopened.contest.entry("E002").attachments][-2:] == ["photo.jpg", "ภาพหน้าจอ.png"]
    assert (root / "attachments" / "E002" / "photo.jpg").read_bytes() == JPEG

    (folder / "E999_ไม่มีผู้สมัคร.pdf").unlink()
    again = run_cli("secretariat", "import-attachments", db, str(folder), "--accept")
    assert "0 new, 4 already attached; 0 not added" in again.stdout and "added 0 attachments" in again.stdout
    assert "bundles issued before" not in again.stdout
