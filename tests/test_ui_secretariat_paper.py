"""The paper-sheet dialog: two blind typings, differences shown, nothing stored until they agree."""

from __future__ import annotations

from decimal import Decimal

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from judge_app.paper import paper_scan, paper_sheets
from judge_app.secretariat import ContestDatabase
from ui.secretariat.paper_dialog import CHOOSE, MISMATCH, SCAN, TYPING, PaperEntryDialog
from ui.secretariat.session import SecretariatSession

PDF = b"%PDF-1.4\n% scan of a paper score sheet\n%%EOF\n"


@pytest.fixture
def dialog(qtbot, issued):
    session = SecretariatSession(issued.db_path)
    dialog = PaperEntryDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    # gone before its connection closes, so a later test's language change cannot reach it
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))
    session.close()


def stored_sheets(issued):
    with ContestDatabase.open(issued.db_path) as db:
        return paper_sheets(db, issued.contest.rounds[0].id)


def choose(dialog, judge_id: str, entry_id: str) -> None:
    dialog.judge_combo.setCurrentIndex(dialog.judge_combo.findData(judge_id))
    dialog.entry_combo.setCurrentIndex(dialog.entry_combo.findData(entry_id))
    dialog.by_edit.setText("สมศรี ผู้พิมพ์")
    dialog.next_button.click()


