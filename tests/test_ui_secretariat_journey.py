"""The secretariat's whole round in the window, in Thai, as an officer runs it.

One fresh contest: a contest.json with judges and no entries becomes a contest
database through the "New contest database" dialog; the entries come from a
cp874 sheet (Thai Excel) with a broken row, the attachments from a folder; the
judges are assigned automatically, every bundle is issued, the core plays the
seven judges on those very bundles, their keys are enrolled from their
enrolment files and their signed score files dropped on the Collect page; the
method is chosen and the results shown. Each step is checked against the
contest database, and the window is grabbed to PNG at every page
(``/tmp/journey`` unless DLG_JOURNEY_SHOTS says otherwise) for a person to look at.

Only file dialogs are replaced (by the path an officer would pick).
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from judge_app.demo import build_demo_contest
from judge_app.demo_round import play_judge
from judge_app.enrolment import read_enrolment
from judge_app.model import Contest
from judge_app.paths import ENROLMENT_SUFFIX
from judge_app.round_results import load_round_results
from judge_app.scoring import total_str
from judge_app.secretariat import ContestDatabase
from ui.secretariat.assignment_page import AssignmentPage
from ui.secretariat.bundles_page import BundlesPage, SecretariatKeyDialog
from ui.secretariat.collect_page import CollectPage
from ui.secretariat.entries_page import ContestEntriesModel, EntriesPage
from ui.secretariat.judges_page import EnrolKeyDialog, JudgesPage, JudgesTableModel
from ui.secretariat.progress_models import JudgeProgressModel
from ui.secretariat.results_models import RankingModel
from ui.secretariat.results_page import ResultsPage
from ui.secretariat.window import NewContestDialog, SecretariatWindow

TIMEOUT = 30_000
ENTRY_COUNT = 40
PER_ENTRY = 3
SEED = 2565
PASSPHRASE = "รหัสผ่านของฝ่ายเลขานุการ ท้องถิ่นดิจิทัล 2565"
SHOTS = Path(os.environ.get("DLG_JOURNEY_SHOTS", "/tmp/journey"))

#: How the portal writes the organisation types (the abbreviations on the application form).
PORTAL_TYPES = {"sao": "อบต.", "subdistrict_municipality": "ทต.", "town_municipality": "ทม.",
                "city_municipality": "ทน.", "pao": "อบจ."}
#: The portal's headers; the first one ("receipt number") is not a spelling the import guesses.
HEADERS = ["เลขที่ใบรับ", "ชื่อหน่วยงาน", "ประเภท", "จังหวัด", "ชื่อผลงาน", "สรุปผลงาน", "ผู้ประสานงาน",
           "โทรศัพท์", "อีเมล"]
BROKEN_AFTER = 10  # the broken row comes after this many good ones
BROKEN_ROW = ["E900", "เทศบาลบางแห่ง", "ทบ.", "ลำปาง", "ระบบที่ไม่รู้ประเภท", "", "", "", ""]


# ---------------------------------------------------------------- what the officer starts from


@pytest.fixture(scope="module")
def demo_contest(tmp_path_factory) -> tuple[Path, Contest]:
    """The demo contest (40 entries, their attachments) that the portal's export and folder are made from."""
    folder = tmp_path_factory.mktemp("portal")
    return folder, build_demo_contest(folder, seed=SEED, entry_count=ENTRY_COUNT)


def contest_without_entries(demo_folder: Path, target: Path) -> Path:
    """The contest's contest.json as the secretariat writes it before the applications close: judges, no entries."""
    data = json.loads((demo_folder / "contest.json").read_text("utf-8"))
    data["entries"] = []
    for round_ in data["rounds"]:
        round_["assignments"] = {}
    target.mkdir(parents=True)
    path = target / "contest.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), "utf-8")
    return path


