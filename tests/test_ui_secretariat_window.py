"""The secretariat's window: opening a contest database, pages, language, issuing bundles, the way in.

Real contest databases (the secretariat demo's, copied per test), real keys and
real bundles; file dialogs and the system viewer are the only things replaced.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from judge_app.demo_secretariat import DEMO_DB_NAME, prepare_demo_contest_db
from judge_app.keys import read_public_key
from judge_app.paths import data_dir
from judge_app.secretariat import ContestDatabase
from ui.app import Demo, open_first_window, parse_arguments
from ui.i18n import saved_language
from ui.judge_window import JudgeWindow
from ui.secretariat.bundles_page import BundlesPage, SecretariatKeyDialog, find_key_file
from ui.secretariat.window import NewContestDialog, SecretariatWindow, open_windows
from ui_helpers import drag_events, new_window as new_judge_window

TIMEOUT = 60_000
ENGLISH_TABS = ["Entries", "Judges", "Assignment", "Bundles", "Collect and merge", "Results"]
THAI_TABS = ["ผลงาน", "กรรมการ", "การมอบหมาย", "ชุดผลงาน", "รับและรวมคะแนน", "ผลการพิจารณา"]


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory):
    return prepare_demo_contest_db(tmp_path_factory.mktemp("secretariat-demo"), entry_count=40)


@pytest.fixture
def contest_db(demo_template, tmp_path) -> Path:
    """A private copy of the demo database (with its key file beside it)."""
    folder = tmp_path / "contest-db"
    folder.mkdir()
    shutil.copyfile(demo_template.db_path, folder / DEMO_DB_NAME)
    shutil.copyfile(demo_template.key_path, folder / "secretariat.key")
    return folder / DEMO_DB_NAME


@pytest.fixture
def closes_new_windows():
    """Windows the test makes through the start page are closed after it."""
    yield
    for window in open_windows():
        window.close()


def new_window(qtbot, path: Path | None = None) -> SecretariatWindow:
    window = SecretariatWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts reach only the active window
    if path is not None:
        assert window.open_database(path)
    return window


def wait_dialog(qtbot, owner, kind):
    qtbot.waitUntil(lambda: isinstance(owner.active_dialog, kind), timeout=10_000)
    return owner.active_dialog


# ---------------------------------------------------------------- opening


def test_the_window_opens_a_contest_database_with_its_pages_in_order(qtbot, english_app, contest_db):
    window = new_window(qtbot)
    assert window.stack.currentWidget() is window.start_page and not window.close_action.isEnabled()
    assert window.windowTitle() == "Digital Local Government — secretariat"
    with qtbot.waitSignal(window.database_opened):
        window.open_database(contest_db)
    db = window.session.db
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ENGLISH_TABS
    assert isinstance(window.tabs.widget(3), BundlesPage) and window.page("BundlesPage") is window.tabs.widget(3)
    assert db.contest.title_th in window.windowTitle() and DEMO_DB_NAME in window.windowTitle()
    assert window.key_label.text() == f"Secretariat key {db.secretariat_key.fingerprint}"
    assert [a.shortcut() for a in window.page_actions] == [QKeySequence(f"Ctrl+{n}") for n in range(1, 7)]
    qtbot.keyClick(window.tabs, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 3
    window.page_actions[5].trigger()
    assert window.tabs.currentIndex() == 5
    assert window.start_page.recent_paths() == [str(contest_db.resolve())]

    window.close_action.trigger()
    assert window.session is None and window.tabs.count() == 0
    assert window.stack.currentWidget() is window.start_page and window.key_label.text() == ""


def test_a_file_that_is_not_a_contest_database_is_refused_by_name(qtbot, english_app, contest_db, tmp_path):
    window = new_window(qtbot, contest_db)
    stray = tmp_path / "notes.dlgcontest"
    stray.write_text("not a database", "utf-8")
    assert not window.open_database(stray)
    box = window.last_message
    assert box.text() == "notes.dlgcontest could not be opened." and str(stray) in box.informativeText()
    assert "not a contest database" in box.informativeText() or "cannot be opened" in box.informativeText()
    assert window.session.path == contest_db  # the open database stays open
    assert not window.open_database(tmp_path / "missing.dlgcontest")
    assert "no contest database here" in window.last_message.informativeText()


def drag(window, paths: list[Path]):
    return drag_events(window, [QUrl.fromLocalFile(str(p)) for p in paths])


def test_a_contest_database_dropped_on_the_window_opens(qtbot, english_app, contest_db, tmp_path):
    window = new_window(qtbot)
    other = tmp_path / "scores.dlgscores"
    other.write_bytes(b"x")
    mime, enter, _ = drag(window, [other])
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    mime, enter, _ = drag(window, [contest_db, contest_db])
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    mime, enter, drop = drag(window, [contest_db])
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.database_opened):
        QApplication.sendEvent(window, drop)
    assert window.session.path == contest_db


def test_the_language_switch_retitles_tabs_and_menus(qtbot, english_app, contest_db):
    window = new_window(qtbot, contest_db)
    assert window.file_menu.title() == "&File"
    window.language_actions["th"].trigger()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == THAI_TABS
    assert window.file_menu.title() == "แฟ้ม (&F)" and window.language_actions["th"].isChecked()
    assert window.windowTitle().endswith("ท้องถิ่นดิจิทัล — ฝ่ายเลขานุการ")
    page = window.page("BundlesPage")
    qtbot.waitUntil(lambda: page.issue_button.text() == "ออกชุดผลงานให้กรรมการทุกท่าน (&I)")  # LanguageChange is posted
    assert page.model.headerData(0, Qt.Orientation.Horizontal) == "กรรมการ"
    assert saved_language() == "th"
    window.set_language("en")
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == ENGLISH_TABS
    qtbot.waitUntil(lambda: page.issue_button.text() == "&Issue bundles for all judges")


# ---------------------------------------------------------------- issuing through the Bundles page


def test_bundles_are_issued_from_the_page_with_progress_and_listed(qtbot, english_app, contest_db, tmp_path):
    window = new_window(qtbot, contest_db)
    window.tabs.setCurrentIndex(3)
    page: BundlesPage = window.page("BundlesPage")
    judges = [j.id for j in window.session.db.contest.judges]
    assert page.model.rowCount() == len(judges)  # the demo's bundles, issued already
    assert str(contest_db.parent / "secretariat.key") in page.key_value.text()
    out = tmp_path / "out"
    page.set_output_folder(out)
    seen: list[tuple[int, int, str]] = []
    shown = page._issue_progress
    page._issue_progress = lambda payload: (seen.append(payload), shown(payload))

    qtbot.mouseClick(page.issue_button, Qt.MouseButton.LeftButton)
    confirm = wait_dialog(qtbot, page, QMessageBox)
    assert confirm.windowTitle() == "Issue bundles again?"
    next(b for b in confirm.buttons() if b.text() == "Issue again").click()
    dialog = wait_dialog(qtbot, page, SecretariatKeyDialog)
    assert str(out) in dialog.findChildren(type(page.heading))[0].text()
    dialog.passphrase.setText("not the passphrase")
    dialog.unlock_button.click()
    assert "not correct" in dialog.error.text() and dialog.isVisible() and not out.exists()
    dialog.passphrase.setText("demo")
    dialog.unlock_button.click()
    qtbot.waitUntil(lambda: page.op is None and bool(page.last_issued), timeout=TIMEOUT)

    files = sorted(out.glob("*.dlgbundle"))
    assert [f.name for f in files] == [f"dlg-2565-r1-{j}.dlgbundle" for j in judges]
    assert seen[0] == (0, len(judges), "J01") and seen[-1] == (len(judges), len(judges), "")
    assert [judge for _, _, judge in seen[:-1]] == judges
    assert page.model.rowCount() == 2 * len(judges)
    current = [page.model.row_data(r) for r in range(page.model.rowCount()) if page.model.is_current(r)]
    assert sorted(row["sha256"] for row in current) == sorted(hashlib.sha256(f.read_bytes()).hexdigest() for f in files)
    assert page.progress_label.text() == f"✔ {len(judges)} bundles written to {out}"
    with ContestDatabase.open(contest_db) as db:
        assert len(db.bundles()) == 2 * len(judges)


def test_the_hand_out_list_is_printed_from_the_page_and_opened(qtbot, english_app, contest_db, tmp_path,
                                                               no_system_viewer, monkeypatch):
    window = new_window(qtbot, contest_db)
    page: BundlesPage = window.page("BundlesPage")
    target = tmp_path / "hand-out.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.last_list_pdf is not None, timeout=TIMEOUT)
    assert target.read_bytes().startswith(b"%PDF") and no_system_viewer == [str(target)]


# ---------------------------------------------------------------- the way in: start page, new database, arguments


def test_the_judge_start_page_opens_the_secretariat_window(qtbot, english_app, contest_db, monkeypatch,
                                                          closes_new_windows):
    judge = new_judge_window(qtbot)
    section = judge.start_page.secretariat
    assert section.isVisible() and judge.start_page.secretariat_title.text() == "For the secretariat"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: (str(contest_db), "")))
    qtbot.mouseClick(judge.start_page.secretariat_open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, SecretariatWindow) and w.session for w in open_windows()))
    window = next(w for w in open_windows() if isinstance(w, SecretariatWindow))
    assert window.session.path == contest_db and window.isVisible() and not judge.isVisible()

    # and back: the File menu opens the judge's window in place of this one
    window.judge_action.trigger()
    judges = [w for w in open_windows() if isinstance(w, JudgeWindow)]
    assert len(judges) == 1 and judges[0].isVisible() and not window.isVisible()


def test_new_contest_database_from_the_start_page_asks_for_contest_json_and_key(qtbot, english_app,
                                                                               closes_new_windows):
    judge = new_judge_window(qtbot)
    qtbot.mouseClick(judge.start_page.secretariat_new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(getattr(w, "active_dialog", None), NewContestDialog)
                                for w in open_windows()))
    window = next(w for w in open_windows() if isinstance(w, SecretariatWindow))
    assert window.session is None and window.active_dialog.new_key.isChecked()


def test_the_secretariat_demo_opens_from_the_start_page_and_is_made_once(qtbot, english_app, closes_new_windows):
    judge = new_judge_window(qtbot)
    qtbot.mouseClick(judge.start_page.secretariat_demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, SecretariatWindow) and w.session for w in open_windows()),
                    timeout=TIMEOUT)
    window = next(w for w in open_windows() if isinstance(w, SecretariatWindow))
    path = data_dir() / "secretariat-demo" / DEMO_DB_NAME
    assert window.session.path == path and "demo" in window.last_message.informativeText()
    assert window.page("BundlesPage").model.rowCount() == 7
    made = path.stat().st_mtime_ns
    window.close_database()
    with qtbot.waitSignal(window.database_opened, timeout=TIMEOUT):
        window.demo_action.trigger()
    assert window.session.path == path and path.stat().st_mtime_ns == made


def test_a_new_contest_database_is_made_from_contest_json_with_a_new_key(qtbot, english_app, demo_template,
                                                                          tmp_path):
    window = new_window(qtbot)
    window.new_action.trigger()
    dialog = wait_dialog(qtbot, window, NewContestDialog)
    contest_json = demo_template.folder / "contest" / "contest.json"
    dialog.contest_edit.setText(str(contest_json))
    dialog.db_edit.setText(str(tmp_path / "round"))  # the suffix is added
    dialog.key_edit.setText(str(demo_template.key_path))
    dialog.passphrase.setText("รหัสผ่านของฝ่ายเลขานุการ 2565")
    dialog.repeat.setText("รหัสผ่านของฝ่ายเลขานุการ 2565")
    dialog.create_button.click()
    assert "a key file is never overwritten" in dialog.error.text() and window.op is None
    key_path = tmp_path / "keys" / "secretariat.key"
    dialog.key_edit.setText(str(key_path))
    dialog.repeat.setText("something else entirely")
    dialog.create_button.click()
    assert "differ" in dialog.error.text() and not key_path.exists()
    dialog.repeat.setText("รหัสผ่านของฝ่ายเลขานุการ 2565")
    with qtbot.waitSignal(window.database_opened, timeout=TIMEOUT):
        dialog.create_button.click()
    db_path = tmp_path / "round.dlgcontest"
    assert window.session.path == db_path and not dialog.isVisible()
    assert read_public_key(key_path) == window.session.db.secretariat_key
    assert find_key_file(db_path, window.session.db.secretariat_key) == key_path.resolve()
    assert window.page("BundlesPage").model.rowCount() == 0


def test_a_broken_contest_json_is_explained_in_the_dialog_and_nothing_is_made(qtbot, english_app, tmp_path):
    window = new_window(qtbot)
    dialog = window.new_database()
    broken = tmp_path / "contest.json"
    broken.write_text('{"id": "x"', "utf-8")
    dialog.contest_edit.setText(str(broken))
    dialog.db_edit.setText(str(tmp_path / "new.dlgcontest"))
    dialog.existing_key.setChecked(True)
    dialog.key_edit.setText(str(tmp_path / "none.key"))
    dialog.passphrase.setText("whatever it is")
    dialog.create_button.click()
    qtbot.waitUntil(lambda: window.op is None and "not valid JSON" in dialog.error.text(), timeout=TIMEOUT)
    assert str(broken) in dialog.error.text() and dialog.create_button.isEnabled()
    assert not (tmp_path / "new.dlgcontest").exists() and window.session is None


def test_command_line_arguments_open_a_contest_database_or_the_secretariat_demo(qtbot, english_app, contest_db):
    assert parse_arguments(["x/round.dlgcontest"]) == (Path("x/round.dlgcontest"), Demo.NONE, None)
    assert parse_arguments(["--secretariat-demo", "--lang=th"]) == (None, Demo.SECRETARIAT, "th")
    assert parse_arguments(["--demo"]) == (None, True, None)  # the judge's demo, as before
    import main

    assert main.wants_gui(["D:/งาน/รอบ1.dlgcontest"]) and main.wants_gui(["--secretariat-demo"])
    assert not main.wants_gui(["secretariat", "issue-list", "x.dlgcontest"])
    window = open_first_window(contest_db, Demo.NONE)
    qtbot.addWidget(window)
    assert isinstance(window, SecretariatWindow)
    qtbot.waitUntil(lambda: window.session is not None)
    assert window.session.path == contest_db


# ---------------------------------------------------------------- what it looks like


@pytest.mark.parametrize("language", ["th", "en"])
def test_screenshots_of_the_bundles_page(qtbot, english_app, contest_db, language, tmp_path):
    window = new_window(qtbot, contest_db)
    window.set_language(language)
    window.tabs.setCurrentIndex(3)
    page = window.page("BundlesPage")
    qtbot.waitUntil(page.table.isVisible)
    image = window.grab()
    assert not image.isNull() and image.width() >= 1200
    image.save(str(tmp_path / f"secretariat-bundles-{language}.png"))
    # names, files and times are never cut (a digest may lose its middle: its tooltip has it whole)
    for column in (page.model.COL_NAME, page.model.COL_FILE, page.model.COL_ISSUED):
        assert page.table.columnWidth(column) >= page.table.sizeHintForColumn(column)
    sha = page.proxy.index(0, page.model.COL_SHA256)
    assert sha.data(Qt.ItemDataRole.ToolTipRole) == page.model.row_data(page.proxy.mapToSource(sha).row())["sha256"]
