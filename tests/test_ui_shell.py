"""The judge window's shell: refusals, language, recent files, drag and drop, attachments, printing.

Everything runs on the real window offscreen with real bundles; file dialogs
and the system viewer are the only things replaced (by monkeypatch).
"""

from __future__ import annotations

import ast
import shutil
import zipfile
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from judge_app.bundle import build_bundle
from judge_app.judging import JudgeSession, create_judge_key
from judge_app.keys import PrivateKey
from judge_app.model import Attachment
from judge_app.scorefile import default_file_name, export_score_file, read_score_file
from judge_app.scoring import EntryStatus
from ui.app import parse_arguments
from ui.dialogs import ConfirmIncompleteDialog, UnlockDialog
from ui.entry_view import ImageDocumentView, OtherFileView, PdfDocumentView
from ui.i18n import (
    TsTranslator,
    app_settings,
    current_language,
    saved_language,
    translation_file,
)
from ui.judge_window import JudgeWindow, bundle_paths_of
from ui.worker import Op
from ui_helpers import drag_events, new_window

PASSPHRASE = "correct horse battery 2565"
TIMEOUT = 30_000
UI = Path(__file__).resolve().parent.parent / "ui"


def open_ready(qtbot, window: JudgeWindow, path: Path) -> JudgeSession:
    """Open a bundle and wave the follow-up dialogs away (summary, key, conflicts)."""
    finished: list[bool] = []
    window.opening_finished.connect(lambda: finished.append(True))
    with qtbot.waitSignal(window.session_opened, timeout=TIMEOUT):
        window.open_bundle(path)
    while not finished:
        qtbot.waitUntil(lambda: bool(finished) or window.active_dialog is not None, timeout=5000)
        if window.active_dialog is not None:
            window.active_dialog.reject()
    window.activateWindow()
    return window.session


def flip_attachment_byte(source: Path, destination: Path) -> str:
    """Copy a bundle and flip one byte in the middle of its first attachment's data; return its name."""
    shutil.copyfile(source, destination)
    with zipfile.ZipFile(destination) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("attachments/"))
    with open(destination, "r+b") as handle:
        handle.seek(info.header_offset + 26)
        name_length = int.from_bytes(handle.read(2), "little")
        extra_length = int.from_bytes(handle.read(2), "little")
        data_start = info.header_offset + 30 + name_length + extra_length
        handle.seek(data_start + info.file_size // 2)
        byte = handle.read(1)
        handle.seek(data_start + info.file_size // 2)
        handle.write(bytes([byte[0] ^ 0x01]))
    return info.filename


# ---------------------------------------------------------------- refusals


def test_a_tampered_bundle_is_refused_with_the_reason_and_nothing_opens(qtbot, thai_app, issued, tmp_path,
                                                                       judge_data_dir):
    tampered = tmp_path / "tampered.dlgbundle"
    member = flip_attachment_byte(issued.bundles["J01"], tampered)
    window = new_window(qtbot)
    with qtbot.waitSignal(window.open_failed, timeout=TIMEOUT) as refused:
        window.open_bundle(tampered)
    assert window.session is None and window.page is None
    assert window.stack.currentWidget() is window.start_page
    box = window.last_message
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "tampered.dlgbundle" in box.text()
    assert "ไม่ผ่านการตรวจสอบ" in box.informativeText()
    assert member in refused.args[0] and "damaged" in refused.args[0]
    assert refused.args[0] in box.informativeText()
    workspaces = judge_data_dir / "workspaces"
    assert not workspaces.exists() or not any(workspaces.iterdir())
    assert window.recent_bundles() == []
    assert window.start_page.open_button.isEnabled()
    assert box.button(QMessageBox.StandardButton.Ok).text() == "ตกลง"  # Qt's own button, in Thai too
    box.accept()


def test_a_bundle_signed_by_another_secretariat_key_is_refused_loudly(qtbot, english_app, issued, demo, tmp_path):
    demo_folder, contest = demo
    forged = tmp_path / "other-key.dlgbundle"
    build_bundle(contest, contest.rounds[0].id, "J01", demo_folder, PrivateKey.generate(), forged)
    window = new_window(qtbot)
    open_ready(qtbot, window, issued.bundles["J01"])  # trusts the real key for this contest
    with qtbot.waitSignal(window.open_failed, timeout=TIMEOUT) as refused:
        window.open_bundle(forged)
    assert "DIFFERENT secretariat key" in refused.args[0]
    assert "different secretariat key" in window.last_message.informativeText()
    assert window.session.bundle.path == issued.bundles["J01"]  # what was open stays open and usable


def test_a_wrong_passphrase_at_export_says_so_and_writes_nothing(qtbot, english_app, issued, judge_data_dir,
                                                                 tmp_path, monkeypatch):
    create_judge_key(judge_data_dir, "J01", PASSPHRASE, label="J01")
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: asked.append(args[2]) or (str(tmp_path / "x.dlgscores"), "")))

    window.export_action.trigger()
    confirm = window.active_dialog
    assert isinstance(confirm, ConfirmIncompleteDialog)
    assert str(len(session.bundle.entries)) in confirm.text()
    confirm.back_button.click()  # "go back and score": nothing happens
    assert window.active_dialog is None and not asked

    window.export_action.trigger()
    window.active_dialog.export_button.click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, UnlockDialog))
    unlock = window.active_dialog
    qtbot.keyClicks(unlock.passphrase, "not my passphrase")
    qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    assert "not correct" in unlock.error.text() and "Nothing was changed" in unlock.error.text()
    assert unlock.isVisible() and unlock.key is None
    assert not asked and not list(tmp_path.glob("*.dlgscores"))
    assert session.workspace.exports() == []
    unlock.reject()
    assert window.active_dialog is None and not asked


