"""The entries page on a real contest database: import a real cp874 sheet and a real folder of attachments."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from judge_app.secretariat import ContestDatabase
from ui.i18n import install_language
from ui.secretariat.entries_page import ContestEntriesModel, EntriesPage
from ui.secretariat.import_dialog import AttachmentsDialog, ImportDialog
from ui.secretariat.session import SecretariatSession

TIMEOUT = 30_000
SCREENSHOTS = Path("/tmp")
PDF = b"%PDF-1.4\n% attachment\n" + bytes(range(256)) * 4 + b"\n%%EOF\n"

#: The portal's headers, some of which guess_mapping cannot place ("เลขที่ใบรับ" for the entry number).
HEADERS = ["เลขที่ใบรับ", "หน่วยงานผู้สมัคร", "ประเภท", "จังหวัด", "ชื่อผลงาน", "รายละเอียด", "หมายเหตุ"]
ROWS = [
    ["N001", "เทศบาลตำบลหนองบัว", "ทต.", "อุดรธานี", "ระบบรับชำระภาษี, ออนไลน์", "บรรทัดแรก\nบรรทัดที่สอง", ""],
    ["N002", "องค์การบริหารส่วนตำบลท่าช้างเผือกน้อยพัฒนาใหม่", "อบต.", "นครราชสีมา",
     "ระบบแจ้งเหตุและติดตามเรื่องร้องเรียนผ่าน LINE สำหรับประชาชนในพื้นที่ห่างไกล", "", "ส่งช้า"],
    ["N003", "เทศบาลบางแห่ง", "ทบ.", "ลำปาง", "ระบบที่ไม่รู้ประเภท", "", ""],  # line 5: no such type
    ["N004", "องค์การบริหารส่วนจังหวัดภูเก็ต", "อบจ.", "ภูเก็ต", "ศูนย์ข้อมูลเมือง \"Phuket\"", "", ""],
]


def write_sheet(path: Path) -> Path:
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([HEADERS, *ROWS])
    path.write_bytes(buffer.getvalue().encode("cp874"))
    return path


@pytest.fixture
def session(tmp_path, demo, secretariat_key):
    """A contest database over a private copy of the demo folder, so copied attachments stay in the test."""
    demo_folder, contest = demo
    root = tmp_path / "contest"
    shutil.copytree(demo_folder, root)
    with ContestDatabase.create(tmp_path / "contest.dlgcontest", contest, root, secretariat_key.public_key):
        pass
    opened = SecretariatSession(tmp_path / "contest.dlgcontest")
    yield opened
    opened.close()


@pytest.fixture
def page(qtbot, session):
    widget = EntriesPage(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def open_sheet(qtbot, page: EntriesPage, path: Path) -> ImportDialog:
    dialog = page.import_entries(path)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.mapping_page, timeout=TIMEOUT)
    return dialog


def map_entry_number(dialog: ImportDialog) -> None:
    """The officer picks column A for the entry number, which the header did not give away."""
    combo = dialog.combos["id"]
    combo.setCurrentIndex(combo.findData(0))


def test_a_cp874_sheet_with_a_broken_row_is_imported_once(qtbot, english_app, session, page, tmp_path):
    sheet = write_sheet(tmp_path / "portal-export.csv")
    assert page.model.rowCount() == 120
    dialog = open_sheet(qtbot, page, sheet)
    assert "Thai Windows text (cp874), 4 rows below the headers on line 1" in dialog.file_label.text()
    # Step 1: the guessed columns, and the one the officer must choose.
    assert dialog.combos["id"].currentData() is None and not dialog.accept_button.isEnabled()
    assert dialog.error_label.text() == "Choose a column for: Entry number"
    assert [dialog.combos[f].currentData() for f in ("org_name", "org_type", "province", "project_title")] == [
        1, 2, 3, 4]
    assert dialog.combos["summary"].currentData() == 5 and dialog.combos["contact_email"].currentData() is None
    map_entry_number(dialog)
    assert dialog.accept_button.isEnabled() and dialog.error_label.isHidden()
    assert dialog.samples["id"].text() == "N001 · N002 · N003"
    assert dialog.samples["summary"].text() == "บรรทัดแรก บรรทัดที่สอง"

    # Step 2: the bad row is shown by line and column; nothing imports until the officer accepts leaving it out.
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert dialog.stack.currentWidget() is dialog.preview_page
    assert [dialog.problems_model.index(0, c).data() for c in range(2)] == ["5", "ประเภท"]  # N001 spans two lines
    assert dialog.problems_model.index(0, 2).data().startswith("'ทบ.' is not a known type of local government")
    assert dialog.problems_model.rowCount() == 1
    assert column(dialog.new_model, ContestEntriesModel.COL_ID) == ["N001", "N002", "N004"]
    assert column(dialog.new_model, ContestEntriesModel.COL_TYPE) == [
        "Subdistrict Municipality", "Subdistrict Administrative Organisation", "Provincial Administrative Organisation"]
    assert dialog.tabs.tabText(0) == "Problems (1)" and dialog.tabs.tabText(1) == "New entries (3)"
    assert dialog.accept_button.text() == "&Import 3 new entries" and not dialog.accept_button.isEnabled()
    with ContestDatabase.open(session.path) as db:
        assert len(db.contest.entries) == 120  # still nothing imported
    dialog.skip_check.setChecked(True)
    assert dialog.accept_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported:
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert imported.args == [3, str(sheet)]
    assert dialog.stack.currentWidget() is dialog.result_page
    assert dialog.result_label.text().startswith("New entries added to the contest: 3\nRows left out because of their "
                                                 "problems: 1.")
    dialog.accept()

    # The page shows them at once (the session told it), and finds them by any Thai word.
    assert page.model.rowCount() == 123
    assert page.status.text() == "New entries added from portal-export.csv: 3"
    page.search.setText("หนองบัว ชำระภาษี")  # E064 of หนองบัวลำภู has ภาษี but not ชำระภาษี
    assert page.proxy.rowCount() == 1
    assert page.proxy.index(0, ContestEntriesModel.COL_ID).data() == "N001"
    assert page.proxy.index(0, ContestEntriesModel.COL_TITLE).data() == "ระบบรับชำระภาษี, ออนไลน์"
    page.search.setText("หนองบัว อุดรธานี")
    assert page.proxy.rowCount() == 1
    page.search.setText("หนองบัว ลำปาง")  # every word must match
    assert page.proxy.rowCount() == 0
    page.search.clear()
    with ContestDatabase.open(session.path) as db:
        added = db.contest.entry("N001")
        assert added.summary == "บรรทัดแรก\nบรรทัดที่สอง" and added.org_type == "subdistrict_municipality"

    # The same file again: nothing new.
    again = open_sheet(qtbot, page, sheet)
    map_entry_number(again)
    qtbot.mouseClick(again.accept_button, Qt.MouseButton.LeftButton)
    assert again.new_model.rowCount() == 0 and "already in the contest, the same: <b>3</b>" in again.summary.text()
    assert again.accept_button.text() == "&Import 0 new entries" and not again.accept_button.isEnabled()
    again.reject()
    with ContestDatabase.open(session.path) as db:
        assert len(db.contest.entries) == 123


def test_a_file_that_cannot_be_read_says_why_and_imports_nothing(qtbot, english_app, page, tmp_path):
    broken = tmp_path / "broken.csv"
    broken.write_bytes('รหัส,ชื่อหน่วยงาน\r\nE-1,"ไม่มีเครื่องหมายปิด\r\nE-2,x\r\n'.encode("utf-8"))
    dialog = page.import_entries(broken)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.result_page, timeout=TIMEOUT)
    assert dialog.result_label.text().startswith("This file cannot be imported.")
    assert "line 2: a quote (\") opens a cell that is never closed" in dialog.result_label.text()
    assert dialog.close_button.text() == "&Close" and not dialog.accept_button.isVisible()
    dialog.reject()
    assert page.model.rowCount() == 120


def attachments_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "ไฟล์แนบจากพอร์ทัล"
    (folder / "E002").mkdir(parents=True)
    (folder / "E001_ข้อเสนอโครงการฉบับสมบูรณ์พร้อมภาคผนวก.pdf").write_bytes(PDF + b"1")
    (folder / "E002" / "ภาพหน้าจอ.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "E003 - notes.docx").write_bytes(b"PK\x03\x04 not a picture")
    (folder / "E999_ไม่มีผู้สมัครนี้.pdf").write_bytes(PDF + b"2")
    return folder


def open_folder(qtbot, page: EntriesPage, folder: Path) -> AttachmentsDialog:
    dialog = page.add_attachments_from(folder)
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.preview_page, timeout=TIMEOUT)
    return dialog


def test_attachments_from_a_folder_are_previewed_then_added(qtbot, english_app, session, page, tmp_path):
    folder = attachments_folder(tmp_path)
    dialog = open_folder(qtbot, page, folder)
    assert column(dialog.files_model, 1) == [
        "E001_ข้อเสนอโครงการฉบับสมบูรณ์พร้อมภาคผนวก.pdf", "E002/ภาพหน้าจอ.png", "E003 - notes.docx"]
    assert column(dialog.files_model, 2) == ["PDF", "PNG", "other"]
    assert column(dialog.files_model, 4) == ["new"] * 3
    assert column(dialog.problems_model, 0) == ["E999_ไม่มีผู้สมัครนี้.pdf"]
    assert column(dialog.problems_model, 1) == ["no such entry"]
    assert "New files that are not PDF, PNG or JPEG: 1." in dialog.summary.text()
    assert dialog.tabs.tabText(1) == "Not added (1)" and dialog.tabs.currentIndex() == 1
    assert dialog.accept_button.text() == "&Add 3 files" and not dialog.accept_button.isEnabled()
    dialog.skip_check.setChecked(True)
    with qtbot.waitSignal(dialog.added, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        dialog.reject()  # Esc while the files are copied: the dialog stays to say how it ended
        assert dialog.isVisible() and not dialog.close_button.isEnabled()
    assert dialog.result_label.text() == "Files added to the entries: 3"  # no bundle was issued yet
    dialog.accept()

    row = {page.model.row_object(r).id: r for r in range(page.model.rowCount())}
    assert page.model.index(row["E002"], ContestEntriesModel.COL_ATTACHMENTS).data() == str(
        len(session.db.contest.entry("E002").attachments))
    assert "ภาพหน้าจอ.png" in page.model.index(row["E002"], ContestEntriesModel.COL_ATTACHMENTS).data(
        Qt.ItemDataRole.ToolTipRole)
    copy = session.db.attachments_root / "attachments" / "E002" / "ภาพหน้าจอ.png"
    assert copy.read_bytes() == (folder / "E002" / "ภาพหน้าจอ.png").read_bytes()
    assert page.status.text() == f"Files added from the folder {folder.name}: 3"

    again = open_folder(qtbot, page, folder)
    assert column(again.files_model, 4) == ["already attached"] * 3
    assert "There is nothing new to add" in again.summary.text() and not again.accept_button.isEnabled()
    again.reject()


def test_a_file_changed_after_the_check_adds_nothing_and_says_so(qtbot, english_app, session, page, tmp_path):
    folder = attachments_folder(tmp_path)
    (folder / "E999_ไม่มีผู้สมัครนี้.pdf").unlink()
    root = session.db.attachments_root
    before = sorted(p.relative_to(root) for p in root.rglob("*"))
    dialog = open_folder(qtbot, page, folder)
    (folder / "E002" / "ภาพหน้าจอ.png").write_bytes(b"\x89PNG\r\n\x1a\n edited after the check")
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.isVisible(), timeout=TIMEOUT)
    assert dialog.error_label.text().startswith("Nothing was added. ")
    assert "ภาพหน้าจอ.png: changed since the folder was checked" in dialog.error_label.text()
    assert dialog.stack.currentWidget() is dialog.preview_page and dialog.close_button.isEnabled()
    assert sorted(p.relative_to(root) for p in root.rglob("*")) == before
    dialog.reject()
    assert not dialog.isVisible()


def test_added_attachments_name_the_judges_whose_bundles_are_out_of_date(qtbot, english_app, session, page,
                                                                         tmp_path, secretariat_key):
    from judge_app.issuing import issue_bundles

    with session.open_db() as db:
        issue_bundles(db, secretariat_key, tmp_path / "bundles", round_id=session.round_id)
        holders = sorted(j for j, ids in db.contest.round(session.round_id).assignments.items() if "E001" in ids)
    folder = tmp_path / "one"
    folder.mkdir()
    (folder / "E001_slides.pdf").write_bytes(PDF)
    dialog = open_folder(qtbot, page, folder)
    with qtbot.waitSignal(dialog.added, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    text = dialog.result_label.text()
    dialog.grab().save(str(SCREENSHOTS / "entries_attachments_result_en.png"))
    assert "issue their bundles again" in text
    assert [line.split()[0] for line in text.splitlines()[-len(holders):]] == holders
    assert dialog.result.out_of_date and all(b.entry_ids == ("E001",) for b in dialog.result.out_of_date)


def laid_out(qtbot, dialog) -> None:
    """Wait until the buttons have grown to their new text (layouts update on the next turn of the event loop)."""
    qtbot.waitUntil(lambda: dialog.accept_button.width() >= dialog.accept_button.sizeHint().width())


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_page_and_both_dialogs_in_both_languages(qtbot, english_app, page, tmp_path, language):
    install_language(language)
    thai = language == "th"
    qtbot.waitUntil(lambda: (page.import_button.text() == "&Import entries…") != thai)  # LanguageChange is posted
    assert (page.model.headerData(ContestEntriesModel.COL_TYPE, Qt.Orientation.Horizontal) == "Type") != thai
    first_type = page.model.index(0, ContestEntriesModel.COL_TYPE).data()
    assert (first_type in ("องค์การบริหารส่วนตำบล (อบต.)", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร",
                           "องค์การบริหารส่วนจังหวัด (อบจ.)")) == thai
    page.grab().save(str(SCREENSHOTS / f"entries_page_{language}.png"))

    dialog = open_sheet(qtbot, page, write_sheet(tmp_path / "portal-export.csv"))
    map_entry_number(dialog)
    dialog.grab().save(str(SCREENSHOTS / f"entries_import_mapping_{language}.png"))
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    laid_out(qtbot, dialog)
    dialog.grab().save(str(SCREENSHOTS / f"entries_import_preview_{language}.png"))
    dialog.tabs.setCurrentIndex(1)
    dialog.grab().save(str(SCREENSHOTS / f"entries_import_new_{language}.png"))
    dialog.reject()

    folder = open_folder(qtbot, page, attachments_folder(tmp_path))
    laid_out(qtbot, folder)
    folder.grab().save(str(SCREENSHOTS / f"entries_attachments_{language}.png"))
    folder.tabs.setCurrentIndex(0)
    folder.grab().save(str(SCREENSHOTS / f"entries_attachments_files_{language}.png"))
    folder.reject()
