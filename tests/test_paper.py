"""Paper fallback: double entry, the rubric, the scan, and paper beside signed files in the results."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judge_app.decimals import decimal_str
from judge_app.errors import JudgeAppError, SecretariatError, ValidationError
from judge_app.merge import merge_files
from judge_app.paper import (
    MAX_SCAN_BYTES,
    REPLACED_KIND,
    Mismatch,
    PaperMismatch,
    PaperSheet,
    TypingFileError,
    compare_typings,
    enter_paper_sheet,
    normalise_score,
    paper_scan,
    paper_sheets,
    read_typing_csv,
    replaced_sheets,
    sheet_slots,
)
from judge_app.results import compute_results
from judge_app.scoring import total_str, weighted_total

from conftest import play_judge, run_cli

CRITERIA = ("C1", "C2", "C3", "C4", "C5", "C6", "C7")  # the demo rubric
ALLOWED = [Decimal(1) + Decimal("0.5") * i for i in range(9)]  # 1 … 5 in steps of 0.5
PDF = b"%PDF-1.4\n% a scanned score sheet\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x10JFIF" + b"\x00" * 64


def full_sheet(judge_id: str, entry_id: str, values: dict[str, str] | None = None, **more) -> PaperSheet:
    scores = {c: "3.5" for c in CRITERIA} | (values or {})
    return PaperSheet(judge_id, entry_id, "scored", scores, **more)


def scan_file(folder: Path, name: str = "scan.pdf", data: bytes = PDF) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def counts(db) -> tuple[int, int, int]:
    return tuple(db.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[return-value]
                 for table in ("paper_sheets", "paper_scores", "decisions"))


def assigned(issued, judge_id: str) -> tuple[str, ...]:
    return issued.contest.rounds[0].entries_of(judge_id)


# ---------------------------------------------------------------- comparing two typings

spellings = {d: [decimal_str(d), f"{decimal_str(d)}.0" if d == d.to_integral_value() else f"{decimal_str(d)}0",
                 decimal_str(d).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")), f" {decimal_str(d)} "]
             for d in ALLOWED}
text = st.text(alphabet="กขคงจฉชซำะาิีabc 123", max_size=20)


@st.composite
def typings(draw) -> tuple[PaperSheet, PaperSheet]:
    """Two typings of one sheet that mean the same, each value spelled its own way."""
    values = {c: draw(st.sampled_from(ALLOWED)) for c in draw(st.lists(st.sampled_from(CRITERIA), unique=True))}
    comments = {c: draw(text) for c in draw(st.lists(st.sampled_from(CRITERIA), unique=True, max_size=3))}
    overall = draw(text)

    def one() -> PaperSheet:
        return PaperSheet(
            "J01", "E003", "scored", {c: draw(st.sampled_from(spellings[v])) for c, v in values.items()},
            {c: f"  {t}" if draw(st.booleans()) else t.replace(" ", "  ") for c, t in comments.items()},
            overall)

    return one(), one()


@settings(max_examples=200, deadline=None)
@given(typings())
def test_typings_that_mean_the_same_have_no_mismatch(pair):
    first, second = pair
    assert compare_typings(first, second) == []


@settings(max_examples=300, deadline=None)
@given(typings(), st.data())
def test_any_single_changed_value_is_reported_with_both_typings(pair, data):
    first, second = pair
    kind = data.draw(st.sampled_from(["score", "new score", "comment", "overall_comment", "conflict_reason",
                                      "status", "judge_id", "entry_id"]))
    if kind == "score" and first.scores:
        criterion = data.draw(st.sampled_from(sorted(first.scores)))
        old = Decimal(normalise_score(first.scores[criterion]))
        new = decimal_str(data.draw(st.sampled_from([v for v in ALLOWED if v != old])))
        changed = replace(second, scores={**second.scores, criterion: new})
        expected = Mismatch("score", criterion, first.scores[criterion].strip(), new)
    elif kind in ("score", "new score"):
        criterion = data.draw(st.sampled_from([c for c in CRITERIA if c not in first.scores] or ["C9"]))
        changed = replace(second, scores={**second.scores, criterion: "2"})
        expected = Mismatch("score", criterion, "", "2")
    elif kind == "comment":
        criterion = data.draw(st.sampled_from(CRITERIA))
        new = first.comments.get(criterion, "") + " แก้"
        changed = replace(second, comments={**second.comments, criterion: new})
        expected = Mismatch("comment", criterion, first.comments.get(criterion, "").strip(), new.strip())
    else:
        new = {"status": "conflict", "judge_id": "J02", "entry_id": "E005"}.get(kind, "อีกข้อความ")
        changed = replace(second, **{kind: new})
        expected = Mismatch(kind, "", getattr(first, kind).strip(), new)
    assert compare_typings(first, changed) == [expected]
    assert str(expected).startswith((expected.criterion_id or expected.field.replace("_", " ")))


def test_scores_are_compared_in_one_spelling():
    assert normalise_score(" ๓.๕ ") == normalise_score("3.50") == "3.5"
    assert normalise_score("3.0") == normalise_score("3") == normalise_score("๓") == "3"
    assert normalise_score("สาม") == "สาม"
    # the two ways of typing sara am, extra spaces and a zero-width space are the same comment
    assert compare_typings(PaperSheet("J01", "E1", "scored", comments={"C1": "ทำ  ดี"}),
                           PaperSheet("J01", "E1", "scored", comments={"C1": "ท\u0e4d\u0e32 \u200bดี"})) == []


# ---------------------------------------------------------------- storing a sheet


def test_a_sheet_typed_twice_is_stored_with_its_total_and_scan(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    entry = assigned(issued, "J02")[0]
    values = {"C1": "๕", "C2": "4.0", "C3": "2.5", "C4": "1", "C5": "3", "C6": "4.5", "C7": "2"}
    first = full_sheet("J02", entry, values, comments={"C1": "ดีมาก, ชัดเจน"}, overall_comment="ควรขยายผล")
    second = full_sheet("J02", entry, {**values, "C1": "5", "C2": "4"}, comments={"C1": "ดีมาก,  ชัดเจน"},
                        overall_comment=" ควรขยายผล")
    scan = scan_file(tmp_path, f"J02-{entry}.pdf")
    with issued.open_db() as db:
        stored = enter_paper_sheet(db, round_id, first, second, scan, "  สมศรี  ผู้พิมพ์ ")
        rubric = db.contest.round(round_id).rubric
        expected_total = total_str(weighted_total(rubric, {c: Decimal(normalise_score(v)) for c, v in values.items()}))
        assert stored.total == expected_total == "64.50"  # 20 + 12 + 7.5 + 3 + 9 + 9 + 4
        assert stored.scores == {"C1": "5", "C2": "4", "C3": "2.5", "C4": "1", "C5": "3", "C6": "4.5", "C7": "2"}
        assert stored.comments == {"C1": "ดีมาก, ชัดเจน"} and stored.overall_comment == "ควรขยายผล"
        assert stored.entered_by == "สมศรี ผู้พิมพ์" and stored.in_force
        assert (stored.scan_name, stored.scan_size) == (scan.name, len(PDF))
        assert stored.scan_sha256 == hashlib.sha256(PDF).hexdigest()
        assert paper_scan(db, round_id, "J02", entry) == (scan.name, PDF)
        assert paper_sheets(db, round_id) == [stored]
        rows = [r for r in db.entry_results(round_id) if r["judge_id"] == "J02"]
        assert rows == [{"round_id": round_id, "judge_id": "J02", "entry_id": entry, "status": "scored",
                         "total": "64.50", "overall_comment": "ควรขยายผล", "conflict_reason": "", "source": "paper"}]
        assert {r["source"] for r in db.merged_scores(round_id)} == {"paper"}
        assert counts(db) == (1, 7, 0)


def test_a_conflict_sheet_is_stored_without_scores(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    entry = assigned(issued, "J04")[1]
    sheet = PaperSheet("J04", entry, "conflict", conflict_reason="เคยเป็นที่ปรึกษาโครงการ")
    with issued.open_db() as db:
        stored = enter_paper_sheet(db, round_id, sheet, sheet, scan_file(tmp_path, "s.png", PNG), "officer")
        assert (stored.status, stored.total, stored.scores) == ("conflict", None, {})
        result = next(r for r in compute_results(db.contest, round_id, db.entry_results(round_id),
                                                 db.merged_scores(round_id)) if r.entry.id == entry)
        assert result.conflicts == ["J04"] and result.paper == {"J04"}


@pytest.mark.parametrize("change, message", [
    (lambda s: replace(s, scores={**s.scores, "C3": "6"}), "outside the scale"),
    (lambda s: replace(s, scores={**s.scores, "C3": "3.25"}), "not on the scale's steps"),
    (lambda s: replace(s, scores={**s.scores, "C3": "สาม"}), "C3"),
    (lambda s: replace(s, scores={c: v for c, v in s.scores.items() if c != "C6"}), "not typed: C6"),
    (lambda s: replace(s, scores={**s.scores, "C9": "3"}), "no criterion C9"),
    (lambda s: replace(s, status="conflict"), "cannot carry scores"),
    (lambda s: replace(s, status="maybe"), "scored or conflict"),
    (lambda s: replace(s, scores={}, status="conflict", comments={"C2": "x"}), "without a score"),
    (lambda s: replace(s, entry_id="E999"), "no entry 'E999'"),
    (lambda s: replace(s, judge_id="J99"), "no judge 'J99'"),
])
def test_a_sheet_that_breaks_the_rubric_or_the_contest_is_refused_and_nothing_stored(issued, tmp_path, change,
                                                                                     message):
    round_id = issued.contest.rounds[0].id
    sheet = change(full_sheet("J02", assigned(issued, "J02")[0]))
    with issued.open_db() as db:
        with pytest.raises(JudgeAppError, match=message):
            enter_paper_sheet(db, round_id, sheet, sheet, scan_file(tmp_path), "officer")
        assert counts(db) == (0, 0, 0)


def test_an_entry_not_assigned_to_the_judge_is_refused(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    other = next(e for e in assigned(issued, "J03") if e not in assigned(issued, "J02"))
    sheet = full_sheet("J02", other)
    with issued.open_db() as db:
        with pytest.raises(SecretariatError, match=f"entry {other} is not assigned to judge J02"):
            enter_paper_sheet(db, round_id, sheet, sheet, scan_file(tmp_path), "officer")
        assert counts(db) == (0, 0, 0)


def test_differing_typings_are_refused_with_every_mismatch(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    entry = assigned(issued, "J02")[0]
    first = full_sheet("J02", entry, overall_comment="ดี")
    second = full_sheet("J02", entry, {"C3": "4", "C7": "๒"})
    with issued.open_db() as db:
        with pytest.raises(PaperMismatch) as caught:
            enter_paper_sheet(db, round_id, first, second, scan_file(tmp_path), "officer")
        assert caught.value.mismatches == [Mismatch("score", "C3", "3.5", "4"), Mismatch("score", "C7", "3.5", "๒"),
                                           Mismatch("overall_comment", "", "ดี", "")]
        assert "C3 score: first typing '3.5', second typing '4'" in str(caught.value)
        assert counts(db) == (0, 0, 0)


@pytest.mark.parametrize("name, data, message", [
    ("scan.pdf", b"PK\x03\x04 a zip", "must be a PDF, PNG or JPEG"),
    ("scan.txt", b"", "must be a PDF, PNG or JPEG"),
    ("scan.png", PDF, "is a PDF but its name ends in .png"),
    ("scan.jpeg", JPEG, None),
    ("scan.JPG", JPEG, None),
    ("big.pdf", b"%PDF-" + b"0" * MAX_SCAN_BYTES, "larger than 20 MB"),
])
def test_the_scan_is_checked_by_its_content_and_size(issued, tmp_path, name, data, message):
    round_id = issued.contest.rounds[0].id
    sheet = full_sheet("J02", assigned(issued, "J02")[0])
    scan = scan_file(tmp_path, name, data)
    with issued.open_db() as db:
        if message is None:
            assert paper_scan(db, round_id, *((s := enter_paper_sheet(db, round_id, sheet, sheet, scan, "o")).judge_id,
                                              s.entry_id)) == (name, data)
            return
        with pytest.raises(ValidationError, match=message) as caught:
            enter_paper_sheet(db, round_id, sheet, sheet, scan, "officer")
        assert caught.value.path == scan
        assert counts(db) == (0, 0, 0)


def test_a_missing_scan_or_officer_name_is_refused(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    sheet = full_sheet("J02", assigned(issued, "J02")[0])
    with issued.open_db() as db:
        with pytest.raises(ValidationError, match="the scan is not there"):
            enter_paper_sheet(db, round_id, sheet, sheet, tmp_path / "nowhere.pdf", "officer")
        with pytest.raises(ValidationError, match="is a folder"):
            enter_paper_sheet(db, round_id, sheet, sheet, tmp_path, "officer")
        with pytest.raises(ValidationError, match="who typed the sheet"):
            enter_paper_sheet(db, round_id, sheet, sheet, scan_file(tmp_path), "   ")
        assert counts(db) == (0, 0, 0)


def test_a_stored_sheet_is_replaced_only_explicitly_and_the_old_one_is_kept(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    entry = assigned(issued, "J02")[0]
    old_sheet, new_sheet = full_sheet("J02", entry), full_sheet("J02", entry, {"C1": "5"})
    with issued.open_db() as db:
        old = enter_paper_sheet(db, round_id, old_sheet, old_sheet, scan_file(tmp_path, "old.pdf"), "first officer")
        with pytest.raises(SecretariatError, match="already stored; replace it explicitly"):
            enter_paper_sheet(db, round_id, new_sheet, new_sheet, scan_file(tmp_path, "new.png", PNG), "other")
        assert counts(db) == (1, 7, 0) and paper_sheets(db, round_id) == [old]
        new = enter_paper_sheet(db, round_id, new_sheet, new_sheet, tmp_path / "new.png", "other", replace=True)
        assert paper_sheets(db, round_id) == [new] and new.scores["C1"] == "5" and new.total != old.total
        assert counts(db) == (1, 7, 1)
        [record] = replaced_sheets(db, round_id)
        assert record["old"]["scores"] == old.scores and record["old"]["entered_by"] == "first officer"
        assert record["old"]["scan_sha256"] == old.scan_sha256 and record["replaced_by"] == "other"
        assert record["results_seen_before"] is False
        raw = json.loads(db.conn.execute("SELECT value FROM decisions WHERE kind = ?", (REPLACED_KIND,)).fetchone()[0])
        assert base64.b64decode(raw["old"]["scan_base64"]) == PDF  # the old scan is kept byte for byte


# ---------------------------------------------------------------- paper beside signed files


def test_the_signed_file_wins_and_paper_fills_what_it_left_unscored(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    played = play_judge(issued, "J01", tmp_path, complete=False, conflicts=1)
    conflicted, scored, unscored = assigned(issued, "J01")[0], assigned(issued, "J01")[1], assigned(issued, "J01")[-1]
    later = assigned(issued, "J03")[1]  # J03's signed file will score it ([0] is its declared conflict)
    with issued.open_db() as db:
        # J03's paper sheet comes first; J03's signed file (scoring the same entry) comes later
        enter_paper_sheet(db, round_id, full_sheet("J03", later), full_sheet("J03", later), scan_file(tmp_path),
                          "officer")
        db.enrol_key("J01", played.key.public_key, how="test")
        assert [o.status for o in merge_files(db, [played.score_file])] == ["accepted"]
        for entry, what in ((conflicted, "declared a conflict of interest on"), (scored, "scored")):
            with pytest.raises(SecretariatError, match=f"signed score file .* already {what} this entry; the signed "
                                                       "file wins"):
                enter_paper_sheet(db, round_id, full_sheet("J01", entry), full_sheet("J01", entry),
                                  scan_file(tmp_path), "officer")
        assert counts(db) == (1, 7, 0)
        # the signed file left this entry unscored: the paper sheet fills it in
        fill = full_sheet("J01", unscored, {"C1": "5"})
        filled = enter_paper_sheet(db, round_id, fill, fill, scan_file(tmp_path), "officer")
        # J02 sent no file at all: paper sheets are all there is
        for entry in assigned(issued, "J02")[:2]:
            enter_paper_sheet(db, round_id, full_sheet("J02", entry), full_sheet("J02", entry), scan_file(tmp_path),
                              "officer")
        j03 = play_judge(issued, "J03", tmp_path / "j03")
        db.enrol_key("J03", j03.key.public_key, how="test")
        assert [o.status for o in merge_files(db, [j03.score_file])] == ["accepted"]

        listed = list(db.entry_results(round_id))
        rows = {(r["judge_id"], r["entry_id"]): r for r in listed}
        assert len(rows) == len(listed)  # one row per judge and entry: paper and signed never both count
        assert rows[("J01", unscored)]["source"] == "paper" and rows[("J01", unscored)]["total"] == filled.total
        assert rows[("J01", scored)]["source"] == "signed" and rows[("J01", conflicted)]["status"] == "conflict"
        assert rows[("J03", later)]["source"] == "signed"
        scores = [s for s in db.merged_scores(round_id) if (s["judge_id"], s["entry_id"]) == ("J03", later)]
        assert len(scores) == len(CRITERIA) and {s["source"] for s in scores} == {"signed"}
        assert {(s.judge_id, s.entry_id): s.in_force for s in paper_sheets(db, round_id)} == {
            ("J01", unscored): True, ("J02", assigned(issued, "J02")[0]): True,
            ("J02", assigned(issued, "J02")[1]): True, ("J03", later): False}

        slots = {slot.entry_id: slot for slot in sheet_slots(db, round_id, "J01")}
        assert list(slots) == list(assigned(issued, "J01"))
        assert (slots[conflicted].signed, slots[scored].signed, slots[unscored].signed) == ("conflict", "scored", None)
        assert slots[unscored].open_for_paper and slots[unscored].paper and not slots[scored].open_for_paper

        results = {r.entry.id: r for r in compute_results(db.contest, round_id, db.entry_results(round_id),
                                                          db.merged_scores(round_id))}
        assert results[unscored].totals["J01"] == weighted_total(
            db.contest.round(round_id).rubric, {c: Decimal(v) for c, v in filled.scores.items()})
        assert "J01" in results[unscored].paper and "J01" not in results[scored].paper
        assert "J02" in results[assigned(issued, "J02")[0]].paper
        assert "J03" not in results[later].paper


def test_a_declared_conflict_cannot_be_scored_on_paper(issued, tmp_path):
    round_id = issued.contest.rounds[0].id
    entry = assigned(issued, "J05")[0]
    with issued.open_db() as db:
        with db.transaction():
            db.conn.execute("INSERT INTO declared_conflicts VALUES (?, 'J05', ?, 'ญาติ', '2025-01-01T00:00:00Z')",
                            (round_id, entry))
        with pytest.raises(SecretariatError, match="declared a conflict of interest on this entry"):
            enter_paper_sheet(db, round_id, full_sheet("J05", entry), full_sheet("J05", entry), scan_file(tmp_path),
                              "officer")
        assert counts(db) == (0, 0, 0)


# ---------------------------------------------------------------- typings from CSV

TYPING_ROWS = [
    ["judge_id", "entry_id", "criterion_id", "score", "comment"],
    ["J02", "E002", "C1", "๔.๕", "ชัดเจน, ครบถ้วน\nมีหลักฐาน"],
    ["J02", "E002", "C2", "3", ""],
    ["J02", "E002", "overall", "", "ผลงาน \"เด่น\""],
    ["J03", "E004", "conflict", "", "เป็นญาติกับนายก อบต."],
]


def write_typing(path: Path, rows: list[list[str]], encoding: str) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp874"])
def test_a_typing_is_read_from_csv_in_every_encoding(tmp_path, encoding):
    sheets = read_typing_csv(write_typing(tmp_path / "first.csv", TYPING_ROWS, encoding))
    assert sheets == [
        PaperSheet("J02", "E002", "scored", {"C1": "4.5", "C2": "3"}, {"C1": "ชัดเจน, ครบถ้วน\nมีหลักฐาน"},
                   'ผลงาน "เด่น"'),
        PaperSheet("J03", "E004", "conflict", conflict_reason="เป็นญาติกับนายก อบต."),
    ]


def test_every_bad_row_of_a_typing_is_reported_with_line_and_column(tmp_path):
    rows = [
        ["Judge_ID", "entry_id", "criterion_id", "score"],
        ["J02", "E002", "C1", "สี่"],
        ["", "E002", "C2", "3"],
        ["J02", "E002", "C1", "4"],
        ["J02", "E002", "overall", "5"],
        ["J02", "E002", "C3", ""],
        ["J02", "E 2", "C3", "3"],
    ]
    with pytest.raises(TypingFileError) as caught:
        read_typing_csv(write_typing(tmp_path / "bad.csv", rows, "utf-8"))
    assert [str(p) for p in caught.value.problems] == [
        "line 2, score: 'สี่' is not a number",
        "line 3, judge_id: judge_id is empty",
        "line 4, criterion_id: C1 of judge J02, entry E002 is already on line 2",
        "line 5, score: the overall row carries a comment, not a score",
        "line 6, score: no score and no comment for C3",
        "line 7, entry_id: 'E 2' is not a valid id",
    ]
    assert "nothing was read" in str(caught.value) and caught.value.path == tmp_path / "bad.csv"
    with pytest.raises(TypingFileError, match="no column criterion_id"):
        read_typing_csv(write_typing(tmp_path / "bad2.csv", [["judge_id", "entry_id", "score"], ["J1", "E1", "3"]],
                                     "utf-8"))


@settings(max_examples=60, deadline=None)
@given(sheets=st.lists(st.tuples(st.sampled_from(["J01", "J02", "J03"]), st.sampled_from(["E001", "E002"]),
                                 st.dictionaries(st.sampled_from(CRITERIA), st.sampled_from(ALLOWED), min_size=1),
                                 st.text(alphabet="กขคงำ, \"\nabc", max_size=12).map(str.strip)),
                       max_size=6, unique_by=lambda s: s[:2]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp874"]))
def test_what_is_written_as_a_typing_csv_reads_back_the_same(tmp_path_factory, sheets, encoding):
    # A few Thai letters in cp874 can happen to be valid UTF-8 ("ำก" is U+04E1), which only a longer
    # text rules out; a real typing has some, so every file carries one realistic sheet.
    sheets = [*sheets, ("J07", "E120", {"C1": Decimal(4)}, "ผลงานดีมาก ควรเผยแพร่")]
    rows = [["comment", "score", "criterion_id", "entry_id", "judge_id"]]
    for judge_id, entry_id, scores, overall in sheets:
        rows += [["", decimal_str(v), c, entry_id, judge_id] for c, v in scores.items()]
        if overall:
            rows.append([overall, "", "overall", entry_id, judge_id])
    path = write_typing(tmp_path_factory.mktemp("typing") / "t.csv", rows, encoding)
    expected = [PaperSheet(j, e, "scored", {c: decimal_str(v) for c, v in s.items()}, {}, o) for j, e, s, o in sheets]
    assert read_typing_csv(path) == expected


# ---------------------------------------------------------------- the command line


def sheet_rows(judge_id: str, entry_id: str, values: dict[str, str]) -> list[list[str]]:
    return [[judge_id, entry_id, c, values.get(c, "3")] for c in CRITERIA]


def test_cli_stores_agreeing_sheets_and_refuses_the_others(issued, tmp_path):
    e1, e2, e3 = assigned(issued, "J02")[:3]
    header = [["judge_id", "entry_id", "criterion_id", "score"]]
    first = header + sheet_rows("J02", e1, {"C1": "4.5"}) + sheet_rows("J02", e2, {}) + sheet_rows("J02", e3, {})
    second = header + sheet_rows("J02", e1, {"C1": "๔.๕"}) + sheet_rows("J02", e2, {"C4": "2"})
    write_typing(tmp_path / "first.csv", first, "cp874")
    write_typing(tmp_path / "second.csv", second, "utf-8-sig")
    scans = tmp_path / "scans"
    scans.mkdir()
    for entry in (e1, e2, e3):
        scan_file(scans, f"J02-{entry}.pdf")
    db = str(issued.db_path)
    result = run_cli("secretariat", "paper-enter", db, str(tmp_path / "first.csv"), str(tmp_path / "second.csv"),
                     "--scans", str(scans), "--by", "สมศรี", check=False)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"stored  J02 {e1}: total 66.00, scan J02-{e1}.pdf (SHA-256 "
                               f"{hashlib.sha256(PDF).hexdigest()[:16]}…)")
    assert lines[1:3] == [f"refused J02 {e2}: the two typings differ; nothing was stored",
                          "    C4 score: first typing '3', second typing '2'"]
    assert lines[3].startswith(f"refused J02 {e3}: typed only once")
    assert lines[-1] == "1 sheet(s) stored, 2 refused"
    with issued.open_db() as opened:
        assert [(s.judge_id, s.entry_id) for s in paper_sheets(opened, issued.contest.rounds[0].id)] == [("J02", e1)]

    listing = run_cli("secretariat", "paper-sheets", db).stdout.splitlines()
    assert listing[1].split()[:5] == ["J02", e1, "66.00", f"J02-{e1}.pdf", hashlib.sha256(PDF).hexdigest()[:16]]
    assert "สมศรี" in listing[1] and "not signed by the judges" in listing[-1]
    run_cli("secretariat", "paper-scan", db, "--judge", "J02", "--entry", e1, "--out", str(tmp_path))
    assert (tmp_path / f"J02-{e1}.pdf").read_bytes() == PDF
    # the same sheets again: refused, as the stored one is not replaced silently
    again = run_cli("secretariat", "paper-enter", db, str(tmp_path / "first.csv"), str(tmp_path / "first.csv"),
                    "--scans", str(scans), "--by", "สมศรี", check=False)
    assert again.returncode == 1 and "already stored" in again.stdout


def test_cli_reports_bad_rows_and_a_missing_scan(issued, tmp_path):
    entry = assigned(issued, "J02")[0]
    header = [["judge_id", "entry_id", "criterion_id", "score"]]
    write_typing(tmp_path / "bad.csv", header + [["J02", entry, "C1", "x"]], "utf-8")
    write_typing(tmp_path / "good.csv", header + sheet_rows("J02", entry, {}), "utf-8")
    (tmp_path / "scans").mkdir()
    bad = run_cli("secretariat", "paper-enter", str(issued.db_path), str(tmp_path / "bad.csv"),
                  str(tmp_path / "good.csv"), "--scans", str(tmp_path / "scans"), "--by", "o", check=False)
    assert bad.returncode == 2 and "line 2, score: 'x' is not a number" in bad.stderr
    no_scan = run_cli("secretariat", "paper-enter", str(issued.db_path), str(tmp_path / "good.csv"),
                      str(tmp_path / "good.csv"), "--scans", str(tmp_path / "scans"), "--by", "o", check=False)
    assert no_scan.returncode == 1 and f"no scan J02-{entry}.pdf" in no_scan.stdout
