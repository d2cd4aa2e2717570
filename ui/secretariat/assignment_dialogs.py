"""The Assignment page's two dialogs: the judges' conflicts of interest, and the assignment history.

Declaring a conflict is :func:`judge_app.panel.declare_conflict`, withdrawing
one :func:`~judge_app.panel.withdraw_conflict`; both run on a worker with a
connection of their own and then tell the session. A conflict never moves an
assignment by itself: when the judge already holds the entry, the dialog says
so and the officer decides (assign again, or take the judge off by hand).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from judge_app.panel import Conflict, LogRow, assignment_history, conflicts, declare_conflict, withdraw_conflict
from judge_app.secretariat import ContestDatabase

from ..worker import Op
from .judges_page import BAD, GOOD, WARN
from .page_tools import button, button_row, db_op, dialog_buttons, fill, open_dialog, show_message, when, \
    wrapped_label
from .session import ASSIGNMENT, ENTRIES, JUDGES, SecretariatSession
from .tables import RowsModel, SortProxy, fit_columns, make_table, selected_rows


@dataclass(frozen=True)
class ConflictRow:
    """A conflict, when it was declared, and whether the judge still holds the entry."""

    conflict: Conflict
    at: str | None
    still_assigned: bool


class ConflictsModel(RowsModel):
    """Every conflict of the round; one whose judge still holds the entry is coloured."""

    COL_JUDGE, COL_ENTRY, COL_REASON, COL_SOURCE, COL_WHEN = range(5)

    def headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Entry"), self.tr("Reason"), self.tr("Declared"), self.tr("When")]

    def display(self, row: ConflictRow, column: int) -> str:
        if column == self.COL_SOURCE:
            return {"declared": self.tr("to the secretariat"), "signed": self.tr("in a score file"),
                    "paper": self.tr("on a paper sheet")}.get(row.conflict.source, row.conflict.source)
        if column == self.COL_WHEN:
            return when(row.at)
        return (row.conflict.judge_id, row.conflict.entry_id, row.conflict.reason)[column]

    def foreground(self, row: ConflictRow, column: int) -> QColor | None:
        return QColor(WARN) if row.still_assigned else None

    def tooltip(self, row: ConflictRow, column: int) -> str | None:
        if not row.still_assigned:
            return None
        return fill(self.tr("%1 still judges %2 until you reassign."), row.conflict.judge_id, row.conflict.entry_id)


class DeclareConflictDialog(QDialog):
    """Which judge, which entry, and why: a reason is required (it is kept for the audit)."""

    def __init__(self, db: ContestDatabase, entry_id: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.judge = QComboBox()
        self.judge.setAccessibleName("judge")
        for judge in db.contest.judges:
            self.judge.addItem(f"{judge.id} — {judge.name}", judge.id)
        self.entry = QComboBox()
        self.entry.setAccessibleName("entry")
        for entry in db.contest.entries:
            self.entry.addItem(f"{entry.id} — {entry.org_name} ({entry.province})", entry.id)
        self.entry.setCurrentIndex(max(0, self.entry.findData(entry_id)))
        self.reason = QLineEdit()
        self.reason.setAccessibleName("reason")
        self.reason.setPlaceholderText(self.tr("Why, e.g. the judge's relative works there"))
        for text, field in ((self.tr("&Judge"), self.judge), (self.tr("&Entry"), self.entry),
                            (self.tr("&Reason"), self.reason)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)
        self.declare_button = dialog_buttons(self, layout, self.tr("&Declare the conflict"))
        self.declare_button.setEnabled(False)
        self.reason.textChanged.connect(lambda text: self.declare_button.setEnabled(bool(text.strip())))
        self.resize(620, self.sizeHint().height())

    def chosen(self) -> tuple[str, str, str]:
        """(judge, entry, reason) as chosen and typed."""
        return self.judge.currentData(), self.entry.currentData(), self.reason.text()


class ConflictsDialog(QDialog):
    """The round's conflicts of interest; declare one a judge told the secretariat of, or withdraw it."""

    def __init__(self, session: SecretariatSession, entry_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session, self.entry_id = session, entry_id
        self.op: Op | None = None
        self.active_dialog: QDialog | None = None
        layout = QVBoxLayout(self)
        self.intro = wrapped_label()
        layout.addWidget(self.intro)
        self.model = ConflictsModel(self)
        self.table = make_table(SortProxy(self.model, self), "conflicts of interest")
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        layout.addWidget(self.table, 1)
        self.message = wrapped_label()
        self.message.hide()
        layout.addWidget(self.message)
        self.declare_button = button(self.open_declare_dialog)
        self.withdraw_button = button(self.withdraw_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        self.close_button.setDefault(True)
        layout.addLayout(button_row(self.declare_button, self.withdraw_button, None, self.close_button))
        self.retranslate()
        self.refresh()
        session.changed.connect(self._session_changed)
        self.resize(900, 480)

    def _session_changed(self, kind: str) -> None:
        if kind in (ASSIGNMENT, JUDGES, ENTRIES):
            self.refresh()

    def refresh(self) -> None:
        db, round_id = self.session.db, self.session.round_id
        assignments = db.contest.round(round_id).assignments
        self.model.set_rows([ConflictRow(c, c.declared_at, c.entry_id in assignments.get(c.judge_id, ()))
                             for c in conflicts(db, round_id)])
        fit_columns(self.table)
        self._enable()

    def selected(self) -> Conflict | None:
        rows = selected_rows(self.table)
        return self.model.row_object(rows[0]).conflict if rows else None

    def select(self, judge_id: str, entry_id: str) -> None:
        for row in range(self.table.model().rowCount()):
            source = self.table.model().mapToSource(self.table.model().index(row, 0)).row()
            conflict = self.model.row_object(source).conflict
            if (conflict.judge_id, conflict.entry_id) == (judge_id, entry_id):
                self.table.selectRow(row)

    def _enable(self) -> None:
        chosen = self.selected()
        busy = self.op is not None
        self.declare_button.setEnabled(not busy)
        # Only what the secretariat recorded can be withdrawn here; a signed or paper one is the judge's own word.
        self.withdraw_button.setEnabled(not busy and chosen is not None and chosen.source == "declared")

    def _say(self, text: str, colour: str) -> None:
        show_message(self.message, text, colour)

    def _run(self, work: Any, done: Any) -> Op:
        self.op = db_op(self, self.session, work, done=done, failed=lambda error: self._say(str(error), BAD))
        self.op.finished.connect(self._finished)
        self._enable()
        return self.op.start()

    def _finished(self) -> None:
        self.op = None
        self._enable()

    # ------------------------------------------------------------ declare and withdraw

    def open_declare_dialog(self) -> DeclareConflictDialog:
        dialog = DeclareConflictDialog(self.session.db, self.entry_id, self)
        dialog.accepted.connect(lambda: self.declare(*dialog.chosen()))
        return open_dialog(self, dialog)

    def declare(self, judge_id: str, entry_id: str, reason: str) -> Op:
        round_id = self.session.round_id
        return self._run(lambda db, report: declare_conflict(db, round_id, judge_id, entry_id, reason),
                         lambda conflict: self._declared(conflict))

    def _declared(self, conflict: Conflict) -> None:
        self.session.notify(ASSIGNMENT)
        self.select(conflict.judge_id, conflict.entry_id)
        text = fill(self.tr("Recorded: %1 has a conflict of interest on %2. The next automatic assignment never "
                            "gives it to the judge."), conflict.judge_id, conflict.entry_id)
        if conflict.entry_id in self.session.db.contest.round(self.session.round_id).entries_of(conflict.judge_id):
            text += " " + fill(self.tr("%1 still judges %2 until you reassign: assign automatically again, or take "
                                       "the judge off the entry on the Assignment page."),
                               conflict.judge_id, conflict.entry_id)
            self._say(text, WARN)
        else:
            self._say(text, GOOD)

    def withdraw_selected(self) -> Op | None:
        chosen = self.selected()
        if chosen is None or chosen.source != "declared" or self.op is not None:
            return None
        round_id, judge_id, entry_id = self.session.round_id, chosen.judge_id, chosen.entry_id
        return self._run(lambda db, report: withdraw_conflict(db, round_id, judge_id, entry_id),
                         lambda _none: self._withdrawn(judge_id, entry_id))

    def _withdrawn(self, judge_id: str, entry_id: str) -> None:
        self.session.notify(ASSIGNMENT)
        self._say(fill(self.tr("Withdrawn: %1 may be given %2 again."), judge_id, entry_id), GOOD)

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conflicts of interest"))
        self.intro.setText(self.tr("Conflicts a judge declared to the secretariat, in a score file or on a paper "
                                   "sheet. The automatic assignment never gives a judge an entry listed here. Only "
                                   "those declared to the secretariat can be withdrawn here."))
        self.declare_button.setText(self.tr("&Declare…"))
        self.withdraw_button.setText(self.tr("&Withdraw"))
        self.close_button.setText(self.tr("&Close"))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()


class HistoryModel(RowsModel):
    """The assignment log, oldest first: automatic assignments and manual changes with their reasons."""

    COL_WHEN, COL_ACTION, COL_JUDGE, COL_ENTRY, COL_WHAT = range(5)

    def headers(self) -> list[str]:
        return [self.tr("When"), self.tr("Action"), self.tr("Judge"), self.tr("Entry"), self.tr("What")]

    def display(self, row: LogRow, column: int) -> str:
        if column == self.COL_ACTION:
            return {"auto": self.tr("automatic"), "add": self.tr("judge added"),
                    "remove": self.tr("judge removed")}.get(row.action, row.action)
        # The description is the core's own record, the same in every language.
        return (when(row.at), "", row.judge_id or "", row.entry_id or "", row.describe())[column]

    def sort_key(self, row: LogRow, column: int) -> Any:
        return row.id if column == self.COL_WHEN else self.display(row, column)

    def tooltip(self, row: LogRow, column: int) -> str | None:
        return row.describe() if column == self.COL_WHAT else None  # a long record is elided in the cell


class HistoryDialog(QDialog):
    """Read-only: every automatic assignment and manual change of the round."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        self.model = HistoryModel(self)
        self.table = make_table(SortProxy(self.model, self), "assignment history")
        layout.addWidget(self.table, 1)
        self.empty = wrapped_label()
        layout.addWidget(self.empty)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.retranslate()
        self.refresh()
        session.changed.connect(self._session_changed)
        self.resize(1000, 480)

    def _session_changed(self, kind: str) -> None:
        if kind == ASSIGNMENT:
            self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(assignment_history(self.session.db, self.session.round_id))
        fit_columns(self.table)
        self.empty.setVisible(self.model.rowCount() == 0)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Assignment history"))
        self.empty.setText(self.tr("Nothing has been assigned or changed in this round yet."))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
