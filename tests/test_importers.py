"""Importing entries from the portal's CSV/XLSX export: real files on disk, every encoding."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from judge_app.errors import ValidationError
from judge_app.importers import (
    ColumnMapping,
    column_letter,
    guess_mapping,
    parse_org_type,
    preview_import,
)
from judge_app.model import Contact, Entry
from judge_app.table_files import Table, cell_text, read_table

HEADERS = [
    "รหัส", "ชื่อหน่วยงาน", "ประเภท อปท.", "จังหวัด", "ชื่อผลงาน", "สรุปผลงาน", "ผู้ประสานงาน", "โทรศัพท์", "อีเมล",
]

ROWS = [
    [
        "E-001", "องค์การบริหารส่วนตำบลบ้านเหล่า", "อบต.", "ขอนแก่น", "ระบบจองคิว, ออนไลน์",
        "ลดเวลารอคิว\nจาก 2 ชั่วโมง เหลือ 10 นาที, ด้วย \"LINE OA\"", "สมชาย ใจดี", "081-234-5678",
        "somchai@banlao.go.th",
    ],
    [
        "E-002", "เทศบาลนครเชียงใหม่", "ทน.", "เชียงใหม่", "แผนที่ภาษีดิจิทัล", "สรุปสั้น ๆ",
        "สมหญิง รักดี", "053-111-222", "",
    ],
    [
        "E-003", "องค์การบริหารส่วนจังหวัดภูเก็ต", "องค์การบริหารส่วนจังหวัด", "ภูเก็ต", "ศูนย์ข้อมูลเมือง", "",
        "", "", "",
    ],
]


def write_csv(path: Path, rows: list[list[str]], encoding: str) -> Path:
    """Write rows as Excel does: CRLF line ends, quotes only where needed."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def expected_entries() -> list[Entry]:
    return [
        Entry(
            "E-001", "องค์การบริหารส่วนตำบลบ้านเหล่า", "sao", "ขอนแก่น", "ระบบจองคิว, ออนไลน์",
            "ลดเวลารอคิว\nจาก 2 ชั่วโมง เหลือ 10 นาที, ด้วย \"LINE OA\"",
            Contact("สมชาย ใจดี", "081-234-5678", "somchai@banlao.go.th"),
        ),
        Entry(
            "E-002", "เทศบาลนครเชียงใหม่", "city_municipality", "เชียงใหม่", "แผนที่ภาษีดิจิทัล", "สรุปสั้น ๆ",
            Contact("สมหญิง รักดี", "053-111-222", ""),
        ),
        Entry(
            "E-003", "องค์การบริหารส่วนจังหวัดภูเก็ต", "pao", "ภูเก็ต", "ศูนย์ข้อมูลเมือง", "", Contact("", "", ""),
        ),
    ]


def import_file(path: Path, existing: list[Entry] | None = None):
    table = read_table(path)
    return table, preview_import(table, guess_mapping(table.headers), existing or [])


# ----------------------------------------------------------------- encodings


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("cp874", "cp874")],
)
def test_portal_export_in_each_encoding_imports_every_entry(tmp_path, encoding, reported):
    path = write_csv(tmp_path / "export.csv", [HEADERS, *ROWS], encoding)
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    table, preview = import_file(path)
    assert table.encoding == reported
    assert table.headers == HEADERS  # the byte-order mark is not part of the first header
    assert preview.problems == []
    assert preview.entries == expected_entries()
    assert preview.unchanged == [] and preview.changed == []


def test_lines_are_those_of_a_text_editor_when_a_cell_spans_lines(tmp_path):
    path = write_csv(tmp_path / "export.csv", [HEADERS, *ROWS], "utf-8")
    table = read_table(path)
    # Row E-001's summary holds one newline, so E-002 starts on line 4, not 3.
    assert [line for line, _ in table.rows] == [2, 4, 5]
    assert table.rows[0][1][5] == ROWS[0][5]


def test_blank_lines_and_empty_rows_are_skipped_but_counted(tmp_path):
    text = "\r\n" + ",".join(HEADERS) + "\r\n,,,\r\n" + ",".join(ROWS[1]) + "\r\n\r\n"
    path = tmp_path / "export.csv"
    path.write_bytes(text.encode("utf-8"))
    table = read_table(path)
    assert table.header_line == 2
    assert table.rows == [(4, ROWS[1])]


