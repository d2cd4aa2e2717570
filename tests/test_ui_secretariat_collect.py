"""The collect page on a real contest database: drop real signed score files, read the outcomes and the dashboard."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication
from ui_helpers import drag_events

from conftest import play_judge
from judge_app.errors import SecretariatError
from judge_app.merge import merge_files
from judge_app.panel import declare_conflict
from judge_app.progress import round_progress
from ui.i18n import install_language
from ui.secretariat.collect_page import CollectPage, score_file_paths
from ui.secretariat.key_enrolment import EnrolKeyDialog
from ui.secretariat.progress_models import EntryProgressModel, FilesModel, JudgeProgressModel, OutcomesModel
from ui.secretariat.session import SecretariatSession

TIMEOUT = 30_000
SCREENSHOTS = Path("/tmp")


def played_files(issued, tmp_path: Path, judges: dict[str, bool]) -> list[Path]:
    """The judges' genuine score files (keys enrolled), complete or one entry short, copied into one folder."""
    folder = tmp_path / "inbox"
    folder.mkdir(exist_ok=True)
    files = []
    for judge_id, complete in judges.items():
        played = play_judge(issued, judge_id, tmp_path / judge_id, complete=complete)
        with issued.open_db() as db:
            db.enrol_key(judge_id, played.key.public_key, how="test")
        files.append(Path(shutil.copy(played.score_file, folder)))
    return files


