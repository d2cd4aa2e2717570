"""The Assignment page: who judges which entry, done automatically and changed by hand.

"Assign automatically" is :func:`judge_app.panel.assign_round` on a worker
thread with its own database connection; manual changes are
:func:`~judge_app.panel.change_assignment` and the calibration entries
:func:`~judge_app.panel.set_calibration_entries`. The page keeps no rule:
what a judge may judge, and why not, comes from the core
(:meth:`~judge_app.assignment.PanelRules.reasons`), worded here in the
officer's language.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judge_app.assignment import AssignmentInfeasible
from judge_app.errors import JudgeAppError
from judge_app.model import Entry
from judge_app.panel import (
    AssignmentOutcome,
    AssignmentRefused,
    JudgeRow,
    assign_round,
    calibration_entries,
    calibration_gaps,
    change_assignment,
    judge_rows,
    panel_rules,
    panel_size,
    set_calibration_entries,
    stale_bundles,
)

from ..worker import Op
from .assignment_dialogs import ConflictsDialog, HistoryDialog
from .judges_page import BAD, GOOD, WARN
from .page_tools import button, button_row, db_op, heading_and_intro, open_dialog, search_box, show_message, wrapped_label
from .session import ASSIGNMENT, BUNDLES, ENTRIES, JUDGES, SecretariatSession
from .tables import RowsModel, columns_width, selected_rows, table_view

BANNER = "background: #fff4d6; color: #6b4a00; border: 1px solid #e0b84f; border-radius: 4px; padding: 6px;"


class JudgeLoadModel(RowsModel):
    """Each judge's entries in the round: the balanced ones and the calibration ones."""

    COL_ID, COL_LOAD, COL_CALIBRATION, COL_NAME = range(4)
    NUMERIC = frozenset({COL_LOAD, COL_CALIBRATION})

    def headers(self) -> list[str]:
        return [self.tr("Judge"), self.tr("Entries"), self.tr("Calibration"), self.tr("Name")]

    def sort_key(self, row: JudgeRow, column: int) -> Any:
        return (row.judge.id, row.load - row.calibration, row.calibration, row.judge.name)[column]

    def display(self, row: JudgeRow, column: int) -> str:
        return str(self.sort_key(row, column))


class PanelEntry:
    """An entry with the judges now on it (a row of :class:`EntryPanelModel`)."""

    def __init__(self, entry: Entry, judges: list[str], calibration: bool, short: bool):
        self.entry, self.judges, self.calibration, self.short = entry, judges, calibration, short


class EntryPanelModel(RowsModel):
    """Every entry with its judges; short entries in colour, calibration entries marked."""

    COL_ID, COL_CALIBRATION, COL_ORG, COL_PROVINCE, COL_COUNT, COL_JUDGES = range(6)
    NUMERIC = frozenset({COL_COUNT})

    def headers(self) -> list[str]:
        return [self.tr("Entry"), self.tr("Calibration"), self.tr("Organisation"), self.tr("Province"),
                self.tr("Judges"), self.tr("Who")]

    def display(self, row: PanelEntry, column: int) -> str:
        if column == self.COL_CALIBRATION:
            return self.tr("calibration") if row.calibration else ""
        if column == self.COL_COUNT:
            return str(len(row.judges))
        if column == self.COL_JUDGES:
            return ", ".join(row.judges)
        return (row.entry.id, "", row.entry.org_name, row.entry.province)[column]

    def sort_key(self, row: PanelEntry, column: int) -> Any:
        return len(row.judges) if column == self.COL_COUNT else self.display(row, column)

    def foreground(self, row: PanelEntry, column: int) -> QColor | None:
        return QColor(BAD) if row.short and column == self.COL_COUNT else None

    def tooltip(self, row: PanelEntry, column: int) -> str | None:
        return self.tr("This entry has fewer judges than the others should have.") if row.short else None


