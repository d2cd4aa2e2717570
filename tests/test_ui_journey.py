"""A judge's whole journey through the real window, offscreen.

Open a bundle by dropping it on the window, read the check result, create the
key, declare a conflict, score two entries with the keyboard only, undo and
redo, close and come back, then (the rest filled through the workspace to keep
the test fast) export a signed score file through the window and merge it at
the secretariat.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog

from judge_app.merge import merge_file
from judge_app.scorefile import read_score_file
from judge_app.scoring import EntryStatus
from judge_app.thai_dates import thai_date
from ui.dialogs import BundleSummaryDialog, ConflictsDialog, ExportResultDialog, KeyCreateDialog, UnlockDialog
from ui.judge_window import JudgeWindow
from ui_helpers import drag_events, new_window

PASSPHRASE = "mango tree by the house 2565"  # QTest types ASCII only
OPEN_TIMEOUT = 30_000


def drop_file(window: JudgeWindow, path: Path) -> tuple[bool, bool]:
    """Drag a file over the window and drop it, as a file manager would; (enter accepted, drop accepted)."""
    mime, enter, drop = drag_events(window, [QUrl.fromLocalFile(str(path))])
    QApplication.sendEvent(window, enter)
    QApplication.sendEvent(window, drop)
    return enter.isAccepted(), drop.isAccepted()


def wait_dialog(qtbot, window: JudgeWindow, kind: type):
    qtbot.waitUntil(lambda: isinstance(window.active_dialog, kind) and window.active_dialog.isVisible(),
                    timeout=10_000)
    return window.active_dialog


def key(qtbot, keyname, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Press a key where the keyboard focus is, as the judge would."""
    qtbot.keyClick(QApplication.focusWidget(), keyname, modifier)


def score_current_entry_by_keyboard(qtbot, window: JudgeWindow, values: list[str]) -> None:
    """Type each criterion's score and Tab to the next, starting where the keyboard already is."""
    panel = window.page.scoring
    assert QApplication.focusWidget() is panel.cards[0].chooser
    for number, value in enumerate(values):
        assert QApplication.focusWidget() is panel.cards[number].chooser
        qtbot.keyClicks(QApplication.focusWidget(), value)
        if number + 1 < len(values):
            key(qtbot, Qt.Key.Key_Tab)


