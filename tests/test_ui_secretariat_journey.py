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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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


# ---------------------------------------------------------------- the officer at the window


@dataclass
class Office:
    """The window an officer works in, and the secretariat's folder (contest.json, database, key, bundles)."""

    qtbot: Any
    window: SecretariatWindow
    monkeypatch: pytest.MonkeyPatch
    folder: Path

    @property
    def db_path(self) -> Path:
        return self.folder / "รอบที่1.dlgcontest"

    @property
    def key_path(self) -> Path:
        return self.folder / "keys" / "secretariat.key"

    def open_db(self) -> ContestDatabase:
        """A connection of the test's own, to check what the window wrote."""
        return ContestDatabase.open(self.db_path)

    def picks_file(self, path: Path) -> None:
        """The next "open a file" dialog answers ``path``, as the officer would pick it there."""
        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kw: (str(path), "")))

    def picks_folder(self, path: Path) -> None:
        self.monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *args, **kw: str(path)))

    def click(self, button) -> None:
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def go_to(self, class_name: str):
        """Switch to a page's tab and return the page."""
        page = self.window.page(class_name)
        self.window.tabs.setCurrentWidget(page)
        self.qtbot.waitUntil(page.isVisible)
        return page

    def open_import(self, page: EntriesPage, button, step: str):
        """Click one of the Entries page's import buttons; the dialog, once it has read the file and shows ``step``."""
        self.click(button)
        dialog = page.dialog
        self.qtbot.waitUntil(lambda: dialog.stack.currentWidget() is getattr(dialog, step), timeout=TIMEOUT)
        return dialog

    def wait_dialog(self, owner, kind):
        self.qtbot.waitUntil(lambda: isinstance(owner.active_dialog, kind) and owner.active_dialog.isVisible(),
                             timeout=TIMEOUT)
        return owner.active_dialog

    def shoot(self, name: str, widget=None) -> Path:
        """Grab ``widget`` (the window by default) once its layouts have settled."""
        self.qtbot.wait(50)  # layouts update on the next turns of the event loop
        SHOTS.mkdir(parents=True, exist_ok=True)
        path = SHOTS / f"{name}.png"
        image = (widget or self.window).grab()
        assert not image.isNull() and image.save(str(path))
        return path


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


# ---------------------------------------------------------------- the steps


def create_the_database(office: Office, contest_json: Path, demo: Contest) -> None:
    """A new contest database from contest.json, with a new secretariat key locked by a Thai passphrase."""
    window = office.window
    window.new_action.trigger()
    dialog = office.wait_dialog(window, NewContestDialog)
    dialog.contest_edit.setText(str(contest_json))
    dialog.db_edit.setText(str(office.db_path))
    dialog.key_edit.setText(str(office.key_path))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    assert dialog.new_key.isChecked() and dialog.hint.text().endswith("ตรงกันทั้งสองช่อง")  # "both match"
    office.shoot("01-new-contest-dialog", dialog)
    with office.qtbot.waitSignal(window.database_opened, timeout=TIMEOUT):
        office.click(dialog.create_button)
    assert window.session.path == office.db_path and office.key_path.is_file()
    with office.open_db() as db:
        assert db.contest.entries == () and [j.id for j in db.contest.judges] == [j.id for j in demo.judges]
    page: EntriesPage = window.page("EntriesPage")
    assert window.tabs.currentWidget() is page and page.model.rowCount() == 0
    assert page.heading.text() == "ยังไม่มีผลงาน: เริ่มจากนำเข้าไฟล์ที่ส่งออกจากระบบรับสมัคร"
    office.shoot("02-entries-empty")


