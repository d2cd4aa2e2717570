"""The secretariat window's Judges and Assignment pages, driven like an officer would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from conftest import play_judge
from judge_app.assignment import same_province_key
from judge_app.enrolment import write_enrolment
from judge_app.keys import PrivateKey
from judge_app.merge import merge_files
from judge_app.panel import assignment_history, calibration_entries
from judge_app.secretariat import ContestDatabase
from ui.i18n import install_language
from ui.secretariat.assignment_page import AssignmentPage, EntryPanelModel, JudgeLoadModel
from ui.secretariat.judges_page import JudgesPage, JudgesTableModel
from ui.secretariat.key_enrolment import digits_of
from ui.secretariat.session import SecretariatSession

SCREENSHOTS = Path("/tmp")
TIMEOUT = 20000


@pytest.fixture
def session(qapp, demo, secretariat_key, tmp_path):
    folder, contest = demo
    path = tmp_path / "contest.dlgcontest"
    ContestDatabase.create(path, contest, folder, secretariat_key.public_key).close()
    opened = SecretariatSession(path)
    yield opened
    opened.close()


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1280, 820)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def cell(page_table, row: int, column: int) -> str:
    return page_table.model().index(row, column).data()


def row_of(table, column: int, value: str) -> int:
    proxy = table.model()
    return next(r for r in range(proxy.rowCount()) if proxy.index(r, column).data() == value)


def wait_assigned(qtbot, page: AssignmentPage) -> None:
    qtbot.waitUntil(lambda: page.op is None and page.assign_button.isEnabled(), timeout=TIMEOUT)


# ---------------------------------------------------------------- judges and keys


def test_an_officer_adds_a_judge_enrols_the_key_from_a_file_and_revokes_it(qtbot, english_app, session, tmp_path):
    page = shown(qtbot, JudgesPage(session))
    assert page.model.rowCount() == 7
    dialog = page.open_add_dialog()
    for name, text in (("id", "J08"), ("name", "นางสาวกานดา ใจดี"), ("affiliation", "มหาวิทยาลัยขอนแก่น"),
                       ("province", "ขอนแก่น"), ("position", "อาจารย์")):
        dialog.fields[name].setText(text)
    dialog.accept()
    assert not dialog.isVisible()
    with ContestDatabase.open(session.path) as other:
        assert other.contest.judge("J08").name == "นางสาวกานดา ใจดี"
    assert page.model.rowCount() == 8 and page.selected_judge_id() == "J08"
    assert "Added judge J08" in page.message.text()

    duplicate = page.open_add_dialog()
    duplicate.fields["id"].setText("J08")
    duplicate.fields["name"].setText("คนอื่น")
    duplicate.accept()
    assert duplicate.isVisible() and "already a judge J08" in duplicate.error.text()
    duplicate.reject()

    key = PrivateKey.generate()
    enrolment = tmp_path / "J08.dlgenrol"
    write_enrolment(enrolment, "J08", "นางสาวกานดา  ใจดี", key)
    confirm = page.enrol_key_from_file(enrolment)
    grouped = key.public_key.fingerprint
    big = [label for label in confirm.findChildren(QLabel) if label.accessibleName() == "fingerprint"]
    assert grouped.count(" ") == 4 and [label.text() for label in big] == [grouped]
    assert big[0].font().pointSizeF() > page.font().pointSizeF() * 1.3, "large enough to compare digit by digit"
    confirm.digits.setText(grouped[-4:])  # the last group, typed from the signed paper
    qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)
    with ContestDatabase.open(session.path) as other:
        enrolled = other.active_key("J08")
        assert enrolled.public_key == key.public_key and enrolled.enrolled_how == "enrolment file J08.dlgenrol"
    row = row_of(page.table, JudgesTableModel.COL_ID, "J08")
    assert cell(page.table, row, JudgesTableModel.COL_FINGERPRINT) == grouped
    assert cell(page.table, row, JudgesTableModel.COL_KEY) == "enrolled"

    page.select_judge("J08")
    revoke = page.open_revoke_dialog()
    assert not revoke.revoke_button.isEnabled(), "a reason is required"
    revoke.reason.setText("เครื่องคอมพิวเตอร์สูญหาย")
    assert revoke.revoke_button.isEnabled()
    qtbot.mouseClick(revoke.revoke_button, Qt.MouseButton.LeftButton)
    with ContestDatabase.open(session.path) as other:
        history = other.key_history("J08")
        assert other.active_key("J08") is None and history[0].revoked_why == "เครื่องคอมพิวเตอร์สูญหาย"
    assert page.key_model.rowCount() == 1
    assert cell(page.table, row_of(page.table, JudgesTableModel.COL_ID, "J08"), JudgesTableModel.COL_KEY) == \
        "revoked, no new key yet"
    assert page.open_revoke_dialog() is None and not page.revoke_button.isEnabled()


def thai_digits(digits: str) -> str:
    return digits.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def labels_of(dialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_enter_as_the_enrol_dialog_opens_enrols_nothing_until_the_paper_digits_are_typed(
        qtbot, english_app, session, tmp_path):
    page = shown(qtbot, JudgesPage(session))
    key = PrivateKey.generate()
    enrolment = tmp_path / "J03.dlgenrol"
    write_enrolment(enrolment, "J03", session.db.contest.judge("J03").name, key)

    confirm = page.enrol_key_from_file(enrolment)
    qtbot.waitExposed(confirm)
    assert confirm.cancel_button.isDefault() and not confirm.enrol_button.isDefault()
    assert not confirm.enrol_button.autoDefault() and not confirm.enrol_button.isEnabled()
    qtbot.keyClick(confirm.digits, Qt.Key.Key_Return)  # Enter, out of habit, as the dialog opens
    assert not confirm.isVisible() and confirm.result() == QDialog.DialogCode.Rejected
    assert session.db.active_key("J03") is None

    confirm = page.enrol_key_from_file(enrolment)
    qtbot.waitExposed(confirm)
    qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)  # disabled: a click without looking
    confirm.accept()  # nor may anything else accept it
    assert confirm.isVisible() and session.db.active_key("J03") is None
    last = digits_of(key.public_key.fingerprint)[-4:]
    confirm.digits.setText("1111" if last != "1111" else "2222")
    assert confirm.mismatch.isVisible() and not confirm.enrol_button.isEnabled()
    confirm.digits.setText(thai_digits(last))  # typed from the paper in Thai digits
    assert confirm.enrol_button.isEnabled() and confirm.enrol_button.isDefault() and not confirm.mismatch.isVisible()
    qtbot.keyClick(confirm.digits, Qt.Key.Key_Return)  # now Enter enrols: typing the digits was the deliberate act
    assert not confirm.isVisible() and confirm.result() == QDialog.DialogCode.Accepted
    assert session.db.active_key("J03").public_key == key.public_key
    assert page.message.text() == f"Enrolled key {key.public_key.fingerprint} for judge J03."


def test_a_key_is_enrolled_from_the_judges_first_score_file_after_the_paper_check(qtbot, english_app, issued, tmp_path):
    played = play_judge(issued, "J05", tmp_path / "j05")
    fingerprint = played.key.public_key.fingerprint
    session = SecretariatSession(issued.db_path)
    try:
        page = shown(qtbot, JudgesPage(session))
        confirm = page.enrol_key_from_score_file(played.score_file)
        qtbot.waitExposed(confirm)
        assert confirm.offer.judge.id == "J05" and confirm.offer.key == played.key.public_key
        words = labels_of(confirm)
        assert fingerprint in words and played.score_file.name in words and "sequence 1" in words
        assert session.db.contest.judge("J05").name in words
        qtbot.keyClick(confirm.digits, Qt.Key.Key_Return)
        assert not confirm.isVisible() and session.db.active_key("J05") is None

        confirm = page.enrol_key_from_score_file(played.score_file)
        confirm.digits.setText(fingerprint)  # all twenty digits, spaced as on the paper, will do too
        qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)
        with ContestDatabase.open(issued.db_path) as other:
            enrolled = other.active_key("J05")
            assert enrolled.public_key == played.key.public_key
            assert enrolled.enrolled_how == f"score file {played.score_file.name}"  # as the command line writes it
            assert merge_files(other, [played.score_file])[0].status == "accepted"
        assert page.message.text() == f"Enrolled key {fingerprint} for judge J05." and page.selected_judge_id() == "J05"

        broken = tmp_path / "broken.dlgscores"
        broken.write_bytes(b"not a zip")
        assert page.enrol_key_from_score_file(broken) is None and "not a valid score file" in page.message.text()
    finally:
        session.close()


def test_an_enrolment_for_a_judge_not_in_the_contest_is_refused_in_the_page(qtbot, english_app, session, tmp_path):
    page = shown(qtbot, JudgesPage(session))
    enrolment = tmp_path / "stranger.dlgenrol"
    write_enrolment(enrolment, "J99", "คนแปลกหน้า", PrivateKey.generate())
    assert page.enrol_key_from_file(enrolment) is None
    assert "judge J99, who is not in this contest" in page.message.text()
    broken = tmp_path / "broken.dlgenrol"
    broken.write_bytes(b"not a zip")
    assert page.enrol_key_from_file(broken) is None and "not a valid enrolment file" in page.message.text()


def test_ties_are_added_and_removed_for_the_selected_judge(qtbot, english_app, session):
    page = shown(qtbot, JudgesPage(session))
    page.select_judge("J02")
    page.tie_kind.setCurrentIndex(page.tie_kind.findData("organisation"))
    page.tie_value.setText("เทศบาลนคร ขอนแก่น")
    page.add_tie_from_fields()
    assert [t.value for t in page.selected_row().ties] == ["เทศบาลนคร ขอนแก่น"]
    assert page.ties_list.count() == 2 and "always a tie" in page.ties_list.item(0).text()
    page.tie_value.setText("เทศบาลนคร  ขอนแก่น")
    page.add_tie_from_fields()
    assert "already tied" in page.message.text()
    page.ties_list.setCurrentRow(1)
    page.remove_selected_tie()
    assert page.selected_row().ties == () and page.ties_list.count() == 1


# ---------------------------------------------------------------- assignment


def test_automatic_assignment_runs_off_the_gui_thread_and_is_recorded(qtbot, english_app, session):
    page = shown(qtbot, AssignmentPage(session))
    page.per_entry.setValue(3)
    page.seed.setValue(5)
    with qtbot.waitSignal(session.changed, timeout=TIMEOUT):
        qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    wait_assigned(qtbot, page)
    with ContestDatabase.open(session.path) as other:
        log = assignment_history(other, other.contest.rounds[0].id)
        assert log[-1].action == "auto" and log[-1].detail["seed"] == 5 and log[-1].detail["per_entry"] == 3
    loads = [page.load_model.row_object(r).load for r in range(page.load_model.rowCount())]
    assert max(loads) - min(loads) <= 1 and sum(loads) == 3 * 120
    assert "Assigned 3 judges to every entry" in page.message.text()

    page.per_entry.setValue(7)
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    wait_assigned(qtbot, page)
    text = page.message.text()
    assert page.message.isVisible() and "Nothing was changed" in text
    assert "needs 7 judges, only" in text and "same province (" in text
    with ContestDatabase.open(session.path) as other:
        assert len(assignment_history(other, other.contest.rounds[0].id)) == 1


def test_a_manual_change_that_breaks_a_rule_is_refused_and_one_that_keeps_them_is_logged(qtbot, english_app, session):
    page = shown(qtbot, AssignmentPage(session))
    contest = session.db.contest
    khon_kaen = next(e for e in contest.entries if same_province_key(e.province) == same_province_key("ขอนแก่น"))
    page.select_entries([khon_kaen.id])
    page.judge_choice.setCurrentIndex(page.judge_choice.findData("J05"))
    page.reason.setText("ขอเพิ่มกรรมการ")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert f"Refused: J05 may not judge {khon_kaen.id}: same province (ขอนแก่น)" in page.message.text()
    on_it = cell(page.entries_table, row_of(page.entries_table, EntryPanelModel.COL_ID, khon_kaen.id),
                 EntryPanelModel.COL_JUDGES).split(", ")
    page.judge_choice.setCurrentIndex(page.judge_choice.findData(on_it[0]))
    page.reason.setText("กรรมการลาป่วย")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert f"{khon_kaen.id} now has 2 judges; 3 are needed." in page.message.text()
    row = row_of(page.entries_table, EntryPanelModel.COL_ID, khon_kaen.id)
    assert cell(page.entries_table, row, EntryPanelModel.COL_COUNT) == "2"
    with ContestDatabase.open(session.path) as other:
        log = assignment_history(other, other.contest.rounds[0].id)
        assert [(r.action, r.judge_id, r.detail["why"]) for r in log] == [("remove", on_it[0], "กรรมการลาป่วย")]


def test_calibration_entries_are_chosen_in_the_page_and_given_to_every_judge_first(qtbot, english_app, session):
    page = shown(qtbot, AssignmentPage(session))
    chosen = [session.db.contest.entries[0].id, session.db.contest.entries[5].id]
    page.select_entries(chosen)
    qtbot.mouseClick(page.mark_button, Qt.MouseButton.LeftButton)
    round_id = session.round_id
    assert calibration_entries(session.db, round_id) == tuple(chosen)
    assert "Judges who do not have them first yet" in page.calibration_label.text()
    qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
    wait_assigned(qtbot, page)
    assert "do not have them first" not in page.calibration_label.text()
    contest = session.db.contest
    for judge in contest.judges:
        firsts = [e for e in chosen if same_province_key(contest.entry(e).province) != same_province_key(judge.province)]
        assert list(contest.round(round_id).entries_of(judge.id)[:len(firsts)]) == firsts
    row = row_of(page.entries_table, EntryPanelModel.COL_ID, chosen[0])
    assert cell(page.entries_table, row, EntryPanelModel.COL_CALIBRATION) == "calibration"
    page.select_entries([chosen[0]])
    qtbot.mouseClick(page.unmark_button, Qt.MouseButton.LeftButton)
    assert calibration_entries(session.db, round_id) == (chosen[1],)


def test_the_banner_names_the_judges_whose_issued_bundles_are_out_of_date(qtbot, english_app, issued):
    session = SecretariatSession(issued.db_path)
    try:
        page = shown(qtbot, AssignmentPage(session))
        assert not page.stale_banner.isVisible()
        page.seed.setValue(1)
        qtbot.mouseClick(page.assign_button, Qt.MouseButton.LeftButton)
        wait_assigned(qtbot, page)
        assert page.stale_banner.isVisible()
        changed = page.last_outcome.changed
        assert changed and all(judge_id in page.stale_banner.text() for judge_id in changed)
    finally:
        session.close()


# ---------------------------------------------------------------- what the officer sees


@pytest.mark.parametrize("language", ["th", "en"])
def test_both_pages_look_right_in_each_language(qtbot, request, language, session):
    request.getfixturevalue("thai_app" if language == "th" else "english_app")
    judges = shown(qtbot, JudgesPage(session))
    session.db.enrol_key("J01", PrivateKey.generate().public_key, how="test")
    session.notify("judges")
    judges.select_judge("J05")
    judges.tie_value.setText("เทศบาลเมืองบ้านค้อ")
    judges.add_tie_from_fields()
    QApplication.processEvents()
    judges.grab().save(str(SCREENSHOTS / f"secretariat_judges_{language}.png"))
    page = shown(qtbot, AssignmentPage(session))
    page.select_entries([session.db.contest.entries[1].id])
    page.mark_calibration(True)
    page.per_entry.setValue(7)
    page.assign_automatically()
    wait_assigned(qtbot, page)
    QApplication.processEvents()
    page.grab().save(str(SCREENSHOTS / f"secretariat_assignment_{language}.png"))
    thai = any("\u0e00" <= ch <= "\u0e7f" for ch in page.assign_button.text() + judges.add_button.text())
    assert thai == (language == "th")
    assert page.message_area.isVisible() and "E0" in page.message.text()
    assert page.entries_table.height() > 250, "a long list of short entries scrolls; it does not squeeze the tables"


def test_the_tie_row_fits_and_the_last_message_follows_the_language(qtbot, thai_app, session):
    page = shown(qtbot, JudgesPage(session))
    page.select_judge("J05")
    page.tie_value.setText("เทศบาลเมืองบ้านค้อ")
    page.add_tie_from_fields()
    assert page.message.text() == "J05 จะไม่ได้รับผลงานของ เทศบาลเมืองบ้านค้อ อีก"
    QApplication.processEvents()
    room = page.tie_value.fontMetrics().horizontalAdvance("เทศบาลนครขอนแก่น")
    assert page.tie_value.width() >= room, "the name of a tie is not squeezed to nothing"
    install_language("en")  # widgets hear of it through a posted LanguageChange event
    qtbot.waitUntil(lambda: page.add_button.text() == "&Add judge…")
    QApplication.processEvents()
    assert page.message.text() == "J05 is now never assigned entries of เทศบาลเมืองบ้านค้อ."
    kind = page.tie_kind
    assert kind.currentText() == "Organisation"
    assert kind.width() >= kind.fontMetrics().horizontalAdvance("Organisation") + 20, "the kind is not cut"
    assert page.tie_value.width() >= room


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_loads_table_shows_every_judges_whole_name(qtbot, request, language, session):
    request.getfixturevalue("thai_app" if language == "th" else "english_app")
    page = shown(qtbot, AssignmentPage(session))
    QApplication.processEvents()
    table = page.judges_table
    for row in range(table.model().rowCount()):
        name = table.model().index(row, JudgeLoadModel.COL_NAME).data()
        assert table.columnWidth(JudgeLoadModel.COL_NAME) >= table.fontMetrics().horizontalAdvance(name), name
    assert table.horizontalHeader().length() <= table.viewport().width()


# ---------------------------------------------------------------- conflicts of interest and the history


def wait_idle(qtbot, dialog) -> None:
    qtbot.waitUntil(lambda: dialog.op is None, timeout=TIMEOUT)


def declared_rows(path) -> list[tuple]:
    with ContestDatabase.open(path) as other:
        return other.conn.execute("SELECT judge_id, entry_id, reason FROM declared_conflicts").fetchall()


def test_a_conflict_declared_in_the_dialog_keeps_the_judge_off_the_entry_until_withdrawn(
        qtbot, english_app, session):
    page = shown(qtbot, AssignmentPage(session))
    page.assign_automatically()
    wait_assigned(qtbot, page)
    round_id = session.round_id
    judge_id, held = next((j, mine[0]) for j, mine in session.db.contest.round(round_id).assignments.items() if mine)
    page.select_entries([held])
    conflicts_dialog = page.open_conflicts_dialog()
    assert conflicts_dialog.model.rowCount() == 0 and not conflicts_dialog.withdraw_button.isEnabled()
    declare = conflicts_dialog.open_declare_dialog()
    assert declare.entry.currentData() == held, "the entry selected on the page"
    declare.judge.setCurrentIndex(declare.judge.findData(judge_id))
    assert not declare.declare_button.isEnabled(), "a reason is required"
    declare.reason.setText("ญาติของกรรมการทำงานที่หน่วยงานนี้")
    qtbot.mouseClick(declare.declare_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, conflicts_dialog)
    assert declared_rows(session.path) == [(judge_id, held, "ญาติของกรรมการทำงานที่หน่วยงานนี้")]
    text = conflicts_dialog.message.text()
    assert f"{judge_id} still judges {held} until you reassign" in text, "no silent change of assignments"
    assert held in session.db.contest.round(round_id).entries_of(judge_id)
    assert conflicts_dialog.model.rowCount() == 1 and conflicts_dialog.model.row_object(0).still_assigned
    assert cell(conflicts_dialog.table, 0, 3) == "to the secretariat" and "UTC" in cell(conflicts_dialog.table, 0, 4)

    page.assign_automatically()
    wait_assigned(qtbot, page)
    assert held not in session.db.contest.round(round_id).entries_of(judge_id)
    assert not conflicts_dialog.model.row_object(0).still_assigned, "the dialog followed the new assignment"

    conflicts_dialog.table.selectRow(0)
    assert conflicts_dialog.withdraw_button.isEnabled()
    qtbot.mouseClick(conflicts_dialog.withdraw_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, conflicts_dialog)
    assert declared_rows(session.path) == [] and conflicts_dialog.model.rowCount() == 0
    assert f"Withdrawn: {judge_id} may be given {held} again." in conflicts_dialog.message.text()


def test_the_history_dialog_lists_the_automatic_assignment_and_a_manual_change(qtbot, english_app, session):
    page = shown(qtbot, AssignmentPage(session))
    history = page.open_history_dialog()
    assert history.model.rowCount() == 0 and history.empty.isVisible()
    page.seed.setValue(9)
    page.assign_automatically()
    wait_assigned(qtbot, page)
    entry_id = session.db.contest.entries[0].id
    on_it = [j for j, mine in session.db.contest.round(session.round_id).assignments.items() if entry_id in mine]
    page.select_entries([entry_id])
    page.judge_choice.setCurrentIndex(page.judge_choice.findData(on_it[0]))
    page.reason.setText("กรรมการลาป่วย")
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert history.model.rowCount() == 2 and not history.empty.isVisible()
    assert cell(history.table, 0, 1) == "automatic" and "seed 9" in cell(history.table, 0, 4)
    assert [cell(history.table, 1, c) for c in (1, 2, 3)] == ["judge removed", on_it[0], entry_id]
    assert "กรรมการลาป่วย" in cell(history.table, 1, 4)


def test_the_conflict_and_history_dialogs_in_thai(qtbot, thai_app, session):
    page = shown(qtbot, AssignmentPage(session))
    page.assign_automatically()
    wait_assigned(qtbot, page)
    entry_id = session.db.contest.entries[0].id
    judge_id = next(j for j, mine in session.db.contest.round(session.round_id).assignments.items() if entry_id in mine)
    page.select_entries([entry_id])
    conflicts_dialog = page.open_conflicts_dialog()
    conflicts_dialog.declare(judge_id, entry_id, "เป็นที่ปรึกษาโครงการของหน่วยงานนี้")
    wait_idle(qtbot, conflicts_dialog)
    QApplication.processEvents()
    assert "ยังตรวจ" in conflicts_dialog.message.text()
    conflicts_dialog.grab().save(str(SCREENSHOTS / "secretariat_conflicts_th.png"))
    declare = conflicts_dialog.open_declare_dialog()
    qtbot.waitExposed(declare)
    declare.grab().save(str(SCREENSHOTS / "secretariat_declare_conflict_th.png"))
    assert declare.declare_button.text().startswith("บันทึก")
    declare.reject()
    conflicts_dialog.reject()
    history = page.open_history_dialog()
    qtbot.waitExposed(history)
    QApplication.processEvents()
    history.grab().save(str(SCREENSHOTS / "secretariat_history_th.png"))
    assert cell(history.table, 0, 1) == "จัดอัตโนมัติ"
