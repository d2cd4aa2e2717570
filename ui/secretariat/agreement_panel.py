"""The results page's "Panel agreement" tab: how far the judges agree, as a figure and in words.

The figures are the core's (:class:`judge_app.round_results.RoundResults`:
Krippendorff's alpha, the intraclass correlation when every judge scored every
entry, and the ICC of the calibration entries); the panel says what each means,
or why it is not available yet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from judge_app.round_results import RoundResults

from ..dialogs import big_font
from .page_tools import wrapped_label


class AgreementPanel(QWidget):
    """Three rows of title, value and meaning: alpha, the ICC, the ICC on the calibration entries."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setColumnStretch(2, 1)
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(14)
        self.rows: list[tuple[QLabel, QLabel, QLabel]] = []
        for row in range(3):  # alpha, ICC, ICC on the calibration entries
            title, value, note = QLabel(self), QLabel(self), wrapped_label(self)
            title.setFont(big_font(self, 1.0))
            value.setFont(big_font(self, 1.6))
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            for column, label in enumerate((title, value, note)):
                grid.addWidget(label, row, column, Qt.AlignmentFlag.AlignTop)
            self.rows.append((title, value, note))
        grid.setRowStretch(3, 1)

    def show_results(self, rr: RoundResults) -> None:
        """The round's figures and what they mean, in the language in force (a row without a title is hidden)."""
        for labels, (title, value, note) in zip(self.rows, self.figures(rr)):
            for label, text in zip(labels, (title, value, note)):
                label.setText(text)
                label.setVisible(bool(title))

    def figures(self, rr: RoundResults) -> list[tuple[str, str, str]]:
        """(title, value, what it means) for Krippendorff's alpha, the ICC or why there is none, and the
        ICC of the calibration entries (an empty title hides a row)."""
        def number(value: float | None) -> str:
            return f"{value:.3f}" if value is not None else "–"

        alpha = (self.tr("Krippendorff's alpha (interval)"), number(rr.alpha), self.tr(
            "Agreement of the judges' totals over all scored entries, counting judges who scored only some of "
            "them. 1 means the judges agree perfectly, 0 no more than chance; Krippendorff asks for 0.8 for firm "
            "conclusions and at least 0.667 for tentative ones.") if rr.alpha is not None else self.tr(
            "Not available yet: no entry has totals from two judges, or every total is the same."))
        icc = (self.tr("%1 intraclass correlation").replace("%1", rr.icc_form), number(rr.icc), self.tr(
            "Every judge scored every entry, so the intraclass correlation applies: the same judges rate every "
            "entry, and this is the reliability of one judge's total (Shrout & Fleiss 1979).")
            if rr.icc is not None else self.tr(
            "Not available: it needs every judge to have scored every entry; here each entry was scored by some "
            "of the judges, so Krippendorff's alpha is the measure that applies."))
        calibration = ("", "", "")
        if rr.calibration:
            calibration = (self.tr("%1 on the calibration entries").replace("%1", rr.icc_form),
                           number(rr.calibration_icc), self.tr(
                "Every judge scores the calibration entries, so the intraclass correlation shows how far the "
                "panel shares one scale.") if rr.calibration_icc is not None else self.tr(
                "Not available until every judge has scored every calibration entry."))
        return [alpha, icc, calibration]
