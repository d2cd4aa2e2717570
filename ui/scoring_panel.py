"""The scoring panel: one entry's criteria, scores, comments and total.

For each criterion the judge sees its title, weight, guidance and level
descriptors (the one matching the chosen score highlighted), a score chooser
that offers only the values the rubric allows, and a comment box: one
:class:`~ui.criterion_card.CriterionCard` each. Everything is keyboard-first:
type "3" or "3.5", ←/→ change the score, Tab, ↑/↓ move to the next or
previous criterion, Enter jumps to the criterion's comment, Delete clears.

Every change is an undo command on the window's shared stack (see
:mod:`ui.undo`); the saved-state label says "saved" only after the core call
returned. Comments save as the judge types (after a short pause) and at once
when the box loses focus or the entry changes, so text is never lost.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt, QTime, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from judge_app.errors import JudgeAppError
from judge_app.judging import JudgeSession
from judge_app.scoring import EntryStatus, total_str
from judge_app.workspace import EntryState

from .criterion_card import CommentBox, CriterionCard, WrapLabel
from .undo import ChangeNotifier, DeclareConflictCommand, SetCommentCommand, SetScoreCommand, WithdrawConflictCommand

#: Comments are saved this long after the judge stops typing (and at once on focus-out).
COMMENT_SAVE_DELAY_MS = 600

_STYLE = """
QFrame#criterionCard { background: palette(base); border: 1px solid #d3d8df; border-radius: 8px; }
QFrame#criterionCard[current="true"] { border: 2px solid #2f6fdf; }
QLabel#criterionTitle { font-weight: bold; }
QLabel#weightLabel { color: #4a5260; }
QLabel#guidanceLabel, QLabel#mutedLabel { color: #5b626c; }
QLabel#levelLabel { padding: 3px 6px; border-radius: 4px; border: 1px solid transparent; color: #3b4048; }
QLabel#levelLabel[active="true"] { background: #e4edff; border: 1px solid #9db8ef; color: #0d2a5c; }
QLabel#levelLabel:disabled, QLabel#guidanceLabel:disabled, QLabel#weightLabel:disabled { color: #9aa1ab; }
QPushButton#scoreButton { min-width: 26px; padding: 3px 2px; }
QPushButton#scoreButton:checked {
    background: #2f6fdf; color: white; border: 1px solid #1f4fa8; border-radius: 4px; font-weight: bold;
}
QPushButton#scoreButton:checked:disabled { background: #aab6c9; border-color: #97a3b6; }
QFrame#conflictBanner { background: #f5eefc; border: 1px solid #8a4fbf; border-radius: 6px; }
QFrame#scoreFooter { border-top: 1px solid #d3d8df; }
QLabel#totalLabel { font-weight: bold; }
"""


class ScoringPanel(QWidget):
    """Scores and comments of one entry, saved through undo commands as the judge works.

    ``entry_changed(entry_id)`` is emitted after every saved change (including
    undo and redo), once the panel shows it.
    """

    entry_changed = Signal(str)

    def __init__(self, session: JudgeSession, undo_stack: QUndoStack, notifier: ChangeNotifier,
                 parent: QWidget | None = None, language: str = "th"):
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.notifier = notifier
        self.language = language
        self._entry_id: str | None = None
        self._state: EntryState | None = None
        self._push_failed = False
        self.setStyleSheet(_STYLE)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(COMMENT_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.commit_pending)

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        # Header: which entry, and the conflict-of-interest controls.
        header = QWidget(self)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(12, 10, 12, 8)
        header_layout.setSpacing(6)
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.entry_title = WrapLabel("", header)
        font = self.entry_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.entry_title.setFont(font)
        titles.addWidget(self.entry_title)
        self.entry_org = WrapLabel("", header)
        self.entry_org.setObjectName("mutedLabel")
        titles.addWidget(self.entry_org)
        top.addLayout(titles, 1)
        self.declare_button = QPushButton(self.tr("Declare conflict of interest…"), header)
        self.declare_button.setToolTip(self.tr("Use this when you cannot judge this entry impartially"))
        self.declare_button.clicked.connect(self._declare_clicked)
        top.addWidget(self.declare_button, 0, Qt.AlignmentFlag.AlignTop)
        header_layout.addLayout(top)

        self.conflict_banner = QFrame(header)
        self.conflict_banner.setObjectName("conflictBanner")
        banner_layout = QHBoxLayout(self.conflict_banner)
        banner_layout.setContentsMargins(12, 8, 12, 8)
        self.conflict_label = WrapLabel("", self.conflict_banner)
        banner_layout.addWidget(self.conflict_label, 1)
        self.withdraw_button = QPushButton(self.tr("Withdraw declaration"), self.conflict_banner)
        self.withdraw_button.clicked.connect(self.withdraw_conflict)
        banner_layout.addWidget(self.withdraw_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.conflict_banner.hide()
        header_layout.addWidget(self.conflict_banner)

        self.keys_hint = WrapLabel(
            self.tr("Keys: type 3 or 3.5 · ←/→ change · Tab or ↓ next criterion · Enter comment · Delete clear"),
            header,
        )
        self.keys_hint.setObjectName("mutedLabel")
        header_layout.addWidget(self.keys_hint)
        outer.addWidget(header)

        # The criteria, in a scroll area.
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(12, 4, 12, 12)
        content_layout.setSpacing(10)
        self.cards: list[CriterionCard] = []
        for criterion in session.bundle.round.rubric.criteria:
            card = CriterionCard(criterion, language, content)
            card.chooser.chosen.connect(partial(self._score_chosen, card))
            card.chooser.step_criterion.connect(partial(self._step_criterion, card))
            card.chooser.comment_requested.connect(card.comment.setFocus)
            card.chooser.focus_changed.connect(partial(self._card_focus, card))
            card.comment.focus_entered.connect(partial(self._card_focus, card, True))
            card.comment.focus_left.connect(partial(self._card_focus, card, False))
            self._watch_comment(card.comment)
            content_layout.addWidget(card)
            self.cards.append(card)

        overall_title = QLabel(self.tr("Overall comment"), content)
        overall_title.setObjectName("criterionTitle")
        content_layout.addWidget(overall_title)
        self.overall_comment = CommentBox(None, 4, content)
        self.overall_comment.setPlaceholderText(self.tr("Overall comment on this entry (optional)"))
        self.overall_comment.setAccessibleName(self.tr("Overall comment"))
        self._watch_comment(self.overall_comment)
        content_layout.addWidget(self.overall_comment)
        content_layout.addStretch(1)
        self.scroll.setWidget(content)
        outer.addWidget(self.scroll, 1)

        # Footer: the live total and whether everything is saved.
        footer = QFrame(self)
        footer.setObjectName("scoreFooter")
        footer_layout = QHBoxLayout(footer)
        footer_layout.setContentsMargins(12, 8, 12, 8)
        self.total_label = QLabel(footer)
        self.total_label.setObjectName("totalLabel")
        footer_layout.addWidget(self.total_label)
        footer_layout.addStretch(1)
        self.saved_label = WrapLabel("", footer)
        self.saved_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.saved_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        footer_layout.addWidget(self.saved_label, 1)
        outer.addWidget(footer)

        chain: list[QWidget] = [self.declare_button, self.withdraw_button]
        for card in self.cards:
            chain += [card.chooser, card.comment]
        chain.append(self.overall_comment)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

        notifier.changed.connect(self._on_changed)
        notifier.failed.connect(self._on_failed)
        self.set_entry(None)

    # ------------------------------------------------------------ public

    @property
    def entry_id(self) -> str | None:
        return self._entry_id

    @property
    def comment_boxes(self) -> list[CommentBox]:
        return [card.comment for card in self.cards] + [self.overall_comment]

    def set_entry(self, entry_id: str | None) -> None:
        """Show another entry; pending comment text of the current one is saved first."""
        self.commit_pending()
        self._entry_id = entry_id
        self._state = None
        for box in self.comment_boxes:
            box.dirty = False
        if entry_id is None:
            self.entry_title.setText(self.tr("No entry chosen"))
            self.entry_org.setText("")
            for card in self.cards:
                card.show_score(None)
                card.comment.show_text("")
            self.overall_comment.show_text("")
            self.total_label.setText("")
            self.saved_label.setText("")
            self.setEnabled(False)
            return
        self.setEnabled(True)
        entry = self.session.bundle.entry(entry_id)
        self.entry_title.setText(f"{entry.id}  {entry.project_title}")
        self.entry_org.setText(f"{entry.org_name} · {entry.province}")
        self._load(force_text=True)
        self.scroll.verticalScrollBar().setValue(0)
        if self._state is not None:
            self._show_saved_state("clean")

    def focus_first_criterion(self) -> None:
        """Put the keyboard on the first criterion's score (or the overall comment under a conflict)."""
        target: QWidget = self.overall_comment
        if self.cards and self.cards[0].chooser.isEnabled():
            target = self.cards[0].chooser
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.scroll.ensureWidgetVisible(target, 0, 0)

    def commit_pending(self) -> bool:
        """Save every comment typed but not yet saved; True when nothing is left unsaved."""
        self._save_timer.stop()
        if self._entry_id is None:
            return True
        dirty = [box for box in self.comment_boxes if box.dirty]
        if not dirty:
            return True
        try:
            state = self.session.workspace.state(self._entry_id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return False
        all_saved = True
        for box in dirty:
            text = box.toPlainText()
            if box.criterion_id is None:
                old = state.overall_comment
            else:
                old = state.comments.get(box.criterion_id, "")
            if text == old or (not text.strip() and not old):
                box.dirty = False
                continue
            self._push_failed = False
            self.undo_stack.push(SetCommentCommand(
                self.session, self._entry_id, box.criterion_id, old, text, self.notifier))
            if self._push_failed:
                all_saved = False  # the text stays in the box, marked unsaved
            else:
                box.dirty = False
        if all_saved:
            self._show_saved_state("saved")
        return all_saved

    def declare_conflict(self, reason: str = "") -> None:
        """Declare a conflict of interest on the shown entry (undoable; scores come back on undo)."""
        if self._entry_id is None:
            return
        self.commit_pending()
        self.undo_stack.push(DeclareConflictCommand(self.session, self._entry_id, reason, self.notifier))

    def withdraw_conflict(self) -> None:
        if self._entry_id is None:
            return
        self.undo_stack.push(WithdrawConflictCommand(self.session, self._entry_id, self.notifier))

    def ask_conflict_reason(self) -> str | None:
        """Ask for an optional reason; None when the judge cancels."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Declare conflict of interest"),
            self.tr("This entry will not be scored; scores already given are set aside.\nReason (optional):"),
            QLineEdit.EchoMode.Normal,
        )
        return text.strip() if ok else None

    def refresh(self) -> None:
        """Re-read the shown entry from the workspace."""
        if self._entry_id is not None:
            self._load()

    # ------------------------------------------------------------ showing

    def _load(self, force_text: bool = False) -> None:
        assert self._entry_id is not None
        try:
            state = self.session.workspace.state(self._entry_id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return
        self._state = state
        conflict = state.status == EntryStatus.CONFLICT
        for card in self.cards:
            card.show_score(state.scores.get(card.criterion.id))
            self._show_comment(card.comment, state.comments.get(card.criterion.id, ""), force_text)
            card.setEnabled(not conflict)
        self._show_comment(self.overall_comment, state.overall_comment, force_text)
        self.conflict_banner.setVisible(conflict)
        self.declare_button.setVisible(not conflict)
        if conflict:
            reason = state.conflict_reason or self.tr("no reason given")
            self.conflict_label.setText(
                self.tr("You declared a conflict of interest: %1. This entry is not scored.").replace("%1", reason))
        self._show_total(state)

    def _show_comment(self, box: CommentBox, saved: str, force: bool) -> None:
        if force:
            box.show_text(saved)
            return
        if box.dirty:
            return  # the judge's unsaved typing wins until it is saved
        current = box.toPlainText()
        if current == saved or (not current.strip() and not saved):
            return
        box.show_text(saved)

    def _show_total(self, state: EntryState) -> None:
        if state.status == EntryStatus.CONFLICT:
            self.total_label.setText(self.tr("Not scored: conflict of interest"))
        elif state.total is not None:
            self.total_label.setText(self.tr("Total %1 / 100").replace("%1", total_str(state.total)))
        else:
            text = self.tr("Not complete: %1 of %2 criteria scored")
            self.total_label.setText(text.replace("%1", str(len(state.scores))).replace("%2", str(len(self.cards))))

    def _show_saved_state(self, kind: str) -> None:
        if kind != "error" and any(box.dirty for box in self.comment_boxes):
            kind = "pending"
        if kind == "pending":
            text, colour = self.tr("Not saved yet…"), "#9a6700"
        elif kind == "saved":
            time = QTime.currentTime().toString("HH:mm:ss")
            text, colour = self.tr("Saved at %1").replace("%1", time), "#1f7a3f"
        else:
            text, colour = self.tr("All changes saved"), "#5b626c"
        self.saved_label.setStyleSheet(f"color: {colour};")
        self.saved_label.setText(text)

    def _show_error(self, message: str) -> None:
        self.saved_label.setStyleSheet("color: #c62828; font-weight: bold;")
        self.saved_label.setText(self.tr("Not saved: %1").replace("%1", message))

    # ------------------------------------------------------------ reacting

    def _watch_comment(self, box: CommentBox) -> None:
        box.textChanged.connect(partial(self._comment_edited, box))
        box.focus_left.connect(self.commit_pending)

    def _comment_edited(self, box: CommentBox) -> None:
        if self._entry_id is None:
            return
        box.dirty = True
        self._show_saved_state("pending")
        self._save_timer.start()

    def _score_chosen(self, card: CriterionCard, value: Decimal | None, keyboard: bool) -> None:
        if self._entry_id is None:
            return
        try:
            old = self.session.workspace.scores_of(self._entry_id).get(card.criterion.id)
        except (JudgeAppError, sqlite3.Error) as exc:
            self._show_error(str(exc))
            return
        if old == value:
            card.show_score(old)
            return
        self.undo_stack.push(SetScoreCommand(
            self.session, self._entry_id, card.criterion.id, old, value, self.notifier, merge=keyboard))

    def _on_changed(self, entry_id: str) -> None:
        if entry_id == self._entry_id:
            self._load()
            self._show_saved_state("saved")
        self.entry_changed.emit(entry_id)

    def _on_failed(self, entry_id: str, message: str) -> None:
        self._push_failed = True
        if entry_id == self._entry_id:
            self._load()  # show what the workspace really holds; unsaved comment text stays
        self._show_error(message)

    def _declare_clicked(self) -> None:
        reason = self.ask_conflict_reason()
        if reason is not None:
            self.declare_conflict(reason)

    # ------------------------------------------------------------ keyboard

    def _card_focus(self, card: CriterionCard, focused: bool) -> None:
        card.set_current(focused)
        if focused:
            self.scroll.ensureWidgetVisible(card, 0, 0)
            self.scroll.ensureWidgetVisible(card.chooser, 0, 24)

    def _step_criterion(self, card: CriterionCard, delta: int) -> None:
        index = self.cards.index(card) + delta
        if 0 <= index < len(self.cards):
            self.cards[index].chooser.setFocus(
                Qt.FocusReason.TabFocusReason if delta > 0 else Qt.FocusReason.BacktabFocusReason)
        elif index >= len(self.cards):
            self.overall_comment.setFocus(Qt.FocusReason.TabFocusReason)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's name
        """Tab moves from criterion to criterion; a criterion's comment is one Enter away."""
        focus = QApplication.focusWidget()
        target: QWidget | None = None
        for index, card in enumerate(self.cards):
            if focus is card.chooser:
                if next:
                    target = self.cards[index + 1].chooser if index + 1 < len(self.cards) else self.overall_comment
                elif index > 0:
                    target = self.cards[index - 1].chooser
            elif focus is card.comment:
                if next:
                    target = self.cards[index + 1].chooser if index + 1 < len(self.cards) else self.overall_comment
                else:
                    target = card.chooser
            if target is not None:
                break
        if target is not None and target.isEnabled() and target.isVisible():
            target.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def hideEvent(self, event) -> None:
        self.commit_pending()
        super().hideEvent(event)