def test_a_file_in_no_supported_encoding_is_refused_by_name(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes("รหัส".encode("cp874") + b"\xff\xfe")  # 0xFF is undefined in cp874
    with pytest.raises(ValidationError, match=r"export\.csv: is neither UTF-8 nor Thai Windows"):
        read_table(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "has no rows"),
        (b"\r\n,,\r\n", "has no rows"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old Excel 97"),
        (b"PK\x03\x04not really a zip", "not a readable Excel workbook"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(tmp_path, content, message):
    path = tmp_path / "export.xls"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=message):
        read_table(path)


def test_a_missing_file_is_refused_by_name(tmp_path):
    with pytest.raises(ValidationError, match="nothing.csv: file not found"):
        read_table(tmp_path / "nothing.csv")


# ----------------------------------------------------------------- XLSX


def test_xlsx_written_by_openpyxl_reads_back_as_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in ROWS:
        sheet.append(row)
    sheet.append([])  # an empty row in the middle keeps Excel's numbering
    sheet.append(["E-004", "เทศบาลเมืองน่าน", "ทม.", "น่าน", 2567, 1.5, dt.datetime(2024, 5, 1), 812345678, None])
    workbook.create_sheet("อื่น ๆ").append(["not", "read"])
    path = tmp_path / "export.xlsx"
    workbook.save(path)

    table, preview = import_file(path)
    assert table.encoding == "xlsx"
    assert table.headers == HEADERS
    assert [line for line, _ in table.rows] == [2, 3, 4, 6]
    assert table.rows[3][1] == ["E-004", "เทศบาลเมืองน่าน", "ทม.", "น่าน", "2567", "1.5", "2024-05-01", "812345678"]
    assert preview.problems == []
    assert preview.entries[:3] == expected_entries()
    assert preview.entries[3].project_title == "2567"
    assert preview.entries[3].org_type == "town_municipality"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (12.0, "12"),
        (0.1, "0.1"),
        (True, "TRUE"),
        (dt.datetime(2024, 5, 1, 13, 45), "2024-05-01 13:45:00"),
        (dt.date(2024, 5, 1), "2024-05-01"),
        (dt.time(9, 30), "09:30:00"),
        ("ข้อความ", "ข้อความ"),
    ],
)
def test_cell_values_become_plain_text(value, text):
    assert cell_text(value) == text


# ----------------------------------------------------------------- mapping and org types


def test_guess_mapping_recognises_thai_headers():
    assert guess_mapping(HEADERS) == ColumnMapping(0, 1, 2, 3, 4, 5, 6, 7, 8)


def test_guess_mapping_recognises_english_and_bilingual_headers():
    headers = [
        "No.", "ID", "Organisation", "Type", "Province", "Project title", "Summary",
        "ชื่อผู้ประสานงาน (Contact)", "โทรศัพท์ผู้ประสานงาน", "E-mail:",
    ]
    assert guess_mapping(headers) == ColumnMapping(1, 2, 3, 4, 5, 6, 7, 8, 9)


def test_guess_mapping_leaves_unknown_fields_unmapped():
    mapping = guess_mapping(["รหัส", "หมายเหตุ", "ชื่อหน่วยงาน"])
    assert mapping == ColumnMapping(id=0, org_name=2)
    assert mapping.missing_required() == ["org_type", "province", "project_title"]


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("อบต.", "sao"), ("อบต", "sao"), ("อ.บ.ต.", "sao"), ("องค์การบริหารส่วนตำบล", "sao"),
        ("องค์การบริหารส่วนตำบล (อบต.)", "sao"),
        ("ทต.", "subdistrict_municipality"), ("เทศบาลตำบล", "subdistrict_municipality"),
        ("ทม.", "town_municipality"), ("เทศบาลเมือง", "town_municipality"),
        ("ทน.", "city_municipality"), (" เทศบาลนคร ", "city_municipality"),
        ("อบจ.", "pao"), ("องค์การบริหารส่วนจังหวัด", "pao"),
        ("pao", "pao"), ("SAO", "sao"), ("town_municipality", "town_municipality"),
        ("Provincial Administrative Organization", "pao"),
        ("ทบ.", None), ("", None), ("เทศบาล", None),
    ],
)
def test_org_types_as_people_write_them(written, code):
    assert parse_org_type(written) == code


# ----------------------------------------------------------------- problems