def type_thai_digit(widget, digit: str) -> None:
    """A key press as the Thai keyboard sends it (QTest cannot type Thai text)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier,
                                             digit))


def type_sheet(dialog, scores: dict[str, str], overall: str = "") -> None:
    for criterion_id, text in scores.items():
        chooser = dialog.form.choosers[criterion_id]
        if text.isascii():
            QTest.keyClicks(chooser, text)
        else:
            type_thai_digit(chooser, text)
    if overall:
        dialog.form.overall.setPlainText(overall)


def form_is_empty(dialog) -> bool:
    form = dialog.form
    return (all(c.value() is None for c in form.choosers.values()) and not any(e.text() for e in form.comments.values())
            and not form.overall.toPlainText() and not form.conflict.isChecked())


SCORES = {"C1": "3.5", "C2": "4", "C3": "๕", "C4": "2.5", "C5": "3", "C6": "1", "C7": "4.5"}
SAME_IN_ARABIC = {**SCORES, "C3": "5"}


def test_two_matching_typings_are_stored_marked_as_paper(qtbot, english_app, issued, dialog, tmp_path):
    entry = issued.contest.rounds[0].entries_of("J02")[1]
    assert "paper" in dialog.banner.text() and "never count as a signed score file" in dialog.banner.text()
    choose(dialog, "J02", entry)
    assert dialog.step == TYPING and dialog.step_label.text() == "Step 2 of 4: first typing"
    dialog.next_button.click()  # nothing typed yet
    assert dialog.step == TYPING and dialog.error_label.text().startswith("Not typed yet: C1, C2")
    type_sheet(dialog, SCORES, "ควรขยายผล")
    dialog.form.comments["C1"].setText("มีหลักฐานชัดเจน")
    assert dialog.form.choosers["C3"].value() == Decimal(5)  # a Thai digit typed on the keyboard
    dialog.next_button.click()
    # the second typing starts from an empty form: the first is not shown
    assert dialog.step == TYPING and dialog.typing == 1 and form_is_empty(dialog)
    assert dialog.step_label.text() == "Step 3 of 4: second typing"
    type_sheet(dialog, SAME_IN_ARABIC, "ควรขยายผล ")
    dialog.form.comments["C1"].setText("มีหลักฐานชัดเจน")
    dialog.next_button.click()
    assert dialog.step == SCAN and "Both typings agree" in dialog.sheet_summary.text()

    dialog.next_button.click()  # no scan yet
    assert dialog.error_label.text() == "Attach the scan of the paper sheet first." and stored_sheets(issued) == []
    text_file = tmp_path / "sheet.txt"
    text_file.write_text("not a scan")
    dialog.set_scan(text_file)
    assert "must be a PDF, PNG or JPEG" in dialog.error_label.text() and dialog.scan_path is None
    scan = tmp_path / f"J02-{entry}.pdf"
    scan.write_bytes(PDF)
    dialog.set_scan(scan)
    assert dialog.scan_label.text() == f"J02-{entry}.pdf (PDF, 1 KB)" and dialog.error_label.text() == ""
    with qtbot.waitSignal(dialog.session.changed, timeout=10000) as changed:
        dialog.next_button.click()
    assert changed.args == ["scores"]
    qtbot.waitUntil(lambda: dialog.done_sheet is not None)
    assert dialog.done_label.text().startswith("Stored, marked as typed from paper")

    [sheet] = stored_sheets(issued)
    assert (sheet.judge_id, sheet.entry_id, sheet.status) == ("J02", entry, "scored")
    assert sheet.entered_by == "สมศรี ผู้พิมพ์"
    assert sheet.scores == {c: v for c, v in SAME_IN_ARABIC.items()} and sheet.comments == {"C1": "มีหลักฐานชัดเจน"}
    assert sheet.overall_comment == "ควรขยายผล" and sheet.total == "68.50"  # 14 + 12 + 15 + 7.5 + 9 + 2 + 9
    with ContestDatabase.open(issued.db_path) as db:
        assert paper_scan(db, issued.contest.rounds[0].id, "J02", entry) == (scan.name, PDF)
        assert {r["source"] for r in db.entry_results(issued.contest.rounds[0].id)} == {"paper"}
    # on to the judge's next sheet; the stored one is marked in the list
    dialog.next_button.click()
    assert dialog.step == CHOOSE and dialog.entry_id == issued.contest.rounds[0].entries_of("J02")[2]
    assert dialog.entry_combo.itemText(dialog.entry_combo.findData(entry)).startswith(f"{entry} (paper sheet stored) — ")


def test_a_mismatch_is_shown_side_by_side_and_nothing_is_stored_until_it_is_fixed(qtbot, thai_app, issued, dialog,
                                                                                  tmp_path):
    entry = issued.contest.rounds[0].entries_of("J03")[0]
    choose(dialog, "J03", entry)
    type_sheet(dialog, {**SCORES, "C4": "4"})
    dialog.next_button.click()
    type_sheet(dialog, SAME_IN_ARABIC)
    dialog.next_button.click()
    assert dialog.step == MISMATCH and dialog.step_label.text() == "การพิมพ์สองครั้งไม่ตรงกัน"
    model = dialog.typings_model
    highlighted = [row for row in range(model.rowCount())
                   if model.data(model.index(row, model.COL_FIELD), Qt.ItemDataRole.BackgroundRole) is not None]
    assert [model.data(model.index(row, column)) for row in highlighted for column in range(3)] == [
        "คะแนน C4", "4", "2.5"]
    assert stored_sheets(issued) == []

    # re-type only the differing field, twice; the fields that agree are locked
    dialog.next_button.click()
    form = dialog.form
    assert dialog.step == TYPING and dialog.typing == 0 and form.choosers["C4"].value() is None
    assert form.choosers["C4"].isEnabled() and not form.choosers["C1"].isEnabled()
    assert form.choosers["C1"].value() == Decimal("3.5")
    QTest.keyClicks(form.choosers["C4"], "2.5")
    dialog.next_button.click()
    assert dialog.typing == 1 and form.choosers["C4"].value() is None and form.choosers["C1"].value() == Decimal("3.5")
    QTest.keyClicks(form.choosers["C4"], "4")  # a slip again: still not stored
    dialog.next_button.click()
    assert dialog.step == MISMATCH and stored_sheets(issued) == []
    dialog.next_button.click()
    QTest.keyClicks(form.choosers["C4"], "2.5")
    dialog.next_button.click()
    QTest.keyClicks(form.choosers["C4"], "2.5")
    dialog.next_button.click()
    assert dialog.step == SCAN and stored_sheets(issued) == []

    scan = tmp_path / "sheet.png"
    scan.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 32)
    dialog.set_scan(scan)
    dialog.next_button.click()
    qtbot.waitUntil(lambda: dialog.done_sheet is not None)
    [sheet] = stored_sheets(issued)
    assert sheet.scores["C4"] == "2.5" and sheet.scores == SAME_IN_ARABIC
    assert dialog.done_label.text().startswith("บันทึกแล้ว โดยระบุว่ากรอกจากกระดาษ")


def test_a_conflict_sheet_and_a_replacement_need_their_boxes_ticked(qtbot, english_app, issued, dialog, tmp_path):
    entry = issued.contest.rounds[0].entries_of("J04")[0]
    scan = tmp_path / "sheet.jpg"
    scan.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 32)
    for replacing in (False, True):
        choose(dialog, "J04", entry)
        if replacing:
            assert dialog.step == CHOOSE and "tick “Replace”" in dialog.error_label.text()
            assert dialog.existing_note.text() == "A paper sheet is already stored for this judge and entry."
            dialog.replace_box.setChecked(True)
            dialog.next_button.click()
        for _typing in range(2):
            dialog.form.conflict.setChecked(True)
            assert not dialog.form.choosers["C1"].isEnabled() and dialog.form.reason.isEnabled()
            dialog.form.reason.setText("เคยเป็นที่ปรึกษา" if not replacing else "เป็นญาติ")
            dialog.next_button.click()
        assert dialog.step == SCAN and "conflict of interest declared" in dialog.sheet_summary.text()
        dialog.set_scan(scan)
        dialog.next_button.click()
        qtbot.waitUntil(lambda: dialog.done_sheet is not None)
        dialog.next_button.click()  # type another sheet
    [sheet] = stored_sheets(issued)
    assert (sheet.status, sheet.conflict_reason, sheet.total) == ("conflict", "เป็นญาติ", None)


def test_closing_mid_typing_asks_before_the_typing_is_lost(qtbot, english_app, issued, dialog, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    answers: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(
        lambda parent, title, text: answers.append(title) or QMessageBox.StandardButton.No))
    dialog.close_button.click()  # nothing typed yet: closes without asking
    assert answers == [] and not dialog.isVisible()
    dialog.show()
    choose(dialog, "J02", issued.contest.rounds[0].entries_of("J02")[0])
    type_sheet(dialog, {"C1": "3"})
    dialog.close_button.click()
    assert answers == ["Discard the typing?"] and dialog.isVisible() and dialog.form.choosers["C1"].value() == 3