def portal_sheet(contest: Contest, path: Path) -> Path:
    """The portal's export as Excel in Thailand saves it: CSV in cp874, one broken row among the good ones."""
    rows = [[e.id, e.org_name, PORTAL_TYPES[e.org_type], e.province, e.project_title, e.summary,
             e.contact.name, e.contact.phone, e.contact.email] for e in contest.entries]
    rows.insert(BROKEN_AFTER, BROKEN_ROW)
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([HEADERS, *rows])
    path.write_bytes(buffer.getvalue().encode("cp874"))
    return path


# ---------------------------------------------------------------- helpers


def shoot(qtbot, widget, name: str) -> Path:
    """Grab ``widget`` once its layouts have settled."""
    qtbot.wait(50)  # layouts update on the next turns of the event loop
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    image = widget.grab()
    assert not image.isNull() and image.save(str(path))
    return path


def show_tab(qtbot, window: SecretariatWindow, page) -> None:
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(page.isVisible)


def wait_dialog(qtbot, owner, kind):
    qtbot.waitUntil(lambda: isinstance(owner.active_dialog, kind) and owner.active_dialog.isVisible(),
                    timeout=TIMEOUT)
    return owner.active_dialog


def cell(model, row: int, column: int) -> str:
    return model.index(row, column).data()