@pytest.fixture
def dropped(issued, tmp_path) -> list[Path]:
    """Three judges' genuine score files in one folder, and a tampered copy of the first."""
    files = played_files(issued, tmp_path, {"J01": True, "J02": False, "J03": True})
    data = bytearray(files[0].read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = files[0].parent / "tampered-J01.dlgscores"
    tampered.write_bytes(bytes(data))
    return [*files, tampered]


@pytest.fixture
def page(qtbot, issued):
    session = SecretariatSession(issued.db_path)
    widget = CollectPage(session)
    qtbot.addWidget(widget)
    widget.resize(1280, 860)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    session.close()


def merge(qtbot, page: CollectPage, paths) -> list:
    with qtbot.waitSignal(page.merge_finished, timeout=TIMEOUT) as blocker:
        assert page.merge_paths(paths) is not None
        assert page.merging and not page.add_files_button.isEnabled()
    assert not page.merging and page.add_files_button.isEnabled()
    return blocker.args[0]


def column(model, col: int) -> list[str]:
    return [model.index(row, col).data() for row in range(model.rowCount())]


def drop_events(widget, urls: list[QUrl]):
    return drag_events(widget, urls)


def test_dropping_files_shows_each_outcome_and_the_dashboard_follows(qtbot, english_app, issued, dropped, page):
    changes: list[str] = []
    page.session.changed.connect(changes.append)
    assert page.progress.judges_sent == 0 and "0 of 7 judges have sent a file" in page.summary.text()

    outcomes = merge(qtbot, page, dropped)
    assert [o.status for o in outcomes] == ["accepted", "accepted", "accepted", "rejected"]
    assert changes == ["scores"] and page.tabs.currentIndex() == page.OUTCOME_TAB
    model = page.outcomes_model
    assert column(model, OutcomesModel.COL_OUTCOME) == ["accepted"] * 3 + ["rejected"]
    assert column(model, OutcomesModel.COL_FILE) == [p.name for p in dropped]
    assert column(model, OutcomesModel.COL_JUDGE)[:3] == [
        f"{j} · {issued.contest.judge(j).name}" for j in ("J01", "J02", "J03")]
    assert column(model, OutcomesModel.COL_SEQUENCE) == ["1", "1", "1", ""]
    with issued.open_db() as db:
        stored = db.score_file_row(outcomes[3].sha256)
    assert stored["outcome"] == "rejected" and column(model, OutcomesModel.COL_REASON)[3] == stored["reason"] != ""
    rejected_icon = model.index(3, OutcomesModel.COL_OUTCOME).data(Qt.ItemDataRole.DecorationRole)
    accepted_icon = model.index(0, OutcomesModel.COL_OUTCOME).data(Qt.ItemDataRole.DecorationRole)
    assert rejected_icon.pixmap(16).toImage() != accepted_icon.pixmap(16).toImage()
    assert page.outcome_summary.text() == "4 files: 3 accepted, 0 duplicate, 0 superseded, 1 rejected"

    # the dashboard shows what the core counts on its own connection
    with issued.open_db() as db:
        expected = round_progress(db, "r1")
    assert page.judges_model.rowCount() == len(expected.judges) == 7
    for row, judge in enumerate(expected.judges):
        shown = [page.judges_model.index(row, c).data() for c in range(page.judges_model.columnCount())]
        assert shown[JudgeProgressModel.COL_JUDGE] == judge.judge_id
        assert shown[JudgeProgressModel.COL_ASSIGNED:JudgeProgressModel.COL_PAPER + 1] == [
            str(n) for n in (judge.assigned, judge.scored, judge.conflict, judge.missing, judge.paper)]
        if judge.judge_id in ("J01", "J02", "J03"):
            assert shown[JudgeProgressModel.COL_LAST_FILE] == "merged, sequence 1"
        else:
            assert shown[JudgeProgressModel.COL_LAST_FILE] == "no file yet"
    assert page.summary.text() == (f"3 of 7 judges have sent a file · {expected.scored + expected.conflict} of "
                                   f"{expected.assigned} entry scores in")
    assert "Rejected files that name no judge of this contest: 1" in page.summary_detail.text()
    assert page.files_model.rowCount() == 4 and page.tabs.tabText(page.FILES_TAB) == "&All files received (4)"

    # the same folder dropped for real: nothing changes, the tampered file is still refused
    mime, enter, drop = drop_events(page, [QUrl.fromLocalFile(str(dropped[0].parent))])
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(page.merge_finished, timeout=TIMEOUT) as blocker:
        QApplication.sendEvent(page, drop)
    assert drop.isAccepted()
    again = {o.file_name: o for o in blocker.args[0]}
    assert sorted(again) == sorted(p.name for p in dropped)
    assert [again[p.name].status for p in dropped] == ["duplicate", "duplicate", "duplicate", "rejected"]
    assert again[dropped[3].name].reason.startswith("already imported and rejected")
    assert page.files_model.rowCount() == 4
    with issued.open_db() as db:
        assert round_progress(db, "r1") == expected
    assert page.progress == expected


def test_only_score_files_and_folders_are_taken(qtbot, english_app, issued, tmp_path, page):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    upper = tmp_path / "sub" / "J09.DLGSCORES"
    upper.parent.mkdir()
    upper.write_bytes(b"not really")
    assert score_file_paths([pdf, tmp_path]) == ([upper], [pdf])
    for urls in ([QUrl.fromLocalFile(str(pdf))], [QUrl("https://example.org/a.dlgscores")]):
        _, enter, drop = drop_events(page, urls)
        QApplication.sendEvent(page, enter)
        assert not enter.isAccepted()
        QApplication.sendEvent(page, drop)
        assert not drop.isAccepted() and not page.merging
    assert page.merge_paths([pdf]) is None
    assert page.status.text() == "No score files (.dlgscores) among what was given; nothing was imported."
    outcomes = merge(qtbot, page, [pdf, upper])
    assert [o.status for o in outcomes] == ["rejected"]
    assert "Other files left aside (not .dlgscores): 1" in page.outcome_summary.text()


def test_entries_filter_shows_only_entries_short_of_judges(qtbot, english_app, issued, tmp_path, page):
    judges = {j.id: j.id != "J02" for j in issued.contest.judges}  # every judge sends a file, J02 one entry short
    merge(qtbot, page, played_files(issued, tmp_path, judges))
    progress = page.progress
    short = [e for e in progress.entries if e.short]
    assert 0 < len(short) < len(progress.entries)
    assert page.short_only.isChecked() and page.entries_proxy.rowCount() == len(short)
    assert page.entries_heading.text() == f"Entries: {len(short)} shown of {len(progress.entries)}"
    page.short_only.setChecked(False)
    assert page.entries_proxy.rowCount() == len(progress.entries)
    first = short[0]
    page.entry_search.setText(first.entry_id)
    assert page.entries_proxy.rowCount() == 1
    row = [page.entries_proxy.index(0, c).data() for c in range(page.entries_model.columnCount())]
    assert row[EntryProgressModel.COL_ENTRY] == first.entry_id
    assert row[EntryProgressModel.COL_ORG] == first.org_name
    assert row[EntryProgressModel.COL_SCORED] == str(first.scored)
    assert row[EntryProgressModel.COL_STILL] == " ".join(first.missing_judges)
    # sorted by the number of judges still missing, numerically
    page.entry_search.clear()
    page.entries_table.sortByColumn(EntryProgressModel.COL_MISSING, Qt.SortOrder.DescendingOrder)
    top = int(page.entries_proxy.index(0, EntryProgressModel.COL_MISSING).data())
    assert top == max(e.missing for e in progress.entries)


def test_a_merge_that_cannot_run_is_reported(qtbot, english_app, issued, dropped, page, monkeypatch):
    def broken(db, paths, progress=None):
        raise SecretariatError("the disk is full", path=db.path)

    monkeypatch.setattr("ui.secretariat.collect_page.merge_files", broken)
    with qtbot.waitSignal(page.merge_failed, timeout=TIMEOUT) as blocker:
        page.merge_paths(dropped)
    assert "the disk is full" in blocker.args[0]
    assert page.status.text().startswith("The files could not be merged:") and page.add_files_button.isEnabled()
    box = next(w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "Merge stopped")
    box.close()


def test_paper_sheet_button_opens_the_paper_dialog(qtbot, english_app, page):
    paper_dialog = pytest.importorskip("ui.secretariat.paper_dialog")
    qtbot.mouseClick(page.paper_button, Qt.MouseButton.LeftButton)
    assert isinstance(page.paper_dialog, paper_dialog.PaperEntryDialog) and page.paper_dialog.isVisible()
    page.paper_dialog.reject()


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_page_after_a_merge_in_both_languages(qtbot, english_app, issued, dropped, page, language):
    merge(qtbot, page, dropped)
    install_language(language)
    thai = language == "th"
    qtbot.waitUntil(lambda: (page.tabs.tabText(page.DASHBOARD_TAB) == "&Progress") != thai)  # LanguageChange is posted
    assert page.summary.text().startswith("กรรมการส่งไฟล์แล้ว 3 จาก 7 คน" if thai else "3 of 7 judges have sent a file")
    assert (page.outcomes_model.index(3, OutcomesModel.COL_OUTCOME).data() == "rejected") != thai
    assert (page.judges_model.headerData(JudgeProgressModel.COL_MISSING, Qt.Orientation.Horizontal)
            == "Missing") != thai
    assert page.status.text() == page.outcome_summary.text()  # the status line follows the language too
    QApplication.processEvents()  # let the layouts settle before the picture
    page.grab().save(str(SCREENSHOTS / f"collect_outcomes_{language}.png"))
    page.tabs.setCurrentIndex(page.DASHBOARD_TAB)
    QApplication.processEvents()
    page.grab().save(str(SCREENSHOTS / f"collect_dashboard_{language}.png"))
    page.tabs.setCurrentIndex(page.FILES_TAB)
    QApplication.processEvents()
    page.grab().save(str(SCREENSHOTS / f"collect_files_{language}.png"))


def test_a_hidden_page_counts_again_when_shown(qtbot, english_app, issued, dropped, page):
    page.hide()
    with issued.open_db() as db:
        merge_files(db, dropped[:1])
    page.session.notify("scores")
    assert page.progress.judges_sent == 0  # not counted while hidden
    page.show()
    assert page.progress.judges_sent == 1 and page.files_model.rowCount() == 1


# ---------------------------------------------------------------- a file refused for want of a key


def refuse_for_want_of_a_key(qtbot, issued, tmp_path, page) -> tuple:
    """J04's genuine file, dropped before J04's key is enrolled: refused, with the enrol button offered."""
    played = play_judge(issued, "J04", tmp_path / "j04")
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    path = Path(shutil.copy(played.score_file, inbox))
    [outcome] = merge(qtbot, page, [path])
    assert outcome.status == "rejected" and "no enrolled key" in outcome.reason
    assert not page.enrol_key_button.isEnabled(), "nothing is selected yet"
    page.outcomes_table.selectRow(0)
    assert page.enrol_key_button.isEnabled()
    return played, path


def test_a_file_refused_for_want_of_a_key_offers_to_enrol_the_key_and_merges_it_again(
        qtbot, english_app, issued, tmp_path, page):
    played, path = refuse_for_want_of_a_key(qtbot, issued, tmp_path, page)
    page.tabs.setCurrentIndex(page.FILES_TAB)
    page.files_table.selectRow(0)
    assert page.files_enrol_button.isEnabled(), "offered in every file received too"
    page.tabs.setCurrentIndex(page.OUTCOME_TAB)

    qtbot.mouseClick(page.enrol_key_button, Qt.MouseButton.LeftButton)
    confirm = page.active_dialog
    assert isinstance(confirm, EnrolKeyDialog) and confirm.isVisible()
    assert confirm.offer.judge.id == "J04" and confirm.offer.key == played.key.public_key
    qtbot.keyClick(confirm.digits, Qt.Key.Key_Return)  # a stray Enter: nothing enrolled, nothing merged
    assert not confirm.isVisible() and page.session.db.active_key("J04") is None and not page.merging

    qtbot.mouseClick(page.enrol_key_button, Qt.MouseButton.LeftButton)
    confirm = page.active_dialog
    page.grab().save(str(SCREENSHOTS / "collect_refused_for_want_of_a_key.png"))
    confirm.grab().save(str(SCREENSHOTS / "collect_enrol_key_from_score_file.png"))
    confirm.digits.setText(confirm.last_group)
    with qtbot.waitSignal(page.merge_finished, timeout=TIMEOUT) as merged:
        qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)
        assert page.status.text().startswith(f"Enrolled key {played.key.public_key.fingerprint} for judge J04;")
    with issued.open_db() as db:
        enrolled = db.active_key("J04")
    assert enrolled.public_key == played.key.public_key and enrolled.enrolled_how == f"score file {path.name}"
    assert [(o.file_name, o.status) for o in merged.args[0]] == [(path.name, "accepted")], "merged again, accepted"
    j04 = next(j for j in page.progress.judges if j.judge_id == "J04")
    assert j04.scored > 0 and j04.missing == 0 and j04.last_file.outcome == "merged"
    page.outcomes_table.selectRow(0)
    assert not page.enrol_key_button.isEnabled(), "J04 has a key now"


