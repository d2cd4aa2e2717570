"""Undoable changes to the judge's workspace: each command calls one core function.

Every score, comment and conflict change the judge makes goes through a
command pushed on the window's shared :class:`QUndoStack`, so undo, redo and
autosave live in one place. A command's ``redo``/``undo`` returns only after
the core has committed the change to disk; then it tells the views through a
:class:`ChangeNotifier`.

A change the core refuses (:class:`~judge_app.errors.WorkspaceError`, a full
disk) never crashes the window and never leaves the stack lying: the command
marks itself obsolete, so Qt drops it from the stack, and the notifier's
``failed`` signal carries the core's message for the window to show. What the
workspace holds is then exactly what the remaining commands expect.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from typing import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from judge_app.decimals import decimal_str
from judge_app.errors import JudgeAppError
from judge_app.judging import JudgeSession

#: Command ids for QUndoCommand.id(); equal ids may merge.
SCORE_COMMAND_ID = 2565_01
COMMENT_COMMAND_ID = 2565_02


class ChangeNotifier(QObject):
    """Tells views which entry changed, after the core call returned.

    ``changed(entry_id)``: the change is committed; re-read the entry.
    ``failed(entry_id, message)``: the core refused or could not write; nothing changed.
    ``replayed(entry_id)``: an undo or redo touched this entry (the window may show it,
    so the judge sees what Ctrl+Z changed even when another entry was on screen).
    """

    changed = Signal(str)
    failed = Signal(str, str)
    replayed = Signal(str)


class WorkspaceCommand(QUndoCommand):
    """Base: runs one core call per do/undo and reports the outcome."""

    def __init__(self, session: JudgeSession, entry_id: str, notifier: ChangeNotifier, text: str):
        super().__init__(text)
        self.session = session
        self.entry_id = entry_id
        self.notifier = notifier
        self.error: str | None = None
        self._done_before = False

    @property
    def workspace(self):
        return self.session.workspace

    def redo(self) -> None:
        replay = self._done_before
        self._done_before = True
        self._run(self.apply, replay)

    def undo(self) -> None:
        self._run(self.revert, True)

    def apply(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def revert(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _run(self, action: Callable[[], None], replay: bool) -> None:
        try:
            action()
        except (JudgeAppError, sqlite3.Error, OSError) as exc:
            # Obsolete commands are dropped by QUndoStack (on push, undo and redo), so
            # the stack never claims a change the workspace does not hold.
            self.error = str(exc)
            self.setObsolete(True)
            self.notifier.failed.emit(self.entry_id, self.error)
            return
        self.error = None
        self.notifier.changed.emit(self.entry_id)
        if replay:
            self.notifier.replayed.emit(self.entry_id)


def _score_text(value: Decimal | None) -> str:
    return "—" if value is None else decimal_str(value)


class SetScoreCommand(WorkspaceCommand):
    """Give (or clear, with ``None``) one criterion's score.

    ``merge=True`` marks a keyboard continuation (typing "3" then ".5", or stepping
    with the arrow keys): it merges into the previous change of the same score, so
    one Ctrl+Z takes back the whole choice.
    """

    def __init__(self, session: JudgeSession, entry_id: str, criterion_id: str,
                 old: Decimal | None, new: Decimal | None, notifier: ChangeNotifier, *, merge: bool = False):
        self.entry_id = entry_id
        self.criterion_id = criterion_id
        self.old = old
        self.new = new
        self.merge = merge
        super().__init__(session, entry_id, notifier, self._describe())

    def _describe(self) -> str:
        if self.new is None:
            text = QCoreApplication.translate("SetScoreCommand", "%1 %2: clear score")
            return text.replace("%1", self.entry_id).replace("%2", self.criterion_id)
        text = QCoreApplication.translate("SetScoreCommand", "%1 %2: score %3")
        return text.replace("%1", self.entry_id).replace("%2", self.criterion_id).replace(
            "%3", _score_text(self.new))

    def apply(self) -> None:
        self.workspace.set_score(self.entry_id, self.criterion_id, self.new)

    def revert(self) -> None:
        self.workspace.set_score(self.entry_id, self.criterion_id, self.old)

    def id(self) -> int:
        return SCORE_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetScoreCommand) and other.merge and not other.isObsolete()):
            return False
        if (other.entry_id, other.criterion_id) != (self.entry_id, self.criterion_id):
            return False
        self.new = other.new
        self.setText(self._describe())
        if self.new == self.old:
            self.setObsolete(True)
        return True


class SetCommentCommand(WorkspaceCommand):
    """Write a criterion's comment, or the overall comment with ``criterion_id=None``.

    Consecutive saves of the same comment merge, so the judge's typing (saved every
    pause) is undone as one edit.
    """

    def __init__(self, session: JudgeSession, entry_id: str, criterion_id: str | None,
                 old: str, new: str, notifier: ChangeNotifier):
        self.criterion_id = criterion_id
        self.old = old
        self.new = new
        if criterion_id is None:
            text = QCoreApplication.translate("SetCommentCommand", "%1: overall comment").replace("%1", entry_id)
        else:
            text = QCoreApplication.translate("SetCommentCommand", "%1 %2: comment").replace(
                "%1", entry_id).replace("%2", criterion_id)
        super().__init__(session, entry_id, notifier, text)

    def apply(self) -> None:
        self.workspace.set_comment(self.entry_id, self.criterion_id, self.new)

    def revert(self) -> None:
        self.workspace.set_comment(self.entry_id, self.criterion_id, self.old)

    def id(self) -> int:
        return COMMENT_COMMAND_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not (isinstance(other, SetCommentCommand) and not other.isObsolete()):
            return False
        if (other.entry_id, other.criterion_id) != (self.entry_id, self.criterion_id):
            return False
        self.new = other.new
        if self.new.strip() == self.old.strip() == "" or self.new == self.old:
            self.setObsolete(True)
        return True


class DeclareConflictCommand(WorkspaceCommand):
    """Declare a conflict of interest; undo withdraws it and gives back the set-aside scores.

    The core sets an entry's scores aside when a conflict is declared. The scores
    held just before are captured at each do, and undo writes them back in the
    same step, so Ctrl+Z leaves the entry exactly as it was.
    """

    def __init__(self, session: JudgeSession, entry_id: str, reason: str, notifier: ChangeNotifier):
        self.reason = reason
        self.scores_before: dict[str, Decimal] = {}
        text = QCoreApplication.translate("DeclareConflictCommand", "%1: declare conflict of interest")
        super().__init__(session, entry_id, notifier, text.replace("%1", entry_id))

    def apply(self) -> None:
        before = self.workspace.state(self.entry_id)
        if before.conflict_reason is None:
            self.scores_before = dict(before.scores)
        self.workspace.declare_conflict(self.entry_id, self.reason)

    def revert(self) -> None:
        self.workspace.withdraw_conflict(self.entry_id, restore_scores=self.scores_before or None)


class WithdrawConflictCommand(WorkspaceCommand):
    """Withdraw a conflict declaration; undo declares it again with the same reason."""

    def __init__(self, session: JudgeSession, entry_id: str, notifier: ChangeNotifier):
        self.reason = session.workspace.conflict_reason(entry_id) or ""
        text = QCoreApplication.translate("WithdrawConflictCommand", "%1: withdraw conflict of interest")
        super().__init__(session, entry_id, notifier, text.replace("%1", entry_id))

    def apply(self) -> None:
        reason = self.workspace.conflict_reason(self.entry_id)
        if reason is not None:
            self.reason = reason
        self.workspace.withdraw_conflict(self.entry_id)

    def revert(self) -> None:
        self.workspace.declare_conflict(self.entry_id, self.reason)