def test_an_incomplete_export_needs_a_confirmation_and_marks_entries_not_scored(
        qtbot, english_app, issued, judge_data_dir, tmp_path, monkeypatch):
    create_judge_key(judge_data_dir, "J01", PASSPHRASE, label="J01")
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    first = session.bundle.entry_ids[0]
    session.workspace.set_scores(first, {c: "4" for c in session.bundle.round.rubric.criterion_ids})
    target = tmp_path / "partial"  # the suffix is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), "")))
    window.export_action.trigger()
    window.active_dialog.export_button.click()
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, UnlockDialog))
    qtbot.keyClicks(window.active_dialog.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.export_finished, timeout=TIMEOUT) as done:
        window.active_dialog.unlock_button.click()
    assert done.args[0].path == tmp_path / "partial.dlgscores"
    score_file = read_score_file(tmp_path / "partial.dlgscores")
    statuses = {e.entry_id: e.status for e in score_file.entries}
    assert statuses.pop(first) == "scored"
    assert set(statuses.values()) == {"not_scored"}
    warning = f"Entries marked “not scored” in this file: {len(statuses)}"
    assert warning in [label.text() for label in window.active_dialog.findChildren(QLabel)]
    window.active_dialog.accept()


def test_an_entry_under_conflict_cannot_be_scored_in_the_window(qtbot, english_app, issued):
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    entry_id = session.bundle.entry_ids[3]
    window.show_conflicts_pass()
    dialog = window.active_dialog
    dialog.set_conflict(entry_id, True, "my former employer")
    dialog.accept()
    assert session.workspace.conflict_reason(entry_id) == "my former employer"
    window.activateWindow()
    window.page.select_entry(entry_id)
    panel = window.page.scoring
    assert panel.entry_id == entry_id
    assert panel.conflict_banner.isVisible() and "my former employer" in panel.conflict_label.text()
    assert all(not card.chooser.isEnabled() for card in panel.cards)
    panel.focus_first_criterion()
    assert not any(QApplication.focusWidget() is card.chooser for card in panel.cards)
    for card in panel.cards:
        qtbot.keyClicks(card.chooser, "4")
        if card.chooser.buttons:
            qtbot.mouseClick(card.chooser.buttons[-1], Qt.MouseButton.LeftButton)
    assert session.workspace.scores_of(entry_id) == {}
    assert session.workspace.state(entry_id).status is EntryStatus.CONFLICT
    assert window.page.model.state_at(window.page.model.row_of(entry_id)).status is EntryStatus.CONFLICT