# ---------------------------------------------------------------- what the officer reads


def test_reasons_are_said_in_thai_with_the_cores_words_kept(qtbot, thai_app, issued, dropped, page):
    merge(qtbot, page, dropped)
    model = page.outcomes_model
    merged = model.index(0, OutcomesModel.COL_REASON)
    assert merged.data() == "รวมแล้ว" and merged.data(Qt.ItemDataRole.ToolTipRole) == "merged"
    rejected = model.index(3, OutcomesModel.COL_REASON)
    core = rejected.data(Qt.ItemDataRole.ToolTipRole)
    assert core and rejected.data() == f"ข้อความจากการตรวจสอบ (ภาษาอังกฤษ): {core}"
    again = merge(qtbot, page, dropped)
    assert [model.index(r, OutcomesModel.COL_REASON).data() for r in range(3)] == [
        "ไฟล์นี้เคยนำเข้าแล้ว ไม่มีอะไรเปลี่ยนแปลง"] * 3
    assert model.index(3, OutcomesModel.COL_REASON).data() == (
        f"เคยนำเข้าและถูกปฏิเสธแล้ว — ข้อความจากการตรวจสอบ (ภาษาอังกฤษ): {core}")
    assert again[3].reason == f"already imported and rejected: {core}"
    files = page.files_model
    assert {files.index(r, FilesModel.COL_REASON).data() for r in range(files.rowCount())} >= {"รวมแล้ว"}


