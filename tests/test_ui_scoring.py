"""The scoring side of the judge window, driven like a judge drives it (offscreen).

Everything runs on a real issued bundle opened through JudgeSession, so what
the widgets show is compared with what the real workspace holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, QModelIndex, Qt
from PySide6.QtGui import QKeyEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from judge_app.judging import JudgeSession
from judge_app.scoring import EntryStatus, total_str
from ui.criterion_card import typed_character
from ui.entries_model import EntriesFilterProxy, EntriesTableModel, search_key
from ui.fonts import install_fonts
from ui.review import ReviewDialog, ReviewTableModel
from ui.scoring_panel import COMMENT_SAVE_DELAY_MS, ScoringPanel
from ui.undo import ChangeNotifier, SetScoreCommand


@pytest.fixture
def session(issued, judge_data_dir):
    opened = JudgeSession.open(issued.bundles["J01"], data_dir=judge_data_dir)
    yield opened
    opened.close()


@dataclass
class Scoring:
    session: JudgeSession
    stack: QUndoStack
    notifier: ChangeNotifier
    panel: ScoringPanel

    @property
    def ws(self):
        return self.session.workspace

    @property
    def criteria(self):
        return self.session.bundle.round.rubric.criteria


@pytest.fixture
def scoring(qtbot, qapp, session):
    install_fonts(qapp)
    stack = QUndoStack()
    notifier = ChangeNotifier()
    panel = ScoringPanel(session, stack, notifier)
    qtbot.addWidget(panel)
    panel.resize(760, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    yield Scoring(session, stack, notifier, panel)
    panel.commit_pending()
    panel.close()
    stack.clear()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_keys(qtbot, text: str) -> None:
    """Type into the focused widget; Thai characters arrive as a Thai keyboard sends them."""
    for character in text:
        if character.isascii():
            qtbot.keyClicks(focused(), character)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character)
            QApplication.sendEvent(focused(), event)


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)


def snapshot(ws, entry_ids):
    return {e: ws.state(e) for e in entry_ids}


# ---------------------------------------------------------------- entries model


def test_entries_models_pass_the_model_tester(qtmodeltester, qapp, session):
    model = EntriesTableModel(session)
    qtmodeltester.check(model)
    proxy = EntriesFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text_filter("เทศบาล")
    proxy.sort(EntriesTableModel.COL_TOTAL, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)


def test_entries_model_shows_status_and_exact_total(qtbot, qapp, session):
    ws = session.workspace
    entries = session.bundle.entries
    ids = [c.id for c in session.bundle.round.rubric.criteria]
    model = EntriesTableModel(session)
    assert model.rowCount() == len(entries) and model.columnCount() == 7
    first = entries[0].id
    index = model.index(0, EntriesTableModel.COL_TOTAL)
    assert model.data(index) == ""
    assert model.data(model.index(0, EntriesTableModel.COL_STATUS)) == "not started"
    assert model.data(model.index(0, EntriesTableModel.COL_ID)) == first
    assert model.data(model.index(0, EntriesTableModel.COL_ORG)) == entries[0].org_name
    assert model.data(model.index(0, EntriesTableModel.COL_TYPE)) == entries[0].org_type_th
    alignment = Qt.AlignmentFlag(model.data(index, Qt.ItemDataRole.TextAlignmentRole))
    assert alignment & Qt.AlignmentFlag.AlignRight

    ws.set_scores(first, {c: "3.5" for c in ids})
    assert model.data(index) == ""  # cached until the row is refreshed
    with qtbot.waitSignal(model.dataChanged) as blocker:
        model.refresh_entry(first)
    assert blocker.args[0].row() == 0 and blocker.args[1].column() == EntriesTableModel.COL_TOTAL
    assert model.data(index) == total_str(ws.state(first).total) == "70.00"
    assert model.data(model.index(0, EntriesTableModel.COL_STATUS)) == "complete"
    assert not model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole).isNull()
    assert model.progress() == (1, len(entries))

    ws.declare_conflict(entries[1].id, "ญาติของนายก")
    ws.set_score(entries[2].id, ids[0], "2")
    model.refresh_entry(entries[1].id)
    model.refresh_entry(entries[2].id)
    assert model.data(model.index(1, 0)) == "conflict"
    assert model.data(model.index(2, 0)) == "in progress"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.progress() == (2, len(entries))


def test_total_sorts_numerically(session):
    ws = session.workspace
    ids = [c.id for c in session.bundle.round.rubric.criteria]
    entries = [e.id for e in session.bundle.entries]
    ws.set_scores(entries[3], {c: "5" for c in ids})  # 100.00
    ws.set_scores(entries[4], {c: "1" for c in ids})  # 20.00
    ws.set_scores(entries[5], {c: "3" for c in ids})  # 60.00
    model = EntriesTableModel(session)
    proxy = EntriesFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(EntriesTableModel.COL_TOTAL, Qt.SortOrder.DescendingOrder)
    top = [proxy.data(proxy.index(row, EntriesTableModel.COL_TOTAL)) for row in range(4)]
    assert top == ["100.00", "60.00", "20.00", ""]
    assert proxy.entry_id_at(0) == entries[3]


def test_filter_by_status_and_thai_text(session):
    ws = session.workspace
    entries = session.bundle.entries
    model = EntriesTableModel(session)
    proxy = EntriesFilterProxy()
    proxy.setSourceModel(model)
    assert proxy.rowCount() == len(entries)

    ws.declare_conflict(entries[7].id, "")
    model.refresh_entry(entries[7].id)
    proxy.set_status_filter(EntryStatus.CONFLICT)
    assert proxy.rowCount() == 1 and proxy.entry_id_at(0) == entries[7].id
    proxy.set_status_filter(EntryStatus.NOT_STARTED)
    assert proxy.rowCount() == len(entries) - 1
    proxy.set_status_filter(None)

    # A piece of a Thai province and of a Thai project title, typed as a judge would.
    province = entries[10].province
    proxy.set_text_filter(province[1:])
    expected = {e.id for e in entries if province[1:] in " ".join((e.id, e.org_name, e.province, e.project_title))}
    assert {proxy.entry_id_at(r) for r in range(proxy.rowCount())} == expected and entries[10].id in expected
    word = entries[12].project_title[3:9]
    proxy.set_text_filter(f"  {word} ")
    shown = {proxy.entry_id_at(r) for r in range(proxy.rowCount())}
    assert entries[12].id in shown
    assert all(word in model.entry_at(model.row_of(e)).project_title
               or word in model.entry_at(model.row_of(e)).org_name
               or word in model.entry_at(model.row_of(e)).province for e in shown)
    # Regex characters are plain text; the id matches case-insensitively.
    proxy.set_text_filter("(.*")
    assert proxy.rowCount() == 0
    proxy.set_text_filter(entries[0].id.lower())
    assert proxy.entry_id_at(0) == entries[0].id
    # Both filters at once, and progress always counts the whole bundle.
    proxy.set_text_filter(province)
    proxy.set_status_filter(EntryStatus.SCORED)
    assert proxy.rowCount() == 0
    assert proxy.progress() == (1, len(entries))
    assert search_key("ＡＢＣ") == "abc"


# ---------------------------------------------------------------- scoring by keyboard


def test_an_entry_is_scored_entirely_by_keyboard(qtbot, scoring):
    panel, ws = scoring.panel, scoring.ws
    entry = scoring.session.bundle.entries[0].id
    panel.set_entry(entry)
    panel.focus_first_criterion()
    assert focused() is panel.cards[0].chooser
    typed = ["3", "3.5", "4", "2.5", "5", "1", "4.5"]
    with qtbot.waitSignals([panel.entry_changed] * 8):
        for number, value in enumerate(typed):
            type_keys(qtbot, value)
            press(qtbot, Qt.Key.Key_Tab)
            if number + 1 < len(typed):
                assert focused() is panel.cards[number + 1].chooser
    assert focused() is panel.overall_comment
    expected = {c.id: Decimal(v) for c, v in zip(scoring.criteria, typed)}
    assert ws.scores_of(entry) == expected
    state = ws.state(entry)
    assert state.status == EntryStatus.SCORED
    assert total_str(state.total) in panel.total_label.text()
    assert "Saved" in panel.saved_label.text()

    # Arrows move the score (and merge into one undo step); ↑/↓ move between criteria.
    panel.cards[2].chooser.setFocus()
    press(qtbot, Qt.Key.Key_Right)
    press(qtbot, Qt.Key.Key_Right)
    assert ws.scores_of(entry)["C3"] == Decimal("5")
    press(qtbot, Qt.Key.Key_Right)  # already the top of the scale
    assert ws.scores_of(entry)["C3"] == Decimal("5")
    count = scoring.stack.count()
    press(qtbot, Qt.Key.Key_Left)
    assert scoring.stack.count() == count  # merged with the previous arrow steps
    press(qtbot, Qt.Key.Key_Down)
    assert focused() is panel.cards[3].chooser
    press(qtbot, Qt.Key.Key_Up)
    press(qtbot, Qt.Key.Key_Up)
    assert focused() is panel.cards[1].chooser
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is panel.cards[0].chooser
    # Enter goes to the criterion's comment; Tab from there to the next criterion.
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is panel.cards[0].comment
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is panel.cards[1].chooser
    # Delete clears; the total says the entry is not complete any more.
    press(qtbot, Qt.Key.Key_Delete)
    assert "C2" not in ws.scores_of(entry)
    assert "6" in panel.total_label.text() and "7" in panel.total_label.text()
    assert total_str(ws.state(entry).total or 0) not in panel.total_label.text()


def test_a_thai_keyboard_layout_types_scores_too(qtbot, scoring):
    panel, ws = scoring.panel, scoring.ws
    entry = scoring.session.bundle.entries[1].id
    panel.set_entry(entry)
    panel.focus_first_criterion()
    type_keys(qtbot, "ถ")  # the "5" key on the Kedmanee layout
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "๓ใ๕")  # Thai digits and the "." key of the Kedmanee layout
    assert ws.scores_of(entry) == {"C1": Decimal("5"), "C2": Decimal("3.5")}
    assert [typed_character(c) for c in "๑-/"] == ["1", "3", "2"]


def test_invalid_scores_cannot_be_given(qtbot, scoring):
    panel, ws = scoring.panel, scoring.ws
    entry = scoring.session.bundle.entries[2].id
    panel.set_entry(entry)
    chooser = panel.cards[0].chooser
    assert [b.text() for b in chooser.buttons] == ["1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    panel.focus_first_criterion()
    for keys in ("7", "0", ".", "x", "9.5"):
        type_keys(qtbot, keys)
        qtbot.wait(1)
    assert ws.scores_of(entry) == {"C1": Decimal("5")}  # only the "5" of "9.5" was a score
    type_keys(qtbot, ".")
    type_keys(qtbot, "7")  # "5.7" is off the scale: nothing changes
    assert ws.scores_of(entry) == {"C1": Decimal("5")}
    assert scoring.stack.count() == 1

    # A value the core refuses surfaces as a message; the stack keeps no phantom step.
    failures = []
    scoring.notifier.failed.connect(lambda e, m: failures.append(m))
    scoring.stack.push(SetScoreCommand(scoring.session, entry, "C1", Decimal("5"), Decimal("3.2"),
                                       scoring.notifier))
    assert failures and "3.2" in failures[0]
    assert scoring.stack.count() == 1
    assert ws.scores_of(entry) == {"C1": Decimal("5")}
    assert "3.2" in panel.saved_label.text() and "c62828" in panel.saved_label.styleSheet()
    assert chooser.value() == Decimal("5")


# ---------------------------------------------------------------- undo and redo


def test_undo_and_redo_restore_the_workspace_exactly(qtbot, scoring):
    panel, ws, stack = scoring.panel, scoring.ws, scoring.stack
    entries = [e.id for e in scoring.session.bundle.entries[:3]]
    before = snapshot(ws, entries)
    replayed = []
    scoring.notifier.replayed.connect(replayed.append)

    panel.set_entry(entries[0])
    panel.focus_first_criterion()
    type_keys(qtbot, "3.5")  # "3" then "3.5": one undo step
    assert stack.count() == 1
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "2")
    qtbot.mouseClick(panel.cards[2].chooser.buttons[8], Qt.MouseButton.LeftButton)
    panel.cards[0].comment.setFocus()
    type_keys(qtbot, "ดีมาก")
    panel.overall_comment.setFocus()  # focus-out saves the comment at once
    type_keys(qtbot, "โดยรวม")
    panel.set_entry(entries[1])  # switching saves the overall comment
    panel.focus_first_criterion()
    type_keys(qtbot, "4")
    qtbot.mouseClick(panel.cards[0].chooser.clear_button, Qt.MouseButton.LeftButton)
    after = snapshot(ws, entries)
    assert after[entries[0]].scores == {"C1": Decimal("3.5"), "C2": Decimal("2"), "C3": Decimal("5")}
    assert after[entries[0]].comments == {"C1": "ดีมาก"} and after[entries[0]].overall_comment == "โดยรวม"
    assert after[entries[1]].scores == {}
    steps = stack.count()
    assert steps == 7

    while stack.canUndo():
        stack.undo()
    assert snapshot(ws, entries) == before
    assert set(replayed) == {entries[0], entries[1]}
    while stack.canRedo():
        stack.redo()
    assert snapshot(ws, entries) == after
    assert stack.count() == steps
    stack.setIndex(3)
    assert ws.state(entries[0]).scores == after[entries[0]].scores
    assert ws.state(entries[0]).comments == {}


def test_conflict_declared_and_undone_gives_the_scores_back(qtbot, scoring, monkeypatch):
    panel, ws, stack = scoring.panel, scoring.ws, scoring.stack
    entry = scoring.session.bundle.entries[3].id
    panel.set_entry(entry)
    panel.focus_first_criterion()
    for value in ("3", "4", "4.5", "2", "3.5", "5", "1.5"):
        type_keys(qtbot, value)
        press(qtbot, Qt.Key.Key_Tab)
    scored = ws.state(entry)
    assert scored.status == EntryStatus.SCORED

    monkeypatch.setattr(panel, "ask_conflict_reason", lambda: "เคยเป็นที่ปรึกษาโครงการ")
    qtbot.mouseClick(panel.declare_button, Qt.MouseButton.LeftButton)
    declared = ws.state(entry)
    assert declared.status == EntryStatus.CONFLICT and declared.scores == {}
    assert declared.conflict_reason == "เคยเป็นที่ปรึกษาโครงการ"
    assert panel.conflict_banner.isVisible() and "เคยเป็นที่ปรึกษาโครงการ" in panel.conflict_label.text()
    assert not panel.declare_button.isVisible()
    assert all(not card.chooser.isEnabled() for card in panel.cards)
    assert "conflict" in panel.total_label.text()

    stack.undo()
    assert ws.state(entry) == scored
    assert not panel.conflict_banner.isVisible() and panel.cards[0].chooser.isEnabled()
    assert total_str(scored.total) in panel.total_label.text()
    stack.redo()
    assert ws.state(entry).status == EntryStatus.CONFLICT and ws.scores_of(entry) == {}
    stack.undo()
    assert ws.state(entry) == scored

    # Withdrawing is undoable too: undo declares it again with the same reason.
    stack.redo()
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert ws.state(entry).status == EntryStatus.NOT_STARTED
    stack.undo()
    assert ws.state(entry).conflict_reason == "เคยเป็นที่ปรึกษาโครงการ"
    stack.undo()
    assert ws.state(entry) == scored

    # Cancelling the question declares nothing.
    monkeypatch.setattr(panel, "ask_conflict_reason", lambda: None)
    count = stack.count()
    qtbot.mouseClick(panel.declare_button, Qt.MouseButton.LeftButton)
    assert stack.count() == count and ws.state(entry) == scored


def test_an_undo_the_core_refuses_leaves_the_stack_consistent(qtbot, scoring):
    panel, ws, stack = scoring.panel, scoring.ws, scoring.stack
    entry = scoring.session.bundle.entries[4].id
    panel.set_entry(entry)
    panel.focus_first_criterion()
    type_keys(qtbot, "4")
    press(qtbot, Qt.Key.Key_Tab)
    type_keys(qtbot, "2")
    assert stack.count() == 2
    ws.declare_conflict(entry, "declared elsewhere")  # behind the stack's back
    messages = []
    scoring.notifier.failed.connect(lambda e, m: messages.append(m))
    stack.undo()  # the core refuses to score an entry under conflict
    assert messages and "conflict" in messages[0]
    assert stack.count() == 1 and stack.index() == 1
    assert "conflict" in panel.saved_label.text()
    ws.withdraw_conflict(entry)
    stack.undo()
    assert ws.scores_of(entry) == {} and stack.index() == 0
    stack.redo()
    assert ws.scores_of(entry) == {"C1": Decimal("4")}


# ---------------------------------------------------------------- comments


def test_comment_typed_then_entry_switched_is_saved(qtbot, scoring):
    panel, ws = scoring.panel, scoring.ws
    first, second = (e.id for e in scoring.session.bundle.entries[5:7])
    panel.set_entry(first)
    panel.cards[1].comment.setFocus()
    type_keys(qtbot, "ยังไม่เห็นการเชื่อมโยงข้อมูลกับหน่วยงานอื่น")
    assert "not saved" in panel.saved_label.text().lower()
    assert ws.state(first).comments == {}  # not yet: the judge is still typing
    panel.set_entry(second)
    assert ws.state(first).comments == {"C2": "ยังไม่เห็นการเชื่อมโยงข้อมูลกับหน่วยงานอื่น"}
    assert ws.state(first).status == EntryStatus.IN_PROGRESS
    assert panel.cards[1].comment.toPlainText() == ""
    panel.set_entry(first)
    assert panel.cards[1].comment.toPlainText() == "ยังไม่เห็นการเชื่อมโยงข้อมูลกับหน่วยงานอื่น"


def test_comments_save_after_a_pause_and_merge_into_one_undo_step(qtbot, scoring):
    panel, ws, stack = scoring.panel, scoring.ws, scoring.stack
    entry = scoring.session.bundle.entries[8].id
    panel.set_entry(entry)
    panel.overall_comment.setFocus()
    type_keys(qtbot, "ผลงานดี")
    with qtbot.waitSignal(panel.entry_changed, timeout=COMMENT_SAVE_DELAY_MS * 5):
        pass
    assert ws.state(entry).overall_comment == "ผลงานดี"
    assert "Saved" in panel.saved_label.text()
    type_keys(qtbot, " มีหลักฐานชัดเจน")
    qtbot.waitUntil(lambda: ws.state(entry).overall_comment == "ผลงานดี มีหลักฐานชัดเจน",
                    timeout=COMMENT_SAVE_DELAY_MS * 5)
    assert stack.count() == 1
    assert panel.overall_comment.hasFocus()
    stack.undo()
    assert ws.state(entry).overall_comment == "" and panel.overall_comment.toPlainText() == ""
    stack.redo()
    assert panel.overall_comment.toPlainText() == "ผลงานดี มีหลักฐานชัดเจน"


def test_conflict_blocks_the_scoring_widgets(qtbot, scoring):
    panel, ws = scoring.panel, scoring.ws
    entry = scoring.session.bundle.entries[9].id
    ws.declare_conflict(entry, "")
    panel.set_entry(entry)
    assert panel.conflict_banner.isVisible() and "no reason given" in panel.conflict_label.text()
    for card in panel.cards:
        assert not card.chooser.isEnabled() and not card.comment.isEnabled()
        assert not any(b.isEnabled() for b in card.chooser.buttons)
    qtbot.mouseClick(panel.cards[0].chooser.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.cards[0].chooser, "3")
    assert ws.scores_of(entry) == {} and scoring.stack.count() == 0
    panel.focus_first_criterion()
    assert focused() is panel.overall_comment  # the one box still open: why, in a sentence


def test_english_titles_when_asked(qtbot, session):
    panel = ScoringPanel(session, QUndoStack(), ChangeNotifier(), language="en")
    qtbot.addWidget(panel)
    criterion = session.bundle.round.rubric.criteria[0]
    assert criterion.title_en in panel.cards[0].title_label.text()
    assert panel.cards[0].guidance_label.text() == criterion.guidance_en


# ---------------------------------------------------------------- review


def test_review_dialog_shows_the_workspace_totals(qtbot, qtmodeltester, session, tmp_path):
    ws = session.workspace
    entries = [e.id for e in session.bundle.entries]
    ids = [c.id for c in session.bundle.round.rubric.criteria]
    for number, entry in enumerate(entries[:12]):
        ws.set_scores(entry, {c: str(1 + (number + i) % 9 * Decimal("0.5")) for i, c in enumerate(ids)})
    ws.set_score(entries[12], "C1", "4")
    ws.declare_conflict(entries[13], "ญาติ")
    qtmodeltester.check(ReviewTableModel(session))
    dialog = ReviewDialog(session)
    qtbot.addWidget(dialog)
    model, proxy = dialog.model, dialog.proxy
    for row, entry in enumerate(entries):
        state = ws.state(entry)
        shown = model.data(model.index(row, model.col_total))
        assert shown == (total_str(state.total) if state.total is not None else "")
        for column, criterion in enumerate(ids, start=model.FIRST_CRITERION):
            value = model.data(model.index(row, column))
            assert value == (str(state.scores[criterion]) if criterion in state.scores else "")
    conflict_row = entries.index(entries[13])
    assert model.data(model.index(conflict_row, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable == Qt.ItemFlag.NoItemFlags
    # Sorted by total, highest first, numerically.
    totals = [proxy.data(proxy.index(r, model.col_total), Qt.ItemDataRole.UserRole) for r in range(proxy.rowCount())]
    assert totals == sorted(totals, reverse=True)
    exact = [ws.state(e).total for e in entries if ws.state(e).total is not None]
    mean = sum(exact) / len(exact)
    assert f"{float(mean):.2f}" in dialog.summary_text()
    assert "12 of" in dialog.summary_text() and "SD" in dialog.summary_text()
    assert max(map(total_str, exact), key=float) in dialog.summary_text()
    assert not proxy.index(0, 0).parent().isValid() and proxy.index(0, 0, QModelIndex()).isValid()
    # Activating a row names its entry, so the window can show it.
    with qtbot.waitSignal(dialog.entry_activated) as blocker:
        dialog.table.activated.emit(proxy.index(0, 0))
    assert blocker.args == [proxy.data(proxy.index(0, 0))]


def test_screens_render(qtbot, qapp, scoring, tmp_path):
    """Grab the panel and the review dialog; a person looks at these PNGs."""
    panel, ws = scoring.panel, scoring.ws
    entries = [e.id for e in scoring.session.bundle.entries]
    ws.set_scores(entries[0], {c.id: "3.5" for c in scoring.criteria})
    ws.set_comment(entries[0], "C1", "มีบริการออนไลน์ครบทุกขั้นตอน")
    ws.declare_conflict(entries[1], "เคยเป็นที่ปรึกษาโครงการของเทศบาลนี้")
    panel.set_entry(entries[0])
    panel.focus_first_criterion()
    qtbot.wait(10)
    image = panel.grab()
    assert not image.isNull() and image.width() >= 700
    image.save(str(tmp_path / "scoring-panel.png"))
    panel.set_entry(entries[1])
    qtbot.wait(10)
    banner = panel.conflict_label
    assert banner.height() >= banner.fontMetrics().lineSpacing()  # the reason is not cut off
    panel.grab().save(str(tmp_path / "scoring-panel-conflict.png"))
    dialog = ReviewDialog(scoring.session)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "review.png"))
    assert (tmp_path / "review.png").stat().st_size > 10_000


def test_a_long_scale_uses_a_list_and_still_takes_typed_scores(qtbot, qapp):
    from judge_app.model import Criterion, Level
    from ui.criterion_card import ScoreChooser

    criterion = Criterion("X1", "ทดสอบ", "Test", "", "", Decimal("100"), Decimal("0"), Decimal("100"),
                          Decimal("1"), (Level(Decimal("0"), "ไม่มี", "none"),))
    chooser = ScoreChooser(criterion)
    qtbot.addWidget(chooser)
    assert chooser.combo is not None and chooser.combo.count() == 102 and not chooser.buttons
    chosen = []
    chooser.chosen.connect(lambda value, keyboard: chosen.append((value, keyboard)))
    qtbot.keyClicks(chooser, "75")
    assert chosen == [(Decimal("7"), True), (Decimal("75"), True)]
    chooser.set_value(Decimal("75"))
    assert chooser.combo.currentText() == "75"
    qtbot.keyClick(chooser, Qt.Key.Key_End)
    assert chosen[-1] == (Decimal("100"), True)