def import_the_entries(office: Office, sheet: Path, demo: Contest) -> None:
    """The portal's export: map the columns, see the broken row, import the rest."""
    page: EntriesPage = office.go_to("EntriesPage")
    office.picks_file(sheet)
    dialog = office.open_import(page, page.import_button, "mapping_page")
    assert "cp874" in dialog.file_label.text() and f"{ENTRY_COUNT + 1} " in dialog.file_label.text()
    assert dialog.combos["id"].currentData() is None and not dialog.accept_button.isEnabled()
    guessed = {name: combo.currentData() for name, combo in dialog.combos.items() if name != "id"}
    assert guessed == {"org_name": 1, "org_type": 2, "province": 3, "project_title": 4, "summary": 5,
                       "contact_name": 6, "contact_phone": 7, "contact_email": 8}
    dialog.combos["id"].setCurrentIndex(dialog.combos["id"].findData(0))  # column A: the receipt number
    assert dialog.accept_button.isEnabled()
    assert dialog.samples["id"].text() == " · ".join(e.id for e in demo.entries[:3])
    office.shoot("03-import-mapping", dialog)

    office.click(dialog.accept_button)
    assert dialog.stack.currentWidget() is dialog.preview_page
    problems = dialog.problems_model
    assert problems.rowCount() == 1
    assert [cell(problems, 0, 0), cell(problems, 0, 1)] == [str(2 + BROKEN_AFTER), "ประเภท"]
    assert "'ทบ.'" in cell(problems, 0, 2)
    new = dialog.new_model
    assert [cell(new, r, ContestEntriesModel.COL_ID) for r in range(new.rowCount())] == [e.id for e in demo.entries]
    assert not dialog.accept_button.isEnabled()  # not while a row has problems, until the officer says so
    office.shoot("04-import-preview", dialog)
    dialog.skip_check.setChecked(True)
    with office.qtbot.waitSignal(dialog.imported, timeout=TIMEOUT) as imported:
        office.click(dialog.accept_button)
    assert imported.args == [ENTRY_COUNT, str(sheet)]
    office.shoot("05-import-done", dialog)
    dialog.accept()

    assert page.model.rowCount() == ENTRY_COUNT
    with office.open_db() as db:
        stored = {e.id: e for e in db.contest.entries}
    assert list(stored) == [e.id for e in demo.entries] and "E900" not in stored
    for entry in demo.entries:
        got = stored[entry.id]
        assert (got.org_name, got.org_type, got.province, got.project_title, got.summary, got.contact) == (
            entry.org_name, entry.org_type, entry.province, entry.project_title, entry.summary, entry.contact)
        assert got.attachments == ()


def add_the_attachments(office: Office, folder: Path, demo: Contest) -> None:
    """The folder of files the organisations sent (one folder per entry)."""
    page: EntriesPage = office.go_to("EntriesPage")
    office.picks_folder(folder)
    dialog = office.open_import(page, page.attachments_button, "preview_page")
    expected = sum(len(e.attachments) for e in demo.entries)
    assert dialog.files_model.rowCount() == expected and dialog.problems_model.rowCount() == 0
    office.shoot("06-attachments-preview", dialog)
    with office.qtbot.waitSignal(dialog.added, timeout=TIMEOUT) as added:
        office.click(dialog.accept_button)
    assert added.args[0] == expected
    dialog.accept()
    with office.open_db() as db:
        for entry in db.contest.entries:
            want = demo.entry(entry.id).attachments
            assert [(a.name, a.sha256) for a in entry.attachments] == [(a.name, a.sha256) for a in want]
    assert page.heading.text() == f"ผลงาน {ENTRY_COUNT} รายการ"  # no "without any attachment" any more
    office.shoot("07-entries")


def assign_the_judges(office: Office) -> dict[str, int]:
    """Three judges per entry, automatically: loads balanced (read back from the database), never from home."""
    page: AssignmentPage = office.go_to("AssignmentPage")
    page.per_entry.setValue(PER_ENTRY)
    office.click(page.assign_button)
    office.qtbot.waitUntil(lambda: page.op is None and page.last_outcome is not None, timeout=TIMEOUT)
    with office.open_db() as db:
        round_ = db.contest.rounds[0]
        loads = {j.id: len(round_.entries_of(j.id)) for j in db.contest.judges}
        for entry in db.contest.entries:
            panel = [j for j, entry_ids in round_.assignments.items() if entry.id in entry_ids]
            assert len(panel) == PER_ENTRY
            assert all(db.contest.judge(j).province != entry.province for j in panel)
    assert sum(loads.values()) == PER_ENTRY * ENTRY_COUNT and max(loads.values()) - min(loads.values()) <= 1
    shown = {page.load_model.row_object(r).judge.id: int(cell(page.load_model, r, page.load_model.COL_LOAD))
             for r in range(page.load_model.rowCount())}
    assert shown == loads
    office.shoot("08-assignment")
    return loads


