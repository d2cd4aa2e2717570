"""One typing of a paper score sheet, and the two typings side by side.

:class:`TypingForm` is the form the officer types a sheet into (a score
chooser and a comment per criterion, the overall comment, a conflict box);
:class:`TypingsModel` shows the first and second typings field by field with
the fields that differ highlighted. What must agree is
:func:`judge_app.paper.compare_typings`'s; the dialog that uses both is
:class:`ui.secretariat.paper_dialog.PaperEntryDialog`.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from judge_app.decimals import decimal_str
from judge_app.model import Rubric
from judge_app.paper import PaperSheet, normalise_score

from ..criterion_card import ScoreChooser, WrapLabel
from ..i18n import current_language
from .tables import RowsModel

Key = tuple[str, str]  # (field, criterion id) as in judge_app.paper.Mismatch
DIFFERS = QColor("#fde0dc")


class TypingForm(QWidget):
    """One typing of a sheet: a score and a comment per criterion, an overall comment, a conflict box."""

    def __init__(self, rubric: Rubric, parent: QWidget | None = None):
        super().__init__(parent)
        self.rubric = rubric
        self._only: set[Key] | None = None
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        self.titles: dict[str, WrapLabel] = {}
        self.choosers: dict[str, ScoreChooser] = {}
        self.comments: dict[str, QLineEdit] = {}
        for row, criterion in enumerate(rubric.criteria):
            self.titles[criterion.id] = WrapLabel()
            self.titles[criterion.id].setMinimumWidth(230)
            chooser = self.choosers[criterion.id] = ScoreChooser(criterion, self)
            chooser.chosen.connect(partial(self._chosen, chooser))
            chooser.step_criterion.connect(partial(self._step, row))
            self.comments[criterion.id] = QLineEdit(self)
            chooser.comment_requested.connect(self.comments[criterion.id].setFocus)
            grid.addWidget(self.titles[criterion.id], row, 0)
            grid.addWidget(chooser, row, 1)
            grid.addWidget(self.comments[criterion.id], row, 2)
        rows = len(rubric.criteria)
        self.overall_label = QLabel(self)
        self.overall = QPlainTextEdit(self)
        self.overall.setTabChangesFocus(True)
        self.overall.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 16)
        self.conflict = QCheckBox(self)
        self.conflict.toggled.connect(self._conflict_toggled)
        self.reason = QLineEdit(self)
        grid.addWidget(self.overall_label, rows, 0)
        grid.addWidget(self.overall, rows, 1, 1, 2)
        grid.addWidget(self.conflict, rows + 1, 0)
        grid.addWidget(self.reason, rows + 1, 1, 1, 2)
        self.retranslate()

    def retranslate(self) -> None:
        thai = current_language() == "th"
        for criterion in self.rubric.criteria:
            title = criterion.title_th if thai else criterion.title_en
            self.titles[criterion.id].setText(f"{criterion.id}  {title} ({decimal_str(criterion.weight)}%)")
            self.comments[criterion.id].setPlaceholderText(self.tr("Comment on %1, if the judge wrote one")
                                                           .replace("%1", criterion.id))
            self.choosers[criterion.id].clear_button.setText(self.tr("Clear"))
        self.overall_label.setText(self.tr("Overall comment"))
        self.conflict.setText(self.tr("The judge declared a &conflict of interest"))
        self.reason.setPlaceholderText(self.tr("Reason written on the sheet"))

    def _chosen(self, chooser: ScoreChooser, value: Decimal | None, _keyboard: bool) -> None:
        chooser.set_value(value)  # the chooser shows only what it is told

    def _conflict_toggled(self, _checked: bool) -> None:
        self._apply_lock()

    def _step(self, row: int, step: int) -> None:
        ids = self.rubric.criterion_ids
        target = row + step
        if 0 <= target < len(ids) and self.choosers[ids[target]].isEnabled():
            self.choosers[ids[target]].setFocus()

    # ------------------------------------------------------------ what is typed

    def clear(self, keys: set[Key] | None = None) -> None:
        """Empty every field, or only ``keys``."""
        def wanted(key: Key) -> bool:
            return keys is None or key in keys
        for criterion_id, chooser in self.choosers.items():
            if wanted(("score", criterion_id)):
                chooser.set_value(None)
            if wanted(("comment", criterion_id)):
                self.comments[criterion_id].clear()
        if wanted(("overall_comment", "")):
            self.overall.clear()
        if wanted(("status", "")):
            self.conflict.setChecked(False)
        if wanted(("conflict_reason", "")):
            self.reason.clear()

    def fill(self, sheet: PaperSheet) -> None:
        """Show a typing (the fields both typings agree on, when only the others are re-typed)."""
        for criterion_id, chooser in self.choosers.items():
            typed = sheet.scores.get(criterion_id)
            chooser.set_value(Decimal(normalise_score(typed)) if typed else None)
            self.comments[criterion_id].setText(sheet.comments.get(criterion_id, ""))
        self.overall.setPlainText(sheet.overall_comment)
        self.conflict.setChecked(sheet.status == "conflict")
        self.reason.setText(sheet.conflict_reason)

    def only(self, keys: set[Key] | None) -> None:
        """Let only ``keys`` be typed (None: every field)."""
        self._only = keys
        self._apply_lock()

    def _apply_lock(self) -> None:
        def open_(key: Key) -> bool:
            return self._only is None or key in self._only
        scoring = not self.conflict.isChecked()
        for criterion_id, chooser in self.choosers.items():
            chooser.setEnabled(scoring and open_(("score", criterion_id)))
            self.comments[criterion_id].setEnabled(scoring and open_(("comment", criterion_id)))
        self.overall.setEnabled(open_(("overall_comment", "")))
        self.conflict.setEnabled(open_(("status", "")))
        self.reason.setEnabled(not scoring and open_(("conflict_reason", "")))

    def focus_first(self) -> None:
        for widget in (*self.choosers.values(), *self.comments.values(), self.overall, self.reason):
            if widget.isEnabled():
                widget.setFocus()
                return

    def missing(self) -> list[str]:
        """Criteria with no score yet (none are needed on a conflict sheet)."""
        if self.conflict.isChecked():
            return []
        return [c for c, chooser in self.choosers.items() if chooser.value() is None]

    def sheet(self, judge_id: str, entry_id: str) -> PaperSheet:
        if self.conflict.isChecked():
            return PaperSheet(judge_id, entry_id, "conflict", overall_comment=self.overall.toPlainText(),
                              conflict_reason=self.reason.text())
        scores = {c: decimal_str(ch.value()) for c, ch in self.choosers.items() if ch.value() is not None}
        comments = {c: edit.text() for c, edit in self.comments.items() if edit.text().strip()}
        return PaperSheet(judge_id, entry_id, "scored", scores, comments, self.overall.toPlainText())


class TypingsModel(RowsModel):
    """The two typings side by side, one row per field; rows that differ are highlighted."""

    COL_FIELD, COL_FIRST, COL_SECOND = range(3)

    @property
    def rows(self) -> list[tuple[Key, str, str, bool]]:
        """(field, first typing, second typing, whether they differ), in the order shown."""
        return self._rows

    def set_typings(self, rubric: Rubric, first: PaperSheet, second: PaperSheet, differing: set[Key]) -> None:
        rows = [(("status", ""), first.status, second.status, ("status", "") in differing)]
        for c in rubric.criterion_ids:
            rows.append((("score", c), first.scores.get(c, ""), second.scores.get(c, ""), ("score", c) in differing))
            if first.comments.get(c) or second.comments.get(c):
                rows.append((("comment", c), first.comments.get(c, ""), second.comments.get(c, ""),
                             ("comment", c) in differing))
        for name in ("overall_comment", "conflict_reason"):
            rows.append(((name, ""), getattr(first, name), getattr(second, name), (name, "") in differing))
        self.set_rows(rows)

    def _label(self, key: Key) -> str:
        field, criterion = key
        names = {"status": self.tr("Conflict of interest"), "score": self.tr("%1 score"),
                 "comment": self.tr("%1 comment"), "overall_comment": self.tr("Overall comment"),
                 "conflict_reason": self.tr("Conflict reason")}
        return names[field].replace("%1", criterion)

    def _value(self, key: Key, text: str) -> str:
        if key[0] == "status":
            return self.tr("yes") if text == "conflict" else self.tr("no")
        return text.strip() or "—"

    def headers(self) -> list[str]:
        return [self.tr("Field"), self.tr("First typing"), self.tr("Second typing")]

    def display(self, row: tuple[Key, str, str, bool], column: int) -> str:
        key, first, second, _differs = row
        return (self._label(key), self._value(key, first), self._value(key, second))[column]

    def background(self, row: tuple[Key, str, str, bool], column: int) -> QColor | None:
        return DIFFERS if row[3] else None

    def extra_data(self, row: tuple[Key, str, str, bool], column: int, role: int):
        if role == Qt.ItemDataRole.FontRole and row[3]:
            font = QFont()
            font.setBold(True)
            return font
        return None