def test_every_problem_is_reported_with_line_and_column(tmp_path):
    rows = [
        HEADERS,
        ROWS[0],
        ["", "อบต.หนองบัว", "อบต.", "อุดรธานี", "", "", "", "", ""],  # line 4: no id, no title
        ["E-005", "", "ทบ.", "ลำปาง", "ผลงาน", "", "", "", "somchai@"],  # line 5: no org, bad type, bad email
        ["E 006", "เทศบาลตำบลท่าข้าม", "ทต.", "สงขลา", "ผลงาน", "", "", "", ""],  # line 6: id rule
        ["E-007", "เทศบาลเมืองตาก", "ทม.", "ตาก", "ผลงาน ก", "", "", "", ""],  # line 7: duplicate
        ["E-007", "เทศบาลเมืองตาก", "ทม.", "ตาก", "ผลงาน ข", "", "", "", ""],  # line 8: duplicate
        ["E-008", "เทศบาลนครยะลา", "ทน.", "", "ผลงาน", "", "", "", "a@b.go.th, c@d.go.th"],  # line 9
    ]
    _, preview = import_file(write_csv(tmp_path / "broken.csv", rows, "cp874"))
    assert [e.id for e in preview.entries] == ["E-001"]
    found = [(p.line, p.column, p.message) for p in preview.problems]
    assert [(line, column) for line, column, _ in found] == [
        (4, "รหัส"), (4, "ชื่อผลงาน"),
        (5, "ชื่อหน่วยงาน"), (5, "ประเภท อปท."), (5, "อีเมล"),
        (6, "รหัส"),
        (7, "รหัส"), (8, "รหัส"),
        (9, "จังหวัด"), (9, "อีเมล"),
    ]
    messages = dict(((line, column), message) for line, column, message in found)
    assert messages[(4, "รหัส")] == "id (รหัส) is empty"
    assert messages[(4, "ชื่อผลงาน")] == "project title (ชื่อผลงาน) is empty"
    assert messages[(5, "ชื่อหน่วยงาน")] == "organisation (ชื่อหน่วยงาน) is empty"
    assert messages[(5, "ประเภท อปท.")].startswith(
        "'ทบ.' is not a known type of local government; use one of อบต., ทต., ทม., ทน., อบจ. (or in full: "
    )
    assert "องค์การบริหารส่วนจังหวัด" in messages[(5, "ประเภท อปท.")]
    assert messages[(5, "อีเมล")] == "'somchai@' is not an e-mail address (one address like name@example.go.th)"
    assert messages[(6, "รหัส")].startswith("'E 006' is not a valid id")
    assert messages[(7, "รหัส")] == messages[(8, "รหัส")] == (
        "id 'E-007' is used on lines 7, 8; each id must appear once, so none of these rows is imported"
    )
    assert str(preview.problems[0]) == "line 4, รหัส: id (รหัส) is empty"


def test_unmapped_required_fields_are_problems_at_the_header_line(tmp_path):
    table = read_table(write_csv(tmp_path / "export.csv", [["", "x"], ["", "", "รหัส"], ["E-1"]], "utf-8"))
    preview = preview_import(table, ColumnMapping(id=0), [])
    assert preview.entries == []
    assert [str(p) for p in preview.problems] == [
        "line 1: no column is chosen for organisation (ชื่อหน่วยงาน)",
        "line 1: no column is chosen for organisation type (ประเภท อปท.)",
        "line 1: no column is chosen for province (จังหวัด)",
        "line 1: no column is chosen for project title (ชื่อผลงาน)",
    ]


def test_a_column_without_header_is_named_by_its_letter():
    table = Table(headers=["รหัส", "", "", "", ""], rows=[(2, ["E-1", "อบต.ก", "ทบ.", "ตาก", "ผลงาน"])])
    preview = preview_import(table, ColumnMapping(0, 1, 2, 3, 4), [])
    assert [(p.line, p.column) for p in preview.problems] == [(2, "column C")]
    assert [column_letter(i) for i in (0, 25, 26, 701, 702)] == ["A", "Z", "AA", "ZZ", "AAA"]


def test_a_quote_never_closed_is_refused_at_its_line_not_swallowing_the_rest(tmp_path):
    lines = [",".join(HEADERS), ",".join(ROWS[1]), 'E-009,"อบต.หนองบัว,อบต.,อุดรธานี,ผลงาน', ",".join(ROWS[1])]
    path = tmp_path / "export.csv"
    path.write_bytes("\r\n".join(lines).encode("cp874"))
    with pytest.raises(ValidationError, match=r"export\.csv: line 3: a quote \(\"\) opens a cell that is never closed"):
        read_table(path)


def test_a_stray_quote_after_a_quoted_cell_is_refused_with_its_line(tmp_path):
    path = tmp_path / "export.csv"
    path.write_bytes('รหัส,ชื่อผลงาน\r\nE-1,"ระบบ"คิว\r\n'.encode("utf-8"))
    with pytest.raises(ValidationError, match=r"line 2: not readable as CSV .*must be doubled"):
        read_table(path)


def test_rows_shorter_or_longer_than_the_headers(tmp_path):
    rows = [HEADERS, ROWS[2][:4], [*ROWS[1], "เกิน", "เกิน"]]  # E-003 stops before its title; E-002 runs on
    _, preview = import_file(write_csv(tmp_path / "ragged.csv", rows, "cp874"))
    assert [str(p) for p in preview.problems] == ["line 2, ชื่อผลงาน: project title (ชื่อผลงาน) is empty"]
    assert preview.entries == [expected_entries()[1]]