def test_a_judge_scores_exports_and_the_secretariat_merges(qtbot, thai_app, issued, judge_data_dir, tmp_path,
                                                           monkeypatch, no_system_viewer):
    bundle_path = issued.bundles["J01"]
    fingerprint = issued.secretariat.public_key.fingerprint

    # --- open by dropping the bundle on the window
    window = new_window(qtbot)
    with qtbot.waitSignal(window.session_opened, timeout=OPEN_TIMEOUT):
        entered, dropped = drop_file(window, bundle_path)
        assert entered and dropped
    session = window.session
    entries = session.bundle.entry_ids
    criteria = session.bundle.round.rubric.criterion_ids
    assert window.page.model.rowCount() == len(entries)
    assert "*" not in window.windowTitle()

    # --- the check result, said plainly
    summary = wait_dialog(qtbot, window, BundleSummaryDialog)
    text = summary.summary_text()
    assert fingerprint in text
    assert "บันทึกกุญแจนี้ไว้เป็นกุญแจที่เชื่อถือ" in text  # newly trusted
    assert issued.contest.title_th in text
    assert str(len(entries)) == summary.facts["entries"].text()
    assert summary.facts["deadline"].text() == thai_date(issued.contest.rounds[0].deadline)
    assert "2565" in summary.facts["deadline"].text()
    qtbot.mouseClick(summary.start_button, Qt.MouseButton.LeftButton)

    # --- first use: create the key, passphrase typed twice
    dialog = wait_dialog(qtbot, window, KeyCreateDialog)
    assert not dialog.create_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "short")
    assert not dialog.create_button.isEnabled() and dialog.hint.text()
    dialog.passphrase.clear()
    qtbot.keyClicks(dialog.passphrase, PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, PASSPHRASE)
    assert dialog.create_button.isEnabled()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    public_key = session.public_key()
    assert public_key is not None
    assert dialog.fingerprint.text() == public_key.fingerprint
    assert len(public_key.fingerprint.split()) == 5
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)

    # --- the conflicts-of-interest pass
    conflicts = wait_dialog(qtbot, window, ConflictsDialog)
    assert conflicts.table.rowCount() == len(entries)
    conflicted = entries[0]
    conflicts.set_conflict(conflicted, True, "เคยเป็นที่ปรึกษาโครงการ")
    with qtbot.waitSignal(window.opening_finished):
        qtbot.mouseClick(conflicts.confirm_button, Qt.MouseButton.LeftButton)
    assert session.workspace.conflict_reason(conflicted) == "เคยเป็นที่ปรึกษาโครงการ"

    # --- score two entries with the keyboard only
    page = window.page
    page.select_entry(conflicted)
    page.table.setFocus()
    first, second = entries[1], entries[2]
    key(qtbot, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_entry_id() == first
    assert page.entry_view.entry.id == first and page.scoring.entry_id == first
    key(qtbot, Qt.Key.Key_Return)  # from the list to the scoring panel
    score_current_entry_by_keyboard(qtbot, window, ["4", "3.5", "5", "2", "4", "3", "4.5"][:len(criteria)])
    assert session.workspace.state(first).status is EntryStatus.SCORED
    key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)  # next entry; the keyboard stays on scoring
    assert page.current_entry_id() == second
    score_current_entry_by_keyboard(qtbot, window, ["3"] * len(criteria))
    assert session.workspace.state(second).status is EntryStatus.SCORED
    assert page.progress.text() == f"ให้คะแนนแล้ว 3 จาก {len(entries)} ผลงาน"  # two scored and one conflict

    # --- undo one score, then redo it
    last = criteria[-1]
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert last not in session.workspace.scores_of(second)
    assert session.workspace.state(second).status is EntryStatus.IN_PROGRESS
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.workspace.scores_of(second)[last] == Decimal("3")
    key(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert last not in session.workspace.scores_of(second)
    assert "*" not in window.windowTitle()
    assert window.saved_label.text().startswith("✔")
    expected_first = dict(session.workspace.scores_of(first))

    # --- close, reopen with open_bundle(): everything is still there, no first-use dialogs
    window.close()
    assert window.session is None
    window = new_window(qtbot)
    assert str(bundle_path.resolve()) in window.start_page.recent_paths()
    with qtbot.waitSignal(window.opening_finished, timeout=OPEN_TIMEOUT):
        window.open_bundle(bundle_path)
        summary = wait_dialog(qtbot, window, BundleSummaryDialog)
        assert "เป็นกุญแจเดียวกัน" in summary.summary_text()  # already trusted
        qtbot.mouseClick(summary.start_button, Qt.MouseButton.LeftButton)
    session = window.session
    workspace = session.workspace
    assert window.page.current_entry_id() == second  # back where the judge left off
    assert workspace.scores_of(first) == expected_first
    assert last not in workspace.scores_of(second)
    assert workspace.conflict_reason(conflicted) == "เคยเป็นที่ปรึกษาโครงการ"
    window.page.select_entry(first)
    assert window.page.scoring.total_label.text().startswith("คะแนนรวม")

    # --- the rest through the workspace API, then export through the window
    for entry_id in entries:
        state = workspace.state(entry_id)
        if state.status not in (EntryStatus.SCORED, EntryStatus.CONFLICT):
            workspace.set_scores(entry_id, {c: "3" for c in criteria})
            window.notifier.changed.emit(entry_id)
    assert window.page.progress.value() == len(entries)
    target = tmp_path / "outbox" / "my-scores.dlgscores"
    target.parent.mkdir()
    asked: list[str] = []

    def save_dialog(parent, caption, suggested, filters):
        asked.append(suggested)
        return str(target), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    window.export_action.trigger()
    unlock = wait_dialog(qtbot, window, UnlockDialog)
    qtbot.keyClicks(unlock.passphrase, PASSPHRASE)
    with qtbot.waitSignal(window.export_finished, timeout=OPEN_TIMEOUT) as exported:
        qtbot.mouseClick(unlock.unlock_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name == "dlg-2565-r1-J01-seq001.dlgscores"
    result = exported.args[0]
    shown = wait_dialog(qtbot, window, ExportResultDialog)
    assert shown.values["sequence"].text() == "1"
    assert shown.values["sha256"].text().replace(" ", "") == result.sha256
    assert shown.values["fingerprint"].text() == public_key.fingerprint

    # --- the secretariat's side: the file verifies and merges
    score_file = read_score_file(target)
    assert score_file.judge_id == "J01" and score_file.sequence == 1
    assert score_file.public_key.fingerprint == public_key.fingerprint
    assert score_file.entry(conflicted).status == "conflict"
    assert score_file.entry(first).scores == expected_first
    assert all(e.status in ("scored", "conflict") for e in score_file.entries)
    with issued.open_db() as db:
        db.enrol_key("J01", score_file.public_key, how="test")
        outcome = merge_file(db, target)
    assert outcome.status == "accepted", outcome
    shown.accept()
    window.close()
