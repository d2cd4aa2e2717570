"""Choosing the ranking method: the three methods side by side, and changing the choice once results were seen.

The methods and their one-line explanations are the core's
(:data:`judge_app.ranking.METHODS`, ``METHOD_LABELS_TH`` / ``METHOD_LABELS_EN``);
recording a choice is the results page's (:func:`judge_app.decisions.choose_method`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from judge_app.ranking import METHOD_LABELS_EN, METHOD_LABELS_TH, METHODS

from ..dialogs import big_font
from ..i18n import current_language
from .page_tools import wrapped_label
from .results_models import method_name


def method_label(method: str) -> str:
    """The core's one-line explanation of a method, in the current language."""
    return (METHOD_LABELS_TH if current_language() == "th" else METHOD_LABELS_EN)[method]


class MethodChoice(QWidget):
    """The three ranking methods as radio buttons, each with the core's one-line explanation."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 6)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.explanations: dict[str, QLabel] = {}
        for method in METHODS:
            button = QRadioButton(self)
            button.setFont(big_font(self, 1.05))
            self.group.addButton(button)
            explanation = wrapped_label(self)
            explanation.setIndent(28)
            explanation.setObjectName("mutedLabel")
            layout.addWidget(button)
            layout.addWidget(explanation)
            self.buttons[method], self.explanations[method] = button, explanation
            button.toggled.connect(lambda on, m=method: on and self.changed.emit(m))
        self.retranslate()

    def retranslate(self) -> None:
        for number, (method, button) in enumerate(self.buttons.items(), start=1):
            name = method_name(method)
            button.setText(f"&{number}  {name[:1].upper()}{name[1:]}")
            self.explanations[method].setText(method_label(method))

    def method(self) -> str | None:
        return next((m for m, b in self.buttons.items() if b.isChecked()), None)

    def set_method(self, method: str) -> None:
        self.buttons[method].setChecked(True)


class ChangeMethodDialog(QDialog):
    """Choose another ranking method once results were seen, warned that the change is recorded as such."""

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change the ranking method"))
        layout = QVBoxLayout(self)
        warning = wrapped_label(self)
        warning.setText(self.tr(
            "Results have already been seen. A method chosen now is recorded as changed after the results were "
            "seen, with the time, and the results report says so."))
        warning.setStyleSheet("color: #9a5b00;")
        layout.addWidget(warning)
        self.choice = MethodChoice(self)
        self.choice.set_method(current)
        layout.addWidget(self.choice)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.change_button = buttons.addButton(self.tr("Record the &change"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.change_button.setDefault(True)
        self.change_button.setEnabled(False)
        self.choice.changed.connect(lambda method: self.change_button.setEnabled(method != current))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, max(self.heightForWidth(640), self.minimumSizeHint().height()))  # as tall as the text