# ----------------------------------------------------------------- re-import


def test_reimporting_the_same_file_changes_nothing(tmp_path):
    path = write_csv(tmp_path / "export.csv", [HEADERS, *ROWS], "utf-8-sig")
    _, first = import_file(path)
    contest_entries = list(first.entries)  # the officer accepted
    _, again = import_file(path, contest_entries)
    assert again.entries == [] and again.changed == [] and again.problems == []
    assert again.unchanged == ["E-001", "E-002", "E-003"]


def test_importing_the_same_file_twice_into_the_contest_adds_each_entry_once(issued, tmp_path):
    path = write_csv(tmp_path / "export.csv", [HEADERS, *ROWS, ["", "อบต.ไม่มีรหัส", "อบต.", "ตาก", "ผลงาน"]], "cp874")
    with issued.open_db() as db:
        before = len(db.contest.entries)
        _, first = import_file(path, list(db.contest.entries))
        assert len(first.problems) == 1 and db.add_entries(first.entries) == 3
    with issued.open_db() as db:  # a later session, as the officer would run it
        _, again = import_file(path, list(db.contest.entries))
        assert again.entries == [] and again.unchanged == ["E-001", "E-002", "E-003"]
        assert db.add_entries(again.entries) == 0
        assert db.add_entries(first.entries) == 0  # even the first preview, accepted twice
        ids = [e.id for e in db.contest.entries]
        assert len(ids) == before + 3 == len(set(ids))
        assert db.contest.entry("E-001") == expected_entries()[0]


def test_a_file_in_another_encoding_with_crlf_in_cells_is_still_unchanged(tmp_path):
    rows = [HEADERS, *([*r[:5], r[5].replace("\n", "\r\n"), *r[6:]] for r in ROWS)]
    _, preview = import_file(write_csv(tmp_path / "again.csv", rows, "cp874"), expected_entries())
    assert preview.unchanged == ["E-001", "E-002", "E-003"]


def test_changed_rows_are_reported_not_applied(tmp_path):
    rows = [HEADERS, ROWS[0], [*ROWS[1][:4], "ชื่อใหม่", *ROWS[1][5:7], "099-999-9999", ROWS[1][8]], ROWS[2]]
    existing = expected_entries()
    _, preview = import_file(write_csv(tmp_path / "export.csv", rows, "utf-8"), existing)
    assert preview.entries == [] and preview.problems == []
    assert preview.unchanged == ["E-001", "E-003"]
    [change] = preview.changed
    assert (change.line, change.old, change.fields) == (4, existing[1], ("project_title", "contact"))
    assert change.new.project_title == "ชื่อใหม่" and change.new.contact.phone == "099-999-9999"
    assert existing == expected_entries()  # nothing was touched


def test_fields_the_file_lacks_are_not_compared(tmp_path):
    existing = expected_entries()
    table = read_table(write_csv(tmp_path / "short.csv", [HEADERS[:5], *(r[:5] for r in ROWS)], "utf-8"))
    preview = preview_import(table, guess_mapping(table.headers), existing)
    assert preview.unchanged == ["E-001", "E-002", "E-003"]


# ----------------------------------------------------------------- any CSV reads back


THAI = [chr(c) for c in range(0x0E01, 0x0E3B)] + [chr(c) for c in range(0x0E3F, 0x0E5C)]
CELL_TEXT = st.text(
    alphabet=st.sampled_from([*THAI, *(chr(c) for c in range(0x20, 0x7F)), "\n", "\r", "é", "“", "€"]),
    max_size=12,
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    headers=st.lists(CELL_TEXT.filter(lambda s: s != ""), min_size=1, max_size=5),
    rows=st.lists(st.lists(CELL_TEXT, min_size=1, max_size=5), max_size=6),
)
def test_any_csv_reads_back_to_the_same_cells(tmp_path, headers, rows):
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([headers, *rows])
    text = buffer.getvalue()
    kept = [r for r in rows if any(cell != "" for cell in r)]  # spreadsheet blank rows are skipped
    path = tmp_path / "any.csv"
    for encoding in ("utf-8", "utf-8-sig", "cp874"):
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue
        if encoding == "cp874" and not data.isascii():
            # Bytes that are valid UTF-8 are read as UTF-8 by design; such cp874 text is not Thai anyone writes.
            try:
                data.decode("utf-8")
                continue
            except UnicodeDecodeError:
                pass
        path.write_bytes(data)
        table = read_table(path)
        assert table.headers == headers
        assert [cells for _, cells in table.rows] == kept
        # Plain ASCII without a byte-order mark is valid UTF-8, and is read as such.
        assert table.encoding == ("utf-8" if encoding == "cp874" and data.isascii() else encoding)