def issue_the_bundles(office: Office, judges: list[str]) -> list[Path]:
    """Every bundle in one step, signed with the secretariat key unlocked by its passphrase."""
    page: BundlesPage = office.go_to("BundlesPage")
    out = office.folder / "ชุดผลงาน"
    page.set_output_folder(out)
    assert str(office.key_path) in page.key_value.text()  # the key made with the database is found
    office.click(page.issue_button)
    unlock = office.wait_dialog(page, SecretariatKeyDialog)
    unlock.passphrase.setText(PASSPHRASE)
    office.shoot("09-unlock-key", unlock)
    office.click(unlock.unlock_button)
    office.qtbot.waitUntil(lambda: page.op is None and bool(page.last_issued), timeout=TIMEOUT)
    bundles = sorted(out.glob("*.dlgbundle"))
    assert [b.name for b in bundles] == [f"dlg-2565-r1-{j}.dlgbundle" for j in judges]
    assert sorted(page.model.row_data(r)["judge_id"] for r in range(page.model.rowCount())) == judges
    office.shoot("10-bundles")
    return bundles


def enrol_the_keys(office: Office, enrolments: list[Path]) -> None:
    """Each judge's key from the judge's enrolment file, after the fingerprint check."""
    page: JudgesPage = office.go_to("JudgesPage")
    first, *others = enrolments
    office.picks_file(first)
    office.click(page.enrol_button)
    confirm = office.wait_dialog(page, EnrolKeyDialog)
    assert confirm.offer.judge.id == "J01" and not confirm.enrol_button.isEnabled()
    office.qtbot.keyClicks(confirm.digits, confirm.last_group)  # the last four digits, as on the signed paper
    office.shoot("11-enrol-key", confirm)
    office.click(confirm.enrol_button)
    for path in others:
        confirm = page.enrol_key_from_file(path)
        assert confirm is not None
        office.qtbot.keyClicks(confirm.digits, confirm.last_group)
        office.click(confirm.enrol_button)
    with office.open_db() as db:
        for path in enrolments:
            enrolment = read_enrolment(path)
            assert db.active_key(enrolment.judge_id).public_key == enrolment.public_key
    keys = [cell(page.model, r, JudgesTableModel.COL_KEY) for r in range(page.model.rowCount())]
    assert keys == ["ลงทะเบียนแล้ว"] * len(enrolments)  # "enrolled"
    office.shoot("12-judges")


def merge_the_score_files(office: Office, inbox: Path, score_files: list[Path], loads: dict[str, int]) -> None:
    """The folder of score files dropped on the Collect page: all accepted, every judge complete."""
    page: CollectPage = office.go_to("CollectPage")
    assert page.progress.judges_sent == 0
    with office.qtbot.waitSignal(page.merge_finished, timeout=TIMEOUT) as merged:
        drop(page, [inbox])
    outcomes = merged.args[0]
    assert sorted(o.file_name for o in outcomes) == sorted(p.name for p in score_files)
    assert [o.status for o in outcomes] == ["accepted"] * len(loads)
    assert page.outcome_summary.text() == "7 ไฟล์: รับแล้ว 7 · ซ้ำ 0 · ถูกแทนที่ 0 · ถูกปฏิเสธ 0"
    office.shoot("13-collect-outcomes")

    page.tabs.setCurrentIndex(page.DASHBOARD_TAB)
    progress = page.progress
    assert progress.judges_sent == progress.judges_complete == len(loads) and progress.missing == 0
    assert progress.scored + progress.conflict == progress.assigned == PER_ENTRY * ENTRY_COUNT
    rows = range(page.judges_model.rowCount())
    assert [cell(page.judges_model, r, JudgeProgressModel.COL_JUDGE) for r in rows] == list(loads)
    assert [cell(page.judges_model, r, JudgeProgressModel.COL_ASSIGNED) for r in rows] == [
        str(n) for n in loads.values()]
    assert [cell(page.judges_model, r, JudgeProgressModel.COL_MISSING) for r in rows] == ["0"] * len(loads)
    assert "กรรมการที่ส่งครบ 7 จาก 7 คน" in page.summary_detail.text()  # "7 of 7 judges complete"
    with_conflict = [e for e in progress.entries if e.conflict]  # a declared conflict leaves an entry short
    assert progress.entries_short == len(with_conflict) and all(e.missing == 0 for e in progress.entries)
    # said by cause: none still waiting for scores, the short ones short only because of conflicts
    assert "ผลงานที่ยังรอคะแนนจากกรรมการ: 0 จาก 40 รายการ" in page.summary_detail.text()
    assert f"กรรมการไม่ครบเพราะมีส่วนได้เสีย: {len(with_conflict)} รายการ" in page.summary_detail.text()
    page.short_only.setChecked(False)  # every entry, with how many of its judges scored it
    office.shoot("14-dashboard")