def drop(widget, paths: list[Path]) -> None:
    """Drag ``paths`` from a file manager and drop them on ``widget``."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = widget.rect().center()
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter, dropped = QDragEnterEvent(point, *args), QDropEvent(QPointF(point), *args)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, dropped)


def assignment_loads(db_path: Path) -> dict[str, int]:
    with ContestDatabase.open(db_path) as db:
        round_ = db.contest.rounds[0]
        return {j.id: len(round_.entries_of(j.id)) for j in db.contest.judges}


# ---------------------------------------------------------------- the journey


def test_an_officer_runs_a_whole_round_in_the_thai_window(qtbot, thai_app, demo_contest, tmp_path, monkeypatch):
    demo_folder, demo = demo_contest
    office = tmp_path / "สำนักงานเลขานุการ"
    contest_json = contest_without_entries(demo_folder, office / "contest")
    window = SecretariatWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    shoot(qtbot, window, "00-start")

    # 1. A new contest database from contest.json, with a new secretariat key locked by a Thai passphrase.
    window.new_action.trigger()
    dialog = wait_dialog(qtbot, window, NewContestDialog)
    db_path, key_path = office / "รอบที่1.dlgcontest", office / "keys" / "secretariat.key"
    dialog.contest_edit.setText(str(contest_json))
    dialog.db_edit.setText(str(db_path))
    dialog.key_edit.setText(str(key_path))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.new_key.isChecked() and dialog.hint.text().endswith("ตรงกันทั้งสองช่อง")  # "both match"
    shoot(qtbot, dialog, "01-new-contest-dialog")
    with qtbot.waitSignal(window.database_opened, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert window.session.path == db_path and key_path.is_file()
    with ContestDatabase.open(db_path) as db:
        assert db.contest.entries == () and [j.id for j in db.contest.judges] == [j.id for j in demo.judges]
    entries_page: EntriesPage = window.page("EntriesPage")
    assert window.tabs.currentWidget() is entries_page and entries_page.model.rowCount() == 0
    assert entries_page.heading.text() == "ยังไม่มีผลงาน: เริ่มจากนำเข้าไฟล์ที่ส่งออกจากระบบรับสมัคร"
    shoot(qtbot, window, "02-entries-empty")

    # 2a. The portal's export: map the columns, see the broken row, import the rest.
    sheet = portal_sheet(demo, tmp_path / "ส่งออกจากพอร์ทัล.csv")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(sheet), "")))
    qtbot.mouseClick(entries_page.import_button, Qt.MouseButton.LeftButton)
    importing = entries_page.dialog
    qtbot.waitUntil(lambda: importing.stack.currentWidget() is importing.mapping_page, timeout=TIMEOUT)
    assert "cp874" in importing.file_label.text() and f"{ENTRY_COUNT + 1} " in importing.file_label.text()
    assert importing.combos["id"].currentData() is None and not importing.accept_button.isEnabled()
    guessed = {name: combo.currentData() for name, combo in importing.combos.items() if name != "id"}
    assert guessed == {"org_name": 1, "org_type": 2, "province": 3, "project_title": 4, "summary": 5,
                       "contact_name": 6, "contact_phone": 7, "contact_email": 8}
    importing.combos["id"].setCurrentIndex(importing.combos["id"].findData(0))  # column A: the receipt number
    assert importing.accept_button.isEnabled()
    assert importing.samples["id"].text() == " · ".join(e.id for e in demo.entries[:3])
    shoot(qtbot, importing, "03-import-mapping")
    qtbot.mouseClick(importing.accept_button, Qt.MouseButton.LeftButton)
    assert importing.stack.currentWidget() is importing.preview_page
    problems = importing.problems_model
    assert problems.rowCount() == 1
    assert [cell(problems, 0, 0), cell(problems, 0, 1)] == [str(2 + BROKEN_AFTER), "ประเภท"]
    assert "'ทบ.'" in cell(problems, 0, 2)
    assert [cell(importing.new_model, r, ContestEntriesModel.COL_ID) for r in range(importing.new_model.rowCount())] \
        == [e.id for e in demo.entries]
    assert not importing.accept_button.isEnabled()  # not while a row has problems, until the officer says so
    shoot(qtbot, importing, "04-import-preview")
    importing.skip_check.setChecked(True)
    with qtbot.waitSignal(importing.imported, timeout=TIMEOUT) as imported:
        qtbot.mouseClick(importing.accept_button, Qt.MouseButton.LeftButton)
    assert imported.args == [ENTRY_COUNT, str(sheet)]
    shoot(qtbot, importing, "05-import-done")
    importing.accept()
    assert entries_page.model.rowCount() == ENTRY_COUNT
    with ContestDatabase.open(db_path) as db:
        stored = {e.id: e for e in db.contest.entries}
    assert list(stored) == [e.id for e in demo.entries] and "E900" not in stored
    for entry in demo.entries:
        got = stored[entry.id]
        assert (got.org_name, got.org_type, got.province, got.project_title, got.summary, got.contact) == (
            entry.org_name, entry.org_type, entry.province, entry.project_title, entry.summary, entry.contact)
        assert got.attachments == ()

    # 2b. The folder of attachments the organisations sent (one folder per entry).
    folder = demo_folder / "attachments"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(folder)))
    qtbot.mouseClick(entries_page.attachments_button, Qt.MouseButton.LeftButton)
    adding = entries_page.dialog
    qtbot.waitUntil(lambda: adding.stack.currentWidget() is adding.preview_page, timeout=TIMEOUT)
    expected_files = sum(len(e.attachments) for e in demo.entries)
    assert adding.files_model.rowCount() == expected_files and adding.problems_model.rowCount() == 0
    shoot(qtbot, adding, "06-attachments-preview")
    with qtbot.waitSignal(adding.added, timeout=TIMEOUT) as added:
        qtbot.mouseClick(adding.accept_button, Qt.MouseButton.LeftButton)
    assert added.args[0] == expected_files
    adding.accept()
    with ContestDatabase.open(db_path) as db:
        for entry in db.contest.entries:
            want = demo.entry(entry.id).attachments
            assert [(a.name, a.sha256) for a in entry.attachments] == [(a.name, a.sha256) for a in want]
    assert entries_page.heading.text() == f"ผลงาน {ENTRY_COUNT} รายการ"  # none left without an attachment
    shoot(qtbot, window, "07-entries")

    # 3. Three judges per entry, assigned automatically: loads balanced, read back from the database.
    assignment: AssignmentPage = window.page("AssignmentPage")
    show_tab(qtbot, window, assignment)
    assignment.per_entry.setValue(PER_ENTRY)
    qtbot.mouseClick(assignment.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: assignment.op is None and assignment.last_outcome is not None, timeout=TIMEOUT)
    loads = assignment_loads(db_path)
    assert sum(loads.values()) == PER_ENTRY * ENTRY_COUNT and max(loads.values()) - min(loads.values()) <= 1
    with ContestDatabase.open(db_path) as db:
        round_ = db.contest.rounds[0]
        for entry in db.contest.entries:
            panel = [j for j in round_.assignments if entry.id in round_.assignments[j]]
            assert len(panel) == PER_ENTRY
            assert all(db.contest.judge(j).province != entry.province for j in panel)  # never from home
    shown_loads = {assignment.load_model.row_object(r).judge.id: int(cell(assignment.load_model, r, 1))
                   for r in range(assignment.load_model.rowCount())}
    assert shown_loads == loads
    shoot(qtbot, window, "08-assignment")

    # 4. Every bundle in one step, signed with the secretariat key unlocked by its passphrase.
    bundles_page: BundlesPage = window.page("BundlesPage")
    show_tab(qtbot, window, bundles_page)
    out = office / "ชุดผลงาน"
    bundles_page.set_output_folder(out)
    assert str(key_path) in bundles_page.key_value.text()  # the key made with the database is found
    qtbot.mouseClick(bundles_page.issue_button, Qt.MouseButton.LeftButton)
    unlock = wait_dialog(qtbot, bundles_page, SecretariatKeyDialog)
    unlock.passphrase.setText(PASSPHRASE)
    shoot(qtbot, unlock, "09-unlock-key")
    qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bundles_page.op is None and bool(bundles_page.last_issued), timeout=TIMEOUT)
    bundles = sorted(out.glob("*.dlgbundle"))
    judges = [j.id for j in demo.judges]
    assert [b.name for b in bundles] == [f"dlg-2565-r1-{j}.dlgbundle" for j in judges]
    assert bundles_page.model.rowCount() == len(judges)
    assert sorted(bundles_page.model.row_data(r)["judge_id"] for r in range(len(judges))) == judges
    shoot(qtbot, window, "10-bundles")

    # 5a. The judges score their real bundles on their own computers and send back signed files.
    inbox = tmp_path / "กล่องรับไฟล์" / "score-files"
    score_files = [play_judge(bundle, tmp_path / "judges" / bundle.stem, inbox, seed=SEED) for bundle in bundles]
    enrolments = sorted((inbox.parent / "enrolments").glob(f"*{ENROLMENT_SUFFIX}"))
    assert len(enrolments) == len(judges)

    # 5b. Their keys, enrolled from their enrolment files after the fingerprint check.
    judges_page: JudgesPage = window.page("JudgesPage")
    show_tab(qtbot, window, judges_page)
    first, *others = enrolments
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(first), "")))
    qtbot.mouseClick(judges_page.enrol_button, Qt.MouseButton.LeftButton)
    confirm = wait_dialog(qtbot, judges_page, EnrolKeyDialog)
    assert confirm.enrolment.judge_id == "J01"
    shoot(qtbot, confirm, "11-enrol-key")
    qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)
    for path in others:
        confirm = judges_page.enrol_key_from_file(path)
        assert confirm is not None
        qtbot.mouseClick(confirm.enrol_button, Qt.MouseButton.LeftButton)
    with ContestDatabase.open(db_path) as db:
        for path in enrolments:
            enrolment = read_enrolment(path)
            assert db.active_key(enrolment.judge_id).public_key == enrolment.public_key
    model = judges_page.model
    assert [cell(model, r, JudgesTableModel.COL_KEY) for r in range(model.rowCount())] == ["ลงทะเบียนแล้ว"] * 7
    shoot(qtbot, window, "12-judges")

    # 5c. The score files dropped on the Collect page as a folder: all accepted, every judge complete.
    collect: CollectPage = window.page("CollectPage")
    show_tab(qtbot, window, collect)
    assert collect.progress.judges_sent == 0
    with qtbot.waitSignal(collect.merge_finished, timeout=TIMEOUT) as merged:
        drop(collect, [inbox])
    outcomes = merged.args[0]
    assert sorted(o.file_name for o in outcomes) == sorted(p.name for p in score_files)
    assert [o.status for o in outcomes] == ["accepted"] * len(judges)
    assert collect.outcome_summary.text() == "7 ไฟล์: รับแล้ว 7 · ซ้ำ 0 · ถูกแทนที่ 0 · ถูกปฏิเสธ 0"
    shoot(qtbot, window, "13-collect-outcomes")
    collect.tabs.setCurrentIndex(collect.DASHBOARD_TAB)
    progress = collect.progress
    assert progress.judges_sent == progress.judges_complete == len(judges) and progress.missing == 0
    assert progress.scored + progress.conflict == progress.assigned == PER_ENTRY * ENTRY_COUNT
    dashboard = collect.judges_model
    assert [cell(dashboard, r, JudgeProgressModel.COL_MISSING) for r in range(dashboard.rowCount())] == ["0"] * 7
    assert [cell(dashboard, r, JudgeProgressModel.COL_ASSIGNED) for r in range(7)] == [str(loads[j]) for j in judges]
    assert "กรรมการที่ส่งครบ 7 จาก 7 คน" in collect.summary_detail.text()
    with_conflict = [e for e in progress.entries if e.conflict]  # a declared conflict leaves an entry short
    assert progress.entries_short == len(with_conflict) and all(e.missing == 0 for e in progress.entries)
    assert f"ผลงานที่กรรมการยังให้คะแนนไม่ครบ {len(with_conflict)} จาก 40 รายการ" in collect.summary_detail.text()
    collect.short_only.setChecked(False)  # every entry, with how many of its judges scored it
    shoot(qtbot, window, "14-dashboard")

    # 6. The method first, then the results: the core's ranking, with the top 3 and top 20 marked.
    results: ResultsPage = window.page("ResultsPage")
    show_tab(qtbot, window, results)
    assert results.stack.currentWidget() is results.chooser and results.results is None
    shoot(qtbot, window, "15-results-method")
    standardised = results.method_choice.buttons["standardised"]
    qtbot.mouseClick(standardised, Qt.MouseButton.LeftButton, pos=QPoint(8, standardised.height() // 2))
    assert results.method_choice.method() == "standardised" and results.record_button.isEnabled()
    qtbot.mouseClick(results.record_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(results.show_button.isEnabled, timeout=TIMEOUT)
    with qtbot.waitSignal(results.results_shown, timeout=TIMEOUT) as shown:
        qtbot.mouseClick(results.show_button, Qt.MouseButton.LeftButton)
    with ContestDatabase.open(db_path) as db:
        core = load_round_results(db, db.contest.rounds[0].id)
    assert shown.args[0].method == core.method == "standardised"
    assert core.decision is not None and not core.decision.results_seen_before
    ranking, m = results.ranking_model, RankingModel
    assert ranking.rowCount() == len(core.results) == ENTRY_COUNT and len(core.ranked) == ENTRY_COUNT
    for row, result in enumerate(core.results):
        assert cell(ranking, row, m.COL_ENTRY) == result.entry.id
        assert cell(ranking, row, m.COL_RANK) == str(result.rank) == str(row + 1)
        assert cell(ranking, row, m.COL_MEAN) == total_str(result.mean)
        assert cell(ranking, row, m.COL_JUDGES) == str(result.judge_count)
        assert cell(ranking, row, m.COL_MARK) == ("3 อันดับแรก" if row < 3 else "20 อันดับแรก" if row < 20 else "")
    assert [r.entry.id for r in core.national] == [cell(ranking, r, m.COL_ENTRY) for r in range(3)]
    assert results.ranking_view.cut_rows() == {2: 3, 19: 20}
    shoot(qtbot, window, "16-results-ranking")
    for index, name in enumerate(("stability", "judges", "distribution", "agreement", "disagreements")):
        results.tabs.setCurrentIndex(index + 1)
        shoot(qtbot, window, f"{17 + index}-results-{name}")