def test_columns_are_fitted_again_after_a_language_change(qtbot, thai_app, issued, dropped, page):
    merge(qtbot, page, dropped)
    install_language("en")
    qtbot.waitUntil(lambda: page.tabs.tabText(page.DASHBOARD_TAB) == "&Progress")
    for table in (page.outcomes_table, page.judges_table, page.files_table):
        for column in range(table.model().columnCount() - 1):  # the last column takes the room left
            needed = max(table.sizeHintForColumn(column), table.horizontalHeader().sectionSizeHint(column))
            assert table.columnWidth(column) >= needed, (table.accessibleName(), column)


@pytest.mark.parametrize("language", ["th", "en"])
def test_the_dashboard_shows_a_panel_of_seven_whole_in_a_1280_by_800_window(qtbot, request, language, issued,
                                                                           dropped, page):
    request.getfixturevalue("thai_app" if language == "th" else "english_app")
    merge(qtbot, page, dropped)
    page.resize(1280, 700)  # what a 1280 × 800 window leaves the page under its menu, tabs and status bar
    page.tabs.setCurrentIndex(page.DASHBOARD_TAB)
    QApplication.processEvents()
    page.grab().save(str(SCREENSHOTS / f"collect_dashboard_1280_{language}.png"))
    table = page.judges_table
    assert table.model().rowCount() == 7
    last = table.model().rowCount() - 1
    assert table.rowViewportPosition(last) + table.rowHeight(last) <= table.viewport().height(), "every judge shows"
    assert table.horizontalHeader().length() <= table.viewport().width(), "no column is cut off at the right"
    assert page.entries_table.height() > 150, "the entries keep a useful part of the page"


def test_entries_short_of_judges_only_because_of_conflicts_are_counted_apart(qtbot, english_app, issued, page):
    round_ = issued.contest.round("r1")
    panel = sorted(j for j, entries in round_.assignments.items() if "E001" in entries)
    with issued.open_db() as db:
        with db.transaction():
            for judge_id in panel[1:]:
                db.conn.execute("INSERT INTO entry_results VALUES ('r1', ?, 'E001', 'scored', '70.00', '', '', 'x')",
                                (judge_id,))
        declare_conflict(db, "r1", panel[0], "E001", "ญาติของผู้บริหาร")
    page.session.notify("scores")
    entries = len(page.progress.entries)
    assert page.summary_detail.text().endswith(
        f"Entries still waiting for a judge's scores: {entries - 1} of {entries} · "
        "short of judges because of conflicts of interest: 1")
    row = next(r for r in range(page.entries_model.rowCount())
               if page.entries_model.index(r, EntryProgressModel.COL_ENTRY).data() == "E001")
    tip = page.entries_model.index(row, EntryProgressModel.COL_ENTRY).data(Qt.ItemDataRole.ToolTipRole)
    assert "declared a conflict of interest" in tip