def show_the_results(office: Office) -> None:
    """The method first, then the results: the core's ranking, with the top 3 and the top 20 marked."""
    page: ResultsPage = office.go_to("ResultsPage")
    assert page.stack.currentWidget() is page.chooser and page.results is None
    office.shoot("15-results-method")
    standardised = page.method_choice.buttons["standardised"]
    office.qtbot.mouseClick(standardised, Qt.MouseButton.LeftButton, pos=QPoint(8, standardised.height() // 2))
    assert page.method_choice.method() == "standardised" and page.record_button.isEnabled()
    office.click(page.record_button)
    office.qtbot.waitUntil(page.show_button.isEnabled, timeout=TIMEOUT)
    with office.qtbot.waitSignal(page.results_shown, timeout=TIMEOUT) as shown:
        office.click(page.show_button)
    with office.open_db() as db:
        core = load_round_results(db, db.contest.rounds[0].id)
    assert shown.args[0].method == core.method == "standardised"
    assert core.decision is not None and not core.decision.results_seen_before
    ranking, m = page.ranking_model, RankingModel
    assert ranking.rowCount() == len(core.results) == len(core.ranked) == ENTRY_COUNT
    for row, result in enumerate(core.results):
        assert cell(ranking, row, m.COL_ENTRY) == result.entry.id
        assert cell(ranking, row, m.COL_RANK) == str(result.rank) == str(row + 1)
        assert cell(ranking, row, m.COL_MEAN) == total_str(result.mean)
        assert cell(ranking, row, m.COL_JUDGES) == str(result.judge_count)
        assert cell(ranking, row, m.COL_MARK) == ("3 อันดับแรก" if row < 3 else "20 อันดับแรก" if row < 20 else "")
    assert [r.entry.id for r in core.national] == [cell(ranking, r, m.COL_ENTRY) for r in range(3)]
    assert page.ranking_view.cut_rows() == {2: 3, 19: 20}
    office.shoot("16-results-ranking")
    for index, name in enumerate(("stability", "judges", "distribution", "agreement", "disagreements"), start=1):
        page.tabs.setCurrentIndex(index)
        office.shoot(f"{16 + index}-results-{name}")


# ---------------------------------------------------------------- the journey


def test_an_officer_runs_a_whole_round_in_the_thai_window(qtbot, thai_app, demo_contest, tmp_path, monkeypatch):
    demo_folder, demo = demo_contest
    window = SecretariatWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    office = Office(qtbot, window, monkeypatch, tmp_path / "สำนักงานเลขานุการ")
    office.shoot("00-start")

    create_the_database(office, contest_without_entries(demo_folder, office.folder / "contest"), demo)
    import_the_entries(office, portal_sheet(demo, tmp_path / "ส่งออกจากพอร์ทัล.csv"), demo)
    add_the_attachments(office, demo_folder / "attachments", demo)
    loads = assign_the_judges(office)
    bundles = issue_the_bundles(office, [j.id for j in demo.judges])

    # The judges score their real bundles on their own computers and send back signed files.
    inbox = tmp_path / "กล่องรับไฟล์" / "score-files"
    score_files = [play_judge(bundle, tmp_path / "judges" / bundle.stem, inbox, seed=SEED) for bundle in bundles]
    enrolments = sorted((inbox.parent / "enrolments").glob(f"*{ENROLMENT_SUFFIX}"))  # play_judge writes them there

    enrol_the_keys(office, enrolments)
    merge_the_score_files(office, inbox, score_files, loads)
    show_the_results(office)
