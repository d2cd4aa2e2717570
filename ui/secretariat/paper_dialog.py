"""Typing in a judge's paper score sheet: twice, blind, then the scan, then store.

The officer chooses the judge and the entry, types the sheet (in a
:class:`~ui.secretariat.paper_typing.TypingForm`), types it again
on a cleared form (the first typing stays hidden), sees any differences side
by side and re-types just those fields (again twice), attaches the scan and
stores. The rules — what must agree, the rubric, the scan, signed files
winning — are :mod:`judge_app.paper`'s; this dialog gathers the typings and
calls :func:`~judge_app.paper.enter_paper_sheet` off the GUI thread.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QCompleter, QDialog, QFileDialog, QFormLayout, QFrame, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QMessageBox, QScrollArea, QStackedWidget, QTableView, QVBoxLayout, QWidget,
)

from judge_app.errors import JudgeAppError
from judge_app.paper import PaperSheet, compare_typings, enter_paper_sheet, read_scan, sheet_slots
from judge_app.scoring import total_str, weighted_total

from ..criterion_card import WrapLabel
from ..i18n import app_settings
from .page_tools import button, button_row, db_op
from .paper_typing import Key, TypingForm, TypingsModel

CHOOSE, TYPING, MISMATCH, SCAN = range(4)
_STYLE = """
QFrame#paperBanner { background: #fff4d6; border: 1px solid #c98a00; border-radius: 6px; }
QLabel#stepLabel { font-weight: bold; font-size: 12pt; }
QLabel#errorLabel { color: #b00020; }
QLabel#doneLabel { color: #1b7a3a; font-weight: bold; }
QLabel#mutedLabel { color: #5b626c; }
QPushButton#scoreButton { min-width: 26px; padding: 3px 2px; }
QPushButton#scoreButton:checked { background: #2f6fdf; color: white; border: 1px solid #1f4fa8; font-weight: bold; }
"""
# Settings key remembering who types sheets in on this computer.
ENTERED_BY_KEY = "secretariat/paper_entered_by"


class PaperEntryDialog(QDialog):
    """Type one paper score sheet in twice, attach its scan and store it, marked as typed from paper."""

    stored = Signal(object)  # the StoredSheet

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.round_id = session.round_id
        self.rubric = session.db.contest.round(self.round_id).rubric
        self.typings: list[PaperSheet | None] = [None, None]
        self.typing = 0  # which typing the form is showing
        self.retyping: set[Key] | None = None  # fields being re-typed after a mismatch (None: all)
        self.scan_path: Path | None = None
        self.step = CHOOSE
        self.done_sheet = None
        self.setStyleSheet(_STYLE)
        self.resize(1060, 760)
        self._build()
        self._retranslate()
        self._load_judges()
        self._show(CHOOSE)

    # ------------------------------------------------------------ building

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        banner = QFrame(self)
        banner.setObjectName("paperBanner")
        self.banner = WrapLabel()
        QVBoxLayout(banner).addWidget(self.banner)
        self.step_label = QLabel(self)
        self.step_label.setObjectName("stepLabel")
        layout.addWidget(banner)
        layout.addWidget(self.step_label)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack, 1)

        choose = QWidget()
        form = QFormLayout(choose)
        self.judge_combo, self.entry_combo = self._searchable_combo(), self._searchable_combo()
        self.judge_combo.currentIndexChanged.connect(self._load_entries)
        self.entry_combo.currentIndexChanged.connect(self._entry_chosen)
        self.entry_note, self.existing_note = WrapLabel(), WrapLabel()
        self.entry_note.setObjectName("mutedLabel")
        self.replace_box = QCheckBox(self)
        self.by_edit = QLineEdit(str(app_settings().value(ENTERED_BY_KEY, "") or ""))
        self.judge_label, self.entry_label, self.by_label = QLabel(), QLabel(), QLabel()
        for label, widget in ((self.judge_label, self.judge_combo), (self.entry_label, self.entry_combo)):
            label.setBuddy(widget)
            form.addRow(label, widget)
        for note in (self.entry_note, self.existing_note, self.replace_box):
            form.addRow("", note)
        self.choose_form = form
        self.by_label.setBuddy(self.by_edit)
        form.addRow(self.by_label, self.by_edit)
        self.stack.addWidget(choose)

        self.typing_hint, self.form, scroll = WrapLabel(), TypingForm(self.rubric), QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        self._page(self.typing_hint, scroll)

        self.mismatch_summary, self.typings_model = WrapLabel(), TypingsModel(self)
        self.typings_view = self._typings_view()
        self._page(self.mismatch_summary, self.typings_view)

        self.sheet_summary, self.scan_label, self.done_label = WrapLabel(), WrapLabel(), WrapLabel()
        self.done_label.setObjectName("doneLabel")
        self.scan_button = button(self._choose_scan)
        row = QHBoxLayout()
        row.addWidget(self.scan_button)
        row.addWidget(self.scan_label, 1)
        self._page(self.sheet_summary, self._typings_view(), row, self.done_label)

        self.error_label = WrapLabel()
        self.error_label.setObjectName("errorLabel")
        layout.addWidget(self.error_label)
        self.restart_button, self.close_button = button(self._restart), button(self.reject)
        self.next_button = button(self._next)
        self.next_button.setDefault(True)
        layout.addLayout(button_row(self.restart_button, None, self.close_button, self.next_button))

    def _page(self, *parts: QWidget | QHBoxLayout) -> None:
        """A step's page: its parts one under the other; a table or the form takes the spare height."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        for part in parts:
            if isinstance(part, QHBoxLayout):
                column.addLayout(part)
            else:
                column.addWidget(part, 1 if isinstance(part, (QTableView, QScrollArea)) else 0)
        self.stack.addWidget(page)

    def _typings_view(self) -> QTableView:
        view = QTableView()
        view.setModel(self.typings_model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    def _searchable_combo(self) -> QComboBox:
        combo = QComboBox(self)
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        combo.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        combo.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        return combo

    def reject(self) -> None:
        """Close, after asking when a typing would be lost."""
        if self.step != CHOOSE and self.done_sheet is None:
            answer = QMessageBox.question(self, self.tr("Discard the typing?"),
                                          self.tr("The sheet has not been stored. Close and discard what was typed?"))
            if answer != QMessageBox.StandardButton.Yes:
                return
        super().reject()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Type in a paper score sheet"))
        self.banner.setText(self.tr(
            "These scores are typed in from a judge's paper score sheet. They are stored as paper-entered and "
            "marked as such in every result and report; they never count as a signed score file. The sheet is "
            "typed twice, and the second typing must not look at the first."))
        self.judge_label.setText(self.tr("&Judge:"))
        self.entry_label.setText(self.tr("&Entry:"))
        self.by_label.setText(self.tr("Typed in &by:"))
        self.by_edit.setPlaceholderText(self.tr("Your name, kept with the sheet"))
        self.replace_box.setText(self.tr("&Replace the stored paper sheet (the old one is kept in the audit record)"))
        self.restart_button.setText(self.tr("Start o&ver"))
        self.close_button.setText(self.tr("Close"))
        self.scan_button.setText(self.tr("Choose the sca&n…"))
        self.form.retranslate()
        self.typings_model.retranslate()
        if self.step == CHOOSE:  # later steps keep the chosen entry and the replace tick as they are
            self._load_entries()
        self._show(self.step)

    # ------------------------------------------------------------ judge and entry

    def _load_judges(self) -> None:
        round_ = self.session.db.contest.round(self.round_id)
        self.judge_combo.clear()
        for judge in self.session.db.contest.judges:
            if round_.entries_of(judge.id):
                self.judge_combo.addItem(f"{judge.id} — {judge.name}", judge.id)

    def _load_entries(self) -> None:
        judge_id = self.judge_combo.currentData()
        chosen = self.entry_combo.currentData()
        self.entry_combo.blockSignals(True)
        self.entry_combo.clear()
        settled = 0
        if judge_id:
            contest = self.session.db.contest
            for slot in sheet_slots(self.session.db, self.round_id, judge_id):
                if not slot.open_for_paper:
                    settled += 1
                    continue
                entry = contest.entry(slot.entry_id)
                mark = self.tr(" (paper sheet stored)") if slot.paper else ""
                self.entry_combo.addItem(f"{entry.id}{mark} — {entry.org_name} — {entry.project_title}", entry.id)
        if chosen is not None and self.entry_combo.findData(chosen) >= 0:
            self.entry_combo.setCurrentIndex(self.entry_combo.findData(chosen))
        self.entry_combo.blockSignals(False)
        self.entry_note.setText(self.tr("Entries settled by the judge's signed score file, not listed here because "
                                        "the signed file wins: %n", "", settled) if settled else "")
        self.choose_form.setRowVisible(self.entry_note, bool(settled))
        self._entry_chosen()

    def _entry_chosen(self) -> None:
        for combo in (self.judge_combo, self.entry_combo):
            combo.lineEdit().setCursorPosition(0)  # a long title shows its start: the id
        judge_id, entry_id = self.judge_combo.currentData(), self.entry_combo.currentData()
        stored = bool(judge_id and entry_id and any(
            s.paper for s in sheet_slots(self.session.db, self.round_id, judge_id) if s.entry_id == entry_id))
        self.existing_note.setText(self.tr("A paper sheet is already stored for this judge and entry.")
                                   if stored else "")
        self.choose_form.setRowVisible(self.existing_note, stored)
        self.choose_form.setRowVisible(self.replace_box, stored)
        self.replace_box.setChecked(False)

    @property
    def judge_id(self) -> str:
        return self.judge_combo.currentData() or ""

    @property
    def entry_id(self) -> str:
        return self.entry_combo.currentData() or ""

    # ------------------------------------------------------------ steps

    def _show(self, step: int) -> None:
        self.step = step
        self.stack.setCurrentIndex(step)
        self.restart_button.setVisible(step != CHOOSE and self.done_sheet is None)
        second = self.typing == 1
        if step == CHOOSE:
            self.step_label.setText(self.tr("Step 1 of 4: judge and entry"))
            self.next_button.setText(self.tr("&Next: first typing"))
        elif step == TYPING:
            again = self.retyping is not None
            self.step_label.setText(
                (self.tr("Step 3 of 4: second typing") if second else self.tr("Step 2 of 4: first typing"))
                + (self.tr(" — only the fields that differed") if again else ""))
            hint = (self.tr("Type the sheet of judge %1, entry %2 again from the paper. The first typing is hidden "
                            "on purpose.") if second else
                    self.tr("Read the paper sheet of judge %1, entry %2 and type each score: keys 1–5 and . for a "
                            "half (Thai digits too); ↑ ↓ move between criteria, Enter to the comment."))
            self.typing_hint.setText(hint.replace("%1", self.judge_id).replace("%2", self.entry_id))
            self.next_button.setText(self.tr("C&ompare the typings") if second else self.tr("&Next: type again"))
        elif step == MISMATCH:
            self.step_label.setText(self.tr("The two typings differ"))
            self.next_button.setText(self.tr("Re-&type the differing fields"))
        else:
            self.step_label.setText(self.tr("Step 4 of 4: scan and store"))
            self.next_button.setText(self.tr("Type &another sheet") if self.done_sheet else
                                     self.tr("&Store paper sheet"))
            self._describe_sheet()
        self.next_button.setEnabled(True)

    def _next(self) -> None:
        self.error_label.setText("")
        if self.step == CHOOSE:
            self._start_typing()
        elif self.step == TYPING:
            self._typing_done()
        elif self.step == MISMATCH:
            self._retype_differences()
        elif self.done_sheet is not None:
            self._restart()
        else:
            self._store()

    def _start_typing(self) -> None:
        if not (self.judge_id and self.entry_id):
            self.error_label.setText(self.tr("Choose a judge and one of the judge's entries."))
            return
        if not self.by_edit.text().strip():
            self.error_label.setText(self.tr("Say who is typing the sheet in."))
            self.by_edit.setFocus()
            return
        if self.existing_note.text() and not self.replace_box.isChecked():
            self.error_label.setText(self.tr("A sheet is already stored: tick “Replace” to type it again."))
            return
        app_settings().setValue(ENTERED_BY_KEY, self.by_edit.text().strip())
        self.typings, self.typing, self.retyping = [None, None], 0, None
        self.form.clear()
        self.form.only(None)
        self._show(TYPING)
        self.form.focus_first()

    def _typing_done(self) -> None:
        missing = self.form.missing()
        if missing:
            self.error_label.setText(self.tr("Not typed yet: %1. Type every score, or tick the conflict of interest "
                                             "box if the judge declared one.").replace("%1", ", ".join(missing)))
            return
        self.typings[self.typing] = self.form.sheet(self.judge_id, self.entry_id)
        if self.typing == 0:
            self.typing = 1
            self.form.clear(self.retyping)
            self._show(TYPING)
            self.form.focus_first()
            return
        first, second = self.typings
        mismatches = compare_typings(first, second)
        differing = {(m.field, m.criterion_id) for m in mismatches}
        self.typings_model.set_typings(self.rubric, first, second, differing)
        if not mismatches:
            self._show(SCAN)
            return
        self.mismatch_summary.setText(self.tr(
            "Fields that differ between the two typings (highlighted): %n. Nothing is stored until they agree: "
            "check the paper sheet and type those fields again, twice.", "", len(mismatches)))
        self._show(MISMATCH)

    def _retype_differences(self) -> None:
        first, second = self.typings
        differing = {(m.field, m.criterion_id) for m in compare_typings(first, second)}
        self.typing = 0
        if ("status", "") in differing:  # whether the judge declared a conflict changes the whole sheet
            self.retyping = None
            self.form.clear()
        else:
            self.retyping = differing
            self.form.fill(first)  # the fields both typings agree on
            self.form.clear(differing)
        self.form.only(self.retyping)
        self._show(TYPING)
        self.form.focus_first()

    def _restart(self) -> None:
        after_storing = self.done_sheet is not None
        self.typings, self.typing, self.retyping = [None, None], 0, None
        self.scan_path, self.done_sheet = None, None
        self.scan_label.setText("")
        self.done_label.setText("")
        self._load_entries()
        if after_storing:  # on to the judge's next sheet
            self.entry_combo.setCurrentIndex(min(self.entry_combo.currentIndex() + 1, self.entry_combo.count() - 1))
        self._show(CHOOSE)
        self.entry_combo.setFocus()

    # ------------------------------------------------------------ scan and store

    def _describe_sheet(self) -> None:
        sheet = self.typings[0]
        if sheet is None:
            return
        if sheet.status == "conflict":
            what = self.tr("conflict of interest declared")
        else:
            scores = {c: Decimal(v) for c, v in sheet.scores.items()}
            what = self.tr("weighted total %1 / 100").replace("%1", total_str(weighted_total(self.rubric, scores)))
        self.sheet_summary.setText(self.tr("Both typings agree. Judge %1, entry %2: %3.")
                                   .replace("%1", sheet.judge_id).replace("%2", sheet.entry_id).replace("%3", what))
        self.scan_button.setEnabled(self.done_sheet is None)

    def _choose_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose the scan of the paper sheet"), "",
                                              self.tr("Scans (*.pdf *.png *.jpg *.jpeg)"))
        if path:
            self.set_scan(Path(path))

    def set_scan(self, path: Path) -> None:
        """Attach the scan (checked at once, so a wrong file is caught before storing)."""
        self.error_label.setText("")
        try:
            scan = read_scan(path)
        except JudgeAppError as exc:
            self.scan_path = None
            self.scan_label.setText("")
            self.error_label.setText(str(exc))
            return
        self.scan_path = Path(path)
        size = len(scan.data)
        shown = f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{max(size // 1024, 1)} KB"
        self.scan_label.setText(self.tr("%1 (%2, %3)").replace("%1", scan.name).replace("%2", scan.kind)
                                .replace("%3", shown))

    def _store(self) -> None:
        if self.scan_path is None:
            self.error_label.setText(self.tr("Attach the scan of the paper sheet first."))
            return
        first, second = self.typings
        scan, by, replace = self.scan_path, self.by_edit.text().strip(), self.replace_box.isChecked()
        round_id = self.round_id
        self.next_button.setEnabled(False)
        self.restart_button.setEnabled(False)
        db_op(self, self.session,
              lambda db, _report: enter_paper_sheet(db, round_id, first, second, scan, by, replace=replace),
              done=self._stored, failed=self._refused).start()

    def _stored(self, sheet) -> None:
        self.done_sheet = sheet
        self.restart_button.setEnabled(True)
        self.done_label.setText(self.tr("Stored, marked as typed from paper. Scan SHA-256 %1…")
                                .replace("%1", sheet.scan_sha256[:16]))
        self._show(SCAN)
        self.next_button.setFocus()
        self.session.notify("scores")
        self.stored.emit(sheet)

    def _refused(self, error: BaseException) -> None:
        self.restart_button.setEnabled(True)
        self.next_button.setEnabled(True)
        self.error_label.setText(str(error) if isinstance(error, JudgeAppError)
                                 else self.tr("The sheet could not be stored: %1").replace("%1", str(error)))