# ---------------------------------------------------------------- language


def menu_titles(window: JudgeWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_language_switches_from_thai_to_english_and_is_remembered(qtbot, thai_app, issued):
    window = new_window(qtbot)
    assert current_language() == "th"
    assert menu_titles(window)[0] == "แฟ้ม (&F)"
    assert window.start_page.title.text() == "รางวัลท้องถิ่นดิจิทัล — การให้คะแนน"
    open_ready(qtbot, window, issued.bundles["J01"])
    window.page.step(+1)
    current = window.page.current_entry_id()
    assert window.page.progress.text().startswith("ให้คะแนนแล้ว")

    window.language_actions["en"].trigger()
    assert current_language() == "en" and saved_language() == "en"
    assert app_settings().value("language") == "en"
    assert menu_titles(window)[0] == "&File"
    assert window.start_page.title.text() == "Digital Local Government award — judging"
    assert window.page.progress.text().startswith("Scored 0 of")
    assert window.page.current_entry_id() == current  # the judge stays where they were
    assert window.page.scoring.entry_id == current
    assert window.page.status_filter.itemText(0) == "All entries"

    window.language_actions["th"].trigger()
    assert saved_language() == "th"
    assert menu_titles(window)[0] == "แฟ้ม (&F)"
    assert window.page.status_filter.itemText(0) == "ผลงานทั้งหมด"

    # the shortcuts still work after two switches, and the undo item speaks Thai
    undo_keys = [a for a in window.findChildren(QAction) if QKeySequence("Ctrl+Z") in a.shortcuts()]
    assert undo_keys == [window.undo_action]
    window.activateWindow()
    panel = window.page.scoring
    panel.focus_first_criterion()
    qtbot.keyClicks(panel.cards[0].chooser, "4")
    assert window.session.workspace.scores_of(current)
    assert window.undo_action.text().startswith("เลิกทำ ") and "ให้ 4 คะแนน" in window.undo_action.text()
    qtbot.keyClick(panel.cards[0].chooser, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.workspace.scores_of(current) == {}
    assert window.undo_action.text() == "เลิกทำ" and not window.undo_action.isEnabled()


def test_the_thai_translation_answers_in_every_context(thai_app):
    translator = TsTranslator.from_file(translation_file("th"))
    assert translator.language() == "th_TH"
    contexts = translator.contexts()
    ours = {"JudgeWindow", "JudgingPage", "StartPage", "BundleSummaryDialog", "KeyCreateDialog", "UnlockDialog",
            "ConflictsDialog", "ExportResultDialog", "ConfirmIncompleteDialog", "EntryView", "PdfDocumentView",
            "OtherFileView", "_Document", "EntriesTableModel", "ScoringPanel", "CriterionCard", "ScoreChooser",
            "ReviewDialog", "ReviewTableModel", "SetScoreCommand", "SetCommentCommand", "DeclareConflictCommand",
            "WithdrawConflictCommand", "QPlatformTheme"}
    assert ours <= contexts
    samples = {
        "JudgeWindow": "&File", "JudgingPage": "All entries", "StartPage": "Open a bundle…",
        "KeyCreateDialog": "Create my key", "UnlockDialog": "Unlock", "EntriesTableModel": "not started",
        "ScoringPanel": "Overall comment", "SetScoreCommand": "%1 %2: score %3", "QPlatformTheme": "Cancel",
    }
    for context, source in samples.items():
        text = QCoreApplication.translate(context, source)
        assert text != source and any("\u0e00" <= ch <= "\u0e7f" for ch in text), (context, source, text)
    for context in contexts:
        # every context answers in Thai through the installed translator
        assert any("\u0e00" <= ch <= "\u0e7f" for ch in QCoreApplication.translate(
            context, next(s for c, s, _ in translator._messages if c == context)))
    assert QCoreApplication.translate("ConflictsDialog", "Entries ticked: %n", "", 3) == "ทำเครื่องหมายแล้ว 3 รายการ"


def test_translating_does_not_drain_references_to_none(thai_app):
    # PySide6 6.12.0 released a None it never owned on each translate() (and each void call), so a
    # long session ended in "Fatal Python error: none_dealloc"; pyproject keeps it below 6.12.
    import sys

    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.translate("EntriesTableModel", "not started")
        QCoreApplication.translate("EntriesTableModel", "a text with no translation")
        label.setText("ผลงาน")
    assert abs(sys.getrefcount(None) - before) < 50


def tr_calls(path: Path) -> set[tuple[str, str]]:
    """(context, English source) of every self.tr("…"), QCoreApplication.translate("Ctx", "…") and
    QT_TRANSLATE_NOOP("Ctx", "…") in a file."""
    found: set[tuple[str, str]] = set()

    def visit(node: ast.AST, context: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Name) and child.func.id == "QT_TRANSLATE_NOOP":
                found.add((child.args[0].value, child.args[1].value))
            elif isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                args = child.args
                if child.func.attr == "tr" and args and isinstance(args[0], ast.Constant):
                    found.add((context, args[0].value))
                elif (child.func.attr == "translate" and len(args) >= 2 and isinstance(args[0], ast.Constant)
                      and isinstance(args[1], ast.Constant)):
                    found.add((args[0].value, args[1].value))
            visit(child, context)

    visit(ast.parse(path.read_text("utf-8")), "")
    return found


def test_every_visible_string_of_every_ui_module_has_a_thai_translation():
    translator = TsTranslator.for_language("th")
    strings = set()
    for path in sorted(UI.rglob("*.py")):
        strings |= tr_calls(path)
    assert len(strings) > 200 and ("QPlatformTheme", "Cancel") in strings
    missing = sorted((c, s) for c, s in strings if translator.translate(c, s) is None)
    assert missing == []


# ---------------------------------------------------------------- recent files, drag and drop, arguments


def test_the_recent_bundles_list_follows_what_was_opened(qtbot, english_app, issued):
    window = new_window(qtbot)
    assert window.start_page.recent_paths() == [] and window.start_page.recent_empty.isVisible()
    open_ready(qtbot, window, issued.bundles["J01"])
    open_ready(qtbot, window, issued.bundles["J02"])
    j01, j02 = (str(issued.bundles[j].resolve()) for j in ("J01", "J02"))
    assert window.recent_bundles() == [j02, j01]
    window.close_bundle()
    assert window.start_page.recent_paths() == [j02, j01]
    assert [a.text() for a in window.recent_menu.actions()] == [Path(j02).name, Path(j01).name]
    open_ready(qtbot, window, Path(j01))
    assert window.recent_bundles() == [j01, j02]
    # a later start of the app sees the same list
    again = new_window(qtbot)
    assert again.start_page.recent_paths() == [j01, j02]


def test_drag_and_drop_accepts_only_a_single_bundle_file(qtbot, english_app, issued, tmp_path):
    window = new_window(qtbot)
    bundle = issued.bundles["J01"]
    pdf = tmp_path / "entry.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    for urls, text in (
        ([QUrl.fromLocalFile(str(pdf))], None),
        ([QUrl.fromLocalFile(str(bundle)), QUrl.fromLocalFile(str(issued.bundles["J02"]))], None),
        ([QUrl("https://example.org/x.dlgbundle")], None),
        ([], str(bundle)),
    ):
        mime, enter, drop = drag_events(window, urls, text)
        assert bundle_paths_of(mime) == []
        QApplication.sendEvent(window, enter)
        assert not enter.isAccepted()
        QApplication.sendEvent(window, drop)
        assert not drop.isAccepted()
    assert window.session is None and window._opening is None
    mime, enter, drop = drag_events(window, [QUrl.fromLocalFile(str(bundle.with_suffix(".DLGBUNDLE")))])
    assert bundle_paths_of(mime)  # the suffix is matched whatever its case
    mime, enter, drop = drag_events(window, [QUrl.fromLocalFile(str(bundle))])
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    with qtbot.waitSignal(window.session_opened, timeout=TIMEOUT):
        QApplication.sendEvent(window, drop)
    assert drop.isAccepted()
    assert window.session.bundle.path == bundle


def test_command_line_arguments_open_a_bundle_or_the_demo():
    assert parse_arguments(["x/b.dlgbundle"]) == (Path("x/b.dlgbundle"), False, None)
    assert parse_arguments(["--demo", "--lang=en"]) == (None, True, "en")
    import main

    assert main.wants_gui(["C:/Users/a/b.dlgbundle"]) and main.wants_gui([]) and not main.wants_gui(["verify", "f"])


# ---------------------------------------------------------------- attachments


def test_attachments_show_inside_the_app_and_other_files_open_outside(qtbot, english_app, issued, tmp_path,
                                                                     no_system_viewer):
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    with_image = next(e for e in session.bundle.entries if len(e.attachments) > 1)
    view = window.page.entry_view
    pdf_name = next(a.name for a in with_image.attachments if a.media_type == "application/pdf")
    image_name = next(a.name for a in with_image.attachments if a.media_type.startswith("image/"))
    with qtbot.waitSignal(view.attachment_ready, timeout=TIMEOUT, check_params_cb=lambda e, n: n == pdf_name):
        window.page.select_entry(with_image.id)
    pdf = view.document(pdf_name)
    assert isinstance(pdf, PdfDocumentView)
    assert pdf.rendered_pages() == len(pdf.pages) >= 1
    assert not pdf.pages[0].pixmap().isNull() and pdf.pages[0].pixmap().width() > 200
    assert with_image.project_title in view.title.text() and with_image.org_name in view.organisation.text()
    assert with_image.contact.email in view.contact.text()
    with qtbot.waitSignal(view.attachment_ready, timeout=TIMEOUT, check_params_cb=lambda e, n: n == image_name):
        view.show_attachment(image_name)
    image = view.document(image_name)
    assert isinstance(image, ImageDocumentView) and not image.picture.pixmap().isNull()
    copy = view.cache.path(with_image.id, pdf_name)
    assert copy.read_bytes()[:4] == b"%PDF"

    # a file type the app does not show goes to the system viewer, from a verified copy
    class FakeCache:
        def extract(self, entry_id, name):
            target = tmp_path / name
            target.write_text("a,b\n1,2\n")
            return target

    other = OtherFileView(FakeCache(), with_image.id, Attachment("data.csv", "x", "text/csv", 8, "0" * 64))
    qtbot.addWidget(other)
    other.open_external()
    qtbot.waitUntil(lambda: no_system_viewer == [str(tmp_path / "data.csv")])
    window.close()
    assert not copy.exists()  # temporary copies go with the bundle


# ---------------------------------------------------------------- printing


def test_score_sheets_print_from_an_exported_file(qtbot, english_app, issued, judge_data_dir, tmp_path,
                                                   monkeypatch, no_system_viewer):
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as session:
        session.create_key(PASSPHRASE)
        key = session.unlock(PASSPHRASE)
        ws = session.workspace
        for entry_id in session.bundle.entry_ids[:3]:
            ws.set_scores(entry_id, {c: "4" for c in session.bundle.round.rubric.criterion_ids})
        exported = tmp_path / default_file_name(ws, ws.next_sequence())
        export_score_file(ws, key, exported, allow_incomplete=True)
    window = new_window(qtbot)
    open_ready(qtbot, window, issued.bundles["J01"])
    pdf = tmp_path / "sheets.pdf"
    suggested: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args: suggested.append(args[2]) or (str(pdf), "")))
    with qtbot.waitSignal(window.sheets_saved, timeout=60_000):
        window.print_score_sheets(exported)
    assert suggested == [str(exported.with_suffix(".pdf"))]
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert no_system_viewer == [str(pdf)]

    # with no file given, the window asks, starting from the last export
    app_settings().setValue(f"last_export/{window.session.bundle.sha256}", str(exported))
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args: offered.append(args[2]) or ("", "")))
    window.print_action.trigger()
    assert offered == [str(exported)]