class AssignmentPage(QWidget):
    """Assign judges automatically, see loads and panels, change them by hand, choose calibration entries."""

    def __init__(self, session: SecretariatSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.op: Op | None = None
        self.active_dialog: QDialog | None = None
        # The outcome of the last automatic assignment (for the status line and tests).
        self.last_outcome: AssignmentOutcome | None = None
        self._infeasible: AssignmentInfeasible | None = None
        self._infeasible_reasons: dict[tuple[str, str], list[tuple[str, str]]] = {}
        self._calibration_ids: list[str] = []
        self._gap_count = 0
        self._stale_ids: list[str] = []
        layout = QVBoxLayout(self)
        self.heading, self.intro = heading_and_intro(self, layout)

        controls = QHBoxLayout()
        self.per_entry_label, self.seed_label = QLabel(), QLabel()
        self.per_entry = QSpinBox()
        self.per_entry.setRange(1, 99)
        self.per_entry.setValue(3)
        self.per_entry.setAccessibleName("judges per entry")
        self.per_entry_label.setBuddy(self.per_entry)
        self.seed = QSpinBox()
        self.seed.setRange(0, 999_999)
        self.seed.setAccessibleName("seed")
        self.seed_label.setBuddy(self.seed)
        self.assign_button = button(self.assign_automatically)
        self.assign_button.setDefault(True)
        self.assign_button.setMinimumHeight(36)
        for widget in (self.per_entry_label, self.per_entry, self.seed_label, self.seed, self.assign_button):
            controls.addWidget(widget)
        controls.addStretch(1)
        self.conflicts_button = button(self.open_conflicts_dialog)
        self.history_button = button(self.open_history_dialog)
        controls.addWidget(self.conflicts_button)
        controls.addWidget(self.history_button)
        layout.addLayout(controls)

        self.stale_banner = QLabel()
        self.stale_banner.setWordWrap(True)
        self.stale_banner.setStyleSheet(BANNER)
        self.stale_banner.hide()
        layout.addWidget(self.stale_banner)
        self.message = wrapped_label()
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # A long list of short entries scrolls here instead of squeezing the tables.
        self.message_area = QScrollArea()
        self.message_area.setWidget(self.message)
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.hide()
        layout.addWidget(self.message_area)

        splitter = self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self._split_by_hand = False  # the officer dragged the splitter: leave it where it is
        splitter.splitterMoved.connect(lambda *_: setattr(self, "_split_by_hand", True))
        self.load_model = JudgeLoadModel(self)
        self.judges_table = table_view(self.load_model, "judge loads", stretch=(JudgeLoadModel.COL_NAME,))
        splitter.addWidget(self.judges_table)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.search = search_box("search entries")
        right_layout.addWidget(self.search)
        self.entry_model = EntryPanelModel(self)
        self.entries_table = table_view(self.entry_model, "entries and judges", stretch=(EntryPanelModel.COL_ORG,),
                                        multi=True)
        self.search.textChanged.connect(self.entries_table.model().setFilterFixedString)
        self.entries_table.selectionModel().selectionChanged.connect(lambda *_: self._show_selection())
        right_layout.addWidget(self.entries_table, 1)
        boxes = QHBoxLayout()  # side by side, so the entries table keeps its height
        boxes.addWidget(self._build_change_box(), 3)
        boxes.addWidget(self._build_calibration_box(), 2)
        right_layout.addLayout(boxes)
        splitter.addWidget(right)
        splitter.setSizes([440, 840])
        layout.addWidget(splitter, 1)

        self.retranslate()
        self.refresh()
        session.changed.connect(self._session_changed)

    def _build_change_box(self) -> QGroupBox:
        self.change_box = QGroupBox()
        form = QFormLayout(self.change_box)
        self.selected_label = QLabel()
        self.selected_label.setWordWrap(True)
        self.judge_choice = QComboBox()
        self.judge_choice.setAccessibleName("judge")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("reason for the change")
        self.add_button = button(lambda: self.change_selected(add=True))
        self.remove_button = button(lambda: self.change_selected(add=False))
        self.judge_label, self.reason_label = QLabel(), QLabel()
        self.judge_label.setBuddy(self.judge_choice)
        self.reason_label.setBuddy(self.reason)
        form.addRow(self.selected_label)
        form.addRow(self.judge_label, self.judge_choice)
        form.addRow(self.reason_label, self.reason)
        form.addRow(button_row(self.add_button, self.remove_button))
        return self.change_box

    def _build_calibration_box(self) -> QGroupBox:
        self.calibration_box = QGroupBox()
        box = QVBoxLayout(self.calibration_box)
        self.calibration_label = QLabel()
        self.calibration_label.setWordWrap(True)
        box.addWidget(self.calibration_label)
        self.mark_button = button(lambda: self.mark_calibration(True))
        self.unmark_button = button(lambda: self.mark_calibration(False))
        box.addLayout(button_row(self.mark_button, self.unmark_button))
        return self.calibration_box

    # ------------------------------------------------------------ reading

    def _session_changed(self, kind: str) -> None:
        if kind in (JUDGES, ASSIGNMENT, ENTRIES, BUNDLES):
            self.refresh()

    def refresh(self) -> None:
        """Read loads, panels, calibration entries and out-of-date bundles again."""
        db, round_id = self.session.db, self.session.round_id
        contest = db.contest
        keep = set(self.selected_entry_ids())
        rows = judge_rows(db, round_id)
        self.load_model.set_rows(rows)
        calibration = set(calibration_entries(db, round_id))
        needed = panel_size(db, round_id)
        panels: dict[str, list[str]] = {e.id: [] for e in contest.entries}
        for judge_id, entry_ids in contest.round(round_id).assignments.items():
            for entry_id in entry_ids:
                panels[entry_id].append(judge_id)
        self.entry_model.set_rows([
            PanelEntry(e, sorted(panels[e.id]), e.id in calibration,
                       e.id not in calibration and needed is not None and len(panels[e.id]) < needed)
            for e in contest.entries])
        self._select_entries(keep)
        current = self.judge_choice.currentData()
        self.judge_choice.clear()
        for row in rows:
            self.judge_choice.addItem(f"{row.judge.id} — {row.judge.name}", row.judge.id)
        self.judge_choice.setCurrentIndex(max(0, self.judge_choice.findData(current)))
        self.per_entry.setMaximum(max(1, len(rows)))
        self._calibration_ids = [e.id for e in contest.entries if e.id in calibration]
        self._gap_count = len(calibration_gaps(db, round_id))
        self._stale_ids = [s.judge_id for s in stale_bundles(db, round_id)]
        self._word_status()
        self._show_selection()
        self._fit_loads()

    def _fit_loads(self) -> None:
        """The loads table wide enough for every judge's whole name; the entries have the rest."""
        total = sum(self.splitter.sizes())
        needed = columns_width(self.judges_table)
        if not self._split_by_hand and total > needed:
            self.splitter.setSizes([needed, total - needed])

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._fit_loads()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit_loads()

    def selected_entry_ids(self) -> list[str]:
        return [self.entry_model.row_object(row).entry.id for row in selected_rows(self.entries_table)]

    def select_entries(self, entry_ids: list[str]) -> None:
        self._select_entries(set(entry_ids))

    def _select_entries(self, entry_ids: set[str]) -> None:
        self.entries_table.clearSelection()
        proxy = self.entries_table.model()
        for row in range(proxy.rowCount()):
            if proxy.index(row, EntryPanelModel.COL_ID).data() in entry_ids:
                self.entries_table.selectionModel().select(
                    proxy.index(row, 0), self.entries_table.selectionModel().SelectionFlag.Select
                    | self.entries_table.selectionModel().SelectionFlag.Rows)

    def _show_selection(self) -> None:
        chosen = self.selected_entry_ids()
        one = len(chosen) == 1
        for widget in (self.add_button, self.remove_button, self.judge_choice, self.reason):
            widget.setEnabled(one)
        self.mark_button.setEnabled(bool(chosen))
        self.unmark_button.setEnabled(bool(chosen))
        if one:
            entry = self.entry_model.row_object(selected_rows(self.entries_table)[0]).entry
            self.selected_label.setText(f"{entry.id} — {entry.org_name} ({entry.province})")
        else:
            self.selected_label.setText(self.tr("Choose one entry in the table to change its judges."))

    def _word_status(self) -> None:
        """The calibration line and the out-of-date banner, from what :meth:`refresh` read last."""
        chosen = self._calibration_ids
        text = (self.tr("Calibration entries (every judge scores them first; left out of the ranking): %1")
                .replace("%1", ", ".join(chosen)) if chosen else self.tr("No calibration entries."))
        if self._gap_count:
            text += "\n" + self.tr("Judges who do not have them first yet: %n. Assign automatically to give them "
                                  "out.", "", self._gap_count)
        self.calibration_label.setText(text)
        self.stale_banner.setVisible(bool(self._stale_ids))
        self.stale_banner.setText(self.tr("The bundles of %1 were issued before their entries changed and are out of "
                                          "date. Issue them again on the Bundles page.")
                                  .replace("%1", ", ".join(self._stale_ids)))

    def _say(self, text: str, colour: str) -> None:
        show_message(self.message, text, colour)
        self.message_area.setVisible(bool(text))
        # As tall as the text, up to a few lines; a longer text scrolls.
        width = max(self.message_area.viewport().width(), self.width() - 40, 200)
        self.message_area.setFixedHeight(min(110, self.message.heightForWidth(width) + 4))

    # ------------------------------------------------------------ automatic assignment

    def assign_automatically(self) -> Op | None:
        """Run the automatic assignment off the GUI thread; the outcome shows in the page."""
        if self.op is not None:
            return None
        per_entry, seed, round_id = self.per_entry.value(), self.seed.value(), self.session.round_id
        self.assign_button.setEnabled(False)
        self._say(self.tr("Assigning %1 judges per entry…").replace("%1", str(per_entry)), GOOD)
        self.op = db_op(self, self.session, lambda db, report: assign_round(db, round_id, per_entry, seed=seed),
                        done=self._assigned, failed=self._assign_failed)
        self.op.finished.connect(self._assign_finished)
        return self.op.start()

    def _assign_finished(self) -> None:
        self.op = None
        self.assign_button.setEnabled(True)

    def _assigned(self, outcome: AssignmentOutcome) -> None:
        self.last_outcome, self._infeasible = outcome, None
        loads = outcome.loads.values()
        text = (self.tr("Assigned %1 judges to every entry: %2 to %3 entries per judge; %4 judges' lists changed.")
                .replace("%1", str(outcome.per_entry)).replace("%2", str(min(loads))).replace("%3", str(max(loads)))
                .replace("%4", str(len(outcome.changed))))
        for judge_id, entry_id, _why in outcome.calibration_skipped:
            text += "\n" + (self.tr("%1 does not get calibration entry %2: %3").replace("%1", judge_id)
                            .replace("%2", entry_id).replace("%3", self._reasons_text(judge_id, entry_id)))
        self._say(text, GOOD)
        self.session.notify(ASSIGNMENT)

    def _assign_failed(self, error: BaseException) -> None:
        if isinstance(error, AssignmentInfeasible):
            self._infeasible = error
            self._infeasible_reasons = {(judge_id, short.entry_id): self._reasons(judge_id, short.entry_id)
                                        for short in error.short for judge_id, _why in short.excluded}
            self._show_infeasible()
        else:
            self._say(str(error), BAD)

    def _show_infeasible(self) -> None:
        """Each entry short of judges and why each other judge is kept off it (worded again on a language change)."""
        error = self._infeasible
        if error is None:
            return
        lines = [self.tr("Nothing was changed. Entries that cannot get enough judges under the rules: %n.", "",
                         len(error.short))]
        for short in error.short:
            reasons = "; ".join(f"{judge_id} {self._words(self._infeasible_reasons[judge_id, short.entry_id])}"
                                for judge_id, _why in short.excluded)
            lines.append("• " + self.tr("%1 needs %2 judges, only %3 can judge it: %4").replace("%1", short.entry_id)
                         .replace("%2", str(short.needed)).replace("%3", str(len(short.eligible)))
                         .replace("%4", reasons or self.tr("the contest has no more judges")))
        self._say("\n".join(lines), BAD)

    def _reasons(self, judge_id: str, entry_id: str) -> list[tuple[str, str]]:
        contest = self.session.db.contest
        return panel_rules(self.session.db, self.session.round_id).reasons(
            contest.judge(judge_id), contest.entry(entry_id))

    def _words(self, reasons: list[tuple[str, str]]) -> str:
        """Why the rules keep a judge off an entry, in the officer's language."""
        words = {"own province": self.tr("same province (%1)"), "province": self.tr("tied to province %1"),
                 "organisation": self.tr("tied to organisation %1"), "conflict": self.tr("declared a conflict")}
        return self.tr(" and ").join(words[kind].replace("%1", value) for kind, value in reasons)

    def _reasons_text(self, judge_id: str, entry_id: str) -> str:
        return self._words(self._reasons(judge_id, entry_id))

    # ------------------------------------------------------------ manual changes and calibration

    def change_selected(self, *, add: bool) -> None:
        """Add the chosen judge to the selected entry, or take them off it, with the reason typed."""
        chosen = self.selected_entry_ids()
        judge_id = self.judge_choice.currentData()
        if len(chosen) != 1 or judge_id is None:
            return
        entry_id = chosen[0]
        if not self.reason.text().strip():
            self._say(self.tr("Type the reason for the change first; it is kept in the "
                                               "assignment log."), WARN)
            self.reason.setFocus()
            return
        try:
            outcome = change_assignment(self.session.db, self.session.round_id, judge_id, entry_id, add=add,
                                        why=self.reason.text())
        except AssignmentRefused as exc:
            reasons = self._reasons_text(judge_id, entry_id) if add else ""
            self._say(self.tr("Refused: %1 may not judge %2: %3").replace("%1", judge_id)
                         .replace("%2", entry_id).replace("%3", reasons) if reasons else str(exc), BAD)
            return
        except JudgeAppError as exc:
            self._say(str(exc), BAD)
            return
        text = (self.tr("Added %1 to %2.") if add else self.tr("Removed %1 from %2.")).replace("%1", judge_id) \
            .replace("%2", entry_id)
        colour = GOOD
        if outcome.warning:
            colour = WARN
            if outcome.needed is not None and outcome.judges_now < outcome.needed:
                text += " " + (self.tr("%1 now has %2 judges; %3 are needed.").replace("%1", entry_id)
                               .replace("%2", str(outcome.judges_now)).replace("%3", str(outcome.needed)))
            else:
                text += " " + self.tr("%1 is a calibration entry; not every judge scores it now.").replace("%1", entry_id)
        self.reason.clear()
        self._say(text, colour)
        self.session.notify(ASSIGNMENT)

    def mark_calibration(self, mark: bool) -> None:
        """Make the selected entries calibration entries (or ordinary ones again)."""
        chosen = set(self.selected_entry_ids())
        current = set(calibration_entries(self.session.db, self.session.round_id))
        wanted = current | chosen if mark else current - chosen
        try:
            set_calibration_entries(self.session.db, self.session.round_id, sorted(wanted))
        except JudgeAppError as exc:
            self._say(str(exc), BAD)
            return
        self._say(self.tr("Calibration entries saved. Assign automatically to give them to every "
                                           "judge first."), GOOD)
        self.session.notify(ASSIGNMENT)

    # ------------------------------------------------------------ conflicts and history

    def open_conflicts_dialog(self) -> ConflictsDialog:
        """The round's conflicts of interest; "Declare…" starts from the selected entry."""
        chosen = self.selected_entry_ids()
        return open_dialog(self, ConflictsDialog(self.session, chosen[0] if len(chosen) == 1 else None, self))

    def open_history_dialog(self) -> HistoryDialog:
        return open_dialog(self, HistoryDialog(self.session, self))

    # ------------------------------------------------------------ language

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Assignment"))
        self.intro.setText(self.tr("Every entry gets the same number of judges and the work is spread evenly. A "
                                   "judge is never given an entry from the judge's own province, from a province or "
                                   "organisation the judge is tied to, or one the judge declared a conflict on. The "
                                   "same seed always gives the same assignment."))
        self.per_entry_label.setText(self.tr("&Judges per entry"))
        self.seed_label.setText(self.tr("S&eed"))
        self.assign_button.setText(self.tr("&Assign automatically"))
        self.conflicts_button.setText(self.tr("Con&flicts of interest…"))
        self.history_button.setText(self.tr("Assignment &history…"))
        self.search.setPlaceholderText(self.tr("Search entries (id, organisation, province, judge)"))
        self.change_box.setTitle(self.tr("Change the judges of the selected entry"))
        self.judge_label.setText(self.tr("Jud&ge"))
        self.reason_label.setText(self.tr("&Reason"))
        self.reason.setPlaceholderText(self.tr("Why, e.g. the judge asked to be replaced"))
        self.add_button.setText(self.tr("A&dd judge"))
        self.remove_button.setText(self.tr("Re&move judge"))
        self.calibration_box.setTitle(self.tr("Calibration entries"))
        self.mark_button.setText(self.tr("Mar&k selected as calibration"))
        self.unmark_button.setText(self.tr("&Unmark selected"))
        self.load_model.retranslate()
        self.entry_model.retranslate()
        self._word_status()
        self._show_selection()
        self._fit_loads()
        if self.message_area.isVisible() and self._infeasible is not None:
            self._show_infeasible()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