# ---------------------------------------------------------------- the worker


def test_the_worker_reports_progress_result_and_failure_on_the_gui_thread(qtbot, qapp):
    from PySide6.QtCore import QObject, QThread

    owner = QObject()
    seen: list[object] = []
    gui = QThread.currentThread()

    def work(report):
        for step in range(3):
            report(step)
        return QThread.currentThread() is not gui

    op = Op(owner, work, done=seen.append, progress=lambda p: seen.append(("progress", p)))
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert seen == [("progress", 0), ("progress", 1), ("progress", 2), True]

    errors: list[BaseException] = []
    op = Op(owner, lambda report: 1 / 0, failed=errors.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
    assert isinstance(errors[0], ZeroDivisionError)

    import threading

    gate = threading.Event()
    called: list[object] = []

    def slow(report):
        gate.wait(5)
        report("late")
        return "late"

    op = Op(owner, slow, done=called.append, failed=called.append, progress=called.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
        op.cancel()
        gate.set()
    assert called == []

    # the owner (a window, a page) goes away while the work runs: nothing is called on it
    gate.clear()
    doomed = QObject()
    op = Op(doomed, slow, done=called.append, failed=called.append, progress=called.append)
    with qtbot.waitSignal(op.finished, timeout=5000):
        op.start()
        shiboken6.delete(doomed)
        assert op.cancelled
        gate.set()
    assert called == []


def test_a_comment_typed_just_before_closing_the_window_is_kept(qtbot, english_app, issued, judge_data_dir):
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    entry = session.bundle.entry_ids[4]
    window.page.select_entry(entry)
    box = window.page.scoring.overall_comment
    box.setFocus()
    box.insertPlainText("ระบบใช้งานได้จริงทั้งตำบล")  # as typing (QTest cannot type Thai keys)
    window.close()  # at once: well inside the comment's save delay
    with JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir) as reopened:
        assert reopened.workspace.state(entry).overall_comment == "ระบบใช้งานได้จริงทั้งตำบล"


def test_scoring_under_the_not_started_filter_stays_on_the_chosen_entry(qtbot, thai_app, issued):
    # The entry changes status with its first score; it must not leave the list under the judge's
    # hands, or the next score typed would land on the entry after it.
    window = new_window(qtbot)
    session = open_ready(qtbot, window, issued.bundles["J01"])
    page = window.page
    not_started = page.status_filter.findData(EntryStatus.NOT_STARTED)
    page.status_filter.setCurrentIndex(not_started)
    assert page.step(+1) and page.step(+1)
    chosen = page.current_entry_id()
    cards = page.scoring.cards
    for card, key in ((cards[0], Qt.Key.Key_4), (cards[1], Qt.Key.Key_3)):
        qtbot.keyClick(card.chooser, key)
        qtbot.waitUntil(lambda card=card: card.chooser.value() is not None)
        assert page.current_entry_id() == chosen == page.scoring.entry_id == page.entry_view.entry.id
    scores = session.workspace.scores_of(chosen)
    assert {c: str(v) for c, v in scores.items()} == {cards[0].criterion.id: "4", cards[1].criterion.id: "3"}
